"""Print: the draft label and revision date at the top of every printed page (in English, with the
note that the text is an unofficial translation; on a chapter page, the part it belongs to, Part One
or Part Two), the site's address and page numbers at the bottom (CSS page margin boxes, small print
stylesheets per language and part, written at build); the link to the whole draft as PDF in every
page's banner."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from draftsite.comments.consultation import citation_name, format_day, settings
from draftsite.document.labels import split_id
from draftsite.document.model import language_prefix, load_document, neutral_path
from draftsite.engine.glue import current_language, docs_dir
from draftsite.strings import t

STYLESHEET = "assets/stylesheets/print-{lang}{part}.css"
PARTS = ("p1", "p2")  # the report's parts: their chapter pages name the part in the running header
# The PDF of each language, under the language's folder (tools/make_pdf.py writes them).
PDF_FILES = {"vi": "du-thao-bao-cao-chinh-tri.pdf", "en": "draft-political-report.pdf"}


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    """The print stylesheet of the page (its part's, on a chapter page) and the PDF link."""
    lang = current_language(config)
    part = page_part(config, lang, neutral_path(page.file.src_uri))
    context["print_stylesheet"] = STYLESHEET.format(lang=lang, part=f"-{part}" if part else "")
    context["pdf_link"] = {
        "href": language_prefix(lang) + PDF_FILES[lang],
        "text": t("pdf.link", lang),
    }
    return context


def page_part(config: MkDocsConfig, lang: str, page: str) -> str | None:
    """The part ("p1", "p2") whose sections a page holds, or None (the letter, the guide, other pages)."""
    sections = load_document(docs_dir(config), lang).on_page(page)
    root = split_id(sections[0].id).root if sections else None
    return root if root in PARTS else None


def on_post_build(config: MkDocsConfig) -> None:
    """Write the language's print stylesheets: the running header (with the part, for chapter pages),
    the site's address and the page numbers."""
    lang = current_language(config)
    date = settings().draft_date.isoformat()
    label = running_header(lang, date)
    short = t(
        "print.header_part",
        lang,
        name=citation_name(lang, date),
        date=format_day(dt.date.fromisoformat(date), lang),
    )
    for part in (None, *PARTS):
        header = f"{short} – {t(f'part.{part}', lang)}" if part else label
        path = Path(config.site_dir) / STYLESHEET.format(lang=lang, part=f"-{part}" if part else "")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            print_css(
                header,
                t("print.page", lang),
                config.site_url.rstrip("/") + "/" + language_prefix(lang),
            ),
            encoding="utf-8",
        )


def print_css(header: str, page_word: str, site: str) -> str:
    """A print stylesheet: A4 pages with `header` at the top, the site's address and "Trang N" at the bottom."""
    quoted = {
        name: json.dumps(value, ensure_ascii=False)
        for name, value in (("header", header), ("page", page_word), ("site", site))
    }
    return (
        "@page { size: A4; margin: 18mm 16mm 18mm 16mm;\n"
        f"  @top-center {{ content: {quoted['header']}; font-size: 8pt; color: #444; }}\n"
        f"  @bottom-left {{ content: {quoted['site']}; font-size: 8pt; color: #444; }}\n"
        f'  @bottom-right {{ content: {quoted["page"]} " " counter(page); font-size: 8pt; color: #444; }} }}\n'
    )


# The running header of printed pages: the draft's citation name and, in a translation, that it is
# an unofficial one (a printed English page is quoted as often as a linked one).
def running_header(lang: str, date: str) -> str:
    """The text at the top of every printed page of language `lang`, for the draft of `date` (ISO)."""
    return t("print.header", lang, name=citation_name(lang, date))
