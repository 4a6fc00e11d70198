"""The small snippets of markup the features write into every page (a paragraph's tools, the start
of a comment link) and every pattern that finds markup in a page again: a module that needs to find
a heading, a comment link or a paragraph's tools asks here, and no module spells another's markup.
Page-sized blocks are templates (overrides/fragments/, draftsite.fragments)."""

from __future__ import annotations

import html as html_lib
import re

# A heading with its id: group 1 the whole heading, 2 its level, 3 its id.
HEADING = re.compile(r'(<h([1-6]) id="([^"]+)"[^>]*>.*?</h\2>)', re.S)
# A heading with its id, before its end tag: group 1 up to the end tag, 2 its id, 3 the end tag.
HEADING_END = re.compile(r'(<h[1-6] id="([^"]+)"[^>]*>.*?)(</h[1-6]>)', re.S)
# The start of a heading with its id: group 1 the id.
HEADING_ID = re.compile(r'<h[1-6] id="([^"]+)"')

# The start of a section's comment link (draftsite.comments.consultation.comment_link_html).
COMMENT_LINK = '<p class="comment-link"'
# Lines of links under a section that are not its text: the comment link and the revision link.
LINK_LINES = re.compile(
    r'<p class="(?:comment-link|revision-link)[^"]*" data-search-exclude>.*?</p>', re.S
)
# What a page's description skips: tools, comment links, notices, the letterhead.
NOT_TEXT = re.compile(
    r"<(span|p|div|button)\b[^>]*\bclass=\"(?:paragraph-tools|comment-link|translation-notice"
    r'|letterhead[^"]*|report-subtitle|removed-paragraph)"[^>]*>.*?</\1>',
    re.S,
)

_TOOLS = (
    '<span class="paragraph-tools" data-search-exclude>'
    '<a class="paragraph-link" href="#{id}" aria-label="{link_label}">¶</a>'
    '<button type="button" class="cite-button" data-cite-label="{citation}" '
    'aria-label="{cite_label}">“”</button></span>'
)
# A paragraph's opening tag followed by its tools (as paragraph_tools writes them): group 1 the tag
# without its closing ">", group 2 the citation label.
BLOCK_WITH_TOOLS = re.compile(
    r'(<(?:p|li) id="[^"]+"[^>]*)>'
    + re.escape(_TOOLS)
    .replace(re.escape("{citation}"), '([^"]*)')
    .replace(re.escape("{id}"), '[^"]*')
    .replace(re.escape("{link_label}"), '[^"]*')
    .replace(re.escape("{cite_label}"), '[^"]*')
)


def paragraph_tools(block_id: str, citation: str, link_label: str, cite_label: str) -> str:
    """A paragraph's "¶" link and citation button: two elements, no script needed to show them."""
    return _TOOLS.format(
        id=block_id,
        citation=html_lib.escape(citation, quote=True),
        link_label=html_lib.escape(link_label, quote=True),
        cite_label=html_lib.escape(cite_label, quote=True),
    )


def print_address(qr_src: str, address: str) -> str:
    """A section's short comment address and its QR code, shown only on paper (the QR image is lazy
    and hidden on screen, so screen readers of the page never download it)."""
    return (
        f'<span class="comment-qr" aria-hidden="true"><img src="{qr_src}" alt="" width="80" height="80" '
        f'loading="lazy"><span class="comment-qr__url">{address}</span></span>'
    )


def comment_link_follows(html: str, position: int) -> bool:
    """Whether a section's comment link starts at `position` of `html`."""
    return html.startswith(COMMENT_LINK, position)
