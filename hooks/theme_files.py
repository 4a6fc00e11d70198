"""The theme's files are listed without walking its hidden folders (draftsite.theme_files): MkDocs
lists them before any plugin event, so the theme's environment is given that loader as it is made."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from draftsite.theme_files import list_visible_files_only


# Make every environment of the theme list visible files only (idempotent: once per theme object).
def on_config(config: MkDocsConfig) -> None:
    theme = config.theme
    if getattr(theme, "_lists_visible_files_only", False):
        return
    make_env = theme.get_env
    theme.get_env = lambda: list_visible_files_only(make_env())
    theme._lists_visible_files_only = True
