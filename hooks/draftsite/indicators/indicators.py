"""The key indicators: load and validate the data file, check it against the official lists, and
render tables, SVG charts and downloads (CSV, JSON) for each language."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from draftsite.checks.data_files import (
    LINE_KEY,
    DataFileError,
    kind_of,
    kind_of_vi,
    line_of,
    load_yaml,
)
from draftsite.document.numbers import canonical, format_number, numbers_en, numbers_vi
from draftsite.document.sections import ID_SYNTAX, split_sections
from draftsite.fragments import render
from draftsite.messages import EditorError, EditorValueError, bilingual, english_of, vi_of
from draftsite.strings import t

# points_per_year: the yearly change of a RATE (the poverty rate falls by 2.06 points a year), which
# the Vietnamese writes in %/năm as the report does («2,06 %/năm») and the English in percentage
# points ("2.06 percentage points a year"): "2.06%/year" would be a relative change, another figure.
UNITS = (
    "percent",
    "percent_per_year",
    "points_per_year",
    "million_vnd",
    "workers",
    "district_units",
    "none",
)
COMPARATORS = ("above", "below", "at_least")
PERIODS = ("target_2020", "result_2020", "target_2025")
PERIOD_HEADINGS = {
    "target_2020": "indicators.target_2020",
    "result_2020": "indicators.result_2020",
    "target_2025": "indicators.target_2025",
}
VALUE_KEYS = {"value", "comparator", "wording", "note"}
INDICATOR_KEYS = {"id", "group", "label", "unit", "sections", *PERIODS}
_UNIT_TEXT = {
    "vi": {
        "percent": "{v} %",
        "percent_per_year": "{v} %/năm",
        "points_per_year": "{v} %/năm",
        "million_vnd": "{v} triệu đồng",
        "workers": "{v} lao động",
        "district_units": "{v} đơn vị",
        "none": "{v}",
    },
    "en": {
        "percent": "{v}%",
        "percent_per_year": "{v}%/year",
        "points_per_year": "{v} percentage points a year",
        "million_vnd": "VND {v} million",
        "workers": "{v} workers",
        "district_units": "{v} units",
        "none": "{v}",
    },
}
# The unit's text for exactly 1, where the noun is singular ("at least 1 percentage point a year").
_UNIT_TEXT_ONE = {"vi": {}, "en": {"points_per_year": "{v} percentage point a year"}}
# The downloads (CSV, JSON) of each language: their file name, and their words where they differ from
# the data's codes. The Vietnamese files speak Vietnamese: column titles and keys, units as the text
# writes them (points_per_year too is «%/năm», as the report writes «2,06 %/năm»), comparators; the
# English files keep the data's codes.
DOWNLOAD_NAME = {"vi": "chi-tieu", "en": "indicators"}
_DOWNLOAD_UNIT = {
    "vi": {
        "percent": "%",
        "percent_per_year": "%/năm",
        "points_per_year": "%/năm",
        "million_vnd": "triệu đồng",
        "workers": "lao động",
        "district_units": "đơn vị",
        "none": "",
    },
    "en": {},
}
_DOWNLOAD_COMPARATOR = {"vi": {"above": "trên", "below": "dưới", "at_least": "tối thiểu"}, "en": {}}
_CSV_COLUMNS = {
    "vi": {
        "id": "Mã chỉ tiêu",
        "group": "Nhóm",
        "label": "Chỉ tiêu",
        "unit": "Đơn vị",
        "sections": "Mục liên quan",
        "comparator": "{period}: so sánh",
        "value": "{period}: số liệu",
        "text": "{period}: lời văn, ghi chú",
    },
    "en": {
        "id": "id",
        "group": "group",
        "label": "label",
        "unit": "unit",
        "sections": "sections",
        "comparator": "{period}_comparator",
        "value": "{period}_value",
        "text": "{period}_text",
    },
}
_JSON_KEYS = {
    "vi": {
        "language": "ngon_ngu",
        "draft": "ban_du_thao",
        "indicators": "chi_tieu",
        "id": "ma",
        "group": "nhom",
        "label": "ten",
        "unit": "don_vi",
        "sections": "muc_lien_quan",
        "target_2020": "muc_tieu_2015_2020",
        "result_2020": "ket_qua_2020",
        "target_2025": "muc_tieu_2020_2025",
        "value": "so_lieu",
        "comparator": "so_sanh",
        "wording": "loi_van",
        "note": "ghi_chu",
    },
    "en": {},
}
_COMPARATOR_TEXT = {
    "vi": {"above": "trên {x}", "below": "dưới {x}", "at_least": "từ {x} trở lên", None: "{x}"},
    "en": {"above": "above {x}", "below": "below {x}", "at_least": "at least {x}", None: "{x}"},
}
_YEARS = {"2015", "2016", "2020", "2025"}
MARKER = re.compile(r"<!--\s*indicators:(?P<kind>[^\s>]*)(?P<args>[^>]*?)\s*-->")
KINDS = ("summary", "overview")


class DataError(EditorError):
    """A problem in the data file, with the file, the indicator and the field it concerns (in Vietnamese,
    `vi`, with the English kept)."""


@dataclass(frozen=True)
class Value:
    """An indicator's value for one period: a number with its comparator, or words, with a note."""

    number: Decimal | None = None
    comparator: str | None = None
    wording: dict[str, str] | None = None
    note: dict[str, str] | None = None


@dataclass(frozen=True)
class Indicator:
    """One indicator of the data file: its group, label, unit, values and the sections that discuss it."""

    id: str
    group: int
    label: dict[str, str]
    unit: str
    sections: tuple[str, ...]
    values: dict[str, Value] = field(default_factory=dict)  # by period; absent = not stated
    line: int = 0


@dataclass(frozen=True)
class IndicatorData:
    """The indicator data file, validated: its indicators and the sections holding the official lists."""

    path: str
    lists: dict[str, str]  # {"results": "p1-i", "targets": "p2-i-2"}
    indicators: tuple[Indicator, ...]


def load_indicators(
    path: Path, known_sections: set[str] | None = None, name: str | None = None
) -> IndicatorData:
    """Read and validate the data file; every problem raises DataError naming file, indicator and field."""
    name = name or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(
            f"{name}: cannot read the indicator data: {error}",
            vi=f"{name}: không đọc được tệp dữ liệu chỉ tiêu: {error}",
        ) from error
    return parse_indicators(name, text, known_sections)


def parse_indicators(name: str, text: str, known_sections: set[str] | None = None) -> IndicatorData:
    """Validate the data file's text (named `name` in messages); every problem raises DataError."""
    try:
        raw = load_yaml(name, text, keep_lines=True)
    except DataFileError as error:
        raise DataError(error.english, vi=error.vi) from error
    if not isinstance(raw, dict) or not isinstance(raw.get("indicators"), list):
        found = (
            kind_of(raw.get("indicators"))
            if isinstance(raw, dict) and "indicators" in raw
            else kind_of(raw)
        )
        found_vi = (
            kind_of_vi(raw.get("indicators"))
            if isinstance(raw, dict) and "indicators" in raw
            else kind_of_vi(raw)
        )
        raise DataError(
            f"{name}:{line_of(raw, 'indicators')}: the file must be a mapping with an `indicators:` list, "
            f"not {found}; compare it with the schema at its top",
            vi=f"{name}:{line_of(raw, 'indicators')}: tệp phải là một nhóm khoá có danh sách `indicators:`, "
            f"không phải {found_vi}; so sánh với lược đồ ở đầu tệp",
        )
    lists = raw.get("lists")
    if (
        not isinstance(lists, dict)
        or set(lists) - {LINE_KEY} != {"results", "targets"}
        or not all(isinstance(v, str) for k, v in lists.items() if k != LINE_KEY)
    ):
        raise DataError(
            f"{name}:{line_of(raw, 'lists')}: `lists:` must name the sections of the official lists as "
            "`results:` and `targets:`; write lists: {results: p1-i, targets: p2-i-2}",
            vi=f"{name}:{line_of(raw, 'lists')}: `lists:` phải ghi mã mục của các danh sách chính thức, "
            "dưới `results:` và `targets:`; viết lists: {results: p1-i, targets: p2-i-2}",
        )
    lists = {k: v for k, v in lists.items() if k != LINE_KEY}
    seen: dict[str, int] = {}
    indicators = []
    entries = raw["indicators"]
    for index, entry in enumerate(entries):
        indicator = _indicator(name, entry, line_of(entries, index), known_sections)
        if indicator.id in seen:
            raise DataError(
                f"{name}:{indicator.line}: indicator {indicator.id!r}: field `id`: duplicate id "
                f"(first at line {seen[indicator.id]}); ids must be unique",
                vi=f"{name}:{indicator.line}: chỉ tiêu {indicator.id!r}: trường `id`: mã trùng (lần đầu ở "
                f"dòng {seen[indicator.id]}); mỗi mã chỉ tiêu chỉ được dùng một lần",
            )
        seen[indicator.id] = indicator.line
        indicators.append(indicator)
    if known_sections is not None:
        for kind, section in lists.items():
            if section not in known_sections:
                raise DataError(
                    f"{name}:{line_of(raw['lists'], kind)}: `lists.{kind}`: section {section!r} does not exist "
                    "in the document; name the section that holds the official list",
                    vi=f"{name}:{line_of(raw['lists'], kind)}: `lists.{kind}`: mục {section!r} không có "
                    "trong văn bản; ghi mã của mục chứa danh sách chính thức",
                )
    return IndicatorData(name, lists, tuple(indicators))


def _indicator(name: str, entry: object, line: int, known_sections: set[str] | None) -> Indicator:
    if not isinstance(entry, dict):
        raise DataError(
            f"{name}:{line}: the item is {kind_of(entry)}; every item of `indicators:` must be a mapping "
            "of fields (id, group, label, unit, sections, …)",
            vi=f"{name}:{line}: mục này là {kind_of_vi(entry)}; mỗi mục của `indicators:` phải là một nhóm "
            "trường (id, group, label, unit, sections, …)",
        )
    ident = entry.get("id")
    where = f"{name}:{line}: indicator {ident!r}"
    where_vi = f"{name}:{line}: chỉ tiêu {ident!r}"
    for required in ("id", "group", "label", "unit", "sections"):
        if required not in entry:
            raise DataError(
                f"{where}: field `{required}` is missing; every indicator needs it",
                vi=f"{where_vi}: thiếu trường `{required}`; chỉ tiêu nào cũng cần trường này",
            )
    unknown = set(entry) - INDICATOR_KEYS - {LINE_KEY}
    if unknown:
        raise DataError(
            f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}; allowed: {', '.join(sorted(INDICATOR_KEYS))}",
            vi=f"{where_vi}: trường lạ {', '.join(sorted(map(str, unknown)))}; các trường được dùng: "
            f"{', '.join(sorted(INDICATOR_KEYS))}",
        )
    if not isinstance(ident, str) or not ID_SYNTAX.match(ident):
        raise DataError(
            f"{where}: field `id`: use lower-case ASCII letters, digits and hyphens",
            vi=f"{where_vi}: trường `id`: chỉ dùng chữ ASCII thường, chữ số và dấu gạch nối",
        )
    group = entry["group"]
    if isinstance(group, bool) or not isinstance(group, int) or not 1 <= group <= 15:
        raise DataError(
            f"{where}: field `group`: must be a whole number from 1 to 15 (the list item's number)",
            vi=f"{where_vi}: trường `group`: phải là một số nguyên từ 1 đến 15 (số thứ tự của mục trong "
            "danh sách)",
        )
    label = _texts((where, where_vi), "label", entry["label"])
    unit = entry["unit"]
    if not isinstance(unit, str) or unit not in UNITS:
        raise DataError(
            f"{where}: field `unit`: unknown unit {unit!r}; use one of {', '.join(UNITS)}",
            vi=f"{where_vi}: trường `unit`: đơn vị lạ {unit!r}; dùng một trong {', '.join(UNITS)}",
        )
    sections = entry["sections"]
    if (
        not isinstance(sections, list)
        or not sections
        or not all(isinstance(s, str) for s in sections)
    ):
        raise DataError(
            f"{where}: field `sections`: must be a list of section ids",
            vi=f"{where_vi}: trường `sections`: phải là một danh sách mã mục",
        )
    if known_sections is not None:
        for section in sections:
            if section not in known_sections:
                raise DataError(
                    f"{where}: field `sections`: section {section!r} does not exist in the document",
                    vi=f"{where_vi}: trường `sections`: mục {section!r} không có trong văn bản",
                )
    values = {
        period: _value(
            (
                f"{name}:{_line(entry[period], line)}: indicator {ident!r}: field `{period}`",
                f"{name}:{_line(entry[period], line)}: chỉ tiêu {ident!r}: trường `{period}`",
            ),
            entry[period],
        )
        for period in PERIODS
        if period in entry
    }
    return Indicator(ident, group, label, unit, tuple(sections), values, line)


def _line(value: object, default: int) -> int:
    """The line of a mapping read with its lines, else `default`."""
    return value.get(LINE_KEY, default) if isinstance(value, dict) else default


def _texts(at: tuple[str, str], key: str, value: object) -> dict[str, str]:
    """`at`: where the value is, in English and in Vietnamese."""
    where, where_vi = at
    if not isinstance(value, dict) or not all(
        isinstance(value.get(lang), str) and value.get(lang) for lang in ("vi", "en")
    ):
        raise DataError(
            f"{where}: field `{key}`: needs both `vi:` and `en:` texts",
            vi=f"{where_vi}: trường `{key}`: cần có cả `vi:` và `en:`",
        )
    return {"vi": value["vi"], "en": value["en"]}


def _value(at: tuple[str, str], raw: object) -> Value:
    where, where_vi = at
    if not isinstance(raw, dict):
        raise DataError(
            f"{where}: must be a mapping such as {{value: 11.1}} or {{wording: {{vi: …, en: …}}}}",
            vi=f"{where_vi}: phải là một nhóm khoá, ví dụ {{value: 11.1}} hoặc {{wording: {{vi: …, en: …}}}}",
        )
    unknown = set(raw) - VALUE_KEYS - {LINE_KEY}
    if "value" in raw and any(isinstance(k, int) and raw[k] is None for k in unknown):
        digits = next(k for k in unknown if isinstance(k, int))
        raise DataError(
            f"{where}.value: `{raw['value']},{digits}` has a decimal comma, which YAML reads as the number "
            f"{raw['value']} followed by a stray key `{digits}`: write decimals with a dot "
            f"({raw['value']}.{digits})",
            vi=f"{where_vi}.value: `{raw['value']},{digits}` viết phần thập phân bằng dấu phẩy, YAML sẽ đọc "
            f"thành số {raw['value']} kèm một khoá thừa `{digits}`: viết phần thập phân bằng dấu chấm "
            f"({raw['value']}.{digits})",
        )
    if unknown:
        raise DataError(
            f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; allowed: {', '.join(sorted(VALUE_KEYS))}",
            vi=f"{where_vi}: khoá lạ {', '.join(sorted(map(str, unknown)))}; các khoá được dùng: "
            f"{', '.join(sorted(VALUE_KEYS))}",
        )
    if "value" not in raw and "wording" not in raw:
        raise DataError(
            f"{where}: needs `value:` (a number) or `wording:` (the report's words)",
            vi=f"{where_vi}: cần có `value:` (một con số) hoặc `wording:` (lời văn của báo cáo)",
        )
    number = None
    if "value" in raw:
        value = raw["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise DataError(
                f"{where}.value: {value!r} is not a number; write it with a dot for decimals (11.1) "
                "and no thousands separator (21521)",
                vi=f"{where_vi}.value: {value!r} không phải một con số; viết phần thập phân bằng dấu chấm "
                "(11.1) và không dùng dấu phân cách hàng nghìn (21521)",
            )
        if value != value or value in (float("inf"), float("-inf")):
            raise DataError(
                f"{where}.value: {value!r} is not a number the report states; write the number",
                vi=f"{where_vi}.value: {value!r} không phải con số mà báo cáo nêu; viết đúng con số đó",
            )
        number = Decimal(str(value))
    comparator = raw.get("comparator")
    if comparator is not None and (
        not isinstance(comparator, str) or comparator not in COMPARATORS
    ):
        raise DataError(
            f"{where}.comparator: unknown comparator {comparator!r}; use one of {', '.join(COMPARATORS)}",
            vi=f"{where_vi}.comparator: kiểu so sánh lạ {comparator!r}; dùng một trong "
            f"{', '.join(COMPARATORS)}",
        )
    wording = _texts(at, "wording", raw["wording"]) if "wording" in raw else None
    note = _texts(at, "note", raw["note"]) if "note" in raw else None
    return Value(number, comparator, wording, note)


def format_value(value: Value | None, unit: str, lang: str) -> str:
    """A value as a reader of `lang` reads it: "từ 8 %/năm trở lên", "at least 8%/year", or the report's words."""
    if value is None:
        return t("indicators.not_stated", lang)
    if value.number is None:
        return value.wording[lang] if value.wording else ""
    template = (_UNIT_TEXT_ONE[lang].get(unit) if value.number == 1 else None) or _UNIT_TEXT[lang][
        unit
    ]
    amount = template.format(v=format_number(value.number, lang))
    return _COMPARATOR_TEXT[lang][value.comparator].format(x=amount)


def list_items(markdown: str) -> dict[int, str]:
    """The official list items "(n) …" of a section's Markdown, by n."""
    items: dict[int, str] = {}
    for paragraph in re.split(r"\n\s*\n", markdown):
        match = re.match(r"^\s*(?:- )?\((\d+)\)\s+(.*)$", paragraph.strip(), re.S)
        if match:
            items[int(match[1])] = match[2]
    return items


def check_list(
    data: IndicatorData, kind: str, markdown: str, lang: str
) -> list[tuple[int, str, str]]:
    """Differences between the official list of one section and the data (numbers and the report's words),
    as (group, what is wrong, the same in Vietnamese)."""
    periods = ("target_2020", "result_2020") if kind == "results" else ("target_2025",)
    read = numbers_vi if lang == "vi" else numbers_en
    items = list_items(markdown)
    problems = []
    for group in range(1, 16):
        members = [i for i in data.indicators if i.group == group]
        text = items.get(group)
        if text is None:
            problems.append(
                (
                    group,
                    f"list item ({group}) is missing from section {data.lists[kind]}",
                    f"mục ({group}) của danh sách không có trong mục {data.lists[kind]}",
                )
            )
            continue
        ignored = set(_YEARS)
        for indicator in members:
            ignored |= set(read(indicator.label[lang]))
        in_list = read(text)
        for number in ignored:
            in_list.pop(number, None)
        in_data = {}
        for indicator in members:
            for period in periods:
                value = indicator.values.get(period)
                if value and value.number is not None:
                    key = canonical(value.number)
                    in_data[key] = in_data.get(key, 0) + 1
                for words in (value.wording, value.note) if value else ():
                    if lang == "vi" and words and words["vi"].casefold() not in text.casefold():
                        problems.append(
                            (
                                group,
                                f"group {group} ({indicator.id}): field `{period}`: the words "
                                f"{words['vi']!r} are not in list item ({group})",
                                f"nhóm {group} ({indicator.id}): trường `{period}`: lời văn «{words['vi']}» "
                                f"không có trong mục ({group}) của danh sách",
                            )
                        )
        for number in sorted(set(in_list) | set(in_data)):
            have, want = in_list.get(number, 0), in_data.get(number, 0)
            if number in ignored:
                continue
            if have > want:
                problems.append(
                    (
                        group,
                        f"group {group}: list item ({group}) says {number} but no indicator of "
                        f"the group has that value in {'/'.join(periods)}",
                        f"nhóm {group}: mục ({group}) của danh sách ghi {number} nhưng không chỉ tiêu nào của "
                        f"nhóm có giá trị đó trong {'/'.join(periods)}",
                    )
                )
            elif want > have:
                problems.append(
                    (
                        group,
                        f"group {group}: the data has {number} in {'/'.join(periods)} but list "
                        f"item ({group}) does not say it",
                        f"nhóm {group}: tệp dữ liệu có {number} trong {'/'.join(periods)} nhưng mục "
                        f"({group}) của danh sách không ghi số đó",
                    )
                )
    return problems


def parse_groups(args: str) -> set[int] | None:
    """The groups a marker's options select (`groups=1-5,7`), None for every group; a malformed option
    raises ValueError saying what to write."""
    args = args.strip()
    if not args:
        return None
    match = re.fullmatch(r"groups=(\S+)", args)
    if not match:
        raise EditorValueError(
            f"unknown marker option {args!r}; the only option is groups=1-5,7",
            vi=f"tuỳ chọn lạ {args!r} của dấu hiệu; tuỳ chọn duy nhất là groups=1-5,7",
        )
    groups: set[int] = set()
    for part in match[1].split(","):
        bounds = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        if not bounds:
            raise EditorValueError(
                f"groups={match[1]}: {part!r} is not a group number or a range; write the group "
                "numbers separated by single commas, ranges with a hyphen: groups=1-5,7",
                vi=f"groups={match[1]}: {part!r} không phải số nhóm hay khoảng số; viết các số nhóm "
                "cách nhau bằng một dấu phẩy, khoảng số bằng dấu gạch nối: groups=1-5,7",
            )
        groups |= set(range(int(bounds[1]), int(bounds[2] or bounds[1]) + 1))
    return groups


def check_markers(rel: str, text: str, data: IndicatorData) -> list[str]:
    """Problems of the indicator markers of one page's Markdown ("file:line: …"): unknown kind, bad
    options, a selection with no indicator."""
    problems = []
    for match in MARKER.finditer(text):
        where = f"{rel}:{text.count(chr(10), 0, match.start()) + 1}: marker {match[0]!r}"
        where_vi = f"{rel}:{text.count(chr(10), 0, match.start()) + 1}: dấu hiệu {match[0]!r}"
        if match["kind"] not in KINDS:
            known = ", ".join(f"<!-- indicators:{k} -->" for k in KINDS)
            problems.append(
                bilingual(
                    f"{where}: unknown indicator marker {match['kind']!r}; use one of: {known}",
                    f"{where_vi}: loại dấu hiệu chỉ tiêu lạ {match['kind']!r}; dùng một trong: {known}",
                )
            )
            continue
        try:
            groups = parse_groups(match["args"])
        except ValueError as error:
            problems.append(
                bilingual(f"{where}: {english_of(error)}", f"{where_vi}: {vi_of(error)}")
            )
            continue
        if not select(data, groups):
            problems.append(
                bilingual(
                    f"{where}: the marker selects no indicator in {data.path}; check its groups=…",
                    f"{where_vi}: dấu hiệu không chọn được chỉ tiêu nào trong {data.path}; kiểm tra "
                    "groups=…",
                )
            )
    return problems


def check_official_lists(rel: str, text: str, data: IndicatorData, lang: str) -> list[str]:
    """Differences between the official lists written in one page and the data ("file:line: …")."""
    if not any(f"#{section_id}" in text for section_id in data.lists.values()):
        return []
    sections = {s.id: s for s in split_sections(text)}
    problems = []
    for kind, section_id in data.lists.items():
        if section_id in sections:
            section = sections[section_id]
            for group, problem, problem_vi in check_list(data, kind, "\n".join(section.body), lang):
                item = next(
                    (
                        n
                        for n, line in enumerate(section.body, start=section.line + 1)
                        if re.match(rf"^\s*(?:- )?\({group}\)\s", line)
                    ),
                    section.line,
                )
                problems.append(
                    bilingual(
                        f"{rel}:{item}: §{section_id} list item ({group}) vs {data.path}: {problem}",
                        f"{rel}:{item}: §{section_id} mục ({group}) của danh sách so với "
                        f"{data.path}: {problem_vi}",
                    )
                )
    return problems


def select(data: IndicatorData, groups: set[int] | None) -> list[Indicator]:
    """Indicators whose group is in `groups` (all when None)."""
    return [i for i in data.indicators if groups is None or i.group in groups]


def render_table(
    indicators: list[Indicator],
    lang: str,
    section_links: dict[str, tuple[str, str]] | None = None,
    name: str = "",
) -> str:
    """The comparison table (indicator | target 2015–2020 | result 2020 | target 2025 [| sections]):
    overrides/fragments/indicator-table.html."""
    rows = []
    previous_group = None
    for indicator in indicators:
        cells = []
        for period in PERIODS:
            value = indicator.values.get(period)
            kind = (
                "indicator-empty"
                if value is None
                else ("indicator-words" if value.number is None else "indicator-number")
            )
            cells.append(
                {
                    "kind": kind,
                    "period": period,
                    "heading": t(PERIOD_HEADINGS[period], lang),
                    "text": format_value(value, indicator.unit, lang),
                    "note": value.note[lang] if value and value.note else "",
                }
            )
        links = (
            None
            if section_links is None
            else [section_links[s] for s in indicator.sections if s in section_links]
        )
        rows.append(
            {
                "id": indicator.id,
                "group": indicator.group,
                "first": indicator.group != previous_group,
                "label": indicator.label[lang],
                "cells": cells,
                "links": links,
            }
        )
        previous_group = indicator.group
    head = [t(k, lang) for k in ("indicators.indicator", *PERIOD_HEADINGS.values())]
    head += [t("indicators.discussed_in", lang)] if section_links is not None else []
    text = {
        key: t(f"indicators.{key}", lang) for key in ("chart_title", "generated", "discussed_in")
    }
    return render("indicator-table.html", name=name, head=head, rows=rows, text=text)


def _wrap(text: str, width: int) -> list[str]:
    """Words of a label cut into lines of at most `width` characters."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


# A generous average width of a character of the chart's 10px text, to keep the values inside it.
_CHAR_WIDTH = 5.6


def render_chart(indicators: list[Indicator], lang: str, chart_id: str) -> str:
    """An SVG bar chart of the numeric indicators (overrides/fragments/indicator-chart.html: one row per
    indicator, own scale per row), no JavaScript; wider than 360 only when a value's text would not fit
    ("2.06 percentage points a year")."""
    rows = [
        i
        for i in indicators
        if i.unit != "none" and sum(1 for v in i.values.values() if v.number is not None) >= 1
    ]
    width, bar_x, bar_max, bar_h = 360, 4, 230, 9
    series = [(p, f"s-{p.replace('_', '-')}", t(PERIOD_HEADINGS[p], lang)) for p in PERIODS]
    shapes = []
    right = 0.0  # where the longest value text ends
    y = 6
    # Legend: one swatch per series (outline, solid, hatched: not colour alone).
    for index, (_, css, name) in enumerate(series):
        shapes.append(
            {
                "kind": "legend",
                "css": css,
                "hatched": css == "s-target-2025",
                "y": y + index * 16,
                "width": 22,
                "text_x": bar_x + 28,
                "text_y": y + index * 16 + 8,
                "text": name,
            }
        )
    y += len(series) * 16 + 10
    for indicator in rows:
        for line in _wrap(f"({indicator.group}) {indicator.label[lang]}", 58):
            y += 13
            shapes.append({"kind": "label", "y": y, "text": line})
        y += 5
        numbers = [v.number for v in indicator.values.values() if v.number is not None]
        top = max(numbers) if numbers else Decimal(1)
        for period, css, _ in series:
            value = indicator.values.get(period)
            if value is not None and value.number is not None:
                length = float(value.number / top) * bar_max if top else 0
                text = format_value(value, indicator.unit, lang)
                right = max(right, bar_x + length + 4 + len(text) * _CHAR_WIDTH)
                shapes.append(
                    {
                        "kind": "value",
                        "css": css,
                        "hatched": period == "target_2025",
                        "y": y,
                        "width": f"{length:.1f}",
                        "text_x": f"{bar_x + length + 4:.1f}",
                        "text_y": y + 8,
                        "text": text,
                    }
                )
            y += bar_h + 3
        y += 8
    summary = "; ".join(
        f"({i.group}) {i.label[lang]}: "
        + ", ".join(
            f"{t(PERIOD_HEADINGS[p], lang)} {format_value(i.values[p], i.unit, lang)}"
            for p in PERIODS
            if p in i.values
        )
        for i in rows
    )
    return render(
        "indicator-chart.html",
        id=chart_id,
        width=max(width, math.ceil(right + 4)),
        height=y + 4,
        x=bar_x,
        bar_height=bar_h,
        shapes=shapes,
        title=t("indicators.chart_title", lang),
        summary=summary,
    )


def render_downloads(lang: str, page_url: str) -> str:
    """Links to the downloads, relative to the page at `page_url` ("phan-thu-nhat/")."""
    return render(
        "indicator-downloads.html",
        text=t("indicators.download", lang),
        up="../" * page_url.count("/"),
        name=DOWNLOAD_NAME[lang],
    )


def download_unit(unit: str, lang: str) -> str:
    """The unit as the downloads of `lang` write it."""
    return _DOWNLOAD_UNIT[lang].get(unit, unit)


def download_comparator(comparator: str | None, lang: str) -> str:
    """The comparator as the downloads of `lang` write it ("" when none)."""
    return _DOWNLOAD_COMPARATOR[lang].get(comparator, comparator) if comparator else ""


def _json_key(name: str, lang: str) -> str:
    """A key of the JSON download in `lang`."""
    return _JSON_KEYS[lang].get(name, name)


def _value_record(value: Value | None, lang: str) -> dict | None:
    if value is None:
        return None
    record: dict = {}
    if value.number is not None:
        record[_json_key("value", lang)] = (
            float(value.number) if value.number % 1 else int(value.number)
        )
    if value.comparator:
        record[_json_key("comparator", lang)] = download_comparator(value.comparator, lang)
    if value.wording:
        record[_json_key("wording", lang)] = value.wording[lang]
    if value.note:
        record[_json_key("note", lang)] = value.note[lang]
    return record


def to_json(data: IndicatorData, lang: str, draft: dict | None = None) -> str:
    """The data as JSON for one language (numbers as JSON numbers, UTF-8 text, not \\\\u escapes)."""

    def key(name: str) -> str:
        return _json_key(name, lang)

    records = [
        {
            key("id"): i.id,
            key("group"): i.group,
            key("label"): i.label[lang],
            key("unit"): download_unit(i.unit, lang),
            key("sections"): list(i.sections),
            **{key(p): _value_record(i.values.get(p), lang) for p in PERIODS},
        }
        for i in data.indicators
    ]
    return json.dumps(
        {key("language"): lang, key("draft"): draft or {}, key("indicators"): records},
        ensure_ascii=False,
        indent=1,
    )


def csv_header(lang: str) -> list[str]:
    """The CSV's column titles in `lang`."""
    columns = _CSV_COLUMNS[lang]
    header = [columns["id"], columns["group"], columns["label"], columns["unit"]]
    for period in PERIODS:
        name = t(PERIOD_HEADINGS[period], lang) if lang == "vi" else period
        header += [columns[kind].format(period=name) for kind in ("comparator", "value", "text")]
    return header + [columns["sections"]]


def to_csv(data: IndicatorData, lang: str) -> bytes:
    """The data as CSV that Excel opens correctly: UTF-8 with BOM; "vi" uses ";" and decimal commas."""
    delimiter = ";" if lang == "vi" else ","
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(csv_header(lang))
    for indicator in data.indicators:
        row = [
            indicator.id,
            indicator.group,
            indicator.label[lang],
            download_unit(indicator.unit, lang),
        ]
        for period in PERIODS:
            value = indicator.values.get(period)
            number = "" if value is None or value.number is None else format(value.number, "f")
            if lang == "vi":
                number = number.replace(".", ",")
            words = ""
            if value is not None:
                words = "; ".join(w[lang] for w in (value.wording, value.note) if w)
            row += [
                "" if value is None else download_comparator(value.comparator, lang),
                number,
                words,
            ]
        writer.writerow(row + [" ".join(indicator.sections)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
