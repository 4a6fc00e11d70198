"""Content Security Policy: only the site's own scripts and styles, plus the few inline scripts that
the theme's and our templates emit, allowed by their SHA-256 hashes. A script inside a page's text is
never trusted: the hashes are taken from the page without its content. No inline event handlers,
no third-party hosts. Every page also carries a referrer policy."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter

_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S
)
_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
REFERRER = "strict-origin-when-cross-origin"
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; manifest-src 'self'"
)


def script_hash(body: str) -> str:
    """The 'sha256-…' source of one inline script."""
    return (
        "'sha256-"
        + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        + "'"
    )


def inline_script_hashes(html: str) -> list[str]:
    """The 'sha256-…' sources of the inline scripts of a page."""
    return sorted({script_hash(body) for body in _INLINE_SCRIPT.findall(html)})


def template_script_hashes(page_html: str, content_html: str) -> list[str]:
    """The hashes of the inline scripts the templates put around a page's content: the finished page's
    scripts minus those of its content (a script in the text is never allowed, even if it got there)."""
    scripts = Counter(_INLINE_SCRIPT.findall(page_html))
    scripts.subtract(Counter(_INLINE_SCRIPT.findall(content_html or "")))
    return sorted({script_hash(body) for body, count in scripts.items() if count > 0})


def policy(hashes: list[str]) -> str:
    """The policy for a page whose inline scripts have these hashes."""
    return POLICY.format(hashes=" ".join(hashes))


def add_policy_meta(html: str, hashes: list[str]) -> str:
    """The page with its policy (allowing the inline scripts with these hashes) and its referrer policy
    right after <meta charset>."""
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">\n'
        f'<meta name="referrer" content="{REFERRER}">'
    )
    html, count = _CHARSET.subn(lambda m: m[0] + "\n" + meta, html, count=1)
    if not count:
        raise ValueError('the page has no <meta charset="utf-8"> to put the policy after')
    return html


def headers_file(all_hashes: set[str]) -> str:
    """A `_headers` file (Netlify, Cloudflare Pages) with the same policy for every page, and the other
    security headers that a meta tag cannot carry."""
    return (
        "/*\n"
        f"  Content-Security-Policy: {policy(sorted(all_hashes))}; frame-ancestors 'none'\n"
        "  X-Content-Type-Options: nosniff\n"
        f"  Referrer-Policy: {REFERRER}\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n"
        "  Cross-Origin-Opener-Policy: same-origin\n"
    )
