// Switching language keeps the reader on the same section: links to the other language (the
// language selector and the translation notice, both marked with hreflang) carry the current
// #anchor, since section ids are the same in every language. This handler navigates itself, so
// Material's own alternate-language handler (which drops the anchor) never runs.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[hreflang]");
  if (!link || event.defaultPrevented || link.target) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  event.stopPropagation();
  var target = new URL(link.href, location.href);
  if (location.hash && !target.hash) target.hash = location.hash;
  location.href = target.href;
}, true);
