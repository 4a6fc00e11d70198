"""Markdown mistakes that would otherwise publish silently: `##1.1.` headings (no space after the
hashes), front matter that is not valid YAML (a colon in a title), unknown front-matter keys, and
misspelled build markers such as `<!-- indicator:summary -->`."""

from __future__ import annotations

import difflib
import re

import yaml

from draftsite.checks.checks import Problem
from draftsite.checks.raw_html import blank_code
from draftsite.document.sections import ID_SYNTAX, front_matter_lines

# The build markers, by namespace: `<!-- namespace:name -->`.
MARKERS = {
    "indicators": ("summary", "overview"),
    "document": ("full-text", "contents"),
    "revisions": ("comparison", "drafts", "history"),
    "draft": ("label", "date"),
    "consultation": (
        "general",
        "how-to-comment",
        "outcome",
        "closes",
        "form-provider",
        "organiser",
    ),
}
FRONT_MATTER_KEYS = {
    "title": str,
    "description": str,
    "section_id": str,
    "full_text": bool,
    "search": dict,
    "hide": list,
}
_NO_SPACE_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[^#\s])(\S.*)$")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_NOT_PARAGRAPH = re.compile(r"^\s*(?:[-*+] |\d+[.)] |#|>|\||<|---|===)")
_MARKER_LIKE = re.compile(r"^\s*([A-Za-z][A-Za-z_-]*)\s*(:?)\s*([A-Za-z_-]*)(.*?)\s*$", re.S)


def check_heading_spaces(rel: str, text: str) -> list[Problem]:
    """Lines that look like headings but lack the space after the hashes (`##1.1. Title`)."""
    problems = []
    for number, line in enumerate(blank_code(text).split("\n"), start=1):
        match = _NO_SPACE_HEADING.match(line)
        if match:
            problems.append(
                Problem(
                    rel,
                    number,
                    f"`{line.strip()[:30]}` is not a heading: Markdown needs a space "
                    f"after the # signs; write `{match[1]} {match[2][:24]}`",
                    vi=f"`{line.strip()[:30]}` không phải tiêu đề: Markdown cần một dấu cách sau các "
                    f"dấu #; viết `{match[1]} {match[2][:24]}`",
                )
            )
    return problems


def check_underlined_headings(rel: str, text: str) -> list[Problem]:
    """Text underlined with `---` or `===`, which Markdown turns into a heading without an id."""
    lines = blank_code(text).split("\n")
    problems = []
    for number, line in enumerate(lines[1:], start=2):
        above = lines[number - 2]
        if _UNDERLINE.match(line) and above.strip() and not _NOT_PARAGRAPH.match(above):
            problems.append(
                Problem(
                    rel,
                    number,
                    f"the line `{line.strip()[:10]}` under text turns that text into a "
                    "heading without an id: leave an empty line above it for a separator line, or "
                    "write the heading as `## text { #id }`",
                    vi=f"dòng `{line.strip()[:10]}` ngay dưới một dòng chữ biến dòng chữ đó thành tiêu "
                    "đề không có mã mục: nếu muốn một đường kẻ ngang, để một dòng trống phía trên nó; "
                    "nếu là tiêu đề, viết `## tiêu đề { #mã-mục }`",
                )
            )
    return problems


def check_front_matter(rel: str, text: str) -> list[Problem]:
    """The front matter (between the first two `---` lines): closed, valid YAML, a mapping, known keys, right types."""
    lines = front_matter_lines(text)
    if not lines:
        if text.split("\n", 1)[0].strip() == "---":
            return [
                Problem(
                    rel,
                    1,
                    "the front matter opened by `---` on the first line is never closed: put a line "
                    "`---` after its last `key: value` line",
                    vi="phần đầu trang mở bằng `---` ở dòng đầu tiên nhưng chưa được đóng: thêm một dòng `---` "
                    "sau dòng `khoá: giá trị` cuối cùng của nó",
                )
            ]
        return []
    block = "\n".join(text.split("\n")[1 : lines - 1])
    try:
        meta = yaml.load(block, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 2) if mark else 1
        problem = error.problem or "unreadable"
        colon = "mapping values" in problem
        hint = (
            'a value that contains ": " (a colon and a space) must be in quotes, e.g. '
            'title: "Phần thứ nhất: Đánh giá"'
            if colon
            else "check the indentation, the colons and the quotes of this line"
        )
        hint_vi = (
            'giá trị có chứa ": " (dấu hai chấm và dấu cách) phải đặt trong ngoặc kép, ví dụ '
            'title: "Phần thứ nhất: Đánh giá"'
            if colon
            else "kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép của dòng này"
        )
        return [
            Problem(
                rel,
                line,
                f"the front matter (between the --- lines) is not valid YAML ({problem}); "
                f"the page would show it as text: {hint}",
                vi=f"phần đầu trang (giữa hai dòng ---) sai cú pháp YAML ({problem}); trang sẽ hiện nguyên "
                f"phần đó thành chữ: {hint_vi}",
            )
        ]
    if meta is None:
        return []
    if not isinstance(meta, dict):
        return [
            Problem(
                rel,
                2,
                "the front matter must be `key: value` lines, e.g. `title: …`",
                vi="phần đầu trang phải gồm các dòng `khoá: giá trị`, ví dụ `title: …`",
            )
        ]
    problems = []
    for key, value in meta.items():
        line = next(
            (
                i
                for i, row in enumerate(text.split("\n")[:lines], start=1)
                if row.startswith(f"{key}:")
            ),
            2,
        )
        expected = FRONT_MATTER_KEYS.get(key)
        if expected is None:
            close = difflib.get_close_matches(str(key), FRONT_MATTER_KEYS, n=1)
            problems.append(
                Problem(
                    rel,
                    line,
                    f"unknown front-matter key `{key}`"
                    + (f"; did you mean `{close[0]}`?" if close else "")
                    + " Known keys: "
                    + ", ".join(FRONT_MATTER_KEYS),
                    vi=f"khoá lạ `{key}` trong phần đầu trang"
                    + (f"; có phải định viết `{close[0]}`?" if close else "")
                    + " Các khoá được dùng: "
                    + ", ".join(FRONT_MATTER_KEYS),
                )
            )
        elif not isinstance(value, expected) or (expected is str and not value.strip()):
            kind = {str: "a text", bool: "true or false", dict: "a mapping", list: "a list"}[
                expected
            ]
            kind_vi = {
                str: "một đoạn chữ",
                bool: "true hoặc false",
                dict: "một nhóm khoá (mapping)",
                list: "một danh sách",
            }[expected]
            problems.append(
                Problem(
                    rel,
                    line,
                    f"`{key}:` must be {kind}; it is {value!r}",
                    vi=f"`{key}:` phải là {kind_vi}; hiện đang là {value!r}",
                )
            )
        elif key == "section_id" and not ID_SYNTAX.match(value):
            problems.append(
                Problem(
                    rel,
                    line,
                    f"`section_id: {value}` is not a plain ASCII id (lower-case letters, "
                    "digits and single hyphens)",
                    vi=f"`section_id: {value}` không phải mã ASCII đơn giản (chữ thường không dấu, chữ số "
                    "và dấu gạch nối đơn)",
                )
            )
    return problems


def check_markers(rel: str, text: str) -> list[Problem]:
    """HTML comments that look like a build marker but are not one (misspelled, wrong name)."""
    known = [f"{space}:{name}" for space, names in MARKERS.items() for name in names]
    plain = blank_code(text)
    problems = []
    for match in _COMMENT.finditer(plain):
        parts = _MARKER_LIKE.match(match[1])
        if not parts:
            continue
        space, colon, name = parts[1], parts[2], parts[3]
        if space in MARKERS and colon and name in MARKERS[space]:
            continue
        guess = difflib.get_close_matches(f"{space}:{name}", known, n=1, cutoff=0.75)
        if space in MARKERS or guess or difflib.get_close_matches(space, MARKERS, n=1, cutoff=0.75):
            line = plain.count("\n", 0, match.start()) + 1
            suggestion = (
                f"<!-- {guess[0]} -->" if guess else ", ".join(f"<!-- {k} -->" for k in known)
            )
            what = (
                f"unknown {space.rstrip('s')} marker {name!r}"
                if space in MARKERS
                else "not a marker the build knows"
            )
            what_vi = (
                f"dấu hiệu `{space}:` không có loại {name!r}"
                if space in MARKERS
                else "không phải dấu hiệu mà việc dựng trang biết"
            )
            problems.append(
                Problem(
                    rel,
                    line,
                    f"`{match[0].strip()[:60]}`: {what}, so it would silently show "
                    f"nothing: did you mean {suggestion}?",
                    vi=f"`{match[0].strip()[:60]}`: {what_vi}, nên chỗ đó sẽ lặng lẽ không hiện gì: có "
                    f"phải định viết {suggestion}?",
                )
            )
    return problems
