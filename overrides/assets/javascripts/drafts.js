// On the permanent copy of a draft (/du-thao/<date>/…): once a newer draft is published, say so
// and link to the same page and section in the latest draft (the site root). The copy's HTML never
// changes; this script reads the list of drafts that the latest publication wrote.
(function () {
  "use strict";
  var line = document.querySelector(".draft-line[data-permanent]");
  if (!line || !window.fetch) return;
  var root = new URL(line.dataset.root, location.href);
  fetch(new URL("drafts.json", root)).then(function (response) {
    return response.ok ? response.json() : [];
  }).then(function (drafts) {
    if (!drafts.length || drafts[0].date <= line.dataset.draftDate) return;
    var latest = drafts[0];
    var base = new URL("du-thao/" + line.dataset.draftDate + "/", root).pathname;
    var rest = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length) : line.dataset.langPrefix;
    var link = line.querySelector(".draft-line__latest");
    var lang = line.dataset.langPrefix ? "en" : "vi";
    link.textContent = latest.label[lang];
    link.href = new URL(rest, root).href + location.hash;
    line.querySelector(".draft-line__older").hidden = false;
    line.querySelector(".draft-line__label").hidden = true;
  }).catch(function () {});
})();
