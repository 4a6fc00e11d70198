"""Compile every template once: the English build reuses the Vietnamese build's compiled
templates, and later builds reuse them from `.cache/jinja` (git-ignored)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from draftsite.template_cache import SharedBytecodeCache

_caches: dict[Path, SharedBytecodeCache] = {}


# Give each language's template environment the build's shared bytecode cache.
def on_env(env: Environment, config: MkDocsConfig, **kwargs) -> Environment:
    folder = Path(config.config_file_path).parent / ".cache" / "jinja"
    if folder not in _caches:
        _caches[folder] = SharedBytecodeCache(folder)
    env.bytecode_cache = _caches[folder]
    return env
