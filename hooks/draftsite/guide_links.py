"""Links from each item of the discussion guide to the report sections it asks about, and to the
comment form prefilled for them. The mapping lives in docs/data/goi-y-lien-ket.yml."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from draftsite.consultation import Consultation, comment_url, privacy_link_html
from draftsite.data_files import DataFileError, kind_of, line_of, load_yaml
from draftsite.model import Document, language_prefix, page_url, relative_link
from draftsite.strings import t

_HEADING = re.compile(r'<h[1-6] id="([^"]+)"')
# Items of a guide section: list items and plain paragraphs (not the italic lead-in, not our own links).
_ITEM = re.compile(r"<(li|p)>(?!<em>[^<]*</em></p>)(.*?)</\1>", re.S)


class GuideError(Exception):
    """The mapping file and the discussion guide do not fit together (at `line` of the file, if known)."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


# {guide section id: [[report section ids] for each item]} read and checked against the document.
def load_guide_links(path: Path, known: set[str]) -> dict[str, list[list[str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GuideError(f"cannot read the guide links: {error}") from error
    return parse_guide_links(text, known)


# The mapping from the file's text, checked against the document's section ids.
def parse_guide_links(text: str, known: set[str]) -> dict[str, list[list[str]]]:
    try:
        raw = load_yaml("goi-y-lien-ket.yml", text)
    except DataFileError as error:
        raise GuideError(error.problem.message, error.problem.line) from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise GuideError(f"the file is {kind_of(raw)}; it must map each guide section id to a list of items, each a "
                         "list of report section ids, e.g. gy-p1: [[p1-i], [p1-ii]]", line_of(raw))
    for guide_id, items in raw.items():
        line = line_of(raw, guide_id)
        if guide_id not in known:
            raise GuideError(f"{guide_id}: no such section in the discussion guide; use the id of a "
                             "heading of goi-y-thao-luan.md", line)
        if not isinstance(items, list) or not all(isinstance(i, list) and i for i in items):
            raise GuideError(f"{guide_id}: write one list of report section ids per item, e.g. "
                             "[[p1-i], [p1-ii]]", line)
        for item in items:
            for section in item:
                if not isinstance(section, str) or section not in known:
                    raise GuideError(f"{guide_id}: section {section!r} does not exist in the document; "
                                     "use the { #id } of a report heading", line)
    return raw


# The guide page's HTML with links after every item; a section whose item count differs is an error.
def add_guide_links(html: str, links: dict[str, list[list[str]]], document: Document, consultation: Consultation,
                    lang: str, state: str, here: str, site_url: str) -> str:
    starts = [(m.start(), m[1]) for m in _HEADING.finditer(html)] + [(len(html), None)]
    out = [html[: starts[0][0]]]
    for (start, section_id), (end, _) in zip(starts, starts[1:], strict=False):
        chunk = html[start:end]
        mapping = links.get(section_id)
        if mapping is not None:
            items = list(_ITEM.finditer(chunk))
            if len(items) != len(mapping):
                raise GuideError(f"{section_id}: the guide has {len(items)} item(s) but the data lists {len(mapping)}; "
                                 "give one list of section ids per item, in order", line_of(links, section_id))
            chunk = _ITEM.sub(_replacer(iter(mapping), document, consultation, lang, state, here, site_url), chunk)
        out.append(chunk)
    return "".join(out)


def _replacer(mapping, document, consultation, lang, state, here, site_url):
    def replace(match: re.Match) -> str:
        targets = [document.get(s) for s in next(mapping)]
        anchors = ", ".join(
            f'<a href="{html_lib.escape(relative_link(here, page_url(s.page), s.id))}">{html_lib.escape(s.label)}</a>'
            for s in targets)
        first = targets[0]
        absolute = f"{site_url.rstrip('/')}/{language_prefix(lang)}{page_url(first.page)}#{first.id}"
        form = html_lib.escape(comment_url(consultation, first.id, first.full_label, absolute, lang), quote=True)
        comment = ("" if state == "closed" else
                   f' · <a class="comment-link" href="{form}" target="_blank" rel="noopener"'
                   f'{" hidden" if state != "open" else ""}>{html_lib.escape(t("comment.part", lang))}</a>')
        privacy = ("" if state == "closed" else
                   privacy_link_html(relative_link(here, "quyen-rieng-tu/"), lang, "comment-link comment-privacy")
                   .replace(' href', ' hidden href' if state != "open" else ' href', 1))
        extra = (f' <span class="guide-links" data-search-exclude>{html_lib.escape(t("guide.see", lang))} '
                 f"{anchors}{comment}{privacy}</span>")
        return f"<{match[1]}>{match[2]}{extra}</{match[1]}>"
    return replace
