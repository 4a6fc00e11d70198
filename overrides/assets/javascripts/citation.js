// Copy a citation of a paragraph, a section, or the reader's text selection:
//   «quoted text» (Draft name, version of <date>, Part One, section II.1.2.1, paragraph 2) URL
// URL: the page in its draft's permanent folder (…/du-thao/<date>/<page>#<id>), where the words stay
// when a newer draft takes the root. The quote is the selection when there is one inside the cited
// block (over several paragraphs: «đoạn 2–3», one line each, linked to the first), otherwise the
// block's text (a section is quoted by its heading); English adds "; unofficial English translation…".
// Beside a paragraph's link and citation button, while the consultation is open: its comment link.
// Works with keyboard, touch and screen readers, confirms with a visible notice that is also a live
// region, and falls back to a selectable field when the clipboard is refused.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="citation-draft"]');
  if (!meta) return;
  var draft = meta.content;
  var texts = JSON.parse(document.querySelector('meta[name="citation-texts"]').content);
  var address = document.querySelector('meta[name="citation-url"]');
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = (address ? address.content : canonical ? canonical.href : location.href).split("#")[0];
  var open = texts.quote[0], close = texts.quote[1];
  var BLOCKS = "article p[id], article li[id]";
  // Left out of quotes (the last: the notice at an English deep link).
  var CHROME = ".paragraph-tools, .headerlink, .cite-button, sup, .comment-link, .translation-landing";
  // The notice and the selection's button are shown over the site's header bar, never over the text.
  var header = document.querySelector(".md-header") || document.body;

  var live = document.createElement("div");
  live.className = "cite-live";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  header.appendChild(live);

  // The tools' words, shown by CSS beside their icons where the tools open as a box (phones, touch).
  document.documentElement.style.setProperty("--word-link", JSON.stringify(texts.words[0]));
  document.documentElement.style.setProperty("--word-cite", JSON.stringify(texts.words[1]));
  document.documentElement.style.setProperty("--word-comment", JSON.stringify(texts.words[2]));

  // Visible text of an element, without the paragraph tools and footnote markers.
  function plainText(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll(CHROME).forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // The reader's selection when it touches `element`, as a range; null otherwise.
  function selectionInside(element) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    if (!element.contains(range.commonAncestorContainer) && !range.intersectsNode(element)) return null;
    return selection.toString().trim() ? range : null;
  }

  // The words of `block` inside `range`, without chrome or nested blocks (quoted on their own).
  function wordsInside(block, range) {
    var part = document.createRange();
    part.selectNodeContents(block);
    if (part.compareBoundaryPoints(Range.START_TO_START, range) < 0) part.setStart(range.startContainer, range.startOffset);
    if (part.compareBoundaryPoints(Range.END_TO_END, range) > 0) part.setEnd(range.endContainer, range.endOffset);
    if (part.collapsed) return "";
    var copy = part.cloneContents();
    copy.querySelectorAll(CHROME + ", p[id], li[id]").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // The blocks of which `range` selects words, in order: [{block, words}].
  function quotedBlocks(range) {
    var root = range.commonAncestorContainer;
    root = root.nodeType === 1 ? root : root.parentElement;
    var candidates = [];
    for (var up = root.closest(BLOCKS); up; up = up.parentElement.closest(BLOCKS)) candidates.unshift(up);
    candidates = candidates.concat(Array.prototype.slice.call(root.querySelectorAll(BLOCKS)));
    var found = [];
    candidates.forEach(function (block) {
      if (!labelOf(block) || !range.intersectsNode(block)) return;
      var words = wordsInside(block, range);
      if (words) found.push({ block: block, words: words });
    });
    return found;
  }

  // "Phần thứ nhất, mục II.1.2.1, đoạn 2" → ["Phần thứ nhất, mục II.1.2.1", "2"].
  function splitLabel(label) {
    var mark = ", " + texts.paragraph + " ";
    var at = label.lastIndexOf(mark);
    return at < 0 ? [label, ""] : [label.slice(0, at), label.slice(at + mark.length)];
  }

  // «…, đoạn 2–3» in one section; across sections «…, đoạn 5 – mục II.1.2.2, đoạn 1».
  function rangeLabel(first, last) {
    var a = labelOf(first), b = labelOf(last);
    if (first === last) return a;
    var from = splitLabel(a), to = splitLabel(b);
    if (from[0] === to[0] && from[1] && to[1]) return from[0] + ", " + texts.paragraphs + " " + from[1] + "\u2013" + to[1];
    var head = a.split(", "), tail = b.split(", ");
    while (tail.length > 1 && head.length && tail[0] === head[0]) { tail.shift(); head.shift(); }
    return a + " \u2013 " + tail.join(", ");
  }

  // The citation of the blocks `range` selects; words outside any block (a heading) cite `fallback`.
  function citationOfRange(range, fallback, fallbackLabel) {
    var blocks = quotedBlocks(range);
    if (!blocks.length) return citation(fallback.id, fallbackLabel, range.toString().replace(/\s+/g, " ").trim());
    var first = blocks[0].block, last = blocks[blocks.length - 1].block;
    var quote = blocks.map(function (b) { return b.words; }).join("\n");
    return citation(first.id, rangeLabel(first, last), quote);
  }

  function citation(id, label, quote) {
    var note = texts.translation ? "; " + texts.translation : "";
    return open + quote + close + " (" + draft + ", " + label + note + ") " + base + "#" + id;
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
    dialog.className = "cite-fallback md-typeset";
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
    button.className = "md-button";
    button.textContent = texts.close;
    var close = function () { dialog.remove(); if (trigger) trigger.focus(); };
    button.addEventListener("click", close);
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.stopPropagation(); close(); }
    });
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
    if (tools || !label) return commentOn(block, tools);
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
    return commentOn(block, tools);
  }

  // A block's comment link, last of its tools, made with them (or, where the build wrote the tools,
  // when a reader reaches them) while the consultation is open: the page's form (meta comment-form,
  // present until the closing day) filled with the block's section, label, address and id.
  var form = document.querySelector('meta[name="comment-form"]');
  var HEADING = "h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]";
  function commentOn(block, tools) {
    if (!tools || !form || document.documentElement.dataset.consultation !== "open" ||
        tools.querySelector(".comment-paragraph")) return tools;
    var label = labelOf(block);
    if (!label) return tools;
    var values = { section: sectionOf(block), label: label, url: form.dataset.page + "#" + block.id, paragraph: block.id };
    var link = document.createElement("a");
    link.className = "comment-paragraph";
    link.href = form.content.replace(/\{(section|label|url|paragraph)\}/g, function (all, name) {
      return encodeURIComponent(values[name]);
    });
    link.target = "_blank";
    link.rel = "noopener";
    link.title = texts.comment[0];
    link.setAttribute("aria-label", texts.comment[1].replace("{label}", label));
    link.textContent = "\u270e";
    tools.appendChild(link);
    return tools;
  }

  // The section of a block: the nearest heading with an id before it in the article (the block's id
  // may carry another section's prefix, in a merged section).
  function sectionOf(block) {
    for (var el = block; el && el.tagName !== "ARTICLE";) {
      if (!el.previousElementSibling) { el = el.parentElement; continue; }
      el = el.previousElementSibling;
      if (el.matches(HEADING)) return el.id;
      var inner = el.querySelectorAll(HEADING);
      if (inner.length) return inner[inner.length - 1].id;
    }
    return "";
  }

  document.addEventListener("mouseover", function (event) {
    var block = event.target.closest && event.target.closest(BLOCKS);
    if (block) toolsOf(block);
  });
  document.addEventListener("focusin", function (event) {
    var block = event.target.closest && event.target.closest(".paragraph-tools");
    if (block) toolsOf(block.parentElement);
  });
  document.addEventListener("keydown", function onTab(event) {
    if (event.key !== "Tab") return;
    document.removeEventListener("keydown", onTab);
    document.querySelectorAll(BLOCKS).forEach(toolsOf);
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
    var range = selectionInside(scope);
    copy(range ? citationOfRange(range, target, button.dataset.citeLabel)
               : citation(target.id, button.dataset.citeLabel, plainText(target)), button);
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
    var block = target.closest(BLOCKS);
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

  // On a phone: selecting text shows one button to cite the selection (over the header bar).
  var bar = document.createElement("button");
  bar.type = "button";
  bar.className = "cite-selection";
  bar.textContent = texts.selection;
  bar.hidden = true;
  header.appendChild(bar);
  var pending = null, pendingRange = null;
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    var node = selection && !selection.isCollapsed ? selection.anchorNode : null;
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    var block = element && element.closest ? element.closest(BLOCKS) : null;
    if (block && labelOf(block)) {
      pending = block;
      pendingRange = selection.getRangeAt(0).cloneRange();  // read when the button is pressed
      if (bar.hidden) bar.hidden = false;
    } else if (!bar.hidden && !bar.matches(":focus")) {  // typing in a field moves the caret: no work then
      pending = null;
      bar.hidden = true;
    }
  });
  bar.addEventListener("mousedown", function (event) { event.preventDefault(); });
  bar.addEventListener("click", function () {
    if (!pending) return;
    copy(pendingRange && pendingRange.toString().trim() ? citationOfRange(pendingRange, pending, labelOf(pending))
                                                        : citation(pending.id, labelOf(pending), plainText(pending)), bar);
  });
})();
