"""The site's own scripts and style sheets as readers receive them: without their comments. The
comments explain the code to its maintainers and stay in `overrides/`; served, they cost every
reader's first view about 3 KB (gzip) of the 90 KB budget."""

from __future__ import annotations

import re

_BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")


def script_without_comment_lines(text: str) -> str:
    """JavaScript without its whole-line `//` comments; a `//` after code or inside a string stays
    (the project's scripts hold no multi-line template strings, where such a line would be text)."""
    return "".join(
        line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("//")
    )


def stylesheet_without_comments(text: str) -> str:
    """CSS without its `/* … */` comments (a `/*` inside a quoted string stays), and without the
    blank lines they leave."""
    out: list[str] = []
    i, quote = 0, ""
    while i < len(text):
        char = text[i]
        if quote:
            out.append(char)
            if char == "\\" and i + 1 < len(text):
                out.append(text[i + 1])
                i += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
            out.append(char)
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
            continue
        else:
            out.append(char)
        i += 1
    return _BLANK_LINES.sub("", "".join(out))


def served(name: str, text: str) -> str:
    """The file `name` (a .js or .css file of the site's own) as it is served."""
    if name.endswith(".js"):
        return script_without_comment_lines(text)
    if name.endswith(".css"):
        return stylesheet_without_comments(text)
    return text
