"""Paragraph ids across drafts and the rules of publishing, as plain functions (no build)."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from draftsite.revisions.paragraph_ids import (  # noqa: E402
    SectionParagraphs,
    assign_section,
    load_registry,
    registry_json,
    vanished_paragraph_ids,
    with_retired_sections,
)
from draftsite.revisions.publishing import (  # noqa: E402
    PublishError,
    lost_drafts,
    overlay_settings,
    sitemap_locations,
    tag_date,
)

A = "Kinh tế tăng trưởng nhanh, bình quân 11,1%/năm trong giai đoạn 2016-2020."
B = "Cơ cấu kinh tế chuyển dịch tích cực theo hướng công nghiệp hóa, hiện đại hóa."
C = "Thu ngân sách đạt 15.000 tỷ đồng, gấp 1,5 lần so với năm 2015."
D = "Quy mô giá trị sản xuất công nghiệp đứng thứ tư cả nước."


def first(texts: list[str]) -> SectionParagraphs:
    return assign_section("s", "p/", texts, None, "", "2020-03-31")


def second(previous: SectionParagraphs, texts: list[str]) -> SectionParagraphs:
    return assign_section("s", "p/", texts, previous, "2020-03-31", "2020-05-15")


def ids(entry: SectionParagraphs) -> list[str]:
    return [p.id for p in entry.paragraphs]


def test_the_first_draft_numbers_blocks_in_order():
    assert ids(first([A, B, C])) == ["s-d1", "s-d2", "s-d3"]


def test_an_inserted_paragraph_gets_a_new_number_and_the_rest_keep_theirs():
    assert ids(second(first([A, B, C]), [A, D, B, C])) == ["s-d1", "s-d4", "s-d2", "s-d3"]


def test_an_edited_paragraph_keeps_its_id():
    edited = B.replace("tích cực", "rất tích cực")
    assert ids(second(first([A, B, C]), [A, edited, C])) == ["s-d1", "s-d2", "s-d3"]


def test_a_deleted_paragraph_is_remembered_and_its_number_never_reused():
    after = second(first([A, B, C]), [A, C])
    assert ids(after) == ["s-d1", "s-d3"]
    assert [(r.id, r.last, r.removed_in, r.page) for r in after.removed] == [
        ("s-d2", "2020-03-31", "2020-05-15", "p/")
    ]
    third = assign_section("s", "p/", [A, C, D], after, "2020-05-15", "2020-07-01")
    assert ids(third) == ["s-d1", "s-d3", "s-d4"] and [r.id for r in third.removed] == ["s-d2"]


def test_a_replaced_paragraph_gets_a_new_id():
    after = second(first([A, B, C]), [A, D, C])
    assert ids(after) == ["s-d1", "s-d4", "s-d3"] and [r.id for r in after.removed] == ["s-d2"]


def test_paragraphs_of_a_merged_section_move_to_its_successor():
    previous = {"s": first([A]), "old": assign_section("old", "q/", [B, C], None, "", "2020-03-31")}
    moved = with_retired_sections(previous, {"s"}, {"old": "s"}, "2020-03-31", "2020-05-15")
    assert "old" not in moved and [(r.id, r.page) for r in moved["s"].removed] == [
        ("old-d1", "q/"),
        ("old-d2", "q/"),
    ]
    after = second(moved["s"], [A, D])
    assert ids(after) == ["s-d1", "s-d2"] and {r.id for r in after.removed} == {"old-d1", "old-d2"}
    assert vanished_paragraph_ids(previous, {"s": after}) == []
    assert vanished_paragraph_ids(previous, {"s": second(first([A]), [A])}) == ["old-d1", "old-d2"]


def test_the_registry_survives_its_json(tmp_path):
    registry = {"s": second(first([A, B, C]), [A, C])}
    (tmp_path / "paragraphs.json").write_text(registry_json(registry, "2020-05-15"), "utf-8")
    draft, loaded = load_registry(tmp_path / "paragraphs.json")
    assert draft == "2020-05-15" and loaded == registry


@pytest.mark.parametrize(
    "tag", ["du-thao-2020-5-15", "du-thao-2020-13-45", "du-thao-x", "du-thao-2020-05-15-b"]
)
def test_malformed_draft_tags_are_refused_by_name(tag):
    with pytest.raises(PublishError, match=f"tag '{tag}' looks like a draft tag"):
        tag_date(tag)


def test_a_draft_that_was_online_cannot_be_dropped():
    named = {"2020-03-31": "a" * 40, "2020-05-15": "b" * 40}
    assert lost_drafts(named, set(), {"2020-05-15"}, None, set())[0].startswith(
        "bản dự thảo ngày 2020-03-31"
    )
    assert lost_drafts(named, set(), {"2020-03-31"}, "2020-05-15", set()) == []
    assert lost_drafts(named, set(), {"2020-05-15"}, None, {"2020-03-31"}) == []
    assert "du-thao/2020-01-01/" in lost_drafts({}, {"2020-01-01"}, set(), None, set())[0]


def test_shared_settings_replace_all_but_the_draft():
    own = {"opens": "2020-04-01", "closes": "2020-04-30", "draft": {"date": "2020-03-31"}}
    shared = {"closes": "2020-05-10", "draft": {"date": "2099-01-01"}, "form": {"preset": "google"}}
    assert overlay_settings(own, shared) == {
        "opens": "2020-04-01",
        "closes": "2020-05-10",
        "draft": {"date": "2020-03-31"},
        "form": {"preset": "google"},
    }


def test_sitemaps_merge_without_repeats():
    one = "<urlset><url><loc>https://x/a/</loc></url><url><loc>https://x/b/</loc></url></urlset>"
    two = "<urlset><url><loc> https://x/b/ </loc></url><url><loc>https://x/c/</loc></url></urlset>"
    assert sitemap_locations([one, two]) == ["https://x/a/", "https://x/b/", "https://x/c/"]
