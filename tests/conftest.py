"""Shared fixtures: one strict build of the whole site per test session, HTML helpers, a local
HTTP server for the built site, and headless Chromium (Debian's) driven by Playwright.

The tests test the software, not the editors' current content: every build here is of the tests'
own snapshot of the document (`tests/fixture/`: `docs/` and `mkdocs.yml`, the first draft with the
sample form), with the repository's code (`hooks/`, `overrides/`). Whatever the editors publish in
`docs/` and `mkdocs.yml` (a real form, a second draft, responses, a closed consultation) leaves the
suite green; the workflow's strict build of every draft is what checks their content."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
FIXTURE = ROOT / "tests" / "fixture"  # the tests' own document and settings
FIXTURE_DOCS = FIXTURE / "docs"
FIXTURE_CONFIG = FIXTURE / "mkdocs.yml"
# axe-core, as axe-playwright-python ships it, and the rules every accessibility check of the suite runs.
AXE = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js").read_text("utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CODE_FILES = ("hooks", "overrides")  # taken from the repository: the software under test
SITE_URL = re.search(r"^site_url:.*?(https://[^\"\s\]]+)", FIXTURE_CONFIG.read_text("utf-8"), re.M)[
    1
]
SITE_PATH = urlsplit(SITE_URL).path  # "/du-thao-bao-cao-chinh-tri/"
# The tests' "today": a day inside the fixture's consultation (20/11/2026 to 15/01/2027), so the suite
# does not change its verdicts as the calendar moves. Every build and publication of the suite counts
# it as today (BUILD_DATE, unless a test gives its own), and every browser tab's clock starts at it
# (10:00 in Viet Nam); a test about another day says so (its own BUILD_DATE, tab.clock.install).
TEST_DAY = "2026-12-01"
TEST_NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)
# Inherited by the tools the tests run in their own process (publish) and by every subprocess.
os.environ["BUILD_DATE"] = TEST_DAY


CONTACT_LINK = re.compile(r"mailto:[^@\s]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+|tel:\+?[0-9]{8,15}")
# The organiser's contact as the editor guide (§5) has the editors fill it in: the sample block of
# mkdocs.yml, its # signs removed, with an address, an e-mail and a phone number.
ORGANISER_CONTACT = {
    "address": "Số 11 đường Nha Trang, phường Phan Đình Phùng, tỉnh Thái Nguyên",
    "email": "tieubanvankien@tbvk-thainguyen.vn",
    "phone": "0208 3855 123",
}


# Environment for a quiet MkDocs run.


def axe_violations(page, selector: str | None = None) -> list[str]:
    """axe's violations (AXE_TAGS) on the page as it is now, or inside `selector`: one line each,
    "rule: help [its first three targets]"."""
    page.evaluate(AXE)
    result = page.evaluate(
        "([selector, tags]) => axe.run(selector || document, {runOnly: {type: 'tag', values: tags}})",
        [selector, AXE_TAGS],
    )
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]


def build_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    env.pop("BUILD_ONLY_LOCALE", None)
    env.update(extra)
    return env


# Run `mkdocs build --strict` in `project` into `site_dir`; returns the finished process.
def run_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=build_env(**env),
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def origin():
    """A local HTTP server bound before the build, so that the site can be built for its address."""
    holder: dict[str, str] = {}
    handler = functools.partial(_SitePathHandler, holder=holder)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    yield httpd, holder, f"http://127.0.0.1:{httpd.server_address[1]}{SITE_PATH}"
    httpd.server_close()


@pytest.fixture(scope="session")
def site_url(origin) -> str:
    """The address the session's site is built for (the local server, under the production path)."""
    return origin[2]


@pytest.fixture(scope="session")
def site(tmp_path_factory, browser, origin, fixture_project) -> Path:
    """The whole site, built once per session as the publishing workflow builds it —
    `mkdocs build --strict`, then the PDFs (tools/make_pdf.py) — for the local server's address,
    so that absolute links (canonical, hreflang, comment pages) stay on this machine."""
    out = tmp_path_factory.mktemp("site")
    result = run_build(fixture_project, out, SITE_URL=origin[2])
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    sys.path.insert(0, str(ROOT / "tools"))
    from make_pdf import make_pdfs

    make_pdfs(out, browser)
    return out


# A buildable project in `target`: the tests' document and settings (tests/fixture/) with the
# repository's code (hooks/, overrides/). Returns `target`.
def assemble_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(FIXTURE_DOCS, target / "docs")
    shutil.copy2(FIXTURE_CONFIG, target / "mkdocs.yml")
    for name in CODE_FILES:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


# §5 of the editor guide: remove the # signs of the `organiser:` block of mkdocs.yml and fill in the
# address, e-mail and phone (the sample block already names the organiser in both languages).
def fill_in_organiser(config: Path, contact: dict[str, str] = ORGANISER_CONTACT) -> None:
    text = config.read_text("utf-8")
    block = re.search(r"^( +)# organiser:\n(?:\1#   .*\n)+", text, re.M)
    assert block, f"{config}: no commented `# organiser:` block to fill in"
    filled = re.sub(rf"^{block[1]}# ", block[1], block[0], flags=re.M)
    for key, value in contact.items():
        assert f'{key}: ""' in filled, f"the organiser block has no empty `{key}`"
        filled = filled.replace(f'{key}: ""', f'{key}: "{value}"')
    config.write_text(text.replace(block[0], filled), "utf-8")


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory) -> Path:
    """The project the session's site is built from (see assemble_project)."""
    return assemble_project(tmp_path_factory.mktemp("project"))


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away project (the tests' document, the repository's code), for builds on crafted input."""
    return assemble_project(tmp_path)


@functools.cache
def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# The parsed HTML of a built page ("phan-thu-nhat/kinh-te/" or "en/index.html"): a fresh copy,
# so that a test may take elements out of it without changing what the next test sees.
def page_html(site_dir: Path, url: str) -> BeautifulSoup:
    path = site_dir / url
    if url.endswith("/") or not url:
        path = path / "index.html"
    return copy.copy(_parse(path))


# Every built HTML page of one language (the default language lives at the root, others in /xx/).
def language_pages(site_dir: Path, lang: str) -> list[Path]:
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        # Not pages of their own: the 404 page, comment redirects, the full-text view of all pages.
        if rel.endswith("404.html") or "gop-y/" in rel or "toan-van/" in rel:
            continue
        in_en = rel.startswith("en/")
        if (lang == "en") == in_en:
            pages.append(path)
    return pages


# Problems with the links of the HTML files in `files` (default: every HTML file under `out`), as
# "page: what": internal href/src that name no file or no anchor, and external links that are not
# https or open a tab without rel=noopener. `site_url` is the address `out` is published at.
def broken_internal_links(out: Path, site_url: str, files: list[Path] | None = None) -> list[str]:
    problems: list[str] = []
    ids: dict[Path, set[str]] = {}
    base_path = urlsplit(site_url).path
    for path in files if files is not None else sorted(out.rglob("*.html")):
        html = _parse(path)
        where = path.relative_to(out)
        for element in html.select("[href], [src]"):
            if (
                element.name == "link"
                and element.get("rel")
                and set(element["rel"]) & {"canonical", "alternate"}
            ):
                continue  # absolute addresses for search engines, checked by the sharing tests
            href = element.get("href") or element.get("src")
            if href.startswith(("mailto:", "tel:")) and CONTACT_LINK.fullmatch(href):
                continue  # the organiser's e-mail and phone (privacy page)
            if href.startswith(("mailto:", "tel:", "javascript:")):
                problems.append(f"{where}: {href}")
                continue
            if href.startswith(site_url):
                href = base_path + href[len(site_url) :]  # an absolute link to the site itself
            parts = urlsplit(href)
            if parts.scheme:
                if parts.scheme not in ("https", "data"):
                    problems.append(f"{where}: external link is not https: {href}")
                if element.get("target") == "_blank" and "noopener" not in (
                    element.get("rel") or []
                ):
                    problems.append(f"{where}: {href} opens a new tab without rel=noopener")
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(base_path):
                    problems.append(f"{where}: link outside the site {href}")
                    continue
                target = out / unquote(parts.path[len(base_path) :])
            else:
                target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{where}: broken link {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                target = target.resolve()
                if target not in ids:
                    ids[target] = set(
                        re.findall(r'\s(?:id|name)="([^"]+)"', target.read_text("utf-8"))
                    )
                if unquote(parts.fragment) not in ids[target]:
                    problems.append(f"{where}: missing anchor {href}")
    return problems


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        # Every load reads the files as they are now: a test that publishes again must not get a page
        # Chromium kept by its heuristic (a response with Last-Modified and no Cache-Control).
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class _SitePathHandler(_QuietHandler):
    """Serves the site under the same path as in production (the path of `site_url`)."""

    def __init__(self, *args, holder: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, directory=(holder or {}).get("directory"), **kwargs)

    def translate_path(self, path: str) -> str:
        if path.startswith(SITE_PATH):
            path = "/" + path[len(SITE_PATH) :]
        else:
            path = "/__outside_the_site__" + path
        return super().translate_path(path)


@pytest.fixture(scope="session")
def server(site, origin) -> str:
    """The built site served on 127.0.0.1 under its production path; yields its base URL."""
    httpd, holder, base = origin
    holder["directory"] = str(site)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium under Playwright. A missing browser fails, never skips."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)"
    )
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield _ClockedBrowser(instance)
        instance.close()


class _ClockedBrowser:
    """The browser, whose every new context (and tab opened without one) has its clock set to
    TEST_NOW and running; everything else is the browser's own."""

    def __init__(self, browser) -> None:
        self._browser = browser

    def __getattr__(self, name: str):
        return getattr(self._browser, name)

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.clock.install(time=TEST_NOW)
        return context

    def new_page(self, **options):
        tab = self._browser.new_page(**options)
        tab.context.clock.install(time=TEST_NOW)
        return tab


@pytest.fixture
def page(browser):
    """A fresh browser tab at phone size (390 px wide)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    tab = context.new_page()
    yield tab
    context.close()


ATOM = "{http://www.w3.org/2005/Atom}"  # the Atom namespace, as ElementTree writes it
RFC_3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


def atom_problems(feed: ET.Element) -> list[str]:
    """What RFC 4287 requires and `feed` lacks (4.1.1, 4.1.2, 4.2.7.2): one line each."""
    problems = []
    entries = feed.findall(f"{ATOM}entry")
    for element in (feed, *entries):
        what = "feed" if element is feed else f"entry {element.findtext(f'{ATOM}id')}"
        for child in ("id", "title", "updated"):
            if len(element.findall(ATOM + child)) != 1:
                problems.append(f"{what}: not exactly one atom:{child}")
        if not urlsplit(element.findtext(f"{ATOM}id") or "").scheme:
            problems.append(f"{what}: atom:id is not an absolute IRI")
        if not RFC_3339.fullmatch(element.findtext(f"{ATOM}updated") or ""):
            problems.append(f"{what}: atom:updated is not an RFC 3339 date-time")
    authors = feed.findall(f"{ATOM}author/{ATOM}name")
    if not any((a.text or "").strip() for a in authors) and not all(
        e.find(f"{ATOM}author/{ATOM}name") is not None for e in entries
    ):
        problems.append("feed: no atom:author on the feed nor on every entry")
    if feed.find(f"{ATOM}link[@rel='self']") is None:
        problems.append("feed: no link rel=self")
    for entry in entries:
        if entry.find(f"{ATOM}content") is None and not [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]:
            problems.append(
                f"entry {entry.findtext(f'{ATOM}id')}: no content and no alternate link"
            )
    return problems
