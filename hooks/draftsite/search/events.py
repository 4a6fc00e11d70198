"""Accent-insensitive search per language: collect each page's sections while building, write
search/index.<lang>.json, and leave Material's eagerly fetched search_index.json as a tiny stub.
The matching itself runs in the browser (overrides/assets/javascripts/search-worker.js)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from draftsite.document.model import load_document
from draftsite.engine.glue import DEFAULT_LANGUAGE, current_language, docs_dir, run_step
from draftsite.search.search_index import add_places, index_json, page_entries, stub_json
from draftsite.state import kept
from draftsite.strings import t

WORKER = "assets/javascripts/search-worker.js"


@dataclass
class _Index:
    """Every language's entries so far (each page's sections, in build order), and the pages whose
    front matter says `search: exclude: true`."""

    entries: dict[str, list[dict]] = field(default_factory=dict)
    left_out: dict[str, bool] = field(default_factory=dict)


def on_pre_build(config: MkDocsConfig) -> None:
    """Start an empty index for the language about to be built."""
    kept(_Index).entries[current_language(config)] = []


def on_page_content(html: str, page: Page, **kwargs) -> str:
    """Material's search plugin would parse every page for an index that is replaced by a stub: tell it
    the page is excluded (after noting whether the page itself asked to be left out of search)."""
    kept(_Index).left_out[page.file.src_uri] = bool((page.meta.get("search") or {}).get("exclude"))
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **kwargs) -> dict:
    """Read the page's sections (after the other hooks have added their chrome, which is skipped)."""
    lang = current_language(config)
    context["search_worker"] = f"{WORKER}?lang={lang}"
    if kept(_Index).left_out.get(page.file.src_uri):
        return context
    kept(_Index).entries[lang] += run_step(
        "reading the pages for search failed",
        page_entries,
        page.content or "",
        page.url,
        page.title or "",
        t("search.footnote", lang),
    )
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Write every language's index collected so far, and the stub Material fetches on every page
    load. Runs last of all: mkdocs-static-i18n builds the other languages, and rewrites Material's
    search_index.json, inside its own post-build step at priority -100."""
    folder = Path(config.site_dir) / "search"
    folder.mkdir(parents=True, exist_ok=True)
    for lang, entries in kept(_Index).entries.items():
        document = load_document(docs_dir(config), lang)
        places, placed = add_places(entries, document.crumbs_of, document.crumbs_inside)
        (folder / f"index.{lang}.json").write_text(
            index_json(lang, placed, places), encoding="utf-8"
        )
    (folder / "search_index.json").write_text(stub_json(DEFAULT_LANGUAGE), encoding="utf-8")
