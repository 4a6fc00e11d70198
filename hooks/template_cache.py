"""Compile every template once: the English build reuses the Vietnamese build's compiled
templates, and later builds reuse them from `.cache/jinja` (git-ignored; see site_glue.cache_dir)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from draftsite.template_cache import SharedBytecodeCache
from site_glue import cache_dir

_caches: dict[Path, SharedBytecodeCache] = {}


# Give each language's template environment the build's shared bytecode cache.
def on_env(env: Environment, config: MkDocsConfig, **kwargs) -> Environment:
    folder = cache_dir(config) / "jinja"
    if folder not in _caches:
        _caches[folder] = SharedBytecodeCache(folder)
    env.bytecode_cache = _caches[folder]
    return env
