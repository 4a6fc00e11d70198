"""Issue 6: citable text — paragraph anchors, copy-citation, sharing metadata, print and PDF."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import ROOT, assemble_project, language_pages, page_html, run_build

DOCUMENT_URLS = [
    u
    for u in (
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
    )
]


# Paragraph ids of a built page, in order.
def paragraph_ids(site, url: str) -> list[str]:
    return [
        e["id"]
        for e in page_html(site, url).select("article p[id], article li[id]")
        if not e["id"].startswith("fn:")
    ]


def test_every_paragraph_has_a_unique_id_and_a_link_to_itself(site):
    seen = set()
    for url in DOCUMENT_URLS:
        html = page_html(site, url)
        for block in html.select("article p, article li"):
            if block.find_parent(
                class_=re.compile(
                    "footnote|indicators|consultation-general|guide-links|translation-notice"
                )
            ):
                continue
            if {"comment-link", "page-updated"} & set(block.get("class") or []) or (
                block.get("id") or ""
            ).startswith("fn:"):
                continue
            assert block.get("id"), f"a block on /{url} has no id: {block.get_text()[:60]!r}"
            assert re.fullmatch(r"[a-z0-9-]+-d[0-9]+", block["id"]), block["id"]
            assert block["id"] not in seen
            seen.add(block["id"])
            link = block.select_one(":scope > .paragraph-tools a.paragraph-link")
            assert link is not None and link["href"] == f"#{block['id']}"
    assert len(seen) > 250


def test_paragraph_ids_are_the_same_in_both_languages(site):
    for url in DOCUMENT_URLS:
        assert paragraph_ids(site, url) == paragraph_ids(site, "en/" + url), url


def test_paragraph_ids_are_stable_across_builds(site, tmp_path):
    again = tmp_path / "again"
    result = run_build(assemble_project(tmp_path / "project"), again)
    assert result.returncode == 0, result.stderr
    for url in DOCUMENT_URLS:
        assert paragraph_ids(site, url) == paragraph_ids(again, url)


def test_every_page_has_sharing_metadata_with_absolute_urls(site, site_url):
    for lang, locale in (("vi", "vi_VN"), ("en", "en_US")):
        for path in language_pages(site, lang):
            rel = path.relative_to(site).as_posix()
            html = page_html(site, rel)
            description = html.select_one('meta[name="description"]')
            assert description and len(description["content"]) > 40, rel
            canonical = html.select_one('link[rel="canonical"]')["href"]
            assert canonical.startswith(site_url)
            og = {m["property"]: m["content"] for m in html.select("meta[property^='og:']")}
            assert og["og:url"] == canonical
            assert og["og:title"] and og["og:description"] and og["og:site_name"]
            assert og["og:locale"] == locale
            assert html.select_one('meta[name="twitter:card"]')["content"] == "summary"
            assert html.html["lang"] == lang
            alternates = {
                a["hreflang"]: a["href"] for a in html.select('link[rel="alternate"][hreflang]')
            }
            assert set(alternates) >= {"vi", "en"} and all(
                h.startswith(site_url) for h in alternates.values()
            )
    assert (site / "sitemap.xml").is_file()


def test_print_shows_section_ids_and_comment_addresses(site):
    css = (site / "assets" / "stylesheets" / "extra.css").read_text("utf-8")
    assert "@media print" in css and 'content: " [#" attr(id) "]"' in css
    html = page_html(site, "phan-thu-nhat/kinh-te/")
    qr = html.find(id="p1-ii-1-2-1").find_next_sibling().select_one(".comment-qr")
    assert qr.img["src"] == "../../gop-y/p1-ii-1-2-1/qr.svg" and qr.img["loading"] == "lazy"
    assert (site / "gop-y" / "p1-ii-1-2-1" / "qr.svg").read_text("utf-8").startswith("<svg")
    assert qr.select_one(".comment-qr__url").get_text().endswith("/gop-y/p1-ii-1-2-1/")
    redirect = (site / "gop-y" / "p1-ii-1-2-1" / "index.html").read_text("utf-8")
    assert 'http-equiv="refresh"' in redirect and "entry.1000001=p1-ii-1-2-1" in redirect
    assert "Dự thảo Báo cáo chính trị" in (
        site / "assets" / "stylesheets" / "print-vi.css"
    ).read_text("utf-8")


def test_full_text_page_holds_the_whole_document(site):
    full = page_html(site, "toan-van/")
    for url in DOCUMENT_URLS:
        for ident in paragraph_ids(site, url):
            assert full.find(id=ident) is not None, f"{ident} is not on the full-text page"
    assert len(full.select("div.footnote li[id^='fn:']")) == 16


@pytest.fixture(scope="session")
def pdfs(site):
    """The PDFs printed with the site (see the `site` fixture)."""
    return [site / "du-thao-bao-cao-chinh-tri.pdf", site / "en" / "draft-political-report.pdf"]


# Text of a PDF, via poppler's pdftotext.
def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_has_every_heading_in_readable_vietnamese(pdfs, site):
    vi = pdfs[0]
    assert vi.name == "du-thao-bao-cao-chinh-tri.pdf" and vi.is_file()
    info = subprocess.run(["pdfinfo", str(vi)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])
    assert 35 <= pages <= 90
    text = re.sub(r"\s+", " ", pdf_text(vi))
    for phrase in ("Thái Nguyên", "đột phá", "Dự thảo Báo cáo chính trị", "Trang 2"):
        assert phrase in text
    import csv

    rows = csv.DictReader(
        (ROOT / "tests" / "data" / "sections.tsv").open(encoding="utf-8"), delimiter="\t"
    )
    for row in rows:
        words = re.sub(r"\s+", " ", row["title"]).strip()
        assert words[:40] in text, f"heading missing from the PDF: {words[:60]}"


def test_pdf_fonts_are_embedded(pdfs):
    for pdf in pdfs:
        fonts = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        rows = fonts.strip().splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), fonts


@pytest.mark.browser
def test_copy_citation_of_a_paragraph(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "phan-thu-nhat/kinh-te/#p1-ii-1-2-1-d2")
    page.locator("#p1-ii-1-2-1-d2 .cite-button").focus()
    page.keyboard.press("Enter")
    page.locator(".cite-live").filter(has_text=re.compile(".+")).wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(
        "«Tốc độ tăng bình quân giá trị sản xuất ngành công nghiệp đạt 16,3%/năm."
    )
    assert (
        "» (Dự thảo Báo cáo chính trị Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ XX, bản ngày 31/3/2020, "
        "Phần thứ nhất, mục II.1.2.1, đoạn 2) "
    ) in copied
    assert copied.endswith("/phan-thu-nhat/kinh-te/#p1-ii-1-2-1-d2")
    assert page.locator(".cite-live").inner_text() == "Đã sao chép trích dẫn"
    context.close()


@pytest.mark.browser
def test_copy_citation_quotes_the_selection(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "en/phan-thu-nhat/kinh-te/")
    page.evaluate("""() => {
      const p = document.getElementById('p1-ii-1-2-1-d2');
      const node = [...p.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('16.3%'));
      const range = document.createRange();
      const start = node.textContent.indexOf('16.3%');
      range.setStart(node, start); range.setEnd(node, start + 5);
      getSelection().removeAllRanges(); getSelection().addRange(range);
    }""")
    page.locator(".cite-selection").click()
    page.locator(".cite-live").filter(has_text=re.compile(".+")).wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("“16.3%” (Draft Political Report")
    assert (
        "version of 31 March 2020, Part One, section II.1.2.1, paragraph 2; "
        "unofficial English translation of the Vietnamese draft)"
    ) in copied
    context.close()


@pytest.mark.browser
def test_citation_falls_back_to_a_selectable_field(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new Error('denied'))"
    )
    page.goto(server + "phan-thu-nhat/kinh-te/")
    page.locator("#p1-ii-1-2-1 .cite-button").click(force=True)
    field = page.locator(".cite-fallback textarea")
    field.wait_for()
    assert field.input_value().startswith("«1.2.1. Trong lĩnh vực công nghiệp» (Dự thảo")
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    context.close()


@pytest.mark.browser
def test_opening_a_paragraph_link_highlights_it(page, server):
    page.goto(server + "phan-thu-nhat/kinh-te/#p1-ii-1-2-1-d2")
    outline = page.evaluate(
        "getComputedStyle(document.getElementById('p1-ii-1-2-1-d2')).outlineStyle"
    )
    assert outline == "solid"
    top = page.evaluate("document.getElementById('p1-ii-1-2-1-d2').getBoundingClientRect().top")
    assert 0 <= top < 400
