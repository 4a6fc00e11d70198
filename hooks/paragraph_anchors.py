"""Paragraph anchors and citation buttons on every document page: ids `<section-id>-<n>`, a "¶"
link and a copy-citation button per paragraph, and a copy-citation button in each section heading."""

from __future__ import annotations

import html as html_lib
import json
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from draftsite.model import is_document_page, load_document, neutral_path
from draftsite.paragraphs import anchor_paragraphs
from draftsite.consultation import citation_name
from draftsite.strings import t
from site_glue import current_language, docs_dir

_HEADING_END = re.compile(r'(<h[1-6] id="([^"]+)"[^>]*>.*?)(</h[1-6]>)', re.S)


# Number the blocks of each section and add the citation controls.
def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    src = neutral_path(page.file.src_uri)
    if not is_document_page(src) and not page.meta.get("full_text"):
        return html
    lang = current_language(config)
    document = load_document(docs_dir(config), lang)
    labels = {s.id: s.label for s in document.sections}
    sections = document.on_page(src) if not page.meta.get("full_text") else document.sections
    first = page.meta.get("section_id") or (sections[0].id if sections else "doc")
    html, _ = anchor_paragraphs(html, first, labels, lang)
    return _HEADING_END.sub(lambda m: _section_button(m, labels, lang), html)


# What the citation script needs: the draft's citation name and the interface texts.
def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    lang = current_language(config)
    settings = config.extra.get("consultation", {}).get("draft", {})
    date = settings.get("date", "")
    context["citation"] = {
        "draft": citation_name(lang, str(date)),
        "texts": json.dumps({"quote": ["«", "»"] if lang == "vi" else ["“", "”"],
                             "copied": t("cite.copied", lang), "fallback": t("cite.fallback", lang),
                             "close": t("cite.close", lang), "selection": t("cite.selection", lang)},
                            ensure_ascii=False),
    }
    return context


def _section_button(match: re.Match, labels: dict[str, str], lang: str) -> str:
    label = labels.get(match[2])
    if label is None:
        return match[0]
    name = html_lib.escape(t("cite.section.label", lang, label=label), quote=True)
    return (f'{match[1]}<button type="button" class="cite-button cite-button--section" data-cite-target="{match[2]}" '
            f'data-cite-label="{html_lib.escape(label, quote=True)}" aria-label="{name}" hidden>'
            f'{html_lib.escape(t("cite.section", lang))}</button>{match[3]}')
