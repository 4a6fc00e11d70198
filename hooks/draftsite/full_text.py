"""Assembling the whole document as one Markdown page."""

from __future__ import annotations

import re

from draftsite.model import Document
from draftsite.paragraphs import SECTION_MARK
from draftsite.sections import front_matter_lines

_HEADING = re.compile(r"^(#{1,5})(\s)", re.M)
_TITLE = re.compile(r"^title:\s*(.+)$", re.M)


# The pages' Markdown one after the other: front matter dropped, headings one level down; a page
# without a heading of its own (the cover letter) gets its title as a heading.
def assemble(sources: list[str]) -> str:
    parts = []
    for text in sources:
        lines = text.split("\n")
        skip = front_matter_lines(text)
        front = "\n".join(lines[:skip])
        body = "\n".join(lines[skip:]).strip()
        section = re.search(r"^section_id:\s*(\S+)", front, re.M)
        first = re.search(r"^#{1,6}\s.*\{[^}]*#([a-z0-9-]+)", body, re.M)
        if not re.search(r"^#\s", body, re.M):
            title = _TITLE.search(front)
            if title and section:
                body = f"# {title[1].strip()} {{ #{section[1]} }}\n\n{body}"
        leading = section[1] if section else (first[1] if first else None)
        mark = SECTION_MARK.format(id=leading) + "\n\n" if leading else ""
        parts.append(mark + _HEADING.sub(lambda m: "#" + m[1] + m[2], body))
    return "\n\n".join(parts) + "\n"


# A table of contents of the first two heading levels of every page, linking within the page.
def table_of_contents(document: Document, order: list[str]) -> str:
    lines = []
    for page in order:
        sections = document.on_page(page)
        if not sections:
            continue
        top = min(s.level for s in sections)
        for section in sections:
            if section.level <= top + 1:
                indent = "    " * (section.level - top)
                title = re.sub(r"<[^>]+>", " ", section.title)
                title = re.sub(r"\s+", " ", title).replace("\\*", "*").strip()
                lines.append(f"{indent}- [{title}](#{section.id})")
    return "\n".join(lines)

