"""Issue 13: editors' mistakes never publish silently. A catalogue of plausible bad inputs (Markdown,
front matter, every data file under docs/data, mkdocs.yml, encodings and invisible characters).

Each case is checked on the plain check functions (fast), in the order the build runs them; a
representative subset is also built for real with `mkdocs build --strict`. A case is either
stopped, with a message naming the file the editor edited, the line (or key), what is wrong and
what to do, and no traceback; or harmless, and then the output is shown to be right."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE, FIXTURE_CONFIG, FIXTURE_DOCS, build_env, page_html

from draftsite.checks.checks import check_translations
from draftsite.checks.editor_checks import check_sources, decode_sources, located
from draftsite.checks.raw_html import unsafe_html
from draftsite.comments.consultation import ConfigError, load_consultation
from draftsite.comments.guide_links import GuideError, parse_guide_links
from draftsite.comments.short_links import qr_svg
from draftsite.document.model import build_document, file_language
from draftsite.engine.glue import nav_files
from draftsite.indicators.indicators import (
    DataError,
    check_markers,
    check_official_lists,
    parse_indicators,
)
from draftsite.messages import prefixed
from draftsite.page_meta.csp import (
    add_policy_meta,
    inline_script_hashes,
    script_hash,
    template_script_hashes,
)
from draftsite.strings import LANGUAGES
from draftsite.translation.translation_checks import check_translation_sources

K = "docs/phan-thu-nhat/kinh-te.md"
K_EN = "docs/phan-thu-nhat/kinh-te.en.md"
P1 = "docs/phan-thu-nhat/index.md"
DATA = "docs/data/chi-tieu.yml"
GLOSSARY = "docs/data/glossary.yml"
POINTS = "docs/data/diem-phan-tram.yml"
GUIDE = "docs/data/goi-y-lien-ket.yml"
PARAGRAPH = "Hệ thống kết cấu hạ tầng kinh tế - xã hội được cải thiện"


@dataclass
class Case:
    name: str
    file: str  # the file the editor edits, from the project's root
    edit: Callable  # str -> str (or bytes -> bytes when `binary`)
    at: (
        str | int | None
    )  # the line the message must name: a text on it, a number, or None (a key is named)
    words: tuple[str, ...]  # what the message must say
    build: str | None = None  # also build for real: "vi" (BUILD_ONLY_LOCALE=vi) or "all"
    binary: bool = False
    extra: dict[str, str] = field(default_factory=dict)  # other files the mistake adds {path: text}
    below: int = 0  # the message names the line this many lines below `at`
    at_file: str = ""  # where `at` is, when the message names another file than the edited one


def after(anchor: str, new: str) -> Callable[[str], str]:
    """Insert a paragraph after the first line that contains `anchor`."""

    def edit(text: str) -> str:
        lines = text.split("\n")
        index = next(i for i, line in enumerate(lines) if anchor in line)
        return "\n".join(lines[: index + 1] + ["", new] + lines[index + 1 :])

    return edit


def swap(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


def add_html(snippet: str) -> Callable[[str], str]:
    return after(PARAGRAPH, f"Đoạn mới {snippet} hết.")


def in_paragraph(snippet: str) -> Callable[[str], str]:
    """Add `snippet` at the end of an existing paragraph (a new paragraph in one language only would be
    a translation mistake of its own)."""

    def edit(text: str) -> str:
        lines = text.split("\n")
        index = next(i for i, line in enumerate(lines) if PARAGRAPH in line)
        lines[index] += f" {snippet}"
        return "\n".join(lines)

    return edit


STOPPED = [
    # Raw HTML and addresses: content is text, not code.
    Case(
        "script element",
        K,
        add_html("<script>alert(1)</script>"),
        "Đoạn mới",
        ("<script>", "not allowed"),
        "vi",
    ),
    Case(
        "onerror handler",
        K,
        add_html('<img src="../assets/favicon.svg" alt="" onerror="alert(1)">'),
        "Đoạn mới",
        ("onerror=", "runs a script"),
    ),
    Case(
        "javascript: Markdown link",
        K,
        add_html("[bấm vào](javascript:alert(1))"),
        "Đoạn mới",
        ("javascript:", "runs code"),
    ),
    Case(
        "javascript: HTML link",
        K,
        add_html('<a href="JaVaScRiPt:alert(1)">bấm</a>'),
        "Đoạn mới",
        ("runs code",),
    ),
    Case(
        "YouTube iframe",
        K,
        add_html('<iframe src="https://www.youtube.com/embed/x"></iframe>'),
        "Đoạn mới",
        ("<iframe>", "link to the video"),
        "vi",
    ),
    Case("embed element", K, add_html('<embed src="phim.swf">'), "Đoạn mới", ("<embed>",)),
    Case(
        "object element", K, add_html('<object data="a.pdf"></object>'), "Đoạn mới", ("<object>",)
    ),
    Case(
        "form element",
        K,
        add_html('<form action="https://example.org"><input name="x"></form>'),
        "Đoạn mới",
        ("<form>",),
    ),
    Case(
        "http Markdown link",
        K,
        add_html("[Cổng thông tin](http://thainguyen.gov.vn)"),
        "Đoạn mới",
        ("not https", "write https://"),
        "vi",
    ),
    Case("http autolink", K, add_html("<http://thainguyen.gov.vn>"), "Đoạn mới", ("not https",)),
    Case(
        "http HTML link",
        K,
        add_html('<a href="http://thainguyen.gov.vn">cổng</a>'),
        "Đoạn mới",
        ("not https",),
    ),
    Case(
        "protocol-relative link",
        K,
        add_html("[x](//thainguyen.gov.vn)"),
        "Đoạn mới",
        ("not https",),
    ),
    Case(
        "data: address",
        K,
        add_html("[x](data:text/html;base64,PHNjcmlwdD4=)"),
        "Đoạn mới",
        ("runs code",),
    ),
    Case(
        "image from another site",
        K,
        add_html("![ảnh](https://example.org/anh.png)"),
        "Đoạn mới",
        ("another site", "docs/assets/"),
    ),
    Case(
        "inline style",
        K,
        add_html('<span style="color:red">đỏ</span>'),
        "Đoạn mới",
        ("style=", "class"),
    ),
    Case(
        "tag outside the allow-list",
        K,
        add_html("<marquee>chạy</marquee>"),
        "Đoạn mới",
        ("<marquee>", "allow-list"),
    ),
    Case(
        "unknown attribute",
        K,
        add_html('<span onmouseover="x()">a</span>'),
        "Đoạn mới",
        ("onmouseover=",),
    ),
    # Markdown structure.
    Case(
        "heading without a space",
        K,
        swap("## 1.2. Về tăng trưởng", "##1.2. Về tăng trưởng"),
        "##1.2.",
        ("not a heading", "space after the # signs"),
        "vi",
    ),
    Case(
        "heading without an id",
        K,
        after(PARAGRAPH, "### Mục mới"),
        "### Mục mới",
        ("has no id", "{ #id }"),
    ),
    Case(
        "duplicate id",
        K,
        after(PARAGRAPH, "### Mục mới { #p1-ii-1-1 }"),
        "### Mục mới",
        ("already used",),
    ),
    Case(
        "id with Vietnamese letters",
        K,
        after(PARAGRAPH, "### Mục mới { #mục-mới }"),
        "### Mục mới",
        ("not a plain ASCII id",),
    ),
    Case(
        "footnote marker without body", K, add_html("[^99]"), "Đoạn mới", ("[^99]", "has no body")
    ),
    Case(
        "footnote body without marker",
        K,
        lambda s: s + "\n[^98]: Chú thích thừa.\n",
        "[^98]:",
        ("has no marker",),
    ),
    Case(
        "footnote with two bodies",
        K,
        lambda s: s + "\n[^1]: Lần nữa.\n",
        "[^1]: Lần nữa",
        ("two bodies",),
    ),
    Case(
        "tab-indented list",
        K,
        after(PARAGRAPH, "- mục một\n\t- mục con"),
        "\t- mục con",
        ("indented with a tab",),
        "vi",
    ),
    # Front matter.
    Case(
        "colon in the title",
        K,
        swap("title: II.1. Về lĩnh vực kinh tế", "title: II.1: Về lĩnh vực: kinh tế"),
        "title:",
        ("front matter", "in quotes"),
        "vi",
    ),
    Case(
        "misspelled front-matter key",
        K,
        swap("title: II.1.", "titel: II.1."),
        "titel:",
        ("unknown front-matter key", "did you mean `title`"),
    ),
    Case(
        "title that is a list",
        K,
        swap("title: II.1. Về lĩnh vực kinh tế", "title: [II.1, kinh tế]"),
        "title:",
        ("must be a text",),
    ),
    Case(
        "full_text not true or false",
        "docs/toan-van.md",
        swap("full_text: true", "full_text: có"),
        "full_text:",
        ("true or false",),
    ),
    Case(
        "front matter not closed",
        K,
        swap("title: II.1. Về lĩnh vực kinh tế\n---", "title: II.1. Về lĩnh vực kinh tế\n--"),
        1,
        ("never closed",),
    ),
    Case(
        "separator line under text",
        K,
        after(PARAGRAPH, "Đoạn mới gạch dưới\n---"),
        "Đoạn mới gạch dưới",
        ("heading without an id", "empty line"),
        below=1,
    ),
    # Markers.
    Case(
        "misspelled marker",
        P1,
        swap("<!-- indicators:summary -->", "<!-- indicator:summary -->"),
        "<!-- indicator:",
        ("not a marker", "<!-- indicators:summary -->"),
        "vi",
    ),
    Case(
        "unknown marker kind",
        P1,
        swap("<!-- indicators:summary -->", "<!-- indicators:tables -->"),
        "<!-- indicators:",
        ("unknown indicator marker 'tables'",),
    ),
    Case(
        "marker with a double comma",
        P1,
        swap("<!-- indicators:summary -->", "<!-- indicators:summary groups=1,,2 -->"),
        "<!-- indicators:",
        ("groups=1,,2", "single commas"),
        "vi",
    ),
    Case(
        "marker selecting no group",
        P1,
        swap("<!-- indicators:summary -->", "<!-- indicators:summary groups=16 -->"),
        "<!-- indicators:",
        ("selects no indicator",),
    ),
    Case(
        "unknown marker option",
        P1,
        swap("<!-- indicators:summary -->", "<!-- indicators:summary nhom=1 -->"),
        "<!-- indicators:",
        ("unknown marker option",),
    ),
    Case(
        "misspelled full-text marker",
        "docs/toan-van.md",
        swap("<!-- document:full-text -->", "<!-- document:fulltext -->"),
        "<!-- document:fulltext",
        ("<!-- document:full-text -->",),
    ),
    # Links and the menu.
    Case(
        "link to a missing anchor",
        "docs/chi-tieu.md",
        swap("phan-thu-hai/index.md#p2-i-2", "phan-thu-hai/index.md#p2-i-9"),
        "#p2-i-9",
        ("#p2-i-9", "not an id on phan-thu-hai/index.md"),
        "vi",
    ),
    Case(
        "link to a missing anchor on the same page",
        K,
        add_html("[mục 1.9](#p1-ii-1-9)"),
        "Đoạn mới",
        ("#p1-ii-1-9",),
    ),
    Case(
        "link to a missing page",
        K,
        add_html("[phần ba](../phan-thu-ba.md)"),
        "Đoạn mới",
        ("phan-thu-ba.md", "does not exist"),
    ),
    Case(
        "page left out of the nav",
        "docs/phan-thu-nhat/moi.md",
        lambda s: "# Mục mới { #p1-moi }\n",
        1,
        ("not in the menu", "- phan-thu-nhat/moi.md", "mkdocs.yml"),
        "vi",
        extra={"docs/phan-thu-nhat/moi.en.md": "# New section { #p1-moi }\n"},
    ),
    Case(
        "page without its English version",
        "docs/phan-thu-nhat/moi.md",
        lambda s: "# Mục mới { #p1-moi }\n",
        1,
        ("no 'en' version", "phan-thu-nhat/moi.md"),
        at_file="docs/phan-thu-nhat/moi.en.md",
    ),
    # The English pages against the Vietnamese ones.
    Case(
        "English heading without its id",
        K_EN,
        swap(" { #p1-ii-1-2 }", ""),
        "## 1.2. Growth",
        ("has no id",),
    ),
    Case(
        "English heading left out",
        K_EN,
        swap("## 1.2. Growth and economic restructuring { #p1-ii-1-2 }\n", ""),
        "{ #p1-ii-1-2-1 }",
        ("{ #p1-ii-1-2 }", "phan-thu-nhat/kinh-te.md, line", "same { #id }"),
        "all",
    ),
    Case(
        "English heading with another id",
        K_EN,
        swap("{ #p1-ii-1-2 }", "{ #p1-ii-1-2-x }"),
        "{ #p1-ii-1-2-x }",
        ("p1-ii-1-2-x", "not in phan-thu-nhat/kinh-te.md"),
    ),
    Case(
        "English heading one level off",
        K_EN,
        swap("## 1.1. Concretising", "### 1.1. Concretising"),
        "### 1.1.",
        ("# signs",),
    ),
    Case(
        "English number differs",
        K_EN,
        swap("VND 238 trillion", "VND 283 trillion"),
        "## 1.1.",
        ("numbers differ", "283"),
    ),
    Case(
        "English glossary term missing",
        K_EN,
        swap("The Provincial Party Organisation thoroughly", "The province thoroughly"),
        "## 1.1.",
        ("glossary", "Provincial Party Organisation"),
    ),
    # Encodings and invisible characters.
    Case(
        "NFD text in a page",
        K,
        swap("Về tăng trưởng", unicodedata.normalize("NFD", "Về tăng trưởng")),
        "## 1.2.",
        ("not Unicode NFC",),
    ),
    Case(
        "zero-width space in a word",
        K,
        swap("Hệ thống kết cấu", "Hệ thống kết\u200b cấu"),
        PARAGRAPH[17:],
        ("U+200B", "zero-width space"),
        "vi",
    ),
    Case(
        "soft hyphen",
        K,
        swap("Hệ thống kết cấu", "Hệ thống kết\u00ad cấu"),
        PARAGRAPH[17:],
        ("U+00AD",),
    ),
    Case(
        "right-to-left override",
        K,
        swap("Hệ thống kết cấu", "Hệ thống \u202ekết cấu"),
        PARAGRAPH[17:],
        ("U+202E",),
    ),
    Case(
        "form feed from a PDF",
        K,
        swap("Hệ thống kết cấu", "Hệ thống\x0c kết cấu"),
        PARAGRAPH[17:],
        ("control character",),
    ),
    Case(
        "byte order mark inside the text",
        K,
        swap("Hệ thống kết cấu", "Hệ thống \ufeffkết cấu"),
        PARAGRAPH[17:],
        ("U+FEFF",),
    ),
    Case(
        "page saved as Windows-1258",
        K,
        lambda b: b.replace("Hệ thống".encode(), "H\xeam".encode("latin-1"), 1),
        PARAGRAPH[17:],
        ("not UTF-8", 'save it as "UTF-8"'),
        "vi",
        binary=True,
    ),
    Case(
        "page saved as UTF-16",
        K,
        lambda b: b.decode("utf-8").encode("utf-16"),
        1,
        ("UTF-16",),
        binary=True,
    ),
    Case(
        "page saved with a byte order mark",
        K,
        lambda b: b"\xef\xbb\xbf" + b,
        1,
        ("byte order mark",),
        binary=True,
    ),
    # The indicator data.
    Case(
        "YAML syntax error in the indicators",
        DATA,
        swap("  - id: grdp-growth\n", "  - id: grdp-growth\n   bad: [\n"),
        "bad: [",
        ("YAML syntax error",),
    ),
    Case(
        "decimal comma",
        DATA,
        swap("result_2020: {value: 11.1}", "result_2020: {value: 11,1}"),
        "{value: 11,1}",
        ("decimal comma", "11.1"),
        "vi",
    ),
    Case(
        "decimal comma in block style",
        DATA,
        swap("result_2020: {value: 11.1}", "result_2020:\n      value: 11,1"),
        "value: 11,1",
        ("'11,1' is not a number", "dot"),
    ),
    Case(
        "duplicated key",
        DATA,
        swap(
            "    result_2020: {value: 11.1}\n",
            "    result_2020: {value: 11.1}\n    result_2020: {value: 12}\n",
        ),
        "{value: 12}",
        ("appears twice", "result_2020"),
        "vi",
    ),
    Case(
        "NFD text in the indicators",
        DATA,
        swap("Tốc độ tăng trưởng", unicodedata.normalize("NFD", "Tốc độ tăng trưởng")),
        "(GRDP) bình",
        ("not Unicode NFC",),
    ),
    Case(
        "zero-width space in the indicators",
        DATA,
        swap("Tốc độ tăng", "Tốc\u200b độ tăng"),
        "(GRDP) bình",
        ("U+200B",),
    ),
    Case(
        "tab in the indicators",
        DATA,
        swap("    group: 1\n", "\tgroup: 1\n"),
        "\tgroup: 1",
        ("tab",),
    ),
    Case(
        "unknown unit",
        DATA,
        swap("unit: million_vnd", "unit: dong"),
        "- id: grdp-per-capita",
        ("unknown unit 'dong'",),
    ),
    Case(
        "group out of range",
        DATA,
        swap("    group: 1\n", "    group: 16\n"),
        "- id: grdp-growth",
        ("field `group`",),
    ),
    Case(
        "label without English",
        DATA,
        swap(', en: "Average economic growth rate (GRDP)"}', "}"),
        "- id: grdp-growth",
        ("needs both",),
    ),
    Case(
        "section that does not exist",
        DATA,
        swap("sections: [p1-i, p1-ii-1-2, p2-i-2]", "sections: [p1-i, p1-ii-1-9, p2-i-2]"),
        "- id: grdp-growth",
        ("'p1-ii-1-9' does not exist",),
    ),
    Case(
        "data disagrees with the official list",
        DATA,
        swap("result_2020: {value: 84.04}", "result_2020: {value: 84.4}"),
        "(9) Cùng cố",
        ("list item (9)", "84.4", "docs/data/chi-tieu.yml"),
        "vi",
        at_file=P1,
    ),
    Case(
        "official list disagrees with the data",
        P1,
        swap("84,04%", "84,4%"),
        "(9) Cùng cố",
        ("list item (9)", "84.4"),
    ),
    # The glossary.
    Case(
        "glossary entry without English",
        GLOSSARY,
        swap('{vi: "Tỉnh ủy", en: "Provincial Party Committee"}', '{vi: "Tỉnh ủy"}'),
        '{vi: "Tỉnh ủy"}',
        ("no `en:`",),
        "vi",
    ),
    Case(
        "glossary syntax error",
        GLOSSARY,
        swap(
            '{vi: "Tỉnh ủy", en: "Provincial Party Committee"}', '{vi: "Tỉnh ủy", en: "Provincial'
        ),
        None,
        ("YAML syntax error",),
    ),
    Case(
        "glossary term twice",
        GLOSSARY,
        lambda s: s + '- {vi: "tỉnh ủy", en: "Provincial Committee"}\n',
        '"tỉnh ủy"',
        ("already in the glossary",),
    ),
    Case(
        "glossary unknown key",
        GLOSSARY,
        swap('{vi: "Tỉnh ủy", en:', '{vi: "Tỉnh ủy", ghi-chu: x, en:'),
        "ghi-chu",
        ("unknown key(s) ghi-chu",),
    ),
    # The exceptions to the percentage-point check (issue 26).
    Case(
        "percentage-point exception that matches nothing",
        POINTS,
        lambda s: s + '- {section: p1-ii-1-2, vi: "tỷ lệ giảm 5%", reason: "reworded since"}\n',
        "tỷ lệ giảm 5%",
        ("matches no sentence of section 'p1-ii-1-2'", "remove the entry"),
    ),
    Case(
        "percentage-point exception without a reason",
        POINTS,
        lambda s: s + '- {section: p1-i, vi: "Giảm tỷ lệ hộ nghèo"}\n',
        "Giảm tỷ lệ hộ nghèo",
        ("no `reason:` text",),
    ),
    # The discussion guide's links.
    Case(
        "guide link to a missing section",
        GUIDE,
        swap("gy-p2: [[p2-boi-canh]]", "gy-p2: [[p2-boi-canh-x]]"),
        "gy-p2:",
        ("'p2-boi-canh-x' does not exist",),
    ),
    Case(
        "guide section twice",
        GUIDE,
        lambda s: s + "gy-p2: [[p2-i-1]]\n",
        "gy-p2: [[p2-i-1]]",
        ("appears twice",),
    ),
    Case(
        "guide syntax error",
        GUIDE,
        swap("gy-p2: [[p2-boi-canh]]", "gy-p2: [[p2-boi-canh]"),
        "gy-p2:",
        ("YAML syntax error", "closing ]"),
        below=1,
    ),
    # The declared removals of section ids (a file the editor creates when a section goes).
    Case(
        "syntax error in the removed ids",
        "docs/data/ma-muc-da-bo.yml",
        lambda s: "p1-cu:\n  status: removed\n  into: [p1-i\n",
        None,
        ("docs/data/ma-muc-da-bo.yml:", "YAML syntax error"),
    ),
    Case(
        "removed id declared twice",
        "docs/data/ma-muc-da-bo.yml",
        lambda s: (
            "p1-cu:\n  status: removed\n  into: p1-i\np1-cu:\n  status: merged\n  into: p1-ii\n"
        ),
        4,
        ("`p1-cu` appears twice",),
    ),
    Case(
        "data file saved as Windows-1258",
        DATA,
        lambda b: b.replace("Tốc độ".encode(), "T\xf4c".encode("latin-1"), 1),
        "(GRDP) bình",
        ("not UTF-8",),
        binary=True,
    ),
    # mkdocs.yml settings.
    Case(
        "consultation closes before it opens",
        "mkdocs.yml",
        swap('closes: "2027-01-15"', 'closes: "2026-01-15"'),
        None,
        ("extra.consultation.closes", "before"),
    ),
    Case(
        "date that is not a date",
        "mkdocs.yml",
        swap('opens: "2026-11-20"', 'opens: "20/11/2026"'),
        None,
        ("extra.consultation.opens", "YYYY-MM-DD"),
    ),
    Case(
        "form address not https",
        "mkdocs.yml",
        swap("url: https://docs.google.com", "url: http://docs.google.com"),
        None,
        ("extra.consultation.form.url", "https://"),
    ),
    Case(
        "unknown form preset",
        "mkdocs.yml",
        swap("preset: google", "preset: microsoft"),
        None,
        ("extra.consultation.form.preset", "'google' or 'template'"),
    ),
    Case(
        "draft label without English",
        "mkdocs.yml",
        swap("        en: Draft of 31 March 2020\n", ""),
        None,
        ("extra.consultation.draft.label", "`en:`"),
    ),
    Case(
        "nav entry without a page",
        "mkdocs.yml",
        swap("- phan-thu-nhat/ha-tang.md", "- phan-thu-nhat/ha-tang-2.md"),
        "ha-tang-2.md",
        ("does not exist", "phan-thu-nhat/ha-tang-2.md"),
    ),
]

HARMLESS = [
    Case("Windows line endings", K, lambda s: s.replace("\n", "\r\n"), None, (), "vi"),
    Case(
        "title in quotes with a colon",
        K,
        swap("title: II.1. Về lĩnh vực kinh tế", 'title: "II.1: Về lĩnh vực kinh tế"'),
        None,
        (),
        "vi",
    ),
    Case(
        "an editor's own HTML comment",
        K,
        in_paragraph("<!-- ghi chú: kiểm tra lại số liệu -->"),
        None,
        (),
    ),
    Case(
        "allowed inline HTML",
        K,
        in_paragraph('<abbr title="Trung ương">TW</abbr> m<sup>x</sup><br>'),
        None,
        (),
    ),
    Case(
        "https link and mailto",
        K,
        in_paragraph("[cổng](https://thainguyen.gov.vn) <mailto:vp@thainguyen.gov.vn>"),
        None,
        (),
    ),
    Case(
        "HTML shown as code",
        K,
        in_paragraph("`<script>alert()</script>` và `[x](javascript:y)`"),
        None,
        (),
    ),
]


def _source_files() -> dict[str, bytes]:
    files = {
        p.relative_to(FIXTURE).as_posix(): p.read_bytes()
        for p in FIXTURE_DOCS.rglob("*")
        if p.is_file() and p.suffix in (".md", ".yml")
    }
    files["mkdocs.yml"] = FIXTURE_CONFIG.read_bytes()
    return files


SOURCES = _source_files()


def edited(case: Case) -> dict[str, bytes]:
    files = dict(SOURCES)
    old = files.get(case.file, b"")
    files[case.file] = (
        case.edit(old) if case.binary else case.edit(old.decode("utf-8")).encode("utf-8")
    )
    files.update({k: v.encode("utf-8") for k, v in case.extra.items()})
    return files


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, with !ENV tags taking their default."""


_ConfigLoader.add_constructor(
    "!ENV",
    lambda loader, node: (
        loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None
    ),
)


def editor_messages(files: dict[str, bytes]) -> list[str]:
    """What the build would tell the editor, from the plain check functions, in the build's order."""
    texts, unreadable = decode_sources(
        {k[5:]: v for k, v in files.items() if k.startswith("docs/")}
    )
    messages = [located(p) for p in unreadable]
    if messages:
        return messages
    messages = [
        located(p) for p in check_translations([r for r in texts if r.endswith(".md")], LANGUAGES)
    ]
    config_text = files["mkdocs.yml"].decode("utf-8")
    config = yaml.load(config_text, Loader=_ConfigLoader)
    try:
        load_consultation(config["extra"])
    except ConfigError as error:
        messages.append(f"mkdocs.yml: {error}")
    if messages:
        return messages
    for (
        lang
    ) in LANGUAGES:  # each language in turn, each hook's checks in turn, as the build runs them
        messages = [
            located(p) for p in check_sources(texts, lang, nav_files(config["nav"]), config_text)
        ]
        if not messages and lang == LANGUAGES[0]:  # the glossary and the translation memory, once
            messages = [located(p) for p in check_translation_sources(texts)]
        if messages:
            return messages
        pages = {r: t for r, t in texts.items() if r.endswith(".md") and file_language(r) == lang}
        known = {s.id for s in build_document(pages, lang).sections}
        try:
            data = parse_indicators(DATA, texts["data/chi-tieu.yml"], known)
        except DataError as error:
            return [prefixed(error, "Indicator data: ", "")]
        for rel, text in pages.items():
            messages += [
                f"docs/{m}"
                for m in check_markers(rel, text, data)
                + check_official_lists(rel, text, data, lang)
            ]
        if messages:
            return messages
        try:
            parse_guide_links(texts["data/goi-y-lien-ket.yml"], known)
        except GuideError as error:
            return [f"{GUIDE}:{error.line}: {error}"]
    return []


def expected_place(case: Case, files: dict[str, bytes]) -> str:
    """`file:line` the message must name (or just the file, when a key is named instead)."""
    name = case.at_file or case.file
    if case.at is None:
        return name
    if isinstance(case.at, int):
        return f"{name}:{case.at}"
    text = files[name].decode("utf-8", errors="replace").replace("\r\n", "\n")
    return f"{name}:{text[: text.index(case.at)].count(chr(10)) + 1 + case.below}"


def test_the_catalogue_is_large_and_unique():
    names = [c.name for c in STOPPED + HARMLESS]
    assert len(STOPPED) >= 60 and len(names) == len(set(names))
    assert editor_messages(SOURCES) == []


@pytest.mark.parametrize("case", STOPPED, ids=[c.name for c in STOPPED])
def test_mistake_is_stopped_with_a_plain_message(case):
    files = edited(case)
    messages = editor_messages(files)
    assert messages, f"{case.name}: published silently"
    place = expected_place(case, files)
    matching = [
        m
        for m in messages
        if re.search(re.escape(place) + r"(?![0-9])", m) and all(w in m for w in case.words)
    ]
    assert matching, f"{case.name}: no message names {place} and says {case.words}:\n" + "\n".join(
        messages
    )


@pytest.mark.parametrize("case", HARMLESS, ids=[c.name for c in HARMLESS])
def test_harmless_input_passes_the_checks(case):
    assert editor_messages(edited(case)) == []


def build(project: Path, case: Case) -> subprocess.CompletedProcess:
    """Apply the case to a copy of the project and run `mkdocs build --strict` as an editor would."""
    for name, data in edited(case).items():
        if data != SOURCES.get(name):
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_bytes(data)
    env = build_env(
        BUILD_DATE="2026-12-01", **({"BUILD_ONLY_LOCALE": "vi"} if case.build == "vi" else {})
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


BUILT = [c for c in STOPPED if c.build]


@pytest.mark.parametrize("case", BUILT, ids=[c.name for c in BUILT])
def test_the_build_stops_on_the_mistake(project_copy, case):
    result = build(project_copy, case)
    assert result.returncode != 0, f"{case.name}: the build published it"
    place = expected_place(case, edited(case))
    assert re.search(re.escape(place) + r"(?![0-9])", result.stderr), (
        f"{place} not in:\n{result.stderr[-3000:]}"
    )
    for words in case.words:
        assert words in result.stderr, f"{words!r} not in:\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr and not re.search(
        r"\b(Type|Key|Value|Attribute|Index)Error\b", result.stderr
    )
    assert "toan-van.md" not in result.stderr


def test_harmless_input_builds_to_the_right_output(project_copy):
    case = Case(
        "line endings and a quoted title",
        K,
        lambda s: swap("title: II.1. Về lĩnh vực kinh tế", 'title: "II.1: Về lĩnh vực kinh tế"')(
            s
        ).replace("\n", "\r\n"),
        None,
        (),
        "vi",
    )
    result = build(project_copy, case)
    assert result.returncode == 0, result.stderr[-3000:]
    html = page_html(project_copy / "site", "phan-thu-nhat/kinh-te/")
    assert html.title.get_text().startswith("II.1: Về lĩnh vực kinh tế")
    assert "title:" not in html.select_one("article").get_text()
    assert html.find(id="p1-ii-1-2").get_text().startswith("1.2. Về tăng trưởng")
    assert "\r" not in (
        project_copy / "site" / "phan-thu-nhat" / "kinh-te" / "index.html"
    ).read_text("utf-8")


def test_a_broken_mkdocs_yml_is_reported_by_line_without_a_traceback(project_copy):
    path = project_copy / "mkdocs.yml"
    path.write_text(
        path.read_text("utf-8").replace('closes: "2027-01-15"', 'closes: "2027-01-15\n', 1),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project_copy / "site")],
        cwd=project_copy,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode != 0
    assert re.search(r'mkdocs\.yml", line \d+', result.stderr) and "Traceback" not in result.stderr


# The rendered content's last guard (raw HTML that reached the page some other way).
@pytest.mark.parametrize(
    "content,found",
    [
        ("<p>x<script>alert(1)</script></p>", "<script>"),
        ('<p><img src="a.png" onerror="alert(1)"></p>', "onerror= on <img>"),
        ('<p><a href=" javascript:alert(1)">x</a></p>', "href="),
        ('<p><iframe src="https://example.org"></iframe></p>', "<iframe>"),
    ],
)
def test_code_in_rendered_content_is_found(content, found):
    assert any(found in item for item in unsafe_html(content))


def test_rendered_content_of_our_own_kind_is_not_code():
    assert (
        unsafe_html(
            '<p>Văn bản <a href="https://x.vn" target="_blank" rel="noopener">x</a></p>'
            '<figure class="indicator-chart"><svg role="img"><title>t</title></svg></figure>'
        )
        == []
    )


# The CSP trusts the scripts the templates emit, never a script inside the page's text.
def test_the_policy_never_trusts_a_script_of_the_text():
    theme = "<script>var palette=1</script>"
    content = "<article><p>x</p><script>alert(1)</script></article>"
    page = f'<html><head><meta charset="utf-8">{theme}</head><body>{content}</body></html>'
    assert template_script_hashes(page, content) == [script_hash("var palette=1")]
    assert script_hash("alert(1)") not in add_policy_meta(
        page, template_script_hashes(page, content)
    )
    # A text script identical to a template script adds nothing: it is the same code, allowed once.
    assert template_script_hashes(page + theme, content + theme) == [script_hash("var palette=1")]


def test_every_html_file_carries_the_policy_and_a_referrer_policy(site):
    files = sorted(site.rglob("*.html"))
    assert (site / "404.html") in files and any("/gop-y/" in p.as_posix() for p in files)
    for path in files:
        raw = path.read_text("utf-8")
        head = raw[: raw.find("</head>")]
        meta = re.search(
            r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">',
            head,
            re.I,
        )
        assert meta, path
        assert (
            meta[1].startswith("default-src 'self'; script-src 'self'")
            and "unsafe-inline" not in meta[1]
        ), path
        assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in head, path
        allowed = set(re.findall(r"'sha256-[^']+'", meta[1]))
        assert allowed == set(inline_script_hashes(raw)), path


# The QR cache: entries are written whole, and a damaged entry is drawn again, never fatal.
@pytest.mark.parametrize("damage", ["", "41", "41 M2 2h7v1h-7", "x y", "\x00\x00"])
def test_a_damaged_qr_cache_entry_is_drawn_again(tmp_path, damage):
    address = "https://example.org/gop-y/p1-i/"
    fresh = qr_svg(address, "Góp ý")
    qr_svg(address, "Góp ý", tmp_path)
    [entry] = tmp_path.iterdir()
    entry.write_text(damage, encoding="latin-1")
    assert qr_svg(address, "Góp ý", tmp_path) == fresh
    assert (
        entry.read_text("ascii").split(" ", 1)[0].isdigit() and len(entry.read_text("ascii")) > 100
    )
    assert [p.name for p in tmp_path.iterdir()] == [entry.name]  # no temporary file left behind


def _fails() -> None:
    raise ValueError("docs/x.md:3: broken")


# A step of the build returns its result, or stops the build: a failure of the code says what failed,
# with its traceback, and that the software (not the editor) is at fault.
def test_a_build_step_returns_its_result_or_stops_the_build_as_a_software_failure():
    from mkdocs.exceptions import PluginError

    from draftsite.engine.glue import run_step
    from draftsite.messages import SOFTWARE_FAILURE_VI

    assert run_step("sorting", sorted, [3, 1, 2]) == [1, 2, 3]
    with pytest.raises(
        PluginError, match=r"(?s)reading the pages.*Traceback.*ValueError: docs/x.md:3: broken"
    ) as error:
        run_step("reading the pages", _fails)
    assert SOFTWARE_FAILURE_VI in str(error.value)
