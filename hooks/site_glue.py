"""The few MkDocs-specific helpers the hooks share (not a hook itself: not listed under `hooks:`)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from draftsite.background import BackgroundError, Task

DEFAULT_LANGUAGE = "vi"
log = logging.getLogger("mkdocs.hooks.checks")
_pending_checks: dict[str, Task] = {}


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


# Apply `adjust` to every template environment the theme makes from now on (MkDocs makes the
# page environment, and plugins make their own, from `theme.get_env`). Once per theme and purpose:
# on_config runs for every language.
def adjust_theme_environments(config: MkDocsConfig, purpose: str, adjust: Callable[[Any], Any]) -> None:
    theme = config.theme
    marker = f"_draftsite_{purpose}"
    if getattr(theme, marker, False):
        return
    make_env = theme.get_env
    theme.get_env = lambda: adjust(make_env())
    setattr(theme, marker, True)


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


# Start checks in a second process while the pages are rendered; `function(*args)` returns
# [(title, [problem, …]), …], reported by finish_checks (or report_pending_checks). Skipped when the
# publishing tool checks this same tree in another build (SOURCES_CHECKED_BY_ANOTHER_BUILD: the site's
# root is the latest draft again, and its permanent folder's build runs every check).
def start_checks(key: str, function: Callable[..., list[tuple[str, list[str]]]], *args: Any) -> None:
    if os.environ.get("SOURCES_CHECKED_BY_ANOTHER_BUILD"):
        return
    _pending_checks[key] = Task(function, *args)


# Stop the build with every problem the checks started under `key` found.
def finish_checks(key: str) -> None:
    task = _pending_checks.pop(key, None)
    for title, problems in _check_results(task) if task else []:
        fail(title, problems)


# The build stopped for another reason: show what the pending checks found too, since their
# messages say what to fix where the other error may only be its consequence.
def report_pending_checks() -> None:
    tasks = list(_pending_checks.values())
    _pending_checks.clear()
    for task in tasks:
        try:
            groups = _check_results(task)
        except PluginError as error:
            log.error(str(error))
            continue
        for title, problems in groups:
            if problems:
                log.error(title + "".join(f"\n  - {p}" for p in problems))


# What a check task found; a crash of the checks themselves stops the build too.
def _check_results(task: Task) -> list[tuple[str, list[str]]]:
    try:
        return task.result()
    except BackgroundError as error:
        raise PluginError(error.report("the checks of the sources could not run")) from None
