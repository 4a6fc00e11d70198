// Vietnamese-aware search for Material for MkDocs.
//
// This web worker speaks the message protocol of Material's own search worker (SETUP → READY,
// QUERY → RESULT), so Material's search box, result list and keyboard behaviour stay as they are.
// What changes is the matching and the ranking:
// - text and queries are folded (diacritics and đ/d removed), so «nong thon moi» finds
//   «nông thôn mới»; but a word typed with its marks ranks sections holding exactly that word
//   above sections holding only its folded form («tốc» above «tộc»); old and new tone placement
//   are the same word («hoá» = «hóa», «uỷ» = «ủy»);
// - words match whole («phá» does not match «phát»), except the word being typed, which matches
//   as a prefix («chuyen doi s» → «chuyển đổi số»);
// - numbers match whatever their separators: «8.5» finds «8,5», «22500» and «22,500» find
//   «22.500» (the written form ranks first);
// - a word of five letters or more that finds nothing at all is matched with one edit (a letter
//   added, dropped, changed, or two letters swapped: «corruptoin», «nhugn»);
// - sections with the whole phrase rank above sections with the words close together, which rank
//   above sections with the words scattered, which rank above sections with only some words;
//   headings weigh more than body text.
// The per-language index (search/index.<lang>.json) is fetched when the reader is about to search:
// when the search box first gets focus (the page sends LOAD, see overrides/main.html), or at the
// latest on the first query; never when the page loads.
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var LOAD = "load";    // the project's own message, outside Material's protocol: fetch the index now
var params = new URL(self.location.href).searchParams;
var LANG = params.get("lang") || "vi";
var INDEX_URL = new URL("../../search/index." + LANG + ".json", self.location.href).href;
var RANK_URL = new URL("search-rank.js", self.location.href).href;
var loading = null;    // the promise of the index, ranked by search-rank.js

// Once (again after a failure): load the ranking code and the index, and prepare the index.
function load() {
  if (!loading) {
    loading = fetch(INDEX_URL).then(function (response) {
      if (!response.ok) throw new Error("search index: HTTP " + response.status);
      return response.json();
    }).then(function (index) {
      importScripts(RANK_URL);
      prepare(index);
    }).catch(function (error) {
      loading = null;  // the next query tries again
      throw error;
    });
  }
  return loading;
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === LOAD) {
    load().catch(function (error) { console.warn(error); });
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
