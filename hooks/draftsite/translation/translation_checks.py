"""The English reference translation kept consistent: the glossary and the translation memory,
checked together over the document pages and the home page (which quotes the Congress theme), and
the changes of a rate given in percentage points (draftsite.translation.percentage_points)."""

from __future__ import annotations

from pathlib import Path

from draftsite.checks.checks import Problem
from draftsite.checks.editor_checks import located, read_sources
from draftsite.document.model import file_language, is_document_page
from draftsite.messages import bilingual
from draftsite.translation.glossary import check_glossary, parse_glossary
from draftsite.translation.percentage_points import EXCEPTIONS_FILE, check_percentage_points
from draftsite.translation.translation_memory import check_memory, load_memory

GLOSSARY_FILE = "data/glossary.yml"
MEMORY_FILE = "data/translation-memory.yml"
DATA_FILES = (GLOSSARY_FILE, MEMORY_FILE, EXCEPTIONS_FILE)
# Pages outside the document that repeat its formulas.
EXTRA_PAGES = ("index.md",)


def checked_pages(texts: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The Vietnamese and English Markdown of the checked pages, as two {relative path: text} maps."""
    vi: dict[str, str] = {}
    en: dict[str, str] = {}
    for rel, text in sorted(texts.items()):
        if not rel.endswith(".md"):
            continue
        lang = file_language(rel)
        neutral = rel.removesuffix(f".{lang}.md") + ".md" if lang != "vi" else rel
        if not (is_document_page(neutral) or neutral in EXTRA_PAGES):
            continue
        if lang == "vi":
            vi[rel] = text
        elif lang == "en":
            en[rel] = text
    return vi, en


def check_translation_sources(texts: dict[str, str]) -> list[Problem]:
    """Every glossary, translation-memory and percentage-point problem of the sources ({path relative to
    docs: text}).
    Formulas are found in the document's own pages; the home page, whose contents list repeats the
    document's headings, is only held to the renderings found there."""
    problems = [
        Problem(
            name,
            1,
            "file missing: the translation checks need it",
            vi="thiếu tệp: các kiểm tra bản tiếng Anh cần tệp này; khôi phục tệp từ git",
        )
        for name in DATA_FILES
        if name not in texts
    ]
    if problems:
        return problems
    vi, en = checked_pages(texts)
    terms, problems = parse_glossary(texts[GLOSSARY_FILE], GLOSSARY_FILE)
    entries, memory_problems = load_memory(texts[MEMORY_FILE], MEMORY_FILE)
    document = {rel for rel in vi if is_document_page(rel)}
    # Broken entries are reported and skipped; the valid ones are still checked. A memory file that
    # cannot be read at all is reported alone, not as every formula it no longer covers.
    problems += memory_problems + check_glossary(vi, en, terms, GLOSSARY_FILE)
    if entries is not None:
        problems += check_memory(vi, en, entries, MEMORY_FILE, document)
    return problems + check_percentage_points(
        {rel: vi[rel] for rel in sorted(document)},
        {rel: text for rel, text in en.items() if is_document_page(rel)},
        texts[EXCEPTIONS_FILE],
        EXCEPTIONS_FILE,
    )


def check_translation_consistency(docs_dir: Path) -> list[Problem]:
    """The same, for a docs folder."""
    texts = {
        p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(docs_dir.rglob("*.md"))
    }
    for name in DATA_FILES:
        if (docs_dir / name).is_file():
            texts[name] = (docs_dir / name).read_text(encoding="utf-8")
    return check_translation_sources(texts)


def translation_problems(docs_dir: Path) -> list[tuple[str, list[str]]]:
    """The same, as one group of located problems (for the build); nothing while a file cannot be read
    as text (the checks of the sources report it)."""
    texts, unreadable = read_sources(docs_dir)
    return (
        []
        if unreadable
        else [
            (
                bilingual(
                    "The English translation is inconsistent; fix these and build again:",
                    "Bản tiếng Anh chưa khớp với bản tiếng Việt; sửa các lỗi dưới đây rồi dựng lại",
                ),
                [located(p) for p in check_translation_sources(texts)],
            )
        ]
    )
