"""Links between pages and the menu: every internal link points at a page and an anchor that
exist, and every page is in the `nav` of mkdocs.yml (otherwise it is missing from the menu, the full
text and the PDF)."""

from __future__ import annotations

import posixpath
import re

from draftsite.checks.checks import Problem
from draftsite.checks.raw_html import blank_code
from draftsite.document.model import neutral_path
from draftsite.document.sections import headings

_LINK = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_ATTR_ID = re.compile(r"\{:?[^}\n]*?#([A-Za-z0-9_-]+)[^}\n]*\}")
_HTML_ID = re.compile(r"\sid=[\"']([^\"']+)[\"']")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")


def page_anchors(text: str) -> set[str]:
    """The anchors a page's Markdown defines: heading and attribute-list ids, HTML ids, footnotes, and
    paragraph anchors `<section>-d<n>` of its sections."""
    found = {h.id for h in headings(text) if h.id}
    found |= set(_ATTR_ID.findall(text)) | set(_HTML_ID.findall(text))
    for name in _FOOTNOTE.findall(text):
        found |= {f"fn:{name}", f"fnref:{name}"}
    return found


def _has_anchor(anchor: str, anchors: set[str]) -> bool:
    """Whether `anchor` is one of `anchors`, or a paragraph anchor of one of them."""
    paragraph = re.match(r"^(.+)-d\d+$", anchor)
    return anchor in anchors or bool(paragraph and paragraph[1] in anchors)


def check_links(files: dict[str, str], full_text: set[str] = frozenset()) -> list[Problem]:
    """Links to pages or #anchors that do not exist; `files` holds one language's {relative path: text},
    `full_text` the pages that show every document page (their anchors are those of all pages)."""
    anchors = {neutral_path(rel): page_anchors(text) for rel, text in files.items()}
    everything = set().union(*anchors.values()) if anchors else set()
    for page in full_text:
        anchors[page] = anchors.get(page, set()) | everything
    problems = []
    for rel, text in files.items():
        plain = blank_code(text)
        here = neutral_path(rel)
        for match in _LINK.finditer(plain):
            url = match[1]
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", url) or not url:
                continue
            path, _, anchor = url.partition("#")
            line = plain.count("\n", 0, match.start()) + 1
            if path and not path.endswith(".md"):
                continue  # a folder, a download or an asset: MkDocs checks those
            target = (
                neutral_path(posixpath.normpath(posixpath.join(posixpath.dirname(here), path)))
                if path
                else here
            )
            if target not in anchors:
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"the link ({url}) points at the page {target}, which does not "
                        "exist: correct the file name (relative to this page's folder)",
                        vi=f"liên kết ({url}) trỏ đến trang {target}, nhưng trang này không có: sửa lại "
                        "tên tệp (tính từ thư mục của trang đang sửa)",
                    )
                )
            elif anchor and not _has_anchor(anchor, anchors[target]):
                problems.append(
                    Problem(
                        rel,
                        line,
                        f"the link ({url}) points at #{anchor}, which is not an id on "
                        f"{target}: use the id written in the heading's {{ #id }}",
                        vi=f"liên kết ({url}) trỏ đến #{anchor}, nhưng {target} không có mã mục này: "
                        "dùng đúng mã mục viết trong { #mã-mục } của tiêu đề",
                    )
                )
    return problems


def check_nav(pages: list[str], nav: list[str], config_text: str = "") -> list[Problem]:
    """Pages not in the nav of mkdocs.yml, and nav entries without a page; `pages` are language-neutral paths."""
    problems = []
    config_lines = config_text.split("\n")
    for page in sorted(set(pages) - set(nav)):
        problems.append(
            Problem(
                page,
                1,
                f"the page is not in the menu: add `- {page}` under `nav:` in mkdocs.yml, "
                "where it belongs in reading order (a page outside the menu is also missing from "
                "the full text and the PDF)",
                vi=f"trang chưa có trong mục lục: thêm `- {page}` dưới `nav:` trong mkdocs.yml, đúng vị "
                "trí theo thứ tự đọc (trang ngoài mục lục cũng vắng khỏi trang toàn văn và bản PDF)",
            )
        )
    for entry in nav:
        if entry not in pages:
            line = next(
                (
                    i
                    for i, text in enumerate(config_lines, start=1)
                    if text.rstrip().endswith(entry)
                ),
                1,
            )
            problems.append(
                Problem(
                    "mkdocs.yml",
                    line,
                    f"`nav:` lists `{entry}`, but docs/{entry} does not exist: "
                    "correct the file name or remove the line",
                    vi=f"`nav:` nêu `{entry}`, nhưng không có tệp docs/{entry}: sửa lại tên tệp hoặc "
                    "xoá dòng này",
                )
            )
    return problems
