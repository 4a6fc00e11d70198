"""Shared helpers for the benchmark scripts: builds (with the project's hooks, or a plain build of
the same Markdown), a local static server with gzip, and headless Chromium."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


# Run a strict build of `project` into `site_dir` (for `site_url`, when given).
def build(project: Path, site_dir: Path, site_url: str | None = None) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **({"SITE_URL": site_url} if site_url else {}))
    env.pop("BUILD_ONLY_LOCALE", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
                   cwd=project, env=env, check=True, capture_output=True)


# A copy of the project whose mkdocs.yml has no hooks, no template overrides and Material's
# own search: the same Markdown as a plain Material site (the baseline).
def plain_project(target: Path) -> Path:
    shutil.copytree(ROOT / "docs", target / "docs")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
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
        return super().translate_path("/" + path[len(self.prefix):] if inside else "/__outside__" + path)

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


# Serve `site_dir` on 127.0.0.1 (gzip) under `path` for the duration of the block; yields the base URL.
@contextlib.contextmanager
def serve(site_dir: Path, path: str = "/", port: int = 0):
    handler = functools.partial(_GzipHandler, directory=str(site_dir), prefix=path)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()


# A free TCP port on 127.0.0.1 (to build a site for the address it will be served at).
def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def temporary() -> Path:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)
