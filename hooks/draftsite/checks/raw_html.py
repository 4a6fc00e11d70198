"""Content is text, not code: the raw HTML an editor may write in Markdown is limited to an
allow-list of harmless tags and attributes, and every address (Markdown or HTML) is https, relative
or mailto. Anything else stops the build with the file and the line."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from draftsite.checks.checks import Problem
from draftsite.document.sections import front_matter_lines

ALLOWED_TAGS = frozenset(
    "a abbr b blockquote br caption cite code dd del details div dl dt em figcaption figure hr i img ins kbd li "
    "mark ol p q s small span strong sub summary sup table tbody td tfoot th thead time tr u ul".split()
)
ALLOWED_ATTRIBUTES = frozenset(
    "alt class colspan datetime dir height href hreflang id lang markdown open rowspan scope src title type "
    "width".split()
)
RENDERED_FORBIDDEN = frozenset(
    "applet base embed form frame frameset iframe link meta object script style".split()
)
CODE_TAGS = frozenset(
    "applet audio base button embed form frame frameset iframe input link math meta noscript object script select "
    "source style svg template textarea track video".split()
)
_FENCE = re.compile(r"^(\s*)(```|~~~)")
_INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>")
_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>",
    re.S,
)
_ATTRIBUTE = re.compile(r"([^\s=>/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_MD_LINK = re.compile(
    r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+[\"'(][^)]*)?\)"
)
_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)


@lru_cache(maxsize=256)
def blank_code(text: str) -> str:
    """The Markdown with code (fenced blocks, inline code) and front matter blanked out, lines and
    offsets unchanged: what is left is what the reader sees as text or HTML (remembered by content:
    several checks ask for the same page)."""
    lines = text.split("\n")
    skip = front_matter_lines(text)
    fence: str | None = None
    out = []
    for number, line in enumerate(lines, start=1):
        match = _FENCE.match(line)
        if number <= skip:
            out.append(" " * len(line))
        elif fence is not None:
            out.append(" " * len(line))
            if match and match[2] == fence:
                fence = None
        elif match:
            fence = match[2]
            out.append(" " * len(line))
        else:
            out.append(line)
    return _INLINE_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), "\n".join(out))


def address_problem(url: str, image: bool = False) -> tuple[str, str] | None:
    """What is wrong with an address, in English and in Vietnamese, or None when it is https, relative,
    an anchor or mailto."""
    plain = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
    if plain.startswith(("javascript:", "vbscript:", "data:", "file:")):
        return (
            f"the address {url!r} runs code or reads local files: link to a web page (https://…) instead",
            f"địa chỉ {url!r} chạy mã lệnh hoặc đọc tệp trên máy: thay bằng liên kết đến một trang web (https://…)",
        )
    if plain.startswith("http:") or plain.startswith("//"):
        return (
            f"the address {url!r} is not https: write https://… (the site only links to secure addresses)",
            f"địa chỉ {url!r} không phải https: viết https://… (trang chỉ liên kết đến địa chỉ an toàn)",
        )
    if image and (
        plain.startswith(("https:", "mailto:")) or re.match(r"^[a-z][a-z0-9+.-]*:", plain)
    ):
        return (
            f"the image {url!r} is on another site, which readers' browsers would contact: put the image "
            "under docs/assets/ and link to it with a relative address",
            f"ảnh {url!r} nằm trên trang khác, trình duyệt của người đọc sẽ phải kết nối đến trang đó: đặt ảnh "
            "trong docs/assets/ và dẫn đến ảnh bằng địa chỉ tương đối",
        )
    if re.match(r"^[a-z][a-z0-9+.-]*:", plain) and not plain.startswith(("https:", "mailto:")):
        return (
            f"the address {url!r} uses an unsupported scheme: use https://…, a relative link or mailto:",
            f"địa chỉ {url!r} dùng giao thức không được hỗ trợ: dùng https://…, liên kết tương đối hoặc mailto:",
        )
    return None


def check_raw_html(rel: str, text: str) -> list[Problem]:
    """Raw HTML outside the allow-list, and addresses that are not https, relative or mailto."""
    visible = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), blank_code(text))
    problems: list[Problem] = []

    def at(offset: int, message: str, vi: str) -> None:
        problems.append(Problem(rel, visible.count("\n", 0, offset) + 1, message, vi))

    for match in _AUTOLINK.finditer(visible):
        problem = address_problem(match[1])
        if problem:
            at(match.start(), *problem)
    without_autolinks = _AUTOLINK.sub(lambda m: " " * len(m[0]), visible)
    for match in _TAG.finditer(without_autolinks):
        name = match[2].lower()
        if match[1]:
            continue  # a closing tag: its opening tag is reported
        if name in CODE_TAGS:
            at(
                match.start(),
                f"<{name}> is not allowed in a page: pages hold text, not code, embedded players or "
                "forms; remove it (link to the video or form with an https:// address instead)",
                f"không được dùng <{name}> trong trang: trang chỉ chứa văn bản, không chứa mã lệnh, trình phát nhúng "
                "hay biểu mẫu; xoá thẻ này (thay bằng liên kết https:// đến video hoặc biểu mẫu)",
            )
            continue
        if name not in ALLOWED_TAGS:
            at(
                match.start(),
                f"the HTML tag <{name}> is not on the allow-list; use Markdown, or one of: "
                + ", ".join(sorted(ALLOWED_TAGS)),
                f"thẻ HTML <{name}> không có trong danh sách được phép; dùng Markdown, hoặc một trong các thẻ: "
                + ", ".join(sorted(ALLOWED_TAGS)),
            )
            continue
        for attribute in _ATTRIBUTE.finditer(match[3] or ""):
            key = attribute[1].lower()
            value = (attribute[2] or "").strip("\"'")
            if key.startswith("on"):
                at(
                    match.start(),
                    f"the attribute {key}= on <{name}> runs a script: remove it (pages hold text, not code)",
                    f"thuộc tính {key}= của <{name}> chạy mã lệnh: xoá thuộc tính này (trang chỉ chứa văn bản, không "
                    "chứa mã lệnh)",
                )
            elif key == "style":
                at(
                    match.start(),
                    f"style= on <{name}> is blocked by the site's security policy: remove it, or use a "
                    "class from overrides/assets/stylesheets/extra.css",
                    f"style= của <{name}> bị chính sách bảo mật của trang chặn: xoá nó, hoặc dùng một class có trong "
                    "overrides/assets/stylesheets/extra.css",
                )
            elif key not in ALLOWED_ATTRIBUTES and not key.startswith(("data-", "aria-")):
                at(
                    match.start(),
                    f"the attribute {key}= on <{name}> is not on the allow-list; allowed: "
                    + ", ".join(sorted(ALLOWED_ATTRIBUTES)),
                    f"thuộc tính {key}= của <{name}> không có trong danh sách được phép; được dùng: "
                    + ", ".join(sorted(ALLOWED_ATTRIBUTES)),
                )
            elif key in ("href", "src"):
                problem = address_problem(value, image=key == "src")
                if problem:
                    at(match.start(), *problem)
    for pattern in (_MD_LINK, _REFERENCE):
        for match in pattern.finditer(without_autolinks):
            problem = address_problem(match[1], image=match[0].startswith("!"))
            if problem:
                at(match.start(), *problem)
    return problems


def unsafe_html(content: str) -> list[str]:
    """Script or code elements, event handlers and script addresses left in a rendered page's content."""
    found = []
    for match in _TAG.finditer(_COMMENT.sub("", content)):
        name = match[2].lower()
        if name in RENDERED_FORBIDDEN:
            found.append(f"<{name}>")
        for attribute in _ATTRIBUTE.finditer(match[3] or ""):
            key, value = attribute[1].lower(), (attribute[2] or "").strip("\"'")
            if key.startswith("on"):
                found.append(f"{key}= on <{name}>")
            elif key in ("href", "src", "action", "formaction") and re.sub(
                r"[\x00-\x20]", "", html.unescape(value)
            ).lower().startswith(("javascript:", "vbscript:")):
                found.append(f"{key}={value!r} on <{name}>")
    return found
