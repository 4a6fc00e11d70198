"""Footnotes keep the document's own numbers (1–16 through the report), not a per-page count."""

from __future__ import annotations

import re

_REF = re.compile(
    r'(<sup id="fnref(?:\d*):(?P<label>\d+)"><a class="footnote-ref" href="#fn:(?P=label)"[^>]*>)\d+(</a>)'
)
_ITEM = re.compile(r'<li id="fn:(?P<label>\d+)"')
_BACKREF = re.compile(
    r'(<a class="footnote-backref" href="#fnref\d*:(?P<label>\d+)" title="[^"]*?)\d+([^"\d]*")'
)


def keep_document_numbers(html: str) -> str:
    """Show each numeric footnote label ([^12]) as its number, in the text and in the notes list."""
    html = _REF.sub(lambda m: f"{m[1]}{m['label']}{m[3]}", html)
    html = _BACKREF.sub(lambda m: f"{m[1]}{m['label']}{m[3]}", html)
    return _ITEM.sub(lambda m: f'<li id="fn:{m["label"]}" value="{m["label"]}"', html)
