"""Sharing metadata on every page: a page-specific description (from the first paragraph when the
page has none), and the values of the Open Graph and Twitter card tags in overrides/main.html."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from draftsite.engine.glue import current_language, language_site_dir, run_step
from draftsite.page_meta.sharing import OG_LOCALES, description_from_html, write_empty_sitemaps
from draftsite.revisions.publishing import robots_txt, sitemap_xml
from draftsite.state import kept

_ALTERNATE = re.compile(r'(<link rel="alternate" href=")([^"]+)(" hreflang="[a-z-]+">)')


@dataclass
class _Sitemap:
    """Every page's address built so far, in every language, in build order (for the sitemap)."""

    pages: dict[str, None] = field(default_factory=dict)


def on_page_content(html: str, page: Page, **kwargs) -> str:
    """Give pages without a description one from their first paragraph."""
    if not page.meta.get("description"):
        description = description_from_html(html)
        if description:
            page.meta["description"] = description
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    """The locale and alternate locale for the Open Graph tags."""
    lang = current_language(config)
    context["og_locale"] = OG_LOCALES[lang]
    context["og_locale_alternates"] = [v for k, v in OG_LOCALES.items() if k != lang]
    return context


def absolute_alternates(html: str, base: str) -> str:
    """hreflang alternates with absolute addresses, as search engines require (they are in the head:
    the page's body is not searched)."""
    end = html.find("</head>")
    end = len(html) if end < 0 else end
    return _ALTERNATE.sub(lambda m: f"{m[1]}{urljoin(base, m[2])}{m[3]}", html[:end]) + html[end:]


def on_env(env, config: MkDocsConfig, files, **kwargs):
    """Material looks for a sitemap beside every `hreflang` alternate of a page (it expects language
    roots, but mkdocs-static-i18n links the same page in each language). Give each page folder an
    empty one, so that no page load ends in 404 errors (the real sitemap with its hreflang
    alternates is /sitemap.xml), once mkdocs-static-i18n has given the files their addresses."""
    folders = [Path(config.site_dir) / file.url for file in files.documentation_pages() if file.url]
    run_step("writing the page folders' empty sitemaps failed", write_empty_sitemaps, folders)
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    """Absolute hreflang alternates; the page's address for the sitemap."""
    output = absolute_alternates(output, page.canonical_url or config.site_url)
    if page.canonical_url:
        kept(_Sitemap).pages.setdefault(page.canonical_url)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """One sitemap of every page in every language so far (the last language's build completes it),
    at the root and in the language's folder, and robots.txt naming it."""
    text = sitemap_xml(list(kept(_Sitemap).pages))
    root = Path(config.site_dir)
    for folder in {root, language_site_dir(config)}:
        (folder / "sitemap.xml").write_text(text, encoding="utf-8")
    (root / "robots.txt").write_text(robots_txt(config.site_url or ""), encoding="utf-8")
