"""The whole document on one page (`<!-- document:full-text -->` on a page with `full_text: true`):
the cover letter, the report and the discussion guide in reading order, headings nested by the
document's numbering, after a table of contents (`<!-- document:contents -->`). Section and paragraph ids are those of
the chapter pages, so an anchor works on both; the PDF is printed from this page (tools/make_pdf.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from draftsite.full_text import assemble, shallow_toc, table_of_contents
from draftsite.model import is_document_page, language_files, load_document
from site_glue import DEFAULT_LANGUAGE, current_language, docs_dir, nav_files

MARKER = "<!-- document:full-text -->"
TOC_MARKER = "<!-- document:contents -->"


# Expand the markers of the full-text page.
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    if not page.meta.get("full_text"):
        return markdown
    if MARKER not in markdown:
        raise PluginError(f"{page.file.src_uri}: a page with `full_text: true` needs the marker {MARKER}")
    lang = current_language(config)
    files = language_files(docs_dir(config), lang)
    order = [path for path in nav_files(config.nav) if is_document_page(path)]
    sources = []
    for path in order:
        rel = path if lang == DEFAULT_LANGUAGE else path[:-3] + f".{lang}.md"
        if rel not in files:
            raise PluginError(f"{page.file.src_uri}: {path} has no {lang!r} version to include")
        sources.append(files[rel])
    document = load_document(docs_dir(config), lang)
    markdown = markdown.replace(MARKER, assemble(sources, document))
    return markdown.replace(TOC_MARKER, table_of_contents(document, order, sources))


# The full-text page's side contents list its parts and their first-level sections.
def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    if page.meta.get("full_text"):
        shallow_toc(list(page.toc))
    return context
