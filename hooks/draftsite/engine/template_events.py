"""Compile every template once: the English build reuses the Vietnamese build's compiled
templates, plugins' own environments (Material's search) and the features' fragments
(draftsite.fragments) reuse them too, and later builds reuse them from `.cache/jinja` (git-ignored;
see draftsite.engine.glue.cache_dir)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from draftsite import fragments
from draftsite.engine.glue import adjust_theme_environments, cache_dir
from draftsite.engine.template_cache import SharedBytecodeCache, use_bytecode_cache

# The compiled templates of every build this process runs (`mkdocs serve` rebuilds), by cache folder:
# kept on purpose beyond one build, as Jinja checks each against its template's source.
_caches: dict[Path, SharedBytecodeCache] = {}


def on_config(config: MkDocsConfig) -> None:
    """Give every template environment the theme makes the build's shared bytecode cache: each
    language's, and those plugins make for themselves (Material's search plugin compiled its language
    templates anew in every build). First, before the plugins make theirs."""
    folder = cache_dir(config) / "jinja"
    if folder not in _caches:
        _caches[folder] = SharedBytecodeCache(folder)
    adjust_theme_environments(
        config, "compiled_templates", partial(use_bytecode_cache, cache=_caches[folder])
    )
    use_bytecode_cache(fragments.environment(), _caches[folder])
