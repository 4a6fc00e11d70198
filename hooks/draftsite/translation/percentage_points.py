"""Changes of a rate, given in percentage points: when the Vietnamese says that a rate (tỷ lệ, tỷ
trọng, độ che phủ…) rose or fell by x% («Tỷ lệ hộ nghèo bình quân giảm 2,06%/năm»), the rate moved by
x percentage points, and the English must say so ("fell by 2.06 percentage points a year"): "fell by
2.06%" would mean a relative fall, a different and much smaller change.

How it works, on the Markdown source:

1. Alignment, as the translation memory does it (draftsite.translation.translation_memory): Vietnamese and
   English blocks are paired by section id and position (footnotes by name); when a section has a
   different number of blocks in the two languages, the whole English section is searched.
2. Detection, sentence by sentence (split after . ; ? !) in the Vietnamese blocks of the document
   pages. A percent figure (x% or x%/năm) is a change of a rate when, within RATE_REACH words,
   - a rate noun (RATE_NOUNS) is followed by a change verb (tăng, giảm) and then by the figure
     («Tỷ lệ hộ nghèo … giảm 2,06%/năm»), or
   - a change verb directly precedes the rate noun, which is followed by the figure
     («Giảm tỷ lệ hộ nghèo bình quân 2,06%/năm»), or
   - a rate noun is followed by a per-year figure without a verb («tỷ lệ … 2%/năm»);
   and nothing between them says the rate has or reached a level (STATEMENT_WORDS, LEVEL_WORDS:
   «giảm xuống dưới 10%», «tăng lên 60%», «còn 3,1%» keep their per cent), nor gives the figure as
   the start of a range («từ 5% xuống 3%»). A per-year figure in the parenthesis right after such a figure
   («(Mục tiêu: 2%/năm)») is the same kind of change. A quantity's growth («Giá trị sản xuất tăng
   4,5%/năm») has no rate noun and stays in per cent.
3. Enforcement: each such figure needs, in the paired English block, the same number followed
   within three words by "percentage point(s)" ("2.06 percentage points", "1 or more percentage
   points"). A sentence that the rules take for a change of a rate but is not one is listed, with
   the reason, in the exceptions file (docs/data/diem-phan-tram.yml); an exception that matches no
   detected sentence stops the build too, so that the list stays short and true.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from draftsite.checks.checks import Problem
from draftsite.checks.data_files import line_of, read_entry_list
from draftsite.document.numbers import canonical, format_number, parse_en, parse_vi
from draftsite.document.sections import split_sections
from draftsite.translation.translation_memory import (
    Block,
    by_section,
    contains,
    page_blocks,
    paired_blocks,
    words,
)

# Nouns that name a rate (a share, a proportion, a coverage), as lower-case word sequences. «mức»
# alone is left out: it mostly names a quantity («mức thu nhập», «mức tăng»).
RATE_NOUNS: tuple[tuple[str, ...], ...] = tuple(
    tuple(n.split())
    for n in (
        "tỷ lệ",
        "tỉ lệ",
        "tỷ trọng",
        "tỉ trọng",
        "tỷ suất",
        "tỉ suất",
        "độ che phủ",
        "độ bao phủ",
        "mức sinh",
        "mức che phủ",
        "lãi suất",
    )
)
# Verbs of change.
CHANGE_VERBS = frozenset({"tăng", "giảm"})
# Words after a change verb that make it another word («tăng trưởng», «tăng cường», «giảm nghèo»).
NOT_CHANGE = frozenset({"trưởng", "cường", "tốc", "nghèo", "giá"})
# Words that, anywhere between the rate noun and the figure, say what level the rate has or reached
# (a rate's own name may contain «ở», «đến»: «tỷ lệ trẻ em đến trường», «tỷ lệ … ở nông thôn»).
STATEMENT_WORDS = frozenset({"xuống", "lên", "còn", "đạt", "là", "chiếm"})
# Words that, between a change verb and the figure, make the figure a level («tăng đến 5%»,
# «giảm xuống 3%»); «ở mức» too.
LEVEL_WORDS = STATEMENT_WORDS | {"đến", "tới", "bằng"}
# Words after a figure that make it the start of a range («từ 5% xuống 3%»).
RANGE_ENDS = frozenset({"xuống", "lên", "đến", "tới"})
# How many words may separate the rate noun from its figure.
RATE_REACH = 25
# How many words may separate a change verb from the rate noun it governs («Giảm tỷ lệ»).
VERB_REACH = 2

EXCEPTIONS_FILE = "data/diem-phan-tram.yml"
_EXCEPTION_KEYS = ("section", "vi", "reason")

_SENTENCE_END = re.compile(r"(?<=[.;?!])\s+")
_MARKUP = re.compile(r"<!--.*?-->|<[^>]+>|\[\^[^\]\s]+\]|\]\([^)]*\)|\{[^}]*\}", re.S)
_EMPHASIS = re.compile(r"[*_`\[\]]")
_INNER_SPACE = re.compile(r"(?<=\()\s+|\s+(?=\))")
# A quoted sentence longer than this is cut in messages.
QUOTE_LENGTH = 220
_VI_TOKEN = re.compile(
    r"(?P<figure>(?<![\d.,])\d+(?:\.\d{3})*(?:,\d+)?)\s*%(?P<year>\s*/\s*năm)?"
    r"|(?P<word>\w+)|(?P<open>\()|(?P<close>\))"
)
_EN_NUMBER = re.compile(r"(?<![\d.,])\d+(?:,\d{3})*(?:\.\d+)?(?![\d])")
_POINTS_AFTER = re.compile(r"\s*%?(?:\s+[^\s\d]+){0,3}?\s+percentage[\s-]+points?\b", re.I)


@dataclass(frozen=True)
class Token:
    """A word, a figure or a bracket of a Vietnamese sentence, as the rate check reads it."""

    kind: str  # "word", "figure", "open" or "close"
    text: str  # the word (lower case) or the figure as written («2,06»)
    per_year: bool = False  # a figure written «x%/năm»


@dataclass(frozen=True)
class RateChange:
    """A Vietnamese sentence that gives a change of a rate, with its figures."""

    block: Block  # the Vietnamese block
    sentence: str  # the sentence, as written (Markdown removed)
    figures: tuple[str, ...]  # the changes, as written in Vietnamese («2,06», «2»)


@dataclass(frozen=True)
class Exemption:
    """A sentence the editors exempted from the percentage-points check, and why."""

    section: str
    vi: str
    reason: str
    line: int  # line of the entry in the exceptions file


def plain(text: str) -> str:
    """The text of a Markdown block without markup (emphasis, footnote markers, links, tags,
    attributes)."""
    return _INNER_SPACE.sub("", " ".join(_EMPHASIS.sub("", _MARKUP.sub(" ", text)).split()))


def sentences(text: str) -> list[str]:
    """The sentences of a plain text."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def tokens(sentence: str) -> list[Token]:
    """A Vietnamese sentence as words, percent figures and parentheses."""
    found = []
    for match in _VI_TOKEN.finditer(sentence):
        if match["figure"]:
            found.append(Token("figure", match["figure"], bool(match["year"])))
        elif match["word"]:
            found.append(Token("word", match["word"].casefold()))
        else:
            found.append(Token("open" if match["open"] else "close", match[0]))
    return found


def _rate_nouns(found: list[Token]) -> list[tuple[int, int]]:
    """The positions where a rate noun starts, with the position just after it."""
    texts = [t.text if t.kind == "word" else "" for t in found]
    return [
        (i, i + len(noun))
        for i in range(len(found))
        for noun in RATE_NOUNS
        if tuple(texts[i : i + len(noun)]) == noun
    ]


def _is_verb(found: list[Token], i: int) -> bool:
    """Whether the token at `i` is a change verb (not part of «tăng trưởng», «giảm nghèo»…)."""
    if found[i].kind != "word" or found[i].text not in CHANGE_VERBS:
        return False
    following = found[i + 1] if i + 1 < len(found) else None
    return not (following and following.kind == "word" and following.text in NOT_CHANGE)


def _blocked(
    found: list[Token], start: int, stop: int, level_words: frozenset[str], figures_too: bool
) -> bool:
    """Whether tokens[start:stop] contain one of `level_words` or «ở mức» (the figure is then a level),
    or, when `figures_too`, another figure (a statement about the rate that is already complete)."""
    for i in range(start, stop):
        token = found[i]
        if figures_too and token.kind == "figure":
            return True
        if token.kind == "word" and (
            token.text in level_words or (token.text == "mức" and i and found[i - 1].text == "ở")
        ):
            return True
    return False


def _starts_range(found: list[Token], k: int) -> bool:
    """Whether the figure at `k` starts a range («từ 5% xuống 3%»)."""
    before = found[k - 1] if k else None
    after = found[k + 1] if k + 1 < len(found) else None
    return bool(
        before
        and before.text == "từ"
        and after
        and after.kind == "word"
        and after.text in RANGE_ENDS
    )


def _is_rate_change(found: list[Token], k: int, nouns: list[tuple[int, int]]) -> bool:
    """Whether the figure at `k` is a change of a rate named earlier in the sentence."""
    if _starts_range(found, k):
        return False
    for start, end in nouns:
        if end > k or k - end > RATE_REACH:
            continue
        # The rate noun, a change verb, then the figure (not a verb that names the rate: «tỷ lệ tăng dân số»).
        for v in range(end + 1, k):
            if (
                _is_verb(found, v)
                and not _blocked(found, end, v, STATEMENT_WORDS, True)
                and not _blocked(found, v + 1, k, LEVEL_WORDS, False)
            ):
                return True
        # A change verb just before the rate noun («Giảm tỷ lệ hộ nghèo … 2,06%/năm»).
        if any(
            _is_verb(found, v) for v in range(max(0, start - VERB_REACH - 1), start)
        ) and not _blocked(found, end, k, STATEMENT_WORDS, True):
            return True
        # A per-year figure of the rate, without a verb.
        if (
            found[k].per_year
            and not any(_is_verb(found, v) for v in range(end, k))
            and not _blocked(found, end, k, STATEMENT_WORDS, True)
        ):
            return True
    return False


def rate_change_figures(sentence: str) -> list[str]:
    """The figures of a sentence that are changes of a rate, in order, as written («2,06»)."""
    found = tokens(sentence)
    nouns = _rate_nouns(found)
    if not nouns:
        return []
    changes: list[str] = []
    k = 0
    while k < len(found):
        if found[k].kind == "figure" and _is_rate_change(found, k, nouns):
            changes.append(found[k].text)
            # The per-year figures of a parenthesis right after it («(Mục tiêu: 2%/năm)»).
            if k + 1 < len(found) and found[k + 1].kind == "open":
                k += 2
                while k < len(found) and found[k].kind != "close":
                    if found[k].kind == "figure" and found[k].per_year:
                        changes.append(found[k].text)
                    k += 1
        k += 1
    return changes


def rate_changes(blocks: list[Block]) -> list[RateChange]:
    """Every sentence of the blocks that changes a rate by a percent figure."""
    found = []
    for block in blocks:
        if "%" not in block.text or block.key.endswith("#0"):
            continue
        for sentence in sentences(plain(block.text)):
            figures = rate_change_figures(sentence)
            if figures:
                found.append(RateChange(block, sentence, tuple(figures)))
    return found


def point_values(en_text: str) -> Counter[str]:
    """The values written in an English text that are followed by "percentage point(s)", counted."""
    text = plain(en_text)
    return Counter(
        canonical(parse_en(m[0]))
        for m in _EN_NUMBER.finditer(text)
        if _POINTS_AFTER.match(text, m.end())
    )


def load_exceptions(text: str, name: str) -> tuple[list[Exemption] | None, list[Problem]]:
    """The exceptions file's entries, and a problem for each broken one; a file that cannot be read as
    a whole gives no entries (None) and the one problem that says why."""
    data, problems = read_entry_list(
        name,
        text,
        "a list of entries `- {section: …, vi: …, reason: …}`",
        "một danh sách các mục `- {section: …, vi: …, reason: …}`",
    )
    if data is None or not data:
        return data, problems
    entries: list[Exemption] = []
    problems: list[Problem] = []
    for index, entry in enumerate(data):
        line = line_of(data, index)
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    name,
                    line,
                    f"entry {entry!r} is not a mapping: write "
                    '- {section: "…", vi: "…", reason: "…"}',
                    vi=f"mục {entry!r} không phải một nhóm khoá: viết "
                    '- {section: "…", vi: "…", reason: "…"}',
                )
            )
            continue
        unknown = sorted(str(k) for k in entry if k not in _EXCEPTION_KEYS)
        missing = [
            k for k in _EXCEPTION_KEYS if not isinstance(entry.get(k), str) or not entry[k].strip()
        ]
        if unknown:
            problems.append(
                Problem(
                    name,
                    line,
                    f"unknown key(s) {', '.join(unknown)}: an entry has only `section:`, "
                    "`vi:` and `reason:`",
                    vi=f"khoá lạ {', '.join(unknown)}: mỗi mục chỉ có `section:`, `vi:` và `reason:`",
                )
            )
        if missing:
            problems.append(
                Problem(
                    name,
                    line,
                    f"the entry has no `{'`, `'.join(missing)}:` text: give the section id, "
                    "a fragment of the Vietnamese sentence and the reason it is not a change of a rate",
                    vi=f"mục thiếu `{'`, `'.join(missing)}:`: ghi mã mục, một đoạn của câu tiếng Việt và "
                    "lý do câu đó không phải thay đổi của một tỷ lệ",
                )
            )
        if not unknown and not missing:
            entries.append(Exemption(entry["section"].strip(), entry["vi"], entry["reason"], line))
    return entries, problems


def excepts(entry: Exemption, change: RateChange) -> bool:
    """Whether an exception names this sentence: same section, and its words occur in the sentence."""
    return change.block.key.split("#")[0] == entry.section and contains(
        words(change.sentence), words(entry.vi)
    )


def _block_problems(
    block: Block,
    found: list[RateChange],
    vi_sections: dict[tuple[str, str], list[Block]],
    en_sections: dict[tuple[str, str], list[Block]],
    name: str,
) -> list[Problem]:
    """The figures of one Vietnamese block's rate changes that its English does not give in
    percentage points (one problem per value, at the English block)."""
    section = block.key.split("#")[0]
    en_rel = re.sub(r"\.md$", ".en.md", block.file)
    paired, aligned = paired_blocks(
        block, vi_sections[block.file, section], en_sections.get((en_rel, section), [])
    )
    if not paired:
        return []  # a missing English section is reported by the section checks
    written = point_values("\n".join(b.text for b in paired))
    needed = Counter(canonical(parse_vi(f)) for change in found for f in change.figures)
    problems: list[Problem] = []
    for change in found:
        for figure in change.figures:
            value = canonical(parse_vi(figure))
            if written[value] >= needed.pop(value, 0):
                continue
            english = format_number(parse_vi(figure), "en")
            points = f"{english} percentage point" + ("" if value == "1" else "s")
            quote = (
                change.sentence
                if len(change.sentence) <= QUOTE_LENGTH
                else change.sentence[:QUOTE_LENGTH] + "…"
            )
            where = (
                ""
                if aligned
                else f" (anywhere in section {section!r}: the two languages have different blocks there)"
            )
            where_vi = (
                ""
                if aligned
                else f" (ở bất cứ chỗ nào trong mục {section!r}: tại đó hai bản có các khối "
                "khác nhau)"
            )
            problems.append(
                Problem(
                    paired[0].file,
                    paired[0].line,
                    f"«{quote}» ({block.file}:{block.line}) changes a rate by {figure}%, that is by "
                    f'{points}, but the English{where} does not say so in points; write "{points}" '
                    f"or list the sentence in docs/{name} with the reason",
                    vi=f"«{quote}» ({block.file}:{block.line}) nói một tỷ lệ thay đổi {figure}%, tức là "
                    f"{figure} điểm phần trăm, nhưng bản tiếng Anh{where_vi} không viết bằng điểm "
                    f'phần trăm; viết "{points}", hoặc nếu câu đó không phải thay đổi của một '
                    f"tỷ lệ, ghi câu vào docs/{name} kèm lý do",
                )
            )
    return problems


def check_percentage_points(
    vi_pages: dict[str, str],
    en_pages: dict[str, str],
    exceptions_text: str,
    name: str = EXCEPTIONS_FILE,
) -> list[Problem]:
    """Every change of a rate whose English is not in percentage points, and every exception that
    matches none. `vi_pages`/`en_pages`: {path: Markdown} of the document pages, the English page of
    "a.md" being "a.en.md"; `exceptions_text`: the exceptions file, called `name` in messages."""
    entries, problems = load_exceptions(exceptions_text, name)
    if entries is None:
        return problems  # without the exceptions, every listed sentence would be reported again
    vi_blocks = [b for rel, text in vi_pages.items() for b in page_blocks(rel, text)]
    vi_sections = by_section(vi_blocks)
    en_sections = by_section([b for rel, text in en_pages.items() for b in page_blocks(rel, text)])
    changes = rate_changes(vi_blocks)
    known = {s.id for text in vi_pages.values() for s in split_sections(text)}
    for entry in entries:
        if entry.section not in known:
            problems.append(
                Problem(
                    name,
                    entry.line,
                    f"section {entry.section!r} is not a section of the document: "
                    "write the id of the section the sentence is in (the `{ #id }` of its heading)",
                    vi=f"mã mục {entry.section!r} không phải một mục của văn bản: ghi mã của mục có câu "
                    "đó (`{ #mã-mục }` ở tiêu đề của mục)",
                )
            )
        elif not any(excepts(entry, change) for change in changes):
            problems.append(
                Problem(
                    name,
                    entry.line,
                    f"«{entry.vi}» matches no sentence of section {entry.section!r} "
                    "that reads as a change of a rate: remove the entry, or correct its `vi:` fragment",
                    vi=f"«{entry.vi}» không khớp với câu nào của mục {entry.section!r} được hiểu là thay "
                    "đổi của một tỷ lệ: xoá mục này, hoặc sửa đoạn câu ghi ở `vi:`",
                )
            )
    by_block: dict[Block, list[RateChange]] = {}
    for change in changes:
        if not any(excepts(entry, change) for entry in entries):
            by_block.setdefault(change.block, []).append(change)
    for block, found in by_block.items():
        problems += _block_problems(block, found, vi_sections, en_sections, name)
    return sorted(problems, key=lambda p: (p.file, p.line))
