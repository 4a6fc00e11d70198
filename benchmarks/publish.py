"""Publishing benchmark: the time to publish one new draft when 0, 3 and 15 drafts are already
online (so the new one is the 1st, 4th or 16th), in a temporary repository of tagged drafts.
Publishing is incremental, so the cost should not grow with the number of drafts; prints the
times and their ratios to the first. Also publishes four drafts into an empty folder and compares
that with four builds of one draft (target: at most as long).

    python benchmarks/publish.py
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools"))
from common import ROOT, build, temporary  # noqa: E402
from publish import publish  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
from draftsite.revisions.publishing import set_draft  # noqa: E402

SITE = "https://example.org/du-thao/"
FORM = (
    "https://docs.google.com/forms/d/e/1FAIpQLSf-Tieu-ban-Van-kien/viewform?usp=pp_url&entry.2051=section"
    "&entry.2052=label&entry.2053=revision&entry.2054=revision_date&entry.2055=url&entry.2056=lang"
)


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def add_draft(repo: Path, n: int) -> None:
    """Commit and tag draft number n (a dated tag; one sentence of the report changes each time, with
    no number, so that the English still agrees)."""
    page = repo / "docs" / "phan-thu-nhat" / "bai-hoc-kinh-nghiem.md"
    page.write_text(
        page.read_text("utf-8").replace("Một là,", "Một là" + " nữa" * n + ",", 1)
        if n
        else page.read_text("utf-8"),
        "utf-8",
    )
    date = f"2021-{1 + n // 28:02d}-{1 + n % 28:02d}"
    config = repo / "mkdocs.yml"
    config.write_text(
        set_draft(config.read_text("utf-8"), date, f"Dự thảo số {n}", f"Draft number {n}"), "utf-8"
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", f"draft {n}")
    git(repo, "tag", "-a", f"du-thao-{date}", "-m", f"Draft number {n}")


def measure() -> dict[str, float]:
    """Publishing times and ratios, printed as it goes: {"scratch": 4 drafts against 4 builds, "#16": …}."""
    results = {}
    with temporary() as tmp:
        for count in (1, 4, 16):
            repo = tmp / f"repo-{count}"
            repo.mkdir()
            for name in ("docs", "hooks", "overrides", "mkdocs.yml"):
                source = ROOT / name
                (shutil.copytree if source.is_dir() else shutil.copy2)(source, repo / name)
            subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "tools" / "set_form.py"),
                    FORM,
                    "--config",
                    str(repo / "mkdocs.yml"),
                ],
                check=True,
                capture_output=True,
            )  # publishing refuses the placeholder form
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
            print(
                f"publishing draft #{count} with {count - 1} already online: {results[count]:.2f} s"
            )
        # From scratch: the 4 drafts of repo-4 published into an empty folder, against 4 builds of
        # one draft (a strict build of the latest draft's tree, as publishing runs it, caches cold).
        # Each timed more than once (one build's time varies by a tenth or more on a shared machine).
        scratch = statistics.median(
            publish_from_scratch(tmp / "repo-4", tmp / f"scratch-{i}") for i in range(2)
        )
        single = statistics.median(one_build(tmp / "repo-4", tmp / f"single-{i}") for i in range(3))
        print(
            f"publishing 4 drafts into an empty folder (mean of 2): {scratch:.2f} s; one build of one draft "
            f"(median of 3): {single:.2f} s; ratio to 4 builds {scratch / (4 * single):.2f} (target ≤ 1.00)"
        )
    base = results[1]
    print(
        "ratios to the first draft: "
        + ", ".join(f"#{c}: {t / base:.2f}" for c, t in results.items())
        + " (flat = linear growth of the total, constant cost per new draft)"
    )
    return {"scratch": scratch / (4 * single), **{f"#{c}": t / base for c, t in results.items()}}


def main() -> None:
    measure()


def publish_from_scratch(repo: Path, out: Path) -> float:
    """Seconds to publish every draft of `repo` into the empty folder `out`, its caches cold."""
    shutil.rmtree(repo / ".cache", ignore_errors=True)
    start = time.perf_counter()
    publish(repo, out, SITE)
    return time.perf_counter() - start


def one_build(repo: Path, target: Path) -> float:
    """Seconds of one strict build of `repo`'s committed tree (a fresh export, no caches)."""
    subprocess.run(["git", "clone", "-q", "--local", str(repo), str(target)], check=True)
    start = time.perf_counter()
    build(target, target / "site")
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
