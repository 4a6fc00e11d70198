"""Issue 14's targets from one run: the build (warm, cold, content ×4) against plain Material, the
full text's first view, publishing four drafts against four builds, and search (keystroke and
first query, index fetch included). Runs build.py, publish.py and search.py one after the other
(nothing else should run on the machine meanwhile), then prints each figure beside its target.

    python benchmarks/targets.py [ROUNDS]
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import build  # noqa: E402
import search  # noqa: E402
from common import ROOT  # noqa: E402

# benchmarks/publish.py, loaded under another name: it imports tools/publish.py as `publish`.
_spec = importlib.util.spec_from_file_location("publish_benchmark", HERE / "publish.py")
publish = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(publish)


def line(what: str, figure: str, target: str, met: bool | None) -> str:
    """One line of the summary: what, the figure, the target, and whether this run met it (None: no target)."""
    verdict = "" if met is None else "met" if met else "NOT MET"
    return f"  {what:44} {figure:>10}   {('target ' + target) if target else '':17} {verdict}"


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print("== build.py")
    b = build.measure(rounds)
    print("== publish.py")
    p = publish.measure()
    print("== search.py")
    s = search.measure()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    print(f"\nissue 14 targets, one run ({dt.date.today()}, commit {commit}):")
    for what, figure, target, met in [
        ("warm build / plain Material", f"{b['warm']:.2f}×", "≤ 1.30×", b["warm"] <= 1.3),
        (
            "cold build (fresh clone) / plain Material",
            f"{b['cold']:.2f}×",
            "≤ 1.30×",
            b["cold"] <= 1.3,
        ),
        ("content ×4 / plain Material ×4", f"{b['x4']:.2f}×", "≤ 1.30×", b["x4"] <= 1.3),
        ("publishing 4 drafts / 4 builds", f"{p['scratch']:.2f}", "≤ 1.00", p["scratch"] <= 1.0),
        ("publishing draft #16 / draft #1 (1.00 = flat)", f"{p['#16']:.2f}", "", None),
        (
            "full text first view, gzip, with CSS and JS",
            f"{b['full text KB']:.1f} KB",
            "≤ 100 KB",
            b["full text KB"] <= 100,
        ),
        (
            "search: keystroke → results, median",
            f"{s['keystroke']:.1f} ms",
            "≤ 20 ms",
            s["keystroke"] <= 20,
        ),
        (
            "search: first query, index fetch included",
            f"{s['first query']:.0f} ms",
            "< Material",
            s["first query ratio"] < 1,
        ),
    ]:
        print(line(what, figure, target, met))


if __name__ == "__main__":
    main()
