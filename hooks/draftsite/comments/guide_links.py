"""Links from each item of the discussion guide to the report sections it asks about, and to the
comment form prefilled for them. The mapping lives in docs/data/goi-y-lien-ket.yml."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from draftsite.checks.data_files import DataFileError, kind_of, kind_of_vi, line_of, load_yaml
from draftsite.comments.consultation import Consultation, comment_url, privacy_link_html
from draftsite.document.model import Document, language_prefix, page_url, relative_link
from draftsite.html import HEADING_ID
from draftsite.messages import EditorError
from draftsite.strings import t

# Items of a guide section: list items and plain paragraphs (not the italic lead-in, not our own links).
_ITEM = re.compile(r"<(li|p)>(?!<em>[^<]*</em></p>)(.*?)</\1>", re.S)


class GuideError(EditorError):
    """The mapping file and the discussion guide do not fit together (at `line` of the file, if known),
    in Vietnamese (`vi`) with the English kept."""

    def __init__(self, message: str, line: int = 1, vi: str = "") -> None:
        super().__init__(message, vi)
        self.line = line


def load_guide_links(path: Path, known: set[str]) -> dict[str, list[list[str]]]:
    """{guide section id: [[report section ids] for each item]} read and checked against the document."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GuideError(
            f"cannot read the guide links: {error}",
            vi=f"không đọc được tệp liên kết của Gợi ý thảo luận: {error}",
        ) from error
    return parse_guide_links(text, known)


def parse_guide_links(text: str, known: set[str]) -> dict[str, list[list[str]]]:
    """The mapping from the file's text, checked against the document's section ids."""
    try:
        raw = load_yaml("goi-y-lien-ket.yml", text)
    except DataFileError as error:
        raise GuideError(error.problem.message, error.problem.line, vi=error.problem.vi) from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise GuideError(
            f"the file is {kind_of(raw)}; it must map each guide section id to a list of items, each a "
            "list of report section ids, e.g. gy-p1: [[p1-i], [p1-ii]]",
            line_of(raw),
            vi=f"tệp đang là {kind_of_vi(raw)}; tệp phải ghi, cho mỗi mã mục của Gợi ý thảo luận, một danh "
            "sách các ý, mỗi ý là một danh sách mã mục của báo cáo, ví dụ gy-p1: [[p1-i], [p1-ii]]",
        )
    for guide_id, items in raw.items():
        line = line_of(raw, guide_id)
        if guide_id not in known:
            raise GuideError(
                f"{guide_id}: no such section in the discussion guide; use the id of a "
                "heading of goi-y-thao-luan.md",
                line,
                vi=f"{guide_id}: Gợi ý thảo luận không có mục này; dùng mã mục của một tiêu đề trong "
                "goi-y-thao-luan.md",
            )
        if not isinstance(items, list) or not all(isinstance(i, list) and i for i in items):
            raise GuideError(
                f"{guide_id}: write one list of report section ids per item, e.g. "
                "[[p1-i], [p1-ii]]",
                line,
                vi=f"{guide_id}: viết một danh sách mã mục của báo cáo cho mỗi ý, ví dụ [[p1-i], [p1-ii]]",
            )
        for item in items:
            for section in item:
                if not isinstance(section, str) or section not in known:
                    raise GuideError(
                        f"{guide_id}: section {section!r} does not exist in the document; "
                        "use the { #id } of a report heading",
                        line,
                        vi=f"{guide_id}: mục {section!r} không có trong văn bản; dùng {{ #mã-mục }} của "
                        "một tiêu đề trong báo cáo",
                    )
    return raw


def add_guide_links(
    html: str,
    links: dict[str, list[list[str]]],
    document: Document,
    consultation: Consultation,
    lang: str,
    state: str,
    here: str,
    site_url: str,
) -> str:
    """The guide page's HTML with links after every item; a section whose item count differs is an error."""
    starts = [(m.start(), m[1]) for m in HEADING_ID.finditer(html)] + [(len(html), None)]
    out = [html[: starts[0][0]]]
    for (start, section_id), (end, _) in zip(starts, starts[1:], strict=False):
        chunk = html[start:end]
        mapping = links.get(section_id)
        if mapping is not None:
            items = list(_ITEM.finditer(chunk))
            if len(items) != len(mapping):
                raise GuideError(
                    f"{section_id}: the guide has {len(items)} item(s) but the data lists {len(mapping)}; "
                    "give one list of section ids per item, in order",
                    line_of(links, section_id),
                    vi=f"{section_id}: Gợi ý thảo luận có {len(items)} ý nhưng tệp dữ liệu ghi "
                    f"{len(mapping)}; ghi một danh sách mã mục cho mỗi ý, theo đúng thứ tự",
                )
            chunk = _ITEM.sub(
                _replacer(iter(mapping), document, consultation, lang, state, here, site_url), chunk
            )
        out.append(chunk)
    return "".join(out)


def _replacer(mapping, document, consultation, lang, state, here, site_url):
    def replace(match: re.Match) -> str:
        targets = [document.get(s) for s in next(mapping)]
        anchors = ", ".join(
            f'<a href="{html_lib.escape(relative_link(here, page_url(s.page), s.id))}">{html_lib.escape(s.label)}</a>'
            for s in targets
        )
        first = targets[0]
        absolute = (
            f"{site_url.rstrip('/')}/{language_prefix(lang)}{page_url(first.page)}#{first.id}"
        )
        form = html_lib.escape(
            comment_url(consultation, first.id, first.full_label, absolute, lang), quote=True
        )
        comment = (
            ""
            if state == "closed"
            else f' · <a class="comment-link" href="{form}" target="_blank" rel="noopener"'
            f"{' hidden' if state != 'open' else ''}>{html_lib.escape(t('comment.part', lang))}</a>"
        )
        privacy = (
            ""
            if state == "closed"
            else privacy_link_html(
                relative_link(here, "quyen-rieng-tu/"), lang, "comment-link comment-privacy"
            ).replace(" href", " hidden href" if state != "open" else " href", 1)
        )
        extra = (
            f' <span class="guide-links" data-search-exclude>{html_lib.escape(t("guide.see", lang))} '
            f"{anchors}{comment}{privacy}</span>"
        )
        return f"<{match[1]}>{match[2]}{extra}</{match[1]}>"

    return replace
