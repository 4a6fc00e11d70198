"""Paragraph anchors: every paragraph and list item of the document gets an id `<section-id>-d<n>`
("d" for "đoạn"), a "¶" link to itself and a copy-citation button. The ids come from the
paragraph registry (draftsite.revisions.paragraph_ids: stable across drafts, the same in every language);
the citation counts the blocks of the section in this draft. Chrome and generated blocks are not
counted. The "d" keeps paragraph ids apart from sub-section ids: paragraph 1 of II.1.2 is
`p1-ii-1-2-d1`, while `p1-ii-1-2-1` is section II.1.2.1."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from draftsite.html import BLOCK_WITH_TOOLS, paragraph_tools
from draftsite.strings import t

_TAG = re.compile(
    r"<(/?)(h[1-6]|p|li|div|span|table|figure)\b([^>]*)>|<!-- section:([a-z0-9-]+) -->", re.I
)
# In the full-text view, each page starts with `<!-- section:ID -->`: the section its leading blocks belong to.
SECTION_MARK = "<!-- section:{id} -->"
_ID = re.compile(r'\bid="([^"]+)"')
_CLASS = re.compile(r'\bclass="([^"]*)"')
# Containers whose blocks are not the document's paragraphs.
_SKIPPED = {
    "footnote",
    "indicators",
    "translation-notice",
    "consultation-general",
    "guide-links",
    "comment-qr",
    "full-text-front",
}
_NOT_BLOCKS = {"comment-link", "indicator-downloads", "section-tools", "revision-link"}


@dataclass(frozen=True)
class Block:
    """A paragraph or list item of the document: its stable id, its section, its place in the section."""

    id: str
    section: str
    number: int  # its place in the section in this draft (1, 2, …), for citations


@dataclass(frozen=True)
class _Found:
    section: str
    start: int
    end: int
    tag: str
    attrs: str
    text: str


_BOUNDARY = re.compile(r"<(h[1-6]|div|table|figure)\b|<!-- section:", re.I)
_TAGS = re.compile(r"<[^>]+>")


def find_blocks(content: str, first_section: str) -> list[_Found]:
    """The blocks of the document in the HTML, in order, with the plain text of each."""
    found: list[_Found] = []
    section = first_section
    stack: list[tuple[str, bool]] = []  # open containers: (tag, skipping)
    for match in _TAG.finditer(content):
        if match[4]:
            section = match[4]
            continue
        closing, tag, attrs = match[1] == "/", match[2].lower(), match[3]
        skipping = any(s for _, s in stack)
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == tag:
                    del stack[i:]
                    break
            continue
        classes = set((_CLASS.search(attrs)[1] if _CLASS.search(attrs) else "").split())
        if tag in ("div", "span", "table", "figure"):
            stack.append((tag, bool(classes & _SKIPPED) or tag in ("table", "figure")))
            continue
        if tag.startswith("h"):
            heading_id = _ID.search(attrs)
            if heading_id and not skipping:
                section = heading_id[1]
            continue
        if skipping or classes & _NOT_BLOCKS or _ID.search(attrs) or "hidden" in attrs:
            continue
        found.append(_Found(section, match.start(), match.end(), tag, attrs, ""))
    texts = []
    for k, block in enumerate(found):
        stop = found[k + 1].start if k + 1 < len(found) else len(content)
        boundary = _BOUNDARY.search(content, block.end, stop)
        chunk = content[block.end : boundary.start() if boundary else stop]
        texts.append(html_lib.unescape(re.sub(r"\s+", " ", _TAGS.sub(" ", chunk))).strip())
    return [
        _Found(b.section, b.start, b.end, b.tag, b.attrs, t)
        for b, t in zip(found, texts, strict=False)
    ]


def section_block_texts(blocks: list[_Found]) -> dict[str, list[str]]:
    """The plain texts of each section's blocks, in order: {section id: [text, …]}."""
    texts: dict[str, list[str]] = {}
    for block in blocks:
        texts.setdefault(block.section, []).append(block.text)
    return texts


def anchor_paragraphs(
    content: str,
    first_section: str,
    labels: dict[str, str],
    lang: str,
    ids: dict[str, list[str]] | None = None,
    found: list[_Found] | None = None,
) -> tuple[str, list[Block]]:
    """The HTML with paragraph ids, links and citation buttons, and the blocks, in order. `ids` gives
    each section's block ids in order (from the paragraph registry); without it, blocks are numbered.
    `found`: find_blocks(content, first_section), when the caller has it already."""
    found = find_blocks(content, first_section) if found is None else found
    out: list[str] = []
    blocks: list[Block] = []
    counts: dict[str, int] = {}
    cursor = 0
    for item in found:
        counts[item.section] = number = counts.get(item.section, 0) + 1
        given = (ids or {}).get(item.section, [])
        block = Block(
            given[number - 1] if number <= len(given) else f"{item.section}-d{number}",
            item.section,
            number,
        )
        blocks.append(block)
        out.append(content[cursor : item.start])
        out.append(
            f'<{item.tag} id="{block.id}"{item.attrs}>'
            + _tools(block, labels.get(item.section, item.section), lang)
        )
        cursor = item.end
    out.append(content[cursor:])
    return "".join(out), blocks


def _tools(block: Block, label: str, lang: str) -> str:
    """The "¶" link and the citation button of one block (draftsite.html.paragraph_tools; the button
    appears once citation.js has marked the page), the cited block is the button's own."""
    citation = f"{label}, {t('label.paragraph', lang)} {block.number}"
    return paragraph_tools(
        block.id,
        citation,
        t("paragraph.link", lang, label=citation),
        t("cite.paragraph", lang, label=citation),
    )


def tools_on_demand(html: str) -> str:
    """The HTML with each block's tools replaced by their citation label on the block itself
    (`data-cite-label`): for a long page, where citation.js makes a block's tools when a reader
    reaches for them (pointer, tap, Tab key) instead of the page carrying them all."""
    return BLOCK_WITH_TOOLS.sub(r'\1 data-cite-label="\2">', html)
