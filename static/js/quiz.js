// Quiz attempts work without JavaScript (the "Save my answers" button, a deadline in the text).
// With it: answers save in the background as the learner goes, with a discreet status, and a
// countdown shows the time left. The server stays the judge: it refuses late answers whatever
// this script does. If a background save fails, nothing changes for the form.
(function () {
  "use strict";
  var form = document.querySelector("form[data-quiz-attempt]");
  if (!form || !window.fetch || !window.FormData) return;

  var status = document.querySelector("[data-save-status]");
  var pending = null;
  var inFlight = false;
  var again = false;
  var leaving = false;

  function show(text) {
    if (!status) return;
    status.textContent = text;
    status.hidden = false;
  }

  function save() {
    if (leaving) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    var data = new FormData(form);
    data.append("save", "1");
    show(status ? status.dataset.saving : "");
    fetch(form.action || window.location.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      redirect: "error",
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (result) {
        if (!result.open) {
          // The attempt is closed (time is up, or handed in from another tab): the server says how.
          if (!leaving) window.location.reload();
          return;
        }
        show(status ? status.dataset.saved : "");
      })
      .catch(function () {
        show(status ? status.dataset.failed : "");
      })
      .then(function () {
        inFlight = false;
        if (again) {
          again = false;
          save();
        }
      });
  }

  function later(delay) {
    window.clearTimeout(pending);
    pending = window.setTimeout(save, delay);
  }

  form.addEventListener("submit", function () {
    // The form itself carries every answer now: no background save may land after it.
    leaving = true;
    window.clearTimeout(pending);
  });
  form.addEventListener("change", function () {
    later(300);
  });
  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") later(1500);
  });

  var timer = document.querySelector("[data-seconds-left]");
  if (!timer) return;
  var value = timer.querySelector("[data-timer-value]");
  var end = Date.now() + 1000 * parseInt(timer.dataset.secondsLeft, 10);
  var submitted = false;

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function tick() {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    value.textContent = Math.floor(left / 60) + ":" + pad(left % 60);
    timer.classList.toggle("timer-low", left <= 60);
    if (left === 0 && !submitted) {
      submitted = true;
      // Hand in what was answered; the server grades only what arrived before the deadline.
      var confirm = document.createElement("input");
      confirm.type = "hidden";
      confirm.name = "confirm";
      confirm.value = "1";
      form.appendChild(confirm);
      leaving = true;
      window.clearTimeout(pending);
      // The form has a button named "submit", which hides form.submit: call the real one.
      HTMLFormElement.prototype.submit.call(form);
      return;
    }
    if (left > 0) window.setTimeout(tick, 1000);
  }

  timer.hidden = false;
  tick();
})();
