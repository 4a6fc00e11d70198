"""Issue 26: the blind sample of the English translation is drawn reproducibly from the document's
paragraphs (never headings, never the site's own pages), each shown with its English twin."""

from __future__ import annotations

import sys

from conftest import ROOT

from draftsite.translation.sampling import (
    logged_blocks,
    review_blocks,
    sample_blocks,
    sample_markdown,
    share_count,
)

sys.path.insert(0, str(ROOT / "tools"))
from sample_paragraphs import main, menu_order  # noqa: E402

VI = {
    "cong-van.md": "---\ntitle: Công văn\nsection_id: cv\n---\n\nSố 15-CV/TBVK\n{ .letterhead-number }\n\n- Như trên,\n",
    "phan-thu-nhat/kinh-te.md": "# Kinh tế { #p1-kt }\n\nĐoạn một.\n\nĐoạn hai[^1].\n\n- Mục một\n\n## Tiểu mục { #p1-kt-1 }\n\n"
    "Đoạn ba.\n\n[^1]: Chú thích.\n",
    "index.md": "# Trang chủ { #home }\n\nKhông thuộc văn kiện.\n",
}
EN = {
    "cong-van.en.md": "---\ntitle: Letter\nsection_id: cv\n---\n\nNo. 15-CV/TBVK\n{ .letterhead-number }\n\n- As above,\n",
    "phan-thu-nhat/kinh-te.en.md": "# Economy { #p1-kt }\n\nParagraph one.\n\nParagraph two[^1].\n\n- Item one\n\n"
    "## Subsection { #p1-kt-1 }\n\nParagraph three.\n\n[^1]: A note.\n",
    "index.en.md": "# Home { #home }\n\nNot part of the document.\n",
}


def test_blocks_are_paragraphs_list_items_and_footnotes_with_the_text_above_the_first_heading():
    assert [(b.line, b.key) for b in review_blocks("cong-van.md", VI["cong-van.md"])] == [
        (6, "cv#d1"),
        (9, "cv#d2"),
    ]
    # The footnote, written at the end of the page, belongs to the section that cites it.
    assert [
        b.key for b in review_blocks("phan-thu-nhat/kinh-te.md", VI["phan-thu-nhat/kinh-te.md"])
    ] == ["p1-kt#d1", "p1-kt#d2", "p1-kt#d3", "p1-kt-1#d1", "p1-kt#fn1"]
    letterhead = "---\ntitle: Báo cáo\n---\n\n**BAN CHẤP HÀNH**\n{ .letterhead-issuer }\n\n# BÁO CÁO { #bc }\n\nChủ đề.\n"
    assert [(b.line, b.key) for b in review_blocks("bao-cao/index.md", letterhead)] == [
        (5, "bc#d1"),
        (10, "bc#d2"),
    ]


def test_the_sample_is_the_same_for_a_seed_and_covers_only_the_document():
    first, total = sample_blocks(VI, EN, seed=7, count=3)
    again, _ = sample_blocks(VI, EN, seed=7, count=3)
    assert total == 7 and len(first) == 3 and first == again
    everything, _ = sample_blocks(
        VI, EN, seed=1, count=40, order=["cong-van.md", "phan-thu-nhat/kinh-te.md"]
    )
    assert [s.vi.key for s in everything] == [
        "cv#d1",
        "cv#d2",
        "p1-kt#d1",
        "p1-kt#d2",
        "p1-kt#d3",
        "p1-kt-1#d1",
        "p1-kt#fn1",
    ]
    assert [s.en.text for s in everything][-1] == "A note." and all(s.aligned for s in everything)
    assert (
        len({tuple(s.vi.key for s in sample_blocks(VI, EN, seed, 3)[0]) for seed in range(20)}) > 1
    )


def test_the_sample_prints_page_section_block_and_both_languages():
    sampled, total = sample_blocks(VI, EN, seed=1, count=40)
    text = sample_markdown(sampled, 1, total)
    assert text.startswith(
        "## Random sample: seed 1, 7 of 7 paragraphs\n\nDrawn with `python tools/sample_paragraphs.py "
        "--seed 1 --count 7`."
    )
    assert (
        "### 1. cong-van.md · section `cv` · block d1\n\nVietnamese (`docs/cong-van.md:6`):\n\n> Số 15-CV/TBVK\n\n"
        "English (`docs/cong-van.en.md:6`):\n\n> No. 15-CV/TBVK\n"
    ) in text
    assert "Trang chủ" not in text and "Không thuộc" not in text


def test_the_menu_gives_the_document_order():
    assert menu_order((ROOT / "mkdocs.yml").read_text("utf-8"))[:4] == [
        "index.md",
        "cong-van.md",
        "bao-cao/index.md",
        "phan-thu-nhat/index.md",
    ]


def test_the_second_pass_draws_a_share_of_the_blocks_the_first_pass_did_not_change():
    log = (
        "# Log\n\n## p1-kt\n\nBlocks reviewed: d1–d3, fn1 (all).\n\n| block | class | Vietnamese (excerpt) | before | after |\n"
        "|---|---|---|---|---|\n| d2 | minor | Đoạn hai | Para two | Paragraph two |\n| d3, fn1 | term | … | … | … |\n\n"
        "## p1-kt-1 — Tiểu mục\n\nBlocks reviewed: d1 (all). No findings.\n\n## 3. Not a section\n\n| d1 | x |\n"
    )
    skip = logged_blocks(log)
    assert skip == {"p1-kt#d2", "p1-kt#d3", "p1-kt#fn1"}
    sampled, total = sample_blocks(VI, EN, seed=5, count=share_count(4, 10), skip=skip)
    assert total == 4 and len(sampled) == 1 and sampled[0].vi.key not in skip
    assert share_count(295, 10) == 30 and share_count(10, 10) == 1


def test_the_command_prints_the_same_sample_for_the_same_seed(capsys):
    outputs = []
    for _ in range(2):
        assert main(["--seed", "26", "--count", "5"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and outputs[0].count("\n### ") == 5
    assert "Drawn with `python tools/sample_paragraphs.py --seed 26 --count 5`" in outputs[0]
    assert "index.md · section `home`" not in outputs[0] and "ghi-chu-bien-tap" not in outputs[0]
