"""One build state: what the features keep while a site is built, in every language.

mkdocs-static-i18n builds each language as a full nested build (every event runs once per language,
the default language first): a build starts with the default language's `on_config` (see
hooks/site_events.py), and every feature keeps what it needs across its events, and across the
languages, in its own typed part of the one `BuildState` — never in a module global. A new build
(`mkdocs serve` rebuilding after an edit) starts from an empty state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Kept = TypeVar("Kept")


class BuildState:
    """The state of one build: each feature's part, made on first use from the feature's class."""

    def __init__(self) -> None:
        self._parts: dict[type, object] = {}

    def of(self, kind: Callable[[], Kept]) -> Kept:
        """The part of the state that `kind` (a feature's dataclass, made with no arguments) holds."""
        if kind not in self._parts:
            self._parts[kind] = kind()
        return self._parts[kind]  # type: ignore[return-value]


class _Builds:
    """The build under way (the one place that holds it)."""

    current = BuildState()


def start_build() -> BuildState:
    """Begin a new build with an empty state (the default language's configuration)."""
    _Builds.current = BuildState()
    return _Builds.current


def build_state() -> BuildState:
    """The state of the build under way."""
    return _Builds.current


def kept(kind: Callable[[], Kept]) -> Kept:
    """A feature's part of the build under way's state."""
    return _Builds.current.of(kind)
