"""Paragraph anchors and citation buttons on every document page: stable ids `<section-id>-d<n>`
(aligned with the previous draft, see draftsite.revisions.paragraph_ids), a "¶" link and a copy-citation
button per paragraph, a copy-citation button in each section heading, and, for a paragraph that an
earlier draft had, a notice at its old address saying in which draft it was removed."""

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

from draftsite.citations.paragraphs import (
    Block,
    anchor_paragraphs,
    find_blocks,
    section_block_texts,
)
from draftsite.comments.consultation import citation_name, format_day, settings
from draftsite.document.model import (
    is_document_page,
    language_prefix,
    load_document,
    neutral_path,
    page_url,
    publishing_root,
)
from draftsite.engine.glue import DEFAULT_LANGUAGE, current_language, docs_dir, fail
from draftsite.html import HEADING_END, comment_link_follows
from draftsite.inputs import read_inputs
from draftsite.messages import bilingual, prefixed
from draftsite.revisions.draft_texts import DraftTexts, block_texts
from draftsite.revisions.drafts import permanent_address
from draftsite.revisions.paragraph_ids import (
    BlockIds,
    Registry,
    RemovedParagraph,
    assign_section,
    load_registry,
    registry_json,
    vanished_paragraph_ids,
    with_retired_sections,
)
from draftsite.revisions.revisions import load_retired_ids
from draftsite.state import kept
from draftsite.strings import t

REGISTRY_FILE = "paragraphs.json"
RETIRED_FILE = "data/ma-muc-da-bo.yml"


@dataclass
class _Paragraphs:
    """What the paragraph ids keep during a build: this draft's registry (filled by the Vietnamese
    pages, read by both languages), the previous draft's, and where this build publishes."""

    registry: Registry = field(default_factory=dict)
    previous: Registry = field(default_factory=dict)
    previous_draft: str = ""
    this_draft: str = ""
    permanent: bool = False


def on_config(config: MkDocsConfig) -> None:
    """Read the previous draft's paragraphs (from the publishing tool's inputs), once."""
    if current_language(config) != DEFAULT_LANGUAGE:
        return
    inputs = read_inputs()
    source = inputs.previous_paragraphs_file
    this_draft = settings().draft_date.isoformat()
    previous_draft, previous = (
        load_registry(Path(source)) if source and Path(source).is_file() else ("", {})
    )
    paragraphs = kept(_Paragraphs)  # new with the build (the default language's configuration)
    paragraphs.previous, paragraphs.previous_draft, paragraphs.this_draft = (
        previous,
        previous_draft,
        this_draft,
    )
    paragraphs.permanent = inputs.draft_permanent


def on_pre_build(config: MkDocsConfig) -> None:
    """Paragraphs of sections that are gone move to their successor before pages are numbered."""
    paragraphs = kept(_Paragraphs)
    if current_language(config) != DEFAULT_LANGUAGE or not paragraphs.previous:
        return
    document = load_document(docs_dir(config), DEFAULT_LANGUAGE)
    current = {s.id for s in document.sections}
    try:
        successors = load_retired_ids(docs_dir(config) / RETIRED_FILE, current)
    except ValueError as error:
        raise PluginError(prefixed(error, "docs/")) from None
    paragraphs.previous = with_retired_sections(
        paragraphs.previous, current, successors, paragraphs.previous_draft, paragraphs.this_draft
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Give the blocks of each section their ids and add the citation controls."""
    src = neutral_path(page.file.src_uri)
    if not is_document_page(src):  # the full-text page takes the chapters' anchored content
        return html
    lang = current_language(config)
    document = load_document(docs_dir(config), lang)
    labels = {s.id: s.label for s in document.sections}
    sections = document.on_page(src)
    first = page.meta.get("section_id") or (sections[0].id if sections else "doc")
    paragraphs = kept(_Paragraphs)
    registry = paragraphs.registry
    blocks = find_blocks(html, first)
    if lang == DEFAULT_LANGUAGE:
        here = page_url(src)
        found = section_block_texts(blocks)
        for section, texts in {**{s.id: [] for s in sections}, **found}.items():
            if section not in registry:
                section_page = here
                registry[section] = assign_section(
                    section,
                    section_page,
                    texts,
                    paragraphs.previous.get(section),
                    paragraphs.previous_draft,
                    paragraphs.this_draft,
                )
    ids = BlockIds(registry)
    source = html
    html, anchored = anchor_paragraphs(html, first, labels, lang, ids, blocks)
    _keep_texts(source, lang, blocks, anchored)
    up = publishing_root(page_url(src), lang, paragraphs.permanent)
    return HEADING_END.sub(
        lambda m: (
            _section_button(m, labels, lang, _followed_by_comment_link(html, m))
            + _removed_notices(m[2], lang, up)
        ),
        html,
    )


def on_env(env, config: MkDocsConfig, **kwargs):
    """Once every page has its paragraph ids (before the pages are rendered): stop when a published
    paragraph id has vanished; publish this draft's paragraphs for the next one."""
    if current_language(config) != DEFAULT_LANGUAGE:
        return env
    paragraphs = kept(_Paragraphs)
    gone = vanished_paragraph_ids(paragraphs.previous, paragraphs.registry)
    fail(
        bilingual(
            "A paragraph id that readers may have cited has vanished (its section is missing from this draft). "
            f"Keep the section, or declare it in docs/{RETIRED_FILE} with `status: removed|merged` and "
            "`into: <successor id>`:",
            "Một mã đoạn mà người đọc có thể đã trích dẫn không còn nữa (mục chứa nó không có trong bản dự thảo "
            f"này). Giữ lại mục đó, hoặc khai báo nó trong docs/{RETIRED_FILE} với `status: removed|merged` và "
            "`into: <mã mục kế thừa>` (hướng dẫn biên tập, mục 6, bước 2)",
        ),
        [
            bilingual(
                f"paragraph id {ident!r} (published in the draft of {paragraphs.previous_draft})",
                f"mã đoạn {ident!r} (đã công bố trong bản dự thảo ngày {paragraphs.previous_draft})",
            )
            for ident in gone
        ],
    )
    # Written whole (then renamed): tools/publish.py starts the next draft's build when it appears.
    registry = Path(config.site_dir) / REGISTRY_FILE
    registry.parent.mkdir(parents=True, exist_ok=True)
    registry.with_suffix(".tmp").write_text(
        registry_json(paragraphs.registry, paragraphs.this_draft), "utf-8"
    )
    registry.with_suffix(".tmp").replace(registry)
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    """What the citation script needs: the draft's citation name, the page's permanent address in the
    draft's folder (where the quoted words stay when a newer draft takes the root: the publishing tool
    names the root in its inputs, a plain build's root is site_url) and the interface texts."""
    lang = current_language(config)
    date = settings().draft_date.isoformat()
    root = read_inputs().drafts_root_url or config.site_url or ""
    context["citation"] = {
        "draft": citation_name(lang, date),
        "url": permanent_address(root, date, page.url) if root else "",
        "texts": json.dumps(
            {
                "quote": ["«", "»"] if lang == "vi" else ["“", "”"],
                "copied": t("cite.copied", lang),
                "fallback": t("cite.fallback", lang),
                "close": t("cite.close", lang),
                "selection": t("cite.selection", lang),
                "link": t("paragraph.link", lang, label="{label}"),
                "cite": t("cite.paragraph", lang, label="{label}"),
                "comment": [
                    t("comment.paragraph", lang),
                    t("comment.paragraph.label", lang, label="{label}"),
                ],
                "words": [
                    t("paragraph.link.word", lang),
                    t("cite.section", lang),
                    t("comment.paragraph.word", lang),
                ],
                "paragraph": t("label.paragraph", lang),
                "paragraphs": t("label.paragraphs", lang),
                "translation": t("cite.translation", lang),
            },
            ensure_ascii=False,
        ),
    }
    return context


def _keep_texts(source: str, lang: str, blocks: list, anchored: list[Block]) -> None:
    """Keep the page's paragraphs (their ids as on the page, their plain texts) for the draft's
    van-ban.json (draftsite.revisions.text_events)."""
    texts = block_texts(source, blocks)
    kept(DraftTexts).add(
        lang, [(b.section, b.id, text) for b, text in zip(anchored, texts, strict=True)]
    )


def _section_button(match: re.Match, labels: dict[str, str], lang: str, beside: bool) -> str:
    """A section's citation button, inside its heading; `beside` when the section's comment link follows
    the heading (the button then sits on that link's line)."""
    label = labels.get(match[2])
    if label is None:
        return match[0]
    name = html_lib.escape(t("cite.section.label", lang, label=label), quote=True)
    css = "cite-button cite-button--section" + (" cite-button--beside" if beside else "")
    return (
        f'{match[1]}<button type="button" class="{css}" data-cite-label="{html_lib.escape(label, quote=True)}" '
        f'aria-label="{name}">{html_lib.escape(t("cite.section", lang))}</button>{match[3]}'
    )


def _followed_by_comment_link(html: str, match: re.Match) -> bool:
    """Whether the section's comment link comes right after this heading."""
    return comment_link_follows(html, match.end())


def _removed_notices(section: str, lang: str, up: str) -> str:
    """Notices at the addresses of a section's removed paragraphs (shown only when the address is opened)."""
    entry = kept(_Paragraphs).registry.get(section)
    removed: list[RemovedParagraph] = entry.removed if entry else []
    notices = []
    for item in removed:
        when = format_day(dt.date.fromisoformat(item.removed_in), lang)
        last = format_day(dt.date.fromisoformat(item.last), lang)
        href = f"{up}du-thao/{item.last}/{language_prefix(lang)}{item.page}#{item.id}"
        notices.append(
            f'<p id="{item.id}" class="removed-paragraph" role="note" data-search-exclude>'
            f"{html_lib.escape(t('para.removed', lang, removed=when))} "
            f'<a href="{html_lib.escape(href, quote=True)}">{html_lib.escape(t("para.removed.link", lang, last=last))}</a></p>'
        )
    return "".join(notices)
