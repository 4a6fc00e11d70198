"""The editors' responses to the comments received («tiếp thu, giải trình»), one entry per section
and question, read from docs/data/tiep-thu-giai-trinh.yml and validated with file and line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from draftsite.messages import EditorError

DECISIONS = ("tiep-thu", "tiep-thu-mot-phan", "giai-trinh")  # accepted / partly accepted / explained, not accepted
KEYS = {"section", "draft", "asked", "decision", "explanation", "changed_in"}
REQUIRED = ("section", "draft", "asked", "decision", "explanation")


class ResponseError(EditorError):
    """A problem in the responses file, with file, line and field (in Vietnamese, `vi`, with the English
    kept)."""


@dataclass(frozen=True)
class Response:
    section: str
    draft: str  # the draft commented on, YYYY-MM-DD
    asked: dict[str, str]  # what was asked, in the editors' words: vi, en
    decision: str  # one of DECISIONS
    explanation: dict[str, str]
    changed_in: str | None  # the draft in which the change landed, YYYY-MM-DD
    line: int


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A YAML loader that remembers the line of every mapping (as `__line__`)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# Read and validate the responses; `sections` are the known section ids, `drafts` the known draft
# dates; `name` is how messages name the file (default: its path).
def load_responses(path: Path, sections: set[str], drafts: set[str], name: str | None = None) -> list[Response]:
    name = name or path.as_posix()
    if not path.is_file():
        return []
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        raise ResponseError(f"{where}: YAML syntax error: {getattr(error, 'problem', error)}; fix the syntax at that line",
                            vi=f"{where}: lỗi cú pháp YAML: {getattr(error, 'problem', error)}; sửa cú pháp tại dòng "
                               "đó") from error
    if raw is None:
        return []
    if not isinstance(raw, dict) or not isinstance(raw.get("responses"), list):
        raise ResponseError(f"{name}: the file must hold a `responses:` list (see the example at its top)",
                            vi=f"{name}: tệp phải có danh sách `responses:` (xem mẫu ở đầu tệp)")
    return [_response(name, entry, sections, drafts) for entry in raw["responses"]]


def _response(name: str, entry: object, sections: set[str], drafts: set[str]) -> Response:
    if not isinstance(entry, dict):
        raise ResponseError(f"{name}: every item of `responses:` must be a mapping (section, draft, asked, decision, explanation)",
                            vi=f"{name}: mỗi mục của `responses:` phải là một nhóm khoá (section, draft, asked, "
                               "decision, explanation)")
    line = entry.get("__line__", 0)
    where = f"{name}:{line}"
    for key in REQUIRED:
        if key not in entry:
            raise ResponseError(f"{where}: field `{key}` is missing; every response needs {', '.join(REQUIRED)}",
                                vi=f"{where}: thiếu trường `{key}`; mỗi nội dung tiếp thu, giải trình cần có "
                                   f"{', '.join(REQUIRED)}")
    unknown = set(entry) - KEYS - {"__line__"}
    if unknown:
        raise ResponseError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(KEYS))}",
                            vi=f"{where}: trường lạ {', '.join(sorted(unknown))}; các trường được dùng: "
                               f"{', '.join(sorted(KEYS))}")
    section = entry["section"]
    if section not in sections:
        raise ResponseError(f"{where}: field `section`: {section!r} is not a section id of the draft; copy the id "
                            "from the section's heading ({ #… }) or use du-thao for the whole draft",
                            vi=f"{where}: trường `section`: {section!r} không phải mã mục của bản dự thảo; sao chép mã "
                               "mục từ tiêu đề của mục ({ #… }), hoặc dùng du-thao cho cả bản dự thảo")
    draft = _draft(where, "draft", entry["draft"], drafts)
    decision = entry["decision"]
    if decision not in DECISIONS:
        raise ResponseError(f"{where}: field `decision`: {decision!r} is not a decision; use tiep-thu (tiếp thu), "
                            "tiep-thu-mot-phan (tiếp thu một phần) or giai-trinh (giải trình, không tiếp thu)",
                            vi=f"{where}: trường `decision`: {decision!r} không phải hướng xử lý; dùng tiep-thu (tiếp "
                               "thu), tiep-thu-mot-phan (tiếp thu một phần) hoặc giai-trinh (giải trình, không tiếp thu)")
    changed_in = None
    if entry.get("changed_in") is not None:
        changed_in = _draft(where, "changed_in", entry["changed_in"], drafts)
        if changed_in <= draft:
            raise ResponseError(f"{where}: field `changed_in`: {changed_in} is not after the draft commented on ({draft}); "
                                "name the later draft in which the change landed",
                                vi=f"{where}: trường `changed_in`: {changed_in} không sau bản dự thảo được góp ý "
                                   f"({draft}); ghi ngày của bản dự thảo sau, trong đó đã có thay đổi")
    return Response(section, draft, _texts(where, "asked", entry["asked"]), decision,
                    _texts(where, "explanation", entry["explanation"]), changed_in, line)


def _draft(where: str, key: str, value: object, drafts: set[str]) -> str:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    if text not in drafts:
        raise ResponseError(f"{where}: field `{key}`: {text!r} is not a draft of this repository; use the date of the draft the comment was made on, one of: "
                            f"{', '.join(sorted(drafts))}",
                            vi=f"{where}: trường `{key}`: {text!r} không phải một bản dự thảo của kho này; dùng ngày của "
                               f"bản dự thảo được góp ý, một trong: {', '.join(sorted(drafts))}")
    return text


def _texts(where: str, key: str, value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) and value[lang].strip() for lang in ("vi", "en")):
        raise ResponseError(f"{where}: field `{key}`: needs both `vi:` and `en:` texts",
                            vi=f"{where}: trường `{key}`: cần có cả `vi:` và `en:`")
    return {"vi": value["vi"].strip(), "en": value["en"].strip()}
