"""Issue 7: drafts published from git tags stay online, compare with each other, keep their ids."""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_FILES, ROOT, build_env

sys.path.insert(0, str(ROOT / "tools"))
from publish import publish  # noqa: E402

SITE = "https://example.org/du-thao/"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
                   cwd=repo, check=True, capture_output=True)


def edit(repo: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = repo / "docs" / rel
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), "utf-8")


def remove_section(repo: Path, rel: str, heading: str) -> None:
    path = repo / "docs" / rel
    text = path.read_text("utf-8")
    text = re.sub(rf"^{re.escape(heading)}\n\n[^\n]*\n\n", "", text, flags=re.M)
    path.write_text(text, "utf-8")


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    """A repository with two tagged drafts: one paragraph changed, one section added, one removed
    (declared), one indicator value changed. Returns (repo, out before B, out after B, out rebuilt)."""
    tmp = tmp_path_factory.mktemp("drafts")
    repo = tmp / "repo"
    repo.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, repo / name,
                                                                **({"ignore": shutil.ignore_patterns("__pycache__")} if source.is_dir() else {}))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Draft of 31 March 2020")
    git(repo, "tag", "-a", "du-thao-2020-03-31", "-m", "vi: Dự thảo ngày 31/3/2020\nen: Draft of 31 March 2020")
    out = tmp / "out"
    publish(repo, out, SITE)
    before = tmp / "before"
    shutil.copytree(out, before)
    # Draft B.
    edit(repo, "phan-thu-nhat/kinh-te.md", "ngành công nghiệp đạt 16,3%/năm.", "ngành công nghiệp ước đạt 16,3%/năm.")
    edit(repo, "phan-thu-nhat/kinh-te.en.md", "reached 16.3% per year.", "is estimated at 16.3% per year.")
    for rel, text in (("phan-thu-hai/dot-pha.md", "## \\* Đột phá bổ sung { #p2-dot-pha-bo-sung }\n\nNội dung đột phá bổ sung.\n"),
                      ("phan-thu-hai/dot-pha.en.md", "## \\* Additional breakthrough { #p2-dot-pha-bo-sung }\n\nText of the additional breakthrough.\n")):
        path = repo / "docs" / rel
        path.write_text(path.read_text("utf-8").rstrip("\n") + "\n\n" + text, "utf-8")
    remove_section(repo, "phan-thu-nhat/ha-tang.md", "### \\* Hạ tầng thương mại - dịch vụ: { #p1-ii-2-2-thuong-mai }")
    remove_section(repo, "phan-thu-nhat/ha-tang.en.md", "### \\* Trade and services infrastructure: { #p1-ii-2-2-thuong-mai }")
    (repo / "docs" / "data" / "ma-muc-da-bo.yml").write_text(
        "p1-ii-2-2-thuong-mai: {status: merged, into: p1-ii-2-2}\n", "utf-8")
    edit(repo, "phan-thu-nhat/index.md", "tỷ lệ che phủ rừng đạt 53%", "tỷ lệ che phủ rừng đạt 54%")
    edit(repo, "phan-thu-nhat/index.en.md", "the forest cover rate reached 53%", "the forest cover rate reached 54%")
    edit(repo, "data/chi-tieu.yml", "    result_2020: {value: 53}", "    result_2020: {value: 54}")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Draft of 15 May 2020")
    git(repo, "tag", "-a", "du-thao-2020-05-15", "-m", "vi: Dự thảo ngày 15/5/2020\nen: Draft of 15 May 2020")
    publish(repo, out, SITE)
    rebuilt = tmp / "rebuilt"
    publish(repo, rebuilt, SITE)
    return repo, before, out, rebuilt


def test_both_drafts_are_online_in_both_languages(drafts):
    _, _, out, _ = drafts
    for draft in ("2020-03-31", "2020-05-15"):
        for lang in ("", "en/"):
            assert (out / "du-thao" / draft / lang / "phan-thu-nhat" / "kinh-te" / "index.html").is_file()
    root = html(out / "phan-thu-nhat" / "kinh-te" / "index.html")
    assert "công nghiệp ước đạt 16,3%/năm" in root.get_text()
    old = html(out / "du-thao" / "2020-03-31" / "phan-thu-nhat" / "kinh-te" / "index.html")
    assert "công nghiệp ước đạt" not in old.get_text() and "công nghiệp đạt 16,3%/năm" in old.get_text()
    assert old.select_one('link[rel="canonical"]')["href"] == SITE + "du-thao/2020-03-31/phan-thu-nhat/kinh-te/"


def test_old_draft_is_marked_and_points_to_the_latest(drafts, browser):
    _, _, out, _ = drafts
    line = html(out / "du-thao" / "2020-03-31" / "index.html").select_one(".draft-line")
    assert line.has_attr("data-permanent") and line["data-root"] == SITE
    assert "Bản dự thảo ngày 31/3/2020" in line.get_text()
    import json
    listed = json.loads((out / "drafts.json").read_text("utf-8"))
    assert [d["date"] for d in listed] == ["2020-05-15", "2020-03-31"] and listed[0]["changed"] == 4
    selector = html(out / "index.html").select(".draft-select a")
    assert [a["href"] for a in selector] == [SITE + "du-thao/2020-05-15/", SITE + "du-thao/2020-03-31/"]


def test_comparison_lists_exactly_the_changes(drafts):
    _, _, out, _ = drafts
    page = html(out / "so-sanh" / "index.html")
    summary = {li["data-kind"]: li.get_text() for li in page.select(".revision-summary li")}
    assert "(1)" in summary["added"] and "Phần thứ hai › Các đột phá phát triển › Đột phá bổ sung" in summary["added"]
    assert "(1)" in summary["removed"] and "p1-ii-2-2-thuong-mai" in summary["removed"]
    assert "(0)" in summary["moved"]
    assert "(2)" in summary["changed"]
    diffs = {p["data-section"]: p for p in page.select(".revision-diff")}
    assert set(diffs) == {"p1-ii-1-2-1", "p1-i", "p2-dot-pha-bo-sung"}
    inserted = [i.get_text() for i in diffs["p1-ii-1-2-1"].select("ins")]
    assert inserted == ["[đã thêm: ước]"] and not diffs["p1-ii-1-2-1"].select("del")
    assert [d.get_text() for d in diffs["p1-i"].select("del")] == ["[đã xoá: 53%]"]
    assert [i.get_text() for i in diffs["p1-i"].select("ins")] == ["[đã thêm: 54%]"]
    row = page.select_one(".revision-indicators tbody tr")
    assert [c.get_text() for c in row.find_all(["th", "td"])] == ["forest-cover", "result_2020", "53", "54"]
    english = html(out / "en" / "so-sanh" / "index.html")
    assert english.select_one(".revision-diff[data-section='p1-ii-1-2-1'] ins").get_text() == "[inserted: is estimated at]"


def test_changed_sections_link_to_their_difference_and_old_anchors_still_land(drafts):
    _, _, out, _ = drafts
    page = html(out / "phan-thu-nhat" / "kinh-te" / "index.html")
    link = page.find(id="p1-ii-1-2-1").find_next_sibling("p", class_="revision-link")
    assert link is not None and link.a["href"] == "../../so-sanh/#sua-p1-ii-1-2-1"
    assert page.find(id="p1-ii-1-2-2").find_next_sibling("p", class_="revision-link") is None
    infrastructure = html(out / "phan-thu-nhat" / "ha-tang" / "index.html")
    anchor = infrastructure.find(id="p1-ii-2-2-thuong-mai")
    assert anchor is not None and anchor.find_next_sibling().get("id") == "p1-ii-2-2"


def test_feed_lists_both_drafts(drafts):
    _, _, out, _ = drafts
    feed = (out / "du-thao.atom").read_text("utf-8")
    assert feed.count("<entry>") == 2 and "Dự thảo ngày 15/5/2020" in feed and "Dự thảo ngày 31/3/2020" in feed
    import xml.etree.ElementTree as ET
    ET.fromstring(feed)
    assert "Draft of 15 May 2020" in (out / "en" / "du-thao.atom").read_text("utf-8")


def test_old_draft_html_is_byte_identical_after_a_newer_draft_and_a_rebuild(drafts):
    _, before, out, rebuilt = drafts
    old = Path("du-thao") / "2020-03-31"
    for target in (out, rebuilt):
        comparison = filecmp.dircmp(before / old, target / old)
        stack, different = [comparison], []
        while stack:
            current = stack.pop()
            different += [str(Path(current.left) / f) for f in current.diff_files + current.left_only + current.right_only]
            stack += current.subdirs.values()
        assert different == []
        for path in (before / old).rglob("*.html"):
            assert path.read_bytes() == (target / old / path.relative_to(before / old)).read_bytes()


def test_a_vanished_section_id_stops_publishing(drafts, tmp_path):
    repo, _, _, _ = drafts
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    (clone / "docs" / "data" / "ma-muc-da-bo.yml").unlink()
    remove_section(clone, "phan-thu-nhat/ha-tang.md", "### \\* Hạ tầng đô thị: { #p1-ii-2-2-do-thi }")
    remove_section(clone, "phan-thu-nhat/ha-tang.en.md", "### \\* Urban infrastructure: { #p1-ii-2-2-do-thi }")
    env = build_env(PUBLISHED_IDS_FILE=str(tmp_path / "ids.json"))
    import json
    (tmp_path / "ids.json").write_text(json.dumps({"du-thao-2020-05-15": ["p1-ii-2-2-do-thi", "p1-ii-2-2-thuong-mai"]}))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                            cwd=clone, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "'p1-ii-2-2-do-thi' (published in du-thao-2020-05-15) is gone" in result.stderr
    assert "'p1-ii-2-2-thuong-mai' (published in du-thao-2020-05-15) is gone" in result.stderr
