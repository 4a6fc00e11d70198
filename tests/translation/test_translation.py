"""Issue 8: the English reference translation — complete, same ids, same numbers, glossary kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURE_DOCS, language_pages, page_html, run_build

from draftsite.checks.checks import check_translations
from draftsite.document.numbers import numbers_en, numbers_vi
from draftsite.document.sections import split_sections
from draftsite.translation.compare_translation import translation_problems
from draftsite.translation.glossary import load_glossary, missing_terms

DOCS = FIXTURE_DOCS
VI_PAGES = sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md"))
DOCUMENT = [
    p
    for p in VI_PAGES
    if p.relative_to(DOCS).as_posix().startswith(("cong-van", "bao-cao/", "phan-thu-", "goi-y"))
]
GLOSSARY = load_glossary(DOCS / "data" / "glossary.yml")


def english(path: Path) -> Path:
    return path.with_suffix(".en.md")


def test_every_vietnamese_page_has_an_english_page_with_the_same_ids():
    for path in VI_PAGES:
        ids = [s.id for s in split_sections(path.read_text("utf-8"))]
        assert ids == [s.id for s in split_sections(english(path).read_text("utf-8"))], path.name
    assert VI_PAGES and all(english(p).is_file() for p in VI_PAGES)
    assert (
        check_translations(
            [p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")], ("vi", "en")
        )
        == []
    )


@pytest.mark.parametrize("path", DOCUMENT, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_same_sections_and_numbers_in_both_languages(path):
    problems = translation_problems(path.read_text("utf-8"), english(path).read_text("utf-8"))
    for problem in problems:
        print(f"{path.relative_to(DOCS)}: {problem}")
    assert problems == []


@pytest.mark.parametrize("path", DOCUMENT, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_glossary_terms_are_used_in_every_section(path):
    english_sections = {s.id: s for s in split_sections(english(path).read_text("utf-8"))}
    failures = []
    for section in split_sections(path.read_text("utf-8")):
        other = english_sections[section.id]
        missing = missing_terms(
            section.title + "\n" + "\n".join(section.body),
            other.title + "\n" + "\n".join(other.body),
            GLOSSARY,
        )
        if missing:
            failures.append(f"{section.id}: {missing}")
    assert failures == []


@pytest.mark.parametrize(
    "vi,en,vi_numbers,en_numbers",
    [
        (
            "Đạt 21.521 lao động, tăng 11,1%/năm",
            "21,521 workers, up 11.1% a year",
            {"21521": 1, "11.1": 1},
            None,
        ),
        (
            "4.831,6 km; 84,04%; 08/10/2019",
            "4,831.6 km; 84.04%; 8 October 2019",
            {"4831.6": 1, "84.04": 1, "8": 1, "10": 1, "2019": 1},
            None,
        ),
        ("15,5 bác sỹ/1 vạn dân", "15.5 doctors per 10,000 people", {"15.5": 1, "10000": 1}, None),
        (
            "lần thứ XX, khóa XII, 03 đột phá",
            "20th Congress, 12th tenure, 3 breakthroughs",
            {"20": 1, "12": 1, "3": 1},
            None,
        ),
        ("Về văn hoá, Xây dựng", "On culture, Building", {}, None),
    ],
)
def test_number_notation_is_read_the_same_way(vi, en, vi_numbers, en_numbers):
    assert dict(numbers_vi(vi)) == vi_numbers
    assert dict(numbers_en(en)) == (en_numbers or vi_numbers)


def test_english_pages_say_they_are_a_translation_and_link_to_vietnamese(site):
    for path in language_pages(site, "en"):
        rel = path.relative_to(site).as_posix()
        html = page_html(site, rel)
        notices = html.select(".translation-notice")
        assert len(notices) == 1, rel
        link = notices[0].a
        assert link["hreflang"] == "vi"
        target = (path.parent / link["href"]).resolve() / "index.html"
        assert target.is_file() and "/en/" not in target.as_posix().replace(site.as_posix(), ""), (
            rel
        )
    assert not page_html(site, "phan-thu-nhat/").select(".translation-notice")


def test_english_pages_use_english_interface(site):
    html = page_html(site, "en/phan-thu-nhat/kinh-te/")
    assert html.html["lang"] == "en"
    assert html.select_one("input.md-search__input")["placeholder"] == "Search"
    link = html.find(id="p1-ii-1-2-1").find_next_sibling().a
    assert link.get_text() == "Comment on section II.1.2.1" and "entry.1000006=en" in link["href"]
    assert "January 2027" in html.select_one(".consultation-status").get_text()


# Heading links (and the full text's) are titled in the page's language: the `toc` extension has one
# setting for both languages, set again for each.
@pytest.mark.parametrize(
    "url,title",
    [
        ("phan-thu-nhat/kinh-te/", "Liên kết đến mục này"),
        ("toan-van/", "Liên kết đến mục này"),
        ("en/phan-thu-nhat/kinh-te/", "Link to this section"),
        ("en/toan-van/", "Link to this section"),
    ],
)
def test_heading_links_are_titled_in_the_pages_language(site, url, title):
    titles = {a.get("title") for a in page_html(site, url).select("article a.headerlink")}
    assert titles == {title}


def test_a_missing_translation_stops_the_build(project_copy):
    (project_copy / "docs" / "phan-thu-hai" / "dot-pha.en.md").unlink()
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "phan-thu-hai/dot-pha.en.md" in result.stderr and "no 'en' version" in result.stderr


@pytest.mark.browser
def test_switching_language_keeps_the_section(page, server):
    page.goto(server + "phan-thu-nhat/kinh-te/#p1-ii-1-2-1")
    with page.expect_navigation():
        page.evaluate("document.querySelector('a.md-select__link[hreflang=en]').click()")
    assert page.url.endswith("/en/phan-thu-nhat/kinh-te/#p1-ii-1-2-1")
    with page.expect_navigation():
        page.locator(".translation-notice a[hreflang=vi]").click()
    assert page.url.endswith("/phan-thu-nhat/kinh-te/#p1-ii-1-2-1") and "/en/" not in page.url
