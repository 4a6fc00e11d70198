"""Stop the build when what an editor wrote breaks the document's rules or would publish silently
wrong: unreadable files, missing or duplicate ids, orphan footnotes, text that is not NFC, invisible
characters, broken headings or front matter, raw HTML outside the allow-list, dead links, pages
outside the menu, invalid data files, English pages that differ from the Vietnamese ones.
Runs once per language (mkdocs-static-i18n builds each in turn)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from draftsite.checks import check_translations
from draftsite.editor_checks import check_sources, located, read_sources
from draftsite.raw_html import unsafe_html
from draftsite.strings import LANGUAGES
from site_glue import current_language, docs_dir, fail, nav_files


# Check every page and data file before any page is rendered.
@event_priority(100)
def on_pre_build(config: MkDocsConfig) -> None:
    lang = current_language(config)
    texts, unreadable = read_sources(docs_dir(config))
    fail("Some files cannot be read as text; fix these and build again:", [located(p) for p in unreadable])
    fail("Every page needs a version in each language:",
         [located(p) for p in check_translations([rel for rel in texts if rel.endswith(".md")], LANGUAGES)])
    config_text = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
    problems = check_sources(texts, lang, nav_files(config.nav), config_text)
    fail(f"The {lang!r} pages or data files need corrections; fix these and build again:",
         [located(p) for p in problems])


# A last guard on the rendered content of each page: no script, no event handler, no script address.
@event_priority(100)
def on_page_content(html: str, page: Page, **kwargs) -> str:
    fail(f"docs/{page.file.src_uri}: the page contains code, which is not allowed in the text; remove:",
         unsafe_html(html))
    return html
