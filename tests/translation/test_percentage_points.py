"""Issue 26: a rise or fall of a rate is given in percentage points in the English translation; the
build stops otherwise, unless the sentence is listed, with its reason, as an exception."""

from __future__ import annotations

import pytest

from draftsite.translation.percentage_points import (
    check_percentage_points,
    load_exceptions,
    point_values,
    rate_change_figures,
)

EXCEPTIONS = "data/diem-phan-tram.yml"
POVERTY_VI = "Tỷ lệ hộ nghèo toàn tỉnh bình quân giảm 2,06%/năm, năm 2020 tỷ lệ hộ nghèo còn 3,1%."
INDUSTRY_VI = "Giá trị sản xuất công nghiệp tăng bình quân 16,3%/năm."


def page(section: str, *paragraphs: str) -> str:
    """A one-section page with these paragraphs (the heading is line 1, paragraph n is line 2n + 1)."""
    return f"# Title {{ #{section} }}\n\n" + "\n\n".join(paragraphs) + "\n"


def check(vi: list[str], en: list[str], exceptions: str = "[]") -> list[str]:
    """The check's messages (in English) for one Vietnamese page of section `a` and its English page."""
    return [
        p.english()
        for p in check_percentage_points(
            {"a.md": page("a", *vi)}, {"a.en.md": page("a", *en)}, exceptions, EXCEPTIONS
        )
    ]


@pytest.mark.parametrize(
    "sentence, figures",
    [
        (POVERTY_VI, ["2,06"]),  # rate, verb, figure
        (
            "Giảm tỷ lệ hộ nghèo bình quân 2,06%/năm (*Mục tiêu: 2%/năm*).",
            ["2,06", "2"],
        ),  # verb before the rate; target
        ("Giảm tỷ lệ hộ nghèo bình quân hằng năm (*theo chuẩn mới*) từ 1% trở lên.", ["1"]),
        ("Tỷ trọng công nghiệp tăng 2,5%, lên 59%.", ["2,5"]),  # the change, not the level reached
        (INDUSTRY_VI, []),  # growth of a quantity
        ("Tốc độ tăng trưởng kinh tế GRDP bình quân đạt 11,1%/năm.", []),  # a growth rate's level
        (
            "tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng năm 2020 giảm xuống dưới 10%.",
            [],
        ),  # a level reached
        ("Tỷ lệ hộ nghèo giảm từ 5% xuống 3,1%.", []),  # a range of levels
        ("Năm 2020, tỷ lệ che phủ rừng đạt 53%.", []),
        (
            "Tỷ lệ hộ nghèo còn 3%, thu nhập bình quân tăng 8%/năm.",
            [],
        ),  # another subject after the rate's level
        ("Tỷ lệ tăng dân số tự nhiên 1,2%.", []),  # the verb names the rate
        ("Tỷ lệ trẻ em đến trường ở nông thôn tăng 5%.", ["5"]),  # «đến», «ở» in the rate's name
        ("Tỷ lệ hộ nghèo giảm đến 5%.", []),  # «giảm đến»: a level
        ("Tỷ lệ hộ nghèo giữ ở mức 5%/năm.", []),
    ],
)
def test_a_rate_change_is_told_from_a_quantity_growth_and_from_a_level(sentence, figures):
    assert rate_change_figures(sentence) == figures


def test_english_figures_in_points_are_counted():
    assert point_values(
        "fell by 2.06 percentage points a year (*Target: 2 percentage points a year*); "
        "by 1 percentage point or more; by 3 or more percentage points; 4.5% a year"
    ) == {"2.06": 1, "2": 1, "1": 1, "3": 1}


def test_a_rate_change_in_per_cent_is_flagged_at_the_english_paragraph():
    problems = check(
        ["Mở đầu.", POVERTY_VI],
        ["Opening.", "The poverty rate fell by 2.06% a year on average, to 3.1% in 2020."],
    )
    assert problems == [
        f"a.en.md:5: «{POVERTY_VI}» (a.md:5) changes a rate by 2,06%, that is by 2.06 percentage points, but the "
        'English does not say so in points; write "2.06 percentage points" or list the sentence in '
        f"docs/{EXCEPTIONS} with the reason"
    ]


def test_a_rate_change_in_percentage_points_passes():
    assert (
        check(
            [POVERTY_VI],
            [
                "The poverty rate fell by an average of 2.06 percentage points a year, to 3.1% in 2020."
            ],
        )
        == []
    )


def test_points_written_in_another_paragraph_do_not_count():
    problems = check(
        [POVERTY_VI, "Khác."],
        ["The poverty rate fell by 2.06% a year.", "Other: 2.06 percentage points."],
    )
    assert [p.split(":")[:2] for p in problems] == [["a.en.md", "3"]]


def test_when_the_blocks_differ_the_whole_english_section_is_searched():
    problems = check([POVERTY_VI, "Khác."], ["The poverty rate fell by 2.06% a year. Other."])
    assert len(problems) == 1 and "anywhere in section 'a'" in problems[0]
    assert (
        check(
            [POVERTY_VI, "Khác."],
            ["The poverty rate fell by 2.06 percentage points a year. Other."],
        )
        == []
    )


def test_the_growth_of_a_quantity_stays_in_per_cent():
    assert (
        check([INDUSTRY_VI], ["Industrial production value grew by an average of 16.3% a year."])
        == []
    )


def test_a_listed_exception_passes_and_an_unlisted_sentence_does_not():
    vi = ["Lãi suất cho vay giảm 1,5%/năm."]
    en = ["Lending rates were cut by 1.5% a year."]
    exceptions = (
        '# header\n- section: a\n  vi: "lãi suất cho vay giảm"\n'
        '  reason: "a hypothetical case: the source means a relative cut"\n'
    )
    assert check(vi, en, exceptions) == []
    assert len(check(vi, en)) == 1


def test_a_stale_exception_stops_the_check():
    exceptions = '- {section: a, vi: "tỷ lệ hộ nghèo giảm 5%", reason: "reworded since"}\n'
    assert check(
        [INDUSTRY_VI], ["Industrial production value grew by 16.3% a year."], exceptions
    ) == [
        f"{EXCEPTIONS}:1: «tỷ lệ hộ nghèo giảm 5%» matches no sentence of section 'a' that reads as a change of a "
        "rate: remove the entry, or correct its `vi:` fragment"
    ]


def test_an_exception_in_an_unknown_section_or_without_a_reason_is_named():
    exceptions = (
        '- {section: b, vi: "giảm 2,06%", reason: "wrong section"}\n'
        '- {section: a, vi: "giảm 2,06%"}\n'
    )
    problems = check(
        [POVERTY_VI], ["The poverty rate fell by 2.06 percentage points a year."], exceptions
    )
    assert problems[0].startswith(f"{EXCEPTIONS}:1: section 'b' is not a section of the document")
    assert problems[1].startswith(f"{EXCEPTIONS}:2: the entry has no `reason:` text")


def test_the_exceptions_file_may_be_empty_but_must_be_a_list():
    assert load_exceptions("# only comments\n", EXCEPTIONS) == ([], [])
    _, problems = load_exceptions("section: a\n", EXCEPTIONS)
    assert [p.english() for p in problems] == [
        f"{EXCEPTIONS}:1: the file is a mapping (key: value lines); it must be a list of entries `- {{section: …, vi: …, reason: …}}`"
    ]
