"""Build-time benchmark: the site with all the project's hooks against a plain Material build of the
same Markdown (no hooks, no overrides), built in alternation; prints both medians and the ratio
(target: at most 1.5×).

    python benchmarks/build.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, build, plain_project, temporary  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with temporary() as tmp:
        plain = plain_project(tmp / "plain")
        ours, baseline = [], []
        build(ROOT, tmp / "warm-ours")  # warm caches (imports, file system) before timing
        build(plain, tmp / "warm-plain")
        for i in range(rounds):
            for project, times in ((ROOT, ours), (plain, baseline)):
                start = time.perf_counter()
                build(project, tmp / f"site-{i}-{len(times)}-{project.name}")
                times.append(time.perf_counter() - start)
        o, b = statistics.median(ours), statistics.median(baseline)
        print(f"build (both languages), median of {rounds}: project {o:.2f} s, plain Material {b:.2f} s, "
              f"ratio {o / b:.2f} (target ≤ 1.5)")


if __name__ == "__main__":
    main()
