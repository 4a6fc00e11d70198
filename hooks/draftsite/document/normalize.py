"""Rewrite Markdown files in Unicode NFC: `python -m draftsite.document.normalize docs/page.md ...`."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        fixed = unicodedata.normalize("NFC", text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            print(f"đã chuẩn hoá {path} (English: normalised {path})")
