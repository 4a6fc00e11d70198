"""The translation glossary: which English term each Vietnamese term must be rendered with."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml


# Glossary entries as (Vietnamese term, English term), longest Vietnamese term first.
def load_glossary(path: Path) -> list[tuple[str, str]]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    pairs = [(e["vi"], e["en"]) for e in entries]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


# English terms a section must contain, for the Vietnamese terms that occur in its text (a term
# inside a longer matched term does not count on its own).
def required_terms(vi_text: str, glossary: list[tuple[str, str]]) -> set[str]:
    text = vi_text.casefold()
    required = set()
    for vi, en in glossary:
        pattern = _term_pattern(vi)
        if vi.casefold() in text and pattern.search(text):
            required.add(en)
            text = pattern.sub(" ", text)
    return required


# The pattern of a Vietnamese term as a whole word, case-folded (compiled once per term).
@lru_cache(maxsize=1024)
def _term_pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(term.casefold()) + r"(?!\w)")


# Glossary terms missing from an English section.
def missing_terms(vi_text: str, en_text: str, glossary: list[tuple[str, str]]) -> list[str]:
    english = en_text.casefold()
    return sorted(term for term in required_terms(vi_text, glossary) if term.casefold() not in english)
