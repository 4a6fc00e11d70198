"""The one model of the document: its pages, sections, ids, parents and labels, read from docs/.

Every hook that needs to know which sections exist (checks, comment links, citations, search,
translation checks) asks this module instead of parsing headings again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from draftsite.document.labels import (
    crumbs_inside,
    crumbs_of,
    section_full_label,
    section_label,
    section_number,
    title_without_number,
)
from draftsite.document.sections import front_matter_lines, headings
from draftsite.state import kept

# Pages (by path prefix) that belong to the consultation document.
DOCUMENT_PAGE_PREFIXES = (
    "cong-van",
    "bao-cao/",
    "phan-thu-nhat/",
    "phan-thu-hai/",
    "goi-y-thao-luan",
)


@dataclass(frozen=True)
class Section:
    """One section of the document: its id, heading, level, page, parent and labels."""

    id: str
    title: str  # heading text as written (may contain inline HTML)
    level: int
    page: str  # language-neutral source path, e.g. "phan-thu-nhat/kinh-te.md"
    file: str  # the file it was read from, e.g. "phan-thu-nhat/kinh-te.en.md"
    line: int
    parent: str | None
    label: str  # "Phần thứ nhất, mục II.1.2.1"
    full_label: str  # "Phần thứ nhất, mục II.1.2.1 – Trong lĩnh vực công nghiệp"
    number: str  # "II.1.2.1"


@dataclass(frozen=True)
class Document:
    """The document in one language: its sections in reading order, with lookups by id and page."""

    lang: str
    sections: tuple[Section, ...]

    def get(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        return self._by_id.get(section_id)

    @cached_property
    def _by_id(self) -> dict[str, Section]:
        """Sections by id (the first one when an id is duplicated; checks report duplicates)."""
        found: dict[str, Section] = {}
        for section in self.sections:
            found.setdefault(section.id, section)
        return found

    def on_page(self, page: str) -> list[Section]:
        """Sections of one page, in document order."""
        return [s for s in self.sections if s.page == page]

    def title_of(self, section_id: str) -> str | None:
        """The heading of a section as written, or None."""
        section = self.get(section_id)
        return section.title if section else None

    @cached_property
    def capitalised_words(self) -> frozenset[str]:
        """Words the headings write with capitals after their first word, more often than not ("Đảng",
        "Party", "GRDP"), as written: they keep their capitals when a heading in capitals is shown in
        sentence case. A word in capitals counts only between words that are not (an acronym, not a
        run of capitals such as a part's subtitle)."""
        upper: Counter[str] = Counter()
        lower: Counter[str] = Counter()
        forms: dict[str, str] = {}
        for section in self.sections:
            words = re.findall(r"[^\W\d_]+", title_without_number(section.title))
            shouting = [w.isupper() for w in words]
            for i, word in enumerate(words[1:], start=1):
                key = word.casefold()
                if word == key:
                    lower[key] += 1
                elif not shouting[i] or not (
                    shouting[i - 1] or (i + 1 < len(words) and shouting[i + 1])
                ):
                    upper[key] += 1
                    forms.setdefault(key, word)
        return frozenset(forms[key] for key in upper if upper[key] > lower[key])

    def crumbs_of(self, section_id: str) -> list[str]:
        """Where a section is, for its search result: ["Phần thứ nhất", "II. Kết quả thực hiện cụ thể trên
        các lĩnh vực"] for a section under II. of Part One; [] for a section the model does not know."""
        if section_id not in self._by_id:
            return []
        return crumbs_of(section_id, self.lang, self.title_of, self.capitalised_words)

    def crumbs_inside(self, section_id: str) -> list[str]:
        """Where things inside a section are (a page's footnotes, inside the section its h1 opens)."""
        if section_id not in self._by_id:
            return []
        return crumbs_inside(section_id, self.lang, self.title_of, self.capitalised_words)


# The language of a Markdown file by its suffix ("x.en.md" → "en"; "x.md" → the default).
def nav_pages(nav: list | None) -> list[str]:
    """The pages of mkdocs.yml's `nav`, in reading order (the document's order)."""
    pages: list[str] = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages += (
            nav_pages(value)
            if isinstance(value, list)
            else [value]
            if isinstance(value, str)
            else []
        )
    return pages


def file_language(path: str, default: str = "vi") -> str:
    """The language of a page file: `page.en.md` is English, `page.md` the default."""
    match = re.search(r"\.([a-z]{2})\.md$", path)
    return match[1] if match else default


def neutral_path(path: str) -> str:
    """The language-neutral page path of a Markdown file ("a/b.en.md" → "a/b.md")."""
    return re.sub(r"\.[a-z]{2}\.md$", ".md", path)


def page_url(page: str) -> str:
    """The URL path of a page, relative to its language's root ("a/b.md" → "a/b/", "a/index.md" → "a/")."""
    page = neutral_path(page)
    page = re.sub(r"(^|/)index\.md$", r"\1", page)
    return re.sub(r"\.md$", "/", page)


def relative_link(source: str, target: str, anchor: str | None = None) -> str:
    """A relative link from the page at URL `source` to `target` (both like "a/b/"), with an optional anchor."""
    up = "../" * source.count("/")
    return (
        f"{up}{target}" + (f"#{anchor}" if anchor else "")
        if (up or target)
        else ("./" + (f"#{anchor}" if anchor else ""))
    )


def language_prefix(lang: str, default: str = "vi") -> str:
    """The folder of a language under the site root: "" for Vietnamese (the default), "en/" for English."""
    return "" if lang == default else f"{lang}/"


def publishing_root(url: str, lang: str, permanent: bool, default: str = "vi") -> str:
    """The relative path from a page (URL like "a/b/") to the publishing root, where the latest draft
    and the du-thao/<date>/ folders live: up out of the language folder and, in a draft's permanent
    copy, out of du-thao/<date>/ too."""
    return "../" * (url.count("/") + (0 if lang == default else 1) + (2 if permanent else 0))


def is_document_page(page: str) -> bool:
    """Whether a page belongs to the consultation document (not home, notes or other site pages)."""
    return page.startswith(DOCUMENT_PAGE_PREFIXES)


def language_files(docs_dir: Path, lang: str, default: str = "vi") -> dict[str, str]:
    """Markdown files of one language under docs_dir, as {relative path: text}."""
    files = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if file_language(rel, default) == lang:
            files[rel] = path.read_text(encoding="utf-8")
    return files


def build_document(files: dict[str, str], lang: str) -> Document:
    """The document model for one language, from {relative path: Markdown text}."""
    sections: list[Section] = []
    for rel, text in files.items():
        page = neutral_path(rel)
        if not is_document_page(page):
            continue
        stack: list[Section] = []
        for heading in headings(text):
            if not heading.id:
                continue
            while stack and stack[-1].level >= heading.level:
                stack.pop()
            parent = stack[-1] if stack else None
            parent_label = parent.label if parent else None
            try:
                label = section_label(heading.id, heading.text, lang, parent_label)
                full = section_full_label(heading.id, heading.text, lang, parent_label)
                number = section_number(heading.id, heading.text, lang)
            except ValueError:
                label = full = number = heading.id  # reported by the checks
            section = Section(
                heading.id,
                heading.text,
                heading.level,
                page,
                rel,
                heading.line,
                parent.id if parent else None,
                label,
                full,
                number,
            )
            sections.append(section)
            stack.append(section)
    return Document(lang, tuple(sections))


@dataclass
class _ReadDocuments:
    """The models read in the build under way, by docs folder and language."""

    models: dict[tuple[Path, str], Document] = field(default_factory=dict)


def load_document(docs_dir: Path, lang: str) -> Document:
    """The document model read from docs_dir, read once per language and build (a new build, such as
    `mkdocs serve` after an edit, reads the files again)."""
    models = kept(_ReadDocuments).models
    key = (docs_dir, lang)
    if key not in models:
        models[key] = build_document(language_files(docs_dir, lang), lang)
    return models[key]


__all__ = [
    "Document",
    "Section",
    "build_document",
    "file_language",
    "front_matter_lines",
    "is_document_page",
    "language_files",
    "language_prefix",
    "load_document",
    "publishing_root",
    "neutral_path",
    "page_url",
    "relative_link",
]
