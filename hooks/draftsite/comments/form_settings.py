"""Point the site at a Google Form from its «pre-filled link»: read the form's address and the
prefill id (entry.NNN) of each named field, and write them into mkdocs.yml by editing only the
lines of `extra.consultation.form` (comments and everything else stay as they are)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from draftsite.comments.consultation import FIELDS
from draftsite.messages import EditorError


class FormLinkError(EditorError):
    """A pre-filled link or a mkdocs.yml that cannot be used, with what to do (in Vietnamese, `vi`, with
    the English kept)."""


def parse_prefilled(link: str) -> tuple[str, dict[str, str]]:
    """The form's viewform address and {named field: "entry.NNN"} from a pre-filled link whose boxes were
    filled with the field names (section, label, revision, revision_date, url, lang; paragraph optional)."""
    parts = urlsplit(link.strip())
    if (
        parts.scheme != "https"
        or not parts.hostname
        or "/forms/" not in parts.path
        or not parts.path.endswith("/viewform")
    ):
        raise FormLinkError(
            f"{link!r} is not a Google Forms pre-filled link (https://docs.google.com/forms/…/viewform?…); "
            "in the form's editor use ⋮ › «Get pre-filled link», fill the boxes, and copy the link",
            vi=f"{link!r} không phải đường liên kết điền sẵn của Google Forms "
            "(https://docs.google.com/forms/…/viewform?…); trong trình soạn phiếu, chọn ⋮ › «Lấy "
            "đường liên kết điền sẵn», điền các ô, rồi sao chép đường liên kết",
        )
    fields: dict[str, str] = {}
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if not re.fullmatch(r"entry\.[0-9]+", key) or not value.strip():
            continue  # other parameters (usp=pp_url) and boxes left empty
        name = value.strip().lower()
        if name not in FIELDS:
            raise FormLinkError(
                f"the box {key} was filled with {value!r}; fill each box with the name of what it "
                f"receives: {', '.join(FIELDS)} (leave the comment box empty)",
                vi=f"ô {key} được điền {value!r}; điền vào mỗi ô đúng tên của nội dung ô đó nhận: "
                f"{', '.join(FIELDS)} (để trống ô nội dung góp ý)",
            )
        if name in fields:
            raise FormLinkError(
                f"two boxes ({fields[name]} and {key}) were filled with {name!r}; each name goes in one box",
                vi=f"hai ô ({fields[name]} và {key}) cùng được điền {name!r}; mỗi tên chỉ điền vào một ô",
            )
        fields[name] = key
    if "section" not in fields:
        raise FormLinkError(
            "no box was filled with 'section': the form must receive the section id (fill its box with "
            "the word section)",
            vi="không ô nào được điền 'section': phiếu phải nhận được mã mục (điền chữ section vào ô "
            "đó)",
        )
    url = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return url, {name: fields[name] for name in FIELDS if name in fields}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def write_form_settings(text: str, url: str, fields: dict[str, str]) -> str:
    """mkdocs.yml with `extra.consultation.form` set to the Google Form: `preset: google`, its `url` and
    its `fields`; only those lines change."""
    lines = text.split("\n")
    start = _find(lines, ("extra", "consultation", "form"))
    indent = _indent(lines[start]) + 2
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) >= indent):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # blank lines before the next key stay where they are
    block = lines[start + 1 : end]
    keys = {
        m[1]: i
        for i, line in enumerate(block)
        if _indent(line) == indent and (m := re.match(r"\s*([a-z_]+):", line))
    }

    def set_value(key: str, value: str, after: str | None) -> None:
        if key in keys:
            line = block[keys[key]]
            comment = re.search(r"\s+#.*$", line.split(":", 1)[1])
            block[keys[key]] = f"{' ' * indent}{key}: {value}{comment[0] if comment else ''}"
        else:
            position = keys[after] + 1 if after in keys else 0
            block.insert(position, f"{' ' * indent}{key}: {value}")
            for other, i in keys.items():
                if i >= position:
                    keys[other] = i + 1
            keys[key] = position

    set_value("preset", "google", None)
    set_value("url", url, "preset")
    entries = [f"{' ' * (indent + 2)}{name}: {entry}" for name, entry in fields.items()]
    if "fields" in keys:
        first = keys["fields"]
        block[first] = f"{' ' * indent}fields:"
        last = first + 1
        while last < len(block) and (not block[last].strip() or _indent(block[last]) > indent):
            last += 1
        while last > first + 1 and not block[last - 1].strip():
            last -= 1
        block[first + 1 : last] = entries
    else:
        position = keys["url"] + 1
        block[position:position] = [f"{' ' * indent}fields:"] + entries
    return "\n".join(lines[: start + 1] + block + lines[end:])


def _find(lines: list[str], path: tuple[str, ...]) -> int:
    """The line number of a nested key (`extra:` › `consultation:` › `form:`), found by indentation."""
    position, indent = -1, -1
    for key in path:
        found = None
        for i in range(position + 1, len(lines)):
            line = lines[i]
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if _indent(line) <= indent:
                break
            if re.match(rf"\s*{key}:\s*(#.*)?$", line):
                found = i
                break
        if found is None:
            raise FormLinkError(
                f"mkdocs.yml has no `{'.'.join(path)}:` block; restore it from git (see README, «Comments»)",
                vi=f"mkdocs.yml không có khối `{'.'.join(path)}:`; khôi phục khối đó từ git (xem hướng "
                "dẫn biên tập, mục 5)",
            )
        position, indent = found, _indent(lines[found])
    return position
