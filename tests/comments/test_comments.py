"""Issue 4: every section links to the prefilled comment form; consultation status; bad settings."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import http.server
import re
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import FIXTURE_CONFIG, FIXTURE_DOCS, ROOT, _QuietHandler, page_html, run_build

from draftsite.comments.consultation import ConfigError, load_consultation, status

SECTIONS = list(
    csv.DictReader(
        (ROOT / "tests" / "data" / "sections.tsv").open(encoding="utf-8"), delimiter="\t"
    )
)
CONFIG = yaml.safe_load(FIXTURE_CONFIG.read_text("utf-8").replace("!ENV", ""))
SETTINGS = CONFIG["extra"]["consultation"]
FIELDS = {v: k for k, v in SETTINGS["form"]["fields"].items()}  # entry.NNN -> named field


def url_of(page: str) -> str:
    page = re.sub(r"(^|/)index\.md$", r"\1", page)
    return re.sub(r"\.md$", "/", page)


# The named values a comment link sends to the form.
def decoded(href: str) -> dict[str, str]:
    query = parse_qs(urlsplit(href).query)
    return {FIELDS[k]: v[0] for k, v in query.items() if k in FIELDS}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_section_has_exactly_one_prefilled_comment_link(site, site_url, lang):
    prefix = "" if lang == "vi" else "en/"
    for row in SECTIONS:
        url = prefix + url_of(row["page"])
        html = page_html(site, url)
        heading = html.find(id=row["id"])
        following = heading.find_next_sibling()
        assert following is not None and "comment-link" in following.get("class", []), (
            f"#{row['id']} has no link under it"
        )
        links = [
            a
            for a in html.select("p.comment-link a")
            if decoded(a["href"]).get("section") == row["id"]
        ]
        assert len(links) == 1, f"#{row['id']} on /{url} has {len(links)} comment links"
        values = decoded(links[0]["href"])
        assert values["url"] == f"{site_url}{url}#{row['id']}"
        assert values["revision"] == SETTINGS["draft"]["label"][lang]
        assert values["revision_date"] == "2020-03-31"
        assert values["lang"] == lang
        assert values["label"].startswith(
            ("Phần", "Báo cáo", "Chủ đề", "Gợi ý", "Part", "Political", "Congress", "Discussion")
        )
        assert links[0].get("rel") == ["noopener"]
        assert heading.find("a", href=re.compile("docs.google")) is None, (
            "the link must not sit inside the heading"
        )


def test_comment_links_name_their_section(site):
    html = page_html(site, "phan-thu-nhat/kinh-te/")
    link = html.find(id="p1-ii-1-2-1").find_next_sibling().a
    assert link.get_text() == "Góp ý mục II.1.2.1"
    assert (
        decoded(link["href"])["label"] == "Phần thứ nhất, mục II.1.2.1 – Trong lĩnh vực công nghiệp"
    )
    star = html.find(id="p1-ii-1-2-2-xuat-nhap-khau").find_next_sibling().a
    assert star.get_text() == "Góp ý mục «Hoạt động xuất nhập khẩu»"
    english = (
        page_html(site, "en/phan-thu-nhat/kinh-te/").find(id="p1-ii-1-2-1").find_next_sibling().a
    )
    assert english.get_text() == "Comment on section II.1.2.1"


def test_comment_links_are_not_in_the_search_index_source(site):
    html = page_html(site, "phan-thu-nhat/kinh-te/")
    for link in html.select(".comment-link"):
        assert link.has_attr("data-search-exclude")


def test_general_link_and_status_on_every_page(site):
    for url in ("", "phan-thu-nhat/kinh-te/", "chi-tieu/", "en/"):
        html = page_html(site, url)
        general = html.select_one(".consultation-general .comment-link a")
        assert general is not None and decoded(general["href"])["section"] == "du-thao"
        status_line = html.select_one(".consultation-status")
        assert status_line is not None and status_line["data-closes"] == str(SETTINGS["closes"])


def test_discussion_guide_items_link_to_the_report_and_the_form(site):
    html = page_html(site, "goi-y-thao-luan/")
    spans = html.select("span.guide-links")
    mapping = yaml.safe_load((FIXTURE_DOCS / "data" / "goi-y-lien-ket.yml").read_text("utf-8"))
    assert len(spans) == sum(len(v) for v in mapping.values())
    for span in spans:
        targets = [a for a in span.select("a") if "comment-link" not in a.get("class", [])]
        assert targets
        for target in targets:
            page, _, anchor = target["href"].partition("#")
            assert page_html(site, page.removeprefix("../")).find(id=anchor) is not None
        form = span.select_one("a.comment-link")
        assert decoded(form["href"])["section"] == targets[0]["href"].partition("#")[2]


def test_a_hostile_heading_gives_an_escaped_working_link(project_copy):
    page = project_copy / "docs" / "phan-thu-hai" / "dot-pha.md"
    hostile = 'Đột phá "mới" & &lt;script&gt;alert(1)&lt;/script&gt; phát triển'
    text = page.read_text("utf-8").replace(
        "# \\* Các đột phá phát triển { #p2-dot-pha }", f"# \\* {hostile} {{ #p2-dot-pha }}"
    )
    page.write_text(text, "utf-8")
    english = page.with_suffix(
        ".en.md"
    )  # the English heading keeps the same numbers, as the build requires
    english.write_text(
        english.read_text("utf-8").replace(
            "# \\* Development breakthroughs { #p2-dot-pha }",
            "# \\* Development breakthroughs &lt;script&gt;alert(1)&lt;/script&gt; { #p2-dot-pha }",
        ),
        "utf-8",
    )
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    from bs4 import BeautifulSoup

    raw = (project_copy / "site" / "phan-thu-hai" / "dot-pha" / "index.html").read_text("utf-8")
    html = BeautifulSoup(raw, "html.parser")
    paragraph = html.find(id="p2-dot-pha").find_next_sibling()
    assert "comment-link" in paragraph["class"]
    assert [c.name for c in paragraph.find_all(True, recursive=False)] == ["a", "a", "span"]
    assert paragraph.find_all("a", recursive=False)[1]["class"] == ["comment-privacy"]
    assert not paragraph.find_all("script") and not paragraph.a.find_all(True)
    link = paragraph.a
    expected = 'Phần thứ hai › Đột phá "mới" & <script>alert(1)</script> phát triển'
    assert decoded(link["href"])["label"] == expected
    assert link["title"] == f"Góp ý về {expected}"
    assert link.get_text() == 'Góp ý mục «Đột phá "mới" & <script>alert(1)</script> phát triển»'
    assert not html.select("article script"), "no markup may be injected"
    assert "<script>alert(1)" not in raw


def test_status_follows_the_dates():
    consultation = load_consultation(CONFIG["extra"])
    assert status(consultation, consultation.opens - dt.timedelta(days=1)) == "upcoming"
    assert status(consultation, consultation.closes) == "open"
    assert status(consultation, consultation.closes + dt.timedelta(days=1)) == "closed"


def test_a_build_after_the_closing_date_has_no_comment_links(project_copy):
    result = run_build(project_copy, project_copy / "site", BUILD_DATE="2027-06-01")
    assert result.returncode == 0, result.stderr
    raw = (project_copy / "site" / "phan-thu-nhat" / "kinh-te" / "index.html").read_text("utf-8")
    assert 'class="comment-link" data-search-exclude>' not in raw
    assert 'data-state="closed"' in raw


BAD_CONFIG = [
    (
        "no form url",
        lambda s: re.sub(r"\n      url: https://docs.google.com[^\n]*", "", s),
        "extra.consultation.form.url: no form URL",
    ),
    (
        "unknown template field",
        lambda s: s.replace(
            "      preset: google\n",
            "      preset: template\n      template: https://example.org/f?s={section}&x={colour}\n",
        ),
        "unknown field {colour}",
    ),
    (
        "malformed url",
        lambda s: s.replace("url: https://docs.google.com/", "url: https//docs google.com/"),
        "is not a valid https:// URL",
    ),
    (
        "closes before opens",
        lambda s: s.replace('closes: "2027-01-15"', 'closes: "2026-01-15"'),
        "is before opens",
    ),
    (
        "not a date",
        lambda s: s.replace('opens: "2026-11-20"', 'opens: "2026-13-45"'),
        "extra.consultation.opens: '2026-13-45' is not a date",
    ),
    (
        "not a date either",
        lambda s: s.replace('closes: "2027-01-15"', "closes: 15/01/2027"),
        "extra.consultation.closes: '15/01/2027' is not a date",
    ),
]


@pytest.mark.parametrize("name,edit,expected", BAD_CONFIG, ids=[c[0] for c in BAD_CONFIG])
def test_bad_consultation_settings_stop_the_build(project_copy, name, edit, expected):
    path = project_copy / "mkdocs.yml"
    path.write_text(edit(path.read_text("utf-8")), "utf-8")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert expected in result.stderr and "mkdocs.yml" in result.stderr, result.stderr[-1500:]


def test_load_consultation_rejects_a_missing_block():
    with pytest.raises(ConfigError, match="extra.consultation is missing"):
        load_consultation({})


class _FormStub(http.server.BaseHTTPRequestHandler):
    received: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server API
        _FormStub.received.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<!doctype html><title>form</title><p>ok</p>")

    def log_message(self, *args):
        pass


@pytest.fixture
def form_stub():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FormStub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _FormStub.received = []
    yield f"http://127.0.0.1:{server.server_address[1]}/form"
    server.shutdown()


@pytest.fixture
def stub_site(project_copy, form_stub):
    """The site built against a local stub form, served on 127.0.0.1."""
    path = project_copy / "mkdocs.yml"
    text = re.sub(
        r"url: https://docs.google.com[^\n]*", f"url: {form_stub}", path.read_text("utf-8")
    )
    path.write_text(text, "utf-8")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(project_copy / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.browser
def test_clicking_a_comment_link_delivers_the_section_to_the_form(page, stub_site):
    page.goto(stub_site + "phan-thu-nhat/kinh-te/")
    link = page.get_by_role("link", name="Góp ý mục II.1.2.1")
    with page.context.expect_page() as opened:
        link.click()
    form = opened.value
    form.wait_for_load_state()
    values = {FIELDS[k]: v[0] for k, v in parse_qs(urlsplit(form.url).query).items() if k in FIELDS}
    assert values["section"] == "p1-ii-1-2-1"
    assert values["label"] == "Phần thứ nhất, mục II.1.2.1 – Trong lĩnh vực công nghiệp"
    assert values["revision"] == "Dự thảo ngày 31/3/2020"
    assert values["url"].endswith("/phan-thu-nhat/kinh-te/#p1-ii-1-2-1")
    assert any(path.startswith("/form?") and "p1-ii-1-2-1" in path for path in _FormStub.received)


@pytest.mark.browser
def test_after_the_closing_date_links_are_gone_and_the_notice_shows(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.clock.install(time=dt.datetime(2027, 1, 16, 1, 0, tzinfo=dt.UTC))
    tab.goto(server + "phan-thu-nhat/kinh-te/")
    assert tab.locator(".comment-link:visible").count() == 0
    assert tab.locator(".comment-closed-notice").is_visible()
    assert "đã kết thúc" in tab.locator(".consultation-status").inner_text()
    context.close()


@pytest.mark.browser
def test_on_the_last_day_links_are_still_there(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.clock.install(time=dt.datetime(2027, 1, 15, 16, 0, tzinfo=dt.UTC))  # 23:00 in Viet Nam
    tab.goto(server + "phan-thu-nhat/kinh-te/")
    assert tab.locator("p.comment-link:visible").count() > 10
    assert not tab.locator(".comment-closed-notice").is_visible()
    context.close()
