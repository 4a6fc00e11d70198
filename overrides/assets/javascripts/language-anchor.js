// Switching language keeps the reader's place: links to the other language (the language selector
// and the translation notices, all marked with hreflang) carry the address's #anchor, since section
// and paragraph ids are the same in every language; with no anchor in the address, the paragraph or
// section at the top of the screen. This handler navigates itself, so Material's own
// alternate-language handler (which drops the anchor) never runs.
//
// English pages opened at a paragraph or section (a deep link) show a short notice at the top of what
// the reader lands on: an unofficial translation, the Vietnamese text prevails, with a link to the
// same place in Vietnamese. It is added only for that reader, into room reserved before the first
// paint (main.html), so nothing moves when it appears.
(function () {
  "use strict";

  // The document's own blocks, whose ids are the same in both languages: paragraphs and list items
  // with citation tools (or their label, on the full text) and the headings of sections.
  function isDocumentBlock(element) {
    if (/^H[1-6]$/.test(element.tagName)) return !!element.querySelector(":scope > .cite-button");
    return element.hasAttribute("data-cite-label") || !!element.querySelector(":scope > .paragraph-tools");
  }

  // "#id" of the first document block visible below the header, or "" at the top of the page.
  function readingPlace() {
    if (window.scrollY < 1) return "";
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var blocks = document.querySelectorAll("article [id]:is(h1, h2, h3, h4, h5, h6, p, li)");
    for (var i = 0; i < blocks.length; i++) {
      var box = blocks[i].getBoundingClientRect();
      if (box.height && box.bottom > top + 1 && isDocumentBlock(blocks[i])) return "#" + blocks[i].id;
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

  // The notice at an English deep link (the page carries it in a <template> only in English). A
  // paragraph or list item holds it in its room; a heading has it just before (inside, it would
  // become part of the heading's name), laid over the heading's room, and kept there if the text
  // above it or the window changes size.
  var template = document.querySelector("template.translation-landing-template");
  var id = "";
  try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }
  var target = id && document.getElementById(id);
  var article = document.querySelector(".md-content article");
  if (!template || !target || !article || !article.contains(target) || !/^(P|LI|H[2-6])$/.test(target.tagName)
      || target.closest(".translation-notice")) return;
  var notice = document.importNode(template.content.firstElementChild, true);
  notice.querySelector("a[hreflang]").hash = location.hash;
  if (/^H/.test(target.tagName)) {
    target.parentNode.insertBefore(notice, target);
    var place = function () {
      var box = target.getBoundingClientRect(), origin = notice.offsetParent.getBoundingClientRect();
      notice.style.top = (box.top - origin.top) + "px";
      notice.style.left = (box.left - origin.left) + "px";
      notice.style.width = box.width + "px";
    };
    place();
    if (window.ResizeObserver) new ResizeObserver(place).observe(article);
    window.addEventListener("resize", place);
  } else {
    target.insertBefore(notice, target.firstChild);
  }
  // Screen readers and the Tab key start from the notice, then go on into the target: focused once
  // the browser has gone to the target (which moves the focus itself), unless the reader has moved it.
  function focusNotice() {
    if (!document.activeElement || document.activeElement === document.body) notice.focus({ preventScroll: true });
  }
  if (document.readyState === "complete") setTimeout(focusNotice);
  else window.addEventListener("load", function () { setTimeout(focusNotice); });
  // Going to another anchor: the notice has been read; it and its room go.
  window.addEventListener("hashchange", function () {
    notice.remove();
    document.documentElement.classList.add("landing-left");
  }, { once: true });
})();
