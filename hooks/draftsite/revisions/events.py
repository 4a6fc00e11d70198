"""Drafts: each published draft keeps its own copy online (built by tools/publish.py from its git
tag), knows the drafts before it, compares itself with the previous one, keeps every published
section id alive, and shows when each page last changed. In a plain build (no publishing tool)
the site is the one draft named in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from draftsite.comments.consultation import format_date, format_day, settings
from draftsite.document.model import (
    is_document_page,
    language_prefix,
    load_document,
    neutral_path,
    page_url,
    publishing_root,
    relative_link,
)
from draftsite.engine.glue import current_language, docs_dir, language_site_dir
from draftsite.inputs import read_inputs
from draftsite.messages import bilingual, prefixed
from draftsite.revisions.drafts import (
    Draft,
    atom_feed,
    drafts_json,
    load_drafts,
    page_dates_from_git,
)
from draftsite.revisions.pages import (
    compare_form_html,
    comparison_html,
    drafts_html,
    section_history_html,
)
from draftsite.revisions.revisions import (
    compare,
    indicator_changes,
    load_retired_ids,
    section_texts,
    vanished_ids,
)
from draftsite.state import kept
from draftsite.strings import t

RETIRED_FILE = "data/ma-muc-da-bo.yml"
COMPARISON_MARKER = "<!-- revisions:comparison -->"
DRAFTS_MARKER = "<!-- revisions:drafts -->"
COMPARISON_PAGE = "so-sanh.md"
HISTORY_MARKER = "<!-- revisions:history -->"
HISTORY_PAGE = "lich-su.md"
# Loaded only by the comparison and history pages of a site with two drafts or more.
COMPARE_SCRIPT = "assets/javascripts/compare.js"


@dataclass
class _Revisions:
    """What the revisions keep during a build (set again with each language's configuration): the
    drafts so far, the previous draft's docs folder, the ids earlier drafts published, the pages'
    dates, where drafts are published, and each language's comparison with the previous draft."""

    drafts: list[Draft] = field(default_factory=list)
    previous: Path | None = None
    published: dict[str, list[str]] = field(default_factory=dict)
    page_dates: dict[str, str] = field(default_factory=dict)
    published_build: bool = False  # built by the publishing tool (the drafts list is shown)
    root: str = ""
    permanent: bool = False
    comparisons: dict[str, tuple] = field(
        default_factory=dict
    )  # language → (comparison, previous, texts)
    retired: dict[str, str] = field(default_factory=dict)  # retired section id → its successor


def on_config(config: MkDocsConfig) -> None:
    """Read what the publishing tool passes (all optional): the drafts, the previous draft's docs,
    the ids of earlier drafts, the pages' dates, and the root address where the latest draft lives."""
    inputs = read_inputs()
    drafts = load_drafts(inputs.drafts_file, settings())
    previous = inputs.previous_draft_docs
    published = inputs.published_ids_file
    dates_file = inputs.page_dates_file
    revisions = kept(_Revisions)
    revisions.drafts = drafts
    revisions.previous = Path(previous) if previous else None
    revisions.published = json.loads(Path(published).read_text("utf-8")) if published else {}
    if not revisions.page_dates:  # once per build: the same files in every language
        revisions.page_dates = (
            json.loads(Path(dates_file).read_text("utf-8"))
            if dates_file
            else page_dates_from_git(docs_dir(config))
        )
    revisions.published_build = bool(inputs.drafts_file)
    revisions.root = (
        inputs.drafts_root_url if inputs.drafts_root_url is not None else config.site_url
    )
    revisions.permanent = inputs.draft_permanent
    revisions.comparisons = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Keep published ids alive, and compare with the previous draft (once per language)."""
    lang = current_language(config)
    current = {section.id for section in load_document(docs_dir(config), lang).sections}
    try:
        retired = load_retired_ids(docs_dir(config) / RETIRED_FILE, current)
    except ValueError as error:
        raise PluginError(prefixed(error, "docs/")) from error
    kept(_Revisions).retired = retired
    missing = vanished_ids(kept(_Revisions).published, current, retired)
    if missing:
        listing = "\n".join(
            "  - "
            + bilingual(
                f"section id {ident!r} (published in {draft}) is gone",
                f"mã mục {ident!r} (đã công bố trong {draft}) không còn nữa",
            )
            for ident, draft in missing
        )
        title = bilingual(
            "A section id that readers may have cited has vanished. Keep the id, or declare it in "
            f"docs/{RETIRED_FILE} with `status: removed|merged` and `into: <successor id>`:",
            "Một mã mục mà người đọc có thể đã trích dẫn không còn nữa. Giữ lại mã mục, hoặc khai báo "
            f"nó trong docs/{RETIRED_FILE} với `status: removed|merged` và `into: <mã mục kế thừa>` "
            "(hướng dẫn biên tập, mục 6, bước 2)",
        )
        raise PluginError(f"{title}\n{listing}")
    if (
        kept(_Revisions).previous is not None
    ):  # the texts are read only when there is a draft to compare with
        previous, texts = (
            section_texts(kept(_Revisions).previous, lang),
            section_texts(docs_dir(config), lang),
        )
        kept(_Revisions).comparisons[lang] = (compare(previous, texts), previous, texts)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Expand the comparison and the list of drafts."""
    lang = current_language(config)
    if COMPARISON_MARKER in markdown:
        markdown = markdown.replace(COMPARISON_MARKER, _comparison_html(config, lang, page))
    if DRAFTS_MARKER in markdown:
        markdown = markdown.replace(DRAFTS_MARKER, _drafts_html(lang, page))
    if HISTORY_MARKER in markdown:
        markdown = markdown.replace(HISTORY_MARKER, _history_html(lang, page))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Changed sections link to their difference, and, on a site with two drafts or more, every
    section to its history; retired ids still land on their successor."""
    lang = current_language(config)
    comparison = kept(_Revisions).comparisons.get(lang)
    here = page_url(page.file.src_uri)
    changed = (
        set(comparison[0].changed) | set(comparison[0].added) | set(comparison[0].moved)
        if comparison is not None
        else set()
    )
    sections = (
        {s.id for s in load_document(docs_dir(config), lang).sections}
        if _several_drafts() and is_document_page(neutral_path(page.file.src_uri))
        else set()
    )
    if changed or sections:
        html = _HEADING.sub(lambda m: _revision_line(m, here, lang, changed, sections), html)
    if neutral_path(page.file.src_uri) == COMPARISON_PAGE and _several_drafts():
        # Here, not in the Markdown: a form is not allowed in the pages' text (draftsite.checks).
        revisions = kept(_Revisions)
        form = compare_form_html(revisions.drafts, lang)
        html = html.replace(_STATIC_COMPARISON, form + _STATIC_COMPARISON, 1)
    for old, successor in kept(_Revisions).retired.items():
        html = re.sub(
            rf'(<h[1-6] id="{re.escape(successor)}")',
            rf'<span id="{old}" class="retired-anchor"></span>\1',
            html,
            count=1,
        )
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    """The draft line of the banner, the page's last change, and the comparison script on the
    comparison and history pages of a site with two drafts or more (with where the drafts are, as
    seen from the page, the language's folder and the drafts up to this one)."""
    lang = current_language(config)
    src = neutral_path(page.file.src_uri)
    if _several_drafts() and src in (COMPARISON_PAGE, HISTORY_PAGE):
        here = page_url(src)
        context["page_script"] = {
            "src": COMPARE_SCRIPT,
            "root": publishing_root(here, lang, kept(_Revisions).permanent),
            "prefix": language_prefix(lang),
            "drafts": " ".join(d.slug for d in kept(_Revisions).drafts),
            "history": src == HISTORY_PAGE,
        }
    drafts: list[Draft] = kept(_Revisions).drafts
    current = drafts[-1]
    date = kept(_Revisions).page_dates.get(page.file.src_uri)
    context["draft_info"] = {
        "label": t("rev.this_draft", lang, date=format_day(current.date, lang))
        + (
            f" ({t('rev.corrects', lang, date=format_day(current.corrects, lang)).lower()})"
            if current.corrects
            else ""
        ),
        "date": current.date.isoformat(),
        "older": t("rev.older", lang, date=format_day(current.date, lang)),
        "drafts_label": t("rev.drafts", lang),
        "latest_text": t("rev.latest", lang),
        "frame_notice": t(
            "frame.notice", lang
        ),  # drafts.js puts the latest draft's label in its place
        "permanent": kept(_Revisions).permanent,
        "root": kept(_Revisions).root,
        "lang_prefix": language_prefix(lang),
        "list": [{"label": d.label[lang], "slug": d.slug} for d in reversed(drafts)]
        if kept(_Revisions).published_build
        else [],
        "updated": t("rev.updated", lang, date=format_date(dt.date.fromisoformat(date[:10]), lang))
        if date
        else "",
    }
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """The drafts list for the browser, and the feed of drafts."""
    lang = current_language(config)
    drafts = kept(_Revisions).drafts
    root = Path(config.site_dir)
    (root / "drafts.json").write_text(drafts_json(drafts), encoding="utf-8")
    feed = atom_feed(
        drafts, lang, t("draft.name", lang), kept(_Revisions).root, t("feed.author", lang)
    )
    (language_site_dir(config) / "du-thao.atom").write_text(feed, encoding="utf-8")


def _comparison_html(config: MkDocsConfig, lang: str, page: Page) -> str:
    """The comparison with the previous draft, for the comparison page of the language being built."""
    revisions = kept(_Revisions)
    entry = revisions.comparisons.get(lang)
    if entry is None or len(revisions.drafts) < 2:
        return comparison_html(None, {}, {}, revisions.drafts, None, [], lang, "")
    here = page_url(page.file.src_uri)
    comparison, old, new = entry
    changes = indicator_changes(
        revisions.previous / "data" / "chi-tieu.yml", docs_dir(config) / "data" / "chi-tieu.yml"
    )
    return comparison_html(
        comparison,
        old,
        new,
        revisions.drafts,
        load_document(docs_dir(config), lang),
        changes,
        lang,
        here,
    )


_STATIC_COMPARISON = '<div class="revision-comparison">'
# A heading with its id (group 2), and the section's comment link if it follows (group 3).
_HEADING = re.compile(
    r'<h([1-6]) id="([^"]+)".*?</h\1>(<p class="comment-link"[^>]*>.*?</p>)?', re.S
)


def _several_drafts() -> bool:
    """Whether the site being built publishes two drafts or more (a build by hand has one)."""
    revisions = kept(_Revisions)
    return revisions.published_build and len(revisions.drafts) >= 2


def _revision_line(
    match: re.Match, here: str, lang: str, changed: set[str], sections: set[str]
) -> str:
    """A section heading (and its comment link), followed by the line of its revision links: to its
    difference with the previous draft, if it changed, and to its history."""
    ident = match[2]
    links = []
    if ident in changed:
        href = relative_link(here, page_url(COMPARISON_PAGE), f"sua-{ident}")
        links.append(f'<a href="{href}">{html_lib.escape(t("rev.changed_link", lang))}</a>')
    if ident in sections:
        href = relative_link(here, page_url(HISTORY_PAGE)) + f"?muc={ident}"
        links.append(f'<a href="{href}">{html_lib.escape(t("rev.history_link", lang))}</a>')
    if not links:
        return match[0]
    return f'{match[0]}<p class="revision-link" data-search-exclude>{" · ".join(links)}</p>'


def _history_html(lang: str, page: Page) -> str:
    """A section's history page's place for compare.js, and its line for readers without scripts."""
    here = page_url(page.file.src_uri)
    revisions = kept(_Revisions)
    return section_history_html(
        revisions.drafts, lang, relative_link(here, page_url(COMPARISON_PAGE)), _several_drafts()
    )


def _drafts_html(lang: str, page: Page) -> str:
    """The list of drafts, for the page that has the marker."""
    here = page_url(page.file.src_uri)
    revisions = kept(_Revisions)
    return drafts_html(
        revisions.drafts,
        lang,
        here,
        publishing_root(here, lang, revisions.permanent),
        revisions.published_build,
    )
