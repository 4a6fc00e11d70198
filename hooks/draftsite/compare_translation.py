"""Check an English page against its Vietnamese original: same section ids, same numbers."""

from __future__ import annotations

import sys
from pathlib import Path

from draftsite.checks import Problem
from draftsite.numbers import numbers_en, numbers_vi
from draftsite.sections import split_sections


# Human-readable differences between a Vietnamese page and its English translation.
def translation_problems(vi_text: str, en_text: str) -> list[str]:
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


# The differences between a page and its English version as build problems, with the line of the
# English file where they are (ids, heading levels, and for document pages numbers; the glossary's
# terms are checked once, by draftsite.translation_checks).
def translation_check(vi_rel: str, vi_text: str, en_rel: str, en_text: str, document: bool) -> list[Problem]:
    vi, en = split_sections(vi_text), split_sections(en_text)
    en_by_id = {s.id: s for s in en}
    vi_ids = {s.id for s in vi}
    problems = []
    for index, section in enumerate(vi):
        if section.id not in en_by_id:
            following = next((en_by_id[s.id] for s in vi[index + 1:] if s.id in en_by_id), None)
            where = f"before line {following.line}" if following else "at the end"
            problems.append(Problem(en_rel, following.line if following else len(en_text.split("\n")),
                                    f"section {{ #{section.id} }} ({vi_rel}, line {section.line}) has no heading with "
                                    f"that id in the English page ({where}): give the English heading the same "
                                    "{ #id } as the Vietnamese one"))
    for section in en:
        if section.id not in vi_ids:
            problems.append(Problem(en_rel, section.line, f"section {{ #{section.id} }} is not in {vi_rel}: the "
                                    "English page must have exactly the Vietnamese page's section ids"))
    if problems:
        return problems
    if [s.id for s in vi] != [s.id for s in en]:
        first = next(e for v, e in zip(vi, en, strict=True) if v.id != e.id)
        return [Problem(en_rel, first.line, f"section {{ #{first.id} }} is out of order: the English sections must "
                        f"come in the order of {vi_rel}")]
    for section in vi:
        other = en_by_id[section.id]
        if other.level != section.level:
            problems.append(Problem(en_rel, other.line, f"heading {{ #{section.id} }} has {other.level} # signs; "
                                    f"the Vietnamese heading ({vi_rel}, line {section.line}) has {section.level}"))
        if not document:
            continue
        vi_numbers = numbers_vi("# " + section.title + "\n" + "\n".join(section.body))
        en_numbers = numbers_en("# " + other.title + "\n" + "\n".join(other.body))
        if vi_numbers != en_numbers:
            missing, extra = sorted((vi_numbers - en_numbers).elements()), sorted((en_numbers - vi_numbers).elements())
            problems.append(Problem(en_rel, other.line, f"section {{ #{section.id} }}: the numbers differ from "
                                    f"{vi_rel} (missing in English: {missing or 'none'}; extra in English: "
                                    f"{extra or 'none'}): write the same numbers, in English notation (11.1, 21,521)"))
    return problems


if __name__ == "__main__":
    for vi_path in sys.argv[1:]:
        vi_file = Path(vi_path)
        en_file = vi_file.with_suffix(".en.md")
        if not en_file.exists():
            print(f"{vi_file}: no English page {en_file}")
            continue
        for problem in translation_problems(vi_file.read_text("utf-8"), en_file.read_text("utf-8")):
            print(f"{vi_file}: {problem}")
