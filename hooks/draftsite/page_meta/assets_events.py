"""The site's own scripts and style sheets (overrides/assets/) are served without their comments
(draftsite.page_meta.served_assets); Material's own files are minified already."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from draftsite.page_meta.served_assets import served

OWN_ASSETS = "assets"


def on_post_build(config: MkDocsConfig) -> None:
    """Rewrite the copies MkDocs made of the theme's own .js and .css files (idempotent: each language's
    build may copy them again)."""
    source = Path(config.theme.custom_dir) / OWN_ASSETS
    for path in sorted(source.rglob("*")):
        if path.suffix not in (".js", ".css") or not path.is_file():
            continue
        target = Path(config.site_dir) / OWN_ASSETS / path.relative_to(source)
        if target.is_file():
            text = target.read_text("utf-8")
            lean = served(path.name, text)
            if lean != text:
                target.write_text(lean, "utf-8")
