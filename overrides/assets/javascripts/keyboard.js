// Escape closes the site's menus and gives the focus back to what opened them: the language menu
// (Material's, open while the pointer or the focus is in it), the drafts selector in the banner, the
// menu drawer of narrow screens, and search (Material closes it and leaves the focus on the page's
// body: here it returns to the search field, or on a narrow screen, where the field is hidden with
// the search, to the search button).
(function () {
  "use strict";
  var toggle = document.getElementById("__search");
  var drawer = document.getElementById("__drawer");
  var query = document.querySelector("[data-md-component=search-query]");
  var nav = document.querySelector(".md-sidebar--primary");
  var quiet = false;

  // Material's header buttons for the menu and for search are labels, which a keyboard cannot reach:
  // each gets a button inside, named like what it opens. Opening the menu moves the focus into it.
  function handleOf(label, name, then) {
    if (!label || !name) return null;
    var handle = document.createElement("span");
    handle.className = "header-key";
    handle.setAttribute("role", "button");
    handle.tabIndex = 0;
    handle.setAttribute("aria-label", name);
    while (label.firstChild) handle.appendChild(label.firstChild);
    label.appendChild(handle);
    handle.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      label.click();
      if (then) then();
    });
    return handle;
  }
  var handle = handleOf(document.querySelector("label.md-header__button[for=__search]"), query && query.getAttribute("aria-label"));
  var menu = handleOf(document.querySelector("label.md-header__button[for=__drawer]"),
                      nav && nav.querySelector("nav").getAttribute("aria-label"), function () {
    var first = drawer.checked && nav.querySelector("a[href], [tabindex='0']");
    if (first) first.focus();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var target = event.target.closest ? event.target : document.body;
    var select = target.closest(".md-select");
    if (select) {
      select.classList.add("md-select--closed");
      select.querySelector("button").focus();
      return;
    }
    var drafts = target.closest(".draft-select[open]");
    if (drafts) {
      drafts.open = false;
      drafts.querySelector("summary").focus();
      return;
    }
    if (menu && drawer.checked && target.closest(".md-sidebar--primary")) {
      drawer.click();
      menu.focus();
      return;
    }
    if (toggle && toggle.checked && query) {
      // After Material's own handler has closed search.
      setTimeout(function () {
        if (toggle.checked) return;
        if (handle && handle.getClientRects().length) {
          handle.focus();
        } else {
          quiet = true;  // Material opens search when the field gets the focus: not this time
          query.focus();
          quiet = false;
        }
      }, 0);
    }
  });
  // Typing in the field, or clicking it, opens search again.
  function reopen() {
    if (toggle && !toggle.checked) toggle.click();
  }
  if (query) {
    query.addEventListener("input", reopen);
    query.addEventListener("click", reopen);
  }
  document.addEventListener("focusin", function (event) {
    if (quiet) event.stopImmediatePropagation();
  }, true);
  // The focus or the pointer leaving a language menu closed by Escape lets it open again.
  function leave(event) {
    var select = event.target.closest && event.target.closest(".md-select--closed");
    if (select && !select.contains(event.relatedTarget)) select.classList.remove("md-select--closed");
  }
  document.addEventListener("focusout", leave);
  document.addEventListener("mouseout", leave);
  // A language menu closed by Escape opens again with its button (Enter); a click outside an open
  // drafts selector closes it.
  document.addEventListener("click", function (event) {
    var select = event.target.closest && event.target.closest(".md-select--closed");
    if (select) select.classList.remove("md-select--closed");
    var open = document.querySelector(".draft-select[open]");
    if (open && !open.contains(event.target)) open.open = false;
  });
})();
