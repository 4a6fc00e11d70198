"""One section through every draft: in which drafts it appeared, changed, was removed or merged into
another, with that section's differences; and an Atom feed per section and language, so that a
newsroom can follow the sections it covers.

Read from the text file each draft's build publishes at its language root (`van-ban.json`, see
draftsite.revisions.draft_texts): the same data the history and comparison pages show in the browser,
so the feed and the page name the same drafts."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from draftsite.document.model import language_prefix
from draftsite.fragments import render
from draftsite.revisions.draft_texts import FILE_NAME as TEXTS_FILE
from draftsite.revisions.revisions import word_diff_html
from draftsite.strings import t

FEEDS_FOLDER = "lich-su"
HISTORY_PAGE = "lich-su/"


@dataclass(frozen=True)
class SectionRecord:
    """A section as one draft has it: its label, title, page and paragraphs ((id, text), in order)."""

    id: str
    label: str
    title: str
    page: str
    paragraphs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DraftText:
    """One draft's text in one language: its date, its label, its sections (in document order) and the
    section ids it declares retired ({id: {"status": "merged"|"removed", "into": id}})."""

    draft: str
    label: str
    sections: dict[str, SectionRecord]
    retired: dict[str, dict[str, str]]


@dataclass(frozen=True)
class HistoryEntry:
    """What happened to a section in one draft. `kind`: "published" (in the first draft), "added",
    "changed", "removed" or "merged"; `before`: the section in the previous draft that had it;
    `section`: the section in this draft (for removed and merged: as it last was); `into`: the
    section that received it (merged or removed with a successor), as this draft has it."""

    draft: str
    draft_label: str
    kind: str
    section: SectionRecord
    before: SectionRecord | None = None
    into: SectionRecord | None = None
    before_draft: str = ""  # the draft `before` comes from


def read_draft_text(path: Path) -> DraftText:
    """A draft's `van-ban.json` (one language)."""
    raw = json.loads(path.read_text("utf-8"))
    sections = {
        s["id"]: SectionRecord(
            s["id"],
            s.get("label", s["id"]),
            s.get("title", ""),
            s.get("page", ""),
            tuple((p[0], p[1]) for p in s.get("paragraphs", [])),
        )
        for s in raw["sections"]
    }
    return DraftText(raw["draft"], raw.get("label", raw["draft"]), sections, raw.get("retired", {}))


def _same(a: SectionRecord, b: SectionRecord) -> bool:
    """Whether a section is the same in two drafts: its title, and its paragraphs with their ids (the
    rule of the history and comparison pages, compare.js `same`)."""
    return a.title == b.title and a.paragraphs == b.paragraphs


def section_histories(drafts: list[DraftText]) -> dict[str, list[HistoryEntry]]:
    """Every section's history over `drafts` (oldest first): the drafts in which it was published,
    added, changed, removed or merged. A draft is compared with the one before it."""
    histories: dict[str, list[HistoryEntry]] = {}
    last: dict[str, SectionRecord] = {}  # each section as the latest draft that had it
    last_draft = ""
    previous: set[str] = set()
    for index, draft in enumerate(drafts):
        for ident, section in draft.sections.items():
            entries = histories.setdefault(ident, [])
            before = last.get(ident) if ident in previous else None
            if before is None:
                kind = "published" if index == 0 else "added"
                entries.append(HistoryEntry(draft.draft, draft.label, kind, section))
            elif not _same(before, section):
                entries.append(
                    HistoryEntry(
                        draft.draft, draft.label, "changed", section, before, None, last_draft
                    )
                )
            last[ident] = section
        for ident in sorted(previous - set(draft.sections), key=list(last).index):
            declared = draft.retired.get(ident, {})
            kind = "merged" if declared.get("status") == "merged" else "removed"
            into = draft.sections.get(declared.get("into", ""))
            histories[ident].append(
                HistoryEntry(
                    draft.draft, draft.label, kind, last[ident], last[ident], into, last_draft
                )
            )
        previous, last_draft = set(draft.sections), draft.draft
    return histories


def section_diff_html(
    before: SectionRecord | None, after: SectionRecord | None, deleted: str, inserted: str
) -> str:
    """A section's changes as HTML: the title when it changed, then each paragraph that changed,
    aligned by paragraph id (edited: word by word; added or removed: whole)."""
    old = before.paragraphs if before else ()
    new = after.paragraphs if after else ()
    out = []
    if before and after and before.title != after.title:
        out.append(f"<h3>{word_diff_html(before.title, after.title, deleted, inserted)}</h3>")
    matcher = difflib.SequenceMatcher(a=[p[0] for p in old], b=[p[0] for p in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [
                f"<p>{word_diff_html(a[1], b[1], deleted, inserted)}</p>"
                for a, b in zip(old[i1:i2], new[j1:j2], strict=True)
                if a[1] != b[1]
            ]
            continue
        out += [f"<p>{word_diff_html(p[1], '', deleted, inserted)}</p>" for p in old[i1:i2]]
        out += [f"<p>{word_diff_html('', p[1], deleted, inserted)}</p>" for p in new[j1:j2]]
    return "".join(out)


def draft_address(root: str, draft: str, lang: str, section: SectionRecord) -> str:
    """A section's permanent address in a draft's folder."""
    return f"{root}du-thao/{draft}/{language_prefix(lang)}{section.page}#{section.id}"


def feed_address(root: str, lang: str, section_id: str) -> str:
    """The address of a section's Atom feed (the same for every draft: the site's root keeps it)."""
    return f"{root}{language_prefix(lang)}{FEEDS_FOLDER}/{section_id}.xml"


def section_feed(
    section_id: str, entries: list[HistoryEntry], lang: str, root_url: str, author: str
) -> str:
    """The Atom feed of one section's history in one language, newest entry first (RFC 4287)."""
    root = root_url.rstrip("/") + "/"
    latest = entries[-1]
    own = feed_address(root, lang, section_id)
    deleted, inserted = t("rev.deleted", lang), t("rev.inserted", lang)
    items = []
    for entry in reversed(entries):
        gone = entry.kind in ("merged", "removed")
        if not gone:
            link = draft_address(root, entry.draft, lang, entry.section)
        elif entry.into is not None:  # where its words went, in the draft that moved them
            link = draft_address(root, entry.draft, lang, entry.into)
        else:  # removed: its last words, in the last draft that had them
            link = draft_address(root, entry.before_draft, lang, entry.section)
        summary = t(
            f"history.{entry.kind}",
            lang,
            draft=entry.draft_label[:1].lower() + entry.draft_label[1:],  # "the draft of …"
            into=entry.into.label if entry.into else "",
        )
        items.append(
            {
                "id": f"{own}#{entry.draft}",
                "title": f"{entry.section.label}: {summary}",
                "updated": f"{entry.draft}T00:00:00Z",
                "link": link,
                "summary": summary,
                "content": section_diff_html(
                    entry.before,
                    None if gone else entry.section,
                    deleted,
                    inserted,
                ),
            }
        )
    return render(
        "section-feed.html",
        lang=lang,
        id=own,
        title=t("history.feed", lang, label=latest.section.label, title=latest.section.title),
        updated=f"{latest.draft}T00:00:00Z",
        author=author,
        history=f"{root}{language_prefix(lang)}{HISTORY_PAGE}?muc={section_id}",
        entries=items,
    )


def write_section_feeds(out: Path, dates: list[str], site_url: str, lang: str, author: str) -> int:
    """Write every section's feed of one language into OUT (`[en/]lich-su/<id>.xml`) from the drafts'
    published texts (`du-thao/<date>/[en/]van-ban.json`); a draft published without that file (built
    by code older than the feeds) is left out. Returns how many feeds were written."""
    texts = [
        read_draft_text(path)
        for date in dates
        if (path := out / "du-thao" / date / language_prefix(lang) / TEXTS_FILE).is_file()
    ]
    folder = out / language_prefix(lang) / FEEDS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    histories = section_histories(texts)
    for ident, entries in histories.items():
        (folder / f"{ident}.xml").write_text(
            section_feed(ident, entries, lang, site_url, author), "utf-8"
        )
    return len(histories)
