// Accent-insensitive Vietnamese search for Material for MkDocs.
//
// This web worker speaks the message protocol of Material's own search worker (SETUP → READY,
// QUERY → RESULT), so Material's search box, result list and keyboard behaviour stay as they are.
// What changes is the matching: text and queries are folded (diacritics and đ/d removed), words
// match whole (a query "phá" does not match "phát"; only the word being typed matches as a
// prefix), and sections with the whole phrase rank above sections with all the words, which rank
// above sections with some of them. Headings weigh more than body text. The per-language index
// (search/index.<lang>.json) is fetched on the first query, not when the page loads.
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var params = new URL(self.location.href).searchParams;
var LANG = params.get("lang") || "vi";
var INDEX_URL = new URL("../../search/index." + LANG + ".json", self.location.href).href;
var WORD = /[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu;
var MARKS = /[\u0300-\u036f]/g;

var docs = null;       // prepared documents, once loaded
var loading = null;    // the promise of the index

// Lower-case text without diacritics: "Đột phá" → "dot pha".
function fold(text) {
  return text.normalize("NFD").replace(MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

// Words of a text with their offsets in the text, folded.
function tokenize(text) {
  var tokens = [];
  var match;
  WORD.lastIndex = 0;
  while ((match = WORD.exec(text)) !== null) {
    tokens.push({ start: match.index, end: match.index + match[0].length, folded: fold(match[0]) });
  }
  return tokens;
}

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Fetch the index once and prepare its documents.
function load() {
  if (!loading) {
    loading = fetch(INDEX_URL).then(function (response) {
      if (!response.ok) throw new Error("search index: HTTP " + response.status);
      return response.json();
    }).then(function (index) {
      docs = index.docs.map(function (doc) {
        return { location: doc.l, title: doc.t, text: doc.x,
                 titleTokens: tokenize(doc.t), textTokens: tokenize(doc.x),
                 page: doc.l.split("#")[0] };
      });
      return docs;
    });
  }
  return loading;
}

// Whether token `t` matches query word `q` (the word still being typed may be a prefix).
function matches(t, q) {
  return t.folded === q.folded || (q.prefix && q.folded.length > 1 && t.folded.indexOf(q.folded) === 0);
}

// Positions where the whole query occurs as consecutive words.
function phrasePositions(tokens, query) {
  var found = [];
  for (var i = 0; i + query.length <= tokens.length; i++) {
    var ok = true;
    for (var k = 0; k < query.length && ok; k++) ok = matches(tokens[i + k], query[k]);
    if (ok) found.push(i);
  }
  return found;
}

// Score one document; 0 when no query word occurs. Queries with and without diacritics score
// the same, so both spellings give the same results.
function score(doc, query) {
  var total = 0, all = true, terms = {}, titleHits = 0;
  query.forEach(function (q) {
    var inTitle = 0, inText = 0;
    doc.titleTokens.forEach(function (t) { if (matches(t, q)) inTitle++; });
    doc.textTokens.forEach(function (t) { if (matches(t, q)) inText++; });
    var found = inTitle + inText > 0;
    terms[q.raw] = found;
    if (!found) all = false;
    titleHits += inTitle;
    total += (inTitle ? 8 : 0) + Math.min(inText, 5);
  });
  if (total === 0) return { score: 0, terms: terms };
  // A heading that is mostly the query is a better answer than a long one that mentions it.
  if (doc.titleTokens.length) total += 40 * Math.min(1, titleHits / doc.titleTokens.length);
  if (query.length > 1) {
    if (all) total += 20;
    if (phrasePositions(doc.titleTokens, query).length) total += 100;
    else if (phrasePositions(doc.textTokens, query).length) total += 30;
  }
  return { score: total, terms: terms };
}

// HTML of `text` with the matched words marked; with `window`, only a snippet around the best match.
function highlight(text, tokens, query, window) {
  var hits = [];
  tokens.forEach(function (t, i) {
    if (query.some(function (q) { return matches(t, q); })) hits.push(i);
  });
  var from = 0, to = text.length;
  if (window && text.length > window * 2) {
    var phrase = phrasePositions(tokens, query);
    var centre = phrase.length ? tokens[phrase[0]].start : (hits.length ? tokens[hits[0]].start : 0);
    from = Math.max(0, centre - window);
    to = Math.min(text.length, centre + window);
    while (from > 0 && /\S/.test(text[from - 1])) from--;
    while (to < text.length && /\S/.test(text[to])) to++;
  }
  var out = from > 0 ? "… " : "";
  var cursor = from;
  hits.forEach(function (i) {
    var t = tokens[i];
    if (t.start < from || t.end > to) return;
    out += escapeHTML(text.slice(cursor, t.start)) + "<mark>" + escapeHTML(text.slice(t.start, t.end)) + "</mark>";
    cursor = t.end;
  });
  out += escapeHTML(text.slice(cursor, to)) + (to < text.length ? " …" : "");
  return out;
}

// Material's result format: groups of documents per page, best first, the page entry included.
function search(value) {
  var words = [];
  var match;
  WORD.lastIndex = 0;
  while ((match = WORD.exec(value)) !== null) words.push(match[0]);
  if (!words.length) return { items: [] };
  var typing = !/\s$/.test(value);
  var query = words.map(function (w, i) {
    return { raw: w, folded: fold(w), prefix: typing && i === words.length - 1 };
  });
  var scored = [];
  docs.forEach(function (doc) {
    var s = score(doc, query);
    if (s.score > 0) scored.push({ doc: doc, score: s.score, terms: s.terms });
  });
  scored.sort(function (a, b) { return b.score - a.score; });
  var groups = new Map();
  scored.slice(0, 60).forEach(function (hit) {
    if (!groups.has(hit.doc.page)) groups.set(hit.doc.page, []);
    groups.get(hit.doc.page).push({
      location: hit.doc.location,
      title: highlight(hit.doc.title, hit.doc.titleTokens, query, 0),
      text: highlight(hit.doc.text, hit.doc.textTokens, query, 120),
      score: hit.score,
      terms: hit.terms
    });
  });
  var byLocation = new Map(docs.map(function (d) { return [d.location, d]; }));
  groups.forEach(function (items, page) {
    if (!items.some(function (item) { return item.location === page; })) {
      var doc = byLocation.get(page);
      if (doc) items.push({ location: doc.location, title: escapeHTML(doc.title), text: "", score: 0, terms: {} });
    }
  });
  return { items: Array.from(groups.values()) };
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var value = String(message.data || "");
    if (!value.trim()) {
      self.postMessage({ type: RESULT, data: { items: [] } });
      return;
    }
    load().then(function () {
      self.postMessage({ type: RESULT, data: search(value) });
    }).catch(function (error) {
      console.warn(error);
      self.postMessage({ type: RESULT, data: { items: [] } });
    });
  }
});
