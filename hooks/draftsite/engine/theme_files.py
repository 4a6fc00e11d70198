"""Listing a theme's files without its hidden folders. MkDocs lists every file of the theme to copy
its static files, then drops the hidden ones (`.*`); Material's hidden `.icons` folder holds some
14,000 icons, walked and filtered once per language for about 50 files kept."""

from __future__ import annotations

import os

from jinja2 import Environment, FileSystemLoader


class VisibleFilesLoader(FileSystemLoader):
    """A file-system loader that loads as Jinja's does but lists no file inside a hidden folder
    (one whose name starts with a dot): those names are never copied or rendered."""

    def list_templates(self) -> list[str]:
        """Every template name under the search path, hidden folders left unwalked."""
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for name in names:
                    relative = os.path.relpath(os.path.join(folder, name), searchpath)
                    found.add(relative.replace(os.path.sep, "/"))
        return sorted(found)


def list_visible_files_only(env: Environment) -> Environment:
    """The environment with its file-system loader replaced by one that lists visible files only."""
    loader = env.loader
    if type(loader) is FileSystemLoader:
        env.loader = VisibleFilesLoader(
            loader.searchpath, encoding=loader.encoding, followlinks=loader.followlinks
        )
    return env
