"""Issue 28: framing. GitHub Pages ignores `_headers`, so `frame-ancestors` never reaches the reader;
a page loaded inside another site's frame must refuse to show its comment links and say where the
real site is. And the feeds are valid Atom (RFC 4287 requires an author)."""

from __future__ import annotations

import functools
import http.server
import threading
import xml.etree.ElementTree as ET

import pytest
from conftest import _QuietHandler, atom_problems

pytestmark = pytest.mark.browser


@pytest.fixture
def other_origin(tmp_path, server):
    """A page on another origin (another port of localhost) that frames a chapter page of the site."""
    (tmp_path / "index.html").write_text(
        f'<!doctype html><title>x</title><iframe id="f" src="{server}phan-thu-nhat/kinh-te/" width="800" height="900">'
        "</iframe>",
        "utf-8",
    )
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(tmp_path))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_a_framed_page_hides_its_comment_links_and_names_the_real_site(page, other_origin, server):
    page.goto(other_origin)
    frame = page.frame_locator("#f")
    notice = frame.locator(".frame-notice")
    notice.wait_for(state="visible")
    assert "trang chính thức" in notice.inner_text()
    assert notice.locator("a").get_attribute("href").endswith("/phan-thu-nhat/kinh-te/")
    assert frame.locator("a.comment-link, .comment-link a").first.is_hidden()
    assert frame.locator(".comment-link").count() > 0


def test_an_unframed_page_shows_its_comment_links_and_no_notice(page, server):
    page.goto(server + "phan-thu-nhat/kinh-te/")
    assert page.locator(".frame-notice").is_hidden()
    assert page.locator(".comment-link a").first.is_visible()


@pytest.mark.parametrize("feed", ["du-thao.atom", "en/du-thao.atom"])
def test_every_feed_has_what_rfc_4287_requires(site, feed):
    assert atom_problems(ET.fromstring((site / feed).read_text("utf-8"))) == []


def test_no_empty_link_in_the_draft_line(site):
    html = (site / "index.html").read_text("utf-8")
    assert '<a class="draft-line__latest"' in html and 'draft-line__latest" href' in html
    assert not __import__("re").search(r'<a class="draft-line__latest"[^>]*></a>', html)
