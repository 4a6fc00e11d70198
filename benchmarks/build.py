"""Build-time benchmark: the site with all the project's hooks against a plain Material build of the
same Markdown (no hooks, no overrides), built in alternation; prints the medians and the ratios
(target: at most 1.3×), warm (the project's caches, such as .cache/qr, kept between builds) and cold
(a fresh clone of the project for every build, as CI and every draft built by tools/publish.py see).

    python benchmarks/build.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, build, plain_project, temporary  # noqa: E402


# A fresh clone of the project's committed tree (no caches), as CI and tools/publish.py start from.
def fresh_clone(target: Path) -> Path:
    subprocess.run(["git", "clone", "-q", "--local", str(ROOT), str(target)], check=True)
    return target


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with temporary() as tmp:
        plain = plain_project(tmp / "plain")
        warm = ROOT
        times: dict[str, list[float]] = {"warm": [], "cold": [], "plain": []}
        build(warm, tmp / "warm-site")  # fill the caches and the file system before timing
        build(plain, tmp / "plain-site")
        for i in range(rounds):
            cold = fresh_clone(tmp / f"cold-{i}")
            for kind, project in (("warm", warm), ("plain", plain), ("cold", cold)):
                start = time.perf_counter()
                build(project, tmp / f"site-{kind}-{i}")
                times[kind].append(time.perf_counter() - start)
        median = {kind: statistics.median(values) for kind, values in times.items()}
        print(f"build (both languages), median of {rounds}: plain Material {median['plain']:.2f} s; "
              f"project warm {median['warm']:.2f} s (ratio {median['warm'] / median['plain']:.2f}), "
              f"cold {median['cold']:.2f} s (ratio {median['cold'] / median['plain']:.2f}); target ≤ 1.3")


if __name__ == "__main__":
    main()
