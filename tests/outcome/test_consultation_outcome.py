"""Issue 18: the consultation loop — the real form is one command away, publishing refuses the
placeholder, a privacy page sits beside every comment link, comments received are counted from the
form's export (counts only), and the editors' responses are published per draft and section."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import random
import re
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import (
    AXE,
    FIXTURE_CONFIG,
    FIXTURE_DOCS,
    ROOT,
    _QuietHandler,
    language_pages,
    page_html,
    run_build,
)

from draftsite.comments.comment_import import (
    DEFAULT_COLUMNS,
    CommentImportError,
    SourceLedger,
    dump_ledger,
    export_columns,
    import_export,
    parse_draft,
    parse_ledger,
    total_counts,
)
from draftsite.comments.consultation import load_consultation, placeholder_problem
from draftsite.comments.form_settings import FormLinkError, parse_prefilled, write_form_settings
from draftsite.document.model import load_document
from draftsite.outcome.outcome import change_href, to_csv
from draftsite.outcome.responses import ResponseError, load_responses

CONFIG_TEXT = FIXTURE_CONFIG.read_text("utf-8")
CONFIG = yaml.safe_load(CONFIG_TEXT.replace("!ENV", ""))
SECTIONS = [s.id for s in load_document(FIXTURE_DOCS, "vi").sections]
DRAFT = "2020-03-31"
PERSONAL = "BÍMẬT"  # in every name, address, e-mail and phone number of the generated export
TEXT = "NGUYÊNVĂN"  # in every comment text
HEADER = [
    "Dấu thời gian",
    "Họ và tên",
    "Địa chỉ email",
    "Số điện thoại",
    "Địa chỉ",
    "Nội dung góp ý",
    "Mã mục",
    "Tên mục",
    "Bản dự thảo",
    "Ngày dự thảo",
    "Trang",
    "Ngôn ngữ",
    "Mã đoạn",  # the paragraph commented on (issue 27), empty from a section's link
]


# ---------------------------------------------------------------------------------------------
# A generated export: personal data in every row, HTML and multi-line comments, and bad rows.


def generated_export(n: int, seed: int = 18) -> tuple[list[list[str]], Counter, Counter]:
    """Rows of a form export, the expected counts per section and the expected rejected kinds."""
    rng = random.Random(seed)
    rows: list[list[str]] = []
    expected: Counter = Counter()
    rejected: Counter = Counter()
    for i in range(n):
        kind = rng.choices(["ok", "empty", "draft", "section", "duplicate"], [80, 5, 5, 5, 5])[0]
        if kind == "duplicate" and not rows:
            kind = "ok"
        if kind == "duplicate":
            source = rng.choice(rows)
            if _expected_kind(source, rows) != "ok":
                kind = "ok"
            else:
                rows.append(list(source))
                rejected["duplicate"] += 1
                continue
        section = rng.choice(SECTIONS + ["du-thao"])
        comment = rng.choice(
            [
                f"Đề nghị sửa câu này {TEXT}{i}.",
                f"<script>alert('{TEXT}{i}')</script> <b>in đậm</b>",
                f'Dòng một {TEXT}{i}\r\nDòng hai, có dấu phẩy; và "ngoặc kép"\nDòng ba',
                f'<img src=x onerror="alert(1)"> {TEXT}{i} & &amp; <a href="javascript:x">x</a>',
            ]
        )
        draft = rng.choice([DRAFT, DRAFT, f"du-thao-{DRAFT}", "31/3/2020"])
        if kind == "empty":
            comment = rng.choice(["", "   ", "\r\n"])
        elif kind == "draft":
            draft = rng.choice(["2019-01-01", "không rõ", ""])
        elif kind == "section":
            section = rng.choice(["p9-zz", "", "<b>p1</b>", "p1-ii-1-2-1x"])
        row = [
            f"2026/12/{1 + i // 100:02d} {i // 60 % 24:02d}:{i % 60:02d}:00",
            f"Nguyễn Văn {PERSONAL} {i}",
            f"bimat{i}.{PERSONAL}@example.vn",
            f"+84 {PERSONAL} 912 {i:03d}",
            f"Số {i}, đường {PERSONAL}, phường Phan Đình Phùng",
            comment,
            section,
            "Tên mục",
            "Dự thảo ngày 31/3/2020",
            draft,
            f"https://example.org/{i}",
            "vi",
            f"{section}-d{i % 4 + 1}" if section in SECTIONS and i % 5 else "",
        ]
        rows.append(row)
        if kind == "ok":
            expected[(DRAFT, section)] += 1
        else:
            rejected[
                {"empty": "empty_comment", "draft": "unknown_draft", "section": "unknown_section"}[
                    kind
                ]
            ] += 1
    return rows, expected, rejected


def _expected_kind(row: list[str], rows: list[list[str]]) -> str:
    comment, section, draft = row[5].strip(), row[6].strip(), row[9]
    if not comment:
        return "empty"
    if draft not in (DRAFT, f"du-thao-{DRAFT}", "31/3/2020"):
        return "draft"
    if section not in SECTIONS and section != "du-thao":
        return "section"
    return "ok"


def export_bytes(rows: list[list[str]], header: list[str] = HEADER, bom: bool = True) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header] + rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Counting, without MkDocs.


def test_every_row_lands_in_exactly_one_count():
    rows, expected, rejected = generated_export(300)
    ledger: dict[str, SourceLedger] = {}
    result = import_export(
        export_bytes(rows), "export.csv", ledger, DEFAULT_COLUMNS, set(SECTIONS), {DRAFT}
    )
    counts = total_counts(ledger)[DRAFT]
    assert Counter({(DRAFT, s): n for s, n in counts.items()}) == expected
    assert {k: len(v) for k, v in result.rejected.items() if v} == dict(rejected)
    assert (
        sum(counts.values()) + sum(len(v) for v in result.rejected.values())
        == len(rows)
        == result.total_rows
    )


def test_rejected_rows_are_reported_by_spreadsheet_row():
    header = ["Dấu thời gian", "Mã mục", "Ngày dự thảo", "Nội dung góp ý"]
    rows = [
        ["t1", "p1-ii-1", DRAFT, 'a\nmulti-line, "quoted" cell'],
        ["t2", "p9", DRAFT, "b"],
        ["t3", "p1-ii-1", "2001-01-01", "c"],
        ["t4", "p1-ii-1", DRAFT, " "],
        ["t1", "p1-ii-1", DRAFT, 'a\nmulti-line, "quoted" cell'],
    ]
    result = import_export(
        export_bytes(rows, header, bom=False).replace(b"\r\n", b"\n"),
        "e.csv",
        {},
        DEFAULT_COLUMNS,
        set(SECTIONS),
        {DRAFT},
    )
    assert result.rejected == {
        "unknown_section": [3],
        "unknown_draft": [4],
        "empty_comment": [5],
        "duplicate": [6],
    }
    assert result.counted == 1


def test_same_export_again_changes_nothing_and_a_later_export_adds_only_its_new_rows():
    rows, _, _ = generated_export(260)
    ledger: dict[str, SourceLedger] = {}
    import_export(
        export_bytes(rows[:200]), "first.csv", ledger, DEFAULT_COLUMNS, set(SECTIONS), {DRAFT}
    )
    first = dump_ledger(ledger)
    again = import_export(
        export_bytes(rows[:200]), "first.csv", ledger, DEFAULT_COLUMNS, set(SECTIONS), {DRAFT}
    )
    assert again.new_rows == 0 and dump_ledger(ledger) == first
    later = import_export(
        export_bytes(rows), "later.csv", ledger, DEFAULT_COLUMNS, set(SECTIONS), {DRAFT}
    )
    assert later.new_rows == 60
    whole: dict[str, SourceLedger] = {}
    import_export(export_bytes(rows), "all.csv", whole, DEFAULT_COLUMNS, set(SECTIONS), {DRAFT})
    assert dump_ledger(ledger) == dump_ledger(whole)
    assert parse_ledger(yaml.safe_load(dump_ledger(ledger)), "gop-y.yml") == whole


def test_an_export_that_rewrites_counted_rows_is_refused_unless_recounted():
    rows, _, _ = generated_export(50)
    ledger: dict[str, SourceLedger] = {}
    import_export(export_bytes(rows), "a.csv", ledger, DEFAULT_COLUMNS, set(SECTIONS), {DRAFT})
    edited = [list(r) for r in rows[1:]]
    with pytest.raises(
        CommentImportError, match="does not start with the 50 rows already counted.*--recount"
    ):
        import_export(
            export_bytes(edited), "b.csv", ledger, DEFAULT_COLUMNS, set(SECTIONS), {DRAFT}
        )
    result = import_export(
        export_bytes(edited), "b.csv", ledger, DEFAULT_COLUMNS, set(SECTIONS), {DRAFT}, recount=True
    )
    assert (
        result.new_rows == 49
        and sum(sum(c.values()) for c in total_counts(ledger).values()) == result.counted
    )


def test_columns_are_found_by_the_titles_in_mkdocs_yml():
    assert export_columns(CONFIG["extra"]["consultation"]) == DEFAULT_COLUMNS
    columns = export_columns(
        {"export": {"columns": {"section": "Section id", "comment": "Your comment"}}}
    )
    header = ["Timestamp", "Your comment", "Section id", "Ngày dự thảo", "Dấu thời gian"]
    ledger: dict[str, SourceLedger] = {}
    import_export(
        export_bytes([["x", "ok", "p1-ii-1", DRAFT, "t"]], header),
        "e.csv",
        ledger,
        columns,
        set(SECTIONS),
        {DRAFT},
    )
    assert total_counts(ledger) == {DRAFT: {"p1-ii-1": 1}}
    with pytest.raises(CommentImportError, match="row 1: no column titled section «Mã mục»"):
        import_export(
            export_bytes([["x"]], ["Timestamp"]),
            "e.csv",
            {},
            DEFAULT_COLUMNS,
            set(SECTIONS),
            {DRAFT},
        )
    with pytest.raises(CommentImportError, match="not UTF-8"):
        import_export(b"M\xe3 m\xfcc\np1", "e.csv", {}, DEFAULT_COLUMNS, set(SECTIONS), {DRAFT})


def test_draft_cells_are_read_as_dates():
    assert (
        parse_draft("2020-03-31")
        == parse_draft("du-thao-2020-03-31")
        == parse_draft(" 31/3/2020 ")
        == DRAFT
    )
    assert (
        parse_draft("2020-02-30") is None
        and parse_draft("31.3.2020") is None
        and parse_draft("") is None
    )


# ---------------------------------------------------------------------------------------------
# The form: one command, and publishing refuses the placeholder.

PREFILLED = (
    "https://docs.google.com/forms/d/e/1FAIpQLSfREAL/viewform?usp=pp_url&entry.2005620554=section"
    "&entry.1045781291=label&entry.1065046570=revision&entry.1166974658=revision_date&entry.839337160=url"
    "&entry.1234=lang"
)


def test_a_prefilled_link_is_written_into_mkdocs_yml_keeping_everything_else():
    url, fields = parse_prefilled(PREFILLED)
    assert url == "https://docs.google.com/forms/d/e/1FAIpQLSfREAL/viewform"
    assert fields == {
        "section": "entry.2005620554",
        "label": "entry.1045781291",
        "revision": "entry.1065046570",
        "revision_date": "entry.1166974658",
        "url": "entry.839337160",
        "lang": "entry.1234",
    }
    changed = write_form_settings(CONFIG_TEXT, url, fields)
    before, after = CONFIG_TEXT.split("\n"), changed.split("\n")
    assert len(before) == len(after)
    assert (
        sum(a != b for a, b in zip(before, after, strict=False)) == 7
    )  # url and six fields; every comment stays
    consultation = load_consultation(yaml.safe_load(changed.replace("!ENV", ""))["extra"])
    assert consultation.form_url == url and consultation.fields == fields
    assert placeholder_problem(consultation) is None


def test_a_prefilled_link_replaces_a_template_form():
    text = CONFIG_TEXT.replace(
        "      preset: google\n",
        "      preset: template  # another form service\n      template: "
        "https://forms.example.vn/f?s={section}\n",
    )
    text = re.sub(
        r"\n      url: https://docs[^\n]*\n      fields:\n(        [^\n]*\n)+", "\n", text
    )
    changed = write_form_settings(text, *parse_prefilled(PREFILLED))
    assert "      preset: google  # another form service\n" in changed
    consultation = load_consultation(yaml.safe_load(changed.replace("!ENV", ""))["extra"])
    assert consultation.preset == "google" and consultation.fields["section"] == "entry.2005620554"


@pytest.mark.parametrize(
    "link,message",
    [
        ("https://docs.google.com/forms/d/e/X/edit", "not a Google Forms pre-filled link"),
        (
            "https://docs.google.com/forms/d/e/X/viewform?entry.1=label",
            "no box was filled with 'section'",
        ),
        (
            "https://docs.google.com/forms/d/e/X/viewform?entry.1=section&entry.2=Hà+Nội",
            "filled with 'Hà Nội'",
        ),
        (
            "https://docs.google.com/forms/d/e/X/viewform?entry.1=section&entry.2=section",
            "two boxes",
        ),
    ],
)
def test_a_wrong_prefilled_link_is_explained(link, message):
    with pytest.raises(FormLinkError, match=message):
        parse_prefilled(link)


def test_set_form_command_edits_the_given_mkdocs_yml(tmp_path):
    target = tmp_path / "mkdocs.yml"
    target.write_text(CONFIG_TEXT, "utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "set_form.py"), PREFILLED, "--config", str(target)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (
        "entry.2005620554" in target.read_text("utf-8")
        and "section: entry.2005620554" in done.stdout
    )
    bad = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "set_form.py"),
            "https://x.org/",
            "--config",
            str(target),
        ],
        capture_output=True,
        text=True,
    )
    assert (
        bad.returncode == 1
        and "not a Google Forms pre-filled link" in bad.stderr
        and "Traceback" not in bad.stderr
    )


def test_the_placeholder_form_is_recognised():
    consultation = load_consultation(CONFIG["extra"])
    assert "still points at a placeholder form" in placeholder_problem(consultation)
    template = dict(
        CONFIG["extra"]["consultation"],
        form={"preset": "template", "template": "https://example.org/f?s={section}"},
    )
    assert placeholder_problem(load_consultation({"consultation": template})) is not None
    real = dict(
        template,
        form={"preset": "template", "template": "https://gopy.thainguyen.gov.vn/f?s={section}"},
    )
    assert placeholder_problem(load_consultation({"consultation": real})) is None


def test_publishing_refuses_the_placeholder_form(project_copy):
    result = run_build(project_copy, project_copy / "site", PUBLISH="1")
    assert result.returncode != 0
    assert "publishing refused" in result.stderr and "tools/set_form.py" in result.stderr, (
        result.stderr[-1500:]
    )
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------------------------------------
# Responses.

RESPONSE = """responses:
  - section: p1-ii-1-2-1
    draft: 2020-03-31
    asked: {vi: Bổ sung số liệu., en: Add figures.}
    decision: tiep-thu
    explanation: {vi: Đã bổ sung., en: Added.}
"""


@pytest.mark.parametrize(
    "edit,message",
    [
        (
            lambda s: s.replace("p1-ii-1-2-1", "p1-ii-9"),
            r"tiep-thu-giai-trinh.yml:2: field `section`: 'p1-ii-9'",
        ),
        (
            lambda s: s.replace("draft: 2020-03-31", "draft: 2019-01-01"),
            r"tiep-thu-giai-trinh.yml:2: field `draft`: '2019-01-01' is not a draft of this repository",
        ),
        (
            lambda s: s.replace("decision: tiep-thu", "decision: dong-y"),
            r"tiep-thu-giai-trinh.yml:2: field `decision`: 'dong-y'",
        ),
        (lambda s: s.replace("en: Added.", "fr: Ajouté."), r":2: field `explanation`: needs both"),
        (
            lambda s: s + "    changed_in: 2020-03-31\n",
            r":2: field `changed_in`: 2020-03-31 is not after",
        ),
        (lambda s: s + "    colour: red\n", r":2: unknown field\(s\) colour"),
    ],
)
def test_bad_responses_are_reported_with_file_and_line(tmp_path, edit, message):
    path = tmp_path / "tiep-thu-giai-trinh.yml"
    path.write_text(edit(RESPONSE), "utf-8")
    with pytest.raises(ResponseError, match=message):
        load_responses(path, set(SECTIONS), {DRAFT})


def test_a_response_links_to_the_change_in_the_draft_where_it_landed():
    assert (
        change_href("2020-05-10", "p1-i", "2020-05-10", "tong-hop-y-kien/", "https://s/", "vi")
        == "../so-sanh/#sua-p1-i"
    )
    assert (
        change_href("2020-05-10", "p1-i", "2020-07-01", "tong-hop-y-kien/", "https://s/", "en")
        == "https://s/du-thao/2020-05-10/en/so-sanh/#sua-p1-i"
    )


def test_a_bad_responses_file_stops_the_build(project_copy):
    (project_copy / "docs" / "data" / "tiep-thu-giai-trinh.yml").write_text(
        RESPONSE.replace("tiep-thu\n", "ok\n"), "utf-8"
    )
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "docs/data/tiep-thu-giai-trinh.yml:2: field `decision`: 'ok'" in result.stderr, (
        result.stderr[-1500:]
    )


# ---------------------------------------------------------------------------------------------
# The whole loop on a built site.


def test_privacy_link_beside_every_comment_link(site):
    for lang in ("vi", "en"):
        for path in language_pages(site, lang):
            html = page_html(site, path.relative_to(site).as_posix())
            for link in html.select(
                ".comment-link > a[target], .guide-links a.comment-link[target]"
            ):
                privacy = link.find_next_sibling("a")
                assert privacy is not None and "comment-privacy" in privacy["class"], (
                    f"{path}: {link}"
                )
                target = (path.parent / privacy["href"]).resolve() / "index.html"
                assert target.is_file() and page_html(
                    site, target.relative_to(site).as_posix()
                ).find(id="quyen-rieng-tu")
    english = page_html(site, "en/quyen-rieng-tu/")
    assert "Decree No." in english.get_text() and english.find(id="thoi-han")


def test_without_imported_comments_the_outcome_page_says_so(site):
    assert (
        "Chưa có số liệu góp ý"
        in page_html(site, "tong-hop-y-kien/").select_one(".outcome").get_text()
    )
    assert (
        "No comments have been counted"
        in page_html(site, "en/tong-hop-y-kien/").select_one(".outcome").get_text()
    )
    assert (site / "data" / "gop-y.csv").read_bytes() == b"draft,section,comments\r\n"
    assert not page_html(site, "phan-thu-nhat/kinh-te/").select(".comment-count")


def _section_page(site: Path, lang: str, section_id: str) -> BeautifulSoup:
    page = load_document(FIXTURE_DOCS, lang).get(section_id).page
    url = ("" if lang == "vi" else "en/") + re.sub(
        r"\.md$", "/", re.sub(r"(^|/)index\.md$", r"\1", page)
    )
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def _serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _import(project: Path, rows: list[list[str]], name: str) -> subprocess.CompletedProcess:
    export = project / name
    export.write_bytes(export_bytes(rows))
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "import_comments.py"),
            str(export),
            "--project",
            str(project),
        ],
        capture_output=True,
        text=True,
    )
    export.unlink()  # the export itself never stays in the project
    assert done.returncode == 0, done.stderr
    return done


@pytest.mark.browser
def test_imported_export_is_published_as_counts_only(project_copy, browser):
    rows, expected, rejected = generated_export(320)
    first = _import(project_copy, rows[:250], "export-1.csv")
    assert "not placed" in first.stdout and "(row" in first.stdout
    ledger_path = project_copy / "docs" / "data" / "gop-y.yml"
    once = ledger_path.read_bytes()
    again = _import(project_copy, rows[:250], "export-1.csv")
    assert "Nothing new" in again.stdout and ledger_path.read_bytes() == once
    _import(project_copy, rows, "export-2.csv")  # a later export: the same rows and 70 more
    commented = sorted({s for (_, s) in expected if s in SECTIONS}, key=SECTIONS.index)
    answered, unanswered = commented[0], commented[1]
    (project_copy / "docs" / "data" / "tiep-thu-giai-trinh.yml").write_text(
        RESPONSE.replace("p1-ii-1-2-1", answered), "utf-8"
    )
    result = run_build(project_copy, project_copy / "site", BUILD_DATE="2027-02-01")
    assert result.returncode == 0, result.stderr
    site = project_copy / "site"

    # The counts published equal the rows per section, once.
    published = list(csv.DictReader(io.StringIO((site / "data" / "gop-y.csv").read_text("utf-8"))))
    assert Counter({(r["draft"], r["section"]): int(r["comments"]) for r in published}) == expected
    assert len(published) == len(expected)
    assert (site / "en" / "data" / "gop-y.json").read_text("utf-8") == (
        site / "data" / "gop-y.json"
    ).read_text("utf-8")
    assert yaml.safe_load((site / "data" / "gop-y.json").read_text("utf-8"))["rejected"] == {
        k: rejected.get(k, 0)
        for k in ("empty_comment", "unknown_draft", "unknown_section", "duplicate")
    }

    # No personal data or comment text anywhere in docs/ or the built site.
    for folder in (project_copy / "docs", site):
        for path in folder.rglob("*"):
            if path.is_file():
                text = path.read_bytes().decode("utf-8", "ignore")
                assert PERSONAL not in text and TEXT not in text and "example.vn" not in text, path

    # The outcome page and the section counts, in both languages.
    for lang, prefix, words in (("vi", "", "ý kiến góp ý"), ("en", "en/", "comment")):
        outcome = BeautifulSoup(
            (site / prefix / "tong-hop-y-kien" / "index.html").read_text("utf-8"), "html.parser"
        )
        table = outcome.select_one("table.outcome-sections")
        shown = {
            th["data-section"]: int(th.find_next_sibling("td").get_text())
            for th in table.select("th[data-section]")
        }
        assert shown == {s: n for (_, s), n in expected.items()}
        assert sum(int(td.get_text()) for td in outcome.select("table.outcome-parts td")) == sum(
            expected.values()
        )
        assert outcome.select_one(".outcome-chart svg[role=img] title")
        response = outcome.find(id=f"tl-{DRAFT}-{answered}")
        assert response is not None
        section_link = response.a["href"]
        page_path, _, anchor = section_link.partition("#")
        assert anchor == answered
        section_page = BeautifulSoup(
            ((site / prefix / "tong-hop-y-kien" / page_path).resolve() / "index.html").read_text(
                "utf-8"
            ),
            "html.parser",
        )
        count = section_page.find(id=answered).find_next_sibling()
        assert "comment-count" in count["class"]
        assert count.get_text().startswith(f"{expected[(DRAFT, answered)]} {words}")
        assert count.a["href"].endswith(f"tong-hop-y-kien/#tl-{DRAFT}-{answered}")
        # Its most-commented paragraphs (issue 27), at most three, most comments first, linked.
        listed = table.find("th", attrs={"data-section": answered}).select(
            "ul.outcome-paragraphs li"
        )
        counts = [int(li["data-count"]) for li in listed]
        assert 1 <= len(listed) <= 3 and counts == sorted(counts, reverse=True)
        assert sum(counts) <= expected[(DRAFT, answered)]
        for li in listed:
            assert li["data-paragraph"].startswith(answered + "-d")
            assert li.a["href"].endswith("#" + li["data-paragraph"])
        # Closed: no paragraph comment links (their form is not in the page).
        assert section_page.select('meta[name="comment-form"]') == []
        plain = _section_page(site, lang, unanswered).find(id=unanswered).find_next_sibling()
        assert "comment-count" in plain["class"] and plain.a is None
        assert plain.get_text().startswith(f"{expected[(DRAFT, unanswered)]} {words}")

    # The populated pages pass axe in both languages.
    server = _serve(site)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        failures = []
        for url in ("tong-hop-y-kien/", "en/tong-hop-y-kien/", "phan-thu-nhat/kinh-te/"):
            tab.goto(f"http://127.0.0.1:{server.server_address[1]}/{url}")
            tab.evaluate(AXE)
            found = tab.evaluate(
                "() => axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
            )
            failures += [
                f"/{url} {v['id']}: {[n['target'] for n in v['nodes'][:3]]}"
                for v in found["violations"]
            ]
        context.close()
        assert failures == []
    finally:
        server.shutdown()


def test_the_csv_download_has_the_columns_draft_section_comments():
    assert (
        to_csv({DRAFT: {"p1-i": 2, "p1-ii": 0}})
        == b"draft,section,comments\r\n2020-03-31,p1-i,2\r\n"
    )
