"""Paragraph anchors and citation buttons on every document page: stable ids `<section-id>-d<n>`
(aligned with the previous draft, see draftsite.paragraph_ids), a "¶" link and a copy-citation
button per paragraph, a copy-citation button in each section heading, and, for a paragraph that an
earlier draft had, a notice at its old address saying in which draft it was removed."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from draftsite.consultation import citation_name, format_day
from draftsite.drafts import permanent_address
from draftsite.messages import bilingual, prefixed
from draftsite.model import is_document_page, language_prefix, load_document, neutral_path, page_url, publishing_root
from draftsite.paragraph_ids import (BlockIds, Registry, RemovedParagraph, assign_section, load_registry, registry_json,
                                     vanished_paragraph_ids, with_retired_sections)
from draftsite.paragraphs import anchor_paragraphs, find_blocks, section_block_texts
from draftsite.revisions import load_retired_ids
from draftsite.strings import t
from site_glue import DEFAULT_LANGUAGE, current_language, docs_dir, fail

_HEADING_END = re.compile(r'(<h[1-6] id="([^"]+)"[^>]*>.*?)(</h[1-6]>)', re.S)
REGISTRY_FILE = "paragraphs.json"
RETIRED_FILE = "data/ma-muc-da-bo.yml"
_state: dict = {"registry": {}}



# Read the previous draft's paragraphs (PREVIOUS_PARAGRAPHS_FILE, from the publishing tool), once.
def on_config(config: MkDocsConfig) -> None:
    if current_language(config) != DEFAULT_LANGUAGE:
        return
    source = os.environ.get("PREVIOUS_PARAGRAPHS_FILE")
    this_draft = str(config.extra["consultation"]["draft"]["date"])
    previous_draft, previous = load_registry(Path(source)) if source and Path(source).is_file() else ("", {})
    _state.update(registry={}, previous=previous, previous_draft=previous_draft, this_draft=this_draft,
                  permanent=bool(os.environ.get("DRAFT_PERMANENT")))


# Paragraphs of sections that are gone move to their successor before pages are numbered.
def on_pre_build(config: MkDocsConfig) -> None:
    if current_language(config) != DEFAULT_LANGUAGE or not _state["previous"]:
        return
    document = load_document(docs_dir(config), DEFAULT_LANGUAGE)
    current = {s.id for s in document.sections}
    try:
        successors = load_retired_ids(docs_dir(config) / RETIRED_FILE, current)
    except ValueError as error:
        raise PluginError(prefixed(error, "docs/")) from None
    _state["previous"] = with_retired_sections(_state["previous"], current, successors,
                                               _state["previous_draft"], _state["this_draft"])


# Give the blocks of each section their ids and add the citation controls.
def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    src = neutral_path(page.file.src_uri)
    if not is_document_page(src):  # the full-text page takes the chapters' anchored content
        return html
    lang = current_language(config)
    document = load_document(docs_dir(config), lang)
    labels = {s.id: s.label for s in document.sections}
    sections = document.on_page(src)
    first = page.meta.get("section_id") or (sections[0].id if sections else "doc")
    registry: Registry = _state["registry"]
    blocks = find_blocks(html, first)
    if lang == DEFAULT_LANGUAGE:
        here = page_url(src)
        found = section_block_texts(blocks)
        for section, texts in {**{s.id: [] for s in sections}, **found}.items():
            if section not in registry:
                section_page = here
                registry[section] = assign_section(section, section_page, texts, _state["previous"].get(section),
                                                   _state["previous_draft"], _state["this_draft"])
    ids = BlockIds(registry)
    html, _ = anchor_paragraphs(html, first, labels, lang, ids, blocks)
    up = publishing_root(page_url(src), lang, bool(_state.get("permanent")))
    return _HEADING_END.sub(lambda m: _section_button(m, labels, lang, _followed_by_comment_link(html, m))
                            + _removed_notices(m[2], lang, up), html)


# Once every page has its paragraph ids (before the pages are rendered): stop when a published
# paragraph id has vanished; publish this draft's paragraphs for the next one.
def on_env(env, config: MkDocsConfig, **kwargs):
    if current_language(config) != DEFAULT_LANGUAGE:
        return env
    gone = vanished_paragraph_ids(_state["previous"], _state["registry"])
    fail(bilingual("A paragraph id that readers may have cited has vanished (its section is missing from this draft). "
                   f"Keep the section, or declare it in docs/{RETIRED_FILE} with `status: removed|merged` and "
                   "`into: <successor id>`:",
                   "Một mã đoạn mà người đọc có thể đã trích dẫn không còn nữa (mục chứa nó không có trong bản dự thảo "
                   f"này). Giữ lại mục đó, hoặc khai báo nó trong docs/{RETIRED_FILE} với `status: removed|merged` và "
                   "`into: <mã mục kế thừa>` (hướng dẫn biên tập, mục 6, bước 2)"),
         [bilingual(f"paragraph id {ident!r} (published in the draft of {_state['previous_draft']})",
                    f"mã đoạn {ident!r} (đã công bố trong bản dự thảo ngày {_state['previous_draft']})") for ident in gone])
    # Written whole (then renamed): tools/publish.py starts the next draft's build when it appears.
    registry = Path(config.site_dir) / REGISTRY_FILE
    registry.parent.mkdir(parents=True, exist_ok=True)
    registry.with_suffix(".tmp").write_text(registry_json(_state["registry"], _state["this_draft"]), "utf-8")
    registry.with_suffix(".tmp").replace(registry)
    return env


# What the citation script needs: the draft's citation name, the page's permanent address in the
# draft's folder (where the quoted words stay when a newer draft takes the root: the publishing tool
# names the root in DRAFTS_ROOT_URL, a plain build's root is site_url) and the interface texts.
def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    lang = current_language(config)
    settings = config.extra.get("consultation", {}).get("draft", {})
    date = str(settings.get("date", ""))
    root = os.environ.get("DRAFTS_ROOT_URL") or config.site_url or ""
    context["citation"] = {
        "draft": citation_name(lang, date),
        "url": permanent_address(root, date, page.url) if root else "",
        "texts": json.dumps({"quote": ["«", "»"] if lang == "vi" else ["“", "”"],
                             "copied": t("cite.copied", lang), "fallback": t("cite.fallback", lang),
                             "close": t("cite.close", lang), "selection": t("cite.selection", lang),
                             "link": t("paragraph.link", lang, label="{label}"),
                             "cite": t("cite.paragraph", lang, label="{label}"),
                             "words": [t("paragraph.link.word", lang), t("cite.section", lang)],
                             "paragraph": t("label.paragraph", lang), "paragraphs": t("label.paragraphs", lang),
                             "translation": t("cite.translation", lang)},
                            ensure_ascii=False),
    }
    return context


# A section's citation button, inside its heading; `beside` when the section's comment link follows
# the heading (the button then sits on that link's line).
def _section_button(match: re.Match, labels: dict[str, str], lang: str, beside: bool) -> str:
    label = labels.get(match[2])
    if label is None:
        return match[0]
    name = html_lib.escape(t("cite.section.label", lang, label=label), quote=True)
    css = "cite-button cite-button--section" + (" cite-button--beside" if beside else "")
    return (f'{match[1]}<button type="button" class="{css}" data-cite-label="{html_lib.escape(label, quote=True)}" '
            f'aria-label="{name}">{html_lib.escape(t("cite.section", lang))}</button>{match[3]}')


# Whether the section's comment link comes right after this heading.
def _followed_by_comment_link(html: str, match: re.Match) -> bool:
    return html.startswith('<p class="comment-link"', match.end())


# Notices at the addresses of a section's removed paragraphs (shown only when the address is opened).
def _removed_notices(section: str, lang: str, up: str) -> str:
    entry = _state["registry"].get(section)
    removed: list[RemovedParagraph] = entry.removed if entry else []
    notices = []
    for item in removed:
        when = format_day(dt.date.fromisoformat(item.removed_in), lang)
        last = format_day(dt.date.fromisoformat(item.last), lang)
        href = f"{up}du-thao/{item.last}/{language_prefix(lang)}{item.page}#{item.id}"
        notices.append(f'<p id="{item.id}" class="removed-paragraph" role="note" data-search-exclude>'
                       f'{html_lib.escape(t("para.removed", lang, removed=when))} '
                       f'<a href="{html_lib.escape(href, quote=True)}">{html_lib.escape(t("para.removed.link", lang, last=last))}</a></p>')
    return "".join(notices)
