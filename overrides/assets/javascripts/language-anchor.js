// Switching language keeps the reader's place: links to the other language (the language selector
// and the translation notices, all marked with hreflang) carry the address's #anchor, since section
// and paragraph ids are the same in every language; with no anchor in the address, the paragraph or
// section at the top of the screen. This handler navigates itself, so Material's own
// alternate-language handler (which drops the anchor) never runs.
(function () {
  "use strict";

  // The document's own blocks, whose ids are the same in both languages: paragraphs and list items
  // with citation tools (or their label, on the full text) and the headings of sections.
  function isDocumentBlock(element) {
    if (/^H[1-6]$/.test(element.tagName)) return !!element.querySelector(":scope > .cite-button");
    return element.hasAttribute("data-cite-label") || !!element.querySelector(":scope > .paragraph-tools");
  }

  // "#id" of the block being read, or "" at the top of the page: the first document block that starts
  // below the header, unless the block running under the header still fills half of the screen.
  function readingPlace() {
    if (window.scrollY < 1) return "";
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var blocks = document.querySelectorAll("article [id]:is(h1, h2, h3, h4, h5, h6, p, li)");
    for (var i = 0; i < blocks.length; i++) {
      var box = blocks[i].getBoundingClientRect();
      if (!box.height || box.bottom <= top + 1 || !isDocumentBlock(blocks[i])) continue;
      if (box.top >= top - 8 || box.bottom - top >= (window.innerHeight - top) / 2) return "#" + blocks[i].id;
    }
    return "";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link || event.defaultPrevented || link.target) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    event.stopPropagation();
    var target = new URL(link.href, location.href);
    if (!target.hash) target.hash = location.hash || readingPlace();
    location.href = target.href;
  }, true);
})();
