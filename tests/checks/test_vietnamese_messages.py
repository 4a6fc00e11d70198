"""Every message an editor can see is Vietnamese first, with the English kept for the log:
`<vi> (English: <en>)`, `file:line:` first. Proved three ways: every mistake of the editor-mistakes
catalogue (tests/checks/test_editor_mistakes.py, on the plain check functions, in the build's order) and of
the translation checks prints Vietnamese before "(English:"; every Problem and every editor error
written in the code carries a `vi=` text; and each exception type, and the tools editors run, are
tried once directly."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest
import yaml
from conftest import FIXTURE_CONFIG, FIXTURE_DOCS, ROOT
from test_editor_mistakes import STOPPED, edited, editor_messages

from draftsite.checks.checks import Problem
from draftsite.checks.data_files import DataFileError, load_yaml, read_yaml_file
from draftsite.checks.editor_checks import source_problems
from draftsite.checks.settings_file import read_editor_settings
from draftsite.comments.comment_import import (
    CommentImportError,
    export_columns,
    find_columns,
    parse_ledger,
    read_export,
)
from draftsite.comments.consultation import (
    ConfigError,
    load_consultation,
    load_withdrawn_drafts,
    organiser_problem,
    placeholder_problem,
    publishing_problems,
)
from draftsite.comments.form_settings import FormLinkError, parse_prefilled
from draftsite.comments.guide_links import GuideError, parse_guide_links
from draftsite.document.labels import split_id
from draftsite.indicators.indicators import DataError, parse_groups, parse_indicators
from draftsite.messages import EditorError
from draftsite.outcome.responses import ResponseError, load_responses
from draftsite.revisions.publishing import PublishError, draft_settings
from draftsite.revisions.revisions import load_retired_ids
from draftsite.translation.compare_translation import translation_check
from draftsite.translation.glossary import check_glossary, parse_glossary
from draftsite.translation.percentage_points import check_percentage_points
from draftsite.translation.translation_memory import Entry, check_memory, load_memory

# A letter only Vietnamese writes (ă â đ ê ô ơ ư, or a vowel with a tone mark).
VIETNAMESE = re.compile(
    "[ăâđêôơưàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]", re.I
)
# What a message quotes (the editor's own text, ids, code): Vietnamese there does not count.
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|`[^`]*`|'[^'\n]*'|\"[^\"\n]*\"")
MARK = "(English:"


def vietnamese_first(message: str) -> bool:
    """Whether the message says, in its own words and before its English, something in Vietnamese."""
    if MARK not in message:
        return False
    before, english = message.split(MARK, 1)
    return bool(VIETNAMESE.search(QUOTED.sub(" ", before))) and bool(english.strip(" )\n"))


def assert_vietnamese_first(messages: list[str]) -> None:
    assert messages, "no message"
    for message in messages:
        assert vietnamese_first(message), f"not Vietnamese first:\n{message}"


def test_the_detector_tells_vietnamese_from_english():
    assert vietnamese_first(
        "docs/a.md:3: tiêu đề «Mục mới» chưa có mã mục (English: heading 'Mục mới' has no id)"
    )
    assert not vietnamese_first("docs/a.md:3: heading 'Mục mới' has no id")
    assert not vietnamese_first(
        "docs/a.md:3: heading «Mục mới» has no id (English: heading 'Mục mới' has no id)"
    )


# ---------------------------------------------------------------------------------------------
# The catalogue of editors' mistakes, as the build reports them.


@pytest.mark.parametrize("case", STOPPED, ids=[c.name for c in STOPPED])
def test_every_mistake_of_the_catalogue_is_told_in_vietnamese_first(case):
    assert_vietnamese_first(editor_messages(edited(case)))


def test_the_titles_of_the_checks_are_vietnamese_first():
    texts = {
        "a.md": "# A { #p1-i }\n",
        "b.md": "# B { #p1-ii }\n",
        "b.en.md": "# B { #p1-ii }\n",
        "data/x.yml": "a: 1\na: 2\n",
    }
    groups = source_problems(texts, "vi", ["a.md", "b.md"], "")
    assert [bool(problems) for _, problems in groups] == [True, True]
    assert_vietnamese_first([title for title, _ in groups])
    assert_vietnamese_first([problem for _, problems in groups for problem in problems])


# ---------------------------------------------------------------------------------------------
# The translation checks (glossary, translation memory, percentage points, English pages).


def page(section: str, *paragraphs: str) -> str:
    return f"# Title {{ #{section} }}\n\n" + "\n\n".join(paragraphs) + "\n"


THEME_VI = (
    "Tăng cường xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh, tinh gọn, "
    "hoạt động hiệu lực, hiệu quả"
)
THEME_EN = (
    "strengthen the building and rectification of a clean, strong and streamlined Party and political "
    "system that operate effectively and efficiently"
)


def test_the_translation_checks_are_vietnamese_first():
    found: list[Problem] = []
    vi = {"a.md": page("a", f"{THEME_VI}.", f"Về: {THEME_VI}.", "Cho cán bộ, đảng viên.")}
    en = {
        "a.en.md": page("a", f"To {THEME_EN}.", "On: Party building.", "For cadres, Party members.")
    }
    found += check_memory(vi, en, [], "tm.yml")  # a recurring formula without an entry
    found += check_memory(
        vi,
        en,
        [
            Entry(THEME_VI, THEME_EN, 1),
            Entry("một", "one", 2),
            Entry("không có ở đâu cả", "nowhere", 3),
        ],
        "tm.yml",
    )
    found += (
        load_memory("- vi: x\n", "tm.yml")[1]
        + load_memory("a: [", "tm.yml")[1]
        + load_memory("a: 1", "tm.yml")[1]
    )
    terms, problems = parse_glossary(
        '- {vi: "cán bộ, đảng viên", en: "cadres and Party members", '
        'avoid: ["cadres, Party members"]}\n- {vi: x}\n- 3\n- {en: y}\n'
        "- {vi: z, en: w, avoid: 3}\n",
        "g.yml",
    )
    found += problems + check_glossary(vi, en, terms, "g.yml")
    found += parse_glossary("a: [", "g.yml")[1] + parse_glossary("a: 1", "g.yml")[1]
    rate = "Tỷ lệ hộ nghèo toàn tỉnh bình quân giảm 2,06%/năm."
    found += check_percentage_points(
        {"a.md": page("a", rate)},
        {"a.en.md": page("a", "The rate fell by 2.06% a year.")},
        '- {section: b, vi: "x", reason: "y"}\n- {section: a, vi: "không khớp", reason: "y"}\n'
        '- {section: a, vi: "giảm"}\n- {section: a, vi: "x", reason: "y", more: 1}\n- 3\n',
        "p.yml",
    )
    found += check_percentage_points({}, {}, "a: 1\n", "p.yml")
    vi_page = "# 1. A { #p1-i }\n\nCó 12 người.\n\n## 1.1. B { #p1-i-1 }\n\nX.\n"
    for english in (
        "# 1. A { #p1-i }\n\nThere are 13 people.\n\n### 1.1. B { #p1-i-1 }\n\nX.\n",  # number, level
        "# 1. A { #p1-i }\n\nThere are 12 people.\n\nMore.\n\n## 1.1. B { #p1-i-1 }\n\nX.\n",  # blocks
        "# 1. A { #p1-i }\n\nThere are 12 people.\n\n## 1.1. B { #p1-i-2 }\n\nX.\n",  # ids
        "## 1.1. B { #p1-i-1 }\n\nX.\n\n# 1. A { #p1-i }\n\nThere are 12 people.\n",
    ):  # order
        found += translation_check("a.md", vi_page, "a.en.md", english, True)
    kinds = {p.message.split(":")[0][:25] for p in found}
    assert len(found) >= 20 and len(kinds) >= 12, kinds
    assert_vietnamese_first([str(p) for p in found])


# ---------------------------------------------------------------------------------------------
# Every Problem and every editor error in the code says it in Vietnamese too.

EDITOR_ERRORS = {
    "ConfigError",
    "ResponseError",
    "GuideError",
    "DataError",
    "FormLinkError",
    "CommentImportError",
    "EditorValueError",
    "PublishError",
    "Message",
}
POSITIONAL_VI = {
    "Problem": 4,
    "DataFileError": 4,
}  # (file, line, message, vi) and (rel, line, message, vi)


def test_every_problem_and_editor_error_in_the_code_has_a_vietnamese_text():
    missing, seen = [], 0
    for path in sorted((ROOT / "hooks").rglob("*.py")) + sorted((ROOT / "tools").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in EDITOR_ERRORS and name not in POSITIONAL_VI:
                continue
            seen += 1
            if not (
                any(k.arg == "vi" for k in node.keywords)
                or len(node.args) >= POSITIONAL_VI.get(name, 2)
                and name != "GuideError"
            ):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}(…) without vi=")
    assert seen > 150 and missing == []


# ---------------------------------------------------------------------------------------------
# Each exception type an editor can meet, once, directly.

CONFIG = yaml.load(FIXTURE_CONFIG.read_text("utf-8").replace("!ENV", ""), Loader=yaml.SafeLoader)


def caught(call, kind: type[Exception]) -> Exception:
    with pytest.raises(kind) as raised:
        call()
    return raised.value


def test_each_editor_error_type_is_vietnamese_first(tmp_path):
    errors: list[Exception] = []
    settings = dict(CONFIG["extra"]["consultation"], closes="2020-01-01")
    errors.append(caught(lambda: load_consultation({"consultation": settings}), ConfigError))
    responses = tmp_path / "tiep-thu-giai-trinh.yml"
    responses.write_text(
        "responses:\n  - {section: p1-i, draft: 2020-03-31, asked: {vi: a, en: b}, decision: ok, "
        "explanation: {vi: a, en: b}}\n",
        "utf-8",
    )
    errors.append(
        caught(lambda: load_responses(responses, {"p1-i"}, {"2020-03-31"}), ResponseError)
    )
    errors.append(caught(lambda: parse_guide_links("gy-p2: [[p9]]\n", {"gy-p2"}), GuideError))
    errors.append(
        caught(lambda: parse_guide_links("gy-p2: [[p9]\n", {"gy-p2"}), GuideError)
    )  # a YAML error
    data = (FIXTURE_DOCS / "data" / "chi-tieu.yml").read_text("utf-8")
    errors.append(
        caught(
            lambda: parse_indicators(
                "chi-tieu.yml", data.replace("unit: million_vnd", "unit: dong", 1)
            ),
            DataError,
        )
    )
    errors.append(caught(lambda: parse_indicators("chi-tieu.yml", data + "x: [\n"), DataError))
    errors.append(caught(lambda: parse_groups("groups=1,,2"), ValueError))
    errors.append(caught(lambda: split_id("x-1"), ValueError))
    retired = tmp_path / "ma-muc-da-bo.yml"
    retired.write_text("p1-cu: {status: gone}\n", "utf-8")
    errors.append(caught(lambda: load_retired_ids(retired, {"p1-i"}), ValueError))
    errors.append(
        caught(
            lambda: parse_ledger({"sources": {"x": {"rows": 1}}}, "docs/data/gop-y.yml"), ValueError
        )
    )
    errors.append(caught(lambda: read_export(b"\xff\xfe\x00a", "ban-xuat.csv"), CommentImportError))
    errors.append(
        caught(
            lambda: find_columns(
                ["A"],
                {"section": "Mã mục", "draft": "Ngày", "comment": "Góp ý", "time": "Giờ"},
                "ban-xuat.csv",
            ),
            CommentImportError,
        )
    )
    errors.append(caught(lambda: parse_prefilled("https://example.org/"), FormLinkError))
    errors.append(caught(lambda: draft_settings({}, "HEAD"), PublishError))
    assert all(isinstance(e, (EditorError, PublishError)) for e in errors)
    assert_vietnamese_first([str(e) for e in errors])
    # The English is kept whole, for the log and for the developers.
    assert "extra.consultation.closes: 2020-01-01 is before opens" in str(errors[0])
    assert "field `decision`: 'ok' is not a decision" in str(errors[1])
    assert str(placeholder_problem(load_consultation(CONFIG["extra"]))).count(MARK) == 1
    assert_vietnamese_first([placeholder_problem(load_consultation(CONFIG["extra"]))])


def test_the_settings_and_data_file_readers_are_vietnamese_first(tmp_path):
    """The organiser's contact, withdrawn drafts, the export's columns, mkdocs.yml's editor blocks and
    the data-file reader's `file:line:` messages."""
    errors: list[Exception] = []
    consultation = CONFIG["extra"]["consultation"]
    for organiser in (
        "x",
        {"name": "A", "fax": 1},
        {"name": "", "address": "B"},
        {"name": "A", "address": "B", "email": "a at b", "phone": "0208 3855 123"},
        {"name": "A", "address": "B", "email": "a@b.vn", "phone": "12"},
    ):
        settings = {"consultation": dict(consultation, organiser=organiser)}
        errors.append(caught(lambda settings=settings: load_consultation(settings), ConfigError))
    errors.append(caught(lambda: load_consultation({"consultation": "x"}), ConfigError))
    errors.append(
        caught(lambda: load_withdrawn_drafts({"withdrawn_drafts": "2020-01-01"}), ConfigError)
    )
    errors.append(
        caught(lambda: load_withdrawn_drafts({"withdrawn_drafts": ["1 April"]}), ConfigError)
    )
    errors.append(caught(lambda: export_columns({"export": "x"}), CommentImportError))
    errors.append(
        caught(
            lambda: read_editor_settings(
                "extra:\n  consultation: {a: 1}\n  consultation: {a: 2}\n"
            ),
            DataFileError,
        )
    )
    errors.append(
        caught(
            lambda: read_editor_settings("extra:\n  consultation: {a: 1, a: 2}\n"), DataFileError
        )
    )
    errors.append(
        caught(lambda: load_yaml("docs/data/x.yml", "a:\n  - [b, c\n  - d\n"), DataFileError)
    )
    errors.append(caught(lambda: load_yaml("docs/data/x.yml", 'a: 1\nb: "open\n'), DataFileError))
    bom = tmp_path / "x.yml"
    bom.write_bytes(b"\xef\xbb\xbfa: 1\n")
    errors.append(caught(lambda: read_yaml_file(bom, "docs/data/x.yml"), DataFileError))
    ledger = load_yaml(
        "docs/data/gop-y.yml",
        'sources:\n  "abc":\n    rows: 2\n    digest: "0f"\n    counts:\n'
        '      "2020-03-31":\n        p1-i: hai\n',
    )
    errors.append(caught(lambda: parse_ledger(ledger, "docs/data/gop-y.yml"), ValueError))
    retired = tmp_path / "ma-muc-da-bo.yml"
    retired.write_text("p1-cu:\n  status: [merged]\n  into: p1-i\n", "utf-8")
    errors.append(caught(lambda: load_retired_ids(retired, {"p1-i"}), ValueError))
    retired.write_text("- p1-cu\n", "utf-8")
    errors.append(caught(lambda: load_retired_ids(retired, {"p1-i"}), ValueError))
    assert all(isinstance(e, EditorError) for e in errors)
    assert_vietnamese_first([str(e) for e in errors])
    assert "docs/data/gop-y.yml:7: " in str(errors[-3]) and "'hai' is not a count" in str(
        errors[-3]
    )
    settings = load_consultation(CONFIG["extra"])
    assert organiser_problem(settings) is not None
    assert_vietnamese_first([organiser_problem(settings), *publishing_problems(settings)])
    assert "extra.consultation.organiser is missing" in organiser_problem(settings)


# ---------------------------------------------------------------------------------------------
# The tools editors run.


def run_tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120)


def test_the_tools_errors_are_vietnamese_first(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(FIXTURE_CONFIG.read_text("utf-8"), "utf-8")
    form = run_tool(
        str(ROOT / "tools" / "set_form.py"), "https://example.org/", "--config", str(config)
    )
    assert form.returncode == 1 and form.stderr.startswith("set_form: ")
    assert_vietnamese_first([form.stderr])
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    config.replace(project / "mkdocs.yml")
    missing = run_tool(
        str(ROOT / "tools" / "import_comments.py"),
        str(tmp_path / "khong-co.csv"),
        "--project",
        str(project),
    )
    assert missing.returncode == 1 and missing.stderr.startswith("import_comments: ")
    assert_vietnamese_first([missing.stderr])
    export = tmp_path / "ban-xuat.csv"
    export.write_text("Dấu thời gian,Mã mục\n1,p1-i\n", "utf-8")
    columns = run_tool(
        str(ROOT / "tools" / "import_comments.py"), str(export), "--project", str(project)
    )
    assert columns.returncode == 1 and "row 1: no column titled" in columns.stderr
    assert_vietnamese_first([columns.stderr])


def test_the_tools_reports_are_vietnamese_first(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(FIXTURE_CONFIG.read_text("utf-8"), "utf-8")
    link = (
        "https://docs.google.com/forms/d/e/1FAIpQLSd-real-form/viewform?usp=pp_url&entry.11=section"
        "&entry.12=label"
    )
    done = run_tool(str(ROOT / "tools" / "set_form.py"), link, "--config", str(config))
    assert done.returncode == 0, done.stderr
    lines = [
        line
        for line in done.stdout.splitlines()
        if not re.fullmatch(r"  [a-z_]+: entry\.\d+", line)
    ]
    assert_vietnamese_first(lines)


def test_publishing_notes_are_vietnamese_first():
    import ast

    source = (ROOT / "tools" / "publish.py").read_text("utf-8")
    appended = [
        node.args[0]
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "append"
        and getattr(node.func.value, "id", "") == "notes"
    ]
    assert appended, "publish.py's notes are found"
    for note in appended:
        assert isinstance(note, ast.Call) and getattr(note.func, "id", "") == "bilingual", (
            ast.unparse(note)
        )
    assert "publish: dừng xuất bản" in source
