// An English page opened at a paragraph or section (#id): a short notice at the top of what the reader
// lands on says that the text is an unofficial translation, that the Vietnamese text prevails, and
// links to the same place in Vietnamese. main.html's head script loads this file only then, after
// reserving the notice's room on that target before the first paint: nothing moves when it appears,
// and no other reader loads, sees or hears anything of it. The notice is focused once the browser has
// gone to the target, so that screen readers and the Tab key start from it; it goes (with its room)
// when the reader goes to another anchor.
(function () {
  "use strict";
  var RULES = [
    ".md-typeset .translation-landing { position: absolute; top: 0; left: 0; right: 0; display: block;" +
    " box-sizing: border-box; border-left: 0.2rem solid var(--md-accent-fg-color); padding: 0.15em 0.6em;" +
    " font-size: 0.64rem; line-height: 1.4; font-weight: 400; letter-spacing: normal; text-transform: none;" +
    " text-align: left; color: var(--md-default-fg-color); }",
    ".md-typeset .translation-landing:focus { outline: none; }", // focused for screen readers; not a control
    "@media print { .md-typeset .translation-landing { display: none; } }"
  ];

  function show() {
    var template = document.querySelector("template.translation-landing-template");
    var article = document.querySelector(".md-content article");
    var sheet = document.querySelector('link[href$="extra.css"]');
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }
    var target = id && document.getElementById(id);
    if (!template || !article || !sheet || !sheet.sheet || !target || !article.contains(target)
        || !/^(P|LI|H[2-6])$/.test(target.tagName) || target.closest(".translation-notice")) return;
    RULES.forEach(function (rule) { sheet.sheet.insertRule(rule, sheet.sheet.cssRules.length); });
    var notice = document.importNode(template.content.firstElementChild, true);
    notice.querySelector("a[hreflang]").hash = location.hash;
    if (/^H/.test(target.tagName)) {
      // Inside a heading it would become part of the heading's name: just before it, laid over the
      // heading's room, and kept there when the text above or the window changes size.
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
    function focusNotice() {
      if (!document.activeElement || document.activeElement === document.body) notice.focus({ preventScroll: true });
    }
    if (document.readyState === "complete") setTimeout(focusNotice);
    else window.addEventListener("load", function () { setTimeout(focusNotice); });
    window.addEventListener("hashchange", function () {
      notice.remove();
      document.documentElement.classList.add("landing-left");
    }, { once: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
