"""Print the whole draft to PDF, per language, from the site's full-text page, with headless
Chromium: title page with where and until when to comment, table of contents with page numbers,
PDF bookmarks, running header with the draft label, the site's address and page numbers on every
page, each section's short comment address and QR code, working internal links and embedded fonts.
The contents' page numbers come from a first printing: poppler's pdftotext finds on which page
each section's printed id ("[#p1-ii-1]") stands; the page is printed again with the numbers.

    python tools/make_pdf.py [SITE_DIR]      (default: build the site into ./site first)

Writes SITE_DIR/du-thao-bao-cao-chinh-tri.pdf and SITE_DIR/en/draft-political-report.pdf, the
addresses the full-text pages link to. The publishing workflow runs it after `mkdocs build`.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
OUTPUTS = {
    "vi": ("toan-van/", "du-thao-bao-cao-chinh-tri.pdf"),
    "en": ("en/toan-van/", "en/draft-political-report.pdf"),
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path: str) -> str:
        """Serve the site under the path of its site_url, as in production."""
        prefix = _site_path()
        return super().translate_path(
            "/" + path[len(prefix) :] if path.startswith(prefix) else "/__outside__" + path
        )


def _site_path() -> str:
    import re
    from urllib.parse import urlsplit

    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    return urlsplit(re.search(r"^site_url:.*?(https://[^\"\s\]]+)", config, re.M)[1]).path or "/"


def make_pdfs(site: Path, browser=None) -> list[Path]:
    """Print each language's full-text page of `site` to its PDF; returns the files written.
    `browser`: an already running Playwright Chromium (tests); otherwise one is started."""
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
            page.evaluate(_LOAD_IMAGES)  # the QR codes are lazy images, hidden on screen
            target = site / pdf_path
            numbers: dict[str, int] = {}
            for _ in range(3):  # numbering the contents could move a page break: check again
                page.evaluate(_NUMBER_CONTENTS, numbers)
                page.pdf(
                    path=str(target),
                    prefer_css_page_size=True,
                    outline=True,
                    tagged=True,
                    print_background=False,
                )
                found = section_pages(target)
                if found == numbers:
                    break
                numbers = found
            written.append(target)
            page.close()
    finally:
        server.shutdown()
    return written


# Load every image now (print shows the QR codes that the screen hides) and wait for them.
_LOAD_IMAGES = """async () => {
  const images = [...document.images];
  images.forEach(img => { img.loading = "eager"; });
  await Promise.all(images.map(img => img.complete ? null : new Promise(done => { img.onload = img.onerror = done; })));
}"""

# Write each entry's page number at the end of its line in the contents.
_NUMBER_CONTENTS = """numbers => {
  document.querySelectorAll("#muc-luc + ul a[href^='#']").forEach(link => {
    let mark = link.querySelector(".toc-page");
    const number = numbers[decodeURIComponent(link.hash.slice(1))];
    if (!number) { if (mark) mark.remove(); return; }
    if (!mark) { mark = document.createElement("span"); mark.className = "toc-page"; link.append(mark); }
    mark.textContent = String(number);
  });
}"""


def section_pages(pdf: Path) -> dict[str, int]:
    """The page of the PDF on which each section's printed id ("[#p1-ii-1]" after its heading) stands."""
    try:
        text = subprocess.run(
            ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    except FileNotFoundError:
        sys.exit(
            "make_pdf: thiếu chương trình pdftotext; cài gói poppler-utils (apt-get install poppler-utils) "
            "(English: pdftotext is missing; install poppler-utils (apt-get install poppler-utils))"
        )
    pages: dict[str, int] = {}
    for number, content in enumerate(text.split("\f"), start=1):
        for ident in re.findall(r"\[#([a-z0-9-]+)\]", re.sub(r"\s+", "", content)):
            pages.setdefault(ident, number)
    return pages


def main() -> None:
    """Print the whole draft of the site folder given (or of a fresh build) as PDF."""
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if len(sys.argv) <= 1:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
            cwd=ROOT,
            env=env,
            check=True,
        )
    for path in make_pdfs(site):
        size = f"{path.stat().st_size / 1000:.0f} KB"
        print(f"đã ghi {path} ({size}) (English: wrote {path} ({size}))")


if __name__ == "__main__":
    main()
