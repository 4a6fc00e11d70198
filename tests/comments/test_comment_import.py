"""Issue 28: comment imports at national scale. tools/import_comments.py reads the export one row at a
time: what it prints stays readable whatever the export's length (counts per kind, the first row
numbers of each kind, and the file outside the repository where every row number was written), and
memory does not grow with the length of the comments. The counting rules themselves are tested in
tests/outcome/test_consultation_outcome.py."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from conftest import FIXTURE_DOCS, ROOT

from draftsite.comments.comment_import import (
    DEFAULT_COLUMNS,
    DigestSet,
    RejectedRows,
    _key_line,
    import_stream,
    total_counts,
)
from draftsite.document.model import load_document

DRAFT = "2020-03-31"
SECTIONS = [s.id for s in load_document(FIXTURE_DOCS, "vi").sections]
HEADER = [
    "Dấu thời gian",
    "Mã mục",
    "Ngày dự thảo",
    "Nội dung góp ý",
    "Họ và tên",
    "Địa chỉ email",
    "Số điện thoại",
]
FIRST_ROWS = 10  # row numbers printed per kind
VIETNAMESE_FIRST = re.compile(r"^(\s*)(.+?) \(English: (.*)\)$")


def english(line: str) -> str:
    """The English of a line the import prints Vietnamese first («<vi> (English: <en>)»), with the
    line's indentation; the Vietnamese must be there."""
    match = VIETNAMESE_FIRST.match(line)
    assert match and match[2] != match[3], f"not Vietnamese first: {line}"
    return match[1] + match[3]


def export_rows(
    ok: int, empty: int, unknown_section: int, duplicate: int
) -> tuple[list[list[str]], dict[str, list[int]]]:
    """An export's rows, in a fixed order, and the spreadsheet rows (header = row 1) of each rejected kind."""
    rows: list[list[str]] = []
    expected: dict[str, list[int]] = {"empty_comment": [], "unknown_section": [], "duplicate": []}
    plan = (
        ["ok"] * ok
        + ["empty_comment"] * empty
        + ["unknown_section"] * unknown_section
        + ["duplicate"] * duplicate
    )
    plan = (
        [plan[(i * 7) % len(plan)] for i in range(len(plan))] if len(plan) % 7 else plan
    )  # interleaved kinds
    for i, kind in enumerate(plan):
        row = [
            f"1/12/2026 10:{i // 60 % 60:02d}:{i % 60:02d}",
            SECTIONS[i % len(SECTIONS)],
            DRAFT,
            f"Góp ý số {i}.",
            f"Nguyễn Văn {i}",
            f"a{i}@example.vn",
            "+84 912 000 000",
        ]
        if kind == "empty_comment":
            row[3] = " "
        elif kind == "unknown_section":
            row[1] = "p9-khong-co"
        elif kind == "duplicate":
            row = list(rows[0])  # the first row is always a counted one
        if kind != "ok":
            expected[kind].append(i + 2)
        rows.append(row)
    return rows, expected


def write_export(path: Path, rows: list[list[str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out, lineterminator="\r\n").writerows([HEADER] + rows)
    return path


def run_import(export: Path, project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "import_comments.py"),
            str(export),
            "--project",
            str(project),
        ],
        capture_output=True,
        text=True,
    )


def test_the_import_prints_counts_and_first_rows_per_kind_and_writes_every_row_number_beside_the_export(
    project_copy, tmp_path_factory
):
    rows, expected = export_rows(ok=60, empty=25, unknown_section=3, duplicate=12)
    export = write_export(
        tmp_path_factory.mktemp("exports") / "phieu.csv", rows
    )  # outside the project
    done = run_import(export, project_copy)
    assert done.returncode == 0, done.stderr
    lines = [english(line) for line in done.stdout.splitlines()]
    assert len(lines) <= 30 and done.stderr == ""
    assert re.fullmatch(
        rf"phieu\.csv: {len(rows)} rows, {len(rows)} not counted before \(form \w+\)\.", lines[0]
    )
    assert lines[1] == "  counted by section: 60"
    empty = expected["empty_comment"]
    assert (
        f"  not placed, empty comment: 25 (rows {', '.join(map(str, empty[:FIRST_ROWS]))} and 15 more)"
    ) in lines
    assert (
        f"  not placed, unknown section: 3 (rows {', '.join(map(str, expected['unknown_section']))})"
    ) in lines
    assert (
        f"  not placed, exact duplicate: 12 (rows {', '.join(map(str, expected['duplicate'][:FIRST_ROWS]))} "
        "and 2 more)"
    ) in lines
    assert not any("unknown draft" in line for line in lines)
    listing = next(line for line in lines if line.startswith("Every row not placed"))
    path = Path(listing.split(": ", 1)[1])
    assert path == export.with_name(
        "phieu.not-placed.csv"
    )  # beside the export, outside the project
    with path.open(encoding="utf-8") as numbers:
        written = list(csv.reader(numbers))
    assert written[0] == ["row", "kind"]
    assert sorted((int(row), kind) for row, kind in written[1:]) == sorted(
        (row, kind) for kind, numbers in expected.items() for row in numbers
    )
    assert lines[-1].startswith("Wrote docs/data/gop-y.yml")

    again = run_import(export, project_copy)
    assert (
        again.returncode == 0
        and "Nothing new" in again.stdout
        and len(again.stdout.splitlines()) == 2
    )
    assert all(english(line) for line in again.stdout.splitlines())


def test_an_export_inside_the_project_has_its_row_numbers_written_to_the_temporary_folder(
    project_copy,
):
    rows, expected = export_rows(ok=5, empty=2, unknown_section=0, duplicate=0)
    export = write_export(project_copy / "phieu-trong-du-an.csv", rows)
    before = {p for p in project_copy.rglob("*") if p.is_file()}
    done = run_import(export, project_copy)
    export.unlink()
    assert done.returncode == 0, done.stderr
    stdout = "\n".join(english(line) for line in done.stdout.splitlines())
    path = Path(re.search(r"^Every row not placed, by number \(row,kind\): (.+)$", stdout, re.M)[1])
    assert path.parent == Path(tempfile.gettempdir()) and path.read_text("utf-8").count("\n") == 3
    path.unlink()
    after = {p for p in project_copy.rglob("*") if p.is_file()}
    assert after - before == {project_copy / "docs" / "data" / "gop-y.yml"}


def test_an_import_that_stops_leaves_no_file_of_row_numbers(project_copy, tmp_path_factory):
    rows, _ = export_rows(ok=5, empty=2, unknown_section=0, duplicate=0)
    folder = tmp_path_factory.mktemp("exports")
    export = write_export(folder / "phieu.csv", rows)
    export.write_bytes(
        export.read_bytes() + b"1/12/2026,p1-i,2020-03-31,\xe3 hong\r\n"
    )  # not UTF-8 at the end
    done = run_import(export, project_copy)
    assert (
        done.returncode == 1 and "not UTF-8 text" in done.stderr and "Traceback" not in done.stderr
    )
    assert not (folder / "phieu.not-placed.csv").exists()
    assert not (project_copy / "docs" / "data" / "gop-y.yml").exists()


def test_memory_does_not_grow_with_the_export():
    comment = (
        "Đề nghị bổ sung số liệu về công nghiệp chế biến, chế tạo và nông thôn mới. " * 6
    )  # ~500 bytes
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for i in range(30_000):
        writer.writerow(
            [
                f"1/12/2026 {i}",
                SECTIONS[i % len(SECTIONS)],
                DRAFT,
                f"{comment}{i}",
                "Tên",
                "e@x.vn",
                "0",
            ]
        )
    data = out.getvalue().encode("utf-8")
    ledger: dict = {}
    tracemalloc.start()
    try:
        result = import_stream(
            io.BytesIO(data),
            "e.csv",
            ledger,
            DEFAULT_COLUMNS,
            set(SECTIONS),
            {DRAFT},
            rejected=RejectedRows(FIRST_ROWS),
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.counted == 30_000 and sum(total_counts(ledger)[DRAFT].values()) == 30_000
    # The export is 16 MB; the import holds one row at a time and 32 bytes per distinct row.
    assert len(data) > 15_000_000 and peak < 5_000_000, f"peak {peak / 1e6:.1f} MB"


def test_the_digest_set_tells_new_digests_from_repeated_ones_as_it_grows():
    digests = [hashlib.sha256(str(i).encode()).digest()[:16] for i in range(5000)]
    seen = DigestSet(slots=16)
    assert all(seen.add(d) for d in digests) and len(seen) == 5000
    assert not any(seen.add(d) for d in digests[::7]) and len(seen) == 5000
    assert seen.add(bytes(16)) and not seen.add(
        bytes(16)
    )  # an all-zero digest is a digest like any other


def test_the_watermark_lines_are_those_of_earlier_imports():
    """Ledgers written before the streaming import hashed json.dumps(key, ensure_ascii=False)."""
    for key in [
        ("31/3/2020 10:02:03", "p1-i", DRAFT, 'Nhất trí "hoàn toàn"\r\nDòng hai\t\\ \u2028 😀'),
        ("", "", "", ""),
        ("\x00\x1f", "</script>", "x", "y"),
    ]:
        assert _key_line(key) == json.dumps(key, ensure_ascii=False).encode("utf-8") + b"\n"


def test_a_comment_sent_from_the_form_itself_counts_for_the_draft_open_when_it_was_sent():
    """Issue 30: a row with blank section and draft (the form opened without a prefilled link) is a
    general comment on the draft open at its time, whichever way the form writes the time; one sent
    before the first draft, or with a time that cannot be read, is not placed."""
    drafts = {"2020-03-31", "2020-05-18"}
    rows = [
        ["31/3/2020 08:00:00", "", "", "Trong ngày của bản đầu."],
        ["17/05/2020 23:59:59", "", "", "Ngày cuối của bản đầu."],
        ["2020-05-18 09:00:00", "", "", "Ngày đầu của bản thứ hai."],
        ["1/6/2020 10:00:00", "", "", "Sau bản thứ hai."],
        ["30/3/2020 10:00:00", "", "", "Trước bản đầu."],
        ["hôm qua", "", "", "Không đọc được thời gian."],
        ["1/6/2020 11:00:00", "p1-i", "", "Có mục, không có ngày."],
    ]
    out = io.StringIO()
    csv.writer(out).writerows([HEADER[:4], *rows])
    ledger: dict = {}
    result = import_stream(
        io.BytesIO(out.getvalue().encode("utf-8")),
        "e.csv",
        ledger,
        DEFAULT_COLUMNS,
        set(SECTIONS),
        drafts,
        rejected=RejectedRows(FIRST_ROWS),
    )
    assert total_counts(ledger) == {"2020-03-31": {"du-thao": 2}, "2020-05-18": {"du-thao": 2}}
    assert result.counted == 4
    # Spreadsheet rows (header = 1): before the first draft, an unreadable time, a section without a draft.
    assert result.rejected["unknown_draft"] == [6, 7, 8]


BROKEN_FOR_IMPORT = {  # case: (file, text replaced or "" for the whole file, its new text, the
    # text on the line the message must name, what the message must say)
    "mkdocs.yml syntax": (
        "mkdocs.yml",
        "  consultation:\n",
        "  consultation: x: y\n",
        "consultation: x: y",
        "YAML syntax error",
    ),
    "mkdocs.yml duplicate": (
        "mkdocs.yml",
        '    opens: "2026-11-20"',
        '    opens: "2026-11-20"\n    opens: "2026-11-21"',
        'opens: "2026-11-21"',
        "appears twice",
    ),
    "ma-muc-da-bo.yml syntax": (
        "docs/data/ma-muc-da-bo.yml",
        "",
        "p1-cu:\n  status: merged: p1-i\n",
        "status: merged:",
        "YAML syntax error",
    ),
    "gop-y.yml syntax": (
        "docs/data/gop-y.yml",
        "",
        'sources:\n  "abc":\n    rows: 2: 3\n',
        "rows: 2: 3",
        "YAML syntax error",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_FOR_IMPORT))
def test_the_import_stops_on_a_broken_file_it_reads_with_one_line_naming_file_and_line(
    case, project_copy, tmp_path
):
    """Issue 28: the import reads mkdocs.yml, the retired ids and the counts as the build does: a broken
    one stops it with one line, «file:line: …», in Vietnamese with the English kept, and writes nothing."""
    rel, old, new, marker, words = BROKEN_FOR_IMPORT[case]
    target = project_copy / rel
    text = target.read_text("utf-8") if target.exists() else ""
    assert old in text
    broken = text.replace(old, new, 1) if old else new
    target.write_text(broken, "utf-8")
    line = next(n for n, row in enumerate(broken.split("\n"), 1) if marker in row)
    rows, _ = export_rows(ok=3, empty=0, unknown_section=0, duplicate=0)
    done = run_import(write_export(tmp_path / "phieu.csv", rows), project_copy)
    assert done.returncode == 1 and done.stdout == ""
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1, done.stderr
    message = english(done.stderr.strip().removeprefix("import_comments: "))
    assert message.startswith(f"{rel}:{line}: ") and words in message, message
    assert target.read_text("utf-8") == broken  # nothing written
