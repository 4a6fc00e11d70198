"""Issue 9: quality gates — accessibility, page weight, links, privacy and security, HTML validity."""

from __future__ import annotations

import gzip
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest
from conftest import (
    ROOT,
    SITE_PATH,
    axe_violations,
    broken_internal_links,
    language_pages,
)

PAGE_TYPES = [
    "",
    "phan-thu-nhat/kinh-te/",
    "chi-tieu/",
    "goi-y-thao-luan/",
    "toan-van/",
    "cong-van/",
    "kha-nang-tiep-can/",
    "tong-hop-y-kien/",
    "quyen-rieng-tu/",
]
REPORT_PAGES = [
    "phan-thu-nhat/kinh-te/",
    "phan-thu-nhat/xay-dung-dang/",
    "phan-thu-hai/van-hoa-xa-hoi/",
    "phan-thu-hai/kinh-te/",
    "en/phan-thu-nhat/xay-dung-dang/",
]
# Bytes transferred (gzip) by the first view of a report page. Issue 27 (comment on a paragraph: the
# page's comment-form meta, citation.js's comment links, their style) allows 2 KB over 90,000; the
# English chapter page went from 89,535 to 90,204 (+669).
BUDGET = 91_000


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_axe_finds_no_violation(browser, server, lang, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    failures = []
    for url in PAGE_TYPES:
        page.goto(server + ("" if lang == "vi" else "en/") + url)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default"
        )
        failures += [f"/{url} {v}" for v in axe_violations(page)]
    context.close()
    assert failures == []


@pytest.mark.browser
def test_keyboard_reaches_skip_link_comment_links_and_citation(page, server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + "phan-thu-nhat/kinh-te/")
    page.keyboard.press("Tab")
    first = page.evaluate(
        "({cls: document.activeElement.className, href: document.activeElement.getAttribute('href')})"
    )
    assert "md-skip" in first["cls"]
    reached = set()
    for _ in range(120):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            return {cls: e.className || '', text: e.textContent.trim().slice(0, 30),
                    outline: getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).boxShadow}; }""")
        if "cite-button" in info["cls"]:
            reached.add("cite")
        if info["text"].startswith("Góp ý mục"):
            reached.add("comment")
            assert info["outline"] != "none none", "the focused link must show a focus ring"
        if reached == {"cite", "comment"}:
            break
    assert reached == {"cite", "comment"}
    assert page.locator(".md-search").get_attribute("aria-label")


# gzip size of a built file.
def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


@pytest.mark.browser
@pytest.mark.parametrize("url", REPORT_PAGES)
def test_first_view_of_a_report_page_stays_within_budget(browser, server, site, url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + url, wait_until="networkidle")
    context.close()
    total = 0
    for address in requested:
        path = site / unquote(urlsplit(address).path).removeprefix(SITE_PATH)
        path = path / "index.html" if path.is_dir() else path
        assert path.is_file(), f"{address} is not a file of the site"
        total += gzipped(path)
    assert total <= BUDGET, f"/{url}: {total} bytes (gzip) on first view"


def test_no_template_of_the_build_is_published(site):
    # overrides/fragments/ holds the build's templates: a file MkDocs does not read as a template
    # (any name not ending in .html) would be copied into the site as it is.
    assert not (site / "fragments").exists()
    fragments = Path(__file__).resolve().parents[2] / "overrides" / "fragments"
    assert sorted(p.suffix for p in fragments.iterdir()) == [".html"] * len(
        list(fragments.iterdir())
    )


def test_the_sites_own_scripts_and_style_sheets_are_served_without_their_comments():
    from draftsite.page_meta.served_assets import served

    script = (
        '// What it does.\n(function () {\n  // Why.\n  var url = "https://example.org/"; // kept\n'
        "  var x = 1;\n})();\n"
    )
    assert (
        served("a.js", script)
        == '(function () {\n  var url = "https://example.org/"; // kept\n  var x = 1;\n})();\n'
    )
    sheet = '/* Why.\n   More. */\na { content: "/* not a comment */"; }\n/* Print. */\n@media print { b { c: d; } }\n'
    assert (
        served("a.css", sheet)
        == '\na { content: "/* not a comment */"; }\n@media print { b { c: d; } }\n'
    )
    assert served("a.svg", sheet) == sheet


def test_served_scripts_and_style_sheets_keep_everything_but_comments(site):
    from draftsite.page_meta.served_assets import served

    for source in sorted((ROOT / "overrides" / "assets").rglob("*")):
        if source.suffix in (".js", ".css"):
            built = site / "assets" / source.relative_to(ROOT / "overrides" / "assets")
            assert built.read_text("utf-8") == served(source.name, source.read_text("utf-8")), (
                source.name
            )
            assert not re.search(
                r"^\s*//", built.read_text("utf-8"), re.M
            ) and "/* " not in built.read_text("utf-8")


def test_all_internal_links_and_anchors_resolve(site, site_url):
    assert broken_internal_links(site, site_url) == []


@pytest.mark.browser
def test_no_request_leaves_the_site_and_no_cookie_is_set(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    hosts: set[str] = set()
    violations: list[str] = []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or message.type == "error"
            else None
        ),
    )
    for url in PAGE_TYPES + ["en/", "en/phan-thu-nhat/kinh-te/"]:
        page.goto(server + url, wait_until="networkidle")
        page.locator("label[for=__search]").first.click()
        page.locator("input.md-search__input").press_sequentially("nong thon", delay=5)
        page.wait_for_timeout(300)
        page.keyboard.press("Escape")
    assert hosts == {urlsplit(server).netloc}
    assert context.cookies() == []
    assert violations == []
    context.close()


# Material fetches sitemap.xml beside each hreflang alternate of a page: every page folder, in both
# languages, has one (empty but for the root's and the language's), so no page load ends in a 404.
def test_every_page_folder_has_the_sitemap_material_looks_for(site):
    pages = [
        path.parent
        for path in site.rglob("index.html")
        if "gop-y" not in path.relative_to(site).parts
    ]
    assert len(pages) > 60
    missing = [
        str(folder.relative_to(site)) for folder in pages if not (folder / "sitemap.xml").is_file()
    ]
    assert missing == []
    assert "<url>" in (site / "sitemap.xml").read_text("utf-8") and "<url>" in (
        site / "en" / "sitemap.xml"
    ).read_text("utf-8")


def test_every_page_carries_a_strict_content_security_policy(site):
    for lang in ("vi", "en"):
        for path in language_pages(site, lang):
            raw = path.read_text("utf-8")
            meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', raw)
            assert meta, path
            policy = dict(part.strip().split(" ", 1) for part in meta[1].split(";") if part.strip())
            assert policy["default-src"] == "'self'"
            assert "unsafe-inline" not in meta[1] and "unsafe-eval" not in meta[1]
            assert policy["style-src"] == "'self'" and policy["script-src"].startswith("'self'")
            assert not re.search(r"\son[a-z]+=", raw), f"inline event handler in {path}"
            assert "<style" not in raw, f"inline style element in {path}"
    headers = (site / "_headers").read_text("utf-8")
    assert (
        "Content-Security-Policy: default-src 'self'" in headers
        and "frame-ancestors 'none'" in headers
    )


def test_pages_are_valid_html5_with_unique_ids(site):
    for lang in ("vi", "en"):
        for path in language_pages(site, lang) + [
            site / ("toan-van" if lang == "vi" else "en/toan-van") / "index.html"
        ]:
            parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
            try:
                parser.parse(path.read_bytes())
            except html5lib.html5parser.ParseError as error:
                pytest.fail(f"{path.relative_to(site)}: {error}")
            ids = Counter(re.findall(r'\sid="([^"]+)"', path.read_text("utf-8")))
            duplicates = [i for i, n in ids.items() if n > 1]
            assert duplicates == [], f"{path.relative_to(site)}: duplicate ids {duplicates[:5]}"


# The blocks the build puts into pages carry no attribute that only Markdown reads (`markdown="0"`
# leaked into the published HTML, an error of the Nu Html Checker).
def test_no_page_carries_an_attribute_meant_for_markdown(site):
    leaks = [
        path.relative_to(site).as_posix()
        for path in sorted(site.rglob("*.html"))
        if re.search(r"<[a-z][^>]*\smarkdown=", path.read_text("utf-8"))
    ]
    assert leaks == []
