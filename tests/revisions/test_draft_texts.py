"""The draft's text as data (van-ban.json), as plain functions (no build)."""

from __future__ import annotations

import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from draftsite.citations.paragraphs import find_blocks  # noqa: E402
from draftsite.document.model import build_document  # noqa: E402
from draftsite.revisions.draft_texts import (  # noqa: E402
    DraftTexts,
    block_texts,
    draft_texts,
    draft_texts_json,
    plain,
)
from draftsite.revisions.revisions import load_retired_entries, load_retired_ids  # noqa: E402

PAGE = (
    '<h2 id="s">S</h2><p class="comment-link"><a href="x">Góp ý</a></p>'
    '<p>Một <em>hai</em> ba<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>'
    '<ul><li>Bốn<br>năm</li><li>Sáu <span class="guide-links" data-search-exclude>Xem <a>x</a></span></li></ul>'
    '<div class="footnote"><ol><li id="fn:1"><p>Chú thích</p></li></ol></div>'
)


def test_block_texts_leave_out_chrome_footnote_markers_and_line_breaks():
    found = find_blocks(PAGE, "s")
    assert block_texts(PAGE, found) == ["Một hai ba.", "Bốn năm", "Sáu"]


def test_plain_titles_read_entities_and_markdown_escapes():
    assert plain("\\* Về <em>chủ đề</em> &amp; nội dung") == "* Về chủ đề & nội dung"


def test_a_section_keeps_the_paragraphs_of_the_first_page_that_shows_it():
    texts = DraftTexts()
    texts.add("vi", [("a", "a-d1", "x"), ("b", "b-d2", "y")])
    texts.add("vi", [("a", "a-d9", "z"), ("c", "c-d1", "w")])
    assert texts.paragraphs["vi"] == {
        "a": [["a-d1", "x"]],
        "b": [["b-d2", "y"]],
        "c": [["c-d1", "w"]],
    }


def test_the_data_lists_every_section_in_reading_order_with_its_parent(tmp_path):
    document = build_document(
        {
            "phan-thu-hai/index.md": "# Hai { #p2 }\n\n## Mục { #p2-i }\n",
            "phan-thu-nhat/index.md": "# Một { #p1 }\n",
            "phan-thu-nhat/x.md": "## Một, II { #p1-ii }\n\n### Con { #p1-ii-1 }\n",
        },
        "vi",
    )
    data = draft_texts(
        "2020-03-31",
        "vi",
        "Dự thảo ngày 31/3/2020",
        document.sections,
        ["phan-thu-nhat/index.md", "phan-thu-nhat/x.md", "phan-thu-hai/index.md"],
        {"p1-ii-1": [["p1-ii-1-d1", "Văn bản"]]},
        {"cu": ("merged", "p1-ii")},
    )
    assert [(s["id"], s["parent"], s["page"]) for s in data["sections"]] == [
        ("p1", None, "phan-thu-nhat/"),
        ("p1-ii", "p1", "phan-thu-nhat/x/"),
        ("p1-ii-1", "p1-ii", "phan-thu-nhat/x/"),
        ("p2", None, "phan-thu-hai/"),
        ("p2-i", "p2", "phan-thu-hai/"),
    ]
    assert data["sections"][2]["paragraphs"] == [["p1-ii-1-d1", "Văn bản"]]
    assert data["sections"][0]["paragraphs"] == []
    assert data["retired"] == {"cu": {"status": "merged", "into": "p1-ii"}}
    text = draft_texts_json(data)
    assert json.loads(text) == data and "\n" not in text and ", " not in text.split('"sections"')[0]


def test_retired_entries_keep_their_status(tmp_path):
    path = tmp_path / "data" / "ma-muc-da-bo.yml"
    path.parent.mkdir()
    path.write_text("cu: {status: merged, into: moi}\nbo: {status: removed, into: moi}\n", "utf-8")
    assert load_retired_entries(path, {"moi"}) == {
        "cu": ("merged", "moi"),
        "bo": ("removed", "moi"),
    }
    assert load_retired_ids(path, {"moi"}) == {"cu": "moi", "bo": "moi"}
