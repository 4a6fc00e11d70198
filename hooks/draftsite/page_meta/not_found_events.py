"""The 404 page: in Vietnamese with an English line, offering the home page, search, the full
text and the drafts; its language links go to each language's home page. GitHub Pages serves the
site's root 404.html for every missing address, so the root file stays the Vietnamese one."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from draftsite.engine.glue import DEFAULT_LANGUAGE, current_language
from draftsite.page_meta.not_found import language_links, not_found_texts
from draftsite.state import kept

TEMPLATE = "404.html"


@dataclass
class _NotFound:
    """The Vietnamese 404 page as rendered in the build, for the root when English renders its own."""

    rendered: str | None = None


def on_template_context(context: dict, template_name: str, config: MkDocsConfig, **kwargs) -> dict:
    """The 404 page's texts, absolute links (it is served at any address) and language links."""
    if template_name != TEMPLATE:
        return context
    root = urlsplit(config.site_url or "/").path or "/"
    context["not_found"] = not_found_texts(root)
    config.extra["alternate"] = language_links(root)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig, **kwargs) -> str:
    """Keep the Vietnamese 404 at the site's root when the English build renders its own."""
    if template_name != TEMPLATE:
        return output
    if current_language(config) == DEFAULT_LANGUAGE:
        kept(_NotFound).rendered = output
        return output
    rendered = kept(_NotFound).rendered
    return output if rendered is None else rendered
