"""Number footnotes as the document does (1–16 across pages) instead of restarting on each page."""

from __future__ import annotations

from draftsite.document.footnotes import keep_document_numbers


def on_page_content(html: str, **kwargs) -> str:
    """Rewrite footnote markers and notes of every page."""
    return keep_document_numbers(html)
