"""Processes that run `mkdocs build --strict` for publishing, forked from one server process that
has imported MkDocs, Material, Markdown and the other installed packages once: every build of a
publish starts with them loaded instead of importing them again (about a third of a second each).

The server is multiprocessing's "forkserver": a clean, single-threaded process, so forking is safe
even when the caller runs threads (a test's web server, a browser driver). It loads nothing of the
project (only PRELOAD; the caller's main script is hidden from it), and each build's process keeps
only the installation's folders on sys.path before it runs MkDocs' own command line in the tree it
builds, as `python -m mkdocs` would there: a draft is built with its own tree's hooks.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import signal
import sys
import sysconfig
import types
from pathlib import Path

# Installed modules every build imports; a name that does not import is skipped by the server.
PRELOAD = [
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "mkdocs.structure.pages",
    "mkdocs.structure.nav",
    "mkdocs.theme",
    "mkdocs.livereload",
    "jinja2",
    "yaml",
    "markdown",
    "markdown.extensions.toc",
    "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html",
    "markdown.extensions.footnotes",
    "markdown.extensions.tables",
    "markdown.extensions.admonition",
    "markdown.extensions.codehilite",
    "pymdownx.superfences",
    "pymdownx.details",
    "pymdownx.highlight",
    "pymdownx.quotes",
    "pygments.formatters.html",
    "material.plugins.search.plugin",
    "mkdocs_static_i18n.plugin",
    "mkdocs_static_i18n.reconfigure",
    "segno",
    "difflib",
    "html.parser",
]

_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(PRELOAD)


def warm_up() -> None:
    """Start the server now (it imports the packages while the caller prepares the first build)."""
    multiprocessing.forkserver.ensure_running()


def start_build(
    tree: Path, out: Path, env: dict[str, str], log: Path
) -> multiprocessing.process.BaseProcess:
    """Start `mkdocs build --strict -d out` of `tree` with exactly the environment `env`, its output
    (stdout and stderr) written to `log`."""
    process = _context.Process(target=_build, args=(str(tree), str(out), dict(env), str(log)))
    # multiprocessing runs the caller's main script again in every child unless the main module has no
    # file: the builds need nothing from it, so it is hidden while the child is prepared.
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        process.start()
    finally:
        sys.modules["__main__"] = main
    return process


def stop_build(process: multiprocessing.process.BaseProcess) -> None:
    """Stop a build and every process it started (its second processes would otherwise wait forever
    for work from a build that is gone, and keep the server alive with them)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):  # the group is gone, or not made yet
        if process.is_alive():
            process.kill()
    process.join()


def _installed_folders() -> tuple[str, ...]:
    """The folders of the Python installation: what is imported from there is the same for every tree."""
    paths = sysconfig.get_paths()
    folders = {
        sys.prefix,
        sys.base_prefix,
        sys.exec_prefix,
        paths["stdlib"],
        paths["platstdlib"],
        paths["purelib"],
        paths["platlib"],
    }
    return tuple(str(Path(folder).resolve()) + os.sep for folder in folders)


def _inside(path: str, folders: tuple[str, ...]) -> bool:
    """Whether `path` lies in one of `folders` (each ending with a separator)."""
    return (str(Path(path).resolve()) + os.sep).startswith(folders)


def _build(tree: str, out: str, env: dict[str, str], log: str) -> None:
    """The build's process: its own process group (stop_build ends it with every process it started),
    the caller's project folders off sys.path, then MkDocs' command line in `tree`."""
    os.setpgid(0, 0)
    descriptor = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(descriptor, 1)
    os.dup2(descriptor, 2)
    os.close(descriptor)
    folders = _installed_folders()
    sys.path[:] = [tree] + [entry for entry in sys.path if entry and _inside(entry, folders)]
    os.chdir(tree)
    os.environ.clear()
    os.environ.update(env)
    sys.argv = ["mkdocs", "build", "--strict", "-d", out]
    from mkdocs.__main__ import cli

    cli.main(args=sys.argv[1:], prog_name="mkdocs")
