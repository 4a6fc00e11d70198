"""Markup from templates: the page-sized blocks the features put into pages (and whole small pages,
such as the short addresses) are Jinja templates in overrides/fragments/, rendered here.

The templates escape with `| e`, which is the standard library's `html.escape` (quotes included),
as the site always has; nothing else is escaped for them. A template's lines are joined without a
line break where the next line starts with `{#- #}` (the published markup stays as compact as it
was)."""

from __future__ import annotations

import functools
import html
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

FRAGMENTS = Path(__file__).resolve().parents[2] / "overrides" / "fragments"


def escape(value: Any) -> str:
    """A value as HTML text or attribute value (`&`, `<`, `>`, `"` and `'` escaped)."""
    return html.escape(str(value), quote=True)


@functools.cache
def environment(folder: Path = FRAGMENTS) -> Environment:
    """The templates' environment (one per build process): a value a template names but is not
    given stops the build instead of printing nothing."""
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["e"] = env.filters["escape"] = escape
    return env


def render(template: str, /, **values: Any) -> str:
    """The fragment `template` (a file of overrides/fragments/) rendered with `values`."""
    return environment().get_template(template).render(**values)
