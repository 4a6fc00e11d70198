"""The whole document on one page, from the chapter pages' finished HTML, its headings nested by the
document's own numbering (Part > I. > 1. > 1.1. > 1.1.1. > *), and its table of contents."""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from dataclasses import dataclass

from draftsite.citations.paragraphs import SECTION_MARK, tools_on_demand
from draftsite.document.model import Document
from draftsite.document.sections import front_matter_lines

_TITLE = re.compile(r"^title:\s*(.+)$", re.M)
_SECTION_ID = re.compile(r"^section_id:\s*(\S+)", re.M)
# HTML has six heading levels; a deeper section is an h6 that tells assistive technology its level.
MAX_HTML_LEVEL = 6


def outline_depths(document: Document) -> dict[str, int]:
    """Each section's depth in the document's outline: a part (Phần, the letter, the guide) is 1, its
    sections 2, and so on. A page's first section hangs under the section whose id is the longest
    prefix of its own (p1-ii-1 under p1-ii); the others under their parents on the page."""
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


def table_of_contents(document: Document, order: list[str], sources: list[str]) -> str:
    """A nested table of contents, linking within the page: every page's first two heading levels,
    indented by their depth in the document's outline; a page without headings (the cover letter)
    by its title."""
    depths = outline_depths(document)
    lines = []
    for page, text in zip(order, sources, strict=False):
        sections = document.on_page(page)
        if not sections:
            front = text.split("\n")[: front_matter_lines(text)]
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


# ---------------------------------------------------------------------------------------------
# The full text from the chapter pages' finished HTML: each page's Markdown is converted once,
# and the full-text page takes the chapters' content (ids, paragraph tools, comment links) as is,
# with its headings re-levelled by the outline and its relative links rebased to its own address.

_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_ROOT = "/" + "up/" * 16
_HTML_HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.S)
_ID_ATTR = re.compile(r'\sid="([^"]*)"')
_ANY_ID = re.compile(r'\sid="([^"]+)"')
_HREF = re.compile(r'(<a\s[^>]*?href=")([^"#]*#[^"]+)(")')
_FOOTNOTES = re.compile(
    r'\s*<div class="footnote">\s*<hr />\s*<ol>\n?(.*?)</ol>\s*</div>\s*$', re.S
)


@dataclass(frozen=True)
class Chapter:
    """One page of the document as the full text takes it: its address and finished content."""

    url: str  # the page's URL path ("phan-thu-nhat/kinh-te/", "en/cong-van/")
    html: str  # the page's content after every page hook
    title: str  # the page's title (a page without a heading of its own gets it as its heading)
    section_id: str | None  # the front matter's section_id


def rebase_url(url: str, source: str, target: str) -> str:
    """A relative address in a page at `source` (a URL path like "a/b/") as seen from `target`."""
    if not url or url.startswith(("#", "/")) or _SCHEME.match(url):
        return url
    path, sep, rest = url.partition("#") if "#" in url else (url, "", "")
    path, qsep, query = path.partition("?")
    # Resolved under a deep stand-in root, so that links above the site's own root (from an
    # archived draft to another) keep every "../".
    absolute = posixpath.normpath(posixpath.join(_ROOT + source, path)) if path else _ROOT + source
    if (path.endswith("/") or not path) and not absolute.endswith("/"):
        absolute += "/"
    relative = (
        posixpath.relpath(absolute, _ROOT + target)
        if absolute.rstrip("/") != (_ROOT + target).rstrip("/")
        else "."
    )
    if absolute.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if relative == "./" and sep and not qsep:
        relative = ""  # a link into the page itself becomes a bare anchor
    return relative + (qsep + query if qsep else "") + (sep + rest if sep else "")


def rebase_links(html: str, source: str, target: str) -> str:
    """Every href and src of `html` rebased from the page at `source` to the page at `target`."""
    if source == target:
        return html
    return _URL_ATTR.sub(lambda m: m[1] + rebase_url(m[2], source, target) + m[3], html)


def relevel_headings(html: str, depths: dict[str, int]) -> str:
    """Headings at the level of their section's depth in the outline, one below the page's title (h6
    with aria-level beyond h6)."""

    def relevel(match: re.Match) -> str:
        ident = _ID_ATTR.search(match[2] or "")
        level = depths.get(ident[1], int(match[1])) + 1 if ident else int(match[1]) + 1
        shown = min(level, MAX_HTML_LEVEL)
        extra = f' aria-level="{level}"' if level > MAX_HTML_LEVEL else ""
        return f"<h{shown}{extra}{match[2] or ''}>{match[3]}</h{shown}>"

    return _HTML_HEADING.sub(relevel, html)


def split_footnotes(html: str) -> tuple[str, str]:
    """A page's content without its footnotes list, and the list's items."""
    match = _FOOTNOTES.search(html)
    return (html[: match.start()], match[1]) if match else (html, "")


def assemble_html(
    chapters: list[Chapter], document: Document, target: str, permalink_title: str
) -> str:
    """The whole document as one piece of HTML for the page at `target`: the chapters in reading order,
    each after its section mark, and one footnotes list at the end; paragraph tools on demand."""
    depths = outline_depths(document)
    parts, notes = [], []
    for chapter in chapters:
        body, items = split_footnotes(chapter.html)
        body = relevel_headings(
            rebase_links(tools_on_demand(body), chapter.url, target), depths
        ).strip()
        found = _HTML_HEADING.search(body)
        if not found and chapter.section_id:
            title = html_lib.escape(chapter.title, quote=False)
            link = f'<a class="headerlink" href="#{chapter.section_id}" title="{html_lib.escape(permalink_title)}">&para;</a>'
            body = f'<h2 id="{chapter.section_id}">{title}{link}</h2>\n{body}'
        first = _ID_ATTR.search(found[2] or "") if found else None
        leading = chapter.section_id or (first[1] if first else None)
        mark = SECTION_MARK.format(id=leading) + "\n\n" if leading else ""
        parts.append(mark + body)
        if items:
            notes.append(rebase_links(items, chapter.url, target))
    footnotes = (
        f'\n<div class="footnote">\n<hr />\n<ol>\n{"".join(notes)}</ol>\n</div>' if notes else ""
    )
    pages = {rebase_url("./", chapter.url, target) for chapter in chapters}
    return link_within("\n\n".join(parts) + footnotes, pages)


def link_within(html: str, pages: set[str]) -> str:
    """Links to a chapter page's section or paragraph as links within the full text."""
    ids = set(anchor_ids(html))

    def within(match: re.Match) -> str:
        path, _, fragment = match[2].partition("#")
        return f"{match[1]}#{fragment}{match[3]}" if path in pages and fragment in ids else match[0]

    return _HREF.sub(within, html)


def side_contents(html: str) -> list[tuple[str, str, list]]:
    """The assembled document's parts (h2) and their first-level sections (h3) as (id, text, children),
    for the page's side contents: every deeper heading keeps its anchor and is listed in the page's
    own contents, but a hundred more menu entries would be laid out on every load."""
    parts: list[tuple[str, str, list]] = []
    for match in _HTML_HEADING.finditer(html):
        ident = _ID_ATTR.search(match[2] or "")
        if not ident or match[1] not in ("2", "3") or (match[1] == "3" and not parts):
            continue
        text = re.sub(r'<a class="headerlink".*?</a>|<button.*?</button>', "", match[3], flags=re.S)
        entry = (
            ident[1],
            html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text))).strip(),
            [],
        )
        (parts.append(entry) if match[1] == "2" else parts[-1][2].append(entry))
    return parts


def anchor_ids(html: str) -> list[str]:
    """Every id in a piece of HTML."""
    return _ANY_ID.findall(html)


def assembled_page(
    chapters: list[Chapter], document: Document, url: str, permalink_title: str = ""
) -> tuple[str, set[str], list]:
    """The full text's body, the ids of its anchors, and its side contents (assemble_html, anchor_ids,
    side_contents), in one call."""
    body = assemble_html(chapters, document, url, permalink_title)
    return body, set(anchor_ids(body)), side_contents(body)
