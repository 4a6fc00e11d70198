"""Sharing metadata on every page: a page-specific description (from the first paragraph when the
page has none), and the values of the Open Graph and Twitter card tags in overrides/main.html."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from draftsite.sharing import OG_LOCALES, description_from_html
from site_glue import current_language


# Give pages without a description one from their first paragraph.
def on_page_content(html: str, page: Page, **kwargs) -> str:
    if not page.meta.get("description"):
        description = description_from_html(html)
        if description:
            page.meta["description"] = description
    return html


# The locale and alternate locale for the Open Graph tags.
def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    lang = current_language(config)
    context["og_locale"] = OG_LOCALES[lang]
    context["og_locale_alternates"] = [v for k, v in OG_LOCALES.items() if k != lang]
    return context
