"""Issue 29, press: quotes that hold. A journalist pastes a paragraph's address or a copied citation
into an article and expects it to show the words quoted next month: the address bar keeps naming the
paragraph (a ¶ click, scrolling, switching language), citations link to the draft's permanent
address, a selection over two paragraphs cites both with the break kept, and English quotes, the
English PDF and English deep links say that the text is an unofficial translation."""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import (
    AXE,
    AXE_TAGS,
    ROOT,
    SITE_PATH,
    _SitePathHandler,
    assemble_project,
    fill_in_organiser,
)

sys.path.insert(0, str(ROOT / "tools"))
from publish import publish  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
from draftsite.revisions.drafts import permanent_address  # noqa: E402
from draftsite.revisions.publishing import set_draft  # noqa: E402

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PREFIX = {"vi": "", "en": "en/"}
OTHER = {"vi": "en", "en": "vi"}
CLIPBOARD = ["clipboard-read", "clipboard-write"]
DRAFT = "2020-03-31"
PAGE = "phan-thu-nhat/kinh-te/"
TRANSLATION_NOTE = "; unofficial English translation of the Vietnamese draft)"

# The words of a block as a reader sees them, without its tools, footnote markers and notices.
WORDS = """id => { const copy = document.getElementById(id).cloneNode(true);
  copy.querySelectorAll('.paragraph-tools, sup, .translation-landing').forEach(n => n.remove());
  return copy.textContent.replace(/\\s+/g, ' ').trim(); }"""
# Layout shifts of the page's content (the article), recorded from the start of the page's loading:
# [what moved, whether it is the block the address names (or inside it, or the notice)].
RECORD_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(entry => entry.sources.forEach(source => {
  const content = document.querySelector('.md-content'), node = source.node;
  if (!node || !node.nodeType || !content || !content.contains(node)) return;
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const element = node.nodeType === 1 ? node : node.parentElement;
  const landed = !!(target && (target.contains(node) || element.closest('.translation-landing')));
  window.__shifts.push([(element.id || element.className || element.nodeName) + ' ' + entry.value, landed]);
}))).observe({type: 'layout-shift', buffered: true});"""


def quote_of(citation: str) -> str:
    """The quoted words of a copied citation: what stands between its opening and closing marks."""
    found = re.match(r"^[«“](.*)[»”] \(", citation, re.S)
    assert found, citation
    return found[1]


def link_of(citation: str) -> str:
    """The address a copied citation ends with."""
    return citation.rsplit(" ", 1)[1]


def copy_paragraph_citation(tab, ident: str) -> str:
    """Copy the citation of a paragraph as a reader on a phone does (a tap on the paragraph shows its
    tools, then its citation button); returns the clipboard."""
    tab.locator(f"#{ident}").click(position={"x": 40, "y": 10})
    tab.locator(f"#{ident} .cite-button").click()
    return copied(tab)


def copied(tab) -> str:
    """Wait for the "Citation copied" notice; returns what the clipboard holds."""
    tab.locator(".cite-live").filter(has_text=re.compile(".+")).wait_for()
    text = tab.evaluate("navigator.clipboard.readText()")
    tab.evaluate("navigator.clipboard.writeText('')")
    tab.locator(".cite-live").filter(has_text=re.compile("^$")).wait_for()
    return text


def select_by_mouse(tab, first: str, last: str) -> None:
    """Select with the mouse, as a reader does, from the first letter of block `first` to the last
    letter of block `last`."""
    tab.evaluate("id => document.getElementById(id).scrollIntoView({block: 'center'})", first)
    tab.wait_for_timeout(300)  # the full text lays out its sections as they come into view
    ends = tab.evaluate(
        """([first, last]) => {
      const letters = (id, pick) => { const walker = document.createTreeWalker(document.getElementById(id), NodeFilter.SHOW_TEXT,
          {acceptNode: n => n.parentElement.closest('.paragraph-tools, sup') || !n.textContent.trim()
                            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
        const nodes = []; while (walker.nextNode()) nodes.push(walker.currentNode);
        const node = pick === 'first' ? nodes[0] : nodes[nodes.length - 1];
        const text = node.textContent, at = pick === 'first' ? text.search(/\\S/) : text.trimEnd().length - 1;
        const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 1);
        return range.getBoundingClientRect(); };
      const a = letters(first, 'first'), b = letters(last, 'last');
      return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2]; }""",
        [first, last],
    )
    tab.mouse.move(ends[0], ends[1])
    tab.mouse.down()
    tab.mouse.move(ends[2], ends[3], steps=12)
    tab.mouse.up()


def scroll_like_a_reader(tab, pixels: int = 1500) -> None:
    """Scroll down with the mouse wheel in steps, then wait longer than Material took to rewrite the address."""
    for _ in range(pixels // 250):
        tab.mouse.wheel(0, 250)
        tab.wait_for_timeout(120)
    tab.wait_for_timeout(900)


def switch_language(tab, lang: str) -> None:
    """Choose the other language in the header's language menu (a hover menu: its link is clicked)."""
    with tab.expect_navigation():
        tab.locator(f"a.md-select__link[hreflang={lang}]").evaluate("link => link.click()")
    tab.wait_for_load_state("load")


def on_screen(tab, ident: str) -> bool:
    """Whether block `ident` is in the viewport, below the header."""
    return tab.evaluate(
        """id => { const box = document.getElementById(id).getBoundingClientRect();
      const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
      return box.bottom > header && box.top < innerHeight; }""",
        ident,
    )


# --- 1. A paragraph's address stays -------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_paragraphs_address_stays_through_its_link_scrolling_and_a_change_of_language(
    browser, server, lang
):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    ident = "p1-ii-1-2-d3"
    tab.goto(server + PREFIX[lang] + PAGE + "#" + ident)
    block = tab.locator(f"#{ident}")
    block.hover()
    block.locator(".paragraph-link").click()
    tab.wait_for_timeout(
        900
    )  # Material's navigation.tracking rewrote it to the section ~300 ms later
    assert tab.evaluate("location.hash") == "#" + ident
    start = tab.evaluate("scrollY")
    scroll_like_a_reader(tab)
    assert tab.evaluate("scrollY") > start + 1000
    assert tab.url == server + PREFIX[lang] + PAGE + "#" + ident, "scrolling changed the address"
    switch_language(tab, OTHER[lang])
    assert tab.url == server + PREFIX[OTHER[lang]] + PAGE + "#" + ident
    assert on_screen(tab, ident), "the other language opens at the same paragraph"
    scroll_like_a_reader(tab, 750)
    assert tab.evaluate("location.hash") == "#" + ident
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "link",
    [".translation-notice > p a[hreflang=vi]", "article .translation-landing a[hreflang=vi]"],
)
def test_the_english_pages_links_to_vietnamese_land_on_the_paragraph_after_scrolling(
    browser, server, link
):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    ident = "p1-ii-1-2-d3"
    tab.goto(server + "en/" + PAGE + "#" + ident)
    scroll_like_a_reader(tab, 1000)
    with tab.expect_navigation():
        tab.locator(link).click()  # scrolled back to by the browser, as a reader scrolls up to it
    assert tab.url == server + PAGE + "#" + ident
    assert on_screen(tab, ident)
    context.close()


@pytest.mark.browser
def test_switching_language_without_an_anchor_keeps_the_paragraph_being_read(browser, server):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(server + PAGE)
    tab.evaluate("document.getElementById('p1-ii-1-2-1-d2').scrollIntoView()")
    tab.wait_for_timeout(900)
    assert tab.evaluate("location.hash") == "", "the address names only what the reader opened"
    switch_language(tab, "en")
    assert tab.url == server + "en/" + PAGE + "#p1-ii-1-2-1-d2"
    assert on_screen(tab, "p1-ii-1-2-1-d2")
    context.close()


# --- 2. Citations link to the draft they quote ---------------------------------------------------------


@pytest.mark.parametrize(
    "root,date,url,expected",
    [
        (
            "https://example.org/site/",
            "2020-03-31",
            "phan-thu-nhat/kinh-te/",
            "https://example.org/site/du-thao/2020-03-31/phan-thu-nhat/kinh-te/",
        ),
        (
            "https://example.org/site",
            "2020-05-15",
            "en/",
            "https://example.org/site/du-thao/2020-05-15/en/",
        ),
        (
            "https://example.org/site/",
            "2020-03-31",
            "",
            "https://example.org/site/du-thao/2020-03-31/",
        ),
    ],
)
def test_permanent_address_is_the_pages_place_in_its_drafts_folder(root, date, url, expected):
    assert permanent_address(root, date, url) == expected


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", ["paragraph", "section", "selection"])
def test_a_copied_citation_links_to_the_drafts_permanent_address(browser, server, lang, kind):
    context = browser.new_context(viewport=PHONE, permissions=CLIPBOARD)
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + PAGE)
    if kind == "paragraph":
        citation, ident = copy_paragraph_citation(tab, "p1-ii-1-2-1-d2"), "p1-ii-1-2-1-d2"
    elif kind == "section":
        tab.locator("#p1-ii-1-2-1 .cite-button").click()
        citation, ident = copied(tab), "p1-ii-1-2-1"
    else:
        select_by_mouse(tab, "p1-ii-1-2-1-d3", "p1-ii-1-2-1-d3")
        tab.locator(".cite-selection").click()
        citation, ident = copied(tab), "p1-ii-1-2-1-d3"
    assert link_of(citation) == f"{server}du-thao/{DRAFT}/{PREFIX[lang]}{PAGE}#{ident}"
    if lang == "en":
        assert citation.endswith(TRANSLATION_NOTE + " " + link_of(citation)), citation
        assert (
            citation.startswith("“") and "(Draft Political Report of the 20th Congress" in citation
        )
    else:
        assert "unofficial" not in citation and "(Dự thảo Báo cáo chính trị" in citation
    context.close()


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A site published as the workflow publishes it (tools/publish.py), served on this machine: the
    first draft tagged; `next_draft()` publishes a second one whose words differ."""
    tmp = tmp_path_factory.mktemp("quotes")
    repo = assemble_project(tmp / "repo")
    form = (
        "https://docs.google.com/forms/d/e/1FAIpQLSf-Tieu-ban-Van-kien/viewform?usp=pp_url&entry.2051=section"
        "&entry.2052=label&entry.2053=revision&entry.2054=revision_date&entry.2055=url&entry.2056=lang"
    )
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "set_form.py"),
            form,
            "--config",
            str(repo / "mkdocs.yml"),
        ],
        check=True,
        capture_output=True,
    )
    fill_in_organiser(
        repo / "mkdocs.yml"
    )  # publishing refuses a site without the organiser's contact
    git = functools.partial(_git, repo)
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "First draft")
    git("tag", "-a", f"du-thao-{DRAFT}", "-m", "First draft")
    out = tmp / "out"
    out.mkdir()
    handler = functools.partial(_SitePathHandler, holder={"directory": str(out)})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}{SITE_PATH}"
    publish(repo, out, url)

    def next_draft() -> None:
        for rel, old, new in (
            (
                "kinh-te.md",
                "ngành công nghiệp đạt 16,3%/năm.",
                "ngành công nghiệp ước đạt 16,3%/năm.",
            ),
            ("kinh-te.en.md", "reached 16.3% per year.", "is estimated at 16.3% per year."),
        ):
            path = repo / "docs" / "phan-thu-nhat" / rel
            text = path.read_text("utf-8")
            assert old in text
            path.write_text(text.replace(old, new), "utf-8")
        (repo / "mkdocs.yml").write_text(
            set_draft(
                (repo / "mkdocs.yml").read_text("utf-8"),
                "2020-05-15",
                "Dự thảo ngày 15/5/2020",
                "Draft of 15 May 2020",
            ),
            "utf-8",
        )
        git("commit", "-q", "-am", "Second draft")
        git("tag", "-a", "du-thao-2020-05-15", "-m", "Second draft")
        publish(repo, out, url)

    yield {"url": url, "next_draft": next_draft}
    httpd.shutdown()
    httpd.server_close()


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.mark.browser
def test_a_citation_copied_from_the_live_site_shows_its_words_after_the_next_draft(
    browser, published
):
    url = published["url"]
    context = browser.new_context(viewport=PHONE, permissions=CLIPBOARD)
    tab = context.new_page()
    ident = "p1-ii-1-2-1-d2"
    citations = {}
    for lang in ("vi", "en"):
        tab.goto(url + PREFIX[lang] + PAGE)  # the site's root: the latest draft
        citations[lang] = copy_paragraph_citation(tab, ident)
        assert link_of(citations[lang]) == f"{url}du-thao/{DRAFT}/{PREFIX[lang]}{PAGE}#{ident}"
        # A citation copied inside the draft's own folder names that same address.
        tab.goto(link_of(citations[lang]))
        assert link_of(copy_paragraph_citation(tab, ident)) == link_of(citations[lang])
    published["next_draft"]()
    for lang, new in (("vi", "ước đạt 16,3%/năm"), ("en", "is estimated at 16.3% per year")):
        tab.goto(url + PREFIX[lang] + PAGE)
        assert new in tab.evaluate(WORDS, ident), "the root now shows the next draft's words"
        tab.goto(link_of(citations[lang]))
        assert tab.evaluate(WORDS, ident) == quote_of(citations[lang])
        assert on_screen(tab, ident)
    context.close()


# --- 3. A selection over two paragraphs ------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(
    "lang,label",
    [
        (
            "vi",
            "(Dự thảo Báo cáo chính trị Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ XX, bản ngày 31/3/2020, "
            "Phần thứ nhất, mục II.1.2.1, đoạn 2–3) ",
        ),
        (
            "en",
            "(Draft Political Report of the 20th Congress of the Thái Nguyên Provincial Party Organisation, version of "
            "31 March 2020, Part One, section II.1.2.1, paragraphs 2–3; unofficial English translation of the Vietnamese draft) ",
        ),
    ],
)
@pytest.mark.parametrize("url", [PAGE, "toan-van/"])
def test_a_two_paragraph_selection_cites_both_with_the_break_kept(
    browser, server, lang, label, url
):
    context = browser.new_context(viewport=DESKTOP, permissions=CLIPBOARD)
    tab = context.new_page()
    tab.goto(server + PREFIX[lang] + url)
    select_by_mouse(tab, "p1-ii-1-2-1-d2", "p1-ii-1-2-1-d3")
    tab.locator(".cite-selection").click()
    citation = copied(tab)
    second, third = tab.evaluate(WORDS, "p1-ii-1-2-1-d2"), tab.evaluate(WORDS, "p1-ii-1-2-1-d3")
    assert quote_of(citation) == second + "\n" + third
    assert label in citation
    assert link_of(citation) == f"{server}du-thao/{DRAFT}/{PREFIX[lang]}{url}#p1-ii-1-2-1-d2"
    context.close()


@pytest.mark.browser
def test_a_selection_across_two_sections_names_both_places(browser, server):
    context = browser.new_context(viewport=DESKTOP, permissions=CLIPBOARD)
    tab = context.new_page()
    tab.goto(server + PAGE)
    select_by_mouse(tab, "p1-ii-1-2-1-d3", "p1-ii-1-2-2-d1")
    tab.locator(".cite-selection").click()
    citation = copied(tab)
    assert "Phần thứ nhất, mục II.1.2.1, đoạn 3 – mục II.1.2.2, đoạn 1) " in citation
    assert quote_of(citation).split("\n")[0] == tab.evaluate(WORDS, "p1-ii-1-2-1-d3")
    assert link_of(citation).endswith("#p1-ii-1-2-1-d3")
    context.close()


# --- 4. An unofficial translation says so ------------------------------------------------------------------


def _pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def test_the_english_pdfs_running_header_says_it_is_an_unofficial_translation(site):
    english = _pdf_pages(site / "en" / "draft-political-report.pdf")
    header = (
        "Unofficial English translation of the Draft Political Report of the 20th Congress of the Thái Nguyên "
        "Provincial Party Organisation, version of 31 March 2020"
    )
    assert len(english) > 30
    for number, page in enumerate(english, start=1):
        assert re.sub(r"\s+", " ", page.strip()).startswith(header), (
            f"page {number}: {page[:200]!r}"
        )
    vietnamese = _pdf_pages(site / "du-thao-bao-cao-chinh-tri.pdf")
    for number, page in enumerate(vietnamese, start=1):
        top = re.sub(r"\s+", " ", page.strip())
        assert top.startswith(
            "Dự thảo Báo cáo chính trị Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ XX, "
            "bản ngày 31/3/2020"
        ), f"page {number}: {page[:200]!r}"
        assert "Unofficial" not in top[:200]


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize(
    "url,ident",
    [
        (PAGE, "p1-ii-1-2-d3"),
        (PAGE, "p1-ii-1-2-1"),
        ("goi-y-thao-luan/", "gy-p1-d2"),
        ("toan-van/", "p1-ii-1-2-1-d2"),
    ],
    ids=["paragraph", "heading", "list-item", "full-text"],
)
def test_an_english_deep_link_shows_a_short_notice_at_what_the_reader_lands_on(
    browser, server, viewport, url, ident
):
    """The notice sits in room reserved before the first paint: nothing moves when it appears. (The
    full text lays out its blocks as they come into view, so blocks around the target move there in
    both languages with or without the notice; what the reader landed on does not.)"""
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    tab.add_init_script(RECORD_SHIFTS)
    tab.goto(server + "en/" + url + "#" + ident)
    tab.wait_for_load_state("load")
    tab.wait_for_timeout(700)
    notice = tab.locator("article .translation-landing")
    assert notice.count() == 1 and notice.is_visible()
    assert notice.get_attribute("role") == "note"
    assert notice.inner_text().startswith(
        "Unofficial English translation; the Vietnamese text prevails"
    )
    place = tab.evaluate(
        """id => { const notice = document.querySelector('article .translation-landing');
      const target = document.getElementById(id), box = notice.getBoundingClientRect();
      const words = [...target.childNodes].find(n => n.nodeType === 3 && n.textContent.trim()) || target;
      const range = document.createRange(); range.selectNodeContents(words);
      return {notice: [box.top, box.bottom], words: range.getBoundingClientRect().top,
              target: target.getBoundingClientRect().top, header: document.querySelector('.md-header').getBoundingClientRect().bottom}; }""",
        ident,
    )
    assert place["header"] <= place["notice"][0], "below the header, on screen"
    assert abs(place["notice"][0] - place["target"]) < 2, "at the top of what the reader landed on"
    assert place["notice"][1] <= place["words"], "above its words, covering none"
    shifts = tab.evaluate("window.__shifts")
    moved = [name for name, landed in shifts if landed or url != "toan-van/"]
    assert moved == [], "nothing in the page moved when the notice appeared"
    # Keyboard and screen readers start from it; its link goes to the same place in Vietnamese.
    assert tab.evaluate("document.activeElement.classList.contains('translation-landing')")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.getAttribute('hreflang')") == "vi"
    assert tab.evaluate("document.activeElement.href") == server + url + "#" + ident
    # axe: the notice and its target where the reader landed; on a desktop, the whole page too, from its
    # top, as the site's axe test (test_quality.py) runs it: there no citation button sits under the
    # sticky header's buttons, and the phone's menu is not laid out over the page.
    tab.evaluate(AXE)
    results = [
        tab.evaluate(
            """([id, tags]) => axe.run({include: [['#' + CSS.escape(id)], ['article .translation-landing']]},
                                                        {runOnly: {type: 'tag', values: tags}})""",
            [ident, AXE_TAGS],
        )
    ]
    if viewport == DESKTOP:
        tab.evaluate("scrollTo(0, 0)")
        tab.wait_for_timeout(600)  # the header's title fades back to the site's name
        results.append(
            tab.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
            )
        )
    for result in results:
        assert [
            (v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]
        ] == []
    context.close()


@pytest.mark.browser
def test_other_readers_get_no_notice_and_no_room_for_it(browser, server):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    ident = "p1-ii-1-2-d3"
    for address in (PAGE + "#" + ident, "en/" + PAGE):  # Vietnamese; English without an anchor
        tab.goto(server + address)
        assert tab.locator("article .translation-landing").count() == 0
        assert (
            tab.evaluate("id => getComputedStyle(document.getElementById(id)).paddingTop", ident)
            == "0px"
        )
    # A reader who arrived at a paragraph and goes on to another anchor: the notice and its room go.
    tab.goto(server + "en/")
    tab.goto(server + "en/" + PAGE + "#" + ident)
    assert tab.locator("article .translation-landing").count() == 1
    assert (
        tab.evaluate("id => getComputedStyle(document.getElementById(id)).paddingTop", ident)
        != "0px"
    )
    tab.locator("#p1-ii-1-2-d4").click()  # a tap opens its tools
    tab.locator("#p1-ii-1-2-d4 .paragraph-link").click()
    assert tab.evaluate("location.hash") == "#p1-ii-1-2-d4"
    # The notice goes on the browser's hashchange event, which comes after the click returns.
    tab.wait_for_function(
        "() => !document.querySelector('article .translation-landing')", timeout=5000
    )
    for block in (ident, "p1-ii-1-2-d4"):
        assert (
            tab.evaluate("id => getComputedStyle(document.getElementById(id)).paddingTop", block)
            == "0px"
        )
    context.close()
