// Consultation status in the reader's browser: the build sets the state of its own day; this script
// re-checks it against today's date, so comment links disappear after the closing date without a
// rebuild. Dates are Vietnamese calendar days (UTC+7), both inclusive.
(function () {
  "use strict";
  var status = document.querySelector(".consultation-status");
  if (!status) return;

  // Milliseconds at 00:00 in Viet Nam (UTC+7) of an ISO date, plus `days`.
  function vietnamMidnight(iso, days) {
    var p = iso.split("-").map(Number);
    return Date.UTC(p[0], p[1] - 1, p[2] + days) - 7 * 3600 * 1000;
  }

  var now = Date.now();
  var state = now < vietnamMidnight(status.dataset.opens, 0) ? "upcoming"
    : now < vietnamMidnight(status.dataset.closes, 1) ? "open" : "closed";
  status.dataset.state = state;
  document.documentElement.dataset.consultation = state;

  status.querySelectorAll("[data-when]").forEach(function (el) {
    el.hidden = el.dataset.when !== state;
  });
  document.querySelectorAll(".comment-link").forEach(function (el) {
    el.hidden = state !== "open";
  });
  document.querySelectorAll(".comment-closed-notice").forEach(function (el) {
    el.hidden = state !== "closed";
  });
})();
