"""Counting the comments received: read the comment form's CSV export, place every row in exactly
one count (a section of a draft, or one kind of rejected row), and keep only the counts.

No name, address, phone number or comment text leaves this module: the ledger it returns holds, per
export source, the number of rows already counted, one digest of those rows (to recognise the same
export, or a later export that starts with them), and counts."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field

from draftsite.messages import EditorError, EditorValueError

COLUMN_KEYS = ("section", "draft", "comment", "time")
DEFAULT_COLUMNS = {"section": "Mã mục", "draft": "Ngày dự thảo", "comment": "Nội dung góp ý", "time": "Dấu thời gian"}
REJECTED_KINDS = ("empty_comment", "unknown_draft", "unknown_section", "duplicate")
GENERAL_SECTION = "du-thao"  # the general comment link of every page: the whole draft


class CommentImportError(EditorError):
    """An export that cannot be counted (not UTF-8, a column missing, a changed history), with what to do
    (in Vietnamese, `vi`, with the English kept)."""


@dataclass
class SourceLedger:
    rows: int = 0  # data rows of this source already counted (the export's first `rows` rows)
    digest: str = ""  # sha256 over those rows' (time, section, draft, comment): recognises the same rows
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # draft date -> section id -> comments
    rejected: dict[str, int] = field(default_factory=dict)  # kind -> rows


@dataclass
class ImportResult:
    source: str
    total_rows: int
    new_rows: int
    counted: int
    rejected: dict[str, list[int]]  # kind -> spreadsheet row numbers (the header is row 1)


# The column titles to look for: `extra.consultation.export.columns` over the defaults.
def export_columns(consultation: dict | None) -> dict[str, str]:
    raw = ((consultation or {}).get("export") or {}).get("columns") or {}
    if not isinstance(raw, dict):
        raise CommentImportError("mkdocs.yml: extra.consultation.export.columns must map section, draft, comment, time "
                                 "to the column titles of the form's export",
                                 vi="mkdocs.yml: extra.consultation.export.columns phải ghi, cho section, draft, "
                                    "comment, time, tên cột tương ứng trong bản xuất của phiếu")
    unknown = set(raw) - set(COLUMN_KEYS)
    if unknown:
        raise CommentImportError(f"mkdocs.yml: extra.consultation.export.columns: unknown key(s) {', '.join(sorted(unknown))}; "
                                 f"use {', '.join(COLUMN_KEYS)}",
                                 vi=f"mkdocs.yml: extra.consultation.export.columns: khoá lạ "
                                    f"{', '.join(sorted(unknown))}; dùng {', '.join(COLUMN_KEYS)}")
    columns = dict(DEFAULT_COLUMNS)
    for key, title in raw.items():
        if not isinstance(title, str) or not title.strip():
            raise CommentImportError(f"mkdocs.yml: extra.consultation.export.columns.{key}: write the column's title as text",
                                     vi=f"mkdocs.yml: extra.consultation.export.columns.{key}: ghi tên cột bằng chữ")
        columns[key] = title
    return columns


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


# The records of a CSV export (UTF-8 with or without BOM, CRLF or LF, quoted multi-line cells).
def read_export(data: bytes, name: str) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommentImportError(f"{name}: not UTF-8 text (byte {error.start}); download the export again as CSV "
                                 "(Google Forms: Responses › Download responses (.csv))",
                                 vi=f"{name}: không phải văn bản UTF-8 (byte {error.start}); tải lại bản xuất dạng CSV "
                                    "(Google Forms: Câu trả lời › Tải xuống câu trả lời (.csv))") from error
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if row]


# Positions of the four columns in the header row, found by their titles.
def find_columns(header: list[str], columns: dict[str, str], name: str) -> dict[str, int]:
    titles = [_norm(h).casefold() for h in header]
    found, missing = {}, []
    for key in COLUMN_KEYS:
        wanted = _norm(columns[key]).casefold()
        if wanted in titles:
            found[key] = titles.index(wanted)
        else:
            missing.append(f"{key} «{columns[key]}»")
    if missing:
        raise CommentImportError(f"{name}: row 1: no column titled {', '.join(missing)}; the columns are: "
                                 f"{', '.join('«' + _norm(h) + '»' for h in header)}. Name the right titles in mkdocs.yml "
                                 "under extra.consultation.export.columns",
                                 vi=f"{name}: dòng 1: không có cột tên {', '.join(missing)}; các cột hiện có: "
                                    f"{', '.join('«' + _norm(h) + '»' for h in header)}. Ghi đúng tên cột trong "
                                    "mkdocs.yml, dưới extra.consultation.export.columns")
    return found


# The draft date a cell names: "2020-03-31", "du-thao-2020-03-31" or "31/3/2020"; None otherwise.
def parse_draft(cell: str) -> str | None:
    value = _norm(cell).lower().removeprefix("du-thao-")
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    day_first = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    year, month, day = (iso[1], iso[2], iso[3]) if iso else (day_first[3], day_first[2], day_first[1]) if day_first else (0, 0, 0)
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


# The draft open for comments at a response's time ("31/03/2020 10:02:03", "2020-03-31 10:02:03"):
# the latest known draft dated on or before that day; None when the time cannot be read.
def draft_open_at(time: str, drafts: set[str]) -> str | None:
    first = time.split()[0] if time.strip() else ""
    day = parse_draft(first.replace("/", "-") if re.match(r"\d{4}/", first) else first) if first else None
    earlier = sorted(d for d in drafts if day is not None and d <= day)
    return earlier[-1] if earlier else None


# The identity of an export's form when none is given: a digest of its column titles (not personal).
def source_of(header: list[str]) -> str:
    return hashlib.sha256("\x1f".join(_norm(h) for h in header).encode("utf-8")).hexdigest()[:12]


def _key(row: list[str], cols: dict[str, int]) -> tuple[str, str, str, str]:
    cell = lambda k: _norm(row[cols[k]]) if cols[k] < len(row) else ""  # noqa: E731 - a short row has empty cells
    return cell("time"), cell("section").lower(), cell("draft"), cell("comment")


# One digest of the first rows' keys: the same export, or a later one that starts with the same rows.
def rows_digest(keys: list[tuple[str, str, str, str]]) -> str:
    digest = hashlib.sha256()
    for key in keys:
        digest.update(json.dumps(key, ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()


# Count one export into `ledger` (a dict of source -> SourceLedger, changed in place). Only rows after
# those already counted from the same source are added; `recount` counts this export afresh.
def import_export(data: bytes, name: str, ledger: dict[str, SourceLedger], columns: dict[str, str],
                  sections: set[str], drafts: set[str], source: str | None = None, recount: bool = False) -> ImportResult:
    records = read_export(data, name)
    if not records:
        raise CommentImportError(f"{name}: the file is empty; download the export again",
                                 vi=f"{name}: tệp rỗng; tải lại bản xuất")
    header, rows = records[0], records[1:]
    cols = find_columns(header, columns, name)
    source = source or source_of(header)
    keys = [_key(row, cols) for row in rows]
    previous = ledger.get(source)
    if previous is None or recount:
        previous = SourceLedger()
    if previous.rows and (len(keys) < previous.rows or rows_digest(keys[:previous.rows]) != previous.digest):
        raise CommentImportError(
            f"{name}: this export does not start with the {previous.rows} rows already counted from the same form "
            f"(source {source}): a response was deleted, edited or the rows were re-sorted. Download the full export "
            "again, or count this export afresh, replacing the earlier counts of this form: add --recount",
            vi=f"{name}: bản xuất này không bắt đầu bằng {previous.rows} dòng đã đếm trước đây từ cùng phiếu (nguồn "
               f"{source}): có câu trả lời đã bị xoá, bị sửa, hoặc các dòng đã bị sắp xếp lại. Tải lại toàn bộ bản "
               "xuất, hoặc đếm lại bản xuất này từ đầu, thay cho số đã đếm trước đây của phiếu này: thêm --recount")
    entry = SourceLedger(previous.rows, previous.digest, {d: dict(s) for d, s in previous.counts.items()},
                         dict(previous.rejected))
    seen: set[tuple[str, str, str, str]] = set()
    rejected: dict[str, list[int]] = {kind: [] for kind in REJECTED_KINDS}
    counted = 0
    for index, key in enumerate(keys):
        time, section, draft_cell, comment = key
        draft = parse_draft(draft_cell)
        if not section and not draft_cell:  # sent from the form itself, not from a prefilled link
            section, draft = GENERAL_SECTION, draft_open_at(time, drafts)
        if not comment:
            kind = "empty_comment"
        elif draft is None or draft not in drafts:
            kind = "unknown_draft"
        elif section not in sections and section != GENERAL_SECTION:
            kind = "unknown_section"
        elif key in seen:
            kind = "duplicate"
        else:
            kind = None
            seen.add(key)
        if index < previous.rows:
            continue  # counted by an earlier import
        if kind is None:
            by_section = entry.counts.setdefault(draft, {})
            by_section[section] = by_section.get(section, 0) + 1
            counted += 1
        else:
            rejected[kind].append(index + 2)  # spreadsheet row: the header is row 1
            entry.rejected[kind] = entry.rejected.get(kind, 0) + 1
    entry.rows, entry.digest = len(keys), rows_digest(keys)
    ledger[source] = entry
    return ImportResult(source, len(keys), len(keys) - previous.rows, counted, rejected)


# The ledger file's content (YAML, stable order, counts and digests only).
def dump_ledger(ledger: dict[str, SourceLedger]) -> str:
    lines = ["# Comments received, counted by tools/import_comments.py. Do not edit by hand.",
             "# Counts only: no name, address, phone number or comment text (see README, «Comments received»).",
             "# Per form export (source): the rows already counted, one digest of those rows, and the counts",
             "# per draft and section, plus the rows that could not be placed, per kind.",
             "sources:" + ("" if ledger else " {}")]
    for source in sorted(ledger):
        entry = ledger[source]
        lines += [f'  "{source}":', f"    rows: {entry.rows}", f'    digest: "{entry.digest}"',
                  "    counts:" + ("" if entry.counts else " {}")]
        for draft in sorted(entry.counts):
            lines.append(f'      "{draft}":')
            lines += [f"        {section}: {n}" for section, n in sorted(entry.counts[draft].items())]
        kinds = [k for k in REJECTED_KINDS if entry.rejected.get(k)]
        lines.append("    rejected:" + ("" if kinds else " {}"))
        lines += [f"      {kind}: {entry.rejected[kind]}" for kind in kinds]
    return "\n".join(lines) + "\n"


# The ledger from the parsed YAML of the file; every problem raises ValueError naming the key.
def parse_ledger(raw: object, name: str) -> dict[str, SourceLedger]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), dict):
        raise EditorValueError(f"{name}: expected `sources:`; the file is written by tools/import_comments.py — "
                               "restore it from git and import again",
                               vi=f"{name}: thiếu `sources:`; tệp này do tools/import_comments.py ghi — khôi phục tệp "
                                  "từ git rồi nhập lại")
    ledger = {}
    for source, entry in raw["sources"].items():
        where = f"{name}: sources.{source}"
        if not isinstance(entry, dict) or not isinstance(entry.get("rows"), int) or not isinstance(entry.get("digest"), str):
            raise EditorValueError(f"{where}: needs `rows:` and `digest:`; restore the file from git and import again",
                                   vi=f"{where}: cần có `rows:` và `digest:`; khôi phục tệp từ git rồi nhập lại")
        counts = entry.get("counts") or {}
        rejected = entry.get("rejected") or {}
        if not isinstance(counts, dict) or not isinstance(rejected, dict):
            raise EditorValueError(f"{where}: `counts:` and `rejected:` must be mappings",
                                   vi=f"{where}: `counts:` và `rejected:` phải là nhóm khoá; khôi phục tệp từ git rồi "
                                      "nhập lại")
        parsed: dict[str, dict[str, int]] = {}
        for draft, sections in counts.items():
            draft_key = draft.isoformat() if isinstance(draft, dt.date) else str(draft)
            if parse_draft(draft_key) != draft_key or not isinstance(sections, dict):
                raise EditorValueError(f"{where}.counts.{draft_key}: not a draft date (YYYY-MM-DD) with section counts",
                                       vi=f"{where}.counts.{draft_key}: không phải ngày bản dự thảo (YYYY-MM-DD) kèm số "
                                          "góp ý theo mục")
            for section, n in sections.items():
                if isinstance(n, bool) or not isinstance(n, int) or n < 0:
                    raise EditorValueError(f"{where}.counts.{draft_key}.{section}: {n!r} is not a count",
                                           vi=f"{where}.counts.{draft_key}.{section}: {n!r} không phải một số đếm")
            parsed[draft_key] = {str(s): n for s, n in sections.items()}
        for kind, n in rejected.items():
            if kind not in REJECTED_KINDS or isinstance(n, bool) or not isinstance(n, int):
                raise EditorValueError(f"{where}.rejected.{kind}: use one of {', '.join(REJECTED_KINDS)} with a count",
                                       vi=f"{where}.rejected.{kind}: dùng một trong {', '.join(REJECTED_KINDS)}, kèm "
                                          "một số đếm")
        ledger[str(source)] = SourceLedger(entry["rows"], entry["digest"], parsed, dict(rejected))
    return ledger


# Counts of all sources together: draft date -> section id -> comments.
def total_counts(ledger: dict[str, SourceLedger]) -> dict[str, dict[str, int]]:
    totals: dict[str, dict[str, int]] = {}
    for entry in ledger.values():
        for draft, sections in entry.counts.items():
            into = totals.setdefault(draft, {})
            for section, n in sections.items():
                into[section] = into.get(section, 0) + n
    return totals


# Rejected rows of all sources together, per kind.
def total_rejected(ledger: dict[str, SourceLedger]) -> dict[str, int]:
    return {kind: sum(e.rejected.get(kind, 0) for e in ledger.values()) for kind in REJECTED_KINDS}
