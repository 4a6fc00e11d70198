"""Issue 28: a broken data file never ends in a traceback. For every data file the site reads
(docs/data/*.yml) and the project's own sections of mkdocs.yml (`extra.consultation`,
`extra.withdrawn_drafts`), a YAML syntax error, a value of the wrong type and a key written twice
stop `mkdocs build --strict` with one line that names the file, the line and what to do.

The real build is run on a copy of the tests' project for each mistake; a faster test replaces every
value of each file, one at a time, by values of other types and reads it with the function the build
uses, which must name the file and the line, never crash."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_CONFIG, FIXTURE_DOCS, run_build

from draftsite.checks.data_files import DataFileError, check_data_text, check_glossary, load_yaml
from draftsite.checks.settings_file import key_line, read_editor_settings
from draftsite.comments.comment_import import CommentImportError, export_columns, parse_ledger
from draftsite.comments.consultation import ConfigError, load_consultation, load_withdrawn_drafts
from draftsite.comments.guide_links import GuideError, parse_guide_links
from draftsite.document.model import load_document
from draftsite.indicators.indicators import DataError, parse_indicators
from draftsite.outcome.responses import ResponseError, load_responses
from draftsite.revisions.revisions import load_retired_ids
from draftsite.translation.glossary import parse_glossary
from draftsite.translation.percentage_points import load_exceptions
from draftsite.translation.translation_memory import load_memory

DRAFT = "2020-03-31"  # the draft of the tests' project
# Valid contents for the files the tests' project does not have (or has empty).
COUNTS = (
    'sources:\n  "abc123":\n    rows: 2\n    digest: "0f0f"\n    counts:\n      "2020-03-31":\n'
    "        p1-i: 2\n    rejected: {}\n"
)
RETIRED = "p1-cu:\n  status: merged\n  into: p1-i\n"
RESPONSES = (
    'responses:\n  - section: p1-i\n    draft: 2020-03-31\n    asked: {vi: "Bổ sung số liệu.", en: "Add figures."}\n'
    '    decision: tiep-thu\n    explanation: {vi: "Đã bổ sung.", en: "Added."}\n'
)
EXCEPTIONS = '- {section: p1-i, vi: "Giảm tỷ lệ hộ nghèo", reason: "a level"}\n'


def fixture_text(rel: str) -> str:
    return (FIXTURE_CONFIG if rel == "mkdocs.yml" else FIXTURE_DOCS.parent / rel).read_text("utf-8")


def swap(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def line_with(text: str, marker: str) -> int:
    """The number of the first line of `text` that contains `marker`."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if marker in line)


@dataclass(frozen=True)
class Broken:
    file: str  # from the project's root
    kind: str  # "syntax", "type" or "duplicate"
    text: str  # the whole broken file
    marker: str  # a text on the line the message must name
    words: tuple[str, ...]  # what the message must say, on that same line

    @property
    def line(self) -> int:
        return line_with(self.text, self.marker)


CI, GL, GY = "docs/data/chi-tieu.yml", "docs/data/glossary.yml", "docs/data/goi-y-lien-ket.yml"
TT, TM, GOP = (
    "docs/data/tiep-thu-giai-trinh.yml",
    "docs/data/translation-memory.yml",
    "docs/data/gop-y.yml",
)
MM, DP, MK = "docs/data/ma-muc-da-bo.yml", "docs/data/diem-phan-tram.yml", "mkdocs.yml"
TINH_UY = '- {vi: "Tỉnh ủy", en: "Provincial Party Committee"}'
MEMORY = fixture_text(TM)
POINTS = fixture_text(DP)
CONFIG = fixture_text(MK)
APPEARS_TWICE = ("appears twice", "keep one of them")

BROKEN = [
    Broken(
        CI,
        "syntax",
        swap(fixture_text(CI), "  - id: grdp-growth\n", "  - id: grdp-growth: tăng trưởng\n"),
        "grdp-growth: tăng",
        ("YAML syntax error", "must be in quotes"),
    ),
    Broken(
        CI,
        "type",
        swap(fixture_text(CI), "sections: [p1-i, p1-ii-1-2, p2-i-2]", "sections: p1-i"),
        "- id: grdp-growth",
        ("field `sections`", "must be a list of section ids"),
    ),
    Broken(
        CI,
        "duplicate",
        swap(fixture_text(CI), "    group: 1\n", "    group: 1\n    group: 2\n"),
        "group: 2",
        ("`group` appears twice", "keep one of them"),
    ),
    Broken(
        GL,
        "syntax",
        swap(fixture_text(GL), TINH_UY, '- {vi: "Tỉnh ủy": x, en: "Provincial Party Committee"}'),
        '"Tỉnh ủy": x',
        ("YAML syntax error", "commas between its entries"),
    ),
    Broken(
        GL,
        "type",
        swap(fixture_text(GL), TINH_UY, TINH_UY[:-1] + ', avoid: "Provincial Committee"}'),
        'avoid: "Provincial Committee"',
        ("`avoid:` must be a list of English variants",),
    ),
    Broken(
        GL,
        "duplicate",
        swap(fixture_text(GL), TINH_UY, TINH_UY[:-1] + ', en: "Party Committee"}'),
        '"Party Committee"}',
        ("`en` appears twice", "keep one of them"),
    ),
    Broken(
        GY,
        "syntax",
        swap(fixture_text(GY), "gy-p2: [[p2-boi-canh]]", "gy-p2: Bối cảnh: [[p2-boi-canh]]"),
        "gy-p2:",
        ("YAML syntax error", "must be in quotes"),
    ),
    Broken(
        GY,
        "type",
        swap(fixture_text(GY), "gy-p2: [[p2-boi-canh]]", "gy-p2: p2-boi-canh"),
        "gy-p2:",
        ("write one list of report section ids per item",),
    ),
    Broken(
        GY,
        "duplicate",
        fixture_text(GY) + "gy-p2: [[p2-i-1]]\n",
        "gy-p2: [[p2-i-1]]",
        APPEARS_TWICE,
    ),
    Broken(
        TT,
        "syntax",
        swap(RESPONSES, "decision: tiep-thu", "decision: tiep-thu: đồng ý"),
        "decision:",
        ("YAML syntax error", "must be in quotes"),
    ),
    Broken(
        TT,
        "type",
        swap(RESPONSES, "section: p1-i", "section: [p1-i]"),
        "section:",
        ("field `section`", "copy the id from the section's heading"),
    ),
    Broken(
        TT,
        "duplicate",
        swap(
            RESPONSES,
            "    decision: tiep-thu\n",
            "    decision: tiep-thu\n    decision: giai-trinh\n",
        ),
        "giai-trinh",
        ("`decision` appears twice", "keep one of them"),
    ),
    Broken(
        TM,
        "syntax",
        MEMORY + '- vi: phát huy dân chủ: đoàn kết\n  en: "democracy"\n',
        "- vi: phát huy dân chủ:",
        ("YAML syntax error", "must be in quotes"),
    ),
    Broken(
        TM,
        "type",
        MEMORY + '- vi: [phát huy dân chủ, đoàn kết]\n  en: "democracy"\n',
        "- vi: [phát huy",
        ("entry has no `vi:` text", "give every formula its Vietnamese words"),
    ),
    Broken(
        TM,
        "duplicate",
        MEMORY + '- vi: "phát huy dân chủ, đoàn kết"\n  vi: "đoàn kết"\n  en: "solidarity"\n',
        '  vi: "đoàn kết"',
        APPEARS_TWICE,
    ),
    Broken(
        GOP,
        "syntax",
        swap(COUNTS, "rows: 2", "rows: 2: 3"),
        "rows: 2: 3",
        ("YAML syntax error", "restore it from git"),
    ),
    Broken(
        GOP,
        "type",
        swap(COUNTS, "p1-i: 2", "p1-i: hai"),
        "p1-i: hai",
        ("'hai' is not a count", "restore the file from git"),
    ),
    Broken(
        GOP,
        "duplicate",
        swap(COUNTS, "        p1-i: 2\n", "        p1-i: 2\n        p1-i: 3\n"),
        "p1-i: 3",
        APPEARS_TWICE,
    ),
    Broken(
        MM,
        "syntax",
        swap(RETIRED, "status: merged", "status: merged: p1-i"),
        "status:",
        ("YAML syntax error", "must be in quotes"),
    ),
    Broken(
        MM,
        "type",
        swap(RETIRED, "into: p1-i", "into: [p1-i]"),
        "into:",
        ("`into:` is a list", "write `into: <section id>`"),
    ),
    Broken(
        MM,
        "duplicate",
        RETIRED + "p1-cu: {status: removed, into: p1-ii}\n",
        "{status: removed",
        APPEARS_TWICE,
    ),
    Broken(
        DP,
        "syntax",
        POINTS + "- section: p1-i: Giảm tỷ lệ\n",
        "- section: p1-i:",
        ("YAML syntax error", "must be in quotes"),
    ),
    Broken(
        DP,
        "type",
        POINTS + '- {section: p1-i, vi: [Giảm tỷ lệ hộ nghèo], reason: "a level"}\n',
        "vi: [Giảm",
        ("the entry has no `vi:` text", "give the section id"),
    ),
    Broken(
        DP,
        "duplicate",
        POINTS + '- {section: p1-i, vi: "Giảm tỷ lệ hộ nghèo", reason: "a", reason: "b"}\n',
        'reason: "b"',
        APPEARS_TWICE,
    ),
    Broken(
        MK, "syntax", swap(CONFIG, 'closes: "2027-01-15"', 'closes: "2027-01-15": x'), "closes:", ()
    ),
    Broken(
        MK,
        "type",
        swap(CONFIG, 'opens: "2026-11-20"', 'opens: ["2026-11-20"]'),
        "opens:",
        ("extra.consultation.opens", "is not a date; write it as YYYY-MM-DD"),
    ),
    Broken(
        MK,
        "duplicate",
        swap(CONFIG, 'opens: "2026-11-20"', 'opens: "2026-11-20"\n    opens: "2026-11-21"'),
        'opens: "2026-11-21"',
        ("`opens` appears twice", "extra.consultation", "keep one of them"),
    ),
    Broken(
        MK,
        "withdrawn syntax",
        swap(CONFIG, "extra:\n", 'extra:\n  withdrawn_drafts: ["2020-01-01"\n'),
        "withdrawn_drafts",
        (),
    ),
    Broken(
        MK,
        "withdrawn type",
        swap(CONFIG, "extra:\n", 'extra:\n  withdrawn_drafts: "2020-01-01"\n'),
        "withdrawn_drafts",
        ("extra.withdrawn_drafts", "is not a list", 'withdrawn_drafts: ["2020-03-31"]'),
    ),
    Broken(
        MK,
        "withdrawn duplicate",
        swap(
            CONFIG,
            "extra:\n",
            'extra:\n  withdrawn_drafts: ["2020-01-01"]\n  withdrawn_drafts: ["2020-01-02"]\n',
        ),
        '"2020-01-02"',
        ("`extra.withdrawn_drafts` appears twice", "keep one of them"),
    ),
]


def broken_id(case: Broken) -> str:
    return f"{Path(case.file).name} {case.kind}"


@pytest.mark.parametrize("case", BROKEN, ids=[broken_id(c) for c in BROKEN])
def test_a_broken_data_file_stops_the_build_on_one_line_with_file_and_line(project_copy, case):
    (project_copy / case.file).write_text(case.text, encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{broken_id(case)}: the build went on:\n{output[-2000:]}"
    assert "Traceback" not in output and "<unicode string>" not in output, output[-3000:]
    if "syntax" in case.kind and case.file == MK:
        # MkDocs reads mkdocs.yml before any hook runs: its own message names the file and the line.
        assert re.search(rf'mkdocs\.yml", line {case.line}\b', output), output[-2000:]
        return
    place = f"{case.file}:{case.line}: "
    lines = [line for line in output.splitlines() if place in line]
    assert lines, f"no line names {place.strip()}:\n{output[-3000:]}"
    assert any(all(word in line for word in case.words) for line in lines), (
        f"no line names {place.strip()} and says {case.words}:\n" + "\n".join(lines)
    )


# ---------------------------------------------------------------------------------------------
# Every value of every file replaced by values of other types, read by the build's own functions.

WRONG_VALUES = (["x"], {"k": "v"}, 7, "chữ", None, True, dt.date(2020, 1, 1))
KNOWN = {s.id for s in load_document(FIXTURE_DOCS, "vi").sections} | {"du-thao"}
LOCATED = re.compile(r"(?:^|: )(?:docs/)?(?:data/)?[\w.-]+\.yml:[1-9][0-9]*: \S")


def _config_problems(text: str) -> list[str]:
    """What comment_links.on_config says about mkdocs.yml's editor sections (line from key_line)."""
    settings = read_editor_settings(text)
    extra = yaml.load(text, Loader=_ConfigLoader)["extra"]
    try:
        load_consultation(extra)
        export_columns(extra.get("consultation"))
        load_withdrawn_drafts(extra)
    except (ConfigError, CommentImportError) as error:
        message = str(error).removeprefix("mkdocs.yml: ")
        return [f"mkdocs.yml:{key_line(settings, ConfigError(message).key)}: {message}"]
    return []


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and python tags read as plain values."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _read_file(tmp: Path, name: str, text: str, read) -> list[str]:
    path = tmp / "data" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return read(path)


# Each file's reader as the build calls it: the messages it gives (raised or returned), as text.
def _messages(rel: str, text: str, tmp: Path) -> list[str]:
    name = rel.removeprefix("docs/")
    try:
        if rel == CI:
            parse_indicators(rel, text, KNOWN)
        elif rel == GL:
            return [str(p) for p in parse_glossary(text, name)[1] + check_glossary(name, text)]
        elif rel == GY:
            parse_guide_links(text, KNOWN)
        elif rel == TT:
            _read_file(
                tmp,
                "tiep-thu-giai-trinh.yml",
                text,
                lambda p: load_responses(p, KNOWN, {DRAFT}, rel),
            )
        elif rel == TM:
            return [str(p) for p in load_memory(text, name)[1]]
        elif rel == GOP:
            parse_ledger(load_yaml(rel, text), rel)
        elif rel == MM:
            _read_file(tmp, "ma-muc-da-bo.yml", text, lambda p: load_retired_ids(p, KNOWN))
        elif rel == DP:
            return [str(p) for p in load_exceptions(text, name)[1]]
        elif rel == MK:
            return _config_problems(text)
    except GuideError as error:
        return [f"{rel}:{error.line}: {error}"]
    except (DataError, DataFileError, ResponseError, ValueError) as error:
        return [str(error)]
    return []


# Every path into the data (keys of mappings, the first two items of lists), for replacement.
def _paths(data: object, prefix: tuple = ()) -> list[tuple]:
    paths = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            paths += _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data[:2]):
            paths += _paths(value, prefix + (index,))
    return paths


def _replaced(data: object, path: tuple, value: object) -> object:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replaced(copy[path[0]], path[1:], value)
    return copy


VALID = {
    CI: fixture_text(CI),
    GL: fixture_text(GL),
    GY: fixture_text(GY),
    TT: RESPONSES,
    TM: MEMORY,
    GOP: COUNTS,
    MM: RETIRED,
    DP: EXCEPTIONS,
}


@pytest.mark.parametrize("rel", [*VALID, MK])
def test_no_value_of_another_type_crashes_the_reader_of_the_file(rel, tmp_path):
    if rel == MK:
        data = yaml.load(CONFIG, Loader=_ConfigLoader)["extra"]["consultation"]
        assert _config_problems(CONFIG) == []
    else:
        data = yaml.safe_load(VALID[rel])
        problems = _messages(rel, VALID[rel], tmp_path)
        assert rel in (DP,) or problems == [], (
            problems
        )  # the sample exception matches no sentence: checked later
    paths = [()] + _paths(data)
    if rel in (CI, GL, TM):
        paths = paths[:60]  # long files: the first entries show every shape
    checked = 0
    for path in paths:
        for value in WRONG_VALUES:
            changed = _replaced(data, path, value)
            if rel == MK:
                text = _with_consultation(CONFIG, changed)
            else:
                text = yaml.safe_dump(changed, allow_unicode=True, sort_keys=False)
            for message in _messages(
                rel, text, tmp_path
            ):  # a crash fails the test with its traceback
                assert LOCATED.search(message), f"{rel} {path} = {value!r}: {message}"
                checked += 1
    assert checked > len(paths)  # most replacements are refused, each with its file and line


def _with_consultation(config: str, consultation: object) -> str:
    """mkdocs.yml with its `extra.consultation` block (the last block of the file) written anew."""
    start = config.index("  consultation:\n")
    rest = config[start:].split("\n", 1)[1]
    assert not re.search(r"^ {0,2}\S", rest, re.M), "extra.consultation is no longer the last block"
    block = yaml.safe_dump({"consultation": consultation}, allow_unicode=True, sort_keys=False)
    return config[:start] + "".join("  " + line for line in block.splitlines(keepends=True))


# ---------------------------------------------------------------------------------------------
# A data file's error met inside a build step stops the build with the data file's one line.


def _broken_glossary_check() -> None:
    load_yaml("docs/data/glossary.yml", "- {vi: a, vi: b}\n")


def test_a_data_file_error_in_a_build_step_reaches_the_build_as_its_one_line():
    from mkdocs.exceptions import PluginError

    from draftsite.engine.glue import run_step

    expected = "docs/data/glossary.yml:1: the key `vi` appears twice"
    with pytest.raises(PluginError) as error:
        run_step("the checks of the sources could not run", _broken_glossary_check)
    report = str(error.value)
    # Vietnamese first, the English kept whole: "docs/data/glossary.yml:1: <vi> (English: <expected>…)".
    assert report.startswith("docs/data/glossary.yml:1: ") and f"(English: {expected}" in report, (
        report
    )
    assert "\n" not in report and "Traceback" not in report, report


def test_the_line_checks_of_the_data_files_name_the_line_of_the_mistake():
    assert [
        p.english() for p in check_data_text("data/x.yml", 'a: 1\nb:\n  c: "open\n  d: 2\n')
    ] == [
        "data/x.yml:3: YAML syntax error: a quote or bracket opened on this line is never closed (while scanning a "
        "quoted scalar); close it on the same line: a text ends with its quote mark, [ with ], { with }"
    ]
    assert "(it opens at line 2)" in str(check_data_text("data/x.yml", "a:\n  - [b, c\n  - d\n")[0])
