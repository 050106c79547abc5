/* Lesson page: an H5P activity starts only when the learner asks (the player weighs ~170 KB).
   Without JavaScript the "start" link opens the player page itself.
   The player runs in an iframe sandboxed WITHOUT allow-same-origin: its messages arrive with
   origin "null", so they are recognised by their source window, never by their origin. */
(function () {
  "use strict";
  if (window.kalanH5PLesson) { return; }
  window.kalanH5PLesson = true;

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function post(url, data) {
    return window.fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(data)
    });
  }

  var SCORED = {
    "http://adlnet.gov/expapi/verbs/answered": true,
    "http://adlnet.gov/expapi/verbs/completed": true
  };

  function isTopLevelScore(statement) {
    if (!statement || !statement.verb || !SCORED[statement.verb.id]) { return false; }
    var context = statement.context || {};
    if (context.contextActivities && context.contextActivities.parent) { return false; }
    return !!(statement.result && statement.result.score);
  }

  function start(section, link) {
    var d = section.dataset;
    var iframe = document.createElement("iframe");
    iframe.setAttribute("sandbox", "allow-scripts");
    iframe.setAttribute("title", section.querySelector(".h5p-activity__title").textContent);
    iframe.className = "h5p-activity__frame";
    iframe.src = link.href;
    var status = section.querySelector(".h5p-activity__status");
    var signedIn = csrfToken() !== "";

    window.addEventListener("message", function (event) {
      if (event.source !== iframe.contentWindow) { return; }
      var message = event.data;
      if (!message || typeof message !== "object") { return; }
      var base = { lesson: parseInt(d.lesson, 10), activity: parseInt(d.activity, 10) };
      if (message.type === "kalan-h5p-height" && typeof message.height === "number") {
        iframe.style.height = Math.max(150, Math.min(message.height, 5000)) + "px";
      } else if (message.type === "kalan-h5p-xapi" && !signedIn && isTopLevelScore(message.statement)) {
        status.textContent = d.signInText;
      } else if (message.type === "kalan-h5p-xapi" && signedIn && isTopLevelScore(message.statement)) {
        base.statement = message.statement;
        post(d.xapiUrl, base).then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        }).then(function (result) {
          status.textContent = d.savedText + " " + Math.round(result.scaled * 100) + " %";
          section.setAttribute("data-h5p-saved", "true");
        }).catch(function () {
          status.textContent = d.unsavedText;
        });
      } else if (message.type === "kalan-h5p-state" && signedIn && typeof message.state === "string") {
        base.state = message.state;
        post(d.stateUrl, base).catch(function () { /* resume is a convenience */ });
      }
    });

    link.parentNode.replaceWith(iframe);
    iframe.focus();
  }

  document.querySelectorAll("[data-h5p-activity]").forEach(function (section) {
    var link = section.querySelector("[data-h5p-start]");
    if (!link) { return; }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      start(section, link);
    });
  });
})();
