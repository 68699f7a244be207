// Moves focus to the error summary so that screen-reader and keyboard users hear what went wrong; a page
// without a summary brings the first error shown beside a field into view instead.
// A file, not an inline script: the Content-Security-Policy allows scripts from 'self' only.
(function () {
  "use strict";
  var summary = document.getElementById("ringkasan-kesalahan");
  if (summary) {
    summary.focus();
    return;
  }
  var firstError = document.querySelector(".invalid-feedback[role=alert]");
  if (firstError) {
    firstError.scrollIntoView({ block: "center" });
  }
})();
