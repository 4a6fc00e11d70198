"""Counting the comments received: read the comment form's CSV export, place every row in exactly
one count (a section of a draft, or one kind of rejected row), and keep only the counts.

No name, address, phone number or comment text leaves this module: the ledger it returns holds, per
export source, the number of rows already counted, one digest of those rows (to recognise the same
export, or a later export that starts with them), and counts.

The export is read as a stream, one row at a time, so that memory stays flat whatever its length:
the watermark digest is updated as the rows pass, and exact duplicates are recognised by a 16-byte
digest per distinct counted row, kept in memory only for the length of the import (`DigestSet`)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import json
import re
import struct
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import BinaryIO

from draftsite.checks.data_files import line_of
from draftsite.messages import EditorError, EditorValueError

COLUMN_KEYS = ("section", "draft", "comment", "time")
PARAGRAPH_COLUMN = "paragraph"  # optional: the paragraph commented on (issue 27)
DEFAULT_COLUMNS = {
    "section": "Mã mục",
    "draft": "Ngày dự thảo",
    "comment": "Nội dung góp ý",
    "time": "Dấu thời gian",
}
DEFAULT_PARAGRAPH_TITLE = "Mã đoạn"  # looked for when `columns.paragraph` is not set
# A paragraph id as the site makes them (`<section-id>-d<n>`); any other value counts for the section only.
PARAGRAPH_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*-d[0-9]+")
REJECTED_KINDS = ("empty_comment", "unknown_draft", "unknown_section", "duplicate")
GENERAL_SECTION = "du-thao"  # the general comment link of every page: the whole draft


class CommentImportError(EditorError):
    """An export that cannot be counted (not UTF-8, a column missing, a changed history), with what to do
    (in Vietnamese, `vi`, with the English kept)."""


@dataclass
class SourceLedger:
    """What has been counted from one export file: how many rows, their digest, the counts."""

    rows: int = 0  # data rows of this source already counted (the export's first `rows` rows)
    digest: str = (
        ""  # sha256 over those rows' (time, section, draft, comment): recognises the same rows
    )
    counts: dict[str, dict[str, int]] = field(
        default_factory=dict
    )  # draft date -> section id -> comments
    rejected: dict[str, int] = field(default_factory=dict)  # kind -> rows
    paragraphs: dict[str, dict[str, dict[str, int]]] = field(
        default_factory=dict
    )  # draft date -> section id -> paragraph id -> comments (rows counted that name a paragraph)


@dataclass
class ImportResult:
    """What one import did: the source, its rows, the rows new since the last import."""

    source: str
    total_rows: int
    new_rows: int
    counted: int
    rejected: dict[
        str, list[int]
    ]  # kind -> spreadsheet row numbers (the header is row 1), the first `keep`
    rejected_total: dict[str, int] = field(
        default_factory=dict
    )  # kind -> rows not placed (all of them)
    by_paragraph: int = 0  # new rows counted that name a paragraph


class RejectedRows:
    """The new rows that could not be placed, per kind: how many, the first `keep` row numbers of each
    kind (all of them when `keep` is None), and every row number handed to `write(kind, row)`."""

    def __init__(
        self, keep: int | None = None, write: Callable[[str, int], None] | None = None
    ) -> None:
        self.keep, self.write = keep, write
        self.total: dict[str, int] = {kind: 0 for kind in REJECTED_KINDS}
        self.first: dict[str, list[int]] = {kind: [] for kind in REJECTED_KINDS}

    def add(self, kind: str, row: int) -> None:
        """Note one row (its spreadsheet number) that could not be placed, as `kind`."""
        self.total[kind] += 1
        if self.keep is None or len(self.first[kind]) < self.keep:
            self.first[kind].append(row)
        if self.write is not None:
            self.write(kind, row)


class DigestSet:
    """A set of 16-byte digests in one bytearray (open addressing, linear probing, doubled before it
    is more than half full): 32 to 64 bytes per distinct row, whatever the length of its comment; a
    Python set of 16-byte `bytes` takes about 80 (49 for the object, 33 in the set's table)."""

    SIZE = 16

    def __init__(self, slots: int = 1 << 16) -> None:
        self._table = bytearray(slots * self.SIZE)
        self._mask = slots - 1
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, digest: bytes) -> bool:
        """Add `digest` (SIZE bytes); whether it was not there yet."""
        if 2 * (self._count + 1) > self._mask + 1:
            self._grow()
        digest = (
            bytes([digest[0] | 1]) + digest[1 : self.SIZE]
        )  # never all zero: that marks a free slot
        return self._place(self._table, self._mask, digest)

    def _place(self, table: bytearray, mask: int, digest: bytes) -> bool:
        size = self.SIZE
        slot = int.from_bytes(digest[:8], "little") & mask
        while True:
            start = slot * size
            held = table[start : start + size]
            if held == digest:
                return False
            if held == _FREE:
                table[start : start + size] = digest
                self._count += 1
                return True
            slot = (slot + 1) & mask

    def _grow(self) -> None:
        """Twice the slots, every digest placed again."""
        old = self._table
        slots = 2 * (self._mask + 1)
        self._table, self._mask, self._count = bytearray(slots * self.SIZE), slots - 1, 0
        for (digest,) in struct.iter_unpack(f"{self.SIZE}s", old):
            if digest != _FREE:
                self._place(self._table, self._mask, digest)


_FREE = bytes(DigestSet.SIZE)


def export_columns(consultation: dict | None) -> dict[str, str]:
    """The column titles to look for: `extra.consultation.export.columns` over the defaults (the
    optional `paragraph` column only when it is set)."""
    export = (consultation or {}).get("export") or {}
    if not isinstance(export, dict):
        raise CommentImportError(
            "mkdocs.yml: extra.consultation.export must be a block with `columns:` mapping "
            "section, draft, comment, time to the column titles of the form's export",
            vi="mkdocs.yml: extra.consultation.export phải là một khối có `columns:` ghi, cho "
            "section, draft, comment, time, tên cột tương ứng trong bản xuất của phiếu",
        )
    raw = export.get("columns") or {}
    if not isinstance(raw, dict):
        raise CommentImportError(
            "mkdocs.yml: extra.consultation.export.columns must map section, draft, comment, time "
            "to the column titles of the form's export",
            vi="mkdocs.yml: extra.consultation.export.columns phải ghi, cho section, draft, "
            "comment, time, tên cột tương ứng trong bản xuất của phiếu",
        )
    keys = (*COLUMN_KEYS, PARAGRAPH_COLUMN)
    unknown = set(raw) - set(keys)
    if unknown:
        raise CommentImportError(
            f"mkdocs.yml: extra.consultation.export.columns: unknown key(s) {', '.join(sorted(unknown))}; "
            f"use {', '.join(keys)}",
            vi=f"mkdocs.yml: extra.consultation.export.columns: khoá lạ "
            f"{', '.join(sorted(unknown))}; dùng {', '.join(keys)}",
        )
    columns = dict(DEFAULT_COLUMNS)
    for key, title in raw.items():
        if not isinstance(title, str) or not title.strip():
            raise CommentImportError(
                f"mkdocs.yml: extra.consultation.export.columns.{key}: write the column's title as text",
                vi=f"mkdocs.yml: extra.consultation.export.columns.{key}: ghi tên cột bằng chữ",
            )
        columns[key] = title
    return columns


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def read_export(data: bytes, name: str) -> list[list[str]]:
    """The records of a CSV export (UTF-8 with or without BOM, CRLF or LF, quoted multi-line cells)."""
    return list(export_records(io.BytesIO(data), name))


def export_records(stream: BinaryIO, name: str) -> Iterator[list[str]]:
    """The records of a CSV export read from a binary stream, one at a time (empty records skipped). The
    delimiter is the commonest of , ; and tab in the first line. Text that is not UTF-8 raises
    CommentImportError naming the record it was met in."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    records = 0
    try:
        first = text.readline()
        delimiter = max((",", ";", "\t"), key=first.split("\n", 1)[0].count)
        for row in csv.reader(itertools.chain([first], text), delimiter=delimiter):
            if row:
                records += 1
                yield row
    except UnicodeDecodeError:
        raise CommentImportError(
            f"{name}: not UTF-8 text (at row {records + 1} or just after it); download the export "
            "again as CSV (Google Forms: Responses › Download responses (.csv))",
            vi=f"{name}: không phải văn bản UTF-8 (ở dòng {records + 1} hoặc ngay sau đó); tải lại "
            "bản xuất dạng CSV (Google Forms: Câu trả lời › Tải xuống câu trả lời (.csv))",
        ) from None
    finally:
        text.detach()


def find_columns(header: list[str], columns: dict[str, str], name: str) -> dict[str, int]:
    """Positions of the four columns in the header row, found by their titles, and of the paragraph
    column when the export has it (required only when `columns` names it)."""
    titles = [_norm(h).casefold() for h in header]
    found, missing = {}, []
    for key in COLUMN_KEYS:
        wanted = _norm(columns[key]).casefold()
        if wanted in titles:
            found[key] = titles.index(wanted)
        else:
            missing.append(f"{key} «{columns[key]}»")
    paragraph = _norm(columns.get(PARAGRAPH_COLUMN, DEFAULT_PARAGRAPH_TITLE)).casefold()
    if paragraph in titles:
        found[PARAGRAPH_COLUMN] = titles.index(paragraph)
    elif PARAGRAPH_COLUMN in columns:
        missing.append(f"{PARAGRAPH_COLUMN} «{columns[PARAGRAPH_COLUMN]}»")
    if missing:
        raise CommentImportError(
            f"{name}: row 1: no column titled {', '.join(missing)}; the columns are: "
            f"{', '.join('«' + _norm(h) + '»' for h in header)}. Name the right titles in mkdocs.yml "
            "under extra.consultation.export.columns",
            vi=f"{name}: dòng 1: không có cột tên {', '.join(missing)}; các cột hiện có: "
            f"{', '.join('«' + _norm(h) + '»' for h in header)}. Ghi đúng tên cột trong "
            "mkdocs.yml, dưới extra.consultation.export.columns",
        )
    return found


@lru_cache(maxsize=4096)  # an export names a few drafts, in a few spellings, on every row
def parse_draft(cell: str) -> str | None:
    """The draft date a cell names: "2020-03-31", "du-thao-2020-03-31" or "31/3/2020"; None otherwise."""
    value = _norm(cell).lower().removeprefix("du-thao-")
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    day_first = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    year, month, day = (
        (iso[1], iso[2], iso[3])
        if iso
        else (day_first[3], day_first[2], day_first[1])
        if day_first
        else (0, 0, 0)
    )
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def draft_open_at(time: str, drafts: set[str]) -> str | None:
    """The draft open for comments at a response's time ("31/03/2020 10:02:03", "2020-03-31 10:02:03"):
    the latest known draft dated on or before that day; None when the time cannot be read."""
    first = time.split()[0] if time.strip() else ""
    return _draft_open_on(first, frozenset(drafts))


@lru_cache(maxsize=4096)  # one answer per day written in the export
def _draft_open_on(first: str, drafts: frozenset[str]) -> str | None:
    day = (
        parse_draft(first.replace("/", "-") if re.match(r"\d{4}/", first) else first)
        if first
        else None
    )
    earlier = sorted(d for d in drafts if day is not None and d <= day)
    return earlier[-1] if earlier else None


def source_of(header: list[str]) -> str:
    """The identity of an export's form when none is given: a digest of its column titles (not personal)."""
    return hashlib.sha256("\x1f".join(_norm(h) for h in header).encode("utf-8")).hexdigest()[:12]


def _key(row: list[str], cols: dict[str, int]) -> tuple[str, str, str, str]:
    cell = lambda k: _norm(row[cols[k]]) if cols[k] < len(row) else ""  # noqa: E731 - a short row has empty cells
    return cell("time"), cell("section").lower(), cell("draft"), cell("comment")


def _key_line(key: tuple[str, str, str, str]) -> bytes:
    """The line of one row's key in the watermark digest (and, hashed alone, its identity for duplicates):
    the key as json.dumps(key, ensure_ascii=False) writes it, with json's own string encoder (a third
    of the time of json.dumps, which the import would otherwise spend most of its time in)."""
    return ("[" + ", ".join(map(_json_string, key)) + "]\n").encode("utf-8")


_json_string = (
    json.encoder.encode_basestring
)  # what json.dumps(…, ensure_ascii=False) writes a text as


def rows_digest(keys: list[tuple[str, str, str, str]]) -> str:
    """One digest of the first rows' keys: the same export, or a later one that starts with the same rows."""
    digest = hashlib.sha256()
    for key in keys:
        digest.update(_key_line(key))
    return digest.hexdigest()


def import_export(
    data: bytes,
    name: str,
    ledger: dict[str, SourceLedger],
    columns: dict[str, str],
    sections: set[str],
    drafts: set[str],
    source: str | None = None,
    recount: bool = False,
) -> ImportResult:
    """Count one export into `ledger` (a dict of source -> SourceLedger, changed in place). Only rows after
    those already counted from the same source are added; `recount` counts this export afresh."""
    return import_stream(io.BytesIO(data), name, ledger, columns, sections, drafts, source, recount)


def import_stream(
    stream: BinaryIO,
    name: str,
    ledger: dict[str, SourceLedger],
    columns: dict[str, str],
    sections: set[str],
    drafts: set[str],
    source: str | None = None,
    recount: bool = False,
    rejected: RejectedRows | None = None,
) -> ImportResult:
    """The same, reading the export from a binary stream one row at a time: memory stays flat whatever its
    length (the watermark digest is updated as the rows pass; duplicates are recognised by a 16-byte
    digest per distinct counted row). `rejected` receives the rows that cannot be placed (default: keeps
    every row number in memory, as ImportResult.rejected). The ledger changes only if the whole export
    could be read and fits its watermark."""
    records = export_records(stream, name)
    header = next(records, None)
    if header is None:
        raise CommentImportError(
            f"{name}: the file is empty; download the export again",
            vi=f"{name}: tệp rỗng; tải lại bản xuất",
        )
    cols = find_columns(header, columns, name)
    source = source or source_of(header)
    previous = ledger.get(source)
    if previous is None or recount:
        previous = SourceLedger()
    entry = SourceLedger(
        previous.rows,
        previous.digest,
        {d: dict(s) for d, s in previous.counts.items()},
        dict(previous.rejected),
        {d: {s: dict(p) for s, p in by.items()} for d, by in previous.paragraphs.items()},
    )
    rejected = rejected if rejected is not None else RejectedRows()
    seen = DigestSet()
    watermark = hashlib.sha256()
    counted = rows = by_paragraph = 0
    for index, row in enumerate(records):
        if index == previous.rows and previous.rows and watermark.hexdigest() != previous.digest:
            raise _rewritten(name, previous, source)
        key = _key(row, cols)
        line = _key_line(key)
        watermark.update(line)
        rows = index + 1
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
        elif not seen.add(hashlib.sha256(line).digest()[: DigestSet.SIZE]):
            kind = "duplicate"
        else:
            kind = None
        if index < previous.rows:
            continue  # counted by an earlier import
        if kind is None:
            by_section = entry.counts.setdefault(draft, {})
            by_section[section] = by_section.get(section, 0) + 1
            counted += 1
            paragraph = _paragraph(row, cols)
            if paragraph:
                of_section = entry.paragraphs.setdefault(draft, {}).setdefault(section, {})
                of_section[paragraph] = of_section.get(paragraph, 0) + 1
                by_paragraph += 1
        else:
            rejected.add(kind, index + 2)  # spreadsheet row: the header is row 1
            entry.rejected[kind] = entry.rejected.get(kind, 0) + 1
    if previous.rows and (
        rows < previous.rows or (rows == previous.rows and watermark.hexdigest() != previous.digest)
    ):
        raise _rewritten(name, previous, source)
    entry.rows, entry.digest = rows, watermark.hexdigest()
    ledger[source] = entry
    return ImportResult(
        source,
        rows,
        rows - previous.rows,
        counted,
        rejected.first,
        dict(rejected.total),
        by_paragraph,
    )


def _paragraph(row: list[str], cols: dict[str, int]) -> str | None:
    """The paragraph id a counted row names in the paragraph column, if the export has one and the cell
    holds an id; None otherwise (the row then counts for its section only)."""
    at = cols.get(PARAGRAPH_COLUMN)
    if at is None or at >= len(row):
        return None
    value = _norm(row[at]).lower()
    return value if PARAGRAPH_ID.fullmatch(value) else None


def _rewritten(name: str, previous: SourceLedger, source: str) -> CommentImportError:
    return CommentImportError(
        f"{name}: this export does not start with the {previous.rows} rows already counted from the same form "
        f"(source {source}): a response was deleted, edited or the rows were re-sorted. Download the full export "
        "again, or count this export afresh, replacing the earlier counts of this form: add --recount",
        vi=f"{name}: bản xuất này không bắt đầu bằng {previous.rows} dòng đã đếm trước đây từ cùng phiếu (nguồn "
        f"{source}): có câu trả lời đã bị xoá, bị sửa, hoặc các dòng đã bị sắp xếp lại. Tải lại toàn bộ bản "
        "xuất, hoặc đếm lại bản xuất này từ đầu, thay cho số đã đếm trước đây của phiếu này: thêm --recount",
    )


def dump_ledger(ledger: dict[str, SourceLedger]) -> str:
    """The ledger file's content (YAML, stable order, counts and digests only)."""
    lines = [
        "# Comments received, counted by tools/import_comments.py. Do not edit by hand.",
        "# Counts only: no name, address, phone number or comment text (see README, «Comments received»).",
        "# Per form export (source): the rows already counted, one digest of those rows, and the counts",
        "# per draft and section, plus the rows that could not be placed, per kind (and, when the export has a",
        "# paragraph column, the counts per draft and paragraph).",
        "sources:" + ("" if ledger else " {}"),
    ]
    for source in sorted(ledger):
        entry = ledger[source]
        lines += [
            f'  "{source}":',
            f"    rows: {entry.rows}",
            f'    digest: "{entry.digest}"',
            "    counts:" + ("" if entry.counts else " {}"),
        ]
        for draft in sorted(entry.counts):
            lines.append(f'      "{draft}":')
            lines += [
                f"        {section}: {n}" for section, n in sorted(entry.counts[draft].items())
            ]
        kinds = [k for k in REJECTED_KINDS if entry.rejected.get(k)]
        lines.append("    rejected:" + ("" if kinds else " {}"))
        lines += [f"      {kind}: {entry.rejected[kind]}" for kind in kinds]
        if any(entry.paragraphs.values()):  # written only when the export names paragraphs
            lines.append("    paragraphs:")
            for draft in sorted(entry.paragraphs):
                lines.append(f'      "{draft}":')
                for section, counted in sorted(entry.paragraphs[draft].items()):
                    lines.append(f"        {section}:")
                    lines += [f"          {pid}: {n}" for pid, n in sorted(counted.items())]
    return "\n".join(lines) + "\n"


def parse_ledger(raw: object, name: str) -> dict[str, SourceLedger]:
    """The ledger from the parsed YAML of the file (`load_yaml`, so that messages name the line); every
    problem raises ValueError (EditorValueError, in Vietnamese too) as `name:LINE: what is wrong; what to do`."""
    restore = "restore the file from git (git checkout -- docs/data/gop-y.yml) and import the export again"
    restore_vi = "khôi phục tệp từ git (git checkout -- docs/data/gop-y.yml) rồi nhập lại bản xuất"
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), dict):
        line = line_of(raw, "sources")
        raise EditorValueError(
            f"{name}:{line}: expected `sources:` with one block per form; the file is "
            f"written by tools/import_comments.py: {restore}",
            vi=f"{name}:{line}: thiếu `sources:` với mỗi phiếu một khối; tệp này do "
            f"tools/import_comments.py ghi: {restore_vi}",
        )
    ledger = {}
    sources = raw["sources"]
    for source, entry in sources.items():
        where = f"{name}:{line_of(sources, source)}: sources.{source}"
        if (
            not isinstance(entry, dict)
            or not _is_count(entry.get("rows"))
            or not isinstance(entry.get("digest"), str)
        ):
            raise EditorValueError(
                f"{where}: needs `rows:` (a number) and `digest:` (a text); {restore}",
                vi=f"{where}: cần có `rows:` (một số) và `digest:` (một đoạn chữ); {restore_vi}",
            )
        counts = entry.get("counts") or {}
        rejected = entry.get("rejected") or {}
        if not isinstance(counts, dict) or not isinstance(rejected, dict):
            key = "counts" if not isinstance(counts, dict) else "rejected"
            raise EditorValueError(
                f"{name}:{line_of(entry, key)}: sources.{source}.{key}: must be a mapping; {restore}",
                vi=f"{name}:{line_of(entry, key)}: sources.{source}.{key}: phải là một nhóm khoá; "
                f"{restore_vi}",
            )
        parsed = _parse_counts(counts, f"sources.{source}.counts", name, restore, restore_vi)
        paragraphs = _parse_paragraphs(
            entry, f"sources.{source}.paragraphs", name, restore, restore_vi
        )
        for kind, n in rejected.items():
            if kind not in REJECTED_KINDS or not _is_count(n):
                raise EditorValueError(
                    f"{name}:{line_of(rejected, kind)}: sources.{source}.rejected.{kind}: use one of "
                    f"{', '.join(REJECTED_KINDS)} with a count; {restore}",
                    vi=f"{name}:{line_of(rejected, kind)}: sources.{source}.rejected.{kind}: dùng "
                    f"một trong {', '.join(REJECTED_KINDS)}, kèm một số đếm; {restore_vi}",
                )
        ledger[str(source)] = SourceLedger(
            entry["rows"], entry["digest"], parsed, dict(rejected), paragraphs
        )
    return ledger


def _parse_counts(
    counts: dict, key: str, name: str, restore: str, restore_vi: str
) -> dict[str, dict[str, int]]:
    """The ledger's counts per section (`key`: "sources.X.counts"): draft date -> section id -> count;
    every problem raises EditorValueError with its line."""
    return {
        _draft_key(counts, draft, sections, key, "section", name, restore, restore_vi): _items(
            sections, f"{key}.{draft}", "section", name, restore, restore_vi
        )
        for draft, sections in counts.items()
    }


def _parse_paragraphs(
    entry: dict, key: str, name: str, restore: str, restore_vi: str
) -> dict[str, dict[str, dict[str, int]]]:
    """The ledger's optional counts per paragraph (`key`: "sources.X.paragraphs"): draft date -> section id
    -> paragraph id -> count; absent: none. Every problem raises EditorValueError with its line."""
    by_draft = entry.get("paragraphs") or {}
    if not isinstance(by_draft, dict):
        line = line_of(entry, "paragraphs")
        raise EditorValueError(
            f"{name}:{line}: {key}: must be a mapping of drafts, sections and paragraphs; {restore}",
            vi=f"{name}:{line}: {key}: phải là một nhóm khoá theo bản dự thảo, mục và đoạn; {restore_vi}",
        )
    parsed: dict[str, dict[str, dict[str, int]]] = {}
    for draft, sections in by_draft.items():
        date = _draft_key(by_draft, draft, sections, key, "paragraph", name, restore, restore_vi)
        parsed[date] = {}
        for section, paragraphs in sections.items():
            where = f"{key}.{date}.{section}"
            if not isinstance(paragraphs, dict):
                line = line_of(sections, section)
                raise EditorValueError(
                    f"{name}:{line}: {where}: not the section's paragraph counts; {restore}",
                    vi=f"{name}:{line}: {where}: không phải số góp ý theo đoạn của mục; {restore_vi}",
                )
            parsed[date][str(section)] = _items(
                paragraphs, where, "paragraph", name, restore, restore_vi
            )
    return parsed


def _draft_key(
    counts: dict,
    draft: object,
    value: object,
    key: str,
    what: str,
    name: str,
    restore: str,
    restore_vi: str,
) -> str:
    """A draft date of the ledger (YYYY-MM-DD) holding a mapping of `what` counts, as text."""
    draft_key = draft.isoformat() if isinstance(draft, dt.date) else str(draft)
    if parse_draft(draft_key) != draft_key or not isinstance(value, dict):
        what_vi = "mục" if what == "section" else "đoạn"
        raise EditorValueError(
            f"{name}:{line_of(counts, draft)}: {key}.{draft_key}: not a draft "
            f"date (YYYY-MM-DD) with {what} counts; {restore}",
            vi=f"{name}:{line_of(counts, draft)}: {key}.{draft_key}: không "
            f"phải ngày bản dự thảo (YYYY-MM-DD) kèm số góp ý theo {what_vi}; {restore_vi}",
        )
    return draft_key


def _items(
    items: dict, key: str, what: str, name: str, restore: str, restore_vi: str
) -> dict[str, int]:
    """Counts per section or per paragraph (`what`): each a count, each paragraph a paragraph id."""
    for item, n in items.items():
        if not _is_count(n):
            raise EditorValueError(
                f"{name}:{line_of(items, item)}: {key}.{item}: {n!r} is not a count; {restore}",
                vi=f"{name}:{line_of(items, item)}: {key}.{item}: {n!r} không phải một số đếm; "
                f"{restore_vi}",
            )
        if what == "paragraph" and not PARAGRAPH_ID.fullmatch(str(item)):
            raise EditorValueError(
                f"{name}:{line_of(items, item)}: {key}.{item}: not a paragraph id (like p1-ii-1-2-d3); "
                f"{restore}",
                vi=f"{name}:{line_of(items, item)}: {key}.{item}: không phải mã đoạn (dạng "
                f"p1-ii-1-2-d3); {restore_vi}",
            )
    return {str(i): n for i, n in items.items()}


def _is_count(value: object) -> bool:
    """Whether a YAML value is a count (a whole number, zero or more; not true/false)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def total_counts(ledger: dict[str, SourceLedger]) -> dict[str, dict[str, int]]:
    """Counts of all sources together: draft date -> section id -> comments."""
    totals: dict[str, dict[str, int]] = {}
    for entry in ledger.values():
        for draft, sections in entry.counts.items():
            into = totals.setdefault(draft, {})
            for section, n in sections.items():
                into[section] = into.get(section, 0) + n
    return totals


def total_paragraphs(ledger: dict[str, SourceLedger]) -> dict[str, dict[str, dict[str, int]]]:
    """Counts per paragraph of all sources together: draft date -> section id -> paragraph id -> comments."""
    totals: dict[str, dict[str, dict[str, int]]] = {}
    for entry in ledger.values():
        for draft, sections in entry.paragraphs.items():
            for section, paragraphs in sections.items():
                into = totals.setdefault(draft, {}).setdefault(section, {})
                for paragraph, n in paragraphs.items():
                    into[paragraph] = into.get(paragraph, 0) + n
    return totals


def total_rejected(ledger: dict[str, SourceLedger]) -> dict[str, int]:
    """Rejected rows of all sources together, per kind."""
    return {kind: sum(e.rejected.get(kind, 0) for e in ledger.values()) for kind in REJECTED_KINDS}
