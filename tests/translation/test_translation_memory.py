"""Issue 17: one Vietnamese formula, one English rendering — the translation memory and the glossary,
enforced by the build; one policy for Vietnamese names."""

from __future__ import annotations

import re

from conftest import FIXTURE_DOCS, language_pages, page_html, run_build

from draftsite.translation.glossary import check_glossary, parse_glossary
from draftsite.translation.translation_checks import check_translation_consistency
from draftsite.translation.translation_memory import (
    Entry,
    check_memory,
    has_rendering,
    load_memory,
    page_blocks,
    recurring_clauses,
)

DOCS = FIXTURE_DOCS
THEME_VI = (
    "Tăng cường xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh, tinh gọn, "
    "hoạt động hiệu lực, hiệu quả"
)
THEME_EN = (
    "strengthen the building and rectification of a clean, strong and streamlined Party and political "
    "system that operate effectively and efficiently"
)


def page(section: str, *paragraphs: str) -> str:
    return f"# Title {{ #{section} }}\n\n" + "\n\n".join(paragraphs) + "\n"


def test_a_clause_of_eight_words_or_more_that_recurs_is_a_formula():
    vi = {
        "a.md": page(
            "a",
            "Một hai ba bốn năm sáu bảy tám; mười.",
            "Một hai ba bốn năm sáu bảy.",
            "- Một, hai ba bốn năm sáu bảy tám chín.",
        ),
        "b.md": page("b", "Khác: một hai ba bốn năm sáu bảy."),
    }
    blocks = [b for rel, text in vi.items() for b in page_blocks(rel, text)]
    found = recurring_clauses(blocks)
    assert list(found) == [("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám")]
    assert [
        (b.file, b.line, b.key)
        for b in found[("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám")]
    ] == [("a.md", 3, "a#1"), ("a.md", 7, "a#3")]


def test_only_the_first_word_may_change_its_grammatical_form():
    assert has_rendering(
        "**Theme:** To strengthen the building and rectification of a clean, strong and streamlined "
        "Party and political system that operate effectively and efficiently; to promote…",
        THEME_EN,
    )
    assert has_rendering(
        "Strengthening the building and rectification of a clean, strong and streamlined Party and "
        "political system that operate effectively and efficiently.",
        THEME_EN,
    )
    assert not has_rendering(
        "To step up the building and rectification of a clean, strong and streamlined Party and "
        "political system that operate effectively and efficiently",
        THEME_EN,
    )
    assert not has_rendering(
        "Strengthen the building and rectification of the Party and of a clean, strong and "
        "streamlined political system that operate effectively and efficiently",
        THEME_EN,
    )


def test_each_occurrence_is_checked_against_the_paragraph_that_translates_it():
    vi = {"a.md": page("a", f"{THEME_VI}; phát huy.", f"Mục tiêu: {THEME_VI}.")}
    good = page("a", f"To {THEME_EN}; to promote.", f"Objective: {THEME_EN}.")
    # The second paragraph says it differently; the first still has the memory's words.
    bad = page(
        "a",
        f"To {THEME_EN}; to promote.",
        "Objective: to step up Party building and rectification.",
    )
    entries = [Entry(THEME_VI, THEME_EN, 4)]
    assert check_memory(vi, {"a.en.md": good}, entries, "tm.yml") == []
    problems = [p.english() for p in check_memory(vi, {"a.en.md": bad}, entries, "tm.yml")]
    assert len(problems) == 1
    assert problems[0].startswith("a.en.md:5: «" + THEME_VI + "» (a.md:5) is not rendered as")
    assert "(tm.yml:4)" in problems[0]


def test_a_recurring_formula_without_an_entry_is_named_with_its_places():
    vi = {"a.md": page("a", f"{THEME_VI}."), "b.md": page("b", "Một.", f"Về: {THEME_VI}.")}
    en = {"a.en.md": page("a", f"To {THEME_EN}."), "b.en.md": page("b", "One.", f"On: {THEME_EN}.")}
    problems = [p.english() for p in check_memory(vi, en, [], "tm.yml")]
    assert len(problems) == 1
    assert problems[0].startswith("a.md:3: the formula «tăng cường xây dựng chỉnh đốn đảng")
    assert "occurs 2 times (a.md:3, b.md:5) and is not in tm.yml" in problems[0]
    assert check_memory(vi, en, [Entry(THEME_VI, THEME_EN, 1)], "tm.yml") == []


def test_memory_and_glossary_entries_without_english_are_named_by_file_line_and_key():
    _, problems = load_memory('- vi: "một hai ba"\n  en: ""\n', "data/translation-memory.yml")
    assert [p.english() for p in problems] == [
        "data/translation-memory.yml:1: entry has no `en:` text: give every "
        "formula its Vietnamese words (`vi`) and its one English rendering (`en`)"
    ]
    _, problems = parse_glossary(
        '- {vi: "Tỉnh ủy", en: "Provincial Party Committee"}\n- {vi: "Ban Bí thư"}\n',
        "data/glossary.yml",
    )
    assert [p.english() for p in problems] == [
        "data/glossary.yml:2: entry vi: 'Ban Bí thư' has no `en:` rendering: "
        "add the one English term the translation uses for it"
    ]


def test_glossary_names_missing_terms_and_avoided_variants():
    terms, _ = parse_glossary(
        '- {vi: "cán bộ, đảng viên", en: "cadres and Party members", '
        'avoid: ["cadres, Party members"]}\n',
        "g.yml",
    )
    vi = {"a.md": page("a", "Cho cán bộ, đảng viên và nhân dân.")}
    en = {"a.en.md": page("a", "For cadres, Party members and the people.")}
    assert [p.english() for p in check_glossary(vi, en, terms, "g.yml")] == [
        "a.en.md:1: section 'a' lacks the glossary term “cadres and Party members” (g.yml:1), which renders a term "
        "of a.md:1: use it, or correct the glossary",
        "a.en.md:3: “cadres, Party members” is not the glossary rendering of «cán bộ, đảng viên»: write “cadres and "
        "Party members” (g.yml:1)",
    ]


def test_the_document_keeps_its_memory_and_glossary():
    assert [str(p) for p in check_translation_consistency(DOCS)] == []
    entries, _ = load_memory((DOCS / "data" / "translation-memory.yml").read_text("utf-8"), "tm")
    assert any(e.vi.startswith("Tăng cường xây dựng, chỉnh đốn Đảng") for e in entries)


def test_the_congress_theme_reads_the_same_wherever_it_is_quoted(site):
    def theme(url: str, start: str) -> str:
        text = " ".join(page_html(site, url).select_one("article").get_text(" ").split())
        found = re.search(re.escape(start) + r"[^.”]*", text, re.I)
        assert found, url
        return " ".join(
            re.findall(r"\w+", found[0].casefold())
        )  # the Vietnamese punctuation differs: ";" / ","

    start = "To strengthen the building and rectification of a clean"
    home = theme("en/", start)
    assert home.endswith("develops rapidly and sustainably")
    for url in ("en/bao-cao/", "en/phan-thu-hai/", "en/goi-y-thao-luan/"):
        assert theme(url, start).startswith(home), url


def test_vietnamese_names_keep_their_diacritics_in_english(site):
    for path in language_pages(site, "en"):
        rel = path.relative_to(site).as_posix()
        if "ghi-chu-bien-tap" in rel:  # the editor notes quote the old renderings they replaced
            continue
        html = page_html(site, rel)
        assert not re.search(r"\bThai Nguyen\b|\bHanoi\b|\bHo Chi Minh\b", str(html)), rel
    home = page_html(site, "en/")
    assert "Thái Nguyên" in home.title.get_text()
    assert (
        "Vietnamese names keep their diacritics"
        in home.select_one(".translation-notice").get_text()
    )


def test_an_inconsistent_rendering_stops_the_build(project_copy):
    home = project_copy / "docs" / "index.en.md"
    text = home.read_text("utf-8")
    home.write_text(
        text.replace(
            "to firmly maintain political security, social order and safety",
            "to firmly maintain political security, order and social safety",
        ),
        "utf-8",
    )
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "The English translation is inconsistent" in result.stderr
    line = (
        text.split("\n").index(
            next(row for row in text.split("\n") if row.startswith("**Congress theme:**"))
        )
        + 1
    )
    assert (
        f"index.en.md:{line}: «giữ vững an ninh chính trị, trật tự, an toàn xã hội» (index.md:"
        in result.stderr
    )
    # A glossary entry without English is stopped earlier, by the data-file checks, by file and line.
    glossary = project_copy / "docs" / "data" / "glossary.yml"
    lines = glossary.read_text("utf-8").count("\n")
    glossary.write_text(glossary.read_text("utf-8") + '- {vi: "Ban Bí thư Trung ương"}\n', "utf-8")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"docs/data/glossary.yml:{lines + 1}: mục thuật ngữ thiếu `en:`" in result.stderr
    assert "(English: the entry has no `en:` text" in result.stderr
