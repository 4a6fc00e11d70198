"""Security: a Content-Security-Policy and a referrer-policy meta tag on every HTML page, the 404
page included (own scripts and styles only; the inline scripts of the templates by hash, never a
script of the page's text), and a `_headers` example for hosts that send headers. A page that
cannot carry the policy stops the build."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from draftsite.messages import software_failure
from draftsite.page_meta.csp import (
    add_policy_meta,
    headers_file,
    inline_script_hashes,
    template_script_hashes,
)
from draftsite.state import kept


@dataclass
class _Scripts:
    """The hashes of the inline scripts of every page built so far, in every language (for `_headers`)."""

    hashes: set[str] = field(default_factory=set)


def on_post_page(output: str, page: Page, **kwargs) -> str:
    """Add the policy to each finished page (last, after every other hook has changed the HTML)."""
    hashes = template_script_hashes(output, page.content or "")
    kept(_Scripts).hashes.update(hashes)
    try:
        return add_policy_meta(output, hashes)
    except ValueError as error:
        raise PluginError(software_failure(f"{page.file.src_uri}: {error}")) from error


def on_post_template(output_content: str, template_name: str, **kwargs) -> str:
    """Add the policy to the pages rendered from templates alone (404.html); all their scripts are the theme's."""
    if not template_name.endswith(".html"):
        return output_content
    hashes = inline_script_hashes(output_content)
    kept(_Scripts).hashes.update(hashes)
    try:
        return add_policy_meta(output_content, hashes)
    except ValueError as error:
        raise PluginError(software_failure(f"{template_name}: {error}")) from error


def on_post_build(config: MkDocsConfig) -> None:
    """Write `_headers` with the policy of every page of every language built so far."""
    (Path(config.site_dir) / "_headers").write_text(
        headers_file(kept(_Scripts).hashes), encoding="utf-8"
    )
