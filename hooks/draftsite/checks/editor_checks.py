"""Every check of what editors write, run before anything is built: the files are readable UTF-8
text, the Markdown and front matter say what the editor meant, raw HTML stays on the allow-list,
links and the menu are complete, the data files are valid, the English pages match the Vietnamese
ones. Each problem names the file (relative to the project), the line, what is wrong and what to do."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from draftsite.checks.checks import LANGUAGE_NAMES, Problem, check_language, check_translations
from draftsite.checks.data_files import check_data_text, check_glossary
from draftsite.checks.markdown_checks import (
    check_front_matter,
    check_heading_spaces,
    check_markers,
    check_underlined_headings,
)
from draftsite.checks.raw_html import check_raw_html
from draftsite.document.model import file_language, is_document_page, neutral_path
from draftsite.document.sections import front_matter_lines
from draftsite.document.source_text import check_invisible, check_tabs, decode
from draftsite.messages import bilingual
from draftsite.page_meta.site_links import check_links, check_nav
from draftsite.strings import LANGUAGES
from draftsite.translation.compare_translation import translation_check

GLOSSARY = "data/glossary.yml"


def read_sources(docs: Path) -> tuple[dict[str, str], list[Problem]]:
    """The text of every page and data file under docs/ ({path relative to docs: text}), and the files
    that cannot be read as UTF-8 text."""
    return decode_sources(
        {
            path.relative_to(docs).as_posix(): path.read_bytes()
            for path in sorted(docs.rglob("*"))
            if path.suffix in (".md", ".yml", ".yaml") and path.is_file()
        }
    )


def source_problems(
    texts: dict[str, str],
    lang: str,
    nav: list[str],
    config_text: str,
    languages: tuple[str, ...] = LANGUAGES,
) -> list[tuple[str, list[str]]]:
    """Every problem of the sources for one language, in groups of (what to do, located problems).
    `texts`: {path relative to docs: text} of every page and data file (read_sources)."""
    pages = [rel for rel in texts if rel.endswith(".md")]
    return [
        (
            bilingual(
                "Every page needs a version in each language:",
                "Mỗi trang cần có bản bằng từng ngôn ngữ",
            ),
            [located(p) for p in check_translations(pages, languages)],
        ),
        (
            bilingual(
                f"The {lang!r} pages or data files need corrections; fix these and build again:",
                f"Các trang {LANGUAGE_NAMES.get(lang, lang)} ({lang!r}) hoặc các tệp dữ liệu cần sửa; sửa các "
                "lỗi dưới đây rồi dựng lại",
            ),
            [located(p) for p in check_sources(texts, lang, nav, config_text)],
        ),
    ]


def decode_sources(files: dict[str, bytes]) -> tuple[dict[str, str], list[Problem]]:
    """The text of each file's bytes ({path relative to docs: bytes}), and the files that are not UTF-8 text."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for rel, data in sorted(files.items()):
        text, found = decode(rel, data)
        problems += found
        if text is not None:
            texts[rel] = text.replace("\r\n", "\n").replace("\r", "\n")
    return texts, problems


@lru_cache(maxsize=512)
def check_page(rel: str, text: str) -> tuple[Problem, ...]:
    """Problems of one Markdown page that the document rules (ids, footnotes, NFC) do not cover
    (remembered by content: each language's build and each test asks again about unchanged pages)."""
    return tuple(
        check_invisible(rel, text)
        + check_tabs(rel, text)
        + check_heading_spaces(rel, text)
        + check_front_matter(rel, text)
        + check_underlined_headings(rel, text)
        + check_markers(rel, text)
        + check_raw_html(rel, text)
    )


def check_sources(
    texts: dict[str, str], lang: str, nav: list[str], config_text: str = "", default: str = "vi"
) -> list[Problem]:
    """Every problem of the sources of one language: pages, links, menu, data files and, for a language
    other than the default, its agreement with the default language's pages."""
    pages = {
        rel: text
        for rel, text in texts.items()
        if rel.endswith(".md") and file_language(rel, default) == lang
    }
    problems = check_language(pages)
    for rel, text in pages.items():
        problems += check_page(rel, text)
    full_text = {
        neutral_path(rel)
        for rel, text in pages.items()
        if re.search(
            r"^full_text:\s*true\s*$", "\n".join(text.split("\n")[: front_matter_lines(text)]), re.M
        )
    }
    problems += check_links(pages, full_text)
    problems += check_nav(
        sorted({neutral_path(rel) for rel in texts if rel.endswith(".md")}), nav, config_text
    )
    data = {rel: text for rel, text in texts.items() if rel.endswith((".yml", ".yaml"))}
    for rel, text in data.items():
        problems += _check_data(rel, text)
    if lang != default and not problems:
        problems += check_translation(texts, lang, default)
    return problems


def check_translation(texts: dict[str, str], lang: str, default: str = "vi") -> list[Problem]:
    """The pages of `lang` against the default language's: same ids, levels, numbers (the glossary's
    terms: draftsite.translation.translation_checks)."""
    problems = []
    for rel, text in texts.items():
        if not rel.endswith(".md") or file_language(rel, default) != default:
            continue
        other = rel[:-3] + f".{lang}.md"
        if other in texts:
            problems += _check_pair(rel, text, other, texts[other])
    return problems


@lru_cache(maxsize=64)
def _check_data(rel: str, text: str) -> tuple[Problem, ...]:
    """A data file's problems (remembered by content)."""
    found = check_data_text(rel, text)
    if rel == GLOSSARY and not found:
        found = check_glossary(rel, text)
    return tuple(found)


@lru_cache(maxsize=512)
def _check_pair(rel: str, text: str, other: str, other_text: str) -> tuple[Problem, ...]:
    """A page and its translation compared (remembered by content)."""
    return tuple(translation_check(rel, text, other, other_text, is_document_page(rel)))


def located(problem: Problem) -> str:
    """A problem as the editor reads it: the path from the project's root."""
    return str(problem) if problem.file == "mkdocs.yml" else f"docs/{problem}"
