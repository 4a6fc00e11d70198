"""Human labels for sections, derived from their ids: `p1-ii-1-2-1` → "Phần thứ nhất, mục II.1.2.1"."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from draftsite.messages import EditorValueError
from draftsite.strings import t

_ROMAN = re.compile(r"^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)$")
_NUMBER = re.compile(r"^[0-9]+$")
_WORD = re.compile(r"\w+")
_PARTS = ("p1", "p2")
# Id roots: the report's parts, the discussion guide, the report's title page and theme, the letter.
ROOTS = ("p1", "p2", "gy", "bao-cao", "chu-de", "cv")
_ROOTS_LONGEST_FIRST = sorted(ROOTS, key=len, reverse=True)


@dataclass(frozen=True)
class IdParts:
    """A section id split into its part, its numbering and the rest."""

    root: str  # "p1", "gy", ...
    part: str | None  # "p1"/"p2" inside the discussion guide
    numbering: str  # "II.1.2.1", "" when unnumbered
    rest: list[str] = field(default_factory=list)  # ASCII suffix of an unnumbered "*" sub-section


def split_id(section_id: str) -> IdParts:
    """The parts of a section id: root, part, document numbering, suffix."""
    root = next(
        (r for r in _ROOTS_LONGEST_FIRST if section_id == r or section_id.startswith(r + "-")), None
    )
    if root is None:
        raise EditorValueError(
            f"section id {section_id!r} does not start with one of: {', '.join(ROOTS)}",
            vi=f"mã mục {section_id!r} không bắt đầu bằng một trong các tiền tố: {', '.join(ROOTS)}",
        )
    parts = section_id[len(root) :].strip("-").split("-") if section_id != root else []
    part = parts.pop(0) if root == "gy" and parts and parts[0] in _PARTS else None
    numbering: list[str] = []
    while parts and (_NUMBER.match(parts[0]) or (not numbering and _ROMAN.match(parts[0]))):
        token = parts.pop(0)
        numbering.append(token.upper() if _ROMAN.match(token) else token)
    return IdParts(root, part, ".".join(numbering), parts)


@functools.lru_cache(maxsize=4096)
def clean_title(title: str) -> str:
    """Heading text as plain words: no markup, no "*" marker, no trailing colon (each title cleaned once)."""
    title = re.sub(r"(?<!\\)<[^>]+>", " ", title)  # inline HTML tags (not escaped "\<")
    title = re.sub(r"(?<!\\)\*\*", "", title)  # bold markers
    title = html.unescape(
        re.sub(r"\\(.)", r"\1", title)
    ).strip()  # Markdown escapes and entities: "\*" → "*", "&lt;" → "<"
    title = re.sub(r"^\*\s*", "", title)
    title = re.sub(r"\s+", " ", title)
    return title.rstrip(":").strip()


def title_without_number(title: str) -> str:
    """Heading text without its document number ("1.2.1. Trong lĩnh vực…" → "Trong lĩnh vực…")."""
    return re.sub(r"^(?:[IVX]+|[0-9]+(?:\.[0-9]+)*)\.\s*", "", clean_title(title))


def section_label(section_id: str, title: str, lang: str, parent_label: str | None = None) -> str:
    """The citation label of a section: "Phần thứ nhất, mục II.1.2.1" or "Phần thứ hai › Các đột phá phát triển"."""
    ids = split_id(section_id)
    label = t(f"part.{ids.root}", lang)
    if ids.part:
        label = f"{label}, {t(f'part.{ids.part}', lang)}"
    if ids.numbering:
        label = f"{label}, {t('label.item', lang)} {ids.numbering}"
    if ids.rest:
        return f"{parent_label or label} › {clean_title(title)}"
    return label


def section_number(section_id: str, title: str, lang: str) -> str:
    """The short name readers use in a link text: "II.1.2.1", "Phần thứ nhất", or the sub-section's title."""
    ids = split_id(section_id)
    if ids.rest:
        return clean_title(title)
    if ids.numbering:
        return ids.numbering
    return section_label(section_id, title, lang)


def section_full_label(
    section_id: str, title: str, lang: str, parent_label: str | None = None
) -> str:
    """The label followed by the section's own title: "Phần thứ nhất, mục II.1.2.1 – Trong lĩnh vực công nghiệp"."""
    label = section_label(section_id, title, lang, parent_label)
    if split_id(section_id).rest:
        return label
    heading = title_without_number(title)
    ids = split_id(section_id)
    prefixes = [label, t(f"part.{ids.root}", lang)] + (
        [t(f"part.{ids.part}", lang)] if ids.part else []
    )
    for prefix in prefixes:
        if heading.casefold().startswith(prefix.casefold()):
            heading = heading[len(prefix) :].lstrip(" :–-")
    return f"{label} – {heading}" if heading else label


def comment_name(section_id: str, title: str, lang: str, label: str) -> str:
    """How a comment link names its section: "mục II.1.2.1", "mục «Hạ tầng đô thị»", "Phần thứ nhất"."""
    ids = split_id(section_id)
    item = t("label.item", lang)
    if ids.rest:
        return (
            f"{item} «{clean_title(title)}»" if lang == "vi" else f'{item} "{clean_title(title)}"'
        )
    if ids.numbering and ids.root in ("p1", "p2"):
        return f"{item} {ids.numbering}"
    return label


def sentence_case(title: str, capitalised: Collection[str] = ()) -> str:
    """A heading written all in capitals ("II. KẾT QUẢ THỰC HIỆN CỤ THỂ TRÊN CÁC LĨNH VỰC") in sentence
    case ("II. Kết quả thực hiện cụ thể trên các lĩnh vực"), for a short line such as a search result's
    place; a heading with any lower-case letter is returned as written. Roman numerals keep their
    capitals, and so do the words in `capitalised`, as they are written there (the capitalised words of
    the document's own mixed-case headings: «Đảng», "Party", "GRDP")."""
    if any(c.islower() for c in title):
        return title
    known = {word.casefold(): word for word in capitalised}
    words = [m for m in _WORD.finditer(title) if not _ROMAN.match(m[0].lower())]
    first = words[0].start() if words else -1

    def recased(match: re.Match[str]) -> str:
        text = match[0]
        if _ROMAN.match(text.lower()):
            return text
        if text.casefold() in known:
            return known[text.casefold()]
        return text[:1] + text[1:].lower() if match.start() == first else text.lower()

    return _WORD.sub(recased, title)


def top_section_id(section_id: str) -> str | None:
    """The section id of the top numbered section (I., II., …) that holds `section_id`: "p1-ii-1-2" → "p1-ii";
    None when the section is not numbered."""
    ids = split_id(section_id)
    if not ids.numbering:
        return None
    head = "-".join([ids.root] + ([ids.part] if ids.part else []))
    return f"{head}-{ids.numbering.split('.')[0].lower()}"


def _part_crumbs(ids: IdParts, lang: str) -> list[str]:
    """The crumbs naming a section's part: "Phần thứ nhất", or "Gợi ý thảo luận › Phần thứ hai" in the guide."""
    return [t(f"part.{ids.root}", lang)] + ([t(f"part.{ids.part}", lang)] if ids.part else [])


def crumbs_inside(
    section_id: str,
    lang: str,
    title_of: Callable[[str], str | None],
    capitalised: Collection[str] = (),
) -> list[str]:
    """Where things inside a section are, as the crumbs of a search result: the section's part, and the
    top numbered section holding it ("II. Kết quả thực hiện cụ thể trên các lĩnh vực", titled by
    `title_of(id)` in sentence case) when there is one."""
    crumbs = _part_crumbs(split_id(section_id), lang)
    top = top_section_id(section_id)
    title = title_of(top) if top else None
    if top and title:
        crumbs.append(
            f"{split_id(top).numbering}. {sentence_case(title_without_number(title), capitalised)}"
        )
    return crumbs


def crumbs_of(
    section_id: str,
    lang: str,
    title_of: Callable[[str], str | None],
    capitalised: Collection[str] = (),
) -> list[str]:
    """Where a section is, as the crumbs of its search result: "p1-ii-1-2" → Phần thứ nhất › II. Kết quả…;
    "p1-ii" and "p2-boi-canh" → Phần thứ nhất / Phần thứ hai; "gy-p2" → Gợi ý thảo luận. A part itself
    ("p1", "gy", "cv") is where it is: no crumbs."""
    ids = split_id(section_id)
    numbers = ids.numbering.split(".") if ids.numbering else []
    if len(numbers) > 1 or (numbers and ids.rest):
        return crumbs_inside(section_id, lang, title_of, capitalised)
    if numbers or ids.rest:
        return _part_crumbs(
            ids, lang
        )  # a top numbered section, or an unnumbered one right under its part
    return _part_crumbs(ids, lang)[:-1]  # a part of the report or of the guide, or a whole text
