"""The search index: one entry per section of each page (text only, no chrome), one per footnote,
written per language as compact UTF-8 JSON for the accent-insensitive search worker."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCK = {"p", "li", "td", "th", "tr", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table",
          "ul", "ol", "dd", "dt", "figcaption", "caption", "section", "article"}
_SKIP_TAGS = {"script", "style", "svg", "figure", "sup", "button", "template", "noscript"}
_SKIP_CLASSES = {"headerlink", "indicator-downloads", "comment-link", "comment-count", "comment-privacy", "guide-links", "footnote-backref", "revision-link", "retired-anchor"}
_HEADING = re.compile(r"^h[1-6]$")


@dataclass
class Entry:
    location: str
    title: str
    text: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"l": self.location, "t": _squash(self.title), "x": _squash(" ".join(self.text))}


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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag not in _VOID:
            self.stack.append(tag)
        if self.skip_depth is not None:
            return
        classes = set((attributes.get("class") or "").split())
        if tag in _SKIP_TAGS or "data-search-exclude" in attributes or classes & _SKIP_CLASSES or "hidden" in attributes:
            if tag not in _VOID:
                self.skip_depth = len(self.stack)
            return
        if tag == "div" and "footnote" in classes:
            self.footnote_depth = len(self.stack)
        elif self.footnote_depth is not None and tag == "li" and (attributes.get("id") or "").startswith("fn:"):
            number = attributes["id"][3:]
            self.current_footnote = Entry(f"{self.page_url}#fn:{number}", self.footnote_title.format(number=number))
            self.footnotes.append(self.current_footnote)
        elif _HEADING.match(tag) and attributes.get("id") and self.footnote_depth is None:
            self.heading_depth = len(self.stack)
            self.heading_text = []
            if tag == "h1" and len(self.entries) == 1 and not _squash(" ".join(self.entries[0].text)):
                self.entries[0].title = ""  # the h1 names the page entry itself
            else:
                self.entries.append(Entry(f"{self.page_url}#{attributes['id']}", ""))
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
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+|<)", re.S)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


# Chrome the extractor skips anyway, cut out before walking (most of a page's tags): paragraph
# tools, buttons, icons, heading links; comment and revision lines.
_INLINE_CHROME = re.compile(r'<span class="paragraph-tools" data-search-exclude><a [^>]*>[^<]*</a>'
                            r'<button [^>]*>(?:<span aria-hidden="true">[^<]*</span>)?</button></span>'
                            r'|<button\b[^>]*>[^<]*</button>|<svg\b.*?</svg>|<a class="headerlink"[^>]*>[^<]*</a>', re.S)
_BLOCK_CHROME = re.compile(r'<p class="(?:comment-link|revision-link)[^"]*" data-search-exclude>.*?</p>', re.S)


# Feed `html` to the extractor as start tags, end tags and text.
def _walk(extractor: _Extractor, html: str) -> None:
    html = _BLOCK_CHROME.sub(" ", _INLINE_CHROME.sub("", html))
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
            pairs = [(m[1].lower(), unescape(next((v for v in m.groups()[1:] if v is not None), "")) if m[0] != m[1] else None)
                     for m in _ATTRIBUTE.finditer(attributes)]
            extractor.handle_starttag(tag, pairs)
            if attributes.rstrip().endswith("/") and tag not in _VOID:
                extractor.handle_endtag(tag)


# Search entries of one page: the page itself, each section with an id, and each footnote.
def page_entries(content_html: str, page_url: str, page_title: str, footnote_title: str) -> list[dict]:
    parser = _Extractor(page_url, page_title, footnote_title)
    _walk(parser, content_html)
    entries = parser.entries
    if not entries[0].title:
        entries[0].title = page_title
    return [e.as_json() for e in entries + parser.footnotes if e.title or e.text]


# The index file for one language: compact UTF-8 JSON (no \\u escapes).
def index_json(lang: str, entries: list[dict]) -> str:
    return json.dumps({"lang": lang, "docs": entries}, ensure_ascii=False, separators=(",", ":"))


# The small file Material's page script fetches at start-up: configuration only, no documents
# (the worker fetches the real per-language index when the reader first searches).
def stub_json(lang: str) -> str:
    return json.dumps({"config": {"lang": [lang], "separator": r"[\s\-]+", "pipeline": [], "fields": {}},
                       "docs": []}, separators=(",", ":"))
