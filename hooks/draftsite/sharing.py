"""Sharing metadata: a real description for every page, and the Open Graph locale."""

from __future__ import annotations

import re
from html import unescape

OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}
_SKIP = re.compile(r'<(span|p|div|button)\b[^>]*\bclass="(?:paragraph-tools|comment-link|translation-notice|letterhead[^"]*|report-subtitle|removed-paragraph)"[^>]*>.*?</\1>', re.S)


# A description from the page's first real paragraph: plain text, at most `limit` characters.
def description_from_html(html: str, limit: int = 160) -> str:
    html = _SKIP.sub(" ", html)
    html = re.sub(r"<sup\b.*?</sup>", "", html, flags=re.S)
    for paragraph in re.findall(r"<p\b[^>]*>(.*?)</p>", html, re.S):
        text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", paragraph))).strip()
        if len(text) >= 40:
            if len(text) <= limit:
                return text
            cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
            return cut + "…"
    return ""
