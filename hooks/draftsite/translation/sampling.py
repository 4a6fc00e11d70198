"""A reproducible random sample of the document's paragraphs, for the blind check of the English
translation (editors/ra-soat-ban-dich/README.md): paragraphs, list items and footnotes (never
headings) of the document pages, each with its Vietnamese and the English block aligned with it,
as Markdown ready to paste into a review file.

Blocks are the translation memory's (draftsite.translation.translation_memory.page_blocks), named as the site
names them: `dN` is the N-th paragraph or list item of the section, the one whose ¶ anchor is
`<section-id>-dN` (text above a page's first heading, such as a letterhead, comes first, in the
page's `section_id` or first section); a footnote is `fnNAME`, in the section that cites it (its
body is written at the end of the page).
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from draftsite.document.model import is_document_page
from draftsite.document.sections import front_matter_lines, headings, split_sections
from draftsite.translation.translation_memory import Block, page_blocks

_SECTION_ID = re.compile(r"^section_id:\s*(\S+)", re.M)
_ATTR_LIST = re.compile(r"\s*\{\s*[.#][^}]*\}")
_FOOTNOTE_MARKER = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_LOG_SECTION = re.compile(r"^##\s+`?([a-z0-9]+(?:-[a-z0-9]+)*)`?\s*(?:$|[—–:(]|- )")
_LOG_ROW = re.compile(r"^\|\s*([^|]+?)\s*\|")
# A block named in a log's first column: "d3", "d3 (2)", "d2–d6", "fn9".
_BLOCK_NAME = re.compile(r"^(?:d(\d+)(?:\s*[–-]\s*d?(\d+))?|(fn[\w-]+))(?:\s*\(.*\))?$")


@dataclass(frozen=True)
class Sampled:
    """A Vietnamese block drawn for review, with the English block of the same key."""

    vi: Block
    en: Block | None  # the English block with the same key, if any
    aligned: bool  # whether the English section has as many blocks as the Vietnamese one


def _leading_blocks(rel: str, text: str) -> list[Block]:
    """The blocks above the page's first heading with an id (after the front matter), numbered
    d1, d2… in the page's `section_id` (front matter) or first section."""
    lines = text.split("\n")
    skip = front_matter_lines(text)
    with_id = [h for h in headings(text) if h.id]
    stop = with_id[0].line - 1 if with_id else len(lines)
    meta = _SECTION_ID.search("\n".join(lines[:skip]))
    section = meta[1] if meta else (with_id[0].id if with_id else "page")
    fake = f"# _ {{ #{section} }}\n" + "\n".join(lines[skip:stop])
    return [
        Block(rel, b.line - 1 + skip, f"{section}#d{b.key.split('#', 1)[1]}", b.text)
        for b in page_blocks(rel, fake)
        if not b.key.endswith("#0")
    ]


def _citing_sections(text: str) -> dict[str, str]:
    """The section that first cites each footnote of a page: {footnote name: section id}."""
    citing: dict[str, str] = {}
    for section in split_sections(text):
        for line in [section.title, *section.body]:
            for name in _FOOTNOTE_MARKER.findall(line):
                citing.setdefault(name, section.id)
    return citing


def review_blocks(rel: str, text: str) -> list[Block]:
    """Every paragraph, list item and footnote of a page, in order, keyed "section#dN" (N as in the
    paragraph's anchor `section-dN` on the site: the text above the first heading comes first) or
    "section#fnNAME" (a footnote, in the section that cites it); headings left out."""
    leading = _leading_blocks(rel, text)
    shift = {leading[0].key.split("#")[0]: len(leading)} if leading else {}
    citing = _citing_sections(text)
    blocks = []
    for block in page_blocks(rel, text):
        section, number = block.key.split("#", 1)
        if number == "0":
            continue
        if number.startswith("^"):
            key = f"{citing.get(number[1:], section)}#fn{number[1:]}"
        else:
            key = f"{section}#d{int(number) + shift.get(section, 0)}"
        blocks.append(replace(block, key=key))
    return leading + blocks


def english_path(rel: str) -> str:
    """The English page of a Vietnamese page ("a/b.md" → "a/b.en.md")."""
    return re.sub(r"\.md$", ".en.md", rel)


def document_pages(paths: list[str], order: list[str] | None = None) -> list[str]:
    """The Vietnamese document pages among `paths`, in the order of `order` (the menu), then by path."""
    pages = [
        p for p in paths if is_document_page(p) and not p.endswith(".en.md") and p.endswith(".md")
    ]
    rank = {page: i for i, page in enumerate(order or [])}
    return sorted(pages, key=lambda p: (rank.get(p, len(rank)), p))


def _block_names(cell: str) -> list[str] | None:
    """The blocks a log's first cell names ("d3", "d3 (2)", "d2–d6", "fn9", several with commas), or
    None when it names no block (a header, a separator, a heading "h")."""
    names: list[str] = []
    for item in cell.split(","):
        match = _BLOCK_NAME.match(item.strip())
        if not match:
            return None
        if match[3]:
            names.append(match[3])
        else:
            first, last = int(match[1]), int(match[2] or match[1])
            names += [f"d{n}" for n in range(first, last + 1)]
    return names


def logged_blocks(log_text: str) -> set[str]:
    """The blocks named in the findings tables of a review log, as "section#block" keys: the first
    cell of the table rows under each `## section-id` entry (editors/ra-soat-ban-dich/README.md,
    section 3.2)."""
    found: set[str] = set()
    section = ""
    for line in log_text.split("\n"):
        if line.startswith("#"):
            heading = _LOG_SECTION.match(line)
            section = heading[1] if heading and not heading[1].isdigit() else ""
            continue
        row = _LOG_ROW.match(line.strip())
        names = _block_names(row[1]) if section and row else None
        if names:
            found |= {f"{section}#{name}" for name in names}
    return found


def draw_population(
    vi_pages: dict[str, str], order: list[str] | None = None, skip: Iterable[str] = ()
) -> list[Block]:
    """The blocks a sample is drawn from, in document order: every review block of the document
    pages except those whose "section#block" key is in `skip`."""
    skipped = set(skip)
    blocks: list[Block] = []
    for rel in document_pages(list(vi_pages), order):
        blocks += [b for b in review_blocks(rel, vi_pages[rel]) if b.key not in skipped]
    return blocks


def share_count(total: int, share: float) -> int:
    """How many blocks make `share` per cent of `total`, rounded up."""
    return math.ceil(total * share / 100)


def sample_blocks(
    vi_pages: dict[str, str],
    en_pages: dict[str, str],
    seed: int,
    count: int,
    order: list[str] | None = None,
    skip: Iterable[str] = (),
) -> tuple[list[Sampled], int]:
    """`count` blocks drawn at random with `seed` from the document pages (all of them if there are
    fewer), leaving out the keys in `skip`, in document order, each with its English twin; and how
    many blocks there were to draw from. The same pages, seed and skip list give the same sample."""
    blocks = draw_population(vi_pages, order, skip)
    chosen = sorted(random.Random(seed).sample(range(len(blocks)), min(count, len(blocks))))
    english: dict[str, list[Block]] = {}
    sampled = []
    for index in chosen:
        block = blocks[index]
        en_rel = english_path(block.file)
        if en_rel not in english:
            english[en_rel] = review_blocks(en_rel, en_pages.get(en_rel, ""))
        section = block.key.split("#")[0]
        vi_section = [
            b
            for b in review_blocks(block.file, vi_pages[block.file])
            if b.key.split("#")[0] == section
        ]
        en_section = [b for b in english[en_rel] if b.key.split("#")[0] == section]
        twin = next((b for b in en_section if b.key == block.key), None)
        sampled.append(Sampled(block, twin, len(vi_section) == len(en_section)))
    return sampled, len(blocks)


def shown(block_text: str) -> str:
    """A block's Markdown as a quotation: attribute lists dropped, on one line."""
    return "> " + " ".join(_ATTR_LIST.sub("", block_text).split())


def sample_markdown(sampled: list[Sampled], seed: int, total: int, command: str = "") -> str:
    """The sample as Markdown: a heading per paragraph with page, section and block, the Vietnamese
    and the English with their file:line, and a line for the reviewer's finding. `command`: how the
    sample was drawn, to write in the log."""
    command = command or f"python tools/sample_paragraphs.py --seed {seed} --count {len(sampled)}"
    out = [
        f"## Random sample: seed {seed}, {len(sampled)} of {total} paragraphs",
        "",
        f"Drawn with `{command}`. Finding classes: none, meaning, term, calque, minor.",
        "",
    ]
    for number, item in enumerate(sampled, start=1):
        section, block = item.vi.key.split("#", 1)
        out += [
            f"### {number}. {item.vi.file} · section `{section}` · block {block}",
            "",
            f"Vietnamese (`docs/{item.vi.file}:{item.vi.line}`):",
            "",
            shown(item.vi.text),
            "",
        ]
        if item.en is None:
            out += ["English: **no English block with this key**", ""]
        else:
            note = (
                ""
                if item.aligned
                else " (the English section has a different number of blocks: check the pairing)"
            )
            out += [
                f"English (`docs/{item.en.file}:{item.en.line}`){note}:",
                "",
                shown(item.en.text),
                "",
            ]
        out += ["Finding: none", ""]
    return "\n".join(out)
