/* Inside the sandboxed player (opaque origin): start h5p-standalone, and pass xAPI statements,
   the saved state and the content height to the lesson page, which alone may talk to the
   server. Nothing here can read the site's cookies or pages. */
(function () {
  "use strict";
  // The sandbox (no allow-same-origin) forbids web storage, and H5P reads localStorage (an
  // anonymous xAPI actor id): give it a storage that lives as long as the page.
  function memoryStorage() {
    var data = {};
    return {
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : null; },
      setItem: function (key, value) { data[key] = String(value); },
      removeItem: function (key) { delete data[key]; },
      clear: function () { data = {}; },
      key: function (i) { return Object.keys(data)[i] || null; },
      get length() { return Object.keys(data).length; }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try { window[name].getItem("x"); } catch (e) {
      try { Object.defineProperty(window, name, { value: memoryStorage(), configurable: true }); } catch (ignored) { /* keep the original */ }
    }
  });

  var el = document.getElementById("h5p-container");
  if (!el || !window.H5PStandalone) { return; }
  var d = el.dataset;
  var embedded = window.parent !== window;
  function send(message) {
    if (embedded) { window.parent.postMessage(message, d.parentOrigin); }
  }
  var options = {
    id: d.contentId,
    h5pJsonPath: d.h5pJsonPath,
    librariesPath: d.librariesPath,
    frameJs: d.frameJs,
    frameCss: d.frameCss,
    embedType: "div",
    frame: false,
    copyright: false,
    export: false,
    embed: false,
    icon: false,
    fullScreen: false,
    xAPIObjectIRI: d.objectIri
  };
  if (embedded) {
    // H5P keeps the state in memory (no user, so no ajax); saveState() forwards it.
    options.saveFreq = 15;
    if (d.state) {
      // H5P core reads contentUserData[subContentId][dataType] (0: the content itself).
      options.contentUserData = [{ state: d.state }];
    }
  }
  var lastState = d.state || "";
  function saveState() {
    var H5P = window.H5P;
    if (!H5P || !H5P.instances || !H5P.instances[0]) { return; }
    var instance = H5P.instances[0];
    if (typeof instance.getCurrentState !== "function") { return; }
    var state = instance.getCurrentState();
    var json = state === undefined || state === null ? "" : JSON.stringify(state);
    if (json !== lastState) {
      lastState = json;
      send({ type: "kalan-h5p-state", state: json });
    }
  }
  var lastHeight = 0;
  function sendHeight() {
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== lastHeight) {
      lastHeight = height;
      send({ type: "kalan-h5p-height", height: height });
    }
  }
  new window.H5PStandalone.H5P(el, options).then(function () {
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      var statement = event && event.data && event.data.statement;
      if (statement) {
        send({ type: "kalan-h5p-xapi", statement: JSON.parse(JSON.stringify(statement)) });
        saveState();
      }
    });
    if (window.ResizeObserver) { new ResizeObserver(sendHeight).observe(document.body); }
    sendHeight();
    window.setInterval(saveState, 15000);
    send({ type: "kalan-h5p-ready" });
  });
})();
