"""Check an English page against its Vietnamese original: same section ids, same numbers."""

from __future__ import annotations

import sys
from pathlib import Path

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


if __name__ == "__main__":
    for vi_path in sys.argv[1:]:
        vi_file = Path(vi_path)
        en_file = vi_file.with_suffix(".en.md")
        if not en_file.exists():
            print(f"{vi_file}: no English page {en_file}")
            continue
        for problem in translation_problems(vi_file.read_text("utf-8"), en_file.read_text("utf-8")):
            print(f"{vi_file}: {problem}")
