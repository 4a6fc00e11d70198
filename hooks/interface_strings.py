"""The project's interface strings for the templates (overrides/), in the language being built."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from draftsite.strings import STRINGS, t
from site_glue import current_language

TEMPLATE_KEYS = ("nav.breadcrumb", "palette.to_dark", "palette.to_light")


# `ui["key"]` in templates: the string in the current language.
def on_page_context(context: dict, config: MkDocsConfig, **kwargs) -> dict:
    lang = current_language(config)
    context["ui"] = {key: t(key, lang) for key in TEMPLATE_KEYS if key in STRINGS}
    return context
