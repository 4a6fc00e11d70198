"""The project's interface strings for the templates (overrides/) and the heading links, in the
language being built."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from draftsite.strings import STRINGS, t
from site_glue import current_language

TEMPLATE_KEYS = ("nav.breadcrumb", "palette.to_dark", "palette.to_light")


# The heading links' title in the language being built (the `toc` extension has one setting for
# every language; set again for each, so that running this once per language is harmless).
def on_config(config: MkDocsConfig) -> None:
    toc = config.mdx_configs.setdefault("toc", {})
    if toc.get("permalink"):
        toc["permalink_title"] = t("heading.permalink", current_language(config))


# `ui["key"]` in templates: the string in the current language.
def on_page_context(context: dict, config: MkDocsConfig, **kwargs) -> dict:
    lang = current_language(config)
    context["ui"] = {key: t(key, lang) for key in TEMPLATE_KEYS if key in STRINGS}
    return context
