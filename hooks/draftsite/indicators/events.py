"""Indicator tables, SVG charts and data downloads, generated from docs/data/chi-tieu.yml where a
marker sits in the Markdown (`<!-- indicators:summary -->`, `<!-- indicators:overview -->`).
The build stops when the data is wrong or disagrees with the official lists in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from draftsite.document.model import language_files, load_document, page_url, relative_link
from draftsite.document.sections import front_matter_lines
from draftsite.engine.glue import current_language, docs_dir, fail, language_site_dir
from draftsite.indicators.indicators import (
    DOWNLOAD_NAME,
    KINDS,
    MARKER,
    DataError,
    IndicatorData,
    check_markers,
    check_official_lists,
    load_indicators,
    parse_groups,
    render_chart,
    render_downloads,
    render_table,
    select,
    to_csv,
    to_json,
)
from draftsite.messages import bilingual, prefixed
from draftsite.state import kept
from draftsite.strings import t

DATA_FILE = "data/chi-tieu.yml"
HEADING_ID = re.compile(r"^#{1,6} .*\{[^}]*#([a-z0-9-]+)[^}]*\}\s*$", re.M)


@dataclass
class _Indicators:
    """What the indicators keep during a build: each language's data, and each page's rendered
    tables and charts until they go into their slots."""

    data: dict[str, IndicatorData] = field(default_factory=dict)
    slots: dict[tuple[str, str], dict[str, str]] = field(
        default_factory=dict
    )  # (language, page) → {slot: HTML}


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and validate the data once per language build, then check every page's markers and official
    lists against it (here, on the files as written, so that errors name the page the editor wrote,
    not the full-text page that includes it)."""
    lang = current_language(config)
    known = {s.id for s in load_document(docs_dir(config), lang).sections}
    try:
        kept(_Indicators).data[lang] = data = load_indicators(
            docs_dir(config) / DATA_FILE, known, f"docs/{DATA_FILE}"
        )
    except DataError as error:
        raise PluginError(prefixed(error, "Indicator data: ", "")) from error
    problems = []
    for rel, text in language_files(docs_dir(config), lang).items():
        problems += [
            f"docs/{p}"
            for p in check_markers(rel, text, data) + check_official_lists(rel, text, data, lang)
        ]
    fail(
        bilingual(
            "The indicator markers or official lists need corrections (where the data and a list disagree, "
            "correct the one that is wrong):",
            "Các dấu hiệu chỉ tiêu hoặc danh sách chính thức cần sửa (khi tệp dữ liệu và danh sách trong văn bản "
            "không khớp nhau, sửa bên sai)",
        ),
        problems,
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Render each marker's tables and charts (errors name the marker's line) and leave a slot for them
    in the Markdown: Markdown would otherwise parse tens of kilobytes of finished HTML."""
    lang = current_language(config)
    data = kept(_Indicators).data[lang]
    if "indicators:" not in markdown:
        return markdown
    count = 0
    offset = _front_matter_offset(page)
    slots = kept(_Indicators).slots[(lang, page.file.src_uri)] = {}

    def expand(match: re.Match) -> str:
        nonlocal count
        count += 1
        headings = HEADING_ID.findall(markdown, 0, match.start())
        line = offset + markdown.count("\n", 0, match.start()) + 1
        slot = f"<!-- indicators-slot-{count} -->"
        slots[slot] = _render(
            match, page, data, lang, config, count, headings[-1] if headings else None, line
        )
        return f"\n{slot}\n"

    return MARKER.sub(expand, markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Put the tables and charts into their slots, before any other hook reads the page's content."""
    for slot, rendered in (
        kept(_Indicators).slots.pop((current_language(config), page.file.src_uri), {}).items()
    ):
        if slot not in html:
            raise PluginError(
                bilingual(
                    f"{page.file.src_uri}: an indicators marker did not reach the page as a block "
                    "of its own; put each <!-- indicators:… --> marker on its own line, outside "
                    "lists and code",
                    f"docs/{page.file.src_uri}: một dấu hiệu chỉ tiêu không nằm thành một khối riêng "
                    "trên trang; đặt mỗi dấu hiệu <!-- indicators:… --> trên một dòng riêng, ngoài "
                    "danh sách và ngoài đoạn mã",
                )
            )
        html = html.replace(slot, rendered, 1)
    return html


def on_post_build(config: MkDocsConfig) -> None:
    """Write the downloads (CSV, JSON) of the language just built."""
    lang = current_language(config)
    target = language_site_dir(config) / "data"
    target.mkdir(parents=True, exist_ok=True)
    data = kept(_Indicators).data[lang]
    (target / f"{DOWNLOAD_NAME[lang]}.csv").write_bytes(to_csv(data, lang))
    (target / f"{DOWNLOAD_NAME[lang]}.json").write_text(to_json(data, lang), encoding="utf-8")


def _front_matter_offset(page: Page) -> int:
    """Lines taken by the page's front matter (on_page_markdown sees the Markdown without it)."""
    try:
        text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    except (OSError, TypeError):
        return 0
    lines = front_matter_lines(text)
    return lines + (1 if lines and text.split("\n")[lines : lines + 1] == [""] else 0)


def _render(
    match: re.Match,
    page: Page,
    data: IndicatorData,
    lang: str,
    config: MkDocsConfig,
    count: int,
    section_id: str | None,
    line: int,
) -> str:
    where = f"{page.file.src_uri}:{line}: marker {match[0]!r}"
    where_vi = f"docs/{page.file.src_uri}:{line}: dấu hiệu {match[0]!r}"
    kind = match["kind"]
    if kind not in KINDS:
        known = ", ".join(f"<!-- indicators:{k} -->" for k in KINDS)
        raise PluginError(
            bilingual(
                f"{where}: unknown indicator marker {kind!r}; use one of: {known}",
                f"{where_vi}: loại dấu hiệu chỉ tiêu lạ {kind!r}; dùng một trong: {known}",
            )
        )
    try:
        groups = parse_groups(match["args"])
    except ValueError as error:
        raise PluginError(prefixed(error, f"{where}: ", f"{where_vi}: ")) from error
    chosen = select(data, groups)
    if not chosen:
        raise PluginError(
            bilingual(
                f"{where}: the marker selects no indicator in {data.path}; check its groups=…",
                f"{where_vi}: dấu hiệu không chọn được chỉ tiêu nào trong {data.path}; kiểm tra "
                "groups=…",
            )
        )
    here = page_url(page.file.src_uri)
    document = load_document(docs_dir(config), lang)
    links = None
    if kind == "overview":
        links = {
            s.id: (relative_link(here, page_url(s.page), s.id), s.label) for s in document.sections
        }
    section = document.get(section_id) if section_id else None
    name = t("indicators.table_name", lang, where=section.label if section else page.title)
    html = (
        render_table(chosen, lang, links, name)
        + render_chart(
            chosen, lang, f"chart-{section_id or 'page'}-{count}"
        )  # unique in the full text too
        + render_downloads(lang, here)
    )
    return f'<div class="indicators">{html}</div>'
