"""Issue 29, items 5–8: readers on phones (200 % zoom, large text, touch) and with a keyboard.

A 360 px phone at 200 % zoom shows a 180 CSS px wide page: the tests use that viewport. A 32 px
default font size is the browser's own setting, which Playwright cannot set directly: the tests set
it through Chromium's DevTools protocol (`Page.setFontSizes`), the preference that the browser's
settings change, so every rem and em of the site grows as it does for such a reader."""

from __future__ import annotations

import functools
import http.server
import json
import threading

import pytest
from conftest import AXE, SITE_PATH, _SitePathHandler, run_build

PAGE = "phan-thu-nhat/kinh-te/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WORDS = {"vi": ("Liên kết", "Trích dẫn"), "en": ("Link", "Cite")}
COPIED = {"vi": "Đã sao chép trích dẫn", "en": "Citation copied"}
PREFIX = {"vi": "", "en": "en/"}
# The focused element: where it is, how far it can be seen, and whether it shows a ring.
FOCUSED = """() => { const e = document.activeElement, s = getComputedStyle(e), b = e.getBoundingClientRect();
  let opacity = 1; for (let x = e; x; x = x.parentElement) opacity *= +getComputedStyle(x).opacity;
  return {name: (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 40), tag: e.tagName,
          cls: String(e.className.baseVal ?? e.className), opacity, visibility: s.visibility,
          inView: b.width > 0 && b.height > 0 && b.right > 0 && b.bottom > 0 && b.left < innerWidth && b.top < innerHeight,
          ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'}; }"""


def box(tab, selector: str) -> dict:
    """The bounding box of the first element matching `selector`."""
    return tab.locator(selector).first.bounding_box()


def inside(inner: dict, outer: dict, slack: float = 1) -> bool:
    """Whether box `inner` lies within box `outer`."""
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack
    )


def tab_to(tab, test: str, limit: int = 40) -> None:
    """Press Tab, as a reader does, until the focused element passes the JS `test` (e => bool)."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"({test})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {test}")


def large_font(context, tab) -> None:
    """Set the browser's default font size to 32 px (see the module's docstring)."""
    session = context.new_cdp_session(tab)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 32}})


# Item 5 -------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("reader", ["zoom-200", "font-32"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_header_fits_a_zoomed_phone_and_search_stays_in_reach(browser, server, lang, reader):
    viewport = (
        {"width": 180, "height": 400} if reader == "zoom-200" else {"width": 360, "height": 800}
    )
    context = browser.new_context(viewport=viewport, has_touch=True)
    tab = context.new_page()
    if reader == "font-32":
        large_font(context, tab)
    tab.goto(server + PREFIX[lang] + PAGE)
    if reader == "font-32":
        assert tab.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") >= 32
    assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth")
    # Read on, then try to push the page sideways: the header stays put, whole, on the screen.
    tab.mouse.wheel(0, 1500)
    tab.mouse.wheel(300, 0)
    tab.wait_for_timeout(200)
    assert tab.evaluate("scrollX") == 0
    header = box(tab, ".md-header")
    assert header["y"] == 0 and header["x"] == 0 and header["width"] == viewport["width"]
    search = box(tab, "label.md-header__button[for=__search]")
    assert inside(search, header) and search["width"] >= 40
    # The search button opens search, and what is typed finds something.
    tab.locator("label.md-header__button[for=__search]").tap()
    query = tab.locator(".md-search__input")
    query.wait_for(state="visible")
    tab.wait_for_timeout(400)  # Material's sliding in
    assert inside(query.bounding_box(), {"x": 0, "y": 0, **viewport})
    tab.keyboard.type("kinh te")
    tab.locator(".md-search-result__item").first.wait_for()
    assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth")
    context.close()


@pytest.mark.browser
def test_the_language_menu_of_a_zoomed_phone_opens_on_screen(browser, server):
    context = browser.new_context(viewport={"width": 180, "height": 400})
    tab = context.new_page()
    tab.goto(server + PAGE)
    tab.hover(".md-select")
    tab.locator(".md-select__link[hreflang=en]").wait_for(state="visible")
    tab.wait_for_timeout(400)  # Material's opening animation
    assert inside(box(tab, ".md-select__inner"), {"x": 0, "y": 0, "width": 180, "height": 400})
    assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth")
    context.close()


# Item 6 -------------------------------------------------------------------------------------------


def open_tools(tab, ident: str) -> None:
    """Tap a paragraph's first words, as a reader on a phone does to see its tools."""
    tab.evaluate("id => document.getElementById(id).scrollIntoView()", ident)
    target = box(tab, f"#{ident}")
    tab.touchscreen.tap(target["x"] + 60, target["y"] + 8)
    tab.locator(f"#{ident} > .paragraph-tools").wait_for(state="visible")


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 180])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_tapped_paragraphs_tools_say_what_they_do_and_cover_nothing(browser, server, lang, width):
    context = browser.new_context(
        viewport={"width": width, "height": 700}, has_touch=True, is_mobile=True
    )
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + PAGE)
    # A paragraph followed by a paragraph, and the last one of a section, followed by a heading and
    # the next section's comment link.
    last = tab.evaluate("""() => [...document.querySelectorAll('article p[id]')].find(p => {
        const next = p.nextElementSibling;
        return next && /^H[2-6]$/.test(next.tagName) && next.nextElementSibling.matches('.comment-link'); }).id""")
    for ident in ("p1-ii-1-1-d1", last):
        open_tools(tab, ident)
        tools = box(tab, f"#{ident} > .paragraph-tools")
        # Under the paragraph's last line of text, above whatever follows it.
        text_bottom = tab.evaluate(
            """id => { const r = document.createRange(), p = document.getElementById(id);
            r.selectNodeContents(p.lastChild); return r.getBoundingClientRect().bottom; }""",
            ident,
        )
        following = tab.evaluate(
            """id => { const n = document.getElementById(id).nextElementSibling;
            return [n, n.nextElementSibling].map(e => e.getBoundingClientRect().top); }""",
            ident,
        )
        assert tools["y"] >= text_bottom - 1, ident
        assert all(tools["y"] + tools["height"] <= top + 1 for top in following), ident
        for selector, word in zip((".paragraph-link", ".cite-button"), WORDS[lang], strict=True):
            element = tab.locator(f"#{ident} > .paragraph-tools {selector}")
            shown = element.evaluate("e => getComputedStyle(e, '::after').content")
            assert shown == json.dumps(word, ensure_ascii=False), (selector, shown)
            size = element.bounding_box()
            assert size["width"] >= 44 and size["height"] >= 44
            assert 0 <= size["x"] and size["x"] + size["width"] <= width
        tab.touchscreen.tap(5, 300)  # elsewhere: the tools close
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_selection_button_and_the_copied_notice_stay_off_the_text(browser, server, lang):
    context = browser.new_context(
        viewport=PHONE,
        has_touch=True,
        is_mobile=True,
        permissions=["clipboard-read", "clipboard-write"],
    )
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + PAGE)
    tab.evaluate("document.getElementById('p1-ii-1-1-d2').scrollIntoView({block: 'center'})")
    # A long press selects a word; the reader drags the handle over a few more (the selection it makes).
    tab.evaluate("""() => { const text = document.getElementById('p1-ii-1-1-d2').lastChild, r = document.createRange();
        r.setStart(text, 0); r.setEnd(text, 25); getSelection().removeAllRanges(); getSelection().addRange(r); }""")
    button = tab.locator(".cite-selection")
    button.wait_for(state="visible")
    header = box(tab, ".md-header")
    assert inside(button.bounding_box(), header)
    assert button.bounding_box()["height"] >= 44
    button.tap()
    notice = tab.locator(".cite-live").filter(has_text=COPIED[lang])
    notice.wait_for()
    assert inside(notice.bounding_box(), box(tab, ".md-header"))
    assert tab.evaluate("navigator.clipboard.readText()").startswith("«" if lang == "vi" else "“")
    context.close()


# Item 7 -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_drafts(tmp_path_factory, fixture_project):
    """The site built as the publishing tool builds the latest of two drafts (its inputs file), served on
    its own local address; yields that address."""
    tmp = tmp_path_factory.mktemp("two-drafts")
    drafts = [
        {
            "id": "du-thao-2020-03-31",
            "date": "2020-03-31",
            "label": {"vi": "Dự thảo ngày 31/3/2020", "en": "Draft of 31 March 2020"},
        },
        {
            "id": "du-thao-2020-05-15",
            "date": "2020-05-15",
            "label": {"vi": "Dự thảo ngày 15/5/2020", "en": "Draft of 15 May 2020"},
        },
    ]
    (tmp / "drafts.json").write_text(json.dumps(drafts, ensure_ascii=False), "utf-8")
    holder: dict[str, str] = {"directory": str(tmp / "site")}
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_SitePathHandler, holder=holder)
    )
    base = f"http://127.0.0.1:{httpd.server_address[1]}{SITE_PATH}"
    (tmp / "inputs.json").write_text(json.dumps({"drafts_file": str(tmp / "drafts.json")}), "utf-8")
    result = run_build(
        fixture_project, tmp / "site", SITE_URL=base, DRAFTSITE_INPUTS=str(tmp / "inputs.json")
    )
    assert result.returncode == 0, result.stderr
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield base
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_drafts_selector_is_part_of_the_banners_line_and_closes_with_escape(
    browser, two_drafts, lang, scheme
):
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(two_drafts + PREFIX[lang] + PAGE)
    selector = tab.locator(".md-banner .draft-select")
    looks = selector.evaluate("""d => { const s = getComputedStyle(d), m = getComputedStyle(d.querySelector('summary'), '::before');
        return [s.borderTopStyle, s.backgroundColor, s.boxShadow, m.display === 'none' || m.content === 'none']; }""")
    assert looks == ["none", "rgba(0, 0, 0, 0)", "none", True], looks
    summary, pdf = box(tab, ".draft-select > summary"), box(tab, ".draft-line__pdf")
    assert abs(summary["y"] - pdf["y"]) < 4 and pdf["x"] > summary["x"], (
        "«· Tải bản PDF» on the same line"
    )
    # By keyboard: open it, go into it, close it with Escape: the focus is back on its button.
    tab_to(tab, "e => e.tagName === 'SUMMARY'")
    tab.keyboard.press("Enter")
    links = tab.locator(".draft-select li a")
    assert links.count() == 2
    links.first.wait_for(state="visible")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('.draft-select li') !== null")
    tab.keyboard.press("Escape")
    assert selector.evaluate("d => d.open") is False
    assert tab.evaluate("document.activeElement.tagName") == "SUMMARY"
    # Open, the banner still meets contrast (its links and the selector's), on hover too.
    tab.keyboard.press("Enter")
    links.first.hover()
    tab.evaluate(AXE)
    result = tab.evaluate("axe.run('.md-banner', {runOnly: ['color-contrast']})")
    assert [v["id"] for v in result["violations"]] == []
    context.close()


# Item 8 -------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_escape_closes_the_language_menu_and_keeps_the_focus_on_its_button(browser, server, lang):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + PAGE)
    tab_to(tab, "e => e.parentElement.classList.contains('md-select')")
    other = tab.locator(".md-select__link[hreflang=%s]" % ("en" if lang == "vi" else "vi"))
    other.wait_for(state="visible")
    tab.keyboard.press("Escape")
    other.wait_for(state="hidden")
    assert tab.evaluate("document.activeElement.parentElement.classList.contains('md-select')")
    # Its button opens it again.
    tab.keyboard.press("Enter")
    other.wait_for(state="visible")
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_escape_closes_the_citation_dialog_whose_close_button_looks_like_the_sites(
    browser, server, lang
):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    # An in-app browser (Zalo's) that refuses the clipboard.
    tab.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new Error('denied'))")
    tab.goto(server + PREFIX[lang] + PAGE)
    tab_to(tab, "e => e.matches('#p1-ii-1-1 > .cite-button')", limit=80)
    tab.keyboard.press("Enter")
    dialog = tab.locator(".cite-fallback")
    dialog.wait_for()
    close = dialog.locator("button")
    assert close.inner_text() == ("Đóng" if lang == "vi" else "Close")
    looks = close.evaluate("""b => { const s = getComputedStyle(b);
        return [s.borderTopStyle, s.borderTopColor === s.color, s.fontWeight, b.getBoundingClientRect().height >= 44]; }""")
    assert looks == ["solid", True, "700", True], looks
    assert tab.evaluate("document.activeElement.tagName") == "TEXTAREA"
    tab.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    assert tab.evaluate("document.activeElement.matches('#p1-ii-1-1 > .cite-button')")
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_closed_with_escape_gives_the_focus_back_to_its_field(browser, server, lang):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + PAGE)
    tab_to(tab, "e => e.matches('.md-search__input')")
    tab.keyboard.type("kinh te" if lang == "vi" else "economy")
    tab.locator(".md-search-result__item").first.wait_for()
    tab.keyboard.press("Escape")
    tab.locator(".md-search-result__item").first.wait_for(state="hidden")
    # The focus returns in a task after Material's own Escape handler, which a slow machine may run
    # after this test's next command: wait for it (5 s at most) rather than read it at once.
    tab.wait_for_function("document.activeElement.matches('.md-search__input')", timeout=5000)
    assert tab.evaluate("document.getElementById('__search').checked") is False
    # Typing on opens it again.
    tab.keyboard.type(" xa hoi" if lang == "vi" else " growth")
    tab.locator(".md-search-result__item").first.wait_for()
    assert tab.evaluate("document.getElementById('__search').checked") is True
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_closed_with_escape_on_a_phone_gives_the_focus_back_to_its_button(
    browser, server, lang
):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + PAGE)
    name = "Tìm kiếm" if lang == "vi" else "Search"
    tab_to(
        tab,
        f"e => e.getAttribute('role') === 'button' && e.getAttribute('aria-label') === {name!r}",
    )
    tab.keyboard.press("Enter")
    query = tab.locator(".md-search__input")
    query.wait_for(state="visible")
    assert tab.evaluate("document.activeElement.matches('.md-search__input')")
    tab.keyboard.type("kinh te" if lang == "vi" else "economy")
    tab.locator(".md-search-result__item").first.wait_for()
    tab.keyboard.press("Escape")
    tab.wait_for_function("!document.getElementById('__search').checked")
    # As on a desktop, the focus returns in a later task: wait for it (5 s at most).
    tab.wait_for_function(
        f"document.activeElement.getAttribute('aria-label') === {name!r}", timeout=5000
    )
    focused = tab.evaluate(FOCUSED)
    assert focused["name"] == name and focused["inView"] and focused["ring"], focused
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_tab_stop_of_a_report_page_shows_the_focus(browser, server, viewport):
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    tab = context.new_page()
    tab.goto(server + PAGE)
    # Transitions off (a style the CSP would refuse, hence bypass_csp): each stop is measured as it
    # looks once its fade-in is over.
    tab.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    unseen = []
    for step in range(70):
        tab.keyboard.press("Tab")
        tab.wait_for_timeout(50)  # Material opens search a moment after its field gets the focus
        focused = tab.evaluate(FOCUSED)
        if not (
            focused["inView"]
            and focused["ring"]
            and focused["opacity"] > 0.5
            and focused["visibility"] == "visible"
        ):
            unseen.append((step, focused))
    assert unseen == []
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_sections_cite_button_and_comment_link_come_in_the_same_order_on_screen_and_by_tab(
    browser, server, viewport
):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    tab.goto(server + PAGE)
    order = []
    for _ in range(120):
        tab.keyboard.press("Tab")
        focused = tab.evaluate("""() => { const e = document.activeElement, b = e.getBoundingClientRect();
            return [e.matches('.cite-button--section') ? 'cite' : e.closest('.comment-link') && !e.matches('.comment-privacy') ? 'comment' : '',
                    b.left, b.top, b.bottom]; }""")
        if focused[0]:
            order.append(focused)
        if len(order) == 4:
            break
    assert [o[0] for o in order] == ["cite", "comment", "cite", "comment"]
    for cite, comment in (order[:2], order[2:]):
        assert cite[1] < comment[1], "the button is left of the link it comes before"
        assert cite[2] < comment[3] and comment[2] < cite[3], "on the same line"
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_banner_links_keep_their_contrast_on_hover_and_focus(browser, server, lang, scheme):
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + PAGE)
    tab.evaluate(AXE)
    links = tab.locator(".md-banner a:visible")
    assert links.count() >= 2
    for i in range(links.count()):
        links.nth(i).hover()
        hovered = tab.evaluate("axe.run('.md-banner', {runOnly: ['color-contrast']})")
        links.nth(i).focus()
        tab.mouse.move(0, 800)
        focused = tab.evaluate("axe.run('.md-banner', {runOnly: ['color-contrast']})")
        assert [v["help"] for v in hovered["violations"] + focused["violations"]] == [], links.nth(
            i
        ).inner_text()
    context.close()
