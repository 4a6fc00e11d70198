"""Content Security Policy: only the site's own scripts and styles, plus Material's few inline
scripts, allowed by their SHA-256 hashes. No inline event handlers, no third-party hosts."""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'; manifest-src 'self'")


# The 'sha256-…' sources of the inline scripts of a page.
def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for body in _INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


# The policy for a page whose inline scripts have these hashes.
def policy(hashes: list[str]) -> str:
    return POLICY.format(hashes=" ".join(hashes))


# The page with its policy as the first element of <head>.
def add_policy_meta(html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html))}">'
    html, count = _CHARSET.subn(lambda m: m[0] + "\n" + meta, html, count=1)
    if not count:
        raise ValueError("the page has no <meta charset=\"utf-8\"> to put the policy after")
    return html


# A `_headers` file (Netlify, Cloudflare Pages) with the same policy for every page, and the other
# security headers that a meta tag cannot carry.
def headers_file(all_hashes: set[str]) -> str:
    return ("/*\n"
            f"  Content-Security-Policy: {policy(sorted(all_hashes))}; frame-ancestors 'none'\n"
            "  X-Content-Type-Options: nosniff\n"
            "  Referrer-Policy: strict-origin-when-cross-origin\n"
            "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n"
            "  Cross-Origin-Opener-Policy: same-origin\n")
