"""Comment-import benchmark at national scale: generates a Google Forms export of 2,000,000 rows
(timestamp, section id, draft date, comment text, name, e-mail, phone; comments of a few hundred
characters, some on several lines; a known share of empty comments, unknown drafts, unknown sections
and exact duplicates), imports it with tools/import_comments.py in a subprocess into a temporary copy
of the project, and prints the child's peak memory (ru_maxrss), the wall time, the number of lines
it printed, and whether every count, every rejected count and the file of row numbers are exact.
Then imports the same export again, which must add nothing.

Targets: peak memory at most 200 MB, at most 30 lines printed.

    python benchmarks/import_comments.py [ROWS]
"""

from __future__ import annotations

import csv
import random
import resource
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, temporary  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
import yaml  # noqa: E402

from draftsite.document.model import load_document  # noqa: E402

ROWS = 2_000_000
PEAK_TARGET_MB = 200
LINES_TARGET = 30
HEADER = [
    "Dấu thời gian",
    "Mã mục",
    "Ngày dự thảo",
    "Nội dung góp ý",
    "Họ và tên",
    "Địa chỉ email",
    "Số điện thoại",
]
WORDS = (
    "đề nghị bổ sung làm rõ số liệu tăng trưởng kinh tế nông thôn mới cải cách hành chính hạ tầng giao thông "
    "chuyển đổi số giáo dục y tế môi trường doanh nghiệp đầu tư việc làm thu nhập người dân văn hóa "
    "an sinh xã hội quốc phòng an ninh xây dựng đảng chính quyền minh bạch hiệu quả"
).split()


def project_copy(target: Path) -> Path:
    """A project to import into: the repository's docs and mkdocs.yml, without any earlier counts."""
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "docs" / "data" / "gop-y.yml").unlink(missing_ok=True)
    return target


def write_export(
    path: Path, rows: int, sections: list[str], draft: str, seed: int = 28
) -> tuple[Counter, Counter]:
    """Write the export; returns the expected counts {(draft, section): n} and rejected counts {kind: n}."""
    rng = random.Random(seed)
    bodies = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 40))) for _ in range(5000)]
    counts: Counter = Counter()
    rejected: Counter = Counter()
    earlier: list[list[str]] = []  # a few counted rows, copied later as exact duplicates
    day, month, year = (int(x) for x in reversed(draft.split("-")))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        out.write("\ufeff")
        writer.writerow(HEADER)
        for i in range(rows):
            kind = rng.choices(
                ("ok", "general", "empty", "draft", "section", "duplicate"), (85, 3, 3, 3, 3, 3)
            )[0]
            if kind == "duplicate" and earlier:
                row = list(rng.choice(earlier))
                rejected["duplicate"] += 1
                writer.writerow(row)
                continue
            seconds = i * 3  # one response every three seconds from the draft's publication day
            stamp = f"{day}/{month}/{year + 1} {seconds // 3600 % 24:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
            text = f"{rng.choice(bodies)} ({i})."
            if rng.random() < 0.2:
                text = text.replace(" ", "\n", 2)  # a comment on several lines
            section, draft_cell = rng.choice(sections), draft
            if kind == "general":
                section, draft_cell = "", ""
            elif kind == "empty":
                text = rng.choice(("", "   "))
                rejected["empty_comment"] += 1
            elif kind == "draft":
                draft_cell = "2019-01-01"
                rejected["unknown_draft"] += 1
            elif kind == "section":
                section = "p9-khong-co"
                rejected["unknown_section"] += 1
            row = [
                stamp,
                section,
                draft_cell,
                text,
                f"Nguyễn Văn {i}",
                f"nguoi{i}@example.vn",
                f"+84 912 {i % 1000000:06d}",
            ]
            writer.writerow(row)
            if kind in ("ok", "general"):
                counts[(draft, section or "du-thao")] += 1
                if len(earlier) < 1000:
                    earlier.append(row)
                elif rng.random() < 0.001:
                    earlier[rng.randrange(1000)] = row
    return counts, rejected


def run_import(export: Path, project: Path) -> tuple[int, list[str], float, float, float]:
    """Import `export` into `project` in a subprocess: (exit status, printed lines, wall seconds, CPU
    seconds, peak MB). The peak is the children's ru_maxrss: the import's own (its one child, git, is small)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "import_comments.py"),
            str(export),
            "--project",
            str(project),
        ],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    lines = (done.stdout + done.stderr).splitlines()
    return done.returncode, lines, seconds, cpu, after.ru_maxrss / 1024  # KiB on Linux


def check(project: Path, export: Path, counts: Counter, rejected: Counter) -> list[str]:
    """Whether the imported counts, rejected counts and row-number file are exactly the expected ones."""
    ledger = yaml.safe_load((project / "docs" / "data" / "gop-y.yml").read_text("utf-8"))["sources"]
    (entry,) = ledger.values()
    found = Counter(
        {(str(d), s): n for d, sections in entry["counts"].items() for s, n in sections.items()}
    )
    problems = []
    if found != counts:
        problems.append(
            f"counts differ: {sum(found.values())} counted, {sum(counts.values())} expected"
        )
    if Counter(entry["rejected"]) != rejected:
        problems.append(f"rejected differ: {entry['rejected']} against {dict(rejected)}")
    numbers = export.with_name(f"{export.stem}.not-placed.csv")
    with numbers.open(encoding="utf-8") as listing:
        kinds = Counter(
            line.rstrip("\n").split(",")[1] for line in listing if not line.startswith("row,")
        )
    if kinds != rejected:
        problems.append(f"the row-number file lists {dict(kinds)}, expected {dict(rejected)}")
    return problems


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    with temporary() as folder:
        project = project_copy(folder / "project")
        config = yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
        draft = str(config["extra"]["consultation"]["draft"]["date"])
        sections = [s.id for s in load_document(project / "docs", "vi").sections]
        export = folder / "exports" / "phieu-gop-y.csv"
        export.parent.mkdir()
        start = time.perf_counter()
        counts, rejected = write_export(export, rows, sections, draft)
        print(
            f"export: {rows:,} rows, {export.stat().st_size / 1e6:.0f} MB, written in {time.perf_counter() - start:.0f} s"
        )
        status, lines, seconds, cpu, peak = run_import(export, project)
        print(
            f"import: exit {status}, {seconds:.1f} s wall ({cpu:.1f} s CPU), peak memory {peak:.0f} MB (ru_maxrss), "
            f"{len(lines)} lines printed:"
        )
        print("\n".join(f"  | {line}" for line in lines))
        problems = (
            check(project, export, counts, rejected) if status == 0 else ["the import failed"]
        )
        print("counts exact: " + ("yes" if not problems else "NO — " + "; ".join(problems)))
        again_status, again, again_seconds, again_cpu, _ = run_import(export, project)
        unchanged = again_status == 0 and any("Nothing new" in line for line in again)
        print(
            f"re-import of the same export: {again_seconds:.1f} s wall ({again_cpu:.1f} s CPU), adds nothing: "
            f"{'yes' if unchanged else 'NO'}"
        )
        misses = [f"peak {peak:.0f} MB > {PEAK_TARGET_MB} MB"] * (peak > PEAK_TARGET_MB)
        misses += [f"{len(lines)} lines > {LINES_TARGET}"] * (len(lines) > LINES_TARGET)
        print(
            "targets (peak ≤ 200 MB, ≤ 30 lines): "
            + ("met" if not misses else "MISSED: " + ", ".join(misses))
        )
        return 0 if not problems and unchanged and not misses else 1


if __name__ == "__main__":
    sys.exit(main())
