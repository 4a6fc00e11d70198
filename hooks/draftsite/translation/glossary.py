"""The translation glossary: which English term each Vietnamese term must be rendered with, and which
English variants are not used. The build checks every section of the document against it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from draftsite.checks.checks import Problem
from draftsite.checks.data_files import DataFileError, kind_of, kind_of_vi, line_of, load_yaml
from draftsite.document.sections import Section, split_sections


@dataclass(frozen=True)
class Term:
    """A glossary term: the Vietnamese, its one English rendering, its line in the glossary."""

    vi: str
    en: str
    line: int  # line of the entry in the glossary file
    avoid: tuple[str, ...] = field(default=())  # English variants that must not appear


def parse_glossary(text: str, name: str) -> tuple[list[Term], list[Problem]]:
    """The glossary file's entries, longest Vietnamese term first, and a problem for each broken entry
    (a file that cannot be read at all: no entries and the one problem that says why)."""
    try:
        entries = load_yaml(name, text)
    except DataFileError as error:
        return [], [error.problem]
    if entries is None:
        return [], []
    if not isinstance(entries, list):
        return [], [
            Problem(
                name,
                line_of(entries),
                f"the glossary is {kind_of(entries)}; it must be a list of "
                'entries, one per line: - {vi: "…", en: "…"}',
                vi=f"bảng thuật ngữ đang là {kind_of_vi(entries)}; nó phải là một danh sách các mục, mỗi "
                'mục một dòng: - {vi: "…", en: "…"}',
            )
        ]
    terms: list[Term] = []
    problems: list[Problem] = []
    for index, entry in enumerate(entries):
        line = line_of(entries, index)
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    name,
                    line,
                    f'the entry is {kind_of(entry)}, not a mapping; write - {{vi: "…", en: "…"}}',
                    vi=f"mục này là {kind_of_vi(entry)}, không phải một nhóm khoá; viết "
                    '- {vi: "…", en: "…"}',
                )
            )
            continue
        vi, en, avoid = entry.get("vi"), entry.get("en"), entry.get("avoid", [])
        key = f"vi: {vi!r}" if isinstance(vi, str) else "vi"
        if not isinstance(vi, str) or not vi.strip():
            problems.append(
                Problem(
                    name,
                    line,
                    "entry has no `vi:` term: give the Vietnamese term as it occurs in the text",
                    vi="mục thiếu thuật ngữ `vi:`: ghi thuật ngữ tiếng Việt đúng như trong văn bản",
                )
            )
        elif not isinstance(en, str) or not en.strip():
            problems.append(
                Problem(
                    name,
                    line,
                    f"entry {key} has no `en:` rendering: add the one English term "
                    "the translation uses for it",
                    vi=f"mục {key} thiếu `en:`: thêm thuật ngữ tiếng Anh duy nhất mà bản dịch dùng cho "
                    "thuật ngữ này",
                )
            )
        elif not isinstance(avoid, list) or not all(
            isinstance(a, str) and a.strip() for a in avoid
        ):
            problems.append(
                Problem(
                    name,
                    line,
                    f"entry {key}: `avoid:` must be a list of English variants, "
                    'e.g. avoid: ["Provincial Party Committee\'s"]',
                    vi=f"mục {key}: `avoid:` phải là một danh sách các cách dịch tiếng Anh cần tránh, "
                    'ví dụ avoid: ["Provincial Party Committee\'s"]',
                )
            )
        else:
            terms.append(Term(vi, en, line, tuple(avoid)))
    return sorted(terms, key=lambda term: len(term.vi), reverse=True), problems


def load_glossary(path: Path) -> list[tuple[str, str]]:
    """Glossary entries as (Vietnamese term, English term), longest Vietnamese term first."""
    terms, problems = parse_glossary(path.read_text(encoding="utf-8"), path.name)
    if problems:
        raise ValueError("\n".join(map(str, problems)))
    return [(t.vi, t.en) for t in terms]


def required_terms(vi_text: str, glossary: list[tuple[str, str]]) -> set[str]:
    """English terms a section must contain, for the Vietnamese terms that occur in its text (a term
    inside a longer matched term does not count on its own)."""
    text = vi_text.casefold()
    present = set(_WORD.findall(text))
    required = set()
    for first, folded, en in _folded_terms(tuple(glossary)):
        if first in present and folded in text:
            text, found = _blank_whole(text, folded)
            if found:
                required.add(en)
    return required


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=8)
def _folded_terms(glossary: tuple[tuple[str, str], ...]) -> list[tuple[str, str, str]]:
    """Each glossary term folded once, with its first word (a term can only occur in a text that has
    that word) and its English term."""
    return [
        (next(iter(_WORD.findall(vi.casefold())), ""), vi.casefold(), en) for vi, en in glossary
    ]


def _blank_whole(text: str, term: str) -> tuple[str, bool]:
    """`text` with every whole-word occurrence of `term` blanked (as the pattern «(?<!\\w)term(?!\\w)»
    would), and whether there was one."""
    pieces, start, position, found = [], 0, text.find(term), False
    while position != -1:
        end = position + len(term)
        before = text[position - 1] if position else " "
        after = text[end] if end < len(text) else " "
        if not _is_word(before) and not _is_word(after):
            pieces += [text[start:position], " "]
            start, found = end, True
            position = text.find(term, end)
        else:
            position = text.find(term, position + 1)
    return ("".join(pieces) + text[start:], True) if found else (text, False)


def _is_word(char: str) -> bool:
    """Whether a character counts as part of a word (as \\w does)."""
    return char.isalnum() or char == "_"


def missing_terms(vi_text: str, en_text: str, glossary: list[tuple[str, str]]) -> list[str]:
    """Glossary terms missing from an English section."""
    english = " ".join(en_text.split()).casefold()
    return sorted(
        term for term in required_terms(vi_text, glossary) if term.casefold() not in english
    )


def _sections(text: str) -> list[Section]:
    """The sections of a page; a page without headings (the cover letter) is one section."""
    return split_sections(text) or [Section("(page)", 1, "", 1, text.split("\n"))]


def check_glossary(
    vi_pages: dict[str, str], en_pages: dict[str, str], terms: list[Term], name: str
) -> list[Problem]:
    """Every section whose English lacks a glossary term, and every English line that uses an avoided
    variant. `vi_pages`/`en_pages`: {path: Markdown}, the English page of "a.md" being "a.en.md"."""
    pairs = [(t.vi, t.en) for t in terms]
    line_of = {t.en: t.line for t in terms}
    problems: list[Problem] = []
    for rel, text in vi_pages.items():
        en_rel = re.sub(r"\.md$", ".en.md", rel)
        english = {s.id: s for s in _sections(en_pages.get(en_rel, ""))}
        for section in _sections(text):
            other = english.get(section.id)
            if other is None:
                continue
            for term in missing_terms(
                section.title + "\n" + "\n".join(section.body),
                other.title + "\n" + "\n".join(other.body),
                pairs,
            ):
                problems.append(
                    Problem(
                        en_rel,
                        other.line,
                        f"section {section.id!r} lacks the glossary term “{term}” "
                        f"({name}:{line_of[term]}), which renders a term of {rel}:{section.line}: "
                        "use it, or correct the glossary",
                        vi=f"mục {section.id!r} thiếu thuật ngữ “{term}” của bảng thuật ngữ "
                        f"({name}:{line_of[term]}), là bản dịch của một thuật ngữ trong "
                        f"{rel}:{section.line}: dùng đúng thuật ngữ đó, hoặc sửa bảng thuật ngữ",
                    )
                )
    avoided = [
        (t, v, re.compile(r"(?<!\w)" + re.escape(v) + r"(?!\w)")) for t in terms for v in t.avoid
    ]
    for rel, text in en_pages.items():
        for term, variant, pattern in avoided:
            if variant not in text:
                continue
            for match in pattern.finditer(text):
                number = text.count("\n", 0, match.start()) + 1
                problems.append(
                    Problem(
                        rel,
                        number,
                        f"“{variant}” is not the glossary rendering of «{term.vi}»: "
                        f"write “{term.en}” ({name}:{term.line})",
                        vi=f"“{variant}” không phải cách dịch «{term.vi}» theo bảng thuật ngữ: viết "
                        f"“{term.en}” ({name}:{term.line})",
                    )
                )
    return sorted(problems, key=lambda p: (p.file, p.line))
