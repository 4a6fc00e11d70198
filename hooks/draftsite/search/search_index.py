"""The search index: one entry per section of each page (text only, no chrome), one per footnote,
written per language as compact UTF-8 JSON for the accent-insensitive search worker. Each entry of
the document says where it is ("Phần thứ nhất › II. Kết quả thực hiện cụ thể trên các lĩnh vực"),
so that look-alike headings of the two parts can be told apart in the results."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from draftsite.html import LINK_LINES

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_BLOCK = {
    "p",
    "li",
    "td",
    "th",
    "tr",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "figcaption",
    "caption",
    "section",
    "article",
}
_SKIP_TAGS = {"script", "style", "svg", "figure", "sup", "button", "template", "noscript"}
_SKIP_CLASSES = {
    "headerlink",
    "indicator-downloads",
    "comment-link",
    "comment-count",
    "comment-privacy",
    "guide-links",
    "footnote-backref",
    "revision-link",
    "retired-anchor",
}
_HEADING = re.compile(r"^h[1-6]$")


PLACE_SEPARATOR = " › "


@dataclass
class Entry:
    """A search entry: a section (or footnote) of a page, with its title and text."""

    location: str
    title: str
    text: list[str] = field(default_factory=list)
    section: str | None = None  # the id of the section the entry is (a page's entry: its h1's id)
    holder: str | None = None  # a footnote's: the id of the section that holds it (the page's h1)

    def as_json(self) -> dict:
        """The entry as the search index writes it (short keys)."""
        entry = {"l": self.location, "t": _squash(self.title), "x": _squash(" ".join(self.text))}
        if self.section:
            entry["s"] = self.section
        if self.holder:
            entry["in"] = self.holder
        return entry


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Extractor(HTMLParser):
    """Walks a page's content HTML and cuts it into section entries at headings with ids."""

    def __init__(self, page_url: str, page_title: str, footnote_title: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.footnote_title = footnote_title
        self.entries = [Entry(page_url, page_title)]
        self.footnotes: list[Entry] = []
        self.stack: list[str] = []
        self.skip_depth: int | None = None
        self.heading_depth: int | None = None
        self.heading_text: list[str] = []
        self.footnote_depth: int | None = None
        self.current_footnote: Entry | None = None
        self.page_section: str | None = None  # the id of the page's h1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag not in _VOID:
            self.stack.append(tag)
        if self.skip_depth is not None:
            return
        classes = set((attributes.get("class") or "").split())
        if (
            tag in _SKIP_TAGS
            or "data-search-exclude" in attributes
            or classes & _SKIP_CLASSES
            or "hidden" in attributes
        ):
            if tag not in _VOID:
                self.skip_depth = len(self.stack)
            return
        if tag == "div" and "footnote" in classes:
            self.footnote_depth = len(self.stack)
        elif (
            self.footnote_depth is not None
            and tag == "li"
            and (attributes.get("id") or "").startswith("fn:")
        ):
            number = attributes["id"][3:]
            self.current_footnote = Entry(
                f"{self.page_url}#fn:{number}",
                self.footnote_title.format(number=number),
                holder=self.page_section,
            )
            self.footnotes.append(self.current_footnote)
        elif _HEADING.match(tag) and attributes.get("id") and self.footnote_depth is None:
            self.heading_depth = len(self.stack)
            self.heading_text = []
            if tag == "h1" and self.page_section is None:
                self.page_section = attributes["id"]
            if (
                tag == "h1"
                and len(self.entries) == 1
                and not _squash(" ".join(self.entries[0].text))
            ):
                self.entries[0].title = ""  # the h1 names the page entry itself
                self.entries[0].section = attributes["id"]
            else:
                self.entries.append(
                    Entry(f"{self.page_url}#{attributes['id']}", "", section=attributes["id"])
                )
        if tag in _BLOCK:
            self._add(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        depth = len(self.stack)
        if self.skip_depth is not None and depth == self.skip_depth:
            self.skip_depth = None
        elif self.heading_depth is not None and depth == self.heading_depth:
            self.entries[-1].title = _squash(" ".join(self.heading_text))
            self.heading_depth = None
        elif self.footnote_depth is not None and depth == self.footnote_depth:
            self.footnote_depth = None
            self.current_footnote = None
        if self.stack:
            self.stack.pop()
        if tag in _BLOCK and self.skip_depth is None:
            self._add(" ")

    def handle_data(self, data: str) -> None:
        if self.skip_depth is None:
            self._add(data)

    def _add(self, text: str) -> None:
        if self.heading_depth is not None:
            self.heading_text.append(text)
        elif self.footnote_depth is not None:
            if self.current_footnote is not None:
                self.current_footnote.text.append(text)
        else:
            self.entries[-1].text.append(text)


# Tags, comments and text of the generated HTML (Python-Markdown and the hooks write well-formed
# HTML with quoted attributes), for walking it several times faster than html.parser.
_TOKEN = re.compile(
    r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+|<)", re.S
)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


# Chrome the extractor skips anyway, cut out before walking (most of a page's tags): paragraph
# tools, buttons, icons, heading links; comment and revision lines.
_INLINE_CHROME = re.compile(
    r'<span class="paragraph-tools" data-search-exclude><a [^>]*>[^<]*</a>'
    r'<button [^>]*>(?:<span aria-hidden="true">[^<]*</span>)?</button></span>'
    r'|<button\b[^>]*>[^<]*</button>|<svg\b.*?</svg>|<a class="headerlink"[^>]*>[^<]*</a>',
    re.S,
)


def _walk(extractor: _Extractor, html: str) -> None:
    """Feed `html` to the extractor as start tags, end tags and text."""
    html = LINK_LINES.sub(" ", _INLINE_CHROME.sub("", html))
    for match in _TOKEN.finditer(html):
        closing, tag, attributes, text = match.groups()
        if text is not None:
            extractor.handle_data(unescape(text))
        elif tag is None:
            continue  # a comment
        elif closing:
            extractor.handle_endtag(tag.lower())
        else:
            tag = tag.lower()
            pairs = [
                (
                    m[1].lower(),
                    unescape(next((v for v in m.groups()[1:] if v is not None), ""))
                    if m[0] != m[1]
                    else None,
                )
                for m in _ATTRIBUTE.finditer(attributes)
            ]
            extractor.handle_starttag(tag, pairs)
            if attributes.rstrip().endswith("/") and tag not in _VOID:
                extractor.handle_endtag(tag)


def page_entries(
    content_html: str, page_url: str, page_title: str, footnote_title: str
) -> list[dict]:
    """Search entries of one page: the page itself, each section with an id, and each footnote."""
    parser = _Extractor(page_url, page_title, footnote_title)
    _walk(parser, content_html)
    entries = parser.entries
    if not entries[0].title:
        entries[0].title = page_title
    if entries[0].section is None:
        entries[
            0
        ].section = parser.page_section  # text before the h1: the page is still its h1's section
    return [e.as_json() for e in entries + parser.footnotes if e.title or e.text]


def add_places(
    entries: list[dict],
    crumbs_of: Callable[[str], list[str]],
    crumbs_inside: Callable[[str], list[str]],
) -> tuple[list[str], list[dict]]:
    """The entries with where each one is: the section ids the pages gave ("s", and "in" for a footnote)
    are replaced by "p", the number of its place in the returned list of places ("Phần thứ nhất › II.
    Kết quả…"), each place written once. An entry whose page heading (shown above it in the results)
    already tells its place (the same place, or the page's own section) gets "h": its place is only
    read out. `crumbs_of(id)` and `crumbs_inside(id)` name where a section is and where the things
    inside it are ([] for a section that is not part of the document)."""
    told_by_page: dict[str, list[list[str]]] = {}
    for entry in entries:
        if "#" not in entry["l"] and entry.get("s"):
            told_by_page[entry["l"]] = [crumbs_of(entry["s"]), crumbs_inside(entry["s"])]
    places: dict[str, int] = {}
    placed = []
    for entry in entries:
        entry = dict(entry)
        section, holder = entry.pop("s", None), entry.pop("in", None)
        crumbs = crumbs_of(section) if section else crumbs_inside(holder) if holder else []
        if crumbs:
            entry["p"] = places.setdefault(PLACE_SEPARATOR.join(crumbs), len(places))
            if "#" in entry["l"] and crumbs in told_by_page.get(entry["l"].split("#")[0], []):
                entry["h"] = 1
        placed.append(entry)
    return list(places), placed


def index_json(lang: str, entries: list[dict], places: list[str] = ()) -> str:
    """The index file for one language: compact UTF-8 JSON (no \\\\u escapes); `places` are the names of
    where entries are, which each entry's "p" numbers."""
    return json.dumps(
        {"lang": lang, "places": list(places), "docs": entries},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def stub_json(lang: str) -> str:
    """The small file Material's page script fetches at start-up: configuration only, no documents
    (the worker fetches the real per-language index when the reader first searches)."""
    return json.dumps(
        {
            "config": {"lang": [lang], "separator": r"[\s\-]+", "pipeline": [], "fields": {}},
            "docs": [],
        },
        separators=(",", ":"),
    )
