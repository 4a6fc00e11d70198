"""Paragraph ids that survive revisions.

The first draft numbers the blocks of each section `<section-id>-d1`, `-d2`, … in reading order.
Every later draft is aligned, section by section, with the previous draft's paragraphs
(`paragraphs.json`, written by each build): a paragraph that is unchanged, or edited but still
recognisably the same, keeps its id; a new paragraph gets the next number never used in its
section; a paragraph that is gone is kept in the section's `removed` list with the last draft
that had it, so that its old link can say where it went. Ids are never reused and never vanish.
Vietnamese is the reference: the English pages take the same ids, block by block.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

_NUMBER = re.compile(r"-d(\d+)$")
_WORDS = re.compile(r"\w+", re.U)
# Two versions of a paragraph are the same paragraph when this share of their words survives.
SIMILAR = 0.5


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's stable id and its text in the draft."""

    id: str
    text: str


@dataclass(frozen=True)
class RemovedParagraph:
    """A paragraph an earlier draft had: its id and text, where it was, and when it was removed."""

    id: str
    text: str
    page: str  # page URL (language-neutral, "phan-thu-nhat/kinh-te/") in the last draft that had it
    last: str  # slug ("2020-03-31") of the last draft that had it
    removed_in: str  # slug of the first draft without it


@dataclass
class SectionParagraphs:
    """A section's paragraphs in this draft, and those removed from it in earlier drafts."""

    page: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    removed: list[RemovedParagraph] = field(default_factory=list)

    def all_ids(self) -> set[str]:
        """Every id this section has ever published."""
        return {p.id for p in self.paragraphs} | {r.id for r in self.removed}


Registry = dict[str, SectionParagraphs]


class BlockIds(Mapping):
    """Each section's paragraph ids in order, read from the registry when a page asks for that
    section (not for every section of the document on every page)."""

    def __init__(self, registry: Registry) -> None:
        self._registry = registry

    def __getitem__(self, section: str) -> list[str]:
        return [p.id for p in self._registry[section].paragraphs]

    def __iter__(self):
        return iter(self._registry)

    def __len__(self) -> int:
        return len(self._registry)


def _normal(text: str) -> str:
    """A whitespace-normalised paragraph text, for exact comparison."""
    return re.sub(r"\s+", " ", text).strip()


def similarity(a: str, b: str) -> float:
    """How alike two paragraphs are (0–1), by their words."""
    return difflib.SequenceMatcher(
        a=_WORDS.findall(a.lower()), b=_WORDS.findall(b.lower()), autojunk=False
    ).ratio()


def _pair_similar(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """The best order-keeping pairing of old and new paragraphs whose similarity reaches SIMILAR."""
    n, m = len(old), len(new)
    alike = [[similarity(a, b) for b in new] for a in old]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = score[i + 1][j + 1] + alike[i][j] if alike[i][j] >= SIMILAR else -1.0
            score[i][j] = max(take, score[i + 1][j], score[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if alike[i][j] >= SIMILAR and score[i][j] == score[i + 1][j + 1] + alike[i][j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def id_number(paragraph_id: str) -> int:
    """The number of a paragraph id ("p1-ii-d12" → 12)."""
    match = _NUMBER.search(paragraph_id)
    if not match:
        raise ValueError(f"not a paragraph id: {paragraph_id!r}")
    return int(match[1])


def assign_section(
    section: str,
    page: str,
    texts: list[str],
    previous: SectionParagraphs | None,
    previous_draft: str,
    this_draft: str,
) -> SectionParagraphs:
    """The ids of a section's blocks in this draft, aligned with the previous draft's paragraphs."""
    if previous is None:
        return SectionParagraphs(
            page, [Paragraph(f"{section}-d{n}", t) for n, t in enumerate(texts, 1)]
        )
    old = previous.paragraphs
    ids: list[str | None] = [None] * len(texts)
    kept: set[int] = set()
    matcher = difflib.SequenceMatcher(
        a=[_normal(p.text) for p in old], b=[_normal(t) for t in texts], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs = [(i1 + k, j1 + k) for k in range(i2 - i1)]
        elif op == "replace":
            pairs = [
                (i1 + i, j1 + j)
                for i, j in _pair_similar([p.text for p in old[i1:i2]], texts[j1:j2])
            ]
        else:
            pairs = []
        for i, j in pairs:
            ids[j] = old[i].id
            kept.add(i)
    used = [id_number(x) for x in previous.all_ids() if x.startswith(f"{section}-d")]
    following = max(used, default=0) + 1
    for j, value in enumerate(ids):
        if value is None:
            ids[j] = f"{section}-d{following}"
            following += 1
    removed = list(previous.removed) + [
        RemovedParagraph(p.id, p.text, previous.page, previous_draft, this_draft)
        for i, p in enumerate(old)
        if i not in kept
    ]
    return SectionParagraphs(
        page, [Paragraph(i, t) for i, t in zip(ids, texts, strict=False)], removed
    )


def with_retired_sections(
    previous: Registry,
    current: set[str],
    successors: dict[str, str],
    previous_draft: str,
    this_draft: str,
) -> Registry:
    """The previous draft's paragraphs, with those of sections gone from this draft moved, as removed,
    to their successor (declared in docs/data/ma-muc-da-bo.yml), so that their old links still say
    where they went."""
    result = {
        ident: SectionParagraphs(e.page, list(e.paragraphs), list(e.removed))
        for ident, e in previous.items()
    }
    for section, old in previous.items():
        if section in current or section not in successors:
            continue
        target = result.setdefault(successors[section], SectionParagraphs(old.page))
        target.removed.extend(old.removed)
        target.removed.extend(
            RemovedParagraph(p.id, p.text, old.page, previous_draft, this_draft)
            for p in old.paragraphs
        )
        del result[section]
    return result


def vanished_paragraph_ids(previous: Registry, registry: Registry) -> list[str]:
    """Published paragraph ids that are in neither the paragraphs nor the removed lists of this draft."""
    now: set[str] = set()
    for entry in registry.values():
        now |= entry.all_ids()
    gone: set[str] = set()
    for entry in previous.values():
        gone |= entry.all_ids() - now
    return sorted(gone)


def registry_json(registry: Registry, draft: str) -> str:
    """The registry as the JSON that each build publishes (`paragraphs.json`)."""
    sections = {
        ident: {
            "page": e.page,
            "paragraphs": [asdict(p) for p in e.paragraphs],
            "removed": [asdict(r) for r in e.removed],
        }
        for ident, e in registry.items()
    }
    return (
        json.dumps(
            {"draft": draft, "sections": sections}, ensure_ascii=False, indent=0, sort_keys=True
        )
        + "\n"
    )


def load_registry(path: Path) -> tuple[str, Registry]:
    """A registry read from a published `paragraphs.json`: (draft slug, registry)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    registry = {
        ident: SectionParagraphs(
            e["page"],
            [Paragraph(**p) for p in e["paragraphs"]],
            [RemovedParagraph(**r) for r in e["removed"]],
        )
        for ident, e in raw["sections"].items()
    }
    return raw["draft"], registry
