"""Issue 27, parts 2 and 3: any two drafts compared (so-sanh/?tu=…&den=…) and one section followed
through every draft (lich-su/?muc=…), on a published site of three drafts (draft_repos:
publish_three_drafts), in a browser, by choosing and clicking as a reader does."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, NavigableString
from conftest import ROOT, atom_problems, axe_violations, broken_internal_links
from draft_repos import (
    EDITED_SECTION,
    INSERTED,
    INSERTED_EN,
    INSERTED_SECTION,
    MERGED,
    MERGED_INTO,
    THREE_DRAFTS,
    publish_three_drafts,
    serving,
)

SITE = "https://example.org/du-thao/"
FIRST, SECOND, THIRD = (date for date, _, _ in THREE_DRAFTS)
SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "compare.js"
UNCHANGED_SECTION = "p1-ii-1-1"


@pytest.fixture(scope="module")
def three_drafts(tmp_path_factory) -> Path:
    """Issue 27's three drafts, published (tools/publish.py) into a folder: returns it."""
    tmp = tmp_path_factory.mktemp("three-drafts")
    return publish_three_drafts(tmp / "repo", tmp / "out", SITE)


@pytest.fixture(scope="module")
def served(three_drafts) -> str:
    """The three drafts served under the site's path; yields the base address."""
    with serving(three_drafts, urlsplit(SITE).path) as base:
        yield base


@pytest.fixture
def tab(browser):
    """A browser tab at phone size; fails the test if a script of the page throws."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def wait_for_result(page, *, text: str = "") -> str:
    """Wait until the live region announces a result (not the loading line); its text."""
    page.wait_for_function(
        """([wanted]) => {
          const s = document.querySelector('.draft-compare__status');
          return s && s.textContent && !s.textContent.endsWith('…') && s.textContent.includes(wanted);
        }""",
        arg=[text],
    )
    return page.inner_text(".draft-compare__status")


def compare_by_hand(page, base: str, page_path: str, start: str, end: str) -> str:
    """Open the comparison page, choose two drafts and press the button, as a reader does."""
    page.goto(base + page_path)
    page.locator("#compare-from").select_option(start)
    page.locator("#compare-to").select_option(end)
    page.get_by_role("button", name=re.compile("So sánh|Compare")).click()
    return wait_for_result(page, text=":")


def view_block(page, section: str):
    """A changed or added section's block in the view (unchanged ones are folded)."""
    return page.locator(f'.draft-compare__view > .revision-diff[data-section="{section}"]')


def marked(locator) -> str:
    """A <del> or <ins> as a screen reader reads it (its hidden words included)."""
    return re.sub(r"\s+", " ", locator.text_content()).strip()


def check_view_one_to_three(page, lang: str = "vi") -> None:
    """The 1→3 view shows the edit, the insertion and the merged section, and folds the rest."""
    deleted, inserted = ("đã xoá", "đã thêm") if lang == "vi" else ("deleted", "inserted")
    edited = view_block(page, EDITED_SECTION)
    assert [marked(edited.locator("del")), marked(edited.locator("ins"))] == [
        f"[{deleted}: 51]",
        f"[{inserted}: 52]",
    ]
    inserted = view_block(page, INSERTED_SECTION).locator("p.revision-added ins")
    assert (INSERTED if lang == "vi" else INSERTED_EN) in inserted.inner_text()
    merged = page.locator('.draft-compare__view li[data-kind="merged"]')
    assert "(1)" in merged.inner_text()
    into = merged.locator("a")
    assert into.inner_text() == ("gộp vào " if lang == "vi" else "merged into ") + (
        "Phần thứ nhất, mục II.2.2 › Hạ tầng đô thị"
        if lang == "vi"
        else "Part One, section II.2.2 › Urban infrastructure"
    )
    assert into.get_attribute("href").endswith(
        f"du-thao/{THIRD}/{'' if lang == 'vi' else 'en/'}phan-thu-nhat/ha-tang/#{MERGED_INTO}"
    )
    assert not page.locator(".revision-comparison").is_visible()  # the static view gives way
    # Unchanged sections are folded; the summary says what changed.
    assert page.locator(".draft-compare__view details.revision-unchanged").count() >= 1
    changed = page.locator('.draft-compare__view li[data-kind="changed"]').inner_text()
    assert "(3)" in changed


@pytest.mark.browser
def test_comparing_the_first_and_third_drafts_shows_the_edit_the_insertion_and_the_merge(
    tab, served
):
    announced = compare_by_hand(tab, served, "so-sanh/", FIRST, THIRD)
    assert tab.url.endswith(f"so-sanh/?tu={FIRST}&den={THIRD}")
    assert announced == (
        "So sánh Dự thảo ngày 30/6/2020 với Dự thảo ngày 31/3/2020: 3 mục sửa đổi, 0 mục thêm "
        "mới, 1 mục bỏ hoặc gộp."
    )
    check_view_one_to_three(tab)


@pytest.mark.browser
def test_the_address_reproduces_the_view_and_the_order_of_the_choice_does_not_matter(tab, served):
    compare_by_hand(tab, served, "so-sanh/", FIRST, THIRD)
    chosen = tab.inner_html(".draft-compare__view")
    tab.goto(served + f"so-sanh/?tu={FIRST}&den={THIRD}")
    wait_for_result(tab, text=":")
    assert tab.inner_html(".draft-compare__view") == chosen
    assert tab.locator("#compare-from").input_value() == FIRST
    tab.goto(served + f"so-sanh/?tu={THIRD}&den={FIRST}")
    announced = wait_for_result(tab, text=":")
    assert announced.startswith("Bản «từ» mới hơn bản «đến», nên hai bản đã được đổi chỗ.")
    assert tab.inner_html(".draft-compare__view") == chosen
    assert tab.locator("#compare-from").input_value() == FIRST
    assert tab.locator("#compare-to").input_value() == THIRD
    # Choosing pushes each view's address: the browser's Back shows the view before.
    compare_by_hand(tab, served, "so-sanh/", FIRST, SECOND)
    assert tab.url.endswith(f"so-sanh/?tu={FIRST}&den={SECOND}")
    tab.go_back()
    assert tab.url.endswith(f"so-sanh/?tu={FIRST}&den={THIRD}")
    wait_for_result(tab, text="30/6/2020")
    assert tab.inner_html(".draft-compare__view") == chosen


@pytest.mark.browser
def test_an_unknown_date_is_said_and_the_static_comparison_stays(tab, served):
    tab.goto(served + f"so-sanh/?tu=2019-01-01&den={THIRD}")
    announced = wait_for_result(tab, text="2019-01-01")
    assert announced == (
        "Trang này không có bản dự thảo ngày 2019-01-01; bên dưới là so sánh với bản trước."
    )
    assert tab.locator(".revision-comparison").is_visible()
    assert tab.inner_html(".draft-compare__view") == ""


@pytest.mark.browser
def test_a_draft_without_its_text_is_said_and_the_static_comparison_stays(
    tab, served, three_drafts
):
    # A draft tagged before its build wrote van-ban.json is built by its own tree's hooks.
    data = three_drafts / "du-thao" / FIRST / "van-ban.json"
    data.rename(data.with_suffix(".away"))
    try:
        tab.goto(served + f"so-sanh/?tu={FIRST}&den={THIRD}")
        announced = wait_for_result(tab, text=FIRST)
    finally:
        data.with_suffix(".away").rename(data)
    assert announced == f"Không tải được văn bản của bản dự thảo ngày {FIRST}. Hãy thử lại sau."
    assert tab.locator(".revision-comparison").is_visible()


@pytest.mark.browser
def test_the_comparison_works_in_english_and_inside_an_archived_draft(tab, served):
    announced = compare_by_hand(tab, served, "en/so-sanh/", FIRST, THIRD)
    assert announced.startswith("Comparison of Draft of 30 June 2020 with Draft of 31 March 2020:")
    check_view_one_to_three(tab, "en")
    # The second draft's own folder offers the drafts up to itself, and compares them.
    for folder, lang in ((f"du-thao/{SECOND}/", "vi"), (f"du-thao/{SECOND}/en/", "en")):
        tab.goto(served + folder + "so-sanh/")
        options = tab.locator("#compare-from option")
        assert [options.nth(k).get_attribute("value") for k in range(options.count())] == [
            FIRST,
            SECOND,
        ]
        compare_by_hand(tab, served, folder + "so-sanh/", FIRST, SECOND)
        edited = view_block(tab, EDITED_SECTION)
        assert marked(edited.locator("ins")).endswith(": 52]")
        assert view_block(tab, INSERTED_SECTION).count() == 0
        link = tab.locator(f'.draft-compare__view h3 a[href$="#{EDITED_SECTION}"]')
        prefix = "" if lang == "vi" else "en/"
        assert link.get_attribute("href").endswith(
            f"/du-thao/{SECOND}/{prefix}phan-thu-nhat/kinh-te/#{EDITED_SECTION}"
        )


# Each section's history: the drafts in which it changed, and how.
HISTORIES = [
    (EDITED_SECTION, [(SECOND, "changed")]),
    (INSERTED_SECTION, [(THIRD, "changed")]),
    (MERGED_INTO, [(THIRD, "changed")]),
    (MERGED, [(THIRD, "merged")]),
    (UNCHANGED_SECTION, []),
]


@pytest.mark.browser
@pytest.mark.parametrize("section, expected", HISTORIES)
def test_each_sections_history_lists_exactly_the_drafts_in_which_it_changed(
    tab, served, section, expected
):
    if section == MERGED:  # gone from the latest draft: its old address lands on its successor
        tab.goto(served + f"lich-su/?muc={section}")
    else:
        page = {
            EDITED_SECTION: "kinh-te",
            UNCHANGED_SECTION: "kinh-te",
            MERGED_INTO: "ha-tang",
        }.get(section)
        tab.goto(served + (f"phan-thu-nhat/{page}/" if page else "phan-thu-hai/ha-tang/"))
        link = tab.locator(f'#{section} ~ p.revision-link a[href$="?muc={section}"]').first
        assert link.inner_text() == "Lịch sử mục này"
        link.click()
    announced = wait_for_result(tab, text=":")
    assert announced.endswith(f"{len(expected)} bản dự thảo có thay đổi.")
    entries = tab.locator(".draft-compare__view h3")
    assert [entries.nth(k).get_attribute("id") for k in range(entries.count())] == [
        f"ls-{date}" for date, _ in expected
    ]
    kinds = tab.locator(".draft-compare__view .history-kind")
    assert [kinds.nth(k).get_attribute("data-kind") for k in range(kinds.count())] == [
        kind for _, kind in expected
    ]
    feed = tab.locator('.draft-compare__view a[type="application/atom+xml"]')
    assert feed.get_attribute("href").endswith(f"/du-thao/lich-su/{section}.xml")
    if section == MERGED:
        assert "Mục được gộp vào Phần thứ nhất, mục II.2.2 › Hạ tầng đô thị." in kinds.inner_text()
    if section == EDITED_SECTION:
        permanent = tab.locator(".draft-compare__view .history-kind a")
        assert permanent.get_attribute("href").endswith(
            f"/du-thao/{SECOND}/phan-thu-nhat/kinh-te/#{EDITED_SECTION}"
        )
        diff = tab.locator(".draft-compare__view .revision-diff")
        assert marked(diff.locator("del")) == "[đã xoá: 51]"


@pytest.mark.browser
def test_the_history_in_english(tab, served):
    tab.goto(served + f"en/lich-su/?muc={INSERTED_SECTION}")
    announced = wait_for_result(tab, text=":")
    assert announced == "Part Two, section II.2: drafts that changed it: 1."
    assert INSERTED_EN in tab.inner_text(".draft-compare__view ins")
    feed = tab.locator('.draft-compare__view a[type="application/atom+xml"]')
    assert feed.get_attribute("href").endswith(f"/du-thao/en/lich-su/{INSERTED_SECTION}.xml")


@pytest.mark.browser
def test_without_javascript_the_history_page_says_so_and_links_the_comparison(browser, served):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(served + f"lich-su/?muc={EDITED_SECTION}")
        notice = page.locator(".section-history__nojs")
        assert notice.is_visible() and "cần JavaScript" in notice.inner_text()
        notice.locator("a").click()
        assert page.url == served + "so-sanh/"
        assert page.locator(".revision-comparison").is_visible()
        # The choice is there (read by the script); without it, the page stays the static one.
        page.locator("#compare-from").select_option(FIRST)
        page.get_by_role("button", name="So sánh").click()
        assert page.url == served + f"so-sanh/?tu={FIRST}&den={THIRD}"
        assert page.locator(".revision-comparison").is_visible()
    finally:
        context.close()


def rendered_links(page, base: str, out: Path) -> list[str]:
    """The links the script made that lead nowhere in the published output: (file, anchor) checked."""
    problems = []
    for href in page.eval_on_selector_all(
        ".draft-compare__view a[href]", "as => as.map(a => a.href)"
    ):
        parts = urlsplit(href)
        if href.split("#")[0] == page.url.split("#")[0]:  # within the view
            if not page.evaluate("id => !!document.getElementById(id)", unquote(parts.fragment)):
                problems.append(f"missing anchor: {href}")
            continue
        if not href.startswith(base):
            problems.append(f"outside the site: {href}")
            continue
        target = out / unquote(parts.path[len(urlsplit(base).path) :])
        if target.suffix == ".xml":
            continue  # the sections' feeds: written by tools/publish.py (their own tests)
        target = target / "index.html" if target.is_dir() else target
        if not target.is_file():
            problems.append(f"broken: {href}")
        elif parts.fragment and f'id="{parts.fragment}"' not in target.read_text("utf-8"):
            problems.append(f"missing anchor: {href}")
    return problems


@pytest.mark.browser
def test_no_broken_internal_link_in_the_pages_or_the_views(tab, served, three_drafts):
    # The PDFs are made when publishing with --pdf (tests/revisions/test_revisions.py does).
    assert [p for p in broken_internal_links(three_drafts, SITE) if not p.endswith(".pdf")] == []
    problems = []
    for address in (
        f"so-sanh/?tu={FIRST}&den={THIRD}",
        f"en/so-sanh/?tu={FIRST}&den={THIRD}",
        f"du-thao/{SECOND}/so-sanh/?tu={FIRST}&den={SECOND}",
        *(f"lich-su/?muc={section}" for section, _ in HISTORIES),
        f"en/lich-su/?muc={MERGED}",
    ):
        tab.goto(served + address)
        wait_for_result(tab, text=":")
        problems += [f"{address}: {p}" for p in rendered_links(tab, served, three_drafts)]
    assert problems == []


@pytest.mark.browser
def test_both_pages_have_no_accessibility_violation(browser, served):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    failures = []
    for address in (
        "so-sanh/",
        f"so-sanh/?tu={FIRST}&den={THIRD}",
        f"en/so-sanh/?tu={THIRD}&den={FIRST}",
        f"lich-su/?muc={EDITED_SECTION}",
        f"en/lich-su/?muc={MERGED}",
        "lich-su/",
        "phan-thu-nhat/kinh-te/",  # a chapter with its sections' history links
        "en/phan-thu-nhat/kinh-te/",
    ):
        page.goto(served + address)
        if "?" in address:
            wait_for_result(page, text=":")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        page.wait_for_function(  # the folded sections' text is made when they are opened
            "[...document.querySelectorAll('details.revision-unchanged')].every(d => d.querySelector('h3'))"
        )
        failures += [f"/{address} {v}" for v in axe_violations(page)]
    context.close()
    assert failures == []


def test_the_script_is_small_and_loaded_only_by_the_comparison_and_history_pages(three_drafts):
    served_script = (three_drafts / "assets" / "javascripts" / "compare.js").read_bytes()
    assert len(gzip.compress(served_script, 9)) <= 10 * 1024
    loading = sorted(
        str(path.relative_to(three_drafts))
        for path in three_drafts.rglob("*.html")
        if "compare.js" in path.read_text("utf-8")
    )
    expected = sorted(
        f"{folder}{lang}{page}/index.html"
        for folder in ("", *(f"du-thao/{d}/" for d in (SECOND, THIRD)))
        for lang in ("", "en/")
        for page in ("so-sanh", "lich-su")
    )
    assert loading == expected  # the first draft's own folder had one draft: nothing to compare


def test_each_draft_publishes_its_text_with_the_paragraph_ids_of_its_pages(three_drafts):
    for folder in (f"du-thao/{FIRST}/", f"du-thao/{THIRD}/en/", ""):
        data = json.loads((three_drafts / folder / "van-ban.json").read_text("utf-8"))
        page = "phan-thu-nhat/ha-tang/"
        html = (three_drafts / folder / page / "index.html").read_text("utf-8")
        on_page = re.findall(r'<(?:p|li) id="([a-z0-9-]+-d\d+)">', html)  # not the notices
        in_data = [
            ident for s in data["sections"] if s["page"] == page for ident, _ in s["paragraphs"]
        ]
        assert in_data == on_page
    latest = json.loads((three_drafts / "van-ban.json").read_text("utf-8"))
    assert latest["draft"] == THIRD and latest["lang"] == "vi"
    assert latest["retired"] == {MERGED: {"status": "merged", "into": MERGED_INTO}}
    assert MERGED not in {s["id"] for s in latest["sections"]}


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("section, expected", HISTORIES)
def test_each_sections_feed_parses_and_names_the_drafts_its_history_names(
    three_drafts, section, expected, lang
):
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(three_drafts / f"{lang}lich-su/{section}.xml").getroot()
    assert feed.findtext(f"{atom}id") == f"{SITE}{lang}lich-su/{section}.xml"
    assert feed.find(f"{atom}link[@rel='alternate']").get("href") == (
        f"{SITE}{lang}lich-su/?muc={section}"
    )
    entries = feed.findall(f"{atom}entry")
    dates = [e.findtext(f"{atom}updated")[:10] for e in entries]
    # Newest first: the drafts the history page lists, then the first draft that published it.
    assert dates == [date for date, _ in reversed(expected)] + [FIRST]
    for entry, (date, _) in zip(entries, reversed(expected), strict=False):
        link = urlsplit(entry.find(f"{atom}link").get("href")).path
        target = (three_drafts / unquote(link).removeprefix(urlsplit(SITE).path)).joinpath(
            "index.html"
        )
        assert link.startswith(f"{urlsplit(SITE).path}du-thao/{date}/{lang}")
        assert target.is_file(), link
        anchor = entry.find(f"{atom}link").get("href").split("#")[1]
        assert f'id="{anchor}"' in target.read_text("utf-8")
    if expected and expected[-1][1] == "changed":
        assert "<del>" in entries[0].findtext(f"{atom}content") or "<ins>" in entries[0].findtext(
            f"{atom}content"
        )


def _paragraph_of(out: Path, lang: str, section: str, text: str) -> tuple[dict, str, int]:
    """The latest draft's section holding a paragraph that starts with `text`: (section, id, place)."""
    data = json.loads((out / LANG_FOLDER[lang] / "van-ban.json").read_text("utf-8"))
    entry = next(s for s in data["sections"] if s["id"] == section)
    place = next(k for k, (_, words) in enumerate(entry["paragraphs"], 1) if words.startswith(text))
    return entry, entry["paragraphs"][place - 1][0], place


LANG_FOLDER = {"vi": "", "en": "en/"}
# The form of the three drafts' repository has no paragraph box: the paragraph travels in the label
# and the address.
FORM_FIELDS = {
    "entry.2051": "section",
    "entry.2052": "label",
    "entry.2055": "url",
    "entry.2056": "lang",
}


@pytest.mark.browser
@pytest.mark.parametrize("how", ["mouse", "keyboard", "touch"])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("which", ["inserted", "merged"])
def test_a_paragraph_comment_link_names_the_paragraph_of_the_latest_draft(
    browser, served, three_drafts, lang, how, which
):
    from urllib.parse import parse_qs

    if which == "inserted":  # the paragraph draft 3 inserted
        start = INSERTED if lang == "vi" else INSERTED_EN
        entry, ident, place = _paragraph_of(three_drafts, lang, INSERTED_SECTION, start)
    else:  # the merged section's paragraph, now the last of the section it went into
        data = json.loads((three_drafts / LANG_FOLDER[lang] / "van-ban.json").read_text("utf-8"))
        entry = next(s for s in data["sections"] if s["id"] == MERGED_INTO)
        ident, place = entry["paragraphs"][-1][0], len(entry["paragraphs"])
    phone = how == "touch"
    context = browser.new_context(
        viewport={"width": 390, "height": 844} if phone else {"width": 1280, "height": 900},
        has_touch=phone,
        is_mobile=phone,
    )
    tab = context.new_page()
    tab.goto(served + LANG_FOLDER[lang] + entry["page"])
    block = tab.locator(f"#{ident}")
    block.scroll_into_view_if_needed()
    if how == "mouse":
        block.hover()
    elif how == "keyboard":
        tab.keyboard.press("Tab")  # the first Tab makes every paragraph's tools
        tab.locator(f"#{ident} > .paragraph-tools .cite-button").focus()
        tab.keyboard.press("Tab")
    else:
        box = block.bounding_box()
        tab.touchscreen.tap(box["x"] + 60, box["y"] + 8)
    link = tab.locator(f"#{ident} > .paragraph-tools .comment-paragraph")
    link.wait_for(state="visible")
    if how == "keyboard":
        assert tab.evaluate("document.activeElement.classList[0]") == "comment-paragraph"
    values = {
        FORM_FIELDS[k]: v[0]
        for k, v in parse_qs(urlsplit(link.get_attribute("href")).query).items()
        if k in FORM_FIELDS
    }
    word = "đoạn" if lang == "vi" else "paragraph"
    assert values == {
        "section": entry["id"],
        "label": f"{entry['label']}, {word} {place}",
        "url": f"{SITE}{LANG_FOLDER[lang]}{entry['page']}#{ident}",
        "lang": lang,
    }
    context.close()


def test_every_feed_the_published_site_has_is_valid_atom(three_drafts):
    """Issue 28: the drafts' feeds and every section's feed, in both languages and in every archived
    draft, carry what RFC 4287 requires (an author above all)."""
    feeds = sorted(
        path
        for path in three_drafts.rglob("*")
        if path.suffix in {".atom", ".xml"} and "sitemap" not in path.name
    )
    kinds = {("section" if path.parent.name == "lich-su" else "drafts") for path in feeds}
    assert kinds == {"section", "drafts"}, feeds
    problems = [
        f"{path.relative_to(three_drafts)}: {problem}"
        for path in feeds
        for problem in atom_problems(ET.parse(path).getroot())
    ]
    assert problems == []


def _unnamed_links(html: str) -> list[str]:
    """Links a screen reader would announce without a name: no text, no aria-label or title, no
    image with alt text inside (pa11y's and axe's empty-link rule)."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        str(a)[:160]
        for a in soup.find_all("a", href=True)
        # Text in a <template> counts: it is the link's text once the script uses the template.
        if not "".join(str(s) for s in a.descendants if isinstance(s, NavigableString)).strip()
        and not (a.get("aria-label") or "").strip()
        and not (a.get("title") or "").strip()
        and not any((img.get("alt") or "").strip() for img in a.find_all("img"))
        and not a.get("aria-labelledby")
    ]


def test_no_page_the_published_site_has_holds_a_link_without_a_name(three_drafts):
    """Issue 28: no empty link (pa11y's error on the draft line) on any page type the publication
    writes: chapters, the full text, the drafts list, the comparison, the history, the outcome, in
    both languages and in every archived draft."""
    pages = sorted(three_drafts.rglob("*.html"))
    kinds = {page.relative_to(three_drafts).parts[0] for page in pages}
    assert {"so-sanh", "lich-su", "toan-van", "du-thao"} <= kinds, kinds
    found = [
        f"{page.relative_to(three_drafts)}: {link}"
        for page in pages
        for link in _unnamed_links(page.read_text("utf-8"))
    ]
    assert found == [], "\n".join(found[:20])
