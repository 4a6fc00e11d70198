"""Publish every draft from its git tag: each tag `du-thao-YYYY-MM-DD` is built once into its
permanent folder `OUT/du-thao/YYYY-MM-DD/` (both languages, never rewritten afterwards), and the
latest draft is also built at the root of OUT. Each draft is built from its own tagged tree, knows
the drafts before it, is compared with the previous one, and may not drop a published section id
unless docs/data/ma-muc-da-bo.yml declares it.

    python tools/publish.py OUT [--repo DIR] [--site-url URL] [--pdf]

Tag messages carry the human labels, one per line: `vi: Dự thảo ngày 31/3/2020` and
`en: Draft of 31 March 2020` (without them the date is used). Publishing is incremental: a draft
whose folder already exists is left untouched, so publishing one more draft costs the same
whatever the number of drafts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from draftsite.drafts import page_dates_from_git  # noqa: E402
from draftsite.revisions import compare, section_texts  # noqa: E402

TAG = re.compile(r"^du-thao-(\d{4}-\d{2}-\d{2})$")
MARKER = ".published"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


# The draft tags of the repository, oldest first: (tag, date, labels, commit time).
def draft_tags(repo: Path) -> list[dict]:
    drafts = []
    for tag in git(repo, "tag", "-l", "du-thao-*").split():
        match = TAG.match(tag)
        if not match:
            continue
        day = dt.date.fromisoformat(match[1])
        message = git(repo, "tag", "-l", "--format=%(contents)", tag)
        labels = dict(re.findall(r"^(vi|en):\s*(.+?)\s*$", message, re.M))
        labels.setdefault("vi", f"Dự thảo ngày {day.day}/{day.month}/{day.year}")
        labels.setdefault("en", f"Draft of {day.day} {day.strftime('%B')} {day.year}")
        epoch = git(repo, "log", "-1", "--format=%ct", tag).strip()
        drafts.append({"tag": tag, "id": tag, "date": day.isoformat(), "label": labels, "epoch": epoch})
    return sorted(drafts, key=lambda d: d["date"])


# Before the first tag: the current commit, published as the draft that mkdocs.yml names.
def untagged_draft(repo: Path) -> dict:
    config = (repo / "mkdocs.yml").read_text("utf-8")
    day = re.search(r'^\s+date:\s*"?(\d{4}-\d{2}-\d{2})', config, re.M)[1]
    labels = dict(re.findall(r"^\s+(vi|en): (Dự thảo ngày [^\n]+|Draft of [^\n]+)$", config, re.M))
    epoch = git(repo, "log", "-1", "--format=%ct", "HEAD").strip()
    return {"tag": "HEAD", "id": f"du-thao-{day}", "date": day, "label": labels, "epoch": epoch}


# The tree of a tag, exported to `target`.
def export(repo: Path, tag: str, target: Path) -> Path:
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", tag], cwd=repo, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def build(tree: Path, out: Path, env: dict[str, str]) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                            cwd=tree, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"building {tree.name} failed:\n{result.stderr[-4000:]}")


def publish(repo: Path, out: Path, site_url: str, pdf: bool = False) -> list[str]:
    drafts = draft_tags(repo) or [untagged_draft(repo)]
    site_url = site_url.rstrip("/") + "/"
    built: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        trees: dict[str, Path] = {}
        published: dict[str, list[str]] = {}
        previous_texts = None
        for index, draft in enumerate(drafts):
            tree = trees[draft["tag"]] = export(repo, draft["tag"], tmp / draft["tag"])
            texts = section_texts(tree / "docs", "vi")
            draft["changed"] = compare(previous_texts, texts).count if previous_texts is not None else None
            previous_texts = texts
            history = [{k: d[k] for k in ("id", "date", "label", "changed")} for d in drafts[: index + 1]]
            (tmp / f"{draft['tag']}.drafts.json").write_text(json.dumps(history, ensure_ascii=False), "utf-8")
            (tmp / f"{draft['tag']}.ids.json").write_text(json.dumps(published), "utf-8")
            dates = page_dates_from_git(repo / "docs", draft["tag"])
            (tmp / f"{draft['tag']}.dates.json").write_text(json.dumps(dates), "utf-8")
            env = {
                "DRAFTS_FILE": str(tmp / f"{draft['tag']}.drafts.json"),
                "PUBLISHED_IDS_FILE": str(tmp / f"{draft['tag']}.ids.json"),
                "PAGE_DATES_FILE": str(tmp / f"{draft['tag']}.dates.json"),
                "DRAFTS_ROOT_URL": site_url,
                "BUILD_DATE": draft["date"],
                "SOURCE_DATE_EPOCH": draft["epoch"],
            }
            if index:
                env["PREVIOUS_DRAFT_DOCS"] = str(trees[drafts[index - 1]["tag"]] / "docs")
            draft["env"] = env
            permanent = out / "du-thao" / draft["date"]
            if not (permanent / MARKER).exists():
                if permanent.exists():
                    shutil.rmtree(permanent)
                build(tree, permanent, {**env, "SITE_URL": f"{site_url}du-thao/{draft['date']}/", "DRAFT_PERMANENT": "1"})
                (permanent / MARKER).write_text(draft["tag"] + "\n", "utf-8")
                built.append(draft["tag"])
            published[draft["tag"]] = sorted(texts)
        latest = drafts[-1]
        root_site = tmp / "root-site"
        build(trees[latest["tag"]], root_site, {**latest["env"], "SITE_URL": site_url})
        for item in out.iterdir() if out.exists() else []:
            if item.name != "du-thao":
                shutil.rmtree(item) if item.is_dir() else item.unlink()
        out.mkdir(parents=True, exist_ok=True)
        shutil.copytree(root_site, out, dirs_exist_ok=True)
        if pdf:
            from make_pdf import make_pdfs
            make_pdfs(out)
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--site-url", default=None)
    parser.add_argument("--pdf", action="store_true", help="also print the latest draft to PDF")
    args = parser.parse_args()
    site_url = args.site_url or re.search(r'"(https://[^"]+)"', (args.repo / "mkdocs.yml").read_text("utf-8"))[1]
    built = publish(args.repo.resolve(), args.out.resolve(), site_url, args.pdf)
    print(f"published into {args.out}: built {', '.join(built) or 'no new draft'}; root = latest draft")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
