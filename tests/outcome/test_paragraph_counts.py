"""Issue 27, part 1: comments counted per paragraph. When the form's export has a paragraph column,
tools/import_comments.py counts per paragraph too (docs/data/gop-y.yml keeps reading without them);
after closing, the outcome page shows each section's most-commented paragraphs, linked."""

from __future__ import annotations

import csv
import io

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURE_DOCS

from draftsite.checks.data_files import load_yaml
from draftsite.comments.comment_import import (
    DEFAULT_COLUMNS,
    CommentImportError,
    dump_ledger,
    export_columns,
    import_export,
    parse_ledger,
    total_counts,
    total_paragraphs,
)
from draftsite.document.model import load_document
from draftsite.outcome.outcome import render_outcome

DRAFT = "2020-03-31"
EARLIER = "2020-01-15"
DOCUMENT = load_document(FIXTURE_DOCS, "vi")
SECTIONS = {s.id for s in DOCUMENT.sections}
COLUMNS = {**DEFAULT_COLUMNS}
HEADER = ["Dấu thời gian", "Mã mục", "Ngày dự thảo", "Mã đoạn", "Nội dung góp ý", "Họ và tên"]
# (section, paragraph) of each comment: p1-ii-1-2-d3 five times, -d1 three, -d2 and -d4 twice, -d5
# once (the top three: d3, d1, then d2 before d4 by id); one row without a paragraph, one with a
# value that is not a paragraph id (both still count for the section).
PLAN = (
    [("p1-ii-1-2", "p1-ii-1-2-d3")] * 5
    + [("p1-ii-1-2", "p1-ii-1-2-d1")] * 3
    + [("p1-ii-1-2", "p1-ii-1-2-d4")] * 2
    + [("p1-ii-1-2", "p1-ii-1-2-d2")] * 2
    + [("p1-ii-1-2", "p1-ii-1-2-d5")]
    + [("p1-ii-1-2", ""), ("p1-ii-1-2", "đoạn 3")]
    + [("p1-ii-1-3", "P1-II-1-2-D9")]  # a merged section's paragraph keeps its old prefix
)


def export(plan=PLAN, header=HEADER) -> bytes:
    """A CSV export of the plan's comments (with a name column that is never kept)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for i, (section, paragraph) in enumerate(plan):
        row = {
            "Dấu thời gian": f"1/12/2026 10:00:{i:02d}",
            "Mã mục": section,
            "Ngày dự thảo": DRAFT,
            "Mã đoạn": paragraph,
            "Nội dung góp ý": f"Góp ý {i}",
            "Họ và tên": "BÍMẬT",
        }
        writer.writerow([row[h] for h in header])
    return out.getvalue().encode("utf-8")


def test_an_export_with_a_paragraph_column_is_counted_per_paragraph_too():
    ledger: dict = {}
    result = import_export(export(), "x.csv", ledger, COLUMNS, SECTIONS, {DRAFT})
    assert result.counted == len(PLAN) and result.by_paragraph == len(PLAN) - 2
    assert total_counts(ledger)[DRAFT] == {"p1-ii-1-2": len(PLAN) - 1, "p1-ii-1-3": 1}
    assert total_paragraphs(ledger)[DRAFT] == {
        "p1-ii-1-2": {
            "p1-ii-1-2-d3": 5,
            "p1-ii-1-2-d1": 3,
            "p1-ii-1-2-d4": 2,
            "p1-ii-1-2-d2": 2,
            "p1-ii-1-2-d5": 1,
        },
        "p1-ii-1-3": {"p1-ii-1-2-d9": 1},
    }
    # Written and read back the same; a later export adds only its new rows, per paragraph too.
    text = dump_ledger(ledger)
    assert "BÍMẬT" not in text and "Góp ý" not in text
    again = parse_ledger(load_yaml("gop-y.yml", text), "gop-y.yml")
    assert again == ledger
    more = PLAN + [("p1-ii-1-2", "p1-ii-1-2-d5")] * 4
    import_export(export(more), "y.csv", again, COLUMNS, SECTIONS, {DRAFT})
    assert total_paragraphs(again)[DRAFT]["p1-ii-1-2"]["p1-ii-1-2-d5"] == 5


def test_an_export_without_a_paragraph_column_and_an_old_ledger_still_work():
    header = [h for h in HEADER if h != "Mã đoạn"]
    ledger: dict = {}
    result = import_export(export(header=header), "x.csv", ledger, COLUMNS, SECTIONS, {DRAFT})
    assert result.counted == len(PLAN) and result.by_paragraph == 0
    text = dump_ledger(ledger)
    assert "paragraphs:" not in text  # the file is as before the paragraph column existed
    assert total_paragraphs(parse_ledger(load_yaml("gop-y.yml", text), "gop-y.yml")) == {}


def test_a_paragraph_column_named_in_the_settings_must_be_in_the_export():
    columns = export_columns({"export": {"columns": {"paragraph": "Đoạn"}}})
    assert columns["paragraph"] == "Đoạn"
    with pytest.raises(CommentImportError, match="no column titled paragraph «Đoạn»"):
        import_export(export(), "x.csv", {}, columns, SECTIONS, {DRAFT})
    with pytest.raises(
        CommentImportError, match="unknown key.*use section, draft, comment, time, paragraph"
    ):
        export_columns({"export": {"columns": {"doan": "Đoạn"}}})


@pytest.mark.parametrize(
    ("paragraphs", "line", "what"),
    [
        (
            '    paragraphs:\n      "2020-03-31":\n        p1-ii-1-2:\n          p1-ii-1-2-d3: x\n',
            11,
            "'x' is not a count",
        ),
        (
            '    paragraphs:\n      "2020-03-31":\n        p1-ii-1-2:\n          doan-3: 2\n',
            11,
            "not a paragraph id",
        ),
        ('    paragraphs:\n      "31/3":\n        p1-ii-1-2: {}\n', 9, "not a draft date"),
        (
            '    paragraphs:\n      "2020-03-31":\n        p1-ii-1-2: 4\n',
            10,
            "not the section's paragraph counts",
        ),
        ("    paragraphs: [1]\n", 8, "must be a mapping"),
    ],
)
def test_bad_paragraph_counts_stop_with_the_file_and_line(paragraphs, line, what):
    text = (
        'sources:\n  "abc":\n    rows: 2\n    digest: "d"\n    counts:\n      "2020-03-31":\n'
        "        p1-ii-1-2: 2\n    rejected: {}\n"
    )
    text = text.replace("    rejected: {}\n", "    rejected: {}\n" + paragraphs)
    text = text.replace(
        '      "2020-03-31":\n        p1-ii-1-2: 2\n', '      "2020-03-31": {p1-ii-1-2: 2}\n'
    )
    with pytest.raises(ValueError) as caught:
        parse_ledger(load_yaml("docs/data/gop-y.yml", text), "docs/data/gop-y.yml")
    message = str(caught.value)
    assert message.startswith(f"docs/data/gop-y.yml:{line}: ") and what in message
    assert "import the export again" in message


def outcome_html(paragraphs, lang="vi", current=DRAFT) -> BeautifulSoup:
    counts = {DRAFT: {"p1-ii-1-2": 14, "p1-ii-1-3": 1}, EARLIER: {"p1-ii-1-2": 2}}
    html = render_outcome(
        counts,
        {},
        [],
        load_document(FIXTURE_DOCS, lang),
        {EARLIER: "Dự thảo 15/1", DRAFT: "Dự thảo 31/3"},
        current,
        lang,
        "tong-hop-y-kien/",
        "https://example.org/site/",
        None,
        paragraphs,
    )
    return BeautifulSoup(html, "html.parser")


def test_the_outcome_shows_each_sections_three_most_commented_paragraphs_linked():
    ledger: dict = {}
    import_export(export(), "x.csv", ledger, COLUMNS, SECTIONS, {DRAFT, EARLIER})
    paragraphs = total_paragraphs(ledger)
    paragraphs[EARLIER] = {"p1-ii-1-2": {"p1-ii-1-2-d1": 2}}
    for lang, word in (("vi", "đoạn"), ("en", "paragraph")):
        page = outcome_html(paragraphs, lang)
        current = page.find(id=f"y-kien-{DRAFT}").find_next("table", class_="outcome-sections")
        cell = current.find("th", attrs={"data-section": "p1-ii-1-2"})
        items = cell.select("ul.outcome-paragraphs li")
        assert [(li["data-paragraph"], int(li["data-count"])) for li in items] == [
            ("p1-ii-1-2-d3", 5),
            ("p1-ii-1-2-d1", 3),
            ("p1-ii-1-2-d2", 2),
        ]
        assert items[0].get_text() == f"{word} p1-ii-1-2-d3: 5"
        assert items[0].a["href"] == "../phan-thu-nhat/kinh-te/#p1-ii-1-2-d3"
        # The count of the section stays the cell beside its name.
        assert int(cell.find_next_sibling("td").get_text()) == 14
        merged = current.find("th", attrs={"data-section": "p1-ii-1-3"}).select("li")
        assert [li["data-paragraph"] for li in merged] == ["p1-ii-1-2-d9"]
        # An earlier draft's paragraph is linked in that draft's permanent folder.
        earlier = page.find(id=f"y-kien-{EARLIER}").find_next("table", class_="outcome-sections")
        link = earlier.find("th", attrs={"data-section": "p1-ii-1-2"}).select_one("li a")["href"]
        prefix = "" if lang == "vi" else "en/"
        assert (
            link
            == f"https://example.org/site/du-thao/{EARLIER}/{prefix}phan-thu-nhat/kinh-te/#p1-ii-1-2-d1"
        )


def test_without_paragraph_counts_the_outcome_is_as_before():
    assert outcome_html(None).select("ul.outcome-paragraphs") == []
    assert outcome_html({}).select(".outcome-paragraphs") == []


def test_the_ledger_file_names_no_comment_and_stays_yaml():
    ledger: dict = {}
    import_export(export(), "x.csv", ledger, COLUMNS, SECTIONS, {DRAFT})
    data = yaml.safe_load(dump_ledger(ledger))
    (entry,) = data["sources"].values()
    assert entry["paragraphs"][DRAFT]["p1-ii-1-2"]["p1-ii-1-2-d3"] == 5
