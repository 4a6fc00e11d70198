"""Issue 5: search that finds what Vietnamese readers type, with or without diacritics."""

from __future__ import annotations

import gzip
import json
import re
import time
import unicodedata

import pytest

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


# Type a query like a person (Material searches on keyup) and return the results shown for it:
# waits until the marked words of the results belong to this query, not to the previous one.
def search(page, query: str) -> list[dict]:
    page.locator("label[for=__search]").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=15)
    box.press("End")
    words = {fold(w) for w in re.findall(r"[^\s]+", query)}
    read = """() => [...document.querySelectorAll('.md-search-result__item a.md-search-result__link')]
        .map(a => ({href: a.getAttribute('href'), text: a.innerText,
                    marks: [...a.querySelectorAll('mark')].map(m => m.textContent)}))"""
    results: list[dict] = []
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        results = page.evaluate(read)
        time.sleep(0.3)  # Material searches on every keyup: wait until the list stops changing
        if page.evaluate(read) != results:
            continue
        marks = {fold(m) for r in results for m in r["marks"]}
        if marks and any(m == w or m.startswith(w) for m in marks for w in words):
            break
    page.keyboard.press("Escape")
    return results


@pytest.mark.browser
@pytest.mark.parametrize("accented,plain", PAIRS)
def test_queries_with_and_without_diacritics_give_the_same_results(page, server, accented, plain):
    page.goto(server)
    with_marks = search(page, accented)
    without = search(page, plain)
    assert with_marks, f"no result for {accented!r}"
    assert [r["href"] for r in with_marks[:5]] == [r["href"] for r in without[:5]]
    assert accented in " ".join(r["text"] for r in with_marks[:2]).lower(), "the first results must show the phrase as written"


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


@pytest.mark.browser
def test_the_index_is_fetched_only_when_the_reader_searches(page, server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + "phan-thu-nhat/kinh-te/")
    page.wait_for_timeout(300)
    assert not [u for u in requested if "index.vi.json" in u]
    search(page, "nong thon")
    assert [u for u in requested if "index.vi.json" in u]


def test_index_holds_document_text_only(site):
    for lang in ("vi", "en"):
        index = json.loads((site / "search" / f"index.{lang}.json").read_text("utf-8"))
        text = " ".join(d["t"] + " " + d["x"] for d in index["docs"])
        for chrome in ("Góp ý mục", "Comment on section", "Xem nội dung dự thảo", "Read in the draft",
                       "Tải dữ liệu", "Download the data", "docs.google.com", "¶"):
            assert chrome not in text, f"{chrome!r} is in the {lang} search index"
        assert all(not d["l"].startswith("en/") for d in index["docs"]) == (lang == "vi")


def test_index_is_utf8_and_within_budget(site):
    raw = (site / "search" / "index.vi.json").read_bytes()
    assert b"\\u" not in raw and "nông thôn mới".encode() in raw
    assert len(gzip.compress(raw, 9)) <= 45_000
    assert len((site / "search" / "search_index.json").read_bytes()) < 200
