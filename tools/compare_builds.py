"""Whether two commits publish the same site, byte for byte: the check of a change that must not
change the output (a redesign, a speed-up, a dependency bump).

For each commit, from its own committed tree (its hooks, overrides, tools and content):
- a plain `mkdocs build --strict`;
- `tools/publish.py` on a scratch repository holding two drafts: the commit's document as the first
  draft (tagged), and a second draft in which one sentence of Part One changes (tagged);
both with a fixed BUILD_DATE, the organiser's contact and form filled in as the editor guide says. Then
every file of the two outputs is compared; the differing and the missing files are listed. The
scratch repositories' commit ids differ with the software they hold: in the publication's record
(`published-drafts.json`) and the draft folders' markers (`.published`, whose last field is a digest
of the draft's inputs, commit included), they are replaced by the tag they carry before comparing.

    python tools/compare_builds.py BEFORE [AFTER] [--own-docs]      (AFTER defaults to HEAD)

Both commits are built with AFTER's document (docs/), so that the software alone is compared (the
editors' content may have changed meanwhile); `--own-docs` builds each with its own.

Exit status 0 when both outputs are identical, 1 when they differ.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from draftsite.revisions.publishing import set_draft  # noqa: E402

BUILD_DATE = "2020-04-20"  # inside the consultation window of the sample settings
SECOND_DRAFT = ("2020-05-15", "Dự thảo ngày 15/5/2020", "Draft of 15 May 2020")
# The sentence the second draft changes (Part One's lessons: no number in it, so the English agrees).
EDITED_PAGE = Path("docs/phan-thu-nhat/bai-hoc-kinh-nghiem.md")
EDIT = ("Một là,", "Một là nữa,")
# The organiser's form, as `tools/set_form.py` is given it (the sample settings point at a placeholder).
FORM = (
    "https://docs.google.com/forms/d/e/1FAIpQLSf-Tieu-ban-Van-kien/viewform?usp=pp_url&entry.2051=section"
    "&entry.2052=label&entry.2053=revision&entry.2054=revision_date&entry.2055=url&entry.2056=lang"
)
ORGANISER = {
    "address": "Số 11 đường Nha Trang, phường Phan Đình Phùng, tỉnh Thái Nguyên",
    "email": "tieubanvankien@tbvk-thainguyen.vn",
    "phone": "0208 3855 123",
}


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` with a fixed identity and dates; returns its output."""
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE="2020-05-15T08:00:00+07:00",
        GIT_COMMITTER_DATE="2020-05-15T08:00:00+07:00",
    )
    return subprocess.run(
        ["git", "-c", "user.name=Compare", "-c", "user.email=compare@example.org", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def export_tree(commit: str, target: Path) -> Path:
    """The committed tree of `commit` (of this repository), written to `target`."""
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", commit], cwd=ROOT, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def fill_in_organiser(config: Path) -> None:
    """Uncomment mkdocs.yml's sample `organiser:` block and fill in a contact (editor guide §5)."""
    text = config.read_text("utf-8")
    block = re.search(r"^( +)# organiser:\n(?:\1#   .*\n)+", text, re.M)
    if block is None:
        return  # already filled in
    filled = re.sub(rf"^{block[1]}# ", block[1], block[0], flags=re.M)
    for key, value in ORGANISER.items():
        filled = filled.replace(f'{key}: ""', f'{key}: "{value}"')
    config.write_text(text.replace(block[0], filled), "utf-8")


def environment() -> dict[str, str]:
    """The builds' environment: a fixed day, nothing inherited that changes the output."""
    env = dict(
        os.environ, BUILD_DATE=BUILD_DATE, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true"
    )
    for name in ("BUILD_ONLY_LOCALE", "SITE_URL", "PUBLISHED_SITE_URL"):
        env.pop(name, None)
    return env


def build_plain(tree: Path, out: Path) -> None:
    """`mkdocs build --strict` of `tree` into `out`, as an editor builds."""
    run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], tree)


def publish_two_drafts(tree: Path, repo: Path, out: Path) -> None:
    """A scratch repository with the tree as draft one and a one-sentence edit as draft two, both
    tagged, published by the tree's own tools/publish.py into `out`."""
    subprocess.run(["cp", "-a", f"{tree}/.", str(repo)], check=True)
    fill_in_organiser(repo / "mkdocs.yml")
    run(
        [
            sys.executable,
            str(tree / "tools" / "set_form.py"),
            FORM,
            "--config",
            str(repo / "mkdocs.yml"),
        ],
        tree,
    )
    first = re.search(
        r'\n\s+date: "(\d{4}-\d{2}-\d{2})"', (repo / "mkdocs.yml").read_text("utf-8")
    )[1]
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first draft")
    git(repo, "tag", "-a", f"du-thao-{first}", "-m", "first draft")
    page = repo / EDITED_PAGE
    page.write_text(page.read_text("utf-8").replace(*EDIT, 1), "utf-8")
    config = repo / "mkdocs.yml"
    date = SECOND_DRAFT[0]
    config.write_text(set_draft(config.read_text("utf-8"), *SECOND_DRAFT), "utf-8")
    git(repo, "commit", "-q", "-am", "second draft")
    git(repo, "tag", "-a", f"du-thao-{date}", "-m", "second draft")
    run([sys.executable, str(tree / "tools" / "publish.py"), str(out), "--repo", str(repo)], tree)


def run(command: list[str], cwd: Path) -> None:
    """Run a build command; stop with its output if it fails."""
    result = subprocess.run(command, cwd=cwd, env=environment(), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout}\n{result.stderr}")


def tagged_commits(repo: Path) -> dict[str, str]:
    """The commit id of each tag of `repo` → the tag's name."""
    lines = git(
        repo, "for-each-ref", "--format=%(*objectname) %(refname:short)", "refs/tags"
    ).split("\n")
    return dict(line.split() for line in lines if line.strip())


def comparable(path: Path, folder: Path, commits: dict[str, str]) -> bytes:
    """The bytes of a published file, with the scratch repository's commit ids replaced by their
    tags in the files that record them (and a marker's input digest, which includes the commit, dropped)."""
    data = path.read_bytes()
    name = path.relative_to(folder).as_posix()
    if name == "published-drafts.json" or path.name == ".published":
        text = data.decode("utf-8")
        for commit, tag in commits.items():
            text = text.replace(commit, f"<commit of {tag}>")
        if path.name == ".published":
            text = " ".join(text.split()[:-1]) + "\n"
        data = text.encode("utf-8")
    return data


def digests(folder: Path, commits: dict[str, str] | None = None) -> dict[str, str]:
    """Every file under `folder` (its path relative to it) → the SHA-256 of its comparable bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(
            comparable(path, folder, commits or {})
        ).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def differences(
    before: tuple[Path, dict[str, str]], after: tuple[Path, dict[str, str]]
) -> list[str]:
    """One line per file that differs, or is only in one of the two folders (each given with the
    commits of its scratch repository)."""
    old, new = digests(*before), digests(*after)
    lines = [f"only before: {name}" for name in sorted(old.keys() - new.keys())]
    lines += [f"only after:  {name}" for name in sorted(new.keys() - old.keys())]
    lines += [
        f"differs:     {name}" for name in sorted(old.keys() & new.keys()) if old[name] != new[name]
    ]
    return lines


def outputs(
    commit: str, work: Path, docs_from: str | None = None
) -> dict[str, tuple[Path, dict[str, str]]]:
    """The plain build and the two-draft publication of `commit`, under `work`, each with the
    commits of the repository it was built from (tagged commit → tag); with `docs_from`, the
    document (docs/) is that commit's instead of its own."""
    tree = export_tree(commit, work / "tree")
    if docs_from:
        shutil.rmtree(tree / "docs")
        shutil.move(export_tree(docs_from, work / "docs-from") / "docs", tree / "docs")
    build_plain(tree, work / "plain")
    (work / "repo").mkdir()
    publish_two_drafts(tree, work / "repo", work / "published")
    return {
        "plain build": (work / "plain", {}),
        "two drafts published": (work / "published", tagged_commits(work / "repo")),
    }


def main() -> None:
    """Build and publish both commits, compare every file, and exit 1 if any differs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("after", nargs="?", default="HEAD")
    parser.add_argument(
        "--own-docs",
        action="store_true",
        help="build each commit with its own docs/ (by default both use AFTER's: the software is compared)",
    )
    args = parser.parse_args()
    commits = [
        git(ROOT, "rev-parse", "--short", name).strip() for name in (args.before, args.after)
    ]
    with tempfile.TemporaryDirectory() as folder:
        results = [
            outputs(commit, Path(folder) / side, None if args.own_docs else commits[1])
            for commit, side in zip(commits, ("before", "after"), strict=False)
        ]
        failed = False
        for what in results[0]:
            lines = differences(results[0][what], results[1][what])
            count = len(digests(results[0][what][0]))
            print(
                f"{what}: {commits[0]} → {commits[1]}: "
                + (
                    f"identical ({count} files)"
                    if not lines
                    else f"{len(lines)} of {count} files differ"
                )
            )
            for line in lines[:50]:
                print("  " + line)
            failed = failed or bool(lines)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
