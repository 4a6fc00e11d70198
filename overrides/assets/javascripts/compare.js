// Compare any two published drafts (so-sanh/?tu=<date>&den=<date>) and follow one section through
// every draft (lich-su/?muc=<section id>). Loaded only by those two pages, on a site with two
// drafts or more (draftsite.revisions.events), asynchronously from the page's head: its own tag
// says where the drafts are (the publishing root relative to the page), the language's folder and
// the drafts up to this one, so the drafts' texts are fetched while the theme's scripts load. Each
// draft publishes its text as data, du-thao/<date>/[en/]van-ban.json
// (draftsite.revisions.draft_texts); the comparison fetches only the two drafts chosen, the history
// every draft up to this one. Paragraphs are aligned by their stable ids and compared word by
// word, marked as the static comparison marks them (<del>/<ins> with words for screen readers).
// The page's markup (overrides/fragments/compare-form.html and section-history.html) holds the
// interface texts; without this script the static comparison of consecutive drafts stays.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.fetch || !window.URLSearchParams) return;
  var root = new URL(me.getAttribute("data-root") || "./", location.href);
  var prefix = me.getAttribute("data-lang-prefix") || "";
  var dates = me.getAttribute("data-drafts").split(" ");
  var onHistory = me.hasAttribute("data-history");
  var loaded = {};
  var turn = 0;
  var form, box, T, status, view;

  // An interface text with its {placeholders} filled in.
  function say(key, values) {
    return T[key].replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? values[name] : all;
    });
  }

  // An element with attributes and children (strings become text).
  function make(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      element.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return element;
  }

  function load(date) {
    if (!loaded[date]) {
      loaded[date] = fetch(new URL("du-thao/" + date + "/" + prefix + "van-ban.json", root)).then(
        function (response) {
          if (!response.ok) throw new Error(date);
          return response.json();
        }
      );
    }
    return loaded[date];
  }

  // The permanent address of a section in a draft.
  function address(draft, section) {
    return new URL("du-thao/" + draft.draft + "/" + prefix + section.page + "#" + section.id, root).href;
  }

  function byId(draft) {
    var found = {};
    draft.sections.forEach(function (section) {
      found[section.id] = section;
    });
    return found;
  }

  // Whether a section is the same in two drafts (title, and paragraphs with their ids).
  function same(old, now) {
    return (
      old.title === now.title &&
      old.paragraphs.length === now.paragraphs.length &&
      old.paragraphs.every(function (p, k) {
        return p[0] === now.paragraphs[k][0] && p[1] === now.paragraphs[k][1];
      })
    );
  }

  function plainParagraphs(section) {
    return section.paragraphs.map(function (p) {
      return make("p", {}, [p[1]]);
    });
  }

  // A section's name: its label, with its title unless the label has it already.
  function name(section) {
    var title = section.title.replace(/^\*\s*/, "").replace(/:$/, "");
    return section.label.indexOf(title) >= 0 ? section.label : section.label + " – " + section.title;
  }

  // Word-level differences: [["=" | "-" | "+", [words]], …], deletions before insertions.
  function diff(before, after) {
    var a = before.split(/\s+/).filter(Boolean);
    var b = after.split(/\s+/).filter(Boolean);
    var start = 0;
    var end = 0;
    var ops = [];
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
    var x = a.slice(start, a.length - end);
    var y = b.slice(start, b.length - end);
    var n = x.length;
    var m = y.length;
    var common = [];
    for (var i = n; i >= 0; i--) {
      common[i] = new Uint16Array(m + 1);
      for (var j = m - 1; i < n && j >= 0; j--) {
        common[i][j] = x[i] === y[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    function add(kind, word) {
      var last = ops[ops.length - 1];
      if (last && last[0] === kind) last[1].push(word);
      else ops.push([kind, [word]]);
    }
    a.slice(0, start).forEach(function (word) {
      add("=", word);
    });
    i = 0;
    j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) {
        add("=", x[i++]);
        j++;
      } else if (i < n && (j === m || common[i + 1][j] >= common[i][j + 1])) {
        add("-", x[i++]);
      } else {
        add("+", y[j++]);
      }
    }
    a.slice(a.length - end).forEach(function (word) {
      add("=", word);
    });
    return ops;
  }

  // A paragraph with its changes marked (a paragraph added or removed whole is marked as one).
  function paragraph(before, after, css) {
    var element = make("p", css ? { class: css } : {});
    diff(before, after).forEach(function (op, k) {
      if (k) element.appendChild(document.createTextNode(" "));
      var words = op[1].join(" ");
      if (op[0] === "=") {
        element.appendChild(document.createTextNode(words));
        return;
      }
      var label = T[op[0] === "-" ? "rev.deleted" : "rev.inserted"];
      element.appendChild(
        make(op[0] === "-" ? "del" : "ins", {}, [
          make("span", { class: "visually-hidden" }, ["[" + label + ": "]),
          words,
          make("span", { class: "visually-hidden" }, ["]"]),
        ])
      );
    });
    return element;
  }

  // One section from one draft to the next (either may be missing): its paragraphs with their
  // changes, aligned by paragraph id (removed ones where they stood).
  function compareSection(old, now) {
    var before = old ? old.paragraphs : [];
    var after = now ? now.paragraphs : [];
    var text = Object.create(null);
    var place = Object.create(null);
    var kept = Object.create(null);
    var out = [];
    before.forEach(function (p, k) {
      text[p[0]] = p[1];
      place[p[0]] = k;
    });
    after.forEach(function (p) {
      kept[p[0]] = true;
    });
    var gone = before.filter(function (p) {
      return !kept[p[0]];
    });
    var g = 0;
    function removedUpTo(limit) {
      while (g < gone.length && place[gone[g][0]] < limit) {
        out.push(paragraph(gone[g++][1], "", "revision-removed"));
      }
    }
    after.forEach(function (p) {
      if (!(p[0] in text)) {
        out.push(paragraph("", p[1], "revision-added"));
        return;
      }
      removedUpTo(place[p[0]]);
      out.push(text[p[0]] === p[1] ? make("p", {}, [p[1]]) : paragraph(text[p[0]], p[1]));
    });
    removedUpTo(Infinity);
    if (old && now && old.title !== now.title) {
      out.unshift(make("p", { class: "revision-title" }, [say("cmp.title_changed", { title: old.title })]));
    }
    return out;
  }

  function sectionBlock(draft, section, nodes, id) {
    return [
      make("h3", id ? { id: id } : {}, [make("a", { href: address(draft, section) }, [name(section)])]),
      make("div", { class: "revision-diff", "data-section": section.id }, nodes),
    ];
  }

  // The view of the differences from draft `a` to the newer draft `b`.
  function comparison(a, b) {
    var old = byId(a);
    var now = byId(b);
    var lists = { added: [], removed: [], merged: [], changed: [] };
    var body = [];
    var unchanged = [];
    // A run of unchanged sections, folded; their text is made when the reader opens it.
    function fold() {
      if (!unchanged.length) return;
      var sections = unchanged;
      var details = make("details", { class: "revision-unchanged" }, [
        make("summary", {}, [say("cmp.unchanged", { count: sections.length })]),
      ]);
      details.addEventListener("toggle", function fill() {
        details.removeEventListener("toggle", fill);
        sections.forEach(function (section) {
          sectionBlock(b, section, plainParagraphs(section)).forEach(function (node) {
            details.appendChild(node);
          });
        });
      });
      body.push(details);
      unchanged = [];
    }
    b.sections.forEach(function (section) {
      if (old[section.id] && same(old[section.id], section)) {
        unchanged.push(section);
        return;
      }
      lists[old[section.id] ? "changed" : "added"].push(section);
      fold();
      body.push.apply(body, sectionBlock(b, section, compareSection(old[section.id], section), "cmp-" + section.id));
    });
    fold();
    a.sections.forEach(function (section) {
      if (now[section.id]) return;
      var retired = b.retired[section.id];
      var into = retired && retired.status === "merged" && now[retired.into];
      lists[into ? "merged" : "removed"].push({ section: section, into: into });
    });
    function link(section) {
      return make("a", { href: "#cmp-" + section.id }, [section.label]);
    }
    function item(kind, title, entries, show) {
      var li = make("li", { "data-kind": kind }, [make("strong", {}, [title + " (" + entries.length + "):"]), " "]);
      if (!entries.length) li.appendChild(document.createTextNode(T["rev.none"]));
      entries.forEach(function (entry, k) {
        if (k) li.appendChild(document.createTextNode(", "));
        li.appendChild(show(entry));
      });
      return li;
    }
    var summary = make("ul", { class: "revision-summary" }, [
      item("added", T["rev.added"], lists.added, link),
      item("removed", T["rev.removed"], lists.removed, function (entry) {
        return document.createTextNode(name(entry.section));
      }),
      item("merged", T["cmp.merged"], lists.merged, function (entry) {
        return make("span", {}, [
          name(entry.section) + " (",
          make("a", { href: address(b, entry.into) }, [say("cmp.merged_into", { into: entry.into.label })]),
          ")",
        ]);
      }),
      item("changed", T["rev.changed"], lists.changed, link),
    ]);
    var title = say("cmp.title", { new: b.label, old: a.label });
    return {
      nodes: [make("h2", { id: "cmp-ket-qua" }, [title]), summary].concat(body),
      message: say("cmp.result", {
        new: b.label,
        old: a.label,
        changed: lists.changed.length,
        added: lists.added.length,
        removed: lists.removed.length + lists.merged.length,
      }),
    };
  }

  function showView(nodes) {
    view.textContent = "";
    nodes.forEach(function (node) {
      view.appendChild(node);
    });
  }

  // --- The comparison page ------------------------------------------------------------------
  // What the address asks for: [from, to, swapped] in order (the older first), or a message saying
  // why it cannot be shown; null when it asks for nothing.
  function asked() {
    var query = new URLSearchParams(location.search);
    if (!query.has("tu") && !query.has("den")) return null;
    var from = query.get("tu") || "";
    var to = query.get("den") || "";
    var unknown = [from, to].filter(function (date) {
      return dates.indexOf(date) < 0;
    });
    if (unknown.length) return { message: ["cmp.unknown", { date: unknown.join(", ") }] };
    if (from === to) return { message: ["cmp.same"] };
    return from > to ? { from: to, to: from, swapped: true } : { from: from, to: to };
  }

  // The static comparison of consecutive drafts is shown, or gives way to the view.
  function staticShown(shown) {
    document.documentElement.classList.toggle("compare-shown", !shown);
  }

  function compare() {
    var mine = ++turn;
    var choice = asked();
    var selects = form.querySelectorAll("select");
    if (!choice || choice.message) {
      view.textContent = "";
      staticShown(true);
      status.textContent = choice ? say(choice.message[0], choice.message[1]) : "";
      return;
    }
    selects[0].value = choice.from;
    selects[1].value = choice.to;
    status.textContent = T["cmp.loading"];
    Promise.all([load(choice.from), load(choice.to)]).then(
      function (drafts) {
        if (mine !== turn) return;
        var result = comparison(drafts[0], drafts[1]);
        showView(result.nodes);
        staticShown(false);
        status.textContent = (choice.swapped ? T["cmp.swapped"] + " " : "") + result.message;
      },
      function (error) {
        if (mine !== turn) return;
        view.textContent = "";
        staticShown(true);
        status.textContent = say("cmp.failed", { draft: error.message });
      }
    );
  }

  // The reader's choice: into the address (so that the view can be linked), then shown.
  function chosen(event) {
    if (event.type === "submit") event.preventDefault();
    var selects = form.querySelectorAll("select");
    var query = "?tu=" + encodeURIComponent(selects[0].value) + "&den=" + encodeURIComponent(selects[1].value);
    if (query !== location.search) window.history.pushState(null, "", query);
    compare();
  }

  // --- The history page ---------------------------------------------------------------------
  function follow(texts, id) {
    var previous = null;
    var seen = false;
    var since = null;
    var last = null;
    var entries = [];
    texts.forEach(function (draft) {
      if (!draft) return; // a draft published before its text was (no van-ban.json)
      var all = byId(draft);
      var section = all[id];
      if (section) last = section;
      if (section && !previous && !seen) since = draft;
      else if (section && !previous) entries.push({ draft: draft, kind: "hist.added", section: section, nodes: compareSection(null, section) });
      else if (section && !same(previous, section)) {
        entries.push({ draft: draft, kind: "hist.changed", section: section, nodes: compareSection(previous, section) });
      } else if (!section && previous) {
        var retired = draft.retired[id];
        var into = retired && retired.status === "merged" && all[retired.into];
        entries.push({ draft: draft, kind: into ? "hist.merged" : "hist.removed", into: into, nodes: compareSection(previous, null) });
      }
      previous = section || null;
      seen = true;
    });
    if (!last) {
      status.textContent = say("hist.unknown", { id: id });
      return;
    }
    var nodes = [
      make("h2", {}, [say("hist.heading", { section: name(last) })]),
      make("p", {}, [
        make("a", { href: new URL(prefix + "lich-su/" + encodeURIComponent(id) + ".xml", root).href, type: "application/atom+xml" }, [T["hist.feed"]]),
      ]),
    ];
    if (since) nodes.push(make("p", {}, [say("hist.since", { draft: since.label })]));
    entries.forEach(function (entry) {
      var line = make("p", { class: "history-kind", "data-kind": entry.kind.slice(5) });
      var parts = T[entry.kind].split("{into}");
      line.appendChild(document.createTextNode(parts[0]));
      if (entry.into) {
        // merged: the sentence names the section it went into, linked in that draft
        line.appendChild(make("a", { href: address(entry.draft, entry.into) }, [name(entry.into)]));
        line.appendChild(document.createTextNode(parts[1]));
      } else if (entry.section) {
        line.appendChild(document.createTextNode(" "));
        line.appendChild(make("a", { href: address(entry.draft, entry.section) }, [say("hist.permanent", { draft: entry.draft.label })]));
      }
      nodes.push(make("h3", { id: "ls-" + entry.draft.draft }, [entry.draft.label]), line, make("div", { class: "revision-diff" }, entry.nodes));
    });
    if (!entries.length) nodes.push(make("p", {}, [T["hist.none"]]));
    showView(nodes);
    status.textContent = say("hist.result", { section: last.label, count: entries.length });
  }

  // --- Start: the drafts' texts are asked for at once; the page is set up once its box is there.
  var query = new URLSearchParams(location.search);
  var wanted = onHistory ? (query.get("muc") ? dates : []) : asked();
  var texts = onHistory
    ? Promise.all(
        wanted.map(function (date) {
          return load(date).catch(function () {
            return null;
          });
        })
      )
    : null;
  if (wanted && wanted.from) {
    load(wanted.from).catch(function () {});
    load(wanted.to).catch(function () {});
  }

  function start() {
    box = document.querySelector(onHistory ? ".section-history" : ".draft-compare");
    status = document.querySelector(".draft-compare__status");
    view = document.querySelector(".draft-compare__view");
    if (!box || !status || !view) return false;
    T = JSON.parse(box.getAttribute("data-texts"));
    if (onHistory) {
      box.querySelector(".section-history__nojs").hidden = true;
      var id = query.get("muc");
      if (!id) status.textContent = T["hist.choose"];
      else {
        status.textContent = T["cmp.loading"];
        texts.then(function (all) {
          follow(all, id);
        });
      }
      return true;
    }
    form = box;
    form.addEventListener("submit", chosen);
    form.addEventListener("change", chosen);
    window.addEventListener("popstate", compare);
    compare();
    return true;
  }

  // The page's box and view are parsed long before the theme's scripts at the end of the page have
  // run: start as soon as they are there.
  if (!start()) {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
