"""The draft's text as data: `van-ban.json` at each language's root, read by compare.js to compare
any two published drafts and to follow one section through every draft. Every section of the
document in order (also those without paragraphs), with its label, plain title, page, parent and
paragraphs (the stable ids that are on the page, with their plain text, footnote markers left out),
and the section ids retired in this draft (removed, or merged into a successor)."""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from draftsite.document.model import Section, page_url

FILE_NAME = "van-ban.json"
_FOOTNOTE_MARKER = re.compile(r"<sup\b[^>]*>.*?</sup>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<br\b[^>]*>", re.I)
_SPACES = re.compile(r"\s+")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
# Chrome inside a block (the discussion guide's links to the draft and its comment link).
_EXCLUDED_SPAN = re.compile(r"<span\b[^>]*\bdata-search-exclude\b[^>]*>.*?</span>", re.S)
_BOUNDARY = re.compile(r"<(?:h[1-6]|div|table|figure|ul|ol)\b|<!-- section:", re.I)


class _Block(Protocol):
    start: int
    end: int
    tag: str


@dataclass
class DraftTexts:
    """The paragraphs found so far in one build: {language: {section id: [[paragraph id, text], …]}}."""

    paragraphs: dict[str, dict[str, list[list[str]]]] = field(default_factory=dict)

    def add(self, lang: str, found: Sequence[tuple[str, str, str]]) -> None:
        """Keep a page's paragraphs (section id, paragraph id, text), in order; a section is kept
        from the first page that shows it."""
        sections = self.paragraphs.setdefault(lang, {})
        fresh: dict[str, list[list[str]]] = {}
        for section, ident, text in found:
            if section in sections:
                continue
            fresh.setdefault(section, []).append([ident, text])
        sections.update(fresh)


def plain(text: str) -> str:
    """Inline HTML as plain text: tags dropped, entities and Markdown escapes read, spaces collapsed."""
    return _SPACES.sub(" ", html_lib.unescape(_ESCAPED.sub(r"\1", _TAGS.sub(" ", text)))).strip()


def block_texts(content: str, found: Sequence[_Block]) -> list[str]:
    """The plain text of each block found in `content` (draftsite.citations.paragraphs.find_blocks):
    from its opening tag to its closing tag, the next block or the next heading, container or list,
    without the chrome inside it (spans the search skips) and without footnote markers."""
    texts = []
    for k, block in enumerate(found):
        stop = found[k + 1].start if k + 1 < len(found) else len(content)
        closing = content.find(f"</{block.tag}>", block.end, stop)
        stop = closing if closing >= 0 else stop
        boundary = _BOUNDARY.search(content, block.end, stop)
        chunk = content[block.end : boundary.start() if boundary else stop]
        chunk = _BREAK.sub(" ", _FOOTNOTE_MARKER.sub("", _EXCLUDED_SPAN.sub("", chunk)))
        texts.append(
            _SPACES.sub(" ", html_lib.unescape(_TAGS.sub("", chunk))).replace(" ,", ",").strip()
        )
    return texts


def document_order(sections: Sequence[Section], pages: Sequence[str]) -> list[Section]:
    """The sections in reading order: by their page's place in `pages` (the navigation), then as
    read from the page; pages outside the navigation last."""
    place = {page: k for k, page in enumerate(pages)}
    return [
        s
        for _, _, s in sorted((place.get(s.page, len(place)), k, s) for k, s in enumerate(sections))
    ]


def outline_parent(section: Section, known: set[str]) -> str | None:
    """The section a section belongs to: its parent on its page, or, for a page's first section, the
    section whose id is the longest prefix of its own (p1-ii-1 under p1-ii)."""
    if section.parent is not None:
        return section.parent
    parts = section.id.split("-")
    return next(
        ("-".join(parts[:n]) for n in range(len(parts) - 1, 0, -1) if "-".join(parts[:n]) in known),
        None,
    )


def draft_texts(
    draft: str,
    lang: str,
    label: str,
    sections: Sequence[Section],
    pages: Sequence[str],
    paragraphs: dict[str, list[list[str]]],
    retired: dict[str, tuple[str, str]],
) -> dict:
    """The data of one language of one draft (see the module's docstring); `pages`: the navigation's
    pages in order."""
    known = {s.id for s in sections}
    return {
        "draft": draft,
        "lang": lang,
        "label": label,
        "sections": [
            {
                "id": s.id,
                "label": s.label,
                "title": plain(s.title),
                "page": page_url(s.page),
                "parent": outline_parent(s, known),
                "paragraphs": paragraphs.get(s.id, []),
            }
            for s in document_order(sections, pages)
        ],
        "retired": {
            ident: {"status": status, "into": into}
            for ident, (status, into) in sorted(retired.items())
        },
    }


def draft_texts_json(data: dict) -> str:
    """The file's text: compact JSON, the same bytes for the same data."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
