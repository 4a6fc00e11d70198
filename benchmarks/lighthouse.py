"""Lighthouse benchmark: serves the built site with gzip on 127.0.0.1 under its production path and
runs Lighthouse (npm `lighthouse` 12.2.3, pinned in benchmarks/package.json; it runs on Node 20)
with Debian's Chromium, mobile and desktop, on each page type, against a plain Material build of the
same Markdown as the baseline, and on the pages of a published site of three drafts (the tests'
repository, tests/revisions/draft_repos.py: the comparison of drafts 1 and 3, two sections'
histories, a chapter with its history links). Prints the four category scores and the bytes
transferred.

    (cd benchmarks && npm ci) && python benchmarks/lighthouse.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, build, free_port, plain_project, serve, temporary  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "revisions"))
from draft_repos import publish_three_drafts  # noqa: E402

LIGHTHOUSE = Path(__file__).resolve().parent / "node_modules" / ".bin" / "lighthouse"
PAGES = [
    "",
    "phan-thu-nhat/kinh-te/",
    "chi-tieu/",
    "goi-y-thao-luan/",
    "toan-van/",
    "en/phan-thu-nhat/kinh-te/",
]
# On a published site of three drafts (issue 27): the pages that only such a site has in full.
DRAFTS_PAGES = [
    "so-sanh/?tu=2020-03-31&den=2020-06-30",
    "lich-su/?muc=p1-ii-1-2",
    "en/lich-su/?muc=p2-ii-2",
    "phan-thu-nhat/kinh-te/",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def audit(url: str, form: str, out: Path) -> tuple[dict[str, int], int]:
    """Scores (0–100) and transferred bytes of one Lighthouse run."""
    report = out / "report.json"
    args = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking "
        "--disable-component-update --no-first-run",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if form == "desktop":
        args.append("--preset=desktop")
    subprocess.run(
        args,
        check=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        capture_output=True,
    )
    data = json.loads(report.read_text("utf-8"))
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    transferred = data["audits"]["total-byte-weight"]["numericValue"]
    return scores, int(transferred)


def main() -> None:
    if not LIGHTHOUSE.exists():
        raise SystemExit("install Lighthouse first: (cd benchmarks && npm ci)")
    with temporary() as tmp:
        ours, plain = tmp / "ours", tmp / "plain"
        path = (
            "/"
            + ROOT.joinpath("mkdocs.yml")
            .read_text("utf-8")
            .split("github.io/", 1)[1]
            .split('"', 1)[0]
        )
        port = free_port()  # built for the address they are served at, as in production
        build(ROOT, ours, f"http://127.0.0.1:{port}{path}")
        build(plain_project(tmp / "plain-project"), plain, f"http://127.0.0.1:{port}{path}")
        drafts = publish_three_drafts(
            tmp / "three-drafts", tmp / "drafts", f"http://127.0.0.1:{port}{path}"
        )
        for name, site, pages in (
            ("project", ours, PAGES),
            ("three drafts", drafts, DRAFTS_PAGES),
            ("plain Material", plain, PAGES),
        ):
            with serve(site, path, port) as base:
                for form in ("mobile", "desktop"):
                    for page in pages:
                        scores, weight = audit(base + page, form, tmp)
                        print(
                            f"{name:15} {form:7} /{page:38} "
                            + " ".join(f"{c[:4]} {s:3}" for c, s in scores.items())
                            + f"  {weight / 1000:.0f} KB"
                        )


if __name__ == "__main__":
    main()
