"""Issue 29, «What readers are told»: the privacy page names the form's provider and the organiser's
contact from the settings (publishing refuses without the contact); the home page leads to the
outcome page and says when it is filled; footnote back-links, indicator downloads and table
captions speak the page's language; a printed chapter page says which part it belongs to, and the
PDF's title page carries no section id."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import (
    AXE,
    FIXTURE_CONFIG,
    FIXTURE_DOCS,
    ORGANISER_CONTACT,
    ROOT,
    _QuietHandler,
    fill_in_organiser,
    language_pages,
    page_html,
    run_build,
)

from draftsite.checks.markdown_checks import check_markers
from draftsite.comments.consultation import (
    ConfigError,
    form_provider_text,
    format_day,
    load_consultation,
    organiser_problem,
)

CONFIG = yaml.safe_load(FIXTURE_CONFIG.read_text("utf-8").replace("!ENV", ""))
CONSULTATION = CONFIG["extra"]["consultation"]
PREFIX = {"vi": "", "en": "en/"}
FORM = (
    "https://docs.google.com/forms/d/e/1FAIpQLSf-Tieu-ban-Van-kien/viewform?usp=pp_url&entry.2051=section"
    "&entry.2052=label&entry.2053=revision&entry.2054=revision_date&entry.2055=url&entry.2056=lang"
)
ORGANISER = {
    "name": {"vi": "Tiểu ban Văn kiện", "en": "Document Subcommittee"},
    **ORGANISER_CONTACT,
}


def settings(**changes: object) -> dict:
    """The fixture's `extra` with the consultation block changed."""
    return {"consultation": {**CONSULTATION, **changes}}


# ---------------------------------------------------------------------------------------------
# 10. The privacy page: the form's provider and the organiser's contact, from the settings.


@pytest.mark.parametrize(
    "organiser,key,words",
    [
        ("Tiểu ban Văn kiện", "extra.consultation.organiser", "write it as a block"),
        ({**ORGANISER, "fax": "0208 111 222"}, "extra.consultation.organiser.fax", "unknown key"),
        (
            {**ORGANISER, "name": {"vi": "Tiểu ban Văn kiện"}},
            "extra.consultation.organiser.name",
            "`vi:` and `en:`",
        ),
        ({**ORGANISER, "address": ""}, "extra.consultation.organiser.address", "empty"),
        (
            {**ORGANISER, "email": "tieubanvankien"},
            "extra.consultation.organiser.email",
            "is not an e-mail address",
        ),
        (
            {**ORGANISER, "phone": "0208 …"},
            "extra.consultation.organiser.phone",
            "is not a phone number",
        ),
        ({**ORGANISER, "phone": 2083855123}, "extra.consultation.organiser.phone", "in quotes"),
    ],
)
def test_a_wrong_organiser_block_names_its_key_and_what_to_write(organiser, key, words):
    with pytest.raises(ConfigError) as error:
        load_consultation(settings(organiser=organiser))
    message = str(error.value)
    assert message.startswith(f"{key}:") and words in message, message


def test_a_missing_or_sample_contact_is_not_publishable():
    assert "extra.consultation.organiser is missing" in organiser_problem(
        load_consultation(settings())
    )
    assert "huong-dan-bien-tap.md, §5" in organiser_problem(load_consultation(settings()))
    sample = load_consultation(settings(organiser={**ORGANISER, "email": "gopy@example.org"}))
    assert (
        "extra.consultation.organiser.email still points at an example address"
        in organiser_problem(sample)
    )
    assert organiser_problem(load_consultation(settings(organiser=ORGANISER))) is None


def test_the_forms_provider_is_named_from_the_form_settings():
    google = load_consultation(settings())
    assert "Google Forms" in form_provider_text(
        google, "vi"
    ) and "Google LLC" in form_provider_text(google, "vi")
    assert "outside Viet Nam" in form_provider_text(google, "en")
    template = load_consultation(
        settings(
            form={
                "preset": "template",
                "template": "https://gopy.thainguyen.gov.vn/phieu?muc={section}",
            }
        )
    )
    for lang in ("vi", "en"):
        text = form_provider_text(template, lang)
        assert "gopy.thainguyen.gov.vn" in text and "Google" not in text


def test_without_a_contact_the_local_privacy_page_says_what_the_editors_must_fill_in(site):
    for lang in ("vi", "en"):
        page = page_html(site, PREFIX[lang] + "quyen-rieng-tu/")
        receivers = page.select_one("#nguoi-nhan + p").get_text(" ")
        assert "Google Forms" in receivers and "Google LLC" in receivers, receivers
        assert "<!--" not in str(page.select_one("article"))
        missing = page.select_one("#quyen ~ .organiser-missing")
        assert missing is not None and "extra.consultation.organiser" in missing.get_text()
        assert page.select_one(".organiser-contact") is None


def _serve(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.browser
def test_publishing_refuses_a_missing_contact_and_the_privacy_page_shows_the_one_filled_in(
    project_copy, browser
):
    config = project_copy / "mkdocs.yml"
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "set_form.py"), FORM, "--config", str(config)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "extra.consultation.organiser" in done.stdout, "set_form says what else publishing needs"
    # The organiser's form, no contact: a local build goes on with a notice, publishing is refused.
    local = run_build(project_copy, project_copy / "local")
    assert local.returncode == 0, local.stderr
    assert (
        "INFO" in local.stderr
        and "Not publishable yet: extra.consultation.organiser is missing" in local.stderr
    )
    refused = run_build(project_copy, project_copy / "refused", PUBLISH="1")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "publishing refused: extra.consultation.organiser is missing" in refused.stderr, (
        refused.stderr[-1500:]
    )
    assert "placeholder form" not in refused.stderr
    # The editor fills the block as the guide says: publishing goes on, the page shows the contact.
    fill_in_organiser(config)
    published = run_build(project_copy, project_copy / "site", PUBLISH="1")
    assert published.returncode == 0, published.stderr
    assert "Not publishable" not in published.stderr
    site = project_copy / "site"
    names = yaml.safe_load(config.read_text("utf-8").replace("!ENV", ""))["extra"]["consultation"][
        "organiser"
    ]["name"]
    for lang in ("vi", "en"):
        page = BeautifulSoup(
            (site / PREFIX[lang] / "quyen-rieng-tu" / "index.html").read_text("utf-8"),
            "html.parser",
        )
        assert page.select_one(".organiser-missing") is None
        contact = page.select_one("#quyen ~ ul.organiser-contact")
        text = contact.get_text(" ")
        assert names[lang] in text and ORGANISER_CONTACT["address"] in text
        assert (
            contact.select_one("a[href^='mailto:']")["href"]
            == "mailto:" + ORGANISER_CONTACT["email"]
        )
        assert contact.select_one("a[href^='tel:']").get_text() == ORGANISER_CONTACT["phone"]
        assert "Google LLC" in page.select_one("#nguoi-nhan + p").get_text(" ")
    # The filled-in page passes axe in both languages.
    server = _serve(site)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        failures = []
        for url in ("quyen-rieng-tu/", "en/quyen-rieng-tu/"):
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


def test_a_malformed_contact_stops_even_a_local_build(project_copy):
    fill_in_organiser(
        project_copy / "mkdocs.yml", {**ORGANISER_CONTACT, "email": "tieuban at thainguyen"}
    )
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    # The line of mkdocs.yml, Vietnamese first, the English kept.
    assert re.search(
        r"mkdocs\.yml:[1-9][0-9]*: extra\.consultation\.organiser\.email: 'tieuban at thainguyen' không "
        r"phải địa chỉ thư điện tử.* \(English: extra\.consultation\.organiser\.email: 'tieuban at "
        r"thainguyen' is not an e-mail address",
        result.stderr,
    ), result.stderr[-1500:]


def test_the_privacy_pages_take_provider_and_contact_from_markers_the_checks_know():
    for name in ("quyen-rieng-tu.md", "quyen-rieng-tu.en.md"):
        for root in (FIXTURE_DOCS, ROOT / "docs"):
            text = (root / name).read_text("utf-8")
            assert (
                "<!-- consultation:form-provider -->" in text
                and "<!-- consultation:organiser -->" in text
            )
            assert "Google" not in text, f"{root / name}: the provider comes from the settings"
            assert check_markers(name, text) == []
    misspelled = check_markers("quyen-rieng-tu.md", "Liên hệ:\n\n<!-- consultation:organizer -->\n")
    assert len(misspelled) == 1 and "<!-- consultation:organiser -->" in str(misspelled[0])


# ---------------------------------------------------------------------------------------------
# 11. The home page leads to the outcome page and says when it is filled.


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_home_page_links_the_outcome_page_and_gives_the_closing_date_from_the_settings(site, lang):
    source = (FIXTURE_DOCS / ("index.md" if lang == "vi" else "index.en.md")).read_text("utf-8")
    closes = format_day(load_consultation(settings()).closes, lang)
    assert "<!-- consultation:closes -->" in source and closes not in source, (
        "the date is not typed in the page"
    )
    html = page_html(site, PREFIX[lang])
    link = html.select_one("article a[href='tong-hop-y-kien/']")
    assert link is not None
    menu = html.select_one(".md-sidebar--primary a.md-nav__link[href='tong-hop-y-kien/']")
    assert link.get_text(strip=True) == re.sub(r"\s+", " ", menu.get_text()).strip()
    sentence = re.sub(r"\s+", " ", link.parent.get_text())
    assert closes in sentence, sentence
    assert ("15/1/2027" if lang == "vi" else "15 January 2027") == closes


# ---------------------------------------------------------------------------------------------
# 12. The page's language: footnote back-links, indicator downloads, table captions.


@pytest.mark.parametrize(
    "lang,title",
    [
        ("vi", "Quay lại chỗ đánh dấu chú thích {n} trong văn bản"),
        ("en", "Jump back to footnote {n} in the text"),
    ],
)
def test_footnote_back_links_are_titled_in_the_pages_language(site, lang, title):
    seen = 0
    pages = language_pages(site, lang) + [site / PREFIX[lang] / "toan-van" / "index.html"]
    for path in pages:
        for back in page_html(site, path.relative_to(site).as_posix()).select("a.footnote-backref"):
            number = back["href"].rsplit(":", 1)[1]
            assert back["title"] == title.format(n=number), f"{path}: {back['title']}"
            seen += 1
    assert seen >= 32  # 16 notes on the chapter pages and 16 on the full text


ENGLISH_CODES = (
    "target_2020",
    "result_2020",
    "target_2025",
    "percent",
    "per_year",
    "at_least",
    "above",
    "below",
    "million_vnd",
    "workers",
    "district_units",
    "comparator",
    "sections",
    "label",
    "group",
    "unit",
)


def test_the_vietnamese_downloads_speak_vietnamese_under_a_vietnamese_name(site):
    assert (
        not (site / "data" / "indicators.csv").exists()
        and not (site / "data" / "indicators.json").exists()
    )
    raw = (site / "data" / "chi-tieu.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert (
        header[:4] == ["Mã chỉ tiêu", "Nhóm", "Chỉ tiêu", "Đơn vị"]
        and header[-1] == "Mục liên quan"
    )
    assert "Mục tiêu 2020–2025: so sánh" in header and "Kết quả 2020: số liệu" in header
    words = [cell for row in rows for cell in row[1:-1]]  # not the ids, nor the section ids
    for code in ENGLISH_CODES:
        assert not any(code in cell for cell in words), f"{code!r} in the Vietnamese CSV"
    growth = dict(zip(header, next(r for r in rows if r[0] == "grdp-growth"), strict=False))
    assert growth["Đơn vị"] == "%/năm" and growth["Mục tiêu 2020–2025: so sánh"] == "tối thiểu"
    assert (
        growth["Mục tiêu 2020–2025: số liệu"] == "8" and growth["Kết quả 2020: số liệu"] == "11,1"
    )
    data = json.loads((site / "data" / "chi-tieu.json").read_text("utf-8"))
    first = data["chi_tieu"][0]
    assert data["ngon_ngu"] == "vi" and first["don_vi"] == "%/năm"
    assert first["muc_tieu_2020_2025"] == {"so_lieu": 8, "so_sanh": "tối thiểu"}
    flat = json.dumps(data, ensure_ascii=False)
    assert not any(f'"{code}' in flat for code in ENGLISH_CODES), (
        "English keys or codes in the Vietnamese JSON"
    )


def test_the_english_downloads_keep_their_name_and_codes(site):
    header = (site / "en" / "data" / "indicators.csv").read_text("utf-8-sig").split("\r\n")[0]
    assert header.startswith("id,group,label,unit,target_2020_comparator,target_2020_value")
    assert (
        json.loads((site / "en" / "data" / "indicators.json").read_text("utf-8"))["indicators"][0][
            "unit"
        ]
        == "percent_per_year"
    )
    assert not (site / "en" / "data" / "chi-tieu.csv").exists()


@pytest.mark.parametrize("lang,name", [("vi", "chi-tieu"), ("en", "indicators")])
def test_every_download_link_names_its_languages_file(site, lang, name):
    checked = 0
    for url in ("chi-tieu/", "phan-thu-nhat/", "phan-thu-hai/", "toan-van/"):
        path = site / PREFIX[lang] / url / "index.html"
        for link in page_html(site, PREFIX[lang] + url).select(".indicator-downloads a[href]"):
            assert Path(link["href"]).stem == name, f"{url}: {link['href']}"
            assert (path.parent / link["href"]).resolve().is_file(), f"{url}: {link['href']}"
            checked += 1
    assert checked >= 8


@pytest.mark.parametrize("lang,source", [("vi", "Nguồn:"), ("en", "Source:")])
def test_indicator_table_captions_give_the_source_in_words(site, lang, source):
    for url in ("phan-thu-nhat/", "phan-thu-hai/", "chi-tieu/"):
        for caption in page_html(site, PREFIX[lang] + url).select("table.indicator-table caption"):
            note = caption.select_one(".indicator-source").get_text()
            assert (
                note.startswith(source)
                and "docs/" not in caption.get_text()
                and ".yml" not in caption.get_text()
            )


# ---------------------------------------------------------------------------------------------
# 13. Print: a chapter page names its part; the PDF's title page has no section id.


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.mark.browser
@pytest.mark.parametrize(
    "lang,url,part,other",
    [
        ("vi", "phan-thu-nhat/kinh-te/", "Phần thứ nhất", "Phần thứ hai"),
        ("vi", "phan-thu-hai/kinh-te/", "Phần thứ hai", "Phần thứ nhất"),
        ("en", "phan-thu-hai/kinh-te/", "Part Two", "Part One"),
    ],
)
def test_a_printed_chapter_page_names_its_part_at_the_top_of_every_page(
    browser, server, tmp_path, lang, url, part, other
):
    tab = browser.new_page()
    tab.goto(server + PREFIX[lang] + url)
    tab.emulate_media(media="print")
    target = tmp_path / "page.pdf"
    tab.pdf(path=str(target), prefer_css_page_size=True)
    tab.close()
    pages = pdf_pages(target)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        header = next(line for line in text.splitlines() if line.strip())
        assert ("Dự thảo Báo cáo chính trị" if lang == "vi" else "Draft Political Report") in header
        assert header.strip().endswith(f"– {part}"), f"page {number}: {header.strip()}"
        assert other not in header


def test_pages_outside_the_parts_keep_the_plain_running_header(site):
    for url in ("", "goi-y-thao-luan/", "cong-van/", "toan-van/"):
        sheet = page_html(site, url).select_one("link[rel=stylesheet][media=print]")["href"]
        assert sheet.endswith("assets/stylesheets/print-vi.css"), url
    plain = (site / "assets" / "stylesheets" / "print-vi.css").read_text("utf-8")
    assert "Phần thứ" not in plain


@pytest.mark.parametrize("pdf", ["du-thao-bao-cao-chinh-tri.pdf", "en/draft-political-report.pdf"])
def test_the_pdfs_title_page_shows_no_section_id(site, pdf):
    pages = pdf_pages(site / pdf)
    title = re.sub(r"\s+", "", pages[0])
    assert "[#" not in title, pages[0]
    assert "[#p1-ii-1]" in re.sub(r"\s+", "", "".join(pages[1:])), (
        "the sections keep their printed ids"
    )
