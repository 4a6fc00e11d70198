"""Compile every template once: the English build reuses the Vietnamese build's compiled
templates, plugins' own environments (Material's search) reuse them too, and later builds reuse
them from `.cache/jinja` (git-ignored; see site_glue.cache_dir).
A second process compiles the page templates into that folder while the first pages are converted,
so that a fresh clone does not wait for them when the first page is rendered."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from draftsite.background import Task
from draftsite.template_cache import SharedBytecodeCache, precompile, use_bytecode_cache
from site_glue import adjust_theme_environments, cache_dir

PAGE_TEMPLATES = ["main.html", "404.html", "sitemap.xml"]
_caches: dict[Path, SharedBytecodeCache] = {}
_compiling: list[Task] = []


# Start compiling the page templates when the cache folder is empty (a fresh clone; once per build:
# the languages share them), with the environment the build will have (the theme's, as the
# plugins change it).
def on_files(files, config: MkDocsConfig, **kwargs):
    folder = cache_dir(config) / "jinja"
    if not _compiling and not (folder.is_dir() and any(folder.iterdir())):
        _compiling.append(Task(_compile_templates, config, files, urgent=True))
    return files


# The templates compiled into the cache folder by a second process.
def _compile_templates(config: MkDocsConfig, files) -> int:
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    return precompile(env, PAGE_TEMPLATES)


# The build is over: the compiling process is done (it is never a reason to stop a build).
def on_post_build(config: MkDocsConfig) -> None:
    while _compiling:
        try:
            _compiling.pop().result()
        except Exception:  # noqa: BLE001 - the build compiles what is missing itself
            pass


# Give every template environment the theme makes the build's shared bytecode cache: each
# language's, and those plugins make for themselves (Material's search plugin compiled its language
# templates anew in every build). First, before the plugins make theirs.
@event_priority(100)
def on_config(config: MkDocsConfig) -> None:
    folder = cache_dir(config) / "jinja"
    if folder not in _caches:
        _caches[folder] = SharedBytecodeCache(folder)
    adjust_theme_environments(config, "compiled_templates", partial(use_bytecode_cache, cache=_caches[folder]))


# The build stopped: forget its compiling process (the next build starts its own).
def on_build_error(error: Exception, **kwargs) -> None:
    _compiling.clear()
