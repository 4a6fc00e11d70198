"""Publish every draft: each git tag `du-thao-YYYY-MM-DD` is built from its own tree into its
permanent folder `OUT/du-thao/YYYY-MM-DD/` (both languages), and the latest draft again at the
root of OUT. Before the first tag, the current commit is published as the draft mkdocs.yml names.

    python tools/publish.py OUT [--repo DIR] [--site-url URL] [--pdf] [--preview] [--serve]

- A draft's date and labels are written once, in mkdocs.yml (`extra.consultation.draft`) of the
  tagged commit; the tag's date must agree with it.
- Each draft is aligned with the previous one: its paragraph ids (paragraphs.json), its comparison,
  its published section ids.
- The consultation settings of main's latest commit (dates, form…) reach every draft.
- Nothing that was online is dropped: a draft that mkdocs.yml once named, or that OUT holds, must
  keep its tag (or be declared in `extra.withdrawn_drafts`); otherwise publishing stops.
- A draft folder is rebuilt only when its commit, the shared settings or the drafts before it
  changed, so publishing twice changes no byte. Only the drafts that are built (and the drafts they
  compare with) are exported; the others' section texts are kept in .cache/section-texts/.
- `--preview` also publishes the working tree as the next draft (comparison included), before it
  is tagged; `--serve` then serves OUT at http://127.0.0.1:8000/<site path>.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
import yaml  # noqa: E402
from build_processes import start_build, stop_build, warm_up  # noqa: E402
from mkdocs.exceptions import ConfigurationError  # noqa: E402
from mkdocs.utils.yaml import get_yaml_loader, yaml_load  # noqa: E402

from draftsite.comments.consultation import ConfigError, load_withdrawn_drafts  # noqa: E402
from draftsite.inputs import INPUTS_VARIABLE, BuildInputs, legacy_environment, write_inputs  # noqa: E402
from draftsite.messages import bilingual, english_of, vi_of  # noqa: E402
from draftsite.revisions.drafts import page_dates_from_git  # noqa: E402
from draftsite.revisions.publishing import (  # noqa: E402
    TAG_PREFIX,
    PublishError,
    check_corrections,
    check_record,
    check_tag_matches,
    consultation_state,
    current_record,
    draft_settings,
    lost_drafts,
    merged_record,
    outcome_named_drafts,
    record_json,
    robots_txt,
    sitemap_locations,
    sitemap_xml,
    tag_date,
)
from draftsite.revisions.revisions import SectionText, compare, section_texts  # noqa: E402
from draftsite.revisions.section_history import write_section_feeds  # noqa: E402
from draftsite.strings import LANGUAGES, t  # noqa: E402

MARKER = ".published"
WORKING_TREE = "(working tree)"
RECORD = "published-drafts.json"  # each published draft's commit, published with the site
# The outcome of the consultation: main's copy is published with every draft, like the settings.
OUTCOME_FILES = ("docs/data/gop-y.yml", "docs/data/tiep-thu-giai-trinh.yml")
VIET_NAM = dt.timezone(dt.timedelta(hours=7))


def publishing_day() -> str:
    """The day of publishing, in Viet Nam (BUILD_DATE=YYYY-MM-DD fixes it, for reproducible runs and tests):
    the consultation's state (open, closed) on every draft's pages is that day's."""
    return os.environ.get("BUILD_DATE") or dt.datetime.now(VIET_NAM).date().isoformat()


def outcome_files(repo: Path, preview: bool) -> dict[str, bytes | None]:
    """The outcome files as main (or, with --preview, the working tree) holds them: {path: bytes or None}."""
    files: dict[str, bytes | None] = {}
    for name in OUTCOME_FILES:
        if preview:
            files[name] = (repo / name).read_bytes() if (repo / name).is_file() else None
        else:
            shown = subprocess.run(["git", "show", f"HEAD:{name}"], cwd=repo, capture_output=True)
            files[name] = shown.stdout if shown.returncode == 0 else None
    return files


def overlay_outcome(tree: Path, files: dict[str, bytes | None]) -> None:
    """Put main's outcome files into a draft's exported tree, in place of the draft's own."""
    for name, data in files.items():
        target = tree / name
        if data is None:
            target.unlink(missing_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def git(repo: Path, *args: str) -> str:
    """The output of a git command in `repo`."""
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


def config_at(repo: Path, commit: str) -> dict:
    """mkdocs.yml of a commit (or of the working tree), read as MkDocs reads it; a commit named by its
    hash is read once (the tags and the history name the same commits)."""
    if re.fullmatch(r"[0-9a-f]{40}", commit):
        key = (str(repo), commit)
        if key not in _configs:
            _configs[key] = _read_config(git(repo, "show", f"{commit}:mkdocs.yml"))
        return copy.deepcopy(_configs[key])
    text = (
        (repo / "mkdocs.yml").read_text("utf-8")
        if commit == WORKING_TREE
        else git(repo, "show", f"{commit}:mkdocs.yml")
    )
    return _read_config(text)


_configs: dict[tuple[str, str], dict] = {}
_FAST_LOADER = (
    get_yaml_loader(yaml.CSafeLoader) if getattr(yaml, "__with_libyaml__", False) else None
)


def _read_config(text: str) -> dict:
    """A mkdocs.yml's settings: read by libyaml (with MkDocs' !ENV tag), a tenth of the time of MkDocs'
    pure-Python loader, which still reads what libyaml's safe loader refuses (a python tag)."""
    if _FAST_LOADER is not None:
        try:
            return yaml_load(text, loader=_FAST_LOADER) or {}
        except ConfigurationError:
            pass
    return yaml_load(text) or {}


def draft_tags(repo: Path) -> list[dict]:
    """The draft tags, oldest first: {tag, commit, date, id, label}; each checked against its mkdocs.yml."""
    drafts = []
    tags = git(repo, "tag", "-l", f"{TAG_PREFIX}*").split()
    commits = git(repo, "rev-parse", *[f"{tag}^{{commit}}" for tag in tags]).split() if tags else []
    for tag, commit in zip(tags, commits, strict=False):
        date = tag_date(tag)
        settings = draft_settings(config_at(repo, commit), f"tag {tag}")
        check_tag_matches(tag, commit, settings)
        drafts.append(
            {
                "tag": tag,
                "commit": commit,
                "date": date,
                "id": f"{TAG_PREFIX}{date}",
                "label": settings.label,
                "docs": docs_tree(repo, commit),
                "corrects": settings.corrects,
                "errata": settings.errata,
            }
        )
    return sorted(drafts, key=lambda d: d["date"])


def named_drafts(repo: Path) -> dict[str, str]:
    """The drafts that main's history named in mkdocs.yml: {date: the last commit naming it}."""
    named: dict[str, str] = {}
    for commit in git(
        repo, "log", "--first-parent", "--format=%H", "HEAD", "--", "mkdocs.yml"
    ).split():
        try:
            named.setdefault(draft_settings(config_at(repo, commit), commit).date, commit)
        except PublishError:
            continue  # a commit whose draft block was broken was never published (its build failed)
    return named


def head_draft(repo: Path, commit: str) -> dict:
    """The current commit (or the working tree) as a draft: {tag, commit, date, id, label}."""
    settings = draft_settings(
        config_at(repo, commit), "HEAD" if commit != WORKING_TREE else "the working tree"
    )
    sha = git(repo, "rev-parse", commit).strip() if commit != WORKING_TREE else commit
    return {
        "tag": commit,
        "commit": sha,
        "date": settings.date,
        "id": f"{TAG_PREFIX}{settings.date}",
        "label": settings.label,
        "docs": docs_tree(repo, sha) if commit != WORKING_TREE else None,
        "corrects": settings.corrects,
        "errata": settings.errata,
    }


def docs_tree(repo: Path, commit: str) -> str:
    """The git tree of a commit's docs/ folder: the text of the draft it holds."""
    return git(repo, "rev-parse", f"{commit}:docs").strip()


def plan(
    repo: Path, out: Path, preview: bool, recorded: frozenset[str] = frozenset()
) -> tuple[list[dict], list[str]]:
    """What to publish, oldest first, and notes for the editor: tags, or HEAD before the first tag,
    plus the working tree with --preview. Stops if a draft that was online would be dropped."""
    tags = draft_tags(repo)
    head = head_draft(repo, "HEAD")
    notes: list[str] = []
    drafts = tags or [head]
    tagged = {d["date"] for d in tags}
    current = None if tags else head["date"]
    if tags and head["date"] not in tagged:
        notes.append(
            bilingual(
                f"HEAD names the draft of {head['date']}, which has no tag yet: it is not published "
                f"(preview it with --preview; publish it with git tag -a {head['id']})",
                f"HEAD ghi bản dự thảo ngày {head['date']}, nhưng bản này chưa có thẻ nên chưa được công "
                f"bố (xem trước bằng --preview; công bố bằng git tag -a {head['id']}, hướng dẫn biên tập, "
                "mục 6)",
            )
        )
        current = head["date"]
    elif (
        tags and git(repo, "diff", "--name-only", tags[-1]["commit"], "HEAD", "--", "docs").strip()
    ):
        notes.append(
            bilingual(
                f"docs/ on HEAD differs from {tags[-1]['tag']}, and mkdocs.yml still names that draft: "
                "these changes are not published. A published draft never changes: publish them as a "
                "new draft (editor guide, section 6)",
                f"docs/ trên HEAD đã khác {tags[-1]['tag']}, mà mkdocs.yml vẫn ghi bản dự thảo đó: các "
                "thay đổi này chưa được công bố. Bản dự thảo đã công bố không bao giờ thay đổi: công bố "
                "các thay đổi đó thành một bản dự thảo mới (hướng dẫn biên tập, mục 6)",
            )
        )
    config = config_at(repo, "HEAD")
    try:
        withdrawn = set(load_withdrawn_drafts(config.get("extra")))
    except ConfigError as error:
        raise PublishError(
            f"mkdocs.yml on HEAD: {english_of(error)}", vi=f"mkdocs.yml trên HEAD: {vi_of(error)}"
        ) from None
    folders = (
        {p.name for p in (out / "du-thao").iterdir() if p.is_dir()}
        if (out / "du-thao").is_dir()
        else set()
    )
    folders |= recorded  # drafts the live site has published
    problems = lost_drafts(named_drafts(repo), folders, tagged, current, withdrawn)
    if problems:
        raise PublishError(
            "Publishing would drop a draft that readers may have seen (see above)",
            vi="Xuất bản sẽ làm mất một bản dự thảo bạn đọc có thể đã xem:\n"
            + "\n".join(f"  - {p}" for p in problems),
        )
    drafts = [d for d in drafts if d["date"] not in withdrawn]
    if preview:
        draft = head_draft(repo, WORKING_TREE)
        if draft["date"] in tagged:
            # The published drafts as they will be once the working tree's settings and outcome reach main.
            notes.append(
                bilingual(
                    f"preview: the published drafts with the working tree's settings and outcome "
                    f"(mkdocs.yml still names the draft of {draft['date']}; to preview a new draft, name "
                    "it first)",
                    "xem trước: các bản đã công bố, với thiết lập lấy ý kiến, số góp ý và nội dung tiếp "
                    f"thu, giải trình đang sửa (mkdocs.yml vẫn ghi bản dự thảo ngày {draft['date']}; muốn "
                    "xem trước một bản mới, trước hết ghi bản đó vào extra.consultation.draft)",
                )
            )
        else:
            drafts = [d for d in drafts if d["date"] < draft["date"]] + [draft]
            notes.append(
                bilingual(
                    f"preview: the working tree is published as the draft of {draft['date']} (not tagged)",
                    f"xem trước: các tệp đang sửa được dựng thành bản dự thảo ngày {draft['date']} (chưa "
                    "gắn thẻ)",
                )
            )
    return drafts, notes


def export(repo: Path, commit: str, target: Path) -> Path:
    """A commit's tree (or the working tree's tracked and new files) exported to `target`."""
    target.mkdir(parents=True)
    if commit == WORKING_TREE:
        files = git(repo, "ls-files", "-co", "--exclude-standard", "-z").split("\0")
        for name in filter(None, files):
            if (repo / name).is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(repo / name, target / name)
        return target
    archive = subprocess.run(
        ["git", "archive", commit], cwd=repo, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


class Build:
    """`mkdocs build --strict` of a tree in its own process (forked from the build server, see
    build_processes.py), never quiet (strict mode must count the warnings); `wait()` stops
    publishing with its log if it failed."""

    def __init__(
        self, tree: Path, out: Path, env: dict[str, str], label: str, vi_label: str
    ) -> None:
        """Start building `tree` into `out`; its log goes to a temporary file."""
        self.label, self.vi_label = label, vi_label
        descriptor, log = tempfile.mkstemp(prefix="mkdocs-build-", suffix=".log")
        os.close(descriptor)
        self._log = Path(log)
        self._process = start_build(
            tree, out, {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, self._log
        )

    def wait(self) -> None:
        """Wait for the build; raises PublishError with the end of its log if it failed."""
        self._process.join()
        log = self._log.read_text("utf-8", errors="replace") if self._log.exists() else ""
        self._log.unlink(missing_ok=True)
        if self._process.exitcode != 0:
            log = "\n".join(line for line in log.splitlines() if not line.startswith("INFO"))
            raise PublishError(
                f"building {self.label} failed (mkdocs build --strict)",
                vi=f"dựng {self.vi_label} thất bại (mkdocs build --strict); sửa các lỗi dưới đây (tệp:dòng: "
                f"điều sai; cách sửa), commit và đẩy lại:\n{log[-6000:]}",
            )

    def wait_for(self, path: Path) -> None:
        """Wait until the build has written `path` whole (a JSON file) or has ended; raises if it failed."""
        while not _whole_json(path) and self._process.is_alive():
            time.sleep(0.02)
        if not _whole_json(path):
            self.wait()

    def stop(self) -> None:
        """Stop the build and every process it started (publishing failed elsewhere)."""
        stop_build(self._process)
        self._log.unlink(missing_ok=True)


def _draft_texts(repo: Path, draft: dict, tree_of) -> dict[str, SectionText]:
    """The Vietnamese sections' texts of a draft, kept in the repository's .cache by commit (and by the
    code that reads them), so that publishing a new draft does not export and read every older one."""
    stored = None
    if draft["commit"] != WORKING_TREE:
        stored = repo / ".cache" / "section-texts" / f"{draft['commit']}-{_reader_version()}.json"
        if stored.is_file():
            try:
                return {
                    k: SectionText(**v) for k, v in json.loads(stored.read_text("utf-8")).items()
                }
            except (ValueError, TypeError):
                pass  # a damaged entry is read again
    texts = section_texts(tree_of(draft) / "docs", "vi")
    if stored is not None:
        stored.parent.mkdir(parents=True, exist_ok=True)
        temporary = stored.with_suffix(".tmp")
        temporary.write_text(
            json.dumps({k: asdict(v) for k, v in texts.items()}, ensure_ascii=False), "utf-8"
        )
        temporary.replace(stored)
    return texts


@functools.lru_cache(maxsize=1)
def _reader_version() -> str:
    """A fingerprint of the code that reads section texts (a change to it reads every draft again)."""
    digest = hashlib.sha256()
    for source in sorted((ROOT / "hooks" / "draftsite").rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _whole_json(path: Path) -> bool:
    """Whether `path` holds a whole JSON document (a draft built by older hooks writes it in place)."""
    try:
        json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return True


def _build_inputs(
    repo: Path,
    tmp: Path,
    draft: dict,
    history: list[dict],
    published: dict,
    site_url: str,
    day: str,
) -> dict:
    """What a draft's builds read from the publishing tool (draftsite.inputs.BuildInputs' fields), its
    data written into files in `tmp`."""
    files = {
        "drafts_file": history,
        "published_ids_file": published,
        "page_dates_file": page_dates_from_git(
            repo / "docs", "HEAD" if draft["commit"] == WORKING_TREE else draft["commit"]
        ),
    }
    inputs = {
        "consultation_settings_file": str(tmp / "settings.json"),
        "drafts_root_url": site_url,
        "outcome_scope_file": str(tmp / "scope.json"),
        "build_date": day,
        "publish": True,
        "cache": str(repo / ".cache"),
    }  # caches shared by every build
    for name, value in files.items():
        (tmp / f"{draft['date']}.{name}.json").write_text(
            json.dumps(value, ensure_ascii=False), "utf-8"
        )
        inputs[name] = str(tmp / f"{draft['date']}.{name}.json")
    return inputs


def _build_env(
    repo: Path, tmp: Path, tree: Path, draft: dict, inputs: dict, site_url: str, name: str
) -> dict[str, str]:
    """The environment of one build of `tree`: its inputs in one file (DRAFTSITE_INPUTS), its address, and
    the date of its commit (reproducible output); a tree whose hooks predate the inputs file (a draft
    tagged before it) gets them as the variables those hooks read."""
    typed = BuildInputs(**inputs)
    env = {
        INPUTS_VARIABLE: str(write_inputs(tmp / f"{draft['date']}.{name}.inputs.json", typed)),
        "SITE_URL": site_url,
    }
    if not (tree / "hooks" / "draftsite" / "inputs.py").is_file():
        env.update(legacy_environment(typed))
    if draft["commit"] != WORKING_TREE:
        env["SOURCE_DATE_EPOCH"] = git(repo, "log", "-1", "--format=%ct", draft["commit"]).strip()
    return env


def publish(
    repo: Path,
    out: Path,
    site_url: str,
    pdf: bool = False,
    preview: bool = False,
    browser=None,
    record: dict | None = None,
) -> list[str]:
    """Publish into `out`; returns what was done, line by line. `browser`: a running Playwright Chromium for
    the PDFs. `record`: the published record of the live site (its published-drafts.json), if any."""
    warm_up()
    record = merged_record(record or {}, markers_record(out))
    drafts, notes = plan(repo, out, preview, frozenset(record))
    check_corrections(drafts)
    site_url = site_url.rstrip("/") + "/"
    check_record(drafts, record)
    shared = {
        k: v
        for k, v in (
            (config_at(repo, WORKING_TREE if preview else "HEAD").get("extra") or {}).get(
                "consultation"
            )
            or {}
        ).items()
        if k != "draft"
    }
    outcome = outcome_files(repo, preview)
    day = publishing_day()
    # What every draft's pages depend on besides their own tree: a change rebuilds every draft.
    depends_on = {
        "settings": shared,
        "outcome": {
            k: hashlib.sha256(v).hexdigest() if v is not None else None for k, v in outcome.items()
        },
        "state": consultation_state(shared, day),
    }
    lines: list[str] = []
    built_folders: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        (tmp / "settings.json").write_text(
            json.dumps(shared, ensure_ascii=False, default=str), "utf-8"
        )
        trees: dict[str, Path] = {}
        published: dict[str, list[str]] = {}
        latest = drafts[-1]
        # The root is built beside OUT (same file system), so that it is moved into place, not copied.
        out.parent.mkdir(parents=True, exist_ok=True)
        root_site = Path(tempfile.mkdtemp(prefix=f".{out.name}-root-", dir=out.parent)) / "site"
        running: list[
            tuple[Build, dict, Path | None, str]
        ] = []  # (build, draft, folder, stamp), in order
        done: dict[str, str] = {}  # what became of each draft, for the editor

        def tree_of(draft: dict) -> Path:
            """A draft's tree, exported when first needed (only drafts that are built, and the drafts
            they compare with, are exported), with main's outcome files."""
            if draft["date"] not in trees:
                trees[draft["date"]] = export(repo, draft["commit"], tmp / draft["date"])
                overlay_outcome(trees[draft["date"]], outcome)
            return trees[draft["date"]]

        try:
            all_texts = [_draft_texts(repo, draft, tree_of) for draft in drafts]
            # Counts and responses may name any draft being published and any of their sections.
            scope = {
                "drafts": {d["date"]: d["label"] for d in drafts},
                "sections": sorted(set().union(*all_texts)),
            }
            (tmp / "scope.json").write_text(json.dumps(scope, ensure_ascii=False), "utf-8")
            named = outcome_named_drafts(outcome)
            for index, draft in enumerate(drafts):
                texts = all_texts[index]
                draft["changed"] = compare(all_texts[index - 1], texts).count if index else None
                history = [
                    {k: d[k] for k in ("id", "date", "label", "changed", "corrects", "errata")}
                    for d in drafts[: index + 1]
                ]
                permanent = out / "du-thao" / draft["date"]
                earlier = [
                    d["commit"] for d in drafts[:index]
                ]  # the comparison and paragraph ids depend on them
                # Of the scope, a draft's pages show only the labels of the drafts the outcome names.
                in_scope = {
                    d: label for d, label in scope["drafts"].items() if d in named or "?" in named
                }
                stamp = hashlib.sha256(
                    json.dumps(
                        [draft["commit"], depends_on, history, published, earlier, in_scope],
                        sort_keys=True,
                        ensure_ascii=False,
                        default=str,
                    ).encode()
                ).hexdigest()
                rebuild = (
                    draft["commit"] == WORKING_TREE
                    or not (permanent / MARKER).is_file()
                    or (permanent / MARKER).read_text("utf-8").split()[-1] != stamp
                )
                if not rebuild and draft is not latest:
                    done[draft["date"]] = f"du-thao/{draft['date']}/  unchanged ({draft['tag']})"
                    published[draft["id"]] = sorted(texts)
                    continue
                tree = tree_of(draft)
                build_inputs = _build_inputs(repo, tmp, draft, history, published, site_url, day)
                if index:
                    previous = drafts[index - 1]["date"]
                    build_inputs["previous_draft_docs"] = str(tree_of(drafts[index - 1]) / "docs")
                    build_inputs["previous_paragraphs_file"] = str(
                        out / "du-thao" / previous / "paragraphs.json"
                    )
                    # The previous draft's build writes its paragraph ids once it has read its Vietnamese
                    # pages, before rendering them: this draft's build starts then, beside the rest of it.
                    if running and running[-1][1] is drafts[index - 1]:
                        running[-1][0].wait_for(Path(build_inputs["previous_paragraphs_file"]))
                if rebuild:
                    if permanent.exists():
                        shutil.rmtree(permanent)
                    env = _build_env(
                        repo,
                        tmp,
                        tree,
                        draft,
                        {**build_inputs, "draft_permanent": True},
                        f"{site_url}du-thao/{draft['date']}/",
                        "permanent",
                    )
                    running.append(
                        (
                            Build(
                                tree,
                                permanent,
                                env,
                                f"the draft of {draft['date']} ({draft['tag']})",
                                f"bản dự thảo ngày {draft['date']} ({draft['tag']})",
                            ),
                            draft,
                            permanent,
                            stamp,
                        )
                    )
                else:
                    done[draft["date"]] = f"du-thao/{draft['date']}/  unchanged ({draft['tag']})"
                if (
                    draft is latest
                ):  # the site's root: the latest draft again, built beside its permanent folder
                    # It skips the checks of the sources: the same tree's permanent build runs them, and
                    # publishing stops if that build fails.
                    root_env = _build_env(
                        repo,
                        tmp,
                        tree,
                        draft,
                        {**build_inputs, "sources_checked_by_another_build": rebuild},
                        site_url,
                        "root",
                    )
                    running.append(
                        (
                            Build(tree, root_site, root_env, "the site's root", "trang gốc"),
                            {},
                            None,
                            "",
                        )
                    )
                published[draft["id"]] = sorted(texts)
            for build_, draft, permanent, stamp in running:
                build_.wait()
                if permanent is not None:
                    (permanent / MARKER).write_text(
                        f"{draft['tag']} {draft['commit']} {draft['docs'] or '-'} {stamp}\n",
                        "utf-8",
                    )
                    built_folders.append(permanent)
                    done[draft["date"]] = f"du-thao/{draft['date']}/  built from {_source(draft)}"
            lines += [done[d["date"]] for d in drafts]
        except BaseException:
            for build_, *_ in running:
                build_.stop()
            shutil.rmtree(root_site.parent, ignore_errors=True)
            raise
        for item in out.iterdir() if out.exists() else []:
            if item.name != "du-thao":
                shutil.rmtree(item) if item.is_dir() else item.unlink()
        out.mkdir(parents=True, exist_ok=True)
        move_into(root_site, out)
        shutil.rmtree(root_site.parent)
        lines.append(f"/ (root)          the draft of {latest['date']}, from {_source(latest)}")
    write_sitemap(out, [d["date"] for d in drafts], site_url)
    for lang in LANGUAGES:  # each section's history feed, from every draft's published text
        write_section_feeds(
            out, [d["date"] for d in drafts], site_url, lang, t("feed.author", lang)
        )
    (out / RECORD).write_text(record_json(merged_record(record, current_record(drafts))), "utf-8")
    if pdf:
        from make_pdf import make_pdfs

        for path in make_pdfs(out, browser) + [
            p for folder in built_folders for p in make_pdfs(folder, browser)
        ]:
            lines.append(f"PDF  {path.relative_to(out)}")
    else:
        lines.append(
            bilingual(
                "PDF  none printed (run with --pdf, as the workflow does): the banners' PDF links lead "
                "nowhere",
                "PDF: không in bản PDF nào (chạy với --pdf, như quy trình xuất bản vẫn làm): các liên kết "
                "tải PDF trên trang sẽ không dẫn tới đâu",
            )
        )
    return notes + lines


def markers_record(out: Path) -> dict[str, dict[str, str]]:
    """The record kept in OUT by earlier runs: each draft folder's marker names the commit it was built from."""
    found: dict[str, dict[str, str]] = {}
    for marker in (
        sorted((out / "du-thao").glob(f"*/{MARKER}")) if (out / "du-thao").is_dir() else []
    ):
        fields = marker.read_text("utf-8").split()  # tag, commit, docs tree, stamp
        if len(fields) == 4 and re.fullmatch(r"[0-9a-f]{40}", fields[1]):
            found[marker.parent.name] = {"tag": fields[0], "commit": fields[1], "docs": fields[2]}
    if (out / RECORD).is_file():
        found = merged_record(
            json.loads((out / RECORD).read_text("utf-8")).get("drafts", {}), found
        )
    return found


def move_into(source: Path, target: Path) -> None:
    """Move everything in `source` into `target`, merging folders that `target` already has."""
    for item in source.iterdir():
        if item.is_dir() and (target / item.name).is_dir():
            move_into(item, target / item.name)
        else:
            item.replace(target / item.name)


def _source(draft: dict) -> str:
    """Where a draft was built from, for the editor: "du-thao-2020-03-31 (commit 1a2b3c4d5e)"."""
    return (
        draft["tag"]
        if draft["commit"] == WORKING_TREE
        else f"{draft['tag']} (commit {draft['commit'][:10]})"
    )


def write_sitemap(out: Path, dates: list[str], site_url: str) -> None:
    """One sitemap at the root for the latest draft and every draft's folder, both languages; robots.txt names it."""
    files = [out / "sitemap.xml"] + [out / "du-thao" / date / "sitemap.xml" for date in dates]
    locations = sitemap_locations([f.read_text("utf-8") for f in files if f.is_file()])
    (out / "sitemap.xml").write_text(sitemap_xml(locations), "utf-8")
    (out / "en" / "sitemap.xml").write_text(sitemap_xml(locations), "utf-8")
    (out / "robots.txt").write_text(robots_txt(site_url), "utf-8")


def serve(out: Path, site_url: str, port: int = 8000) -> None:
    """Serve OUT under the site's path, as the host will."""
    import http.server

    path = urlsplit(site_url).path or "/"

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, request: str) -> str:
            inside = request.startswith(path)
            return super().translate_path("/" + request[len(path) :] if inside else "/__outside__")

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Handler, directory=str(out))
    )
    print(
        bilingual(
            f"serving {out} at http://127.0.0.1:{port}{path} (Ctrl+C to stop)",
            f"đang mở {out} tại http://127.0.0.1:{port}{path} (dừng bằng Ctrl+C)",
        )
    )
    server.serve_forever()


def read_record(source: str, site_url: str) -> dict:
    """The published record of the live site: {date: {tag, commit}}. `source` is a file, a URL, or "live"
    (the site's own address, or PUBLISHED_SITE_URL's). A site never published (404) has an empty record;
    any other failure stops publishing, since without the record a moved tag would go unnoticed."""
    import urllib.error
    import urllib.request

    if source == "live":
        source = (os.environ.get("PUBLISHED_SITE_URL") or site_url).rstrip("/") + "/" + RECORD
    if not source.startswith(("http://", "https://")):
        return json.loads(Path(source).read_text("utf-8")).get("drafts", {})
    try:
        with urllib.request.urlopen(source, timeout=60) as response:
            return json.loads(response.read().decode("utf-8")).get("drafts", {})
    except urllib.error.HTTPError as error:
        if error.code == 404:
            print(
                "publish: "
                + bilingual(
                    f"{source} does not exist yet: the site's first publication with a record",
                    f"chưa có {source}: đây là lần xuất bản đầu tiên có bản ghi các bản đã công bố",
                )
            )
            return {}
        raise PublishError(
            f"could not read the published record {source} (HTTP {error.code}); run the workflow again",
            vi=f"không đọc được bản ghi các bản đã công bố {source} (HTTP {error.code}); chạy lại quy "
            "trình xuất bản",
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise PublishError(
            f"could not read the published record {source} ({error}); run the workflow again",
            vi=f"không đọc được bản ghi các bản đã công bố {source} ({error}); chạy lại quy trình xuất "
            "bản",
        ) from None


def main() -> None:
    """Publish every draft into OUT, as the command line asks."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--site-url", default=None)
    parser.add_argument("--pdf", action="store_true", help="also print each new draft to PDF")
    parser.add_argument(
        "--preview", action="store_true", help="also publish the working tree as the next draft"
    )
    parser.add_argument(
        "--serve", action="store_true", help="then serve OUT at http://127.0.0.1:8000/"
    )
    parser.add_argument(
        "--record",
        default=None,
        help="the live site's published-drafts.json (a file, or 'live' for <site_url>published-drafts.json, "
        "or PUBLISHED_SITE_URL's): a tag moved since it was published stops publishing",
    )
    args = parser.parse_args()
    repo = args.repo.resolve()
    site_url = args.site_url or config_at(repo, "HEAD")["site_url"]
    if args.preview and not args.site_url:
        site_url = "http://127.0.0.1:8000" + (urlsplit(site_url).path or "/")
    try:
        record = (
            read_record(args.record, config_at(repo, "HEAD")["site_url"]) if args.record else None
        )
        lines = publish(repo, args.out.resolve(), site_url, args.pdf, args.preview, record=record)
    except PublishError as error:
        raise SystemExit(
            "publish: dừng xuất bản, trang đang chạy không thay đổi (English: publishing stopped, the "
            f"live site is unchanged). {error}"
        ) from None
    print(
        f"đã xuất bản vào {args.out} cho {site_url} (English: published into {args.out} for {site_url}):"
    )
    print("\n".join(f"  {line}" for line in lines))
    if args.serve:
        serve(args.out.resolve(), site_url)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
