"""The editors' responses to the comments received («tiếp thu, giải trình»), one entry per section
and question, read from docs/data/tiep-thu-giai-trinh.yml and validated with file and line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from draftsite.checks.data_files import (
    LINE_KEY,
    DataFileError,
    kind_of,
    kind_of_vi,
    line_of,
    read_yaml_file,
)
from draftsite.messages import EditorError

DECISIONS = (
    "tiep-thu",
    "tiep-thu-mot-phan",
    "giai-trinh",
)  # accepted / partly accepted / explained, not accepted
KEYS = {"section", "draft", "asked", "decision", "explanation", "changed_in"}
REQUIRED = ("section", "draft", "asked", "decision", "explanation")


class ResponseError(EditorError):
    """A problem in the responses file, with file, line and field (in Vietnamese, `vi`, with the English
    kept)."""


@dataclass(frozen=True)
class Response:
    """The editors' response to the comments on one section of one draft."""

    section: str
    draft: str  # the draft commented on, YYYY-MM-DD
    asked: dict[str, str]  # what was asked, in the editors' words: vi, en
    decision: str  # one of DECISIONS
    explanation: dict[str, str]
    changed_in: str | None  # the draft in which the change landed, YYYY-MM-DD
    line: int


def load_responses(
    path: Path, sections: set[str], drafts: set[str], name: str | None = None
) -> list[Response]:
    """Read and validate the responses; `sections` are the known section ids, `drafts` the known draft
    dates; `name` is how messages name the file (default: its path)."""
    name = name or path.as_posix()
    try:
        raw = read_yaml_file(path, name, keep_lines=True)
    except DataFileError as error:
        raise ResponseError(error.english, vi=error.vi) from None
    if raw is None:
        return []
    if not isinstance(raw, dict) or not isinstance(raw.get("responses"), list):
        found = (
            kind_of(raw.get("responses"))
            if isinstance(raw, dict) and "responses" in raw
            else kind_of(raw)
        )
        found_vi = (
            kind_of_vi(raw.get("responses"))
            if isinstance(raw, dict) and "responses" in raw
            else kind_of_vi(raw)
        )
        raise ResponseError(
            f"{name}:{line_of(raw, 'responses')}: the file must hold a `responses:` list, not {found}; "
            "write `responses: []` and add one item per response (see the example at its top)",
            vi=f"{name}:{line_of(raw, 'responses')}: tệp phải có danh sách `responses:`, không phải "
            f"{found_vi}; viết `responses: []` rồi thêm mỗi nội dung tiếp thu, giải trình một mục (xem "
            "mẫu ở đầu tệp)",
        )
    entries = raw["responses"]
    return [
        _response(name, entry, line_of(entries, index), sections, drafts)
        for index, entry in enumerate(entries)
    ]


def _response(
    name: str, entry: object, line: int, sections: set[str], drafts: set[str]
) -> Response:
    where = f"{name}:{line}"
    if not isinstance(entry, dict):
        raise ResponseError(
            f"{where}: the item is {kind_of(entry)}; every item of `responses:` must be a mapping "
            "(section, draft, asked, decision, explanation)",
            vi=f"{where}: mục này là {kind_of_vi(entry)}; mỗi mục của `responses:` phải là một nhóm "
            "khoá (section, draft, asked, decision, explanation)",
        )
    for key in REQUIRED:
        if key not in entry:
            raise ResponseError(
                f"{where}: field `{key}` is missing; every response needs {', '.join(REQUIRED)}",
                vi=f"{where}: thiếu trường `{key}`; mỗi nội dung tiếp thu, giải trình cần có "
                f"{', '.join(REQUIRED)}",
            )
    unknown = set(entry) - KEYS - {LINE_KEY}
    if unknown:
        raise ResponseError(
            f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}; allowed: {', '.join(sorted(KEYS))}",
            vi=f"{where}: trường lạ {', '.join(sorted(map(str, unknown)))}; các trường được dùng: "
            f"{', '.join(sorted(KEYS))}",
        )
    section = entry["section"]
    if not isinstance(section, str) or section not in sections:
        raise ResponseError(
            f"{where}: field `section`: {section!r} is not a section id of the draft; copy the id "
            "from the section's heading ({ #… }) or use du-thao for the whole draft",
            vi=f"{where}: trường `section`: {section!r} không phải mã mục của bản dự thảo; sao chép mã "
            "mục từ tiêu đề của mục ({ #… }), hoặc dùng du-thao cho cả bản dự thảo",
        )
    draft = _draft(where, "draft", entry["draft"], drafts)
    decision = entry["decision"]
    if not isinstance(decision, str) or decision not in DECISIONS:
        raise ResponseError(
            f"{where}: field `decision`: {decision!r} is not a decision; use tiep-thu (tiếp thu), "
            "tiep-thu-mot-phan (tiếp thu một phần) or giai-trinh (giải trình, không tiếp thu)",
            vi=f"{where}: trường `decision`: {decision!r} không phải hướng xử lý; dùng tiep-thu (tiếp "
            "thu), tiep-thu-mot-phan (tiếp thu một phần) hoặc giai-trinh (giải trình, không tiếp thu)",
        )
    changed_in = None
    if entry.get("changed_in") is not None:
        changed_in = _draft(where, "changed_in", entry["changed_in"], drafts)
        if changed_in <= draft:
            raise ResponseError(
                f"{where}: field `changed_in`: {changed_in} is not after the draft commented on ({draft}); "
                "name the later draft in which the change landed",
                vi=f"{where}: trường `changed_in`: {changed_in} không sau bản dự thảo được góp ý "
                f"({draft}); ghi ngày của bản dự thảo sau, trong đó đã có thay đổi",
            )
    return Response(
        section,
        draft,
        _texts(where, "asked", entry["asked"]),
        decision,
        _texts(where, "explanation", entry["explanation"]),
        changed_in,
        line,
    )


def _draft(where: str, key: str, value: object, drafts: set[str]) -> str:
    if not isinstance(value, (str, int, dt.date)) or isinstance(value, bool):
        raise ResponseError(
            f"{where}: field `{key}`: {kind_of(value)} is not a date; write the draft's date as "
            f"YYYY-MM-DD, one of: {', '.join(sorted(drafts))}",
            vi=f"{where}: trường `{key}`: {kind_of_vi(value)} không phải một ngày; viết ngày của bản "
            f"dự thảo dạng YYYY-MM-DD, một trong: {', '.join(sorted(drafts))}",
        )
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    if text not in drafts:
        raise ResponseError(
            f"{where}: field `{key}`: {text!r} is not a draft of this repository; use the date of the draft the comment was made on, one of: "
            f"{', '.join(sorted(drafts))}",
            vi=f"{where}: trường `{key}`: {text!r} không phải một bản dự thảo của kho này; dùng ngày của "
            f"bản dự thảo được góp ý, một trong: {', '.join(sorted(drafts))}",
        )
    return text


def _texts(where: str, key: str, value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(value.get(lang), str) and value[lang].strip() for lang in ("vi", "en")
    ):
        raise ResponseError(
            f"{where}: field `{key}`: needs both `vi:` and `en:` texts",
            vi=f"{where}: trường `{key}`: cần có cả `vi:` và `en:`",
        )
    return {"vi": value["vi"].strip(), "en": value["en"].strip()}
