// "Tandai semua yang belum diperiksa sesuai" on the officer's application page: every document not judged
// yet is marked SESUAI; a judgement the officer already made is left as it is.
// A file, not an inline script: the Content-Security-Policy allows scripts from 'self' only.
(function () {
  "use strict";
  var button = document.getElementById("tandai-semua-sesuai");
  if (!button) {
    return;
  }
  button.addEventListener("click", function () {
    document.querySelectorAll("fieldset").forEach(function (set) {
      if (!set.querySelector("input[type=radio]:checked")) {
        var ok = set.querySelector("input[type=radio][value=SESUAI]");
        if (ok) {
          ok.checked = true;
        }
      }
    });
  });
})();
