// Lesson exercises work without JavaScript (each answer is a <details>). With it, opening one
// answer closes the others of the same exercise, so a learner commits to one choice at a time.
(function () {
  "use strict";
  document.querySelectorAll("[data-exercise]").forEach(function (exercise) {
    var choices = exercise.querySelectorAll("details.choice");
    choices.forEach(function (choice) {
      choice.addEventListener("toggle", function () {
        if (!choice.open) return;
        exercise.classList.add("answered");
        choices.forEach(function (other) {
          if (other !== choice) other.open = false;
        });
      });
    });
  });
})();
