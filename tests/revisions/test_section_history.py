"""A section's history and its Atom feed, from drafts' published texts (no MkDocs, no build)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from draftsite.revisions.section_history import (
    DraftText,
    SectionRecord,
    read_draft_text,
    section_diff_html,
    section_feed,
    section_histories,
    write_section_feeds,
)

ATOM = "{http://www.w3.org/2005/Atom}"
ROOT = "https://example.gov.vn/du-thao-bao-cao/"


def section(ident: str, *paragraphs: tuple[str, str], title: str = "Tiêu đề") -> SectionRecord:
    """A section of a draft, on the page a/."""
    return SectionRecord(ident, f"mục {ident}", title, "a/", tuple(paragraphs))


def draft(date: str, *sections: SectionRecord, retired: dict | None = None) -> DraftText:
    """A draft's text with `sections`, in order."""
    return DraftText(date, f"Dự thảo ngày {date}", {s.id: s for s in sections}, retired or {})


# Draft 2 edits one paragraph of s1; draft 3 inserts a paragraph into s2 and merges s3 into s2.
FIRST = draft(
    "2020-03-31",
    section("s1", ("s1-d1", "Một hai ba"), ("s1-d2", "Bốn năm sáu")),
    section("s2", ("s2-d1", "Bảy tám")),
    section("s3", ("s3-d1", "Chín mười")),
)
SECOND = draft(
    "2020-06-30",
    section("s1", ("s1-d1", "Một hai ba"), ("s1-d2", "Bốn năm bảy")),
    section("s2", ("s2-d1", "Bảy tám")),
    section("s3", ("s3-d1", "Chín mười")),
)
THIRD = draft(
    "2020-08-15",
    section("s1", ("s1-d1", "Một hai ba"), ("s1-d2", "Bốn năm bảy")),
    section("s2", ("s2-d1", "Bảy tám"), ("s2-d2", "Đoạn mới"), ("s3-d1", "Chín mười")),
    retired={"s3": {"status": "merged", "into": "s2"}},
)


def kinds(entries) -> list[tuple[str, str]]:
    """(draft, kind) of each entry."""
    return [(e.draft, e.kind) for e in entries]


def test_each_section_lists_exactly_the_drafts_in_which_it_changed():
    histories = section_histories([FIRST, SECOND, THIRD])
    assert kinds(histories["s1"]) == [("2020-03-31", "published"), ("2020-06-30", "changed")]
    assert kinds(histories["s2"]) == [("2020-03-31", "published"), ("2020-08-15", "changed")]
    assert kinds(histories["s3"]) == [("2020-03-31", "published"), ("2020-08-15", "merged")]
    merged = histories["s3"][-1]
    assert merged.into is not None and merged.into.id == "s2"


def test_a_section_added_later_and_one_removed_say_when():
    later = draft("2020-06-30", section("s1", ("s1-d1", "Một hai ba")), section("s9"))
    histories = section_histories([FIRST, later])
    assert kinds(histories["s9"]) == [("2020-06-30", "added")]
    assert kinds(histories["s2"]) == [("2020-03-31", "published"), ("2020-06-30", "removed")]
    assert histories["s2"][-1].into is None and histories["s2"][-1].before_draft == "2020-03-31"


def test_the_diff_aligns_paragraphs_by_id_and_shows_only_what_changed():
    diff = section_diff_html(
        THIRD.sections["s2"], THIRD.sections["s2"], "đã xoá", "đã thêm"
    ) + section_diff_html(SECOND.sections["s2"], THIRD.sections["s2"], "đã xoá", "đã thêm")
    assert "Bảy tám" not in diff  # unchanged paragraphs are left out
    assert "<ins>" in diff and "Đoạn mới" in diff and "Chín mười" in diff
    edit = section_diff_html(FIRST.sections["s1"], SECOND.sections["s1"], "đã xoá", "đã thêm")
    assert "sáu" in edit.split("<del>")[1] and "bảy" in edit.split("<ins>")[1]
    assert "Một" not in edit


def test_the_feed_parses_and_lists_the_sections_changes_newest_first():
    entries = section_histories([FIRST, SECOND, THIRD])["s1"]
    feed = ET.fromstring(section_feed("s1", entries, "vi", ROOT, "Tiểu ban Văn kiện").encode())
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == f"{ROOT}lich-su/s1.xml"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{ROOT}lich-su/s1.xml"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Tiểu ban Văn kiện"
    items = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}updated")[:10] for e in items] == ["2020-06-30", "2020-03-31"]
    assert items[0].find(f"{ATOM}link").get("href") == f"{ROOT}du-thao/2020-06-30/a/#s1"
    assert "sửa đổi trong dự thảo ngày 2020-06-30" in items[0].findtext(f"{ATOM}title")
    assert "<del>" in items[0].findtext(f"{ATOM}content")
    assert len({e.findtext(f"{ATOM}id") for e in items}) == 2


def test_an_english_feed_of_a_merged_section_links_to_where_its_words_went():
    english = [
        DraftText(d.draft, f"Draft of {d.draft}", d.sections, d.retired)
        for d in (FIRST, SECOND, THIRD)
    ]
    entries = section_histories(english)["s3"]
    feed = ET.fromstring(section_feed("s3", entries, "en", ROOT, "Subcommittee").encode())
    newest = feed.findall(f"{ATOM}entry")[0]
    assert feed.findtext(f"{ATOM}id") == f"{ROOT}en/lich-su/s3.xml"
    assert newest.findtext(f"{ATOM}summary") == "merged into mục s2 in the draft of 2020-08-15"
    assert newest.find(f"{ATOM}link").get("href") == f"{ROOT}du-thao/2020-08-15/en/a/#s2"


def test_feeds_are_written_from_the_published_texts_and_skip_a_draft_without_one(tmp_path: Path):
    for d in (FIRST, THIRD):
        folder = tmp_path / "du-thao" / d.draft
        folder.mkdir(parents=True)
        (folder / "van-ban.json").write_text(
            json.dumps(
                {
                    "draft": d.draft,
                    "lang": "vi",
                    "label": d.label,
                    "sections": [
                        {
                            "id": s.id,
                            "label": s.label,
                            "title": s.title,
                            "page": s.page,
                            "parent": None,
                            "paragraphs": [list(p) for p in s.paragraphs],
                        }
                        for s in d.sections.values()
                    ],
                    "retired": d.retired,
                },
                ensure_ascii=False,
            ),
            "utf-8",
        )
    assert read_draft_text(tmp_path / "du-thao" / FIRST.draft / "van-ban.json") == FIRST
    dates = [FIRST.draft, SECOND.draft, THIRD.draft]  # the second has no text (older code)
    assert write_section_feeds(tmp_path, dates, ROOT, "vi", "Tiểu ban") == 3
    s1 = ET.parse(tmp_path / "lich-su" / "s1.xml").getroot()
    assert [e.findtext(f"{ATOM}updated")[:10] for e in s1.findall(f"{ATOM}entry")] == [
        "2020-08-15",
        "2020-03-31",
    ]
