"""Issue 2: the document as a faithful site — pages, order, ids, footnotes, no conversion scars."""

from __future__ import annotations

import csv
import re
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import (
    FIXTURE_CONFIG,
    FIXTURE_DOCS,
    ROOT,
    SITE_URL,
    language_pages,
    page_html,
    run_build,
)

SOURCE = (
    ROOT / "source" / "du-thao-2020-03-31.md.txt"
)  # the original as received (a copy of shared/source)
SECTIONS = list(
    csv.DictReader(
        (ROOT / "tests" / "data" / "sections.tsv").open(encoding="utf-8"), delimiter="\t"
    )
)
DOCUMENT_ORDER = [
    "",
    "cong-van/",
    "bao-cao/",
    "phan-thu-nhat/",
    "phan-thu-nhat/kinh-te/",
    "phan-thu-nhat/ha-tang/",
    "phan-thu-nhat/tai-nguyen-moi-truong/",
    "phan-thu-nhat/van-hoa-xa-hoi/",
    "phan-thu-nhat/quoc-phong-an-ninh/",
    "phan-thu-nhat/xay-dung-dang/",
    "phan-thu-nhat/danh-gia-chung/",
    "phan-thu-nhat/bai-hoc-kinh-nghiem/",
    "phan-thu-hai/",
    "phan-thu-hai/kinh-te/",
    "phan-thu-hai/ha-tang/",
    "phan-thu-hai/tai-nguyen-moi-truong/",
    "phan-thu-hai/van-hoa-xa-hoi/",
    "phan-thu-hai/quoc-phong-an-ninh/",
    "phan-thu-hai/xay-dung-dang/",
    "phan-thu-hai/chinh-quyen/",
    "phan-thu-hai/cai-cach-tu-phap/",
    "phan-thu-hai/mat-tran-doan-the/",
    "phan-thu-hai/dot-pha/",
    "goi-y-thao-luan/",
]


# The page URL of a source path ("phan-thu-nhat/index.md" → "phan-thu-nhat/").
def url_of(page: str) -> str:
    page = re.sub(r"(^|/)index\.md$", r"\1", page)
    return re.sub(r"\.md$", "/", page)


# Visible text of an element without the heading permalink.
def heading_text(element) -> str:
    for link in element.select("a.headerlink, .cite-button"):
        link.decompose()
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


def test_every_document_page_is_built_in_both_languages(site):
    for url in DOCUMENT_ORDER:
        assert (site / url / "index.html").is_file(), f"missing Vietnamese page /{url}"
        assert (site / "en" / url / "index.html").is_file(), f"missing English page /en/{url}"


def test_navigation_follows_the_document_order(site):
    nav = page_html(site, "").select("nav.md-nav--primary a.md-nav__link[href]")
    order = []
    for link in nav:
        href = link["href"].lstrip("./").split("#")[0]
        href = "" if href in ("", "index.html") else href
        if href not in order:
            order.append(href)
    document = [u for u in order if u in DOCUMENT_ORDER]
    assert document == DOCUMENT_ORDER


def test_every_section_has_its_heading_and_id(site):
    assert len(SECTIONS) == 108
    for row in SECTIONS:
        html = page_html(site, url_of(row["page"]))
        element = html.find(id=row["id"])
        assert element is not None, f"#{row['id']} missing on /{url_of(row['page'])}"
        assert element.name == f"h{row['level']}", (
            f"#{row['id']} is a {element.name}, expected h{row['level']}"
        )
        assert heading_text(element) == row["title"], f"#{row['id']} heading text changed"


# Heading-like lines of the source: Markdown headings, and italic or bold paragraphs that are numbered or starred.
def source_headings() -> list[str]:
    found = []
    for line in SOURCE.read_text(encoding="utf-8").split("\n"):
        text = line.strip()
        heading = re.match(r"^#+\s*(.*)$", text)
        styled = re.match(r"^\*{1,2}((?:\\\*|[0-9]+\.|PHẦN).*?)\*{1,2}$", text)
        if heading or styled:
            words = (heading or styled)[1].replace("\\*", "*").replace("**", "").strip("* ").strip()
            found.append(re.sub(r"\s+", " ", words))
    return found


def test_every_numbered_heading_of_the_source_is_a_section():
    titles = [row["title"] for row in SECTIONS]
    for heading in source_headings():
        assert any(heading.rstrip("*") in title for title in titles), (
            f"source heading not found: {heading!r}"
        )


def test_heading_ids_are_unique_across_the_site(site):
    for lang in ("vi", "en"):
        seen: dict[str, str] = {}
        for path in language_pages(site, lang):
            html = page_html(site, path.relative_to(site).as_posix())
            for heading in html.select(
                "article h1[id], article h2[id], article h3[id], article h4[id], article h5[id], article h6[id]"
            ):
                where = path.relative_to(site).as_posix()
                assert heading["id"] not in seen, (
                    f"id {heading['id']} on {where} and {seen[heading['id']]}"
                )
                assert heading["id"].isascii()
                seen[heading["id"]] = where


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sixteen_footnotes_link_both_ways(site, lang):
    markers, notes = Counter(), Counter()
    for path in language_pages(site, lang):
        html = page_html(site, path.relative_to(site).as_posix())
        for ref in html.select("sup[id^='fnref'] a.footnote-ref"):
            label = ref["href"].removeprefix("#fn:")
            markers[label] += 1
            assert ref.get_text() == label, f"marker shows {ref.get_text()} for footnote {label}"
            assert html.find(id=f"fn:{label}") is not None, f"marker {label} on {path} has no note"
        for note in html.select("div.footnote li[id^='fn:']"):
            label = note["id"].removeprefix("fn:")
            notes[label] += 1
            assert note.get("value") == label
            back = note.select_one("a.footnote-backref")
            assert back is not None and html.find(id=back["href"].lstrip("#")) is not None
    expected = Counter(str(n) for n in range(1, 17))
    assert markers == expected
    assert notes == expected


def test_no_conversion_scars_in_any_page(site):
    bodies = [
        re.sub(r"\s+", " ", b).strip()
        for b in re.findall(r"^<sup>\d+</sup>\s+(.{40})", SOURCE.read_text("utf-8"), re.M)
    ]
    for where in DOCUMENT_ORDER[1:]:
        html = page_html(site, where)
        article = html.select_one("article")
        text = article.get_text("\n")
        assert "<sup>" not in text and "</sup>" not in text, where
        assert "\\*" not in text, where
        assert not re.search(r"^\s*-{3,}\s*$", text, re.M), where
        for note in article.select("div.footnote"):
            note.decompose()
        main = re.sub(r"\s+", " ", article.get_text(" "))
        for body in bodies:
            assert body not in main, f"footnote body in the main text of {where}: {body}"


# Tokens of the text, without Markdown syntax: the same words, numbers and punctuation in the same counts.
def tokens(text: str) -> Counter:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"(?<=[0-9])m<sup>2</sup>", "m²", text)
    text = re.sub(r"<sup>\(?[0-9]+\)?</sup>", " ", text)
    text = re.sub(r"\[\^[0-9]+\]:?", " ", text)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"^\s*(?:#+|-{3,}|- )\s*", " ", text, flags=re.M)
    text = text.replace("\\*", "*").replace("*", "")
    return Counter(text.split())


FIRST_DRAFT = "du-thao-2020-03-31"


# The Vietnamese document pages of the first draft as the repository holds it: its tag, or, before
# the first tag, main's latest commit while mkdocs.yml still names that draft. {path: text}
def first_draft_pages() -> dict[str, str]:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout

    if git("tag", "-l", FIRST_DRAFT).strip():
        ref = FIRST_DRAFT
    else:
        config = git("show", "HEAD:mkdocs.yml")
        assert f"id: {FIRST_DRAFT}" in config, (
            f"the first draft has no tag {FIRST_DRAFT} and main no longer names it: "
            f"tag the commit it was published from (editor guide, section 6)"
        )
        ref = "HEAD"
    names = git("ls-tree", "-r", "--name-only", ref, "docs").split("\n")
    return {
        name[len("docs/") :]: git("show", f"{ref}:{name}") for name in names if name.endswith(".md")
    }


# The words of the document pages (Vietnamese; the cover letter, report and discussion guide).
def document_tokens(pages: dict[str, str]) -> Counter:
    words = Counter()
    for rel, text in sorted(pages.items()):
        if rel.endswith(".en.md") or not rel.startswith(
            ("cong-van", "bao-cao/", "phan-thu-", "goi-y")
        ):
            continue
        words += tokens(re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S))
    return words


@pytest.mark.parametrize("which", ["the tests' snapshot", "the first draft in git"])
def test_document_text_is_the_source_text_word_for_word(which):
    source = tokens(SOURCE.read_text(encoding="utf-8"))
    if which == "the first draft in git":
        pages = first_draft_pages()
    else:
        pages = {
            p.relative_to(FIXTURE_DOCS).as_posix(): p.read_text("utf-8")
            for p in FIXTURE_DOCS.rglob("*.md")
        }
    words = document_tokens(pages)
    assert words - source == Counter(), "words on the site that the source does not have"
    assert source - words == Counter(), "words of the source missing from the site"


def test_home_page_says_draft_and_links_to_every_part(site):
    html = page_html(site, "")
    text = html.select_one("article").get_text(" ")
    assert "dự thảo" in text.lower()
    links = {a["href"].split("#")[0] for a in html.select("article a[href]")}
    for part in ("cong-van/", "bao-cao/", "phan-thu-nhat/", "phan-thu-hai/", "goi-y-thao-luan/"):
        assert part in links, f"home page does not link to {part}"


# A crafted bad input: edit one file of a project copy, build, and return the build's error output.
def broken_build(project: Path, rel: str, edit) -> str:
    path = project / "docs" / rel
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode != 0, "the build should have stopped"
    assert not (project / "site" / "index.html").exists() or True
    return result.stderr


def test_heading_without_id_stops_the_build(project_copy):
    error = broken_build(
        project_copy,
        "phan-thu-nhat/kinh-te.md",
        lambda t: t.replace(
            "### 1.2.1. Trong lĩnh vực công nghiệp { #p1-ii-1-2-1 }",
            "### 1.2.1. Trong lĩnh vực công nghiệp",
        ),
    )
    assert "phan-thu-nhat/kinh-te.md:27:" in error and "has no id" in error


def test_duplicate_id_stops_the_build(project_copy):
    error = broken_build(
        project_copy,
        "phan-thu-hai/dot-pha.md",
        lambda t: t.replace("{ #p2-dot-pha }", "{ #p1-ii-1-2-1 }"),
    )
    assert "p1-ii-1-2-1" in error and "already used" in error and "phan-thu-hai/dot-pha.md" in error


def test_footnote_marker_without_body_stops_the_build(project_copy):
    error = broken_build(
        project_copy,
        "phan-thu-nhat/ha-tang.md",
        lambda t: re.sub(r"^\[\^3\]:.*$", "", t, flags=re.M),
    )
    assert "phan-thu-nhat/ha-tang.md" in error and "[^3] has no body" in error


def test_footnote_body_without_marker_stops_the_build(project_copy):
    error = broken_build(
        project_copy,
        "phan-thu-nhat/ha-tang.md",
        lambda t: t.replace("quy hoạch[^3].", "quy hoạch."),
    )
    assert "phan-thu-nhat/ha-tang.md" in error and "[^3] has no marker" in error


def test_text_that_is_not_nfc_stops_the_build(project_copy):
    error = broken_build(
        project_copy,
        "phan-thu-hai/dot-pha.md",
        lambda t: t.replace("Phát triển", unicodedata.normalize("NFD", "Phát triển"), 1),
    )
    assert "phan-thu-hai/dot-pha.md" in error and "not Unicode NFC" in error


def test_mkdocs_config_is_strict_and_has_no_third_party_fonts():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").replace("!ENV", ""))
    assert config["strict"] is True
    assert config["theme"]["font"] is False
    assert config["site_url"] == ["SITE_URL", SITE_URL] and SITE_URL.startswith("https://")


# What editors own in mkdocs.yml (the pages, the consultation, withdrawn drafts): the tests keep their
# own; everything else is the software's and must be the same in the tests' copy.
def _without_editor_keys(config: dict) -> dict:
    config = dict(config)
    config.pop("nav", None)
    config.pop("exclude_docs", None)
    config["extra"] = {
        k: v
        for k, v in (config.get("extra") or {}).items()
        if k not in ("consultation", "withdrawn_drafts")
    }
    return config


def test_the_tests_settings_follow_the_sites_except_what_editors_own():
    def read(path: Path) -> dict:
        return yaml.safe_load(path.read_text("utf-8").replace("!ENV", ""))

    assert _without_editor_keys(read(FIXTURE_CONFIG)) == _without_editor_keys(
        read(ROOT / "mkdocs.yml")
    ), (
        "mkdocs.yml changed outside nav/extra.consultation: make the same change in tests/fixture/mkdocs.yml"
    )
