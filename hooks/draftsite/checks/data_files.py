"""The data files under docs/data, read as editors write them: YAML syntax errors, duplicated keys,
tabs, decomposed or invisible characters are reported in plain words with the file and the line,
before anything is built from them."""

from __future__ import annotations

from pathlib import Path

import yaml

from draftsite.checks.checks import Problem
from draftsite.document.source_text import check_invisible, check_nfc_text, check_tabs, decode
from draftsite.messages import EditorError

LINE_KEY = "__line__"

# Plain explanations of PyYAML's most common complaints: (English, Vietnamese).
_HINTS = {
    "mapping values are not allowed": (
        'a text that contains ": " (a colon and a space) must be in quotes: '
        'label: "Phần thứ nhất: …"',
        'chữ có chứa ": " (dấu hai chấm và dấu cách) phải đặt trong ngoặc kép: '
        'label: "Phần thứ nhất: …"',
    ),
    "could not find expected ':'": (
        "a key needs a colon and a space after it (key: value), and every quote "
        "that opens must close",
        "sau mỗi khoá phải có dấu hai chấm và dấu cách (khoá: giá trị), và mỗi dấu ngoặc "
        "kép đã mở phải được đóng",
    ),
    "cannot start any token": (
        "indent with spaces, never tabs, and put a text that starts with @, ` or % in quotes",
        "thụt lề bằng dấu cách, không dùng phím Tab, và đặt trong ngoặc kép chữ bắt đầu bằng "
        "@, ` hoặc %",
    ),
    "expected ',' or '}'": (
        "a {…} mapping needs commas between its entries, quotes that close and a "
        "closing }; in a number, write decimals with a dot (11.1), never a comma",
        "nhóm {…} cần dấu phẩy giữa các mục, dấu ngoặc kép phải được đóng và có dấu } đóng; "
        "trong số, viết phần thập phân bằng dấu chấm (11.1), không bao giờ bằng dấu phẩy",
    ),
    "expected ',' or ']'": (
        "a […] list needs commas between its items and a closing ]",
        "danh sách […] cần dấu phẩy giữa các mục và dấu ] đóng",
    ),
    "found unexpected end of stream": (
        "a quote or bracket opened here is never closed",
        "dấu ngoặc kép hoặc dấu ngoặc mở ở đây không được đóng",
    ),
    "did not find expected key": (
        "the indentation of this line does not match the lines around it",
        "thụt lề của dòng này không khớp với các dòng xung quanh",
    ),
    "did not find expected '-' indicator": (
        'the items of a list must start with "- " at the same indentation',
        'các mục của danh sách phải bắt đầu bằng "- " với cùng mức thụt lề',
    ),
    "found undefined alias": (
        "a text that starts with * must be in quotes",
        "chữ bắt đầu bằng * phải đặt trong ngoặc kép",
    ),
    "expected <block end>": (
        "the indentation of this line does not match the lines around it",
        "thụt lề của dòng này không khớp với các dòng xung quanh",
    ),
}
_DEFAULT_HINT = (
    "compare this line with the lines around it (indentation, colons, quotes, brackets)",
    "so sánh dòng này với các dòng xung quanh (thụt lề, dấu hai chấm, dấu ngoặc kép, dấu ngoặc)",
)


class DataFileError(EditorError):
    """A data file that cannot be read as intended, with its file and line (and the Vietnamese, `vi`)."""

    def __init__(self, rel: str, line: int, message: str, vi: str = "") -> None:
        super().__init__(f"{rel}:{line}: {message}", f"{rel}:{line}: {vi}" if vi else "")
        self.problem = Problem(rel, line, message, vi)


class LinedDict(dict):
    """A mapping read from a data file that knows its line and the line of each of its keys."""

    line: int = 1
    key_lines: dict


class LinedList(list):
    """A list read from a data file that knows its line and the line of each of its items."""

    line: int = 1
    item_lines: list[int]


def line_of(container: object, key: object = None, default: int = 1) -> int:
    """The line of `key` (a mapping's key or a list's index) in a mapping or list read by `load_yaml`;
    without `key`, or when the key is not there, the line of the container itself; `default` for
    anything not read from a file."""
    if isinstance(container, LinedDict):
        return container.key_lines.get(key, container.line) if key is not None else container.line
    if isinstance(container, LinedList):
        if isinstance(key, int) and 0 <= key < len(container.item_lines):
            return container.item_lines[key]
        return container.line
    return default


def kind_of(value: object) -> str:
    """A short, readable name of a YAML value's type for messages ("a list", "a text", …)."""
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if value is None:
        return "nothing"
    return f"the text {str(value)!r}" if isinstance(value, str) else f"{value!r}"


def kind_of_vi(value: object) -> str:
    """The same in Vietnamese ("một danh sách", "chữ …", …)."""
    if isinstance(value, dict):
        return "một nhóm khoá (các dòng khoá: giá trị)"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, bool):
        return "giá trị true/false"
    if isinstance(value, (int, float)):
        return f"số {value}"
    if value is None:
        return "giá trị rỗng"
    return f"chữ {str(value)!r}" if isinstance(value, str) else f"{value!r}"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A safe YAML loader that refuses duplicated keys and remembers the line of every mapping, key,
    list and item."""

    rel = ""
    keep_lines = False


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> dict:
    """A mapping, refusing a key written twice, with its lines (and `__line__` when the loader keeps lines)."""
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if isinstance(key, (str, int, float, bool)) or key is None:
            if key in seen:
                raise DataFileError(
                    loader.rel,
                    line,
                    f"the key `{key}` appears twice in the same block (first at line "
                    f"{seen[key]}); the second silently replaces the first: keep one of them",
                    vi=f"khoá `{key}` xuất hiện hai lần trong cùng một khối (lần đầu ở dòng {seen[key]}); "
                    "khoá sau sẽ lặng lẽ đè khoá trước: chỉ giữ một",
                )
            seen[key] = line
    mapping = LinedDict(loader.construct_mapping(node, deep=True))
    mapping.line, mapping.key_lines = node.start_mark.line + 1, seen
    if loader.keep_lines:
        mapping[LINE_KEY] = mapping.line
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> list:
    """A list, with its line and the line of each item."""
    items = LinedList(loader.construct_sequence(node, deep=True))
    items.line, items.item_lines = (
        node.start_mark.line + 1,
        [item.start_mark.line + 1 for item in node.value],
    )
    return items


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_entry_list(
    name: str, text: str, wanted: str, wanted_vi: str
) -> tuple[list | None, list[Problem]]:
    """A data file that is a list of entries (the glossary's kind): its list (empty for an empty
    file) and no problem, or None and the one problem that says why it cannot be read as one;
    `wanted` says what the list holds ("a list of entries `- {vi: …, en: …}`")."""
    try:
        data = load_yaml(name, text)
    except DataFileError as error:
        return None, [error.problem]
    if data is None:
        return [], []
    if not isinstance(data, list):
        problem = Problem(
            name,
            line_of(data),
            f"the file is {kind_of(data)}; it must be {wanted}",
            vi=f"tệp đang là {kind_of_vi(data)}; tệp phải là {wanted_vi}",
        )
        return None, [problem]
    return data, []


def load_yaml(rel: str, text: str, keep_lines: bool = False) -> object:
    """The YAML text of a data file as Python data (mappings and lists know their lines: `line_of`);
    with `keep_lines`, every mapping also gets its line as `__line__`. Every problem raises
    DataFileError with the file (`rel`, as messages name it), the line and what to do."""
    loader = _Loader(text)
    loader.rel, loader.keep_lines = rel, keep_lines
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        line, message, vi = _syntax_message(error)
        raise DataFileError(rel, line, message, vi) from None
    except yaml.YAMLError as error:
        plain = " ".join(str(error).split())
        raise DataFileError(
            rel,
            1,
            f"YAML error ({plain}); compare the file with its previous version (git diff)",
            vi=f"lỗi YAML ({plain}); so sánh tệp với phiên bản trước của nó (git diff)",
        ) from None
    finally:
        loader.dispose()


def construct_node(rel: str, node: yaml.Node) -> object:
    """A YAML node composed elsewhere (a block of mkdocs.yml) as data, with the rules and the lines of
    `load_yaml` (a key written twice raises DataFileError)."""
    loader = _Loader("")
    loader.rel = rel
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _syntax_message(error: yaml.MarkedYAMLError) -> tuple[int, str, str]:
    """The line and the message of a YAML syntax error. A quote or bracket never closed is named where
    it opens (PyYAML notices it at the end of the file); a bracket not closed where expected, with the
    line where it opens too."""
    problem = error.problem or error.context or "unreadable"
    hint, hint_vi = next(
        (h for k, h in _HINTS.items() if k in problem or k in (error.context or "")), _DEFAULT_HINT
    )
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    opened = error.context_mark.line + 1 if error.context_mark else line
    if "end of stream" in problem and opened != line:
        return (
            opened,
            (
                f"YAML syntax error: a quote or bracket opened on this line is never closed ({error.context}); "
                "close it on the same line: a text ends with its quote mark, [ with ], { with }"
            ),
            (
                f"lỗi cú pháp YAML: dấu ngoặc kép hoặc dấu ngoặc mở ở dòng này không bao giờ được đóng ({error.context}); "
                "đóng nó ngay trên dòng đó: chữ kết thúc bằng dấu ngoặc kép của nó, [ bằng ], { bằng }"
            ),
        )
    where = (
        f" (it opens at line {opened})"
        if opened != line and "flow" in (error.context or "")
        else ""
    )
    where_vi = f" (dấu ngoặc mở ở dòng {opened})" if where else ""
    return (
        line,
        f"YAML syntax error at or just before this line ({problem}){where}; {hint}",
        f"lỗi cú pháp YAML tại dòng này hoặc ngay trước nó ({problem}){where_vi}; {hint_vi}",
    )


def read_yaml_file(path: Path, rel: str, keep_lines: bool = False) -> object:
    """A data file's data, as `load_yaml` reads it; None when the file does not exist. A file that is not
    UTF-8 text raises DataFileError too. `rel` is how messages name the file."""
    if not path.is_file():
        return None
    text, problems = decode(rel, path.read_bytes())
    if text is None:
        raise DataFileError(rel, problems[0].line, problems[0].message, problems[0].vi)
    return load_yaml(rel, text.replace("\r\n", "\n"), keep_lines)


def check_data_text(rel: str, text: str) -> list[Problem]:
    """Every problem of one data file's text that is not about its meaning: syntax, duplicated keys,
    tabs, decomposed or invisible characters."""
    problems = check_tabs(rel, text) + check_nfc_text(rel, text) + check_invisible(rel, text)
    if not problems:
        try:
            load_yaml(rel, text)
        except DataFileError as error:
            problems.append(error.problem)
    return problems


def check_glossary(rel: str, text: str) -> list[Problem]:
    """The translation glossary's entries: a list of {vi: text, en: text, note: optional text,
    avoid: optional list of English variants}."""
    try:
        entries = load_yaml(rel, text, keep_lines=True)
    except DataFileError as error:
        return [error.problem]
    if not isinstance(entries, list):
        return [
            Problem(
                rel,
                1,
                'the glossary must be a list of entries, one per line: - {vi: "…", en: "…"}',
                vi='bảng thuật ngữ phải là một danh sách các mục, mỗi mục một dòng: - {vi: "…", en: "…"}',
            )
        ]
    problems = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        line = line_of(entries, index)
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    rel,
                    line,
                    f'entry {entry!r} is not a mapping: write - {{vi: "…", en: "…"}}',
                    vi=f'mục {entry!r} không phải một nhóm khoá: viết - {{vi: "…", en: "…"}}',
                )
            )
            continue
        for key in ("vi", "en"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"the entry has no `{key}:` text: every entry needs both the "
                        "Vietnamese term (`vi:`) and its English term (`en:`)",
                        vi=f"mục thuật ngữ thiếu `{key}:`: mỗi mục cần cả thuật ngữ tiếng Việt (`vi:`) "
                        "và thuật ngữ tiếng Anh tương ứng (`en:`)",
                    )
                )
        unknown = sorted(str(k) for k in entry if k not in ("vi", "en", "note", "avoid", LINE_KEY))
        if unknown:
            problems.append(
                Problem(
                    rel,
                    line,
                    f"unknown key(s) {', '.join(unknown)}: an entry has only `vi:`, "
                    "`en:`, an optional `note:` and an optional `avoid:` list",
                    vi=f"khoá lạ {', '.join(unknown)}: mỗi mục chỉ có `vi:`, `en:`, `note:` (không bắt "
                    "buộc) và danh sách `avoid:` (không bắt buộc)",
                )
            )
        term = entry.get("vi")
        if isinstance(term, str):
            if term.casefold() in seen:
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"the term {term!r} is already in the glossary at line "
                        f"{seen[term.casefold()]}: keep one entry",
                        vi=f"thuật ngữ «{term}» đã có trong bảng thuật ngữ ở dòng "
                        f"{seen[term.casefold()]}: chỉ giữ một mục",
                    )
                )
            seen.setdefault(term.casefold(), line)
    return problems
