"""The project's own sections of mkdocs.yml (`extra.consultation`, `extra.withdrawn_drafts`), read
with the rules of the data files: a key written twice is refused, and every problem of a setting is
reported with the line of mkdocs.yml it is on. (MkDocs reads the rest of the file, and reports its
syntax errors itself, before any hook runs.)"""

from __future__ import annotations

import yaml

from draftsite.checks.data_files import DataFileError, LinedDict, construct_node, line_of

CONFIG_FILE = "mkdocs.yml"
EDITOR_KEYS = ("consultation", "withdrawn_drafts")  # the blocks of `extra:` that editors edit


def read_editor_settings(text: str, rel: str = CONFIG_FILE) -> LinedDict:
    """The editors' blocks of `extra:` as {key: data}, their mappings and lists knowing their lines
    (`line_of`), from the text of mkdocs.yml. A key written twice raises DataFileError with its line."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise DataFileError(
            rel,
            mark.line + 1 if mark else 1,
            f"YAML syntax error ({error.problem}); compare this "
            "line with the lines around it (indentation, colons, quotes)",
            vi=f"lỗi cú pháp YAML ({error.problem}); so sánh dòng này với các dòng xung quanh (thụt "
            "lề, dấu hai chấm, dấu ngoặc kép)",
        ) from None
    settings = LinedDict()
    settings.line, settings.key_lines = 1, {}
    extra = _value_node(root, "extra", rel)
    if extra is None:
        return settings
    settings.line = extra.start_mark.line + 1
    for key in EDITOR_KEYS:
        node = _value_node(extra, key, rel, f"extra.{key}")
        if node is None:
            continue
        try:
            settings[key] = construct_node(rel, node)
        except DataFileError as error:
            raise DataFileError(
                rel,
                error.problem.line,
                f"in extra.{key}: {error.problem.message}",
                vi=f"trong extra.{key}: {error.problem.vi or error.problem.message}",
            ) from None
        except yaml.YAMLError as error:
            plain = " ".join(str(error).split())
            raise DataFileError(
                rel,
                node.start_mark.line + 1,
                f"extra.{key}: {plain}; write plain values (texts, dates, lists, mappings)",
                vi=f"extra.{key}: {plain}; chỉ viết giá trị thường (chữ, ngày, danh sách, nhóm "
                "khoá)",
            ) from None
        settings.key_lines[key] = next(
            k.start_mark.line + 1 for k, _ in extra.value if k.value == key
        )
    return settings


def _value_node(mapping: yaml.Node | None, key: str, rel: str, where: str = "") -> yaml.Node | None:
    """The node of `key` in a mapping node (None when absent or not a mapping); a key written twice
    raises DataFileError, naming `where` (the key's dotted path)."""
    if not isinstance(mapping, yaml.MappingNode):
        return None
    found = [(k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value == key]
    if len(found) > 1:
        first, second = (k.start_mark.line + 1 for k, _ in found[:2])
        raise DataFileError(
            rel,
            second,
            f"the key `{where or key}` appears twice (first at line {first}); the second "
            "silently replaces the first: keep one of them",
            vi=f"khoá `{where or key}` xuất hiện hai lần (lần đầu ở dòng {first}); khoá sau sẽ lặng lẽ "
            "đè khoá trước: chỉ giữ một",
        )
    return found[0][1] if found else None


def key_line(settings: LinedDict, dotted: str) -> int:
    """The line of a dotted key ("extra.consultation.form.url") in the settings read above: the line of
    the deepest part of the path that is written in the file (the block, when the key is missing)."""
    parts = dotted.split(".")
    if parts[0] == "extra":
        parts = parts[1:]
    container: object = settings
    line = line_of(settings)
    for part in parts:
        if not isinstance(container, dict) or part not in container:
            break
        line = line_of(container, part, line)
        container = container[part]
    return line
