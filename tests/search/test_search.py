"""Issue 5: search that finds what Vietnamese readers type, with or without diacritics.
Issue 16: search that ranks like a Vietnamese reader expects (marks as typed, phrase, proximity,
the word being typed, numbers, slips, tone placement), with a table of reader queries.
Issue 29: every result says where it is in the document (the look-alike headings of Part One and
Part Two told apart), and the index is fetched when the search box gets focus, not on the first key."""

from __future__ import annotations

import gzip
import json
import re
import time
import unicodedata

import pytest
from conftest import axe_violations, language_pages

from draftsite.document.labels import sentence_case

PAIRS = [
    ("nông thôn mới", "nong thon moi"),
    ("đột phá", "dot pha"),
    ("tham nhũng", "tham nhung"),
    ("cải cách hành chính", "cai cach hanh chinh"),
    ("khu công nghiệp", "khu cong nghiep"),
    ("đường vành đai", "duong vanh dai"),
    ("giảm nghèo", "giam ngheo"),
]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text)
    text = re.sub(r"[\u0300-\u036f]", "", text).replace("đ", "d").replace("Đ", "D")
    return text.lower()


# Whether a highlighted word `mark` answers the typed word `word`: the same word folded, a
# completion of it, the same number with other separators, or one edit away (a slip).
def answers(mark: str, word: str) -> bool:
    mark, word = fold(mark), fold(word)
    if mark.startswith(word):
        return True
    if re.fullmatch(r"[\d.,]+", mark) and re.fullmatch(r"[\d.,]+", word):
        return re.sub(r"\D", "", mark).rstrip("0") == re.sub(r"\D", "", word).rstrip("0")
    if len(word) >= 5:
        for cut in (len(word) - 1, len(word), len(word) + 1):
            if one_edit(mark[:cut], word):
                return True
    return False


# Whether two words are at most one edit apart (insert, delete, substitute, swap neighbours).
def one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (
            a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        )
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


# Every result link Material shows for the query, in order: href, text, marked words, whether the
# reader sees it (not folded under «n more on this page») and whether it is a ranked result
# (a page heading shown only to group its sections is not).
READ = """() => [...document.querySelectorAll('.md-search-result__item a.md-search-result__link')].map(a => {
    const article = a.querySelector('article'), heading = article.querySelector('h1');
    const bare = !!heading && article.innerText.trim() === heading.innerText.trim();
    const shown = !a.closest('details:not([open])');
    return {href: a.getAttribute('href'), text: a.innerText, html: article.innerHTML,
            marks: [...a.querySelectorAll('mark')].map(m => m.textContent), shown, ranked: shown && !bare};
})"""


# Type a query like a person (Material searches on keyup) and return the results shown for it,
# leaving them open: waits until the list has stopped changing and its marked words answer the
# last typed word.
def type_query(page, query: str) -> list[dict]:
    box = page.locator("input.md-search__input")
    if not box.evaluate("box => box === document.activeElement"):
        page.locator("label[for=__search]").first.click()
    box.fill("")
    box.press_sequentially(query, delay=15)
    box.press("End")
    last = re.findall(r"[^\s%]+", query)[-1]
    results: list[dict] = []
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        results = page.evaluate(READ)
        time.sleep(0.3)  # Material searches on every keyup: wait until the list stops changing
        if page.evaluate(READ) != results:
            continue
        if any(answers(m, last) for r in results for m in r["marks"]):
            break
    return results


# Type a query (see type_query) and return the results shown for it, closing the search again.
def search(page, query: str) -> list[dict]:
    results = type_query(page, query)
    page.keyboard.press("Escape")
    return results


# The ranked results, as the reader sees them, in order.
def ranked(results: list[dict]) -> list[str]:
    return [r["href"] for r in results if r["ranked"]]


@pytest.mark.browser
@pytest.mark.parametrize("accented,plain", PAIRS)
def test_queries_with_and_without_diacritics_give_the_same_results(page, server, accented, plain):
    page.goto(server)
    with_marks = search(page, accented)
    without = search(page, plain)
    assert with_marks, f"no result for {accented!r}"
    # The best results are the same; further down, a word written with the typed marks ranks
    # above the same letters with other marks (issue 16), so the tails may differ.
    assert ranked(with_marks)[:2] == ranked(without)[:2]
    assert accented in " ".join(r["text"] for r in with_marks[:2]).lower(), (
        "the first results must show the phrase as written"
    )


@pytest.mark.browser
def test_a_word_does_not_match_inside_a_longer_word(page, server):
    page.goto(server)
    results = search(page, "đột phá ")  # finished words: no prefix matching
    marks = [m for r in results for m in r["marks"]]
    assert marks and {fold(m) for m in marks} <= {"dot", "pha"}, set(marks)


@pytest.mark.browser
def test_results_land_on_the_section(page, server):
    page.goto(server)
    results = search(page, "xuat nhap khau")
    sections = [r["href"] for r in results if "#" in r["href"]]
    assert any(href.endswith("#p1-ii-1-2-2-xuat-nhap-khau") for href in sections[:3]), sections[:5]


@pytest.mark.browser
def test_numbers_as_written_are_found(page, server):
    page.goto(server)
    for number, where in (("22.500", "phan-thu-nhat/kinh-te/"), ("11,1", "phan-thu-nhat/")):
        results = search(page, number)
        assert results and where in results[0]["href"], (number, results[:3])


@pytest.mark.browser
def test_footnotes_and_indicator_labels_are_searchable(page, server):
    page.goto(server)
    footnote = search(page, "48,5 giuong benh")
    assert any(r["href"].endswith("#fn:6") for r in footnote), footnote[:4]
    indicator = search(page, "ty le che phu rung")
    assert indicator and "che phủ rừng" in " ".join(r["text"] for r in indicator[:3]).lower()


@pytest.mark.browser
def test_each_language_searches_its_own_pages(page, server):
    page.goto(server + "en/")
    english = search(page, "new rural")
    assert english and all("/en/" in r["href"] for r in english)
    page.goto(server)
    vietnamese = search(page, "nong thon moi")
    assert vietnamese and not any("/en/" in r["href"] for r in vietnamese)


# How a reader comes to the search box: a tap on the search icon (phone), or Material's shortcuts.
def enter_search_box(page, how: str) -> None:
    if how == "tap":
        page.locator("label[for=__search]").first.click()
    else:
        page.keyboard.press(how)


@pytest.mark.browser
@pytest.mark.parametrize("lang,how", [("vi", "tap"), ("vi", "/"), ("en", "s")])
def test_the_index_is_fetched_when_the_search_box_gets_focus(page, server, lang, how):
    index = f"/search/index.{lang}.json"
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(
        server + ("en/" if lang == "en" else "") + "phan-thu-nhat/kinh-te/",
        wait_until="networkidle",
    )
    page.wait_for_timeout(300)
    assert any("search-worker.js" in u for u in requested), "Material's worker starts with the page"
    assert not [u for u in requested if index in u], "the page load must not fetch the index"
    with page.expect_request(lambda request: index in request.url, timeout=5000):
        enter_search_box(page, how)
    box = page.locator("input.md-search__input")
    assert box.evaluate("box => box === document.activeElement")
    assert box.input_value() == "", "the index is asked for before the first letter"
    results = type_query(page, "kinh te" if lang == "vi" else "economic")
    assert ranked(results), "the query typed after the focus finds results"
    assert len([u for u in requested if index in u]) == 1, "the index is fetched once"


# Where each result link says it is: its place line (None if it has none), whether the reader sees
# it (not only read out, not folded away), whether it is the first thing in the result's heading.
PLACES = """() => [...document.querySelectorAll('.md-search-result__item a.md-search-result__link')].map(a => {
    const place = a.querySelector('.search-place'), heading = a.querySelector('h1, h2');
    const box = place && place.getBoundingClientRect();
    return {href: a.getAttribute('href'), place: place && place.textContent, text: a.textContent,
            seen: !!box && box.height > 2 && !a.closest('details:not([open])'),
            first: !!place && heading.firstElementChild === place};
})"""
LOOK_ALIKE = {
    "vi": (
        "lĩnh vực kinh tế",
        "Phần thứ nhất › II. Kết quả thực hiện cụ thể trên các lĩnh vực",
        "Phần thứ hai › II. Nhiệm vụ, giải pháp chủ yếu trên các lĩnh vực",
    ),
    "en": (
        "economic field",
        "Part One › II. Specific results of implementation in each field",
        "Part Two › II. Main tasks and solutions in the various fields",
    ),
}
PARTS = {"vi": ("Phần thứ nhất", "Phần thứ hai"), "en": ("Part One", "Part Two")}


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_results_for_look_alike_headings_say_which_part_they_come_from(page, server, lang):
    prefix = "en/" if lang == "en" else ""
    page.goto(server + prefix)
    query, part_one, part_two = LOOK_ALIKE[lang]
    type_query(page, query)
    shown = page.evaluate(PLACES)
    by_href = {r["href"]: r for r in shown}
    one, two = (
        by_href.get(f"{server}{prefix}phan-thu-nhat/kinh-te/"),
        by_href.get(f"{server}{prefix}phan-thu-hai/kinh-te/"),
    )
    assert one and two, f"both chapters on the economy are found: {[r['href'] for r in shown]}"
    assert (one["place"], two["place"]) == (part_one, part_two)
    assert one["seen"] and two["seen"] and one["first"] and two["first"], (
        "each says its place above its heading"
    )
    # Every result from a part of the report names that part, shown or read out with its link.
    for result in shown:
        for folder, part in zip(("phan-thu-nhat/", "phan-thu-hai/"), PARTS[lang], strict=False):
            if f"{prefix}{folder}" in result["href"]:
                assert result["text"].strip().startswith(part), result
    # A section under its page's heading shows its place only where the heading does not tell it.
    sections = [r for r in shown if "/kinh-te/#" in r["href"]]
    assert sections and not any(r["seen"] for r in sections), sections


@pytest.mark.browser
def test_results_with_places_keep_materials_keyboard(page, server):
    page.goto(server)
    type_query(page, "lĩnh vực kinh tế")
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    href = first.get_attribute("href")
    page.keyboard.press("ArrowDown")
    assert first.evaluate("a => a === document.activeElement"), (
        "ArrowDown moves to the first result"
    )
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert first.evaluate("a => a === document.activeElement"), "ArrowUp comes back to it"
    page.keyboard.press("Enter")
    page.wait_for_url(href)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_results_with_places_pass_axe(browser, server, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    failures = []
    for prefix, query in (("", "lĩnh vực kinh tế"), ("en/", "economic field")):
        page.goto(server + prefix)
        type_query(page, query)
        failures += [f"/{prefix} {v}" for v in axe_violations(page, ".md-search")]
    context.close()
    assert failures == []


def test_index_says_where_each_entry_of_the_document_is(site):
    for lang, (part_one, part_two) in PARTS.items():
        index = json.loads((site / "search" / f"index.{lang}.json").read_text("utf-8"))
        prefix = "en/" if lang == "en" else ""
        place = {
            d["l"].removeprefix(prefix): index["places"][d["p"]] if "p" in d else None
            for d in index["docs"]
        }
        assert (
            place["phan-thu-nhat/kinh-te/#p1-ii-1-2-1"]
            == place["phan-thu-nhat/kinh-te/"]
            == LOOK_ALIKE[lang][1]
        )
        assert place["phan-thu-hai/#p2-i-1"].startswith(f"{part_two} › I. ")
        assert place["phan-thu-nhat/#p1-ii"] == part_one, "a top section is in its part"
        assert place["phan-thu-nhat/"] is None, "a part is where it is"
        assert place["phan-thu-nhat/ha-tang/#fn:3"] == LOOK_ALIKE[lang][1], (
            "a footnote is where its page is"
        )
        assert place["goi-y-thao-luan/#gy-p2-1"].endswith(f" › {part_two}")
        assert place[""] is None and place["quyen-rieng-tu/"] is None, (
            "pages outside the document have no place"
        )
        assert len(index["places"]) == len(set(index["places"])), "each place is written once"


def test_headings_in_capitals_become_sentence_case_keeping_the_documents_capitals():
    assert (
        sentence_case("II. KẾT QUẢ THỰC HIỆN CỤ THỂ TRÊN CÁC LĨNH VỰC")
        == "II. Kết quả thực hiện cụ thể trên các lĩnh vực"
    )
    assert (
        sentence_case("XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ", {"Đảng"})
        == "Xây dựng Đảng và hệ thống chính trị"
    )
    assert (
        sentence_case("LESSONS OF THE 19TH PARTY CONGRESS", {"Party", "Congress"})
        == "Lessons of the 19th Party Congress"
    )
    assert sentence_case("1. Về lĩnh vực kinh tế") == "1. Về lĩnh vực kinh tế", (
        "mixed case is kept as written"
    )


def test_index_holds_document_text_only(site):
    for lang in ("vi", "en"):
        index = json.loads((site / "search" / f"index.{lang}.json").read_text("utf-8"))
        text = " ".join(d["t"] + " " + d["x"] for d in index["docs"])
        for chrome in (
            "Góp ý mục",
            "Comment on section",
            "Xem nội dung dự thảo",
            "Read in the draft",
            "Tải dữ liệu",
            "Download the data",
            "docs.google.com",
            "¶",
        ):
            assert chrome not in text, f"{chrome!r} is in the {lang} search index"
        assert all(not d["l"].startswith("en/") for d in index["docs"]) == (lang == "vi")


def test_index_is_utf8_and_within_budget(site):
    raw = (site / "search" / "index.vi.json").read_bytes()
    assert b"\\u" not in raw and "nông thôn mới".encode() in raw
    for lang in ("vi", "en"):
        assert (
            len(gzip.compress((site / "search" / f"index.{lang}.json").read_bytes(), 9)) <= 45_000
        ), lang
    assert len((site / "search" / "search_index.json").read_bytes()) < 200


# Reader queries, typed into Material's search box; each names the section that must be among
# the first three results the reader sees. (language, query, section id, what it checks)
READER_QUERIES = [
    # Marks as typed rank above the same letters with other marks.
    ("vi", "đường cao tốc", "fn:3", "marks: «tốc» above «tộc», «cao tốc» above «nâng cao»"),
    ("vi", "cộng tác", "p2-ii-6-1", "marks: «cộng tác» above «công tác»"),
    ("vi", "thi đấu", "p2-ii-4-4", "marks: «thi đấu» above «thị đầu»"),
    ("vi", "lưu trú", "p1-ii-1-2-2-van-tai", "marks: «lưu trú» above «lưu trữ»"),
    ("vi", "tư vấn", "p2-ii-4-5", "marks: «tư vấn» above «từ văn», «tư tưởng… vấn đề»"),
    ("vi", "phân tích", "p1-ii-6-1", "marks: «phân tích» above «phần tích»"),
    ("vi", "lợi dụng", "p2-ii-5-4", "marks: «lợi dụng» above «lỗi dùng»"),
    # Without marks.
    ("vi", "nong thon moi", "p2-ii-1-4", "folded"),
    ("vi", "giam ngheo ben vung", "p1-ii-4-2", "folded"),
    ("vi", "ton giao", "p1-ii-5-5", "folded, heading"),
    ("vi", "ky luat dang", "p1-ii-6-3", "folded, heading"),
    ("vi", "quoc phong toan dan", "p1-ii-5-1", "folded phrase"),
    ("vi", "xuat nhap khau", "p1-ii-1-2-2-xuat-nhap-khau", "folded, heading"),
    # Old and new tone placement.
    ("vi", "văn hóa thể thao", "p2-ii-4-4", "tone: typed «hóa», heading «hoá»"),
    ("vi", "diễn biến hoà bình", "p1-ii-5-1", "tone: typed «hoà», text «hòa»"),
    ("vi", "Uỷ ban nhân dân", "p2-ii-7-2", "tone: typed «Uỷ», heading «Ủy»"),
    ("vi", "thuỷ lợi", "p1-ii-2-2-dien-nuoc", "tone: typed «thuỷ», heading «thủy»"),
    # The whole phrase above the words scattered.
    ("vi", "giải quyết khiếu nại tố cáo", "p1-ii-5-4", "phrase"),
    ("vi", "trách nhiệm nêu gương của cán bộ", "p2-ii-6-1", "six-word phrase in two sections"),
    ("vi", "bồi dưỡng kiến thức quốc phòng an ninh", "p1-ii-5-1", "phrase"),
    ("vi", "tuyên truyền phổ biến giáo dục pháp luật", "p2-ii-8", "phrase"),
    ("vi", "chăm sóc sức khỏe nhân dân", "p2-ii-4-3", "phrase"),
    # Words close together, not in order.
    ("vi", "thông minh thành phố", "p2-ii-4-4", "proximity (text: «thành phố thông minh»)"),
    ("vi", "rừng che phủ", "p1-ii-1-2-3", "proximity (text: «che phủ rừng»)"),
    # The word being typed matches as a prefix.
    ("vi", "chuyen doi s", "p2-ii-4-4", "prefix: «chuyển đổi số»"),
    ("vi", "cai cach tu ph", "p1-ii-6-8", "prefix: «cải cách tư pháp»"),
    ("vi", "khiếu nại tố c", "p1-ii-5-4", "prefix: «tố cáo»"),
    # Numbers with a decimal comma or dot, with or without thousands separators.
    ("vi", "8.5%", "p1-ii-1-4-tai-chinh", "number: text «8,5%»"),
    ("vi", "22500", "p1-ii-1-2-3", "number: text «22.500»"),
    ("vi", "22.500", "p1-ii-1-2-3", "number as written"),
    ("vi", "4831.6 km", "fn:3", "number: text «4.831,6 km»"),
    ("vi", "48.5 giuong benh", "fn:6", "number: text «48,5 giường bệnh»"),
    # A slip of one letter in a word of five letters or more.
    ("vi", "tham nhugn", "p2-ii-5-3", "typo: «nhũng»"),
    ("vi", "moi truogn", "p1-ii-3", "typo while typing: «trường»"),
    ("vi", "cong ngheip", "p2-ii-1-2", "typo: «nghiệp»"),
    ("vi", "chinh quyne dien tu", "p1-ii-6-7", "typo: «quyền»"),
    # Headings of whole pages.
    ("vi", "đột phá", "p2-dot-pha", "page heading"),
    ("vi", "bai hoc kinh nghiem", "p1-iv", "page heading, folded"),
    # English.
    ("en", "corruptoin", "p1-ii-5-3", "typo"),
    ("en", "enviroment protection", "p2-ii-3", "typo"),
    ("en", "educaton and training", "p2-ii-4-1", "typo"),
    ("en", "poverty reducton", "p1-ii-4-2", "typo"),
    ("en", "new rural development", "p2-ii-1-4", "phrase"),
    ("en", "ethnic and religious affairs", "p1-ii-5-5", "phrase, heading"),
    ("en", "mass mobilisation", "p1-ii-6-4", "heading"),
    ("en", "digital transformation", "p2-ii-4-4", "phrase"),
    (
        "en",
        "prevention corruption",
        "p2-ii-5-3",
        "proximity (heading: «prevention and combating of corruption»)",
    ),
    ("en", "reform judicial", "p1-ii-6-8", "proximity, reversed"),
    ("en", "export and imp", "p1-ii-1-2-2-xuat-nhap-khau", "prefix: «import»"),
    ("en", "judicial ref", "p1-ii-6-8", "prefix: «reform»"),
    ("en", "22500", "p1-ii-1-2-3", "number: text «22,500»"),
    ("en", "8,5%", "p1-ii-1-4-tai-chinh", "number: text «8.5%»"),
    ("en", "4831.6 km", "fn:3", "number: text «4,831.6 km»"),
    ("en", "48,5 hospital beds", "fn:6", "number: text «48.5»"),
    ("en", "people's council", "p2-ii-7-1", "heading"),
    ("en", "expressway", "fn:3", "footnote"),
    ("en", "breakthroughs", "p2-dot-pha", "page heading"),
    ("en", "lessons learned", "p1-iv", "page heading"),
]


@pytest.fixture(scope="module")
def section_addresses(site, server) -> dict[tuple[str, str], str]:
    """The address of every section id per language: its page, and `#id` unless the id is the page's h1."""
    addresses: dict[tuple[str, str], str] = {}
    for lang in ("vi", "en"):
        for path in language_pages(site, lang):
            folder = path.relative_to(site).parent.as_posix()
            url = server + ("" if folder == "." else folder + "/")
            for tag, ident in re.findall(
                r'<([a-z0-9]+)[^>]*?\sid="([^"]+)"', path.read_text("utf-8")
            ):
                addresses.setdefault((lang, ident), url if tag == "h1" else f"{url}#{ident}")
    return addresses


@pytest.fixture(scope="module")
def reader_tabs(browser, server):
    """One phone-sized tab per language, kept open across the reader queries (as a reader searching
    again and again would): {"vi": page, "en": page}."""
    contexts, tabs = [], {}
    for lang, path in (("vi", ""), ("en", "en/")):
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
        contexts.append(context)
        tabs[lang] = context.new_page()
        tabs[lang].goto(server + path)
    yield tabs
    for context in contexts:
        context.close()


def test_the_table_holds_forty_reader_queries_in_both_languages():
    assert len(READER_QUERIES) >= 40
    assert {lang for lang, *_ in READER_QUERIES} == {"vi", "en"}


@pytest.mark.browser
@pytest.mark.parametrize(
    "lang,query,section,why", READER_QUERIES, ids=[f"{q[0]}:{q[1]}" for q in READER_QUERIES]
)
def test_reader_query_finds_its_section_in_the_first_three(
    reader_tabs, section_addresses, lang, query, section, why
):
    results = search(reader_tabs[lang], query)
    expected = section_addresses[(lang, section)]
    first = ranked(results)[:3]
    assert expected in first, f"{query!r} ({why}): {expected} not in the first three {first}"


@pytest.mark.browser
def test_typed_marks_rank_above_folded_matches(page, server):
    page.goto(server)
    with_marks = ranked(search(page, "đường cao tốc"))
    assert with_marks[0].endswith("/phan-thu-nhat/ha-tang/#fn:3"), with_marks[:3]
    assert not any(href.endswith("#p2-ii-6-4") for href in with_marks[:3]), with_marks[:3]


@pytest.mark.browser
def test_results_show_the_matched_words_in_a_snippet(page, server):
    page.goto(server)
    results = [r for r in search(page, "chuyển đổi số") if r["ranked"]]
    best = results[0]
    assert best["href"].endswith("#p2-ii-4-4"), best["href"]
    assert "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>" in best["html"]
    assert len(best["text"]) < 400, "a snippet around the match, not the whole section"


@pytest.mark.browser
def test_choosing_a_result_lands_on_its_section(page, server):
    page.goto(server)
    page.locator("label[for=__search]").first.click()
    page.locator("input.md-search__input").press_sequentially("cai cach tu ph", delay=15)
    link = page.locator(
        ".md-search-result__item a.md-search-result__link[href$='#p1-ii-6-8']"
    ).first
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url("**/phan-thu-nhat/xay-dung-dang/#p1-ii-6-8")
    top = page.locator("#p1-ii-6-8").evaluate("h => h.getBoundingClientRect().top")
    assert 0 <= top < 844 / 2, f"the section heading is not at the top of the screen ({top} px)"
