"""Count the comments received: `python tools/import_comments.py EXPORT.csv`.

Reads the comment form's CSV export (UTF-8 with or without BOM, CRLF line ends, quoted multi-line
cells), finds its columns by the titles in mkdocs.yml (`extra.consultation.export.columns`), and
adds the rows it has not counted before to docs/data/gop-y.yml: counts per draft and section, and
the rows it could not place (empty comment, unknown draft, unknown section, exact duplicate); when
the export has a paragraph column (`columns.paragraph`, default title «Mã đoạn»), counts per
paragraph too. It prints how many of each kind, the first row numbers of each, and the file where
every such row number was written (beside the export, or in the system's temporary folder when the
export is inside the project). The export is read one row at a time: memory stays flat whatever its length. Names,
addresses, phone numbers and comment texts are read, never written.

Options: --source NAME names the form when two forms share the same columns; --recount counts this
export afresh, replacing the earlier counts of its form; --project DIR is the site's folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from draftsite.checks.data_files import DataFileError, read_yaml_file  # noqa: E402
from draftsite.checks.settings_file import read_editor_settings  # noqa: E402
from draftsite.comments.comment_import import (  # noqa: E402
    REJECTED_KINDS,
    CommentImportError,
    ImportResult,
    RejectedRows,
    dump_ledger,
    export_columns,
    import_stream,
    parse_ledger,
)
from draftsite.comments.consultation import load_consultation  # noqa: E402
from draftsite.document.model import load_document  # noqa: E402
from draftsite.messages import EditorError, EditorValueError, bilingual  # noqa: E402
from draftsite.revisions.revisions import load_retired_ids  # noqa: E402

COUNTS_FILE = Path("docs/data/gop-y.yml")
RETIRED_FILE = "data/ma-muc-da-bo.yml"
KIND_TEXT = {
    "empty_comment": "empty comment",
    "unknown_draft": "unknown draft",
    "unknown_section": "unknown section",
    "duplicate": "exact duplicate",
}
KIND_TEXT_VI = {
    "empty_comment": "nội dung góp ý để trống",
    "unknown_draft": "không rõ bản dự thảo",
    "unknown_section": "không rõ mục",
    "duplicate": "trùng lặp hoàn toàn",
}
FIRST_ROWS = 10  # row numbers printed per kind; the file of row numbers has them all


def retired_ids(project: Path, sections: set[str]) -> set[str]:
    """The ids of earlier drafts' sections (docs/data/ma-muc-da-bo.yml); its messages name the file
    from the project's folder, as the build's do."""
    try:
        return set(load_retired_ids(project / "docs" / RETIRED_FILE, sections))
    except EditorError as error:  # the build says the same through messages.prefixed
        vi = f"docs/{error.vi}" if error.vi else ""
        raise EditorValueError(f"docs/{error.english}", vi=vi) from None


def known_drafts(project: Path, consultation: dict) -> set[str]:
    """The draft dates comments may name: the draft in mkdocs.yml and every published draft's tag."""
    drafts = {str(consultation["draft"]["date"])}
    try:
        tags = subprocess.run(
            ["git", "tag", "--list", "du-thao-*"],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
    except OSError:
        tags = []
    return drafts | {tag.removeprefix("du-thao-") for tag in tags}


def row_numbers_path(export: Path, project: Path) -> Path:
    """Where every row number not placed is written: beside the export, unless the export lies inside the
    project (nothing of an export belongs in the repository) or its folder cannot be written to; then
    the system's temporary folder."""
    export = export.resolve()
    folder = export.parent
    if folder == project or project in folder.parents or not os.access(folder, os.W_OK):
        folder = Path(tempfile.gettempdir())
    return folder / f"{export.stem}.not-placed.csv"


class RowNumbersFile:
    """The file of row numbers not placed (CSV: row,kind), opened at the first such row."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: TextIO | None = None

    def write(self, kind: str, row: int) -> None:
        """Write one row number and its kind."""
        if self._file is None:
            self._file = self.path.open("w", encoding="utf-8", newline="")
            self._file.write("row,kind\n")
        self._file.write(f"{row},{kind}\n")

    @property
    def written(self) -> bool:
        """Whether anything was written."""
        return self._file is not None

    def close(self, keep: bool = True) -> None:
        """Close the file; `keep=False` removes it (the import stopped: its rows are not counted)."""
        if self._file is not None:
            self._file.close()
            if not keep:
                self.path.unlink(missing_ok=True)


def rejected_lines(result: ImportResult) -> list[str]:
    """What the import says about the rows it could not place: one line per kind, with its first rows
    (in Vietnamese, with the English kept)."""
    lines = []
    for kind in REJECTED_KINDS:
        total, first = result.rejected_total.get(kind, 0), result.rejected[kind]
        if not total:
            continue
        word = "rows" if total > 1 else "row"
        numbers = ", ".join(map(str, first))
        more = f" and {total - len(first)} more" if total > len(first) else ""
        more_vi = f" và {total - len(first)} dòng khác" if total > len(first) else ""
        lines.append(
            "  "
            + bilingual(
                f"not placed, {KIND_TEXT[kind]}: {total} ({word} {numbers}{more})",
                f"không xếp được vào mục nào, {KIND_TEXT_VI[kind]}: {total} (dòng {numbers}"
                f"{more_vi} trong bảng tính)",
            )
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Import one export into the project's counts; returns the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path, help="the form's CSV export")
    parser.add_argument(
        "--source", help="a name for the form, when two forms share the same column titles"
    )
    parser.add_argument(
        "--recount",
        action="store_true",
        help="count this export afresh, replacing its form's counts",
    )
    parser.add_argument(
        "--project", type=Path, default=ROOT, help="the site's folder (where mkdocs.yml is)"
    )
    args = parser.parse_args(argv)
    project = args.project.resolve()
    row_file = RowNumbersFile(row_numbers_path(args.export, project))
    try:
        # The build's own reader: a syntax error or a key written twice is named with its line.
        settings = read_editor_settings((project / "mkdocs.yml").read_text(encoding="utf-8"))
        load_consultation(settings)  # stops on a wrong setting as the build would
        consultation = settings["consultation"]
        columns = export_columns(consultation)
        sections = {s.id for s in load_document(project / "docs", "vi").sections}
        sections |= retired_ids(project, sections)  # ids of earlier drafts
        counts_path = project / COUNTS_FILE
        ledger = parse_ledger(
            read_yaml_file(counts_path, COUNTS_FILE.as_posix()), COUNTS_FILE.as_posix()
        )
        with args.export.open("rb") as stream:
            result = import_stream(
                stream,
                args.export.name,
                ledger,
                columns,
                sections,
                known_drafts(project, consultation),
                args.source,
                args.recount,
                RejectedRows(FIRST_ROWS, row_file.write),
            )
    except (CommentImportError, DataFileError, ValueError, OSError, KeyError, TypeError) as error:
        row_file.close(keep=False)
        print(f"import_comments: {_editor_message(error)}", file=sys.stderr)
        return 1
    row_file.close()
    print(
        bilingual(
            f"{args.export.name}: {result.total_rows} rows, {result.new_rows} not counted before "
            f"(form {result.source}).",
            f"{args.export.name}: {result.total_rows} dòng, {result.new_rows} dòng chưa đếm trước đây "
            f"(phiếu {result.source}).",
        )
    )
    if not result.new_rows:
        print(
            bilingual(
                "Nothing new: every row of this export was counted before; the counts are unchanged.",
                "Không có gì mới: mọi dòng của bản xuất này đã được đếm trước đây; số liệu không thay đổi.",
            )
        )
        return 0
    print(
        "  "
        + bilingual(f"counted by section: {result.counted}", f"đã đếm theo mục: {result.counted}")
    )
    if result.by_paragraph:  # the export has a paragraph column (extra.consultation.export.columns)
        print(
            "  "
            + bilingual(
                f"of which naming a paragraph: {result.by_paragraph}",
                f"trong đó có ghi mã đoạn: {result.by_paragraph}",
            )
        )
    for line in rejected_lines(result):
        print(line)
    if row_file.written:
        print(
            bilingual(
                f"Every row not placed, by number (row,kind): {row_file.path}",
                f"Số thứ tự của mọi dòng không xếp được vào mục nào (row,kind): {row_file.path}",
            )
        )
    temporary = counts_path.with_suffix(".tmp")
    temporary.write_text(dump_ledger(ledger), encoding="utf-8")
    os.replace(temporary, counts_path)
    print(
        bilingual(
            f"Wrote {COUNTS_FILE.as_posix()}: counts only. Review it, then commit it.",
            f"Đã ghi {COUNTS_FILE.as_posix()}: chỉ có số lượng. Xem lại tệp, rồi commit tệp.",
        )
    )
    return 0


def _editor_message(error: Exception) -> str:
    """An error as the editor reads it: the checks' own errors speak Vietnamese already; the others are
    said in Vietnamese around Python's words."""
    if isinstance(error, EditorError):
        return str(error)
    if isinstance(error, OSError):
        return bilingual(str(error), f"không đọc hoặc ghi được tệp: {error}")
    if isinstance(error, (KeyError, TypeError)):
        return bilingual(
            str(error),
            f"mkdocs.yml thiếu khối extra.consultation hoặc khối đó không đúng dạng ({error})",
        )
    return bilingual(str(error), f"không nhập được số góp ý: {error}")


if __name__ == "__main__":
    sys.exit(main())
