"""The document's sections as written in Markdown: headings with explicit `{ #id }` anchors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# An ATX heading, optionally closed by an attribute list that carries the id.
HEADING = re.compile(
    r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?[ \t]*$"
)
ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
FENCE = re.compile(r"^(```|~~~)")
# Ids are ASCII: lower-case letters, digits and single hyphens.
ID_SYNTAX = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Heading:
    """A Markdown heading: its level, text and explicit id (None when it has none)."""

    level: int
    text: str
    id: str | None
    line: int  # 1-based, in the file as written (front matter included)


@dataclass
class Section:
    """A section of one Markdown file: its heading and the lines of its body."""

    id: str
    level: int
    title: str
    line: int
    body: list[str] = field(default_factory=list)  # Markdown lines up to the next heading


def front_matter_lines(text: str) -> int:
    """Number of lines taken by a leading YAML front matter block."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return i + 1
    return 0


def headings(text: str) -> list[Heading]:
    """Every ATX heading outside code fences, with its explicit id if it has one."""
    found = []
    in_fence = False
    skip = front_matter_lines(text)
    for number, line in enumerate(text.split("\n"), start=1):
        if number <= skip:
            continue
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = HEADING.match(line)
        if not match:
            continue
        attrs = match["attrs"] or ""
        id_match = ATTR_ID.search(attrs)
        found.append(
            Heading(
                len(match["hashes"]), match["text"], id_match["id"] if id_match else None, number
            )
        )
    return found


def split_sections(text: str) -> list[Section]:
    """The page split into sections at headings that carry ids (text before the first one is dropped)."""
    sections: list[Section] = []
    marks = {h.line: h for h in headings(text)}
    for number, line in enumerate(text.split("\n"), start=1):
        heading = marks.get(number)
        if heading and heading.id:
            sections.append(Section(heading.id, heading.level, heading.text, number))
        elif sections:
            sections[-1].body.append(line)
    return sections
