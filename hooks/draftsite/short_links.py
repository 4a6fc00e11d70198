"""Short comment addresses for print: /gop-y/<section-id>/ redirects to the prefilled form, and a
QR code of that address is printed under each section heading."""

from __future__ import annotations

import html as html_lib
import io

import segno

SHORT_PATH = "gop-y"


# The short address of a section's comment form ("https://site/gop-y/p1-ii-1/" or ".../en/gop-y/...").
def short_url(site_url: str, lang_prefix: str, section_id: str) -> str:
    return f"{site_url.rstrip('/')}/{lang_prefix}{SHORT_PATH}/{section_id}/"


# An inline SVG QR code of `text` (compact: low error correction, no XML declaration).
def qr_svg(text: str, title: str) -> str:
    buffer = io.BytesIO()
    segno.make(text, error="l", micro=False).save(
        buffer, kind="svg", xmldecl=False, svgns=True, nl=False, border=2, omitsize=True,
        svgclass="qr", lineclass=None, title=title)
    return buffer.getvalue().decode("utf-8")


# A static page that sends the reader on to the comment form (no script needed).
def redirect_page(target: str, lang: str, title: str) -> str:
    href = html_lib.escape(target, quote=True)
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html_lib.escape(title)}</title>'
            f'<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={href}"></head>'
            f'<body><p><a href="{href}">{html_lib.escape(title)}</a></p></body></html>')
