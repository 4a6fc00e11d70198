"""The list of published drafts, as the publishing tool hands it to a build (DRAFTS_FILE), and the
Atom feed of drafts for newsrooms."""

from __future__ import annotations

import datetime as dt
import html
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from draftsite.model import language_prefix


@dataclass(frozen=True)
class Draft:
    id: str  # "du-thao-2020-03-31"
    date: dt.date
    label: dict[str, str]  # {"vi": "Dự thảo ngày 31/3/2020", "en": "Draft of 31 March 2020"}
    changed: int | None = None  # sections changed from the previous draft

    @property
    def slug(self) -> str:  # the permanent folder: du-thao/<date>/
        return self.date.isoformat()


# Drafts from a JSON file written by tools/publish.py, oldest first; or the one draft of the config.
def load_drafts(path: str | None, config_draft: dict) -> list[Draft]:
    if path:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return [Draft(d["id"], dt.date.fromisoformat(d["date"]), d["label"], d.get("changed")) for d in raw]
    return [Draft(config_draft["id"], dt.date.fromisoformat(str(config_draft["date"])), dict(config_draft["label"]))]


# Drafts as JSON for the browser (drafts.json): newest first, with their permanent folders.
def drafts_json(drafts: list[Draft]) -> str:
    return json.dumps([{"id": d.id, "date": d.date.isoformat(), "label": d.label, "path": f"du-thao/{d.slug}/",
                        "changed": d.changed} for d in reversed(drafts)], ensure_ascii=False, indent=1)


# An Atom feed of the drafts (newest first) for one language.
def atom_feed(drafts: list[Draft], lang: str, title: str, root_url: str) -> str:
    root = root_url.rstrip("/") + "/"
    prefix = language_prefix(lang)
    updated = max(d.date for d in drafts).isoformat() + "T00:00:00Z"
    entries = []
    for draft in reversed(drafts):
        link = f"{root}du-thao/{draft.slug}/{prefix}"
        summary = draft.label[lang] + (f" ({draft.changed})" if draft.changed is not None else "")
        entries.append(
            f"<entry><id>{html.escape(link)}</id><title>{html.escape(draft.label[lang])}</title>"
            f"<updated>{draft.date.isoformat()}T00:00:00Z</updated><link rel=\"alternate\" href=\"{html.escape(link)}\"/>"
            f"<summary>{html.escape(summary)}</summary></entry>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
            f'xml:lang="{lang}"><id>{html.escape(root + prefix)}du-thao.atom</id><title>{html.escape(title)}</title>'
            f'<updated>{updated}</updated><link rel="self" href="{html.escape(root + prefix)}du-thao.atom"/>'
            f'<link rel="alternate" href="{html.escape(root + prefix)}"/>' + "".join(entries) + "</feed>\n")


# When each page last changed, from one `git log` over the docs folder: {"a/b.md": "2020-03-31T…"}.
# Outside a git checkout there are no dates (and none is shown).
def page_dates_from_git(docs_dir: Path, revision: str = "HEAD") -> dict[str, str]:
    try:
        output = subprocess.run(["git", "log", "--format=%x00%cI", "--name-only", revision, "--", "."],
                                cwd=docs_dir, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}
    if output.returncode != 0:
        return {}
    prefix = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=docs_dir, capture_output=True,
                            text=True).stdout.strip()
    dates: dict[str, str] = {}
    for block in output.stdout.split("\x00")[1:]:
        lines = [line for line in block.strip().split("\n") if line]
        if not lines:
            continue
        stamp, names = lines[0], lines[1:]
        for name in names:
            rel = name[len(prefix):] if name.startswith(prefix) else name
            dates.setdefault(rel, stamp)
    return dates
