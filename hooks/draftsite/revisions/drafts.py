"""The list of published drafts, as the publishing tool hands it to a build (DRAFTS_FILE), and the
Atom feed of drafts for newsrooms."""

from __future__ import annotations

import datetime as dt
import html
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from draftsite.document.model import language_prefix

if TYPE_CHECKING:
    from draftsite.comments.consultation import Consultation


@dataclass(frozen=True)
class Draft:
    """A published draft: its id, date, labels, changed sections, and what it corrects, if it is a correction."""

    id: str  # "du-thao-2020-03-31"
    date: dt.date
    label: dict[str, str]  # {"vi": "Dự thảo ngày 31/3/2020", "en": "Draft of 31 March 2020"}
    changed: int | None = None  # sections changed from the previous draft
    corrects: dt.date | None = None  # a correction: the date of the draft it corrects
    errata: dict[str, str] | None = None  # a correction: what it corrects, per language

    @property
    def slug(self) -> str:
        """The name of the draft's permanent folder, du-thao/<date>/."""
        return self.date.isoformat()


def load_drafts(path: str | None, settings: Consultation) -> list[Draft]:
    """Drafts from a JSON file written by tools/publish.py, oldest first; or the one draft of the settings."""
    if path:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return [
            Draft(
                d["id"],
                dt.date.fromisoformat(d["date"]),
                d["label"],
                d.get("changed"),
                dt.date.fromisoformat(d["corrects"]) if d.get("corrects") else None,
                d.get("errata"),
            )
            for d in raw
        ]
    return [
        Draft(
            settings.draft_id,
            settings.draft_date,
            dict(settings.draft_label),
            None,
            settings.draft_corrects,
            dict(settings.draft_errata)
            if settings.draft_corrects and settings.draft_errata
            else None,
        )
    ]


# A page's permanent address in its draft's folder, `<root>du-thao/<date>/<page url>`: the address
# that keeps this draft's words once a newer draft takes the root (citations link there). `page_url`
# is the page's URL under the root, language folder included ("en/phan-thu-nhat/kinh-te/").
def permanent_address(root_url: str, draft_date: str, page_url: str) -> str:
    """The permanent address of the page at `page_url` in the draft of `draft_date` (ISO)."""
    return f"{root_url.rstrip('/')}/du-thao/{draft_date}/{page_url}"


def drafts_json(drafts: list[Draft]) -> str:
    """Drafts as JSON for the browser (drafts.json): newest first, with their permanent folders."""
    return json.dumps(
        [
            {
                "id": d.id,
                "date": d.date.isoformat(),
                "label": d.label,
                "path": f"du-thao/{d.slug}/",
                "changed": d.changed,
                **({"corrects": d.corrects.isoformat()} if d.corrects else {}),
            }
            for d in reversed(drafts)
        ],
        ensure_ascii=False,
        indent=1,
    )


def atom_feed(drafts: list[Draft], lang: str, title: str, root_url: str, author: str) -> str:
    """An Atom feed of the drafts (newest first) for one language; `author` is the feed's author, which
    RFC 4287 requires of a feed whose entries name none."""
    root = root_url.rstrip("/") + "/"
    prefix = language_prefix(lang)
    updated = max(d.date for d in drafts).isoformat() + "T00:00:00Z"
    entries = []
    for draft in reversed(drafts):
        link = f"{root}du-thao/{draft.slug}/{prefix}"
        summary = (
            draft.label[lang]
            + (f" ({draft.changed})" if draft.changed is not None else "")
            + (f" – {draft.errata[lang]}" if draft.errata else "")
        )
        entries.append(
            f"<entry><id>{html.escape(link)}</id><title>{html.escape(draft.label[lang])}</title>"
            f'<updated>{draft.date.isoformat()}T00:00:00Z</updated><link rel="alternate" href="{html.escape(link)}"/>'
            f"<summary>{html.escape(summary)}</summary></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        f'xml:lang="{lang}"><id>{html.escape(root + prefix)}du-thao.atom</id><title>{html.escape(title)}</title>'
        f"<updated>{updated}</updated><author><name>{html.escape(author)}</name></author>"
        f'<link rel="self" href="{html.escape(root + prefix)}du-thao.atom"/>'
        f'<link rel="alternate" href="{html.escape(root + prefix)}"/>'
        + "".join(entries)
        + "</feed>\n"
    )


def page_dates_from_git(docs_dir: Path, revision: str = "HEAD") -> dict[str, str]:
    """When each page last changed, from one `git log` over the docs folder: {"a/b.md": "2020-03-31T…"}.
    Outside a git checkout there are no dates (and none is shown)."""
    try:
        output = subprocess.run(
            ["git", "log", "--format=%x00%cI", "--name-only", revision, "--", "."],
            cwd=docs_dir,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if output.returncode != 0:
        return {}
    prefix = subprocess.run(
        ["git", "rev-parse", "--show-prefix"], cwd=docs_dir, capture_output=True, text=True
    ).stdout.strip()
    dates: dict[str, str] = {}
    for block in output.stdout.split("\x00")[1:]:
        lines = [line for line in block.strip().split("\n") if line]
        if not lines:
            continue
        stamp, names = lines[0], lines[1:]
        for name in names:
            rel = name[len(prefix) :] if name.startswith(prefix) else name
            dates.setdefault(rel, stamp)
    return dates


@dataclass(frozen=True)
class OutcomeScope:
    """What comments and responses may name: every draft in the repository (date → labels) and
    every section id of any of them."""

    drafts: dict[str, dict[str, str]]
    sections: frozenset[str]


def outcome_scope(path: str | None, settings: Consultation, docs_dir: Path) -> OutcomeScope:
    """The drafts and sections that counts and responses may name. A published build reads them from
    the publishing tool (OUTCOME_SCOPE_FILE: every tagged draft, whichever draft is being built); a
    local build knows the draft of mkdocs.yml and the dates of the repository's draft tags."""
    if path:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return OutcomeScope(
            {d: dict(label) for d, label in raw["drafts"].items()}, frozenset(raw["sections"])
        )
    drafts = {settings.draft_date.isoformat(): dict(settings.draft_label)}
    for date in tag_dates_from_git(docs_dir):
        day = dt.date.fromisoformat(date)
        drafts.setdefault(
            date,
            {
                "vi": f"Dự thảo ngày {day.day}/{day.month}/{day.year}",
                "en": f"Draft of {day.day} {day.strftime('%B')} {day.year}",
            },
        )
    return OutcomeScope(dict(sorted(drafts.items())), frozenset())


def tag_dates_from_git(folder: Path) -> list[str]:
    """The dates of the repository's well-formed draft tags (du-thao-YYYY-MM-DD); none outside git."""
    try:
        output = subprocess.run(
            ["git", "tag", "-l", "du-thao-*"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    dates = []
    for tag in output.stdout.split() if output.returncode == 0 else []:
        date = tag[len("du-thao-") :]
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            continue  # a malformed tag: publishing names it; a local build ignores it
        if len(date) == 10:
            dates.append(date)
    return sorted(dates)
