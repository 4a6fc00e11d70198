"""Sharing metadata: a real description for every page, and the Open Graph locale."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from draftsite.html import NOT_TEXT

OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}


def description_from_html(html: str, limit: int = 160) -> str:
    """A description from the page's first real paragraph: plain text, at most `limit` characters."""
    html = NOT_TEXT.sub(" ", html)
    html = re.sub(r"<sup\b.*?</sup>", "", html, flags=re.S)
    for paragraph in re.findall(r"<p\b[^>]*>(.*?)</p>", html, re.S):
        text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", paragraph))).strip()
        if len(text) >= 40:
            if len(text) <= limit:
                return text
            cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
            return cut + "…"
    return ""


EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def write_empty_sitemaps(folders: list[Path]) -> None:
    """An empty sitemap.xml in each of `folders` (created if need be) that has none yet."""
    for folder in folders:
        if not (folder / "sitemap.xml").exists():
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "sitemap.xml").write_text(EMPTY_SITEMAP, encoding="utf-8")
