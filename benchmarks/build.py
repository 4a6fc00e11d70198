"""Build-time benchmark: the site with all the project's hooks against a plain Material build of the
same Markdown (no hooks, no overrides), built in alternation; prints the medians of wall-clock and
CPU seconds (the build's processes, children included) and their ratios (targets: wall at most 1.3×,
CPU at most 1.5×):
- warm: the project's caches (.cache/jinja, .cache/qr) kept between builds;
- cold: a fresh clone of the project for every build, as CI and every draft built by
  tools/publish.py see;
- ×4: the report's chapters four times over (benchmarks/common.py:scaled_project), warm, against a
  plain build of the same ×4 Markdown: the cost must grow with the pages, not faster;
and the full text's first view: its HTML and the style sheets and scripts it loads, gzip-compressed.

    python benchmarks/build.py [ROUNDS]
"""

from __future__ import annotations

import gzip
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, build, plain_project, scaled_project, temporary  # noqa: E402


def fresh_clone(target: Path) -> Path:
    """A fresh clone of the project's committed tree (no caches), as CI and tools/publish.py start from."""
    subprocess.run(["git", "clone", "-q", "--local", str(ROOT), str(target)], check=True)
    return target


def first_view(site: Path, url: str) -> tuple[int, int]:
    """Bytes of the page at `url` (a folder of `site`) and of the style sheets and scripts it loads,
    gzip-compressed: (page, page with its assets)."""
    page = site / url / "index.html"
    html = page.read_text("utf-8")
    size = len(gzip.compress(html.encode("utf-8"), 6))
    total = size
    for ref in re.findall(r'<(?:link rel="stylesheet" href|script src)="([^"#?]+)', html):
        asset = (page.parent / ref).resolve()
        if asset.is_file():
            total += len(gzip.compress(asset.read_bytes(), 6))
    return size, total


def children_cpu() -> float:
    """CPU seconds (user and system) used so far by this process's finished children: a build's processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(rounds: int = 5) -> dict[str, float]:
    """Build times (medians of `rounds`), their ratios to the plain build, and the full text's first view;
    printed as it goes."""
    with temporary() as tmp:
        plain = plain_project(tmp / "plain")
        scaled = scaled_project(ROOT, tmp / "scaled", 4)
        plain_scaled = plain_project(tmp / "plain-scaled", scaled)
        projects = {"warm": ROOT, "plain": plain, "x4": scaled, "plain x4": plain_scaled}
        times: dict[str, list[float]] = {kind: [] for kind in [*projects, "cold"]}
        cpu: dict[str, list[float]] = {kind: [] for kind in times}
        for kind, project in projects.items():  # fill the caches and the file system before timing
            build(project, tmp / f"site-{kind}")
        for i in range(rounds):
            cold = fresh_clone(tmp / f"cold-{i}")
            for kind, project in (*projects.items(), ("cold", cold)):
                used = children_cpu()
                start = time.perf_counter()
                build(project, tmp / f"site-{kind}-{i}")
                times[kind].append(time.perf_counter() - start)
                cpu[kind].append(children_cpu() - used)
        median = {kind: statistics.median(values) for kind, values in times.items()}
        median_cpu = {kind: statistics.median(values) for kind, values in cpu.items()}
        for label, figures, target in (("wall", median, 1.3), ("CPU", median_cpu, 1.5)):
            print(
                f"build (both languages), {label} seconds, median of {rounds}: plain Material {figures['plain']:.2f} s; "
                f"project warm {figures['warm']:.2f} s (ratio {figures['warm'] / figures['plain']:.2f}), "
                f"cold {figures['cold']:.2f} s (ratio {figures['cold'] / figures['plain']:.2f}); target ≤ {target}"
            )
            print(
                f"content ×4, {label}: plain Material {figures['plain x4']:.2f} s; project {figures['x4']:.2f} s "
                f"(ratio {figures['x4'] / figures['plain x4']:.2f}); target ≤ {target}"
            )
        page, total = first_view(tmp / "site-warm", "toan-van")
        print(
            f"full text first view (gzip): page {page / 1000:.1f} KB, with its style sheets and scripts "
            f"{total / 1000:.1f} KB; target ≤ 100 KB"
        )
    return {
        "warm": median["warm"] / median["plain"],
        "cold": median["cold"] / median["plain"],
        "warm CPU": median_cpu["warm"] / median_cpu["plain"],
        "cold CPU": median_cpu["cold"] / median_cpu["plain"],
        "x4": median["x4"] / median["plain x4"],
        "full text KB": total / 1000,
        "full text page KB": page / 1000,
    }


def main() -> None:
    measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5)


if __name__ == "__main__":
    main()
