"""Stop the build when what an editor wrote breaks the document's rules or would publish silently
wrong: unreadable files, missing or duplicate ids, orphan footnotes, text that is not NFC, invisible
characters, broken headings or front matter, raw HTML outside the allow-list, dead links, pages
outside the menu, invalid data files, English pages that differ from the Vietnamese ones.
Runs once per language (mkdocs-static-i18n builds each in turn); what the checks of the sources find
is reported once the pages are rendered, and stops the build before the next language."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from draftsite.checks.editor_checks import located, read_sources, source_problems
from draftsite.checks.raw_html import unsafe_html
from draftsite.engine.glue import (
    current_language,
    docs_dir,
    fail,
    finish_checks,
    nav_files,
    report_pending_checks,
    start_checks,
)
from draftsite.messages import bilingual


def on_pre_build(config: MkDocsConfig) -> None:
    """Check every page and data file: that each is readable text at once, the rest reported after the
    pages are rendered."""
    lang = current_language(config)
    texts, unreadable = read_sources(docs_dir(config))
    fail(
        bilingual(
            "Some files cannot be read as text; fix these and build again:",
            "Có tệp không đọc được dưới dạng văn bản; sửa các lỗi dưới đây rồi dựng lại",
        ),
        [located(p) for p in unreadable],
    )
    config_text = (
        Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
    )
    start_checks(
        f"sources-{lang}", source_problems, texts, lang, nav_files(config.nav), config_text
    )


def on_post_build(config: MkDocsConfig) -> None:
    """Stop before the next language is built if the sources of this one have problems."""
    finish_checks(f"sources-{current_language(config)}")


def on_build_error(error: Exception, **kwargs) -> None:
    """Another error stopped the build: also show what the checks found."""
    report_pending_checks()


def on_page_content(html: str, page: Page, **kwargs) -> str:
    """A last guard on the rendered content of each page: no script, no event handler, no script address."""
    fail(
        bilingual(
            f"docs/{page.file.src_uri}: the page contains code, which is not allowed in the text; remove:",
            f"docs/{page.file.src_uri}: trang có chứa mã lệnh, điều không được phép trong văn bản; xoá các "
            "phần sau",
        ),
        unsafe_html(html),
    )
    return html
