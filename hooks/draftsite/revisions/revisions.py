"""Drafts and their differences: which sections were added, removed, moved or changed between two
drafts (by section id), word-level differences, changed indicator values, and the guard that keeps
every published section id alive (or declared removed or merged into a successor)."""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from draftsite.checks.data_files import DataFileError, kind_of, kind_of_vi, line_of, read_yaml_file
from draftsite.document.model import build_document, language_files
from draftsite.document.sections import split_sections
from draftsite.messages import EditorValueError

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class SectionText:
    """A section's own text in one draft, whole and paragraph by paragraph, for comparisons."""

    id: str
    page: str
    parent: str | None
    title: str
    text: str  # plain text of the section's own paragraphs (not its sub-sections)
    paragraphs: tuple[str, ...] = ()  # the same, paragraph by paragraph


@dataclass
class Comparison:
    """The sections added, removed, moved and changed between two drafts."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many sections the comparison names."""
        return len(self.added) + len(self.removed) + len(self.moved) + len(self.changed)


def plain_text(markdown: str) -> str:
    """Markdown of a section body as plain text: no ids, markers, footnote markers or emphasis."""
    text = re.sub(r"<!--.*?-->", " ", markdown, flags=re.S)
    text = re.sub(
        r"^\[\^[0-9]+\]:.*$", " ", text, flags=re.M
    )  # footnote bodies are compared on their own
    text = re.sub(r"\[\^[0-9]+\]", "", text)
    text = re.sub(r"^\{[^}]*\}\s*$", " ", text, flags=re.M)
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("\\*", "*").replace("**", "")
    text = re.sub(r"(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def paragraph_texts(markdown: str) -> tuple[str, ...]:
    """The plain text of each paragraph (or list item, table) of a section's Markdown, in order."""
    blocks = re.split(r"\n\s*\n|\n(?=\s{0,3}(?:[-*+]|\d+[.)])\s)", markdown)
    return tuple(text for text in (plain_text(block) for block in blocks) if text)


def paragraph_diff_html(
    old: tuple[str, ...], new: tuple[str, ...], deleted: str, inserted: str
) -> str:
    """A section's changes paragraph by paragraph: paragraphs aligned in order, each shown with its
    word-level marks; a paragraph removed or added whole is marked as one."""
    out = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [f"<p>{html.escape(text)}</p>" for text in old[i1:i2]]
            continue
        i, j = i1, j1
        while (
            i < i2 or j < j2
        ):  # pair paragraphs still at least half the same; the rest went or came whole
            if i < i2 and j < j2 and _similar(old[i], new[j]):
                out.append(f"<p>{word_diff_html(old[i], new[j], deleted, inserted)}</p>")
                i, j = i + 1, j + 1
            elif j < j2 and (i == i2 or any(_similar(old[i], later) for later in new[j + 1 : j2])):
                out.append(
                    f'<p class="revision-added">{word_diff_html("", new[j], deleted, inserted)}</p>'
                )
                j += 1
            else:
                out.append(
                    f'<p class="revision-removed">{word_diff_html(old[i], "", deleted, inserted)}</p>'
                )
                i += 1
    return "".join(out)


def _similar(a: str, b: str) -> bool:
    """Whether two paragraphs are still at least half the same words (the rule paragraph ids follow)."""
    return (
        difflib.SequenceMatcher(a=_WORD.findall(a), b=_WORD.findall(b), autojunk=False).ratio()
        >= 0.5
    )


def section_texts(docs_dir: Path, lang: str) -> dict[str, SectionText]:
    """Every section of one language of a docs folder, with its own text."""
    files = language_files(docs_dir, lang)
    document = build_document(files, lang)
    result = {}
    for text in files.values():
        for section in split_sections(text):
            model = document.get(section.id)
            if model is None:
                continue
            body = "\n".join(section.body)
            result[section.id] = SectionText(
                section.id,
                model.page,
                model.parent,
                model.title,
                plain_text(body),
                paragraph_texts(body),
            )
    return result


def compare(old: dict[str, SectionText], new: dict[str, SectionText]) -> Comparison:
    """What changed from `old` to `new`, by section id (a section whose page or parent changed is moved)."""
    result = Comparison()
    for ident, section in new.items():
        before = old.get(ident)
        if before is None:
            result.added.append(ident)
            continue
        if (before.page, before.parent) != (section.page, section.parent):
            result.moved.append(ident)
        if (before.title, before.text) != (section.title, section.text):
            result.changed.append(ident)
    result.removed = [ident for ident in old if ident not in new]
    return result


def word_diff_html(old: str, new: str, deleted: str, inserted: str) -> str:
    """Word-level differences as HTML: <del>/<ins> with words for screen readers (not colour alone)."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(
                f'<del><span class="visually-hidden">[{html.escape(deleted)}: </span>'
                f'{html.escape(" ".join(a[i1:i2]))}<span class="visually-hidden">]</span></del>'
            )
        if op in ("insert", "replace"):
            out.append(
                f'<ins><span class="visually-hidden">[{html.escape(inserted)}: </span>'
                f'{html.escape(" ".join(b[j1:j2]))}<span class="visually-hidden">]</span></ins>'
            )
    return " ".join(out)


def indicator_changes(old_file: Path, new_file: Path) -> list[tuple[str, str, str, str]]:
    """Indicator values that differ: (indicator id, field, old, new) from two data files."""

    def values(path: Path) -> dict[tuple[str, str], str]:
        try:
            data = read_yaml_file(path, path.name)
        except DataFileError:
            return {}  # the current file is checked where the indicators are read; a published one is what it is
        found = {}
        entries = data.get("indicators") if isinstance(data, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            for period in ("target_2020", "result_2020", "target_2025"):
                value = entry.get(period)
                if isinstance(value, dict):
                    shown = " ".join(str(value[k]) for k in ("comparator", "value") if k in value)
                    if isinstance(value.get("wording"), dict):
                        shown = (shown + " " + str(value["wording"].get("vi", ""))).strip()
                    found[(str(entry.get("id")), period)] = shown
        return found

    before, after = values(old_file), values(new_file)
    return [
        (ident, period, before.get((ident, period), "—"), after.get((ident, period), "—"))
        for ident, period in sorted(set(before) | set(after))
        if before.get((ident, period)) != after.get((ident, period))
    ]


def load_retired_ids(path: Path, known: set[str]) -> dict[str, str]:
    """Declared removals: {old id: successor id} from docs/data/ma-muc-da-bo.yml. Every problem raises
    ValueError as `data/ma-muc-da-bo.yml:LINE: what is wrong; what to do` (callers add `docs/`)."""
    return {ident: into for ident, (_, into) in load_retired_entries(path, known).items()}


def load_retired_entries(path: Path, known: set[str]) -> dict[str, tuple[str, str]]:
    """Declared removals with their kind: {old id: (status, successor id)}, status "removed" or
    "merged"; the same checks and messages as load_retired_ids."""
    name = f"{path.parent.name}/{path.name}"
    try:
        raw = read_yaml_file(path, name)
    except DataFileError as error:
        raise EditorValueError(
            f"{error.english}; each entry is `old-id: {{status: merged, into: new-id}}`",
            vi=f"{error.vi}; mỗi mục viết dạng `mã-cũ: {{status: merged, into: mã-mới}}`",
        ) from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise EditorValueError(
            f"{name}:{line_of(raw)}: the file is {kind_of(raw)}; it must map each retired section id to "
            "its entry, e.g. `p1-ii-2-2-thuong-mai: {status: merged, into: p1-ii-2-2}`",
            vi=f"{name}:{line_of(raw)}: tệp đang là {kind_of_vi(raw)}; tệp phải ghi, cho mỗi mã mục "
            "đã bỏ, một mục khai báo, ví dụ `p1-ii-2-2-thuong-mai: {status: merged, into: "
            "p1-ii-2-2}`",
        )
    retired = {}
    for ident, entry in raw.items():
        if not isinstance(entry, dict):
            raise EditorValueError(
                f"{name}:{line_of(raw, ident)}: {ident}: the entry is {kind_of(entry)}; write "
                "`status: removed` or `status: merged` and `into: <section id>` under it (the section "
                "readers of the old anchor are sent to)",
                vi=f"{name}:{line_of(raw, ident)}: {ident}: mục này là {kind_of_vi(entry)}; viết "
                "`status: removed` hoặc `status: merged` và `into: <mã mục>` bên dưới (mục mà người "
                "đọc mở liên kết cũ sẽ được chuyển đến)",
            )
        status, into = entry.get("status"), entry.get("into")
        if not isinstance(status, str) or status not in ("removed", "merged"):
            raise EditorValueError(
                f"{name}:{line_of(entry, 'status')}: {ident}: `status:` is {kind_of(status)}; write "
                "`status: removed` or `status: merged`",
                vi=f"{name}:{line_of(entry, 'status')}: {ident}: `status:` đang là "
                f"{kind_of_vi(status)}; viết `status: removed` hoặc `status: merged`",
            )
        if not isinstance(into, str) or not into:
            raise EditorValueError(
                f"{name}:{line_of(entry, 'into')}: {ident}: `into:` is {kind_of(into)}; write "
                "`into: <section id>`, the one section readers of the old anchor are sent to",
                vi=f"{name}:{line_of(entry, 'into')}: {ident}: `into:` đang là {kind_of_vi(into)}; "
                "viết `into: <mã mục>`, là mục duy nhất mà người đọc mở liên kết cũ sẽ được chuyển "
                "đến",
            )
        if into not in known:
            raise EditorValueError(
                f"{name}:{line_of(entry, 'into')}: {ident}: `into: {into}` is not a section of this draft; "
                "name a section id of the current draft (the `{ #id }` of its heading)",
                vi=f"{name}:{line_of(entry, 'into')}: {ident}: `into: {into}` không phải một mục của "
                "bản dự thảo này; ghi mã của một mục trong bản dự thảo hiện tại (`{ #mã-mục }` ở "
                "tiêu đề của mục)",
            )
        retired[str(ident)] = (status, into)
    return retired


def vanished_ids(
    published: dict[str, list[str]], current: set[str], retired: dict[str, str]
) -> list[tuple[str, str]]:
    """Published ids that vanished without a declaration: (id, draft where it was published)."""
    missing: dict[str, str] = {}
    for draft, ids in published.items():
        for ident in ids:
            if ident not in current and ident not in retired:
                missing.setdefault(ident, draft)
    return sorted(missing.items())
