"""The theme's files are listed without walking its hidden folders (draftsite.engine.theme_files): MkDocs
lists them before any plugin event, so the theme's environment is given that loader as it is made."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from draftsite.engine.glue import adjust_theme_environments
from draftsite.engine.theme_files import list_visible_files_only


def on_config(config: MkDocsConfig) -> None:
    """Make every environment of the theme list visible files only."""
    adjust_theme_environments(config, "visible_files", list_visible_files_only)
