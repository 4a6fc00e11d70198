"""Short comment addresses for print: /gop-y/<section-id>/ redirects to the prefilled form, and a
QR code of that address is printed under each section heading."""

from __future__ import annotations

import hashlib
import html as html_lib
import os
import re
import tempfile
from pathlib import Path

import segno

from draftsite.fragments import render

SHORT_PATH = "gop-y"
# The path data of a whole cached drawing: runs `M<x> <y>h<n>v1h-<n>z`, at least one.
_PATH_DATA = re.compile(r"(?:M\d+ \d+h\d+v1h-\d+z)+")


def short_url(site_url: str, lang_prefix: str, section_id: str) -> str:
    """The short address of a section's comment form ("https://site/gop-y/p1-ii-1/" or ".../en/gop-y/...")."""
    return f"{site_url.rstrip('/')}/{lang_prefix}{SHORT_PATH}/{section_id}/"


def qr_svg(text: str, title: str, cache: Path | None = None) -> str:
    """A compact SVG QR code of `text`: low error correction, a fixed mask (segno's search for the best
    mask is the slow part and any mask is valid), one filled path of horizontal runs.
    With `cache`, the drawing of each address is kept in that folder between builds."""
    size, path = _qr_path(text, cache)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" class="qr">'
        f'<title>{html_lib.escape(title)}</title><rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{path}"/></svg>'
    )


def _qr_path(text: str, cache: Path | None) -> tuple[int, str]:
    """The QR code of `text` as (size, SVG path data), from the cache when it has it."""
    stored = (
        cache / (hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + ".txt") if cache else None
    )
    cached = _read_cached(stored) if stored is not None else None
    if cached is not None:
        return cached
    matrix = segno.make(text, error="l", micro=False, mask=0).matrix
    border = 2
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start + border} {y + border}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    size, path = len(matrix) + 2 * border, "".join(runs)
    if stored is not None:
        _write_atomically(stored, f"{size} {path}")
    return size, path


def _read_cached(stored: Path) -> tuple[int, str] | None:
    """A cached drawing, or None when it is missing or damaged (empty, cut short by a failed build): it
    is then drawn again and the entry rewritten, never fatal."""
    try:
        size, path = stored.read_text(encoding="ascii").split(" ", 1)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not size.isdigit() or not _PATH_DATA.fullmatch(path):
        return None
    return int(size), path


def _write_atomically(stored: Path, content: str) -> None:
    """Write a cache entry whole or not at all (a temporary file renamed into place); a read-only
    checkout builds without the cache."""
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=stored.parent, prefix=".tmp-", suffix=".txt")
        try:
            with os.fdopen(handle, "w", encoding="ascii") as file:
                file.write(content)
            os.replace(temporary, stored)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass


def redirect_page(
    target: str,
    lang: str,
    title: str,
    *,
    page: str = "",
    state: str = "open",
    opens: str = "",
    closes: str = "",
    notices: dict[str, str] | None = None,
    read: str = "",
    script: str = "",
) -> str:
    """The static page of a short address (overrides/fragments/short-address.html): it sends the
    reader on to the comment form while the consultation is open (checked in the reader's browser by
    `script`, short-link.js), and otherwise says when it opens or that it has closed, with a link to
    the section."""
    return render(
        "short-address.html",
        target=target,
        lang=lang,
        title=title,
        page=page,
        state=state,
        opens=opens,
        closes=closes,
        notices=notices or {},
        read=read,
        script=script,
    )
