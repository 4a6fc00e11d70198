"""Print the whole draft to PDF, per language, from the site's full-text page, with headless
Chromium: title page, table of contents, PDF bookmarks, running header with the draft label, page
numbers, working internal links and embedded fonts.

    python tools/make_pdf.py [SITE_DIR]      (default: build the site into ./site first)

Writes SITE_DIR/du-thao-bao-cao-chinh-tri.pdf and SITE_DIR/en/draft-political-report.pdf, the
addresses the full-text pages link to. The publishing workflow runs it after `mkdocs build`.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
OUTPUTS = {"vi": ("toan-van/", "du-thao-bao-cao-chinh-tri.pdf"),
           "en": ("en/toan-van/", "en/draft-political-report.pdf")}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    # Serve the site under the path of its site_url, as in production.
    def translate_path(self, path: str) -> str:
        prefix = _site_path()
        return super().translate_path("/" + path[len(prefix):] if path.startswith(prefix) else "/__outside__" + path)


def _site_path() -> str:
    import re
    from urllib.parse import urlsplit

    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    return urlsplit(re.search(r"^site_url:.*?(https://[^\"\s\]]+)", config, re.M)[1]).path or "/"


# Print each language's full-text page of `site` to its PDF; returns the files written.
# `browser`: an already running Playwright Chromium (tests); otherwise one is started.
def make_pdfs(site: Path, browser=None) -> list[Path]:
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return make_pdfs(site, own)
            finally:
                own.close()
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{_site_path()}"
    written = []
    try:
        for page_path, pdf_path in OUTPUTS.values():
            page = browser.new_page()
            page.goto(base + page_path, wait_until="networkidle")
            page.emulate_media(media="print")
            target = site / pdf_path
            page.pdf(path=str(target), prefer_css_page_size=True, outline=True, tagged=True,
                     print_background=False)
            written.append(target)
            page.close()
    finally:
        server.shutdown()
    return written


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if len(sys.argv) <= 1:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                       cwd=ROOT, env=env, check=True)
    for path in make_pdfs(site):
        print(f"wrote {path} ({path.stat().st_size / 1000:.0f} KB)")


if __name__ == "__main__":
    main()
