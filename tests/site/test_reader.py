"""Issue 15: the reader's experience — the full text's outline, the 404 page, the PDF's way back to
the form, phone ergonomics, and labels that say the same thing everywhere."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from conftest import SITE_PATH, page_html

from draftsite.citations.paragraphs import anchor_paragraphs, tools_on_demand
from draftsite.document.model import build_document
from draftsite.full_text.full_text import (
    Chapter,
    assemble_html,
    outline_depths,
    rebase_url,
    relevel_headings,
)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PREFIX = {"vi": "", "en": "en/"}

# Every heading of the page's article: id, level as assistive technology gets it (aria-level or hN).
HEADINGS = """() => [...document.querySelectorAll('article :is(h1,h2,h3,h4,h5,h6)[id]')].map(h => ({
  id: h.id, level: Number(h.getAttribute('aria-level') || h.tagName.slice(1))}))"""


def test_outline_depths_follow_the_numbering_across_pages():
    files = {
        "phan-thu-nhat/index.md": "# Phần thứ nhất { #p1 }\n\n## II. KẾT QUẢ { #p1-ii }\n",
        "phan-thu-nhat/kinh-te.md": "# 1. Kinh tế { #p1-ii-1 }\n\n## 1.2. Tăng trưởng { #p1-ii-1-2 }\n\n"
        "### 1.2.2. Thương mại { #p1-ii-1-2-2 }\n\n#### \\* Xuất khẩu { #p1-ii-1-2-2-xuat-khau }\n",
        "phan-thu-hai/dot-pha.md": "# \\* Các đột phá { #p2-dot-pha }\n",
        "phan-thu-hai/index.md": "# Phần thứ hai { #p2 }\n",
    }
    depths = outline_depths(build_document(files, "vi"))
    assert depths == {
        "p1": 1,
        "p1-ii": 2,
        "p1-ii-1": 3,
        "p1-ii-1-2": 4,
        "p1-ii-1-2-2": 5,
        "p1-ii-1-2-2-xuat-khau": 6,
        "p2-dot-pha": 2,
        "p2": 1,
    }


def test_full_text_rebases_chapter_links_and_relevels_headings():
    assert (
        rebase_url("../../quyen-rieng-tu/", "phan-thu-nhat/kinh-te/", "toan-van/")
        == "../quyen-rieng-tu/"
    )
    assert (
        rebase_url("../../gop-y/p1/qr.svg", "phan-thu-nhat/kinh-te/", "toan-van/")
        == "../gop-y/p1/qr.svg"
    )
    assert (
        rebase_url("../ha-tang/#p1-ii-2", "phan-thu-nhat/kinh-te/", "toan-van/")
        == "../phan-thu-nhat/ha-tang/#p1-ii-2"
    )
    assert (
        rebase_url("./#p1-ii-1", "phan-thu-nhat/kinh-te/", "toan-van/")
        == "../phan-thu-nhat/kinh-te/#p1-ii-1"
    )
    assert rebase_url("../../toan-van/#cv", "phan-thu-nhat/kinh-te/", "toan-van/") == "#cv"
    # From an archived draft's page to another draft's, above the draft's own root.
    assert rebase_url("../../../../du-thao/2020-03-31/en/a/b/#x", "en/a/b/", "en/toan-van/") == (
        "../../../du-thao/2020-03-31/en/a/b/#x"
    )
    for kept in ("#fn:1", "https://example.org/a", "mailto:a@b.c", "/abs/", ""):
        assert rebase_url(kept, "a/b/", "toan-van/") == kept
    html = '<h1 id="p1-ii-1">1. Kinh tế</h1><p>x</p><h4 id="deep">* Sâu</h4><h2 class="c" id="unknown">T</h2>'
    assert relevel_headings(html, {"p1-ii-1": 3, "deep": 6}) == (
        '<h4 id="p1-ii-1">1. Kinh tế</h4><p>x</p><h6 aria-level="7" id="deep">* Sâu</h6><h3 class="c" id="unknown">T</h3>'
    )


def test_full_text_assembles_chapters_once_with_in_page_links_and_one_footnote_list():
    files = {
        "cong-van.md": "---\ntitle: Công văn\nsection_id: cv\n---\n\nKính gửi.\n",
        "phan-thu-nhat/index.md": "# Phần thứ nhất { #p1 }\n",
        "phan-thu-nhat/kinh-te.md": "# 1. Kinh tế { #p1-ii-1 }\n",
    }
    document = build_document(files, "vi")
    note = '<div class="footnote">\n<hr />\n<ol>\n<li id="fn:{n}" value="{n}"><p>N{n}</p></li>\n</ol>\n</div>'
    chapters = [
        Chapter("cong-van/", '<p id="cv-d1">Kính gửi.</p>', "Công văn", "cv"),
        Chapter(
            "phan-thu-nhat/",
            '<h1 id="p1">Phần thứ nhất</h1><p id="p1-d1">Xem '
            '<a href="kinh-te/#p1-ii-1">mục 1</a> và <a href="../quyen-rieng-tu/">riêng tư</a>.<sup id="fnref:1">'
            '<a class="footnote-ref" href="#fn:1">1</a></sup></p>\n' + note.format(n=1),
            "P1",
            None,
        ),
        Chapter(
            "phan-thu-nhat/kinh-te/",
            '<h1 id="p1-ii-1">1. Kinh tế</h1><p>Y</p>\n' + note.format(n=2),
            "KT",
            None,
        ),
    ]
    html = assemble_html(chapters, document, "toan-van/", "Liên kết")
    assert (
        '<h2 id="cv">Công văn<a class="headerlink" href="#cv" title="Liên kết">&para;</a></h2>'
        in html
    )
    assert '<h2 id="p1">Phần thứ nhất</h2>' in html and '<h3 id="p1-ii-1">' in html
    assert '<a href="#p1-ii-1">mục 1</a>' in html, "a link to a chapter's section stays on the page"
    assert '<a href="../quyen-rieng-tu/">' in html
    assert html.count('<div class="footnote">') == 1 and html.index('id="fn:1"') < html.index(
        'id="fn:2"'
    )
    assert html.rstrip().endswith("</div>") and html.index("<p>Y</p>") < html.index(
        '<div class="footnote">'
    )


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_full_text_headings_nest_by_the_documents_numbering(page, server, lang):
    page.goto(server + PREFIX[lang] + "toan-van/")
    headings = page.evaluate(HEADINGS)
    level = {h["id"]: h["level"] for h in headings}
    assert level["toan-van"] == 1 and level["p1"] == level["p2"] == level["cv"] == level["gy"] == 2
    assert level["p1-i"] == level["p1-ii"] == level["p1-iii"] == 3
    assert all(level[f"p1-ii-{n}"] == 4 for n in range(1, 7)), "1.–6. sit under II."
    assert level["p1-ii-5-1"] == 5 and level["p2-ii-7"] == 4 and level["p2-dot-pha"] == 3
    # Every numbered section is exactly one level below the section it is numbered under.
    for heading in headings:
        parts = heading["id"].split("-")
        parents = [
            "-".join(parts[:n])
            for n in range(len(parts) - 1, 0, -1)
            if "-".join(parts[:n]) in level
        ]
        if parents:
            assert heading["level"] == level[parents[0]] + 1, heading
    # Never a skipped level going down.
    for before, after in zip(headings, headings[1:], strict=False):  # pairs of neighbours
        assert after["level"] <= before["level"] + 1, (before, after)
    # Sections deeper than h6 are headings of their own level in Chromium's accessibility tree.
    assert [h["id"] for h in headings if h["level"] == 7] == [
        "p1-ii-1-2-2-trong-nuoc",
        "p1-ii-1-2-2-xuat-nhap-khau",
        "p1-ii-1-2-2-van-tai",
    ]
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#p1-ii-1-2-2-van-tai"})[
        "nodeId"
    ]
    ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})[
        "nodes"
    ][0]
    assert ax["role"]["value"] == "heading"
    assert {p["name"]: p["value"]["value"] for p in ax.get("properties", [])}["level"] == 7


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_full_text_contents_list_the_letter_nest_and_carry_no_citation_tools(page, server, lang):
    page.goto(server + PREFIX[lang] + "toan-van/")
    contents = page.locator("#muc-luc + ul")
    links = contents.locator("a")
    assert links.first.get_attribute("href") == "#cv"
    part_one_ii = contents.locator("li", has=page.locator("> a[href='#p1-ii']"))
    assert part_one_ii.locator("a[href='#p1-ii-5']").count() == 1, "5. is listed under II."
    front = page.locator(".full-text-front")
    assert front.locator(".paragraph-tools, .cite-button, [id$='-d1']").count() == 0
    # Tab stops before the text: only the contents' own links (and the PDF and site links).
    focusable = front.locator("a[href], button, [tabindex]")
    assert focusable.count() <= links.count() + 3


def test_tools_on_demand_leave_each_block_its_label_and_nothing_else():
    html, blocks = anchor_paragraphs(
        '<h2 id="p1">P</h2>\n<p>Một.</p>\n<ul>\n<li>Hai.</li>\n</ul>',
        "p1",
        {"p1": "Phần thứ nhất"},
        "vi",
    )
    lean = tools_on_demand(html)
    assert "paragraph-tools" not in lean and "cite-button" not in lean
    assert '<p id="p1-d1" data-cite-label="Phần thứ nhất, đoạn 1">Một.</p>' in lean
    assert '<li id="p1-d2" data-cite-label="Phần thứ nhất, đoạn 2">Hai.</li>' in lean
    assert tools_on_demand(lean) == lean


# The full text carries each block's citation label, the same as on its chapter page, not its tools.
def test_full_text_blocks_carry_the_chapter_pages_citation_labels(site):
    full = page_html(site, "toan-van/")
    assert full.select(".paragraph-tools") == []
    chapter = page_html(site, "phan-thu-nhat/kinh-te/")
    blocks = chapter.select("article [id] > .paragraph-tools .cite-button")
    assert len(blocks) > 20
    for button in blocks:
        block = button.find_parent(class_="paragraph-tools").parent
        assert full.find(id=block["id"])["data-cite-label"] == button["data-cite-label"], block[
            "id"
        ]


@pytest.mark.browser
def test_full_text_paragraphs_can_be_linked_and_cited_by_pointer_touch_and_keyboard(
    browser, server
):
    context = browser.new_context(
        viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"]
    )
    tab = context.new_page()
    tab.goto(server + "toan-van/")
    block = tab.locator("#p1-ii-1-2-1-d2")
    block.hover()
    link, cite = block.locator(".paragraph-link"), block.locator(".cite-button")
    assert link.is_visible() and link.get_attribute("href") == "#p1-ii-1-2-1-d2"
    assert (
        cite.get_attribute("aria-label") == "Sao chép trích dẫn Phần thứ nhất, mục II.1.2.1, đoạn 2"
    )
    cite.click()
    tab.locator(".cite-live").filter(has_text=re.compile(".+")).wait_for()
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert "Phần thứ nhất, mục II.1.2.1, đoạn 2)" in copied and copied.endswith(
        "/toan-van/#p1-ii-1-2-1-d2"
    )
    tab.goto(
        server + "toan-van/#muc-luc"
    )  # from the contents list, Tab reaches the paragraphs' links
    tab.locator("#muc-luc + ul a").last.focus()
    for _ in range(60):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.matches('article p[id] .paragraph-link')"):
            break
    else:
        raise AssertionError("Tab does not reach a paragraph's link")
    context.close()
    phone = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    tab = phone.new_page()
    tab.goto(server + "toan-van/")
    block = tab.locator("#p1-ii-1-2-1-d2")
    block.scroll_into_view_if_needed()
    block.tap(position={"x": 40, "y": 10})
    for target in (block.locator(".paragraph-link"), block.locator(".cite-button")):
        assert target.is_visible()
        box = target.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
    phone.close()


@pytest.mark.browser
def test_404_page_is_vietnamese_with_an_english_line_and_ways_on(page, server):
    page.goto(server + "404.html")
    assert page.evaluate("document.documentElement.lang") == "vi"
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    english = page.locator("article [lang=en]")
    assert "Page not found" in english.inner_text()
    assert english.locator("a").get_attribute("href") == SITE_PATH + "en/"
    for href in ("", "toan-van/", "ban-du-thao/"):
        assert page.locator(f"article a[href='{SITE_PATH}{href}']").count() >= 1, href
    languages = page.locator("a.md-select__link")
    assert {languages.nth(i).get_attribute("href") for i in range(languages.count())} == {
        SITE_PATH,
        SITE_PATH + "en/",
    }
    assert "lấy ý kiến" in page.locator(".consultation-status").inner_text()
    # The search box of the 404 page opens the site's search with the query, and finds it.
    page.get_by_label("Tìm trong dự thảo").fill("nong thon moi")
    page.keyboard.press("Enter")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator("input.md-search__input").input_value() == "nong thon moi"


@pytest.mark.browser
def test_short_address_forwards_while_open_and_says_closed_after(browser, server):
    context = browser.new_context(viewport=PHONE)
    context.route(
        "https://docs.google.com/**",
        lambda route: route.fulfill(body="form", content_type="text/html"),
    )
    tab = context.new_page()
    tab.clock.install(
        time=dt.datetime(2027, 1, 15, 16, 0, tzinfo=dt.UTC)
    )  # last day, 23:00 in Viet Nam
    tab.goto(server + "gop-y/p1-ii-1-2-1/")
    tab.wait_for_url("https://docs.google.com/**")
    assert "entry.1000001=p1-ii-1-2-1" in tab.url
    context.close()
    for path, closed, read in (
        ("gop-y/", "đã kết thúc", "Đọc mục này"),
        ("en/gop-y/", "closed", "Read this section"),
    ):
        context = browser.new_context(viewport=PHONE)
        tab = context.new_page()
        tab.clock.install(
            time=dt.datetime(2027, 1, 15, 17, 1, tzinfo=dt.UTC)
        )  # 16/1, 00:01 in Viet Nam
        tab.goto(server + path + "p1-ii-1-2-1/")
        tab.wait_for_timeout(300)
        assert "/gop-y/p1-ii-1-2-1/" in tab.url, "no forwarding after the closing day"
        assert closed in tab.locator("[data-when=closed]").inner_text()
        assert not tab.locator("[data-when=open]").is_visible()
        back = tab.get_by_role("link", name=read)
        assert back.get_attribute("href").endswith("phan-thu-nhat/kinh-te/#p1-ii-1-2-1")
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang,copied", [("vi", "Đã sao chép"), ("en", "copied")])
def test_by_touch_a_paragraph_can_be_linked_and_cited_with_visible_confirmation(
    browser, server, lang, copied
):
    context = browser.new_context(
        viewport=PHONE,
        has_touch=True,
        is_mobile=True,
        permissions=["clipboard-read", "clipboard-write"],
    )
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + "phan-thu-nhat/kinh-te/")
    block = tab.locator("#p1-ii-1-2-1-d2")
    link, cite = block.locator(".paragraph-link"), block.locator(".cite-button")
    assert not link.is_visible()
    block.tap(position={"x": 40, "y": 10})
    for target in (link, cite):
        assert target.is_visible()
        box = target.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
    cite.tap()
    notice = tab.locator(".cite-live")
    notice.filter(has_text=re.compile(".+")).wait_for()
    assert copied in notice.inner_text() and notice.is_visible()
    box = notice.bounding_box()
    assert box["width"] > 40 and box["height"] > 20, "the confirmation is seen, not only announced"
    assert tab.evaluate("navigator.clipboard.readText()").endswith("#p1-ii-1-2-1-d2")
    block.tap(position={"x": 40, "y": 10})
    if not link.is_visible():
        block.tap(position={"x": 40, "y": 10})
    link.tap()
    assert tab.evaluate("location.hash") == "#p1-ii-1-2-1-d2"
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scripts", [True, False])
@pytest.mark.parametrize("url", ["phan-thu-nhat/kinh-te/", "toan-van/"])
def test_citation_buttons_show_only_where_scripts_can_run_them(browser, server, scripts, url):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=scripts)
    tab = context.new_page()
    messages = []
    tab.on("console", lambda message: messages.append(message.text))
    tab.goto(server + url)
    button = tab.locator("#p1-ii-1-2-1 > .cite-button--section")
    assert button.count() == 1
    assert button.is_visible() is scripts
    classes = tab.evaluate("document.documentElement.className").split()
    assert ("js" in classes, "no-js" in classes) == (scripts, not scripts)
    assert not [m for m in messages if "Content Security Policy" in m], messages
    context.close()


@pytest.mark.browser
def test_tapping_cite_leaves_the_comment_link_uncovered(browser, server):
    context = browser.new_context(
        viewport=PHONE,
        has_touch=True,
        is_mobile=True,
        permissions=["clipboard-read", "clipboard-write"],
    )
    tab = context.new_page()
    tab.goto(server + "phan-thu-nhat/kinh-te/")
    button = tab.locator("#p1-ii-1-2-1 > .cite-button--section")
    assert button.get_attribute("title") is None, "no tooltip that stays after a tap"
    button.tap()
    tab.locator(".cite-live").filter(has_text=re.compile(".+")).wait_for()
    comment = tab.locator("#p1-ii-1-2-1 + .comment-link a[target]")
    box = comment.bounding_box()
    on_top = tab.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.comment-link') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("url", ["phan-thu-nhat/kinh-te/", "en/goi-y-thao-luan/", "phan-thu-hai/"])
def test_tap_targets_are_at_least_44_px_on_a_phone(page, server, url):
    page.goto(server + url)
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        'article .comment-link:not([hidden]) a, article .cite-button--section')]
        .filter(e => e.offsetParent !== null)
        .map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.width, r.height]; })""")
    assert len(sizes) > 5
    small = [s for s in sizes if s[1] < 44 or s[2] < 44]
    assert small == []


@pytest.mark.browser
@pytest.mark.parametrize(
    "url", ["phan-thu-nhat/kinh-te/", "en/phan-thu-hai/mat-tran-doan-the/", "toan-van/"]
)
def test_no_blank_band_under_headings_on_desktop(browser, server, url):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.goto(server + url)
    grown = tab.evaluate("""() => [...document.querySelectorAll('article :is(h1,h2,h3,h4,h5,h6) > .cite-button--section')]
        .filter(b => { const h = b.parentNode, before = h.offsetHeight;
                       b.style.display = 'none'; const after = h.offsetHeight; b.style.display = '';
                       return before !== after; }).map(b => b.parentNode.id)""")
    assert grown == []
    # Where a comment link follows, the button is shown on its line, clear of the link and before it
    # (as in the Tab order).
    overlap = tab.evaluate("""() => [...document.querySelectorAll('article .comment-link:not([hidden])')].filter(p => {
        const b = p.previousElementSibling && p.previousElementSibling.querySelector(':scope > .cite-button--section');
        if (!b) return false;
        const a = p.querySelector('a').getBoundingClientRect(), r = b.getBoundingClientRect();
        const sameLine = r.top < a.bottom && r.bottom > a.top;
        return getComputedStyle(b).opacity !== '1' || !sameLine || r.right > a.left; }).length""")
    assert overlap == 0
    context.close()


@pytest.mark.browser
def test_english_menu_title_does_not_cover_menu_entries(browser, server):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.goto(server + "en/phan-thu-hai/mat-tran-doan-the/")
    tab.wait_for_timeout(300)
    covered = tab.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__link')].filter(a => {
        const r = a.getBoundingClientRect();
        if (!r.height || r.top < 0 || r.bottom > innerHeight) return false;
        const hit = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
        return hit && hit.closest('.md-nav__title'); }).map(a => a.textContent.trim())""")
    assert covered == []
    active = tab.locator(".md-sidebar--primary .md-nav__link--active").last
    assert active.is_visible()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_indicators_table_and_chart_use_the_desktop_width(browser, server, lang):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + "chi-tieu/")
    table = tab.locator(".indicator-table").first.bounding_box()
    assert table["width"] >= 900
    rows = tab.evaluate(
        "() => [...document.querySelectorAll('.indicator-table tbody tr')].map(r => r.offsetHeight)"
    )
    assert max(rows) < 150, (
        rows
    )  # the longest English rows say "percentage points a year" three times
    assert tab.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    chart = tab.locator("figure.indicator-chart svg").first.bounding_box()
    assert chart["width"] >= 500
    label = tab.evaluate(
        "document.querySelector('figure.indicator-chart text.label').getBoundingClientRect().height"
    )
    assert label >= 12, "chart text at least the size of small body text"
    context.close()


def test_generated_indicator_tables_say_so(site):
    for url in ("phan-thu-nhat/", "phan-thu-hai/", "chi-tieu/", "en/phan-thu-nhat/"):
        tables = page_html(site, url).select("table.indicator-table")
        assert tables, url
        for table in tables:
            caption = table.find("caption")
            assert caption is not None, url
            assert (
                caption.select_one(".indicator-source").get_text().startswith(("Nguồn:", "Source:"))
            ), url


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_home_page_says_things_once_and_labels_pages_as_the_menu_does(site, lang):
    html = page_html(site, PREFIX[lang])
    article = html.select_one("article")
    if lang == "en":
        assert len(re.findall("unofficial reference translation", article.get_text())) == 1
    menu = {}
    for link in html.select(".md-sidebar--primary a.md-nav__link[href]"):
        menu.setdefault(link["href"], re.sub(r"\s+", " ", link.get_text()).strip())
    checked = 0
    for link in article.select("#noi-dung ~ ul a[href]"):
        href = link["href"]
        if "#" in href or href.endswith(".pdf"):
            continue
        assert href in menu, href
        assert link.get_text(strip=True) == menu[href], href
        checked += 1
    assert checked >= 20


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_general_comment_link_is_on_the_first_screen_of_the_home_page(page, server, lang):
    page.goto(server + PREFIX[lang])
    lead = page.locator(".comment-lead a.md-button")
    assert lead.is_visible()
    box = lead.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] and box["height"] >= 44
    assert "entry.1000001=du-thao" in lead.get_attribute("href")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_links_the_pdf_from_its_banner(page, server, lang):
    pdf = {"vi": "du-thao-bao-cao-chinh-tri.pdf", "en": "en/draft-political-report.pdf"}[lang]
    for url in ("", "phan-thu-nhat/kinh-te/", "goi-y-thao-luan/", "ban-du-thao/"):
        page.goto(server + PREFIX[lang] + url)
        link = page.locator(".md-banner .draft-line__pdf")
        assert link.is_visible(), url
        assert link.evaluate("a => a.href") == server + pdf
        response = page.request.get(server + pdf)
        assert response.ok and response.headers["content-type"] == "application/pdf"


# Text of each page of a PDF.
def pdf_pages(path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pdf_says_where_and_until_when_to_comment_and_numbers_its_contents(site, site_url, lang):
    path = site / (
        "du-thao-bao-cao-chinh-tri.pdf" if lang == "vi" else "en/draft-political-report.pdf"
    )
    pages = pdf_pages(path)
    flat = [re.sub(r"\s+", " ", p) for p in pages]
    home = site_url + PREFIX[lang]
    assert home in flat[0] and ("15/01/2027" if lang == "vi" else "15 January 2027") in flat[0]
    body = [p for p in flat[3:] if p.strip()]
    assert all(home in p for p in body), "the site's address on every page"
    assert any(f"{home}gop-y/p1-ii-1-2-1/" in re.sub(r"\s", "", p) for p in pages), (
        "a short comment address per section"
    )
    assert sum(p.count("/gop-y/") for p in flat) >= 100, "one under (nearly) every section"
    # The contents give each entry's page: the page that holds the section's printed id.
    entry = re.search(
        r"^\s*1\. (?:Về lĩnh vực kinh tế|On the economic field)\s+(\d+)\s*$",
        "\n".join(pages[1:4]),
        re.M,
    )
    assert entry, "the contents show page numbers"
    number = int(entry[1])
    assert "[#p1-ii-1]" in re.sub(r"\s", "", pages[number - 1])


# The light/dark toggle: the scheme follows the system until the reader chooses, the choice holds on
# the next page before anything is drawn, the button says what a press does in the page's language,
# and Material's palette component (which restyles the whole page when it starts) is not mounted.
@pytest.mark.browser
@pytest.mark.parametrize(
    "lang,to_dark,to_light",
    [("vi", "Chế độ tối", "Chế độ sáng"), ("en", "Dark mode", "Light mode")],
)
def test_the_colour_toggle_follows_the_system_then_the_readers_choice(
    browser, server, lang, to_dark, to_light
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    tab = context.new_page()
    prefix = "" if lang == "vi" else "en/"
    tab.goto(server + prefix + "phan-thu-nhat/kinh-te/")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert tab.evaluate(scheme) == "slate"
    assert tab.locator('[data-md-component="palette"]').count() == 0
    toggle = tab.get_by_role("button", name=to_light, exact=True)
    assert toggle.is_visible()
    box = toggle.bounding_box()
    assert box["width"] >= 40 and box["height"] >= 40
    toggle.click()
    assert tab.evaluate(scheme) == "default"
    assert tab.get_by_role("button", name=to_dark, exact=True).is_visible()
    tab.goto(server + prefix + "chi-tieu/")
    assert tab.evaluate(scheme) == "default"  # the reader's choice outlasts the system's setting
    tab.get_by_role("button", name=to_dark, exact=True).click()
    tab.goto(server + prefix)
    assert tab.evaluate(scheme) == "slate"
    context.close()
