"""Print: the draft label and revision date at the top of every printed page (in English, with the
note that the text is an unofficial translation), the site's address and page numbers at the
bottom (CSS page margin boxes, one small print stylesheet per language, written at build); the link
to the whole draft as PDF in every page's banner."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from draftsite.consultation import citation_name
from draftsite.model import language_prefix
from draftsite.strings import t
from site_glue import current_language

STYLESHEET = "assets/stylesheets/print-{lang}.css"
# The PDF of each language, under the language's folder (tools/make_pdf.py writes them).
PDF_FILES = {"vi": "du-thao-bao-cao-chinh-tri.pdf", "en": "draft-political-report.pdf"}


# The print stylesheet of the language being built.
def on_page_context(context: dict, config: MkDocsConfig, **kwargs) -> dict:
    lang = current_language(config)
    context["print_stylesheet"] = STYLESHEET.format(lang=lang)
    context["pdf_link"] = {"href": language_prefix(lang) + PDF_FILES[lang], "text": t("pdf.link", lang)}
    return context


# Write the language's print stylesheet with its running header and page numbers.
def on_post_build(config: MkDocsConfig) -> None:
    lang = current_language(config)
    date = str(config.extra["consultation"]["draft"]["date"])
    label = json.dumps(running_header(lang, date), ensure_ascii=False)
    page = json.dumps(t("print.page", lang), ensure_ascii=False)
    site = json.dumps(config.site_url.rstrip("/") + "/" + language_prefix(lang))
    css = ("@page { size: A4; margin: 18mm 16mm 18mm 16mm;\n"
           f"  @top-center {{ content: {label}; font-size: 8pt; color: #444; }}\n"
           f"  @bottom-left {{ content: {site}; font-size: 8pt; color: #444; }}\n"
           f"  @bottom-right {{ content: {page} \" \" counter(page); font-size: 8pt; color: #444; }} }}\n")
    path = Path(config.site_dir) / STYLESHEET.format(lang=lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(css, encoding="utf-8")


# The running header of printed pages: the draft's citation name and, in a translation, that it is
# an unofficial one (a printed English page is quoted as often as a linked one).
def running_header(lang: str, date: str) -> str:
    """The text at the top of every printed page of language `lang`, for the draft of `date` (ISO)."""
    return t("print.header", lang, name=citation_name(lang, date))
