"""How light and how fast the full text (toan-van) can be on one page: builds the site once and
serves the full text three ways, to tell what the project adds from what the text and the theme cost.

- as built;
- lean: without what the project adds per block (paragraph links and citation buttons, the
  print-only QR codes, the indicator charts);
- lean, no scripts: the lean page without any script (Material's included), which only a page
  without search, menu or citations could be.

For each it prints the median Lighthouse mobile performance score, total blocking time and DOM
size (Lighthouse 12.2.3 from benchmarks/node_modules, Debian's Chromium), and the first view's
weight (gzip, the page with the style sheets and scripts it loads); then the floor of that weight:
the words alone plus Material's style sheets and script.

    (cd benchmarks && npm ci) && python benchmarks/full_text_floor.py [runs, default 3]
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import first_view  # noqa: E402
from common import ROOT, build, free_port, serve, temporary  # noqa: E402
from lighthouse import LIGHTHOUSE  # noqa: E402

_PARAGRAPH_TOOLS = re.compile(r'<span class="paragraph-tools".*?</span>', re.S)
_CITE_BUTTON = re.compile(r'<button type="button" class="cite-button.*?</button>', re.S)
_PRINT_QR = re.compile(r'<span class="comment-qr".*?</span></span>', re.S)
_CHART = re.compile(r'<figure class="indicator-chart">.*?</figure>', re.S)
_SCRIPT = re.compile(r'<script src="[^"]*"></script>')
_TAG = re.compile(r"<[^>]+>")


def lean(html: str) -> str:
    """The page without what the project adds per block."""
    for pattern in (_PARAGRAPH_TOOLS, _CITE_BUTTON, _PRINT_QR, _CHART):
        html = pattern.sub("", html)
    return html


def lean_without_scripts(html: str) -> str:
    """The lean page without any script file."""
    return _SCRIPT.sub("", lean(html))


VARIANTS: dict[str, Callable[[str], str]] = {
    "as built": lambda html: html,
    "lean": lean,
    "lean, no scripts": lean_without_scripts,
}


def performance(url: str, out: Path) -> tuple[int, float, int]:
    """Performance score, total blocking time (ms) and DOM elements of one Lighthouse mobile run."""
    report = out / "report.json"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking "
            "--disable-component-update --no-first-run",
            "--only-categories=performance",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        capture_output=True,
    )
    audits = json.loads(report.read_text("utf-8"))
    score = round(audits["categories"]["performance"]["score"] * 100)
    return (
        score,
        audits["audits"]["total-blocking-time"]["numericValue"],
        int(audits["audits"]["dom-size"]["numericValue"]),
    )


def weight_floor(site: Path) -> tuple[int, int]:
    """Bytes (gzip) of the article's words alone, and of Material's own style sheets and script."""
    html = (site / "toan-van" / "index.html").read_text("utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    words = len(gzip.compress(_TAG.sub("", lean(article)).encode("utf-8"), 6))
    theme = sum(
        len(gzip.compress(path.read_bytes(), 6))
        for pattern in (
            "stylesheets/main.*.min.css",
            "stylesheets/palette.*.min.css",
            "javascripts/bundle.*.min.js",
        )
        for path in (site / "assets").glob(pattern)
    )
    return words, theme


def main() -> None:
    if not LIGHTHOUSE.exists():
        raise SystemExit("install Lighthouse first: (cd benchmarks && npm ci)")
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with temporary() as tmp:
        path = (
            "/"
            + ROOT.joinpath("mkdocs.yml")
            .read_text("utf-8")
            .split("github.io/", 1)[1]
            .split('"', 1)[0]
        )
        port = free_port()
        site = tmp / "site"
        build(ROOT, site, f"http://127.0.0.1:{port}{path}")
        page = site / "toan-van" / "index.html"
        built = page.read_text("utf-8")
        with serve(site, path, port) as base:
            for name, variant in VARIANTS.items():
                page.write_text(variant(built), "utf-8")
                _, weight = first_view(site, "toan-van")
                results = [performance(base + "toan-van/", tmp) for _ in range(runs)]
                print(
                    f"{name:17} mobile performance {statistics.median(r[0] for r in results):3.0f} "
                    f"(runs {', '.join(str(r[0]) for r in results)}), total blocking time "
                    f"{statistics.median(r[1] for r in results):4.0f} ms, {results[0][2]} elements; "
                    f"first view {weight / 1000:.1f} KB"
                )
        page.write_text(built, "utf-8")
        words, theme = weight_floor(site)
        print(
            f"floor of the first view: the words alone {words / 1000:.1f} KB + Material's CSS and JS "
            f"{theme / 1000:.1f} KB = {(words + theme) / 1000:.1f} KB (target ≤ 100 KB)"
        )


if __name__ == "__main__":
    main()
