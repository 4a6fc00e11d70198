"""Check an English page against its Vietnamese original: same section ids, same numbers."""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

from draftsite.checks.checks import Problem
from draftsite.document.numbers import numbers_en, numbers_vi
from draftsite.document.sections import split_sections
from draftsite.translation.translation_memory import Block, page_blocks

_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")


def translation_problems(vi_text: str, en_text: str) -> list[str]:
    """Human-readable differences between a Vietnamese page and its English translation."""
    problems = []
    vi = split_sections(vi_text)
    en = split_sections(en_text)
    vi_ids = [s.id for s in vi]
    en_ids = [s.id for s in en]
    if vi_ids != en_ids:
        problems.append(f"section ids differ: vi={vi_ids} en={en_ids}")
    en_by_id = {s.id: s for s in en}
    for section in vi:
        other = en_by_id.get(section.id)
        if other is None:
            continue
        if other.level != section.level:
            problems.append(f"{section.id}: heading level {other.level}, expected {section.level}")
        vi_numbers = numbers_vi("# " + section.title + "\n" + "\n".join(section.body))
        en_numbers = numbers_en("# " + other.title + "\n" + "\n".join(other.body))
        if vi_numbers != en_numbers:
            missing = vi_numbers - en_numbers
            extra = en_numbers - vi_numbers
            problems.append(
                f"{section.id}: numbers differ; missing in English {sorted(missing.elements())},"
                f" extra in English {sorted(extra.elements())}"
            )
    return problems


def translation_check(
    vi_rel: str, vi_text: str, en_rel: str, en_text: str, document: bool
) -> list[Problem]:
    """The differences between a page and its English version as build problems, with the line of the
    English file where they are (ids, heading levels, and for document pages numbers; the glossary's
    terms are checked once, by draftsite.translation.translation_checks)."""
    vi, en = split_sections(vi_text), split_sections(en_text)
    en_by_id = {s.id: s for s in en}
    vi_ids = {s.id for s in vi}
    problems = []
    for index, section in enumerate(vi):
        if section.id not in en_by_id:
            following = next((en_by_id[s.id] for s in vi[index + 1 :] if s.id in en_by_id), None)
            where = f"before line {following.line}" if following else "at the end"
            where_vi = f"trước dòng {following.line}" if following else "ở cuối trang"
            problems.append(
                Problem(
                    en_rel,
                    following.line if following else len(en_text.split("\n")),
                    f"section {{ #{section.id} }} ({vi_rel}, line {section.line}) has no heading with "
                    f"that id in the English page ({where}): give the English heading the same "
                    "{ #id } as the Vietnamese one",
                    vi=f"mục {{ #{section.id} }} ({vi_rel}, dòng {section.line}) chưa có tiêu đề mang mã "
                    f"mục đó trong trang tiếng Anh ({where_vi}): đặt cho tiêu đề tiếng Anh đúng "
                    "{ #mã-mục } như tiêu đề tiếng Việt",
                )
            )
    for section in en:
        if section.id not in vi_ids:
            problems.append(
                Problem(
                    en_rel,
                    section.line,
                    f"section {{ #{section.id} }} is not in {vi_rel}: the "
                    "English page must have exactly the Vietnamese page's section ids",
                    vi=f"mục {{ #{section.id} }} không có trong {vi_rel}: trang tiếng Anh phải có đúng "
                    "các mã mục của trang tiếng Việt",
                )
            )
    if problems:
        return problems
    if [s.id for s in vi] != [s.id for s in en]:
        first = next(e for v, e in zip(vi, en, strict=True) if v.id != e.id)
        return [
            Problem(
                en_rel,
                first.line,
                f"section {{ #{first.id} }} is out of order: the English sections must "
                f"come in the order of {vi_rel}",
                vi=f"mục {{ #{first.id} }} không đúng thứ tự: các mục tiếng Anh phải theo đúng thứ tự của "
                f"{vi_rel}",
            )
        ]
    if document:
        problems += block_problems(vi_rel, vi_text, en_rel, en_text)
    for section in vi:
        other = en_by_id[section.id]
        if other.level != section.level:
            problems.append(
                Problem(
                    en_rel,
                    other.line,
                    f"heading {{ #{section.id} }} has {other.level} # signs; "
                    f"the Vietnamese heading ({vi_rel}, line {section.line}) has {section.level}",
                    vi=f"tiêu đề {{ #{section.id} }} có {other.level} dấu #; tiêu đề tiếng Việt "
                    f"({vi_rel}, dòng {section.line}) có {section.level} dấu #: dùng cùng cấp tiêu đề",
                )
            )
        if not document:
            continue
        vi_numbers = numbers_vi("# " + section.title + "\n" + "\n".join(section.body))
        en_numbers = numbers_en("# " + other.title + "\n" + "\n".join(other.body))
        if vi_numbers != en_numbers:
            missing, extra = (
                sorted((vi_numbers - en_numbers).elements()),
                sorted((en_numbers - vi_numbers).elements()),
            )
            problems.append(
                Problem(
                    en_rel,
                    other.line,
                    f"section {{ #{section.id} }}: the numbers differ from "
                    f"{vi_rel} (missing in English: {missing or 'none'}; extra in English: "
                    f"{extra or 'none'}): write the same numbers, in English notation (11.1, 21,521)",
                    vi=f"mục {{ #{section.id} }}: các con số khác với {vi_rel} (bản tiếng Anh thiếu: "
                    f"{missing or 'không có'}; bản tiếng Anh thừa: {extra or 'không có'}): viết đúng "
                    "các con số đó, theo cách viết số của tiếng Anh (11.1, 21,521)",
                )
            )
    return problems


def block_kind(block: Block) -> str:
    """The kind of a block of the document: the English pages take the Vietnamese paragraph ids block by
    block, so both languages must have the same kinds of blocks in the same order."""
    if "#^" in block.key:
        return f"footnote [^{block.key.split('#^', 1)[1]}]"
    if block.text.startswith("|"):
        return "table"
    return "list item" if _LIST_ITEM.match(block.text) else "paragraph"


def section_blocks(rel: str, text: str) -> dict[str, list[Block]]:
    """Each section's blocks (paragraphs, list items, tables, footnotes), headings left out."""
    sections: dict[str, list[Block]] = {}
    for block in page_blocks(rel, text):
        section, position = block.key.split("#", 1)
        if position != "0":
            sections.setdefault(section, []).append(block)
    return sections


def _gap(longer: list[Block], shorter: list[Block], longer_is_vi: bool) -> int:
    """Where the English has one block fewer or more than the Vietnamese: the position whose removal from
    the longer list lines up the lengths of the rest best (the English runs to a steady multiple of the
    Vietnamese length, so a skipped paragraph shows as a break in that ratio)."""

    def cost(skip: int) -> float:
        rest = longer[:skip] + longer[skip + 1 :]
        ratios = [
            math.log((len(s.text) + 20) / (len(o.text) + 20))
            for o, s in zip(rest, shorter, strict=False)
        ]
        if not longer_is_vi:
            ratios = [-r for r in ratios]
        middle = sorted(ratios)[len(ratios) // 2] if ratios else 0.0
        return sum(abs(r - middle) for r in ratios)

    return min(range(len(longer)), key=cost)


def block_problems(vi_rel: str, vi_text: str, en_rel: str, en_text: str) -> list[Problem]:
    """The sections whose English does not have the same blocks as the Vietnamese: the build names the
    section and the first block that differs."""
    vi, en = section_blocks(vi_rel, vi_text), section_blocks(en_rel, en_text)
    headings = {s.id: s.line for s in split_sections(en_text)}
    problems = []
    for section, vi_blocks in vi.items():
        en_blocks = en.get(section, [])
        vi_kinds, en_kinds = [block_kind(b) for b in vi_blocks], [block_kind(b) for b in en_blocks]
        if vi_kinds == en_kinds:
            continue
        first = next(
            (i for i, (a, b) in enumerate(zip(vi_kinds, en_kinds, strict=False)) if a != b),
            min(len(vi_kinds), len(en_kinds)),
        )
        if abs(len(vi_kinds) - len(en_kinds)) == 1:
            longer_is_vi = len(vi_kinds) > len(en_kinds)
            longer, shorter = (vi_blocks, en_blocks) if longer_is_vi else (en_blocks, vi_blocks)
            gap = _gap(longer, shorter, longer_is_vi)
            if [block_kind(b) for i, b in enumerate(longer) if i != gap] == [
                block_kind(b) for b in shorter
            ]:
                first = gap
        vi_block = vi_blocks[first] if first < len(vi_blocks) else None
        en_block = en_blocks[first] if first < len(en_blocks) else None
        line = (
            en_block.line
            if en_block
            else (en_blocks[-1].line if en_blocks else headings.get(section, 1))
        )
        said = (
            f"the Vietnamese {vi_block and block_kind(vi_block)} {first + 1} ({vi_rel}, line {vi_block.line}: "
            f"«{_opening(vi_block.text)}»)"
            if vi_block
            else f"the Vietnamese has no block {first + 1}"
        )
        english = f"«{_opening(en_block.text)}» ({block_kind(en_block)})" if en_block else "none"
        vi_said = (
            f"khối {first + 1} của bản tiếng Việt ({vi_rel}, dòng {vi_block.line}: «{_opening(vi_block.text)}»)"
            if vi_block
            else f"bản tiếng Việt không có khối {first + 1}"
        )
        problems.append(
            Problem(
                en_rel,
                line,
                (
                    f"section {{ #{section} }}: the English has {len(en_kinds)} blocks (paragraphs, list items, tables, "
                    f"footnotes), the Vietnamese {len(vi_kinds)}; the first that differs is block {first + 1}: {said}, "
                    f"English: {english}. Give the English the same paragraphs, list items and footnotes in the same order: "
                    "translate the missing one, or join or remove the extra one"
                ),
                vi=(
                    f"mục {{ #{section} }}: bản tiếng Anh có {len(en_kinds)} khối (đoạn, mục liệt kê, bảng, chú thích), "
                    f"bản tiếng Việt có {len(vi_kinds)}; khối khác đầu tiên là khối {first + 1}: {vi_said}. Bản tiếng Anh "
                    "phải có đúng các đoạn, mục liệt kê và chú thích như bản tiếng Việt, cùng thứ tự: dịch đoạn còn thiếu, "
                    "hoặc gộp, bỏ đoạn thừa"
                ),
            )
        )
    return problems


def _opening(text: str, size: int = 60) -> str:
    """The first words of a block, for a message."""
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + " …"


if __name__ == "__main__":
    for vi_path in sys.argv[1:]:
        vi_file = Path(vi_path)
        en_file = vi_file.with_suffix(".en.md")
        if not en_file.exists():
            print(f"{vi_file}: no English page {en_file}")
            continue
        for problem in translation_problems(vi_file.read_text("utf-8"), en_file.read_text("utf-8")):
            print(f"{vi_file}: {problem}")
