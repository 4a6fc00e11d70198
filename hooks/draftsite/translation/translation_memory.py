"""The translation memory: every Vietnamese formula that recurs in the document (a sentence or clause
of eight words or more occurring more than once) has exactly one English rendering.

How it works, in three steps, all on the Markdown source:

1. Alignment. Each page is cut into sections (headings with ids) and each section into blocks:
   its heading, its paragraphs, its list items, its footnote bodies. The English page has the same
   sections and the same blocks in the same order (the paragraph anchors rely on it), so block n of
   section s in Vietnamese is translated by block n of section s in English. Footnote bodies are
   paired by their name; if a section has a different number of blocks in the two languages, each of
   its Vietnamese blocks is paired with the whole English section.
2. Detection. A clause is a run of text between . ; : ? ! or quotes; compared as a sequence of
   lower-case words (punctuation, emphasis and footnote markers ignored). A clause of eight words or
   more that occurs twice or more in the document (also inside a longer clause) is a recurring
   formula; each must be covered by an entry of the memory file (docs/data/translation-memory.yml):
   an entry whose Vietnamese words are the clause, or contain it wherever it occurs.
3. Enforcement. For every occurrence of an entry's Vietnamese words, the English block paired with
   it must contain the entry's English rendering, compared case-insensitively, ignoring punctuation
   and Markdown, and allowing the grammatical adaptation of the first word only ("to strengthen",
   "strengthening", "strengthens" are one rendering of "strengthen").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from draftsite.checks.checks import Problem
from draftsite.checks.data_files import line_of, read_entry_list
from draftsite.document.sections import split_sections

MIN_WORDS = 8

_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+")
_FOOTNOTE_BODY = re.compile(r"^\[\^([^\]\s]+)\]:\s*")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"\]\([^)]*\)")
_ATTRS = re.compile(r"\{[^}]*\}\s*$")
_WORD = re.compile(r"\w+")
_CLAUSE_END = re.compile(r"[.;:?!…“”«»\"()\[\]]+(?:\s|$)|[“”«»\"()]")


@dataclass(frozen=True)
class Block:
    """A paragraph, list item, heading or footnote of one page, keyed the same in both languages."""

    file: str
    line: int  # 1-based line of the block's first line
    key: (
        str  # "section-id#n" (n from 1; the heading is 0) or "section-id#^name" for a footnote body
    )
    text: str


@dataclass(frozen=True)
class Entry:
    """A translation memory entry: a Vietnamese formula and its one English rendering."""

    vi: str
    en: str
    line: int  # line of the entry in the memory file


@cache
def words(text: str) -> tuple[str, ...]:
    """The lower-case words of a piece of Markdown (markers, tags, links and punctuation dropped)."""
    text = _FOOTNOTE_REF.sub(" ", _LINK.sub("] ", _TAG.sub(" ", _COMMENT.sub(" ", text))))
    return tuple(w.casefold() for w in _WORD.findall(text.replace("_", " ")))


def page_blocks(rel: str, text: str) -> list[Block]:
    """The blocks of one page, keyed by section and position (see the module docstring)."""
    blocks: list[Block] = []
    for section in split_sections(text):
        blocks.append(Block(rel, section.line, f"{section.id}#0", _ATTRS.sub("", section.title)))
        count = 0
        current: list[str] = []
        start = 0
        key = ""

        def close() -> None:
            """End the block being read (if it has words) and start afresh."""
            if current and words(" ".join(current)):
                blocks.append(Block(rel, start, key, " ".join(current)))
            current.clear()

        for offset, line in enumerate(section.body, start=1):
            number = section.line + offset
            stripped = line.strip()
            footnote = _FOOTNOTE_BODY.match(stripped)
            if not stripped or stripped.startswith("<!--"):
                close()
                continue
            if footnote or _LIST_ITEM.match(line) or not current:
                close()
                start = number
                if footnote:
                    key = f"{section.id}#^{footnote[1]}"
                else:
                    if words(stripped):
                        count += 1
                    key = f"{section.id}#{count}"
            current.append(_FOOTNOTE_BODY.sub("", stripped))
        close()
    return blocks


@lru_cache(maxsize=4096)
def spaced(text: str) -> str:
    """The words of a text as one string, with a space at each end, for fast searching of word runs."""
    return " " + " ".join(words(text)) + " "


def clauses(text: str) -> list[tuple[str, ...]]:
    """The clauses of a text: runs between sentence punctuation and quotes, as word tuples."""
    text = _FOOTNOTE_REF.sub(" ", text)
    return [w for part in _CLAUSE_END.split(text) if (w := words(part))]


def contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """Whether `needle` occurs in `haystack` as a run of consecutive words."""
    return count_in(haystack, needle) > 0


def count_in(haystack: tuple[str, ...], needle: tuple[str, ...]) -> int:
    """How many times `needle` occurs in `haystack` as a run of consecutive words."""
    n = len(needle)
    if not n:
        return 0
    first = needle[0]
    return sum(
        1
        for i in range(len(haystack) - n + 1)
        if haystack[i] == first and haystack[i : i + n] == needle
    )


def recurring_clauses(
    blocks: Iterable[Block], min_words: int = MIN_WORDS
) -> dict[tuple[str, ...], list[Block]]:
    """Clauses of MIN_WORDS words or more that occur more than once across the blocks, with their places."""
    blocks = list(blocks)
    block_words = [words(b.text) for b in blocks]
    index: dict[
        tuple[str, ...], list[tuple[int, int]]
    ] = {}  # first min_words words → (block, position)
    for b, w in enumerate(block_words):
        for i in range(len(w) - min_words + 1):
            index.setdefault(w[i : i + min_words], []).append((b, i))
    found: dict[tuple[str, ...], list[Block]] = {}
    for clause in {c for b in blocks for c in clauses(b.text) if len(c) >= min_words}:
        places = [
            blocks[b]
            for b, i in index.get(clause[:min_words], [])
            if block_words[b][i : i + len(clause)] == clause
        ]
        if len(places) > 1:
            found[clause] = places
    return found


def load_memory(text: str, name: str) -> tuple[list[Entry] | None, list[Problem]]:
    """The memory file's entries; problems for entries that lack `vi` or `en` or are too short. A file
    that cannot be read as a whole gives no entries (None) and the one problem that says why."""
    data, problems = read_entry_list(
        name,
        text,
        "a list of entries `- {vi: …, en: …}`, one per formula",
        "một danh sách các mục `- {vi: …, en: …}`, mỗi cụm từ một mục",
    )
    if data is None or not data:
        return data, problems
    entries: list[Entry] = []
    problems: list[Problem] = []
    for index, node in enumerate(data):
        line = line_of(data, index)
        fields = node if isinstance(node, dict) else {}
        for key in ("vi", "en"):
            if not isinstance(fields.get(key), str) or not fields[key].strip():
                problems.append(
                    Problem(
                        name,
                        line,
                        f"entry has no `{key}:` text: give every formula its "
                        "Vietnamese words (`vi`) and its one English rendering (`en`)",
                        vi=f"mục thiếu `{key}:`: mỗi cụm từ cần có lời tiếng Việt (`vi`) và một cách "
                        "dịch tiếng Anh duy nhất (`en`)",
                    )
                )
        if all(isinstance(fields.get(k), str) and fields[k].strip() for k in ("vi", "en")):
            entries.append(Entry(fields["vi"], fields["en"], line))
    return entries, problems


def rendering_pattern(en: str) -> re.Pattern[str]:
    """The rendering as a pattern over lower-case words: the first word may be adapted grammatically."""
    first, *rest = words(en)
    stem = first[:-1] if first.endswith("e") and len(first) > 3 else first
    head = rf"(?:to )?{re.escape(stem)}\w*"
    return re.compile(r"(?<!\w)" + " ".join([head, *map(re.escape, rest)]) + r"(?!\w)")


def has_rendering(en_text: str, en: str) -> bool:
    """Whether an English text contains the rendering (words compared, first word adaptable)."""
    return bool(rendering_pattern(en).search(" ".join(words(en_text))))


def covers(entry_words: tuple[str, ...], clause: tuple[str, ...], places: list[Block]) -> bool:
    """Whether an entry covers a recurring clause: its words are the clause, or contain it wherever the
    clause occurs (the clause occurs as many times in `places` as inside the entry's occurrences there)."""
    if entry_words == clause:
        return True
    if not contains(entry_words, clause):
        return False
    blocks = set(places)
    alone = sum(count_in(words(b.text), clause) for b in blocks)
    inside = sum(count_in(words(b.text), entry_words) for b in blocks) * count_in(
        entry_words, clause
    )
    return alone == inside


def by_section(blocks: list[Block]) -> dict[tuple[str, str], list[Block]]:
    """The blocks of each section of each page: {(file, section id): blocks}."""
    found: dict[tuple[str, str], list[Block]] = {}
    for block in blocks:
        found.setdefault((block.file, block.key.split("#")[0]), []).append(block)
    return found


def paired_blocks(
    block: Block, vi_section: list[Block], en_section: list[Block]
) -> tuple[list[Block], bool]:
    """The English blocks that translate a Vietnamese block, and whether they are its aligned twin (else
    the whole English section: the two languages have a different number of blocks there)."""
    twin = [b for b in en_section if b.key == block.key]
    if twin and len(vi_section) == len(en_section):
        return twin, True
    return en_section, False


def _joined_blocks(blocks: list[Block]) -> tuple[str, list[int]]:
    """All blocks' words in one string (blocks apart by a character no word has), and where each starts:
    one scan per entry finds its occurrences in every block."""
    texts = [spaced(b.text) for b in blocks]
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return "\x00".join(texts), starts


def _blocks_containing(
    needle: str, joined: str, starts: list[int], blocks: list[Block]
) -> list[Block]:
    """The blocks whose words contain `needle` (a space-delimited run of words), in block order."""
    found: list[Block] = []
    position = joined.find(needle)
    while position != -1:
        index = bisect.bisect_right(starts, position) - 1
        found.append(blocks[index])
        following = starts[index + 1] if index + 1 < len(starts) else len(joined)
        position = joined.find(needle, following)
    return found


def check_memory(
    vi_pages: dict[str, str],
    en_pages: dict[str, str],
    entries: list[Entry],
    memory_file: str,
    detect_in: set[str] | None = None,
) -> list[Problem]:
    """Every disagreement between the document and the memory. `vi_pages`/`en_pages`: {path: Markdown},
    the English page of "a.md" being "a.en.md"."""
    problems: list[Problem] = []
    vi_blocks = [b for rel, text in vi_pages.items() for b in page_blocks(rel, text)]
    vi_sections = by_section(vi_blocks)
    en_sections = by_section([b for rel, text in en_pages.items() for b in page_blocks(rel, text)])
    usable = []
    for entry in entries:
        if len(words(entry.vi)) < 2:
            problems.append(
                Problem(
                    memory_file,
                    entry.line,
                    f"entry {entry.vi!r} is too short to be a formula",
                    vi=f"mục «{entry.vi}» quá ngắn để là một cụm từ lặp lại (cần ít nhất hai từ): "
                    "viết cả cụm từ, hoặc xoá mục",
                )
            )
        else:
            usable.append((entry, words(entry.vi)))

    # Detection: each recurring clause of the pages in `detect_in` (default: all) needs an entry
    # covering all of its occurrences.
    document = [b for b in vi_blocks if detect_in is None or b.file in detect_in]
    found = sorted(
        recurring_clauses(document).items(), key=lambda item: (item[1][0].file, item[1][0].line)
    )
    for clause, places in found:
        if not any(covers(vi_words, clause, places) for _, vi_words in usable):
            where = ", ".join(f"{b.file}:{b.line}" for b in places)
            problems.append(
                Problem(
                    places[0].file,
                    places[0].line,
                    f"the formula «{' '.join(clause)}» occurs {len(places)} times ({where}) and is not in "
                    f"{memory_file}: add an entry with its one English rendering",
                    vi=f"cụm từ «{' '.join(clause)}» xuất hiện {len(places)} lần ({where}) nhưng chưa có "
                    f"trong {memory_file}: thêm một mục ghi cách dịch tiếng Anh duy nhất của cụm từ",
                )
            )

    # Enforcement: each occurrence of an entry has the entry's rendering in the paired English block.
    joined, starts = _joined_blocks(vi_blocks)
    for entry, vi_words in usable:
        needle = " " + " ".join(vi_words) + " "
        occurrences = _blocks_containing(needle, joined, starts, vi_blocks)
        if not occurrences:
            problems.append(
                Problem(
                    memory_file,
                    entry.line,
                    f"entry «{entry.vi}» occurs nowhere in the document: "
                    "remove it or correct its Vietnamese words",
                    vi=f"mục «{entry.vi}» không xuất hiện ở đâu trong văn bản: xoá mục này hoặc sửa lại "
                    "lời tiếng Việt của nó",
                )
            )
        for block in occurrences:
            en_rel = re.sub(r"\.md$", ".en.md", block.file)
            section = block.key.split("#")[0]
            paired, aligned = paired_blocks(
                block, vi_sections[block.file, section], en_sections.get((en_rel, section), [])
            )
            if not paired:
                problems.append(
                    Problem(
                        en_rel,
                        1,
                        f"no English for section {section!r} (paired with {block.file}:{block.line})",
                        vi=f"chưa có bản tiếng Anh của mục {section!r} (ứng với {block.file}:"
                        f"{block.line}): dịch mục này trong {en_rel}",
                    )
                )
            elif not any(has_rendering(b.text, entry.en) for b in paired):
                where = "" if aligned else f" anywhere in section {section!r}"
                where_vi = "" if aligned else f" ở bất cứ chỗ nào trong mục {section!r}"
                problems.append(
                    Problem(
                        paired[0].file,
                        paired[0].line,
                        f"«{entry.vi}» ({block.file}:{block.line}) is not rendered as “{entry.en}” "
                        f"({memory_file}:{entry.line}){where}: use that rendering, or change the entry",
                        vi=f"«{entry.vi}» ({block.file}:{block.line}) chưa được dịch là “{entry.en}” "
                        f"({memory_file}:{entry.line}){where_vi}: dùng cách dịch đó, hoặc sửa mục "
                        "trong bộ nhớ dịch",
                    )
                )
    return problems
