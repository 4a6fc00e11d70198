"""Publishing benchmark: the time to publish one new draft when 0, 3 and 15 drafts are already
online (so the new one is the 1st, 4th or 16th), in a temporary repository of tagged drafts.
Publishing is incremental, so the cost should not grow with the number of drafts; prints the
times and their ratios to the first.

    python benchmarks/publish.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools"))
from common import ROOT, temporary  # noqa: E402
from publish import publish  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
from draftsite.publishing import set_draft  # noqa: E402

SITE = "https://example.org/du-thao/"
FORM = ("https://docs.google.com/forms/d/e/1FAIpQLSf-Tieu-ban-Van-kien/viewform?usp=pp_url&entry.2051=section"
        "&entry.2052=label&entry.2053=revision&entry.2054=revision_date&entry.2055=url&entry.2056=lang")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org", *args],
                   cwd=repo, check=True, capture_output=True)


# Commit and tag draft number n (a dated tag; one sentence of the report changes each time, with
# no number, so that the English still agrees).
def add_draft(repo: Path, n: int) -> None:
    page = repo / "docs" / "phan-thu-nhat" / "bai-hoc-kinh-nghiem.md"
    page.write_text(page.read_text("utf-8").replace("Một là,", "Một là" + " nữa" * n + ",", 1) if n else page.read_text("utf-8"), "utf-8")
    date = f"2021-{1 + n // 28:02d}-{1 + n % 28:02d}"
    config = repo / "mkdocs.yml"
    config.write_text(set_draft(config.read_text("utf-8"), date, f"Dự thảo số {n}", f"Draft number {n}"), "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", f"draft {n}")
    git(repo, "tag", "-a", f"du-thao-{date}", "-m", f"Draft number {n}")


def main() -> None:
    results = {}
    with temporary() as tmp:
        for count in (1, 4, 16):
            repo = tmp / f"repo-{count}"
            repo.mkdir()
            for name in ("docs", "hooks", "overrides", "mkdocs.yml"):
                source = ROOT / name
                (shutil.copytree if source.is_dir() else shutil.copy2)(source, repo / name)
            subprocess.run([sys.executable, str(ROOT / "tools" / "set_form.py"), FORM, "--config", str(repo / "mkdocs.yml")],
                           check=True, capture_output=True)  # publishing refuses the placeholder form
            git(repo, "init", "-q", "-b", "main")
            out = tmp / f"out-{count}"
            for n in range(count - 1):
                add_draft(repo, n)
            if count > 1:
                publish(repo, out, SITE)  # the drafts already online
            add_draft(repo, count - 1)
            start = time.perf_counter()
            log = publish(repo, out, SITE)
            results[count] = time.perf_counter() - start
            built = [line for line in log if " built from " in line]
            assert len(built) == 1, log
            print(f"publishing draft #{count} with {count - 1} already online: {results[count]:.2f} s")
    base = results[1]
    print("ratios to the first draft: " + ", ".join(f"#{c}: {t / base:.2f}" for c, t in results.items())
          + " (flat = linear growth of the total, constant cost per new draft)")


if __name__ == "__main__":
    main()
