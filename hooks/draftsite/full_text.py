"""Assembling the whole document as one Markdown page, its headings nested by the document's own
numbering (Part > I. > 1. > 1.1. > 1.1.1. > *), and its table of contents."""

from __future__ import annotations

import re
from typing import Protocol

from draftsite.model import Document
from draftsite.paragraphs import SECTION_MARK
from draftsite.sections import HEADING, front_matter_lines, headings


class TocEntry(Protocol):
    """An entry of a page's table of contents (MkDocs' AnchorLink)."""
    level: int
    children: list[TocEntry]


_TITLE = re.compile(r"^title:\s*(.+)$", re.M)
_SECTION_ID = re.compile(r"^section_id:\s*(\S+)", re.M)
# HTML has six heading levels; a deeper section is an h6 that tells assistive technology its level.
MAX_HTML_LEVEL = 6
# Deepest heading level (h3: a part's I., II., …) listed in the full-text page's side contents.
SIDE_TOC_DEPTH = 3


# Each section's depth in the document's outline: a part (Phần, the letter, the guide) is 1, its
# sections 2, and so on. A page's first section hangs under the section whose id is the longest
# prefix of its own (p1-ii-1 under p1-ii); the others under their parents on the page.
def outline_depths(document: Document) -> dict[str, int]:
    by_id = {s.id: s for s in document.sections}
    depths: dict[str, int] = {}

    def depth(section_id: str) -> int:
        if section_id not in depths:
            section = by_id[section_id]
            parent = section.parent
            if parent is None:
                parts = section_id.split("-")
                prefixes = ("-".join(parts[:n]) for n in range(len(parts) - 1, 0, -1))
                parent = next((p for p in prefixes if p in by_id), None)
            depths[section_id] = depth(parent) + 1 if parent else 1
        return depths[section_id]

    for section in document.sections:
        depth(section.id)
    return depths


# A heading line at `level` under the page's title (level 1): `#`s, text, attributes; beyond h6 an
# h6 with `aria-level`.
def _heading_line(level: int, text: str, attrs: str) -> str:
    extra = f' aria-level="{level}"' if level > MAX_HTML_LEVEL else ""
    attrs = (attrs.strip() + extra).strip()
    return "#" * min(level, MAX_HTML_LEVEL) + f" {text}" + (f" {{ {attrs} }}" if attrs else "")


# The pages' Markdown one after the other: front matter dropped, each heading at the level of its
# section's depth in the document's outline (one below the page's own title); a page without a
# heading of its own (the cover letter) gets its title as a heading.
def assemble(sources: list[str], document: Document) -> str:
    depths = outline_depths(document)
    parts = []
    for text in sources:
        lines = text.split("\n")
        skip = front_matter_lines(text)
        front = "\n".join(lines[:skip])
        found = headings(text)
        for heading in found:
            match = HEADING.match(lines[heading.line - 1])
            level = depths.get(heading.id or "", heading.level) + 1
            lines[heading.line - 1] = _heading_line(level, match["text"], match["attrs"] or "")
        body = "\n".join(lines[skip:]).strip()
        section = _SECTION_ID.search(front)
        if not found:
            title = _TITLE.search(front)
            if title and section:
                body = f"## {title[1].strip()} {{ #{section[1]} }}\n\n{body}"
        first = next((h.id for h in found if h.id), None)
        leading = section[1] if section else first
        mark = SECTION_MARK.format(id=leading) + "\n\n" if leading else ""
        parts.append(mark + body)
    return "\n\n".join(parts) + "\n"


# A nested table of contents, linking within the page: every page's first two heading levels,
# indented by their depth in the document's outline; a page without headings (the cover letter)
# by its title.
def table_of_contents(document: Document, order: list[str], sources: list[str]) -> str:
    depths = outline_depths(document)
    lines = []
    for page, text in zip(order, sources):
        sections = document.on_page(page)
        if not sections:
            front = text.split("\n")[:front_matter_lines(text)]
            title, section = _TITLE.search("\n".join(front)), _SECTION_ID.search("\n".join(front))
            if title and section:
                lines.append(f"- [{title[1].strip()}](#{section[1]})")
            continue
        top = min(s.level for s in sections)
        for section in sections:
            if section.level <= top + 1:
                indent = "    " * (depths[section.id] - 1)
                title = re.sub(r"<[^>]+>", " ", section.title)
                title = re.sub(r"\s+", " ", title).replace("\\*", "*").strip()
                lines.append(f"{indent}- [{title}](#{section.id})")
    return "\n".join(lines)


# The full-text page's side contents (Material's menu and table of contents): the parts and their
# first-level sections only. The page's own contents list gives two levels per page, and every
# deeper heading keeps its anchor; a hundred more menu entries would be laid out on every load.
def shallow_toc(items: list[TocEntry], depth: int = SIDE_TOC_DEPTH) -> list[TocEntry]:
    for item in items:
        item.children = [] if item.level >= depth else shallow_toc(item.children, depth)
    return items
