"""Shared helpers for the benchmark scripts: builds (with the project's hooks, or a plain build of
the same Markdown), a local static server with gzip, and headless Chromium."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def build(project: Path, site_dir: Path, site_url: str | None = None) -> None:
    """Run a strict build of `project` into `site_dir` (for `site_url`, when given)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **({"SITE_URL": site_url} if site_url else {}))
    env.pop("BUILD_ONLY_LOCALE", None)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )


def plain_project(target: Path, source: Path = ROOT) -> Path:
    """A copy of the project whose mkdocs.yml has no hooks, no template overrides and Material's
    own search: the same Markdown as a plain Material site (the baseline)."""
    shutil.copytree(source / "docs", target / "docs")
    config = (source / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    config = config.replace("  custom_dir: overrides\n", "")
    config = re.sub(r"\nextra_css:\n(?:  - .*\n)+", "\n", config)
    config = re.sub(r"\nextra_javascript:\n(?:  - .*\n)+", "\n", config)
    config = config.replace("  font: false ", "  # font: default ")
    (target / "mkdocs.yml").write_text(config, "utf-8")
    return target


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, like a production host, under the
    site's production path."""

    def __init__(self, *args, prefix: str = "/", **kwargs) -> None:
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path: str) -> str:
        inside = path.startswith(self.prefix)
        return super().translate_path(
            "/" + path[len(self.prefix) :] if inside else "/__outside__" + path
        )

    def send_head(self):  # noqa: D401 - http.server API
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site_dir: Path, path: str = "/", port: int = 0):
    """Serve `site_dir` on 127.0.0.1 (gzip) under `path` for the duration of the block; yields the base URL."""
    handler = functools.partial(_GzipHandler, directory=str(site_dir), prefix=path)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (to build a site for the address it will be served at)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def temporary() -> Path:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def scaled_project(source: Path, target: Path, factor: int) -> Path:
    """A copy of `project` (the project itself, or a plain_project) whose report chapters appear
    `factor` times: each chapter page of Part One and Part Two gets factor − 1 copies beside it, in
    both languages and in the menu, with their own section ids (`-x2`, `-x3`, …) and footnote labels,
    and their words distinguished per copy (ASCII letters shifted), so that the copies are new text
    for every check rather than a repeated formula."""
    shutil.copytree(
        source,
        target,
        ignore=shutil.ignore_patterns(".git", ".venv", "site", ".cache", "node_modules"),
    )
    docs = target / "docs"
    chapters = sorted(
        p.relative_to(docs).as_posix()
        for folder in ("phan-thu-nhat", "phan-thu-hai")
        for p in (docs / folder).glob("*.md")
        if not p.name.startswith("index") and ".en." not in p.name
    )
    config = (target / "mkdocs.yml").read_text("utf-8")
    for rel in chapters:
        for copy in range(2, factor + 1):
            for suffix in (".md", ".en.md"):
                text = (docs / (rel[:-3] + suffix)).read_text("utf-8")
                (docs / f"{rel[:-3]}-x{copy}{suffix}").write_text(
                    _distinct_copy(text, copy), "utf-8"
                )
        entry = f"          - {rel}\n"
        config = config.replace(
            entry,
            entry + "".join(f"          - {rel[:-3]}-x{c}.md\n" for c in range(2, factor + 1)),
        )
    (target / "mkdocs.yml").write_text(config, "utf-8")
    copied = " ".join(" ".join(_words((docs / rel).read_text("utf-8"))) for rel in chapters)
    for name in (
        "glossary.yml",
        "translation-memory.yml",
    ):  # the copies' terms and formulas, shifted alike
        path = docs / "data" / name
        entries = [
            e
            for e in yaml.safe_load(path.read_text("utf-8")) or []
            if " ".join(_words(e["vi"])) in copied
        ]
        extra = [
            {
                key: (
                    [_shift(v, copy) for v in value]
                    if isinstance(value, list)
                    else _shift(value, copy)
                )
                for key, value in entry.items()
                if key in ("vi", "en", "avoid")
            }
            for copy in range(2, factor + 1)
            for entry in entries
            if _shift(entry["vi"], copy) != entry["vi"]
        ]
        path.write_text(
            path.read_text("utf-8").rstrip("\n")
            + "\n"
            + "".join(f"- {json.dumps(e, ensure_ascii=False)}\n" for e in extra),
            "utf-8",
        )
    return target


_ID = re.compile(r"(\{ #|section_id: )([a-z0-9-]+)")
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    """The lower-case words of a text (to find which formulas the copied chapters contain)."""
    return [w.casefold() for w in _WORD.findall(text.replace("_", " "))]


_FOOTNOTE = re.compile(r"\[\^(\d+)\]")
_PROTECTED = re.compile(
    r"\{[^}]*\}|\[\^\d+\]|<[^>]+>|\]\([^)]*\)|^---$|^[a-z_]+:|&[a-z]+;|<!--.*?-->", re.M
)


def _distinct_copy(text: str, copy: int) -> str:
    """A chapter's Markdown as copy number `copy`: ids and footnote labels suffixed, words shifted."""
    text = _ID.sub(lambda m: f"{m[1]}{m[2]}-x{copy}", text)
    text = _FOOTNOTE.sub(lambda m: f"[^{m[1]}{copy:02d}]", text)
    pieces, last = [], 0
    for match in _PROTECTED.finditer(text):
        pieces.append(_shift(text[last : match.start()], copy))
        pieces.append(match[0])
        last = match.end()
    pieces.append(_shift(text[last:], copy))
    return "".join(pieces)


def _shift(text: str, by: int) -> str:
    """ASCII letters moved `by` places along the alphabet without i, v and x (the same for capitals, so
    that case-insensitive checks still match and no new Roman numeral appears); other characters,
    and the words the number checks read ("vạn", month names), unchanged."""
    table = {}
    for alphabet in (_LOWER, _LOWER.upper()):
        table.update({ord(c): alphabet[(i + by) % len(alphabet)] for i, c in enumerate(alphabet)})

    def word(match: re.Match) -> str:
        kept = _NUMBER_WORDS.match(match[0]) or match[0].lower() in _MONTHS
        return match[0] if kept else match[0].translate(table)

    return re.sub(r"\w+", word, text)


_LOWER = "abcdefghjklmnopqrstuwyz"
_NUMBER_WORDS = re.compile(r"^vạn$")
_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
