"""The few MkDocs-specific helpers the hooks share (not a hook itself: not listed under `hooks:`)."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from draftsite.checks.data_files import DataFileError
from draftsite.inputs import read_inputs
from draftsite.messages import software_failure
from draftsite.state import kept, start_build

DEFAULT_LANGUAGE = "vi"
log = logging.getLogger("mkdocs.hooks.checks")


@dataclass
class _PendingChecks:
    """What the checks run in the build found, by key, not yet reported."""

    found: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)


def current_language(config: MkDocsConfig) -> str:
    """The language being built, as mkdocs-static-i18n says (it builds each language in turn)."""
    plugin = config.plugins.get("i18n")
    language = getattr(plugin, "current_language", None) if plugin else None
    return language or DEFAULT_LANGUAGE


def begin_build(config: MkDocsConfig) -> None:
    """A build starts with the default language's configuration (mkdocs-static-i18n then builds the
    others inside it): every feature's state starts empty."""
    if current_language(config) == DEFAULT_LANGUAGE:
        start_build()


def language_site_dir(config: MkDocsConfig) -> Path:
    """The output folder of the language being built (mkdocs-static-i18n keeps site_dir and
    puts other languages under a prefix: site/ for Vietnamese, site/en/ for English)."""
    lang = current_language(config)
    root = Path(config.site_dir)
    return root if lang == DEFAULT_LANGUAGE else root / lang


def adjust_theme_environments(
    config: MkDocsConfig, purpose: str, adjust: Callable[[Any], Any]
) -> None:
    """Apply `adjust` to every template environment the theme makes from now on (MkDocs makes the
    page environment, and plugins make their own, from `theme.get_env`). Once per theme and purpose:
    on_config runs for every language."""
    theme = config.theme
    marker = f"_draftsite_{purpose}"
    if getattr(theme, marker, False):
        return
    make_env = theme.get_env
    theme.get_env = lambda: adjust(make_env())
    setattr(theme, marker, True)


def cache_dir(config: MkDocsConfig) -> Path:
    """The folder of the build caches (compiled templates, QR drawings; git-ignored): `.cache` beside
    mkdocs.yml, or the inputs' (DRAFTSITE_CACHE; tools/publish.py shares one between the drafts it builds)."""
    shared = read_inputs().cache
    return Path(shared) if shared else Path(config.config_file_path).parent / ".cache"


def docs_dir(config: MkDocsConfig) -> Path:
    """The docs folder as a Path."""
    return Path(config.docs_dir)


def fail(title: str, problems: list) -> None:
    """Stop the build with one message listing every problem (file:line: what to do)."""
    if problems:
        listing = "\n".join(f"  - {p}" for p in problems)
        raise PluginError(f"{title}\n{listing}")


def nav_files(nav: list | None) -> list[str]:
    """The Markdown files named in the nav, in order ("a.md", "b/index.md", …)."""
    found: list[str] = []
    for item in nav or []:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found += (
                    nav_files(value)
                    if isinstance(value, list)
                    else [value]
                    if isinstance(value, str)
                    else []
                )
    return [f for f in found if f.endswith(".md")]


def run_step(what: str, function: Callable[..., Any], *args: Any) -> Any:
    """`function(*args)`, stopping the build the one way every failure does: a data file an editor can
    fix says its own line (file:line: what to do); a failure of the code says `what` failed, with its
    traceback, and that it is the software's fault, not the editor's."""
    try:
        return function(*args)
    except DataFileError as error:
        raise PluginError(str(error)) from None
    except PluginError:
        raise
    except Exception:  # noqa: BLE001 - reported to the editor, and the build stops
        raise PluginError(software_failure(f"{what}:\n{traceback.format_exc()}")) from None


def start_checks(
    key: str, function: Callable[..., list[tuple[str, list[str]]]], *args: Any
) -> None:
    """Run checks; `function(*args)` returns [(title, [problem, …]), …], reported once the pages are
    rendered by finish_checks (or report_pending_checks), as every page's problems are then known.
    Skipped when the publishing tool checks this same tree in another build (the site's root is the
    latest draft again, and its permanent folder's build runs every check)."""
    if read_inputs().sources_checked_by_another_build:
        return
    kept(_PendingChecks).found[key] = run_step(
        "the checks of the sources could not run", function, *args
    )


def finish_checks(key: str) -> None:
    """Stop the build with every problem the checks run under `key` found."""
    for title, problems in kept(_PendingChecks).found.pop(key, []):
        fail(title, problems)


def report_pending_checks() -> None:
    """The build stopped for another reason: show what the pending checks found too, since their
    messages say what to fix where the other error may only be its consequence."""
    pending = kept(_PendingChecks).found
    groups = [group for found in pending.values() for group in found]
    pending.clear()
    for title, problems in groups:
        if problems:
            log.error(title + "".join(f"\n  - {p}" for p in problems))
