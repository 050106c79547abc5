// Quick exit: leave for a neutral site without leaving this page in the history.
// Without JavaScript the same control is a plain link.
(function () {
  "use strict";
  function leave(url) {
    document.body.style.visibility = "hidden";
    window.location.replace(url);
  }
  function exitUrl() {
    var link = document.querySelector("[data-quick-exit]");
    return link ? link.getAttribute("href") : null;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-quick-exit]");
    if (!link) return;
    event.preventDefault();
    leave(link.getAttribute("href"));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    var url = exitUrl();
    if (url) leave(url);
  });
})();
