// Short comment addresses (/gop-y/<section-id>/): while the consultation is open, go on to the
// prefilled comment form; before it opens or after it closes, show the page's notice instead.
// Dates are Vietnamese calendar days (UTC+7), both inclusive, as in consultation.js.
(function () {
  "use strict";
  var root = document.documentElement;

  // Milliseconds at 00:00 in Viet Nam (UTC+7) of an ISO date, plus `days`.
  function vietnamMidnight(iso, days) {
    var p = iso.split("-").map(Number);
    return Date.UTC(p[0], p[1] - 1, p[2] + days) - 7 * 3600 * 1000;
  }

  var now = Date.now();
  var state = now < vietnamMidnight(root.dataset.opens, 0) ? "upcoming"
    : now < vietnamMidnight(root.dataset.closes, 1) ? "open" : "closed";
  if (state === "open") {
    location.replace(root.dataset.target);
    return;
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-when]").forEach(function (el) {
      el.hidden = el.dataset.when !== state;
    });
  });
})();
