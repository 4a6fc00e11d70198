"""Checks that stop a broken draft from being published: ids, footnotes, Unicode normalisation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from draftsite.document.labels import split_id
from draftsite.document.model import is_document_page, neutral_path
from draftsite.document.sections import ID_SYNTAX, front_matter_lines, headings
from draftsite.messages import english_of, vi_of

_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
_CODE = re.compile(r"`[^`\n]*`")
LANGUAGE_NAMES = {"vi": "tiếng Việt", "en": "tiếng Anh"}


@dataclass(frozen=True)
class Problem:
    """A mistake in a source file: where it is, and what to do, for the editor (in Vietnamese where
    the check says it, `vi`) and in English for the log."""

    file: str
    line: int
    message: str
    vi: str = ""

    def __str__(self) -> str:
        if self.vi:
            return f"{self.file}:{self.line}: {self.vi} (English: {self.message})"
        return f"{self.file}:{self.line}: {self.message}"

    def english(self) -> str:
        """The problem in English only (`file:line: message`), for the log and for tests of the wording."""
        return f"{self.file}:{self.line}: {self.message}"


def check_heading_ids(rel: str, text: str) -> list[Problem]:
    """Headings without an explicit id, and ids that are not plain ASCII."""
    problems = []
    document = is_document_page(neutral_path(rel))
    for heading in headings(text):
        if heading.id is None:
            problems.append(
                Problem(
                    rel,
                    heading.line,
                    f"heading {heading.text!r} has no id: end the line with "
                    "`{ #id }`, an ASCII id derived from the document's numbering (e.g. { #p1-ii-1-2-1 })",
                    vi=f"tiêu đề «{heading.text}» chưa có mã mục: thêm `{{ #mã-mục }}` ở cuối dòng, một mã "
                    "ASCII theo số thứ tự của văn bản (ví dụ { #p1-ii-1-2-1 })",
                )
            )
        elif not ID_SYNTAX.match(heading.id):
            problems.append(
                Problem(
                    rel,
                    heading.line,
                    f"id {heading.id!r} is not a plain ASCII id: use lower-case "
                    "letters, digits and single hyphens",
                    vi=f"mã mục {heading.id!r} không phải mã ASCII đơn giản: chỉ dùng chữ thường không dấu, "
                    "chữ số và dấu gạch nối đơn",
                )
            )
        elif document:
            try:
                split_id(heading.id)
            except ValueError as error:
                problems.append(
                    Problem(
                        rel,
                        heading.line,
                        f"{english_of(error)}: document sections need an id that "
                        "names their place in the document",
                        vi=f"{vi_of(error)}: mục của văn bản cần mã mục nêu đúng vị trí của mục trong "
                        "văn bản (ví dụ { #p1-ii-1-2-1 } cho mục II.1.2.1 của Phần thứ nhất)",
                    )
                )
    return problems


def check_duplicate_ids(files: dict[str, str]) -> list[Problem]:
    """Ids used twice within one language: {relative path: text} of every page of that language."""
    seen: dict[str, tuple[str, int]] = {}
    problems = []
    for rel, text in files.items():
        for heading in headings(text):
            if heading.id is None:
                continue
            if heading.id in seen:
                first_file, first_line = seen[heading.id]
                problems.append(
                    Problem(
                        rel,
                        heading.line,
                        f"id {heading.id!r} is already used at {first_file}:{first_line}; "
                        "ids must be unique across the site: give this section its own id",
                        vi=f"mã mục {heading.id!r} đã được dùng tại {first_file}:{first_line}; mỗi mã mục "
                        "chỉ được dùng một lần trên toàn trang: đặt cho mục này một mã riêng",
                    )
                )
            else:
                seen[heading.id] = (rel, heading.line)
    return problems


def check_footnotes(rel: str, text: str) -> list[Problem]:
    """Footnote markers without a body, bodies without a marker, bodies defined twice."""
    problems = []
    lines = text.split("\n")
    refs: dict[str, int] = {}
    defs: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        plain = _CODE.sub("", line)
        for match in _FOOTNOTE_DEF.finditer(plain):
            if match[1] in defs:
                problems.append(
                    Problem(
                        rel,
                        number,
                        f"footnote [^{match[1]}] has two bodies (first at line {defs[match[1]]})",
                        vi=f"chú thích [^{match[1]}] có hai nội dung (nội dung thứ nhất ở dòng "
                        f"{defs[match[1]]}): chỉ giữ một",
                    )
                )
            defs.setdefault(match[1], number)
        for match in _FOOTNOTE_REF.finditer(plain):
            refs.setdefault(match[1], number)
    for name, number in refs.items():
        if name not in defs:
            problems.append(
                Problem(
                    rel,
                    number,
                    f"footnote marker [^{name}] has no body: add a line `[^{name}]: …` on this page",
                    vi=f"chú thích [^{name}] chưa có nội dung: thêm một dòng `[^{name}]: …` trên trang này",
                )
            )
    for name, number in defs.items():
        if name not in refs:
            problems.append(
                Problem(
                    rel,
                    number,
                    f"footnote body [^{name}] has no marker: put `[^{name}]` where it is cited, or remove the body",
                    vi=f"nội dung chú thích [^{name}] không có dấu chú thích nào dẫn tới: đặt `[^{name}]` "
                    "tại chỗ trích dẫn, hoặc xoá nội dung này",
                )
            )
    return problems


def check_nfc(rel: str, text: str) -> list[Problem]:
    """Lines that are not in Unicode NFC (e.g. decomposed Vietnamese letters pasted from a PDF)."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not unicodedata.is_normalized("NFC", line):
            fixed = unicodedata.normalize("NFC", line)
            column = (
                next(i for i, (a, b) in enumerate(zip(line, fixed, strict=False)) if a != b) + 1
                if line != fixed
                else 1
            )
            problems.append(
                Problem(
                    rel,
                    number,
                    f"text is not Unicode NFC (column {column}): normalise the file to NFC "
                    "(e.g. `python -m draftsite.document.normalize FILE`)",
                    vi=f"chữ không ở chuẩn Unicode NFC (cột {column}; thường do dán từ PDF): chuẩn hoá "
                    f"tệp bằng lệnh `(cd hooks && python -m draftsite.document.normalize ../docs/{rel})`",
                )
            )
    return problems


def check_translations(
    paths: list[str], languages: tuple[str, ...], default: str = "vi"
) -> list[Problem]:
    """Pages that exist in one language but not the other, from the relative paths of every language's files."""
    problems = []
    by_page: dict[str, set[str]] = {}
    for rel in paths:
        match = re.search(r"\.([a-z]{2})\.md$", rel)
        lang = match[1] if match else default
        by_page.setdefault(neutral_path(rel), set()).add(lang)
    for page, found in sorted(by_page.items()):
        for lang in languages:
            if lang not in found:
                name = page if lang == default else page[:-3] + f".{lang}.md"
                problems.append(
                    Problem(
                        name,
                        1,
                        f"page missing: {page} has no {lang!r} version; write {name} "
                        "(same headings and ids) so that no reader gets a silent fallback",
                        vi=f"thiếu trang: {page} chưa có bản {LANGUAGE_NAMES.get(lang, lang)} ({lang!r}); "
                        f"viết tệp {name} (cùng các tiêu đề và mã mục) để người đọc không bị chuyển "
                        "lặng lẽ sang bản khác",
                    )
                )
    return problems


def check_language(files: dict[str, str]) -> list[Problem]:
    """Every check on every page of one language."""
    problems: list[Problem] = []
    for rel, text in files.items():
        problems += check_nfc(rel, text)
        problems += check_heading_ids(rel, text)
        problems += check_footnotes(rel, text)
    problems += check_duplicate_ids(files)
    return problems


__all__ = [
    "Problem",
    "check_duplicate_ids",
    "check_footnotes",
    "check_heading_ids",
    "check_language",
    "check_nfc",
    "front_matter_lines",
]
