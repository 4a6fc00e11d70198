// Copy a citation of a paragraph, a section, or the reader's text selection:
//   «quoted text» (Draft name, version of <date>, Part One, section II.1.2.1, paragraph 2) URL
// The quote is the selection when there is one inside the cited block, otherwise the block's
// text (a section is quoted by its heading). Works with keyboard, touch and screen readers, confirms
// with a visible notice that is also a live region, and falls back to a selectable field when the clipboard is refused.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="citation-draft"]');
  if (!meta) return;
  var draft = meta.content;
  var texts = JSON.parse(document.querySelector('meta[name="citation-texts"]').content);
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = (canonical ? canonical.href : location.href).split("#")[0];
  var open = texts.quote[0], close = texts.quote[1];

  var live = document.createElement("div");
  live.className = "cite-live";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);

  // Visible text of an element, without the paragraph tools and footnote markers.
  function plainText(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll(".paragraph-tools, .headerlink, .cite-button, sup, .comment-link").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function selectionInside(element) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed) return "";
    var range = selection.getRangeAt(0);
    if (!element.contains(range.commonAncestorContainer) && !range.intersectsNode(element)) return "";
    return selection.toString().replace(/\s+/g, " ").trim();
  }

  function citation(target, label, quote) {
    return open + quote + close + " (" + draft + ", " + label + ") " + base + "#" + target.id;
  }

  // Say it to screen readers and show it (a short-lived notice at the bottom of the screen).
  var clearing = null;
  function announce(message) {
    live.textContent = "";
    clearTimeout(clearing);
    setTimeout(function () { live.textContent = message; }, 50);
    clearing = setTimeout(function () { live.textContent = ""; }, 4000);
  }

  function fallback(text, trigger) {
    var dialog = document.createElement("div");
    dialog.className = "cite-fallback";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-label", texts.fallback);
    var p = document.createElement("p");
    p.textContent = texts.fallback;
    var field = document.createElement("textarea");
    field.readOnly = true;
    field.value = text;
    field.rows = 5;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = texts.close;
    button.addEventListener("click", function () { dialog.remove(); if (trigger) trigger.focus(); });
    dialog.append(p, field, button);
    document.body.appendChild(dialog);
    field.focus();
    field.select();
  }

  function copy(text, trigger) {
    var done = function () { announce(texts.copied); if (trigger) flash(trigger); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text, trigger); });
    } else {
      fallback(text, trigger);
    }
  }

  function flash(trigger) {
    trigger.classList.add("cite-button--done");
    setTimeout(function () { trigger.classList.remove("cite-button--done"); }, 1500);
  }

  // Buttons rendered by the build stay hidden (CSS) until this script can make them work.
  document.documentElement.classList.add("cite-ready");

  // A block's link and citation button. A long page (the full text) leaves them out and carries
  // each block's label instead (data-cite-label on the block): they are made here when a reader
  // reaches for them, by pointer, by touch, or with the Tab key (then all at once).
  function toolsOf(block) {
    var tools = block.querySelector(":scope > .paragraph-tools");
    var label = block.dataset.citeLabel;
    if (tools || !label) return tools;
    tools = document.createElement("span");
    tools.className = "paragraph-tools";
    tools.setAttribute("data-search-exclude", "");
    var link = document.createElement("a");
    link.className = "paragraph-link";
    link.href = "#" + block.id;
    link.setAttribute("aria-label", texts.link.replace("{label}", label));
    link.textContent = "\u00b6";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-button";
    button.dataset.citeLabel = label;
    button.setAttribute("aria-label", texts.cite.replace("{label}", label));
    button.textContent = "\u201c\u201d";
    tools.append(link, button);
    block.insertBefore(tools, block.firstChild);
    return tools;
  }
  var BLOCKS_ON_DEMAND = "article p[data-cite-label], article li[data-cite-label]";
  document.addEventListener("mouseover", function (event) {
    var block = event.target.closest && event.target.closest(BLOCKS_ON_DEMAND);
    if (block) toolsOf(block);
  });
  document.addEventListener("keydown", function onTab(event) {
    if (event.key !== "Tab") return;
    document.removeEventListener("keydown", onTab);
    document.querySelectorAll(BLOCKS_ON_DEMAND).forEach(toolsOf);
  });

  // The citation label of a block (its button's, or its own on a long page).
  function labelOf(block) {
    var button = block.querySelector(":scope > .paragraph-tools .cite-button");
    return button ? button.dataset.citeLabel : block.dataset.citeLabel;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".cite-button[data-cite-label]");
    if (!button) return;
    var target = button.closest("[id]"); // the paragraph, list item or heading the button belongs to
    if (!target) return;
    var scope = target;
    if (/^H[1-6]$/.test(target.tagName)) {
      scope = target.parentNode; // a section: any selection on the page below its heading
    }
    var quote = selectionInside(scope) || plainText(target);
    copy(citation(target, button.dataset.citeLabel, quote), button);
  });

  // By touch: tapping a paragraph shows its link and citation button (hover shows them with a
  // mouse, focus with a keyboard); tapping elsewhere hides them. The open block, and the top-level
  // block holding it, are marked "tools-open" (CSS lifts them above the text that follows).
  var opened = [];
  function closeTools() {
    opened.forEach(function (el) { el.classList.remove("tools-open"); });
    opened = [];
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest || target.closest(".paragraph-tools")) return;
    var block = target.closest("article p[id], article li[id]");
    var wasOpen = block && opened[0] === block;
    if (opened.length && opened[0] !== block) closeTools();
    if (!block || target.closest("a, button, input, textarea, summary")) return;
    var selection = window.getSelection();
    if ((selection && !selection.isCollapsed) || !toolsOf(block)) return;
    if (wasOpen) { closeTools(); return; }
    var top = block;
    while (top.parentElement && !top.parentElement.matches("article")) top = top.parentElement;
    opened = top === block ? [block] : [block, top];
    opened.forEach(function (el) { el.classList.add("tools-open"); });
  });

  // On a phone: selecting text shows one button to cite the selection.
  var bar = document.createElement("button");
  bar.type = "button";
  bar.className = "cite-selection";
  bar.textContent = texts.selection;
  bar.hidden = true;
  document.body.appendChild(bar);
  var pending = null, pendingQuote = "";
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    var node = selection && !selection.isCollapsed ? selection.anchorNode : null;
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    var block = element && element.closest ? element.closest("article p[id], article li[id]") : null;
    if (block && labelOf(block)) {
      pending = block;
      pendingQuote = selection.toString().replace(/\s+/g, " ").trim();
      if (bar.hidden) bar.hidden = false;
    } else if (!bar.hidden && !bar.matches(":focus")) {  // typing in a field moves the caret: no work then
      pending = null;
      bar.hidden = true;
    }
  });
  bar.addEventListener("mousedown", function (event) { event.preventDefault(); });
  bar.addEventListener("click", function () {
    if (!pending) return;
    copy(citation(pending, labelOf(pending), pendingQuote || plainText(pending)), bar);
  });
})();
