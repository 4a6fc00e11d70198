"""The few MkDocs-specific helpers the hooks share (not a hook itself: not listed under `hooks:`)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

DEFAULT_LANGUAGE = "vi"


# The language being built, as mkdocs-static-i18n says (it builds each language in turn).
def current_language(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("i18n")
    language = getattr(plugin, "current_language", None) if plugin else None
    return language or DEFAULT_LANGUAGE


# The output folder of the language being built (mkdocs-static-i18n keeps site_dir and
# puts other languages under a prefix: site/ for Vietnamese, site/en/ for English).
def language_site_dir(config: MkDocsConfig) -> Path:
    lang = current_language(config)
    root = Path(config.site_dir)
    return root if lang == DEFAULT_LANGUAGE else root / lang


# The folder of the build caches (compiled templates, QR drawings; git-ignored): `.cache` beside
# mkdocs.yml, or DRAFTSITE_CACHE (tools/publish.py shares one between the drafts it builds).
def cache_dir(config: MkDocsConfig) -> Path:
    shared = os.environ.get("DRAFTSITE_CACHE")
    return Path(shared) if shared else Path(config.config_file_path).parent / ".cache"


# The docs folder as a Path.
def docs_dir(config: MkDocsConfig) -> Path:
    return Path(config.docs_dir)


# Stop the build with one message listing every problem (file:line: what to do).
def fail(title: str, problems: list) -> None:
    if problems:
        listing = "\n".join(f"  - {p}" for p in problems)
        raise PluginError(f"{title}\n{listing}")


# The Markdown files named in the nav, in order ("a.md", "b/index.md", …).
def nav_files(nav: list | None) -> list[str]:
    found: list[str] = []
    for item in nav or []:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found += nav_files(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
    return [f for f in found if f.endswith(".md")]
