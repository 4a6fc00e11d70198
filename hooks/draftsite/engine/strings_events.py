"""The project's interface strings for the templates (overrides/), the heading links and the
footnotes' back-links, in the language being built."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from draftsite.engine.glue import current_language
from draftsite.strings import STRINGS, t

TEMPLATE_KEYS = ("nav.breadcrumb", "palette.to_dark", "palette.to_light")


def on_config(config: MkDocsConfig) -> None:
    """The heading links' title and the footnotes' back-links' title in the language being built (the
    `toc` and `footnotes` extensions have one setting for every language; set again for each, so that
    running this once per language is harmless)."""
    lang = current_language(config)
    toc = config.mdx_configs.setdefault("toc", {})
    if toc.get("permalink"):
        toc["permalink_title"] = t("heading.permalink", lang)
    if "footnotes" in config.markdown_extensions:
        config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = t("footnote.back", lang)


def on_page_context(context: dict, config: MkDocsConfig, **kwargs) -> dict:
    """`ui["key"]` in templates: the string in the current language."""
    lang = current_language(config)
    context["ui"] = {key: t(key, lang) for key in TEMPLATE_KEYS if key in STRINGS}
    return context
