"""English pages: state once, at the top, that the page is an unofficial reference translation and
that the Vietnamese text prevails, with a link to the same page in Vietnamese; and carry the short
notice that translation-landing.js shows at the top of what a reader lands on when the page is opened
at a paragraph or section (a `<template>`: nothing is shown, read or laid out for any other reader;
main.html reserves its room before the page is drawn and loads that script only then)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from draftsite.document.model import page_url
from draftsite.engine.glue import DEFAULT_LANGUAGE, current_language
from draftsite.strings import t


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Put the notice above the content of every page that is not in the default language."""
    lang = current_language(config)
    if lang == DEFAULT_LANGUAGE:
        return html
    here = page.url  # "en/a/b/"
    original = "../" * here.count("/") + page_url(page.file.src_uri)
    notice = t("translation.notice", lang, url=original or "./")
    landing = t("translation.landing", lang, url=original or "./")
    return (
        f'<div class="translation-notice" role="note" data-search-exclude><p>{notice}</p>'
        f'<template class="translation-landing-template"><span class="translation-landing" role="note" tabindex="-1">{landing}</span>'
        f"</template></div>\n{html}"
    )


def on_page_context(context: dict, config: MkDocsConfig, **kwargs) -> dict:
    """`translation_landing` in templates: whether the page reserves room for the notice at a deep link."""
    context["translation_landing"] = current_language(config) != DEFAULT_LANGUAGE
    return context
