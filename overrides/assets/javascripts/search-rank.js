// The matching and ranking of the project's search (see search-worker.js, which loads this file
// with the index on the reader's first query, so that pages load only the small worker).
// Expects LANG ("vi" or "en") to be set; defines prepare(index) and search(query).
"use strict";

var WORD = /[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu;
var MARKS = /[\u0300-\u036f]/g;
var TONES = /[\u0300\u0301\u0303\u0309\u0323\u0340\u0341]/g;
var NUMBER = /^\d+(?:[.,]\d+)*$/;
// How a match of a query word counts (1 = the word as typed).
var AS_TYPED = 1, COMPLETION = 0.9, OTHER_NUMBER_FORM = 0.8, FOLDED = 0.5, TYPO = 0.45;
var NEAR = 400;         // the bonus for all the words next to each other, not in order
var FOLD_BELOW = 0.5;   // a page's sections under half its best score are folded away
var MAX_RESULTS = 15;   // documents sent to the page: Material renders each one, open or folded
var SNIPPET = 100;      // characters of context on each side of the matched words

var docs = null;       // prepared documents, once loaded
var PLACE_HIDDEN = " visually-hidden";  // a section's place, when its page heading above already tells it
var locations = null;  // the documents by address, built on first use
var vocabulary = null; // folded word → { id, number }
var words = [];        // id → folded word
var numbers = null;    // number value → [word ids]
var postings = null;   // word id → where it occurs: [document, 0 heading | 1 text, token position, …]

// Lower-case text without diacritics: "Đột phá" → "dot pha".
function fold(text) {
  return text.normalize("NFD").replace(MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

// A word's letters and its tone apart, so that «hoá» and «hóa» are the same word.
var markCache = new Map();
function marked(word) {
  var lower = word.toLowerCase();
  var known = markCache.get(lower);
  if (known) return known;
  var tone = "";
  var base = lower.normalize("NFD").replace(TONES, function (mark) { tone = mark; return ""; }).normalize("NFC");
  known = { base: base, tone: tone };
  markCache.set(lower, known);
  return known;
}

// The value of a written number with these thousands and decimal separators, or null:
// ("22.500", ".", ",") → "22500"; ("8,5", ".", ",") → "8.5"; ("1.2.3", ".", ",") → null.
function numberValue(raw, thousands, decimal) {
  var parts = raw.split(decimal);
  if (parts.length > 2) return null;
  var groups = parts[0].split(thousands);
  for (var i = 1; i < groups.length; i++) if (groups[i].length !== 3) return null;
  if (groups.length > 1 && groups[0].length > 3) return null;
  var whole = groups.join("").replace(/^0+(?=\d)/, "");
  var fraction = parts.length === 2 ? parts[1].replace(/0+$/, "") : "";
  if (parts.length === 2 && parts[1].indexOf(thousands) >= 0) return null;
  return fraction ? whole + "." + fraction : whole;
}

// The value of a number in the site's text (its language's separators), or null.
function textNumber(raw) {
  if (!NUMBER.test(raw)) return null;
  return LANG === "vi" ? numberValue(raw, ".", ",") : numberValue(raw, ",", ".");
}

// Words of a text with their offsets in the text and their word id.
var seen = new Map();  // a word as written → its vocabulary entry (folding each form once)
function tokenize(text) {
  var tokens = [];
  var match;
  WORD.lastIndex = 0;
  while ((match = WORD.exec(text)) !== null) {
    var entry = seen.get(match[0]);
    if (!entry) {
      var folded = fold(match[0]);
      entry = vocabulary.get(folded);
      if (!entry) {
        entry = { id: words.length, number: textNumber(folded) };
        vocabulary.set(folded, entry);
        words.push(folded);
      }
      seen.set(match[0], entry);
    }
    tokens.push({ start: match.index, end: match.index + match[0].length, id: entry.id, raw: match[0] });
  }
  return tokens;
}

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Prepare the documents of a fetched index, and its vocabulary and postings.
function prepare(index) {
  vocabulary = new Map();
  locations = null;
  var places = index.places || [];
  docs = index.docs.map(function (doc) {
    return { location: doc.l, title: doc.t, text: doc.x,
             titleTokens: tokenize(doc.t), textTokens: tokenize(doc.x),
             page: doc.l.split("#")[0], place: doc.p === undefined ? "" : places[doc.p], placeTold: !!doc.h };
  });
  postings = words.map(function () { return []; });
  docs.forEach(function (doc, d) {
    [doc.titleTokens, doc.textTokens].forEach(function (tokens, side) {
      for (var i = 0; i < tokens.length; i++) postings[tokens[i].id].push(d, side, i);
    });
  });
  numbers = new Map();
  vocabulary.forEach(function (entry) {
    if (entry.number === null) return;
    if (!numbers.has(entry.number)) numbers.set(entry.number, []);
    numbers.get(entry.number).push(entry.id);
  });
}

// Whether two words are at most one edit apart (insert, delete, substitute, swap two neighbours).
function oneEditApart(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  var i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;  // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);  // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// The words of the index that a query word matches, each with how it counts.
function candidates(q, several) {
  var found = new Map();
  var exact = vocabulary.get(q.folded);
  if (exact) found.set(exact.id, AS_TYPED);
  if (NUMBER.test(q.folded)) {
    // A typed number may use either separator: try both conventions, the site's own first.
    var own = textNumber(q.folded);
    var other = LANG === "vi" ? numberValue(q.folded, ",", ".") : numberValue(q.folded, ".", ",");
    [[own, AS_TYPED * 0.95], [other, OTHER_NUMBER_FORM]].forEach(function (pair) {
      (pair[0] !== null && numbers.get(pair[0]) || []).forEach(function (id) {
        if (!found.has(id)) found.set(id, pair[1]);
      });
    });
  }
  if (q.prefix && (q.folded.length > 1 || several)) {
    words.forEach(function (word, id) {
      if (!found.has(id) && word.indexOf(q.folded) === 0) found.set(id, COMPLETION);
    });
  }
  if (!found.size && q.folded.length >= 5 && !/\d/.test(q.folded)) {
    words.forEach(function (word, id) {
      if (oneEditApart(q.folded, word) ||
          (q.prefix && word.length > q.folded.length && oneEditApart(q.folded, word.slice(0, q.folded.length)))) {
        found.set(id, TYPO);
      }
    });
  }
  return found;
}

// Whether a token carries the marks of query word `q` as typed (tone placement aside).
function sameMarks(token, q) {
  var m = token.marked || (token.marked = marked(token.raw));
  return q.prefix ? m.base.indexOf(q.marked.base) === 0 && (!q.marked.tone || q.marked.tone === m.tone)
                  : m.base === q.marked.base && m.tone === q.marked.tone;
}

// Numeric order, for sort().
function byNumber(a, b) { return a - b; }

// Where each query word occurs, per document that holds any of them, from the postings of the
// words it matches: for the heading and the text of each, the positions of every match, the
// positions of the matches as typed (`strict`), the best weight per word and the matched tokens.
function gather(query) {
  var n = query.length, found = new Map();
  var blank = function () {
    var field = { positions: [], strict: [], best: [], hits: [] };
    for (var k = 0; k < n; k++) { field.positions.push([]); field.strict.push([]); field.best.push(0); }
    return field;
  };
  query.forEach(function (q, k) {
    q.ids.forEach(function (weight, id) {
      var list = postings[id];
      for (var p = 0; p < list.length; p += 3) {
        var d = list[p], doc = docs[d], side = list[p + 1], i = list[p + 2];
        var w = weight;
        if (q.marked && w >= COMPLETION && !sameMarks((side ? doc.textTokens : doc.titleTokens)[i], q)) w *= FOLDED;
        var entry = found.get(d);
        if (!entry) { entry = [blank(), blank()]; found.set(d, entry); }
        var field = entry[side];
        field.positions[k].push(i);
        if (w >= OTHER_NUMBER_FORM) field.strict[k].push(i);
        if (w > field.best[k]) field.best[k] = w;
      }
    });
  });
  found.forEach(function (entry) {
    entry.forEach(function (field) {
      var all = [];
      for (var k = 0; k < n; k++) {
        field.positions[k].sort(byNumber);
        field.strict[k].sort(byNumber);
        all = all.concat(field.positions[k]);
      }
      all.sort(byNumber);
      field.hits = all.filter(function (i, j) { return j === 0 || all[j - 1] !== i; });
    });
  });
  return found;
}

// Whether the sorted list holds `value`.
function contains(list, value) {
  var low = 0, high = list.length - 1;
  while (low <= high) {
    var mid = (low + high) >> 1;
    if (list[mid] === value) return true;
    if (list[mid] < value) low = mid + 1; else high = mid - 1;
  }
  return false;
}

var scratch = new Float64Array(1024);
// The tightest run of tokens holding every query word: {start, span, phrase}, or null.
function closest(positions) {
  var n = positions.length, total = 0, k;
  for (k = 0; k < n; k++) {
    if (!positions[k].length) return null;
    total += positions[k].length;
  }
  for (var p = 0; p < positions[0].length; p++) {
    var start = positions[0][p], whole = true;
    for (k = 1; k < n && whole; k++) whole = contains(positions[k], start + k);
    if (whole) return { start: start, span: n, phrase: true };
  }
  // Sliding window over every occurrence, in text order (position × 64 + word).
  if (scratch.length < total) scratch = new Float64Array(total * 2);
  var events = scratch.subarray(0, total), e = 0;
  for (k = 0; k < n; k++) for (var j = 0; j < positions[k].length; j++) events[e++] = positions[k][j] * 64 + k;
  events.sort();
  var count = [], covered = 0, left = 0, result = null;
  for (k = 0; k < n; k++) count.push(0);
  for (var right = 0; right < total; right++) {
    if (count[events[right] % 64]++ === 0) covered++;
    while (covered === n) {
      var span = Math.floor(events[right] / 64) - Math.floor(events[left] / 64) + 1;
      if (!result || span < result.span) result = { start: Math.floor(events[left] / 64), span: span, phrase: false };
      if (--count[events[left] % 64] === 0) covered--;
      left++;
    }
  }
  return result;
}

// The bonus for the words together: the whole phrase, then the words close together; matches
// as typed count fully, folded ones (a typed mark not in the text) half.
function together(found, phrase) {
  var best = 0, run = null;
  [[found.strict, 1], [found.positions, FOLDED]].forEach(function (pass) {
    var r = closest(pass[0]);
    if (!r) return;
    var n = pass[0].length;
    var value = pass[1] * (r.phrase ? phrase : NEAR * Math.min(1, (n + 1) / r.span));
    if (value > best) { best = value; run = r; }
  });
  return { bonus: best, run: run };
}

// Score one document from where the query words occur in its heading and text.
function score(doc, query, title, text) {
  var n = query.length;
  var coverage = 0, terms = {}, inTitle = 0;
  query.forEach(function (q, k) {
    var best = Math.max(title.best[k], text.best[k]);
    coverage += best / n;
    terms[q.raw] = best > 0;
    if (title.best[k]) inTitle += title.best[k] / n;
  });
  if (!coverage) return null;
  var total = 1000 * coverage;
  var run = null;
  if (n > 1) {
    // The whole phrase, then the words close together, above the words scattered.
    var inHeading = together(title, 600), inBody = together(text, 500);
    total += Math.max(inHeading.bonus, inBody.bonus);
    run = inBody.run;
  }
  // Headings weigh more, the more of the heading the query is.
  total += 150 * inTitle + (doc.titleTokens.length ? 60 * title.hits.length / doc.titleTokens.length : 0);
  query.forEach(function (q, k) {
    total += 6 * Math.min(5, text.positions[k].length) * text.best[k];
  });
  return { score: total, terms: terms, title: title, text: text, run: run };
}

// HTML of `text` with the matched words marked; with `window`, only a snippet around `centre`.
function highlight(text, tokens, hits, centre, window) {
  var from = 0, to = text.length;
  if (window && text.length > window * 2) {
    var middle = centre !== null ? tokens[centre].start : (hits.length ? tokens[hits[0]].start : 0);
    from = Math.max(0, middle - window);
    to = Math.min(text.length, middle + window);
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

// The query's words, each with the index words it matches.
function parse(value) {
  var raw = [];
  var match;
  value = value.normalize("NFC");
  WORD.lastIndex = 0;
  while ((match = WORD.exec(value)) !== null && raw.length < 32) raw.push(match[0]);
  var typing = !/\s$/.test(value);
  return raw.map(function (w, i) {
    var folded = fold(w);
    var q = { raw: w, folded: folded, prefix: typing && i === raw.length - 1,
              marked: w.toLowerCase() !== folded ? marked(w) : null };
    q.ids = candidates(q, raw.length > 1);
    return q;
  });
}

// The documents by address, built once (on the first query that needs it).
function byLocation() {
  if (!locations) locations = new Map(docs.map(function (d) { return [d.location, d]; }));
  return locations;
}

// A result's title with, above it, where the document is («Phần thứ nhất › II. Kết quả…»): shown,
// or only read out (`hidden`) when the page heading right above it already tells it.
function placed(title, place, hidden) {
  if (!place) return title;
  return '<span class="search-place' + (hidden ? PLACE_HIDDEN : "") + '">' + escapeHTML(place) + "</span> " + title;
}

// Material's result format: groups of documents per page, the best page first. Each group starts
// with the page; its sections are shown open down to the best score of the next page (so that the
// open results read in rank order), the others folded away («n more on this page») with their
// titles only: less for Material to render on every keystroke. Every result says where it is; the
// sections of a page show it only where their page heading does not already tell it.
function search(value) {
  var query = parse(value);
  if (!query.length) return { items: [] };
  var scored = [];
  gather(query).forEach(function (fields, d) {
    var s = score(docs[d], query, fields[0], fields[1]);
    if (s) scored.push({ doc: docs[d], s: s });
  });
  scored.sort(function (a, b) { return b.s.score - a.s.score; });
  var groups = new Map();
  scored.slice(0, MAX_RESULTS).forEach(function (hit) {
    var doc = hit.doc, s = hit.s;
    if (!groups.has(doc.page)) groups.set(doc.page, []);
    groups.get(doc.page).push({
      location: doc.location,
      title: highlight(doc.title, doc.titleTokens, s.title.hits, null, 0),
      text: highlight(doc.text, doc.textTokens, s.text.hits, s.run ? s.run.start : null, SNIPPET),
      score: s.score,
      terms: s.terms,
      place: doc.place,
      placeTold: doc.placeTold
    });
  });
  var pages = Array.from(groups.entries());
  var items = pages.map(function (entry, i) {
    var page = entry[0], hits = entry[1];
    var top = hits[0].score;
    var next = i + 1 < pages.length ? pages[i + 1][1][0].score : 0;
    var threshold = Math.max(next, FOLD_BELOW * top);
    var pageHit = hits.filter(function (hit) { return hit.location === page; })[0];
    var group;
    if (pageHit === hits[0]) {
      group = hits;  // the page itself is the best match: shown with its text
    } else {
      var sections = hits.filter(function (hit) { return hit !== pageHit; });
      var shown = sections.filter(function (hit, k) { return k === 0 || hit.score >= threshold; });
      var doc = byLocation().get(page);
      var head = pageHit || { location: page, title: doc ? escapeHTML(doc.title) : page, text: "", terms: {},
                              place: doc ? doc.place : "" };
      head.score = shown[shown.length - 1].score;
      sections.forEach(function (hit) { if (hit.score < head.score) hit.text = ""; });  // folded away: titles only
      group = [head].concat(sections);
    }
    group.forEach(function (hit) {
      hit.title = placed(hit.title, hit.place, hit.placeTold);
      delete hit.place;
      delete hit.placeTold;
    });
    return group;
  });
  return { items: items };
}
