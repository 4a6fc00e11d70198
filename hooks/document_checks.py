"""Stop the build when a page breaks the document's rules: missing or duplicate ids, orphan
footnotes, text that is not NFC. Runs once per language (mkdocs-static-i18n builds each in turn)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from draftsite.checks import check_language, check_translations
from draftsite.model import language_files
from draftsite.strings import LANGUAGES
from site_glue import current_language, docs_dir, fail


# Check every Markdown page of the language being built before any page is rendered.
@event_priority(100)
def on_pre_build(config: MkDocsConfig) -> None:
    lang = current_language(config)
    files = language_files(docs_dir(config), lang)
    fail(f"The {lang!r} pages break the document rules; fix these and build again:", check_language(files))
    every_page = [p.relative_to(docs_dir(config)).as_posix() for p in docs_dir(config).rglob("*.md")]
    fail("Every page needs a version in each language:", check_translations(every_page, LANGUAGES))
