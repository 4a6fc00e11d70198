"""Issue 12: an editor publishes a second draft by following the editor guide on a clone, and
every promise holds: paragraph links keep their words, no draft is lost, settings reach the site
without a new draft, archives are complete, warnings and bad tags stop publishing."""

from __future__ import annotations

import datetime as dt
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import (
    ORGANISER_CONTACT,
    ROOT,
    assemble_project,
    broken_internal_links,
    build_env,
)

sys.path.insert(0, str(ROOT / "tools"))
from publish import publish  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
from draft_repos import edit, git, name_draft, remove_section, start_repository  # noqa: E402

from draftsite.revisions.publishing import PublishError  # noqa: E402

SITE = "https://example.org/du-thao/"
FIRST, SECOND = "2020-03-31", "2020-05-15"


# Commit the changes in `repo` and move the latest draft's tag onto that commit.
def retag_latest(repo: Path, message: str) -> None:
    git(repo, "commit", "-qam", message)
    git(repo, "tag", "-d", f"du-thao-{SECOND}")
    git(repo, "tag", "-a", f"du-thao-{SECOND}", "-m", f"Retagged: {message}")


# Processes still writing to a build's log when publishing has stopped: a build, or a process a
# build started, left behind (waited for up to two seconds while they die).
def leftover_build_processes() -> list[str]:
    for _ in range(20):
        found = []
        for stdout in Path("/proc").glob("[0-9]*/fd/1"):
            try:
                target = os.readlink(stdout)
            except OSError:
                continue
            if "mkdocs-build-" in target:
                found.append(f"process {stdout.parts[2]} writing to {target}")
        if not found:
            return []
        time.sleep(0.1)
    return found


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def words(out: Path, page: str, ident: str) -> str:
    element = html(out / page / "index.html").find(id=ident)
    assert element is not None, f"#{ident} missing on {page}"
    return (
        re.sub(r"\s+", " ", "".join(element.find_all(string=True, recursive=True)))
        .replace("¶", "")
        .strip()
    )


# The second draft, as an editor writes it: a number changed in one paragraph, a paragraph
# inserted in the middle of a section, a paragraph deleted in another, a section added, a section
# merged (declared), an indicator value changed — each in both languages.
def write_second_draft(repo: Path) -> None:
    docs = "docs/phan-thu-nhat/"
    edit(repo, docs + "kinh-te.md", "tăng từ 51 triệu đồng/người", "tăng từ 52 triệu đồng/người")
    edit(
        repo,
        docs + "kinh-te.en.md",
        "from VND 51 million per person",
        "from VND 52 million per person",
    )
    edit(
        repo,
        docs + "kinh-te.md",
        "ngành công nghiệp đạt 16,3%/năm.",
        "ngành công nghiệp ước đạt 16,3%/năm.",
    )
    edit(repo, docs + "kinh-te.en.md", "reached 16.3% per year.", "is estimated at 16.3% per year.")
    edit(
        repo,
        docs + "kinh-te.md",
        "nâng cao đời sống nhân dân.\n\n",
        "nâng cao đời sống nhân dân.\n\nĐoạn mới về phát triển công nghiệp hỗ trợ.\n\n",
    )
    edit(
        repo,
        docs + "kinh-te.en.md",
        "improving people's living standards.\n\n",
        "improving people's living standards.\n\nA new paragraph on developing supporting industries.\n\n",
    )
    for rel, start in (
        ("kinh-te.md", "Huy động nguồn lực đầu tư toàn xã hội"),
        ("kinh-te.en.md", "The mobilisation of society-wide"),
    ):
        path = repo / docs / rel
        text = path.read_text("utf-8")
        changed = re.sub(rf"\n{re.escape(start)}[^\n]*\n", "\n", text, count=1)
        assert changed != text
        path.write_text(changed, "utf-8")
    for rel, text in (
        (
            "docs/phan-thu-hai/dot-pha.md",
            "## \\* Đột phá bổ sung { #p2-dot-pha-bo-sung }\n\nNội dung đột phá bổ sung.\n",
        ),
        (
            "docs/phan-thu-hai/dot-pha.en.md",
            "## \\* Additional breakthrough { #p2-dot-pha-bo-sung }\n\nText of the additional breakthrough.\n",
        ),
    ):
        path = repo / rel
        path.write_text(path.read_text("utf-8").rstrip("\n") + "\n\n" + text, "utf-8")
    remove_section(
        repo,
        "phan-thu-nhat/ha-tang.md",
        "### \\* Hạ tầng thương mại - dịch vụ: { #p1-ii-2-2-thuong-mai }",
    )
    remove_section(
        repo,
        "phan-thu-nhat/ha-tang.en.md",
        "### \\* Trade and services infrastructure: { #p1-ii-2-2-thuong-mai }",
    )
    (repo / "docs" / "data" / "ma-muc-da-bo.yml").write_text(
        "p1-ii-2-2-thuong-mai: {status: merged, into: p1-ii-2-2}\n", "utf-8"
    )
    edit(repo, docs + "index.md", "tỷ lệ che phủ rừng đạt 53%", "tỷ lệ che phủ rừng đạt 54%")
    edit(
        repo,
        docs + "index.en.md",
        "the forest cover rate reached 53%",
        "the forest cover rate reached 54%",
    )
    edit(
        repo,
        "docs/data/chi-tieu.yml",
        "    result_2020: {value: 53}",
        "    result_2020: {value: 54}",
    )
    name_draft(repo, SECOND, "Dự thảo ngày 15/5/2020", "Draft of 15 May 2020")


def snapshot(out: Path, name: Path) -> Path:
    shutil.copytree(out, name)
    return name


@pytest.fixture(scope="module")
def scenario(tmp_path_factory, browser):
    """The editor guide followed literally on a fresh repository. Returns a dict of outputs and logs."""
    tmp = tmp_path_factory.mktemp("drafts")
    repo = start_repository(tmp / "repo")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "First draft")
    out = tmp / "out"
    result = {"repo": repo, "out": out}
    # Before any tag, main is published as the draft that mkdocs.yml names.
    result["log_untagged"] = publish(repo, out, SITE)
    result["untagged"] = snapshot(out, tmp / "untagged")
    # The next draft, pushed before the draft that is online was tagged: publishing must stop,
    # not drop the first draft.
    write_second_draft(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Second draft")
    with pytest.raises(PublishError) as stopped:
        publish(repo, out, SITE)
    result["lost_error"] = str(stopped.value)
    # The message says which commit to tag; the editor does so, previews the next draft, tags it.
    commit = re.search(rf"git tag -a du-thao-{FIRST} ([0-9a-f]+)", result["lost_error"])[1]
    git(repo, "tag", "-a", f"du-thao-{FIRST}", commit, "-m", "First draft")
    result["preview_log"] = publish(repo, tmp / "preview", SITE, preview=True)
    result["preview"] = tmp / "preview"
    git(repo, "tag", "-a", f"du-thao-{SECOND}", "-m", "Second draft")
    result["log_second"] = publish(repo, out, SITE, pdf=True, browser=browser)
    result["second"] = snapshot(out, tmp / "second")
    # A settings change without a new draft: the consultation closes ten days later.
    edit(repo, "mkdocs.yml", 'closes: "2027-01-15"', 'closes: "2027-01-25"')
    git(repo, "commit", "-q", "-am", "Close ten days later")
    result["log_settings"] = publish(repo, out, SITE, pdf=True, browser=browser)
    result["settings"] = snapshot(out, tmp / "settings")
    result["log_again"] = publish(repo, out, SITE, pdf=True, browser=browser)
    result["rebuilt"] = tmp / "rebuilt"
    publish(repo, result["rebuilt"], SITE)
    return result


def test_publishing_stops_rather_than_drop_the_untagged_first_draft(scenario):
    message = scenario["lost_error"]
    assert f"the draft of {FIRST} was published from main" in message and "has no tag" in message
    assert f"git tag -a du-thao-{FIRST}" in message


def test_both_drafts_stay_online_in_both_languages(scenario):
    out = scenario["out"]
    for draft in (FIRST, SECOND):
        for lang in ("", "en/"):
            assert (
                out / "du-thao" / draft / lang / "phan-thu-nhat" / "kinh-te" / "index.html"
            ).is_file()
    root = html(out / "phan-thu-nhat" / "kinh-te" / "index.html")
    assert "công nghiệp ước đạt 16,3%/năm" in root.get_text()
    old = html(out / "du-thao" / FIRST / "phan-thu-nhat" / "kinh-te" / "index.html")
    assert (
        "công nghiệp ước đạt" not in old.get_text()
        and "công nghiệp đạt 16,3%/năm" in old.get_text()
    )
    assert (
        old.select_one('link[rel="canonical"]')["href"]
        == SITE + f"du-thao/{FIRST}/phan-thu-nhat/kinh-te/"
    )


def test_a_paragraph_link_of_the_first_draft_shows_the_same_or_edited_words(scenario):
    out = scenario["out"]
    for lang in ("", "en/"):
        page = f"{lang}phan-thu-nhat/kinh-te"
        old = out / "du-thao" / FIRST
        # Unchanged paragraphs after an insertion keep their ids and words.
        for ident in ("p1-ii-1-2-1-d2", "p1-ii-1-2-1-d3", "p1-ii-1-1-d3"):
            before, after = words(old, page, ident), words(out, page, ident)
            assert before == after.replace("ước đạt", "đạt").replace("is estimated at", "reached")
        # The edited paragraph keeps its id and shows the new number.
        assert ("51 " in words(old, page, "p1-ii-1-2-d4")) and (
            "52 " in words(out, page, "p1-ii-1-2-d4")
        )
    # The inserted paragraph gets a number never used in its section; the rest do not move.
    kinh_te = html(out / "phan-thu-nhat" / "kinh-te" / "index.html")
    ids = [
        p["id"]
        for p in kinh_te.select("[id^='p1-ii-1-2-1-d']")
        if "removed-paragraph" not in (p.get("class") or [])
    ]
    assert ids == ["p1-ii-1-2-1-d1", "p1-ii-1-2-1-d4", "p1-ii-1-2-1-d2", "p1-ii-1-2-1-d3"]
    assert "công nghiệp hỗ trợ" in words(out, "phan-thu-nhat/kinh-te", "p1-ii-1-2-1-d4")
    english = html(out / "en" / "phan-thu-nhat" / "kinh-te" / "index.html")
    assert [p["id"] for p in english.select("[id^='p1-ii-1-2-1-d']")] == ids


def test_a_removed_paragraph_says_where_it_went(scenario):
    out = scenario["out"]
    for lang, text, link in (
        (
            "",
            "Đoạn này đã được bỏ trong dự thảo ngày 15/5/2020.",
            "Xem đoạn này trong dự thảo ngày 31/3/2020",
        ),
        (
            "en/",
            "This paragraph was removed in the draft of 15 May 2020.",
            "See it in the draft of 31 March 2020",
        ),
    ):
        page = out / lang / "phan-thu-nhat" / "kinh-te" / "index.html"
        notice = html(page).find(id="p1-ii-1-1-d2")
        assert notice is not None and "removed-paragraph" in notice["class"]
        assert text in notice.get_text() and notice.a.get_text() == link
        target = (page.parent / notice.a["href"].split("#")[0]).resolve() / "index.html"
        assert (
            target
            == (
                out / "du-thao" / FIRST / lang / "phan-thu-nhat" / "kinh-te" / "index.html"
            ).resolve()
        )
        assert "238" in words(
            out / "du-thao" / FIRST, f"{lang}phan-thu-nhat/kinh-te", "p1-ii-1-1-d2"
        )
    # Paragraphs of the merged section are kept as removed in its successor.
    registry = json.loads((out / "paragraphs.json").read_text("utf-8"))
    removed = {r["id"] for r in registry["sections"]["p1-ii-2-2"]["removed"]}
    assert "p1-ii-2-2-thuong-mai-d1" in removed


@pytest.mark.browser
def test_the_removed_paragraph_notice_shows_only_at_its_address(scenario, browser):
    out = scenario["out"]
    page = browser.new_page()
    try:
        page.goto((out / "phan-thu-nhat" / "kinh-te" / "index.html").as_uri() + "#p1-ii-1-1-d2")
        assert page.locator("#p1-ii-1-1-d2").is_visible()
        page.goto((out / "phan-thu-nhat" / "kinh-te" / "index.html").as_uri())
        assert not page.locator("#p1-ii-1-1-d2").is_visible()
    finally:
        page.close()


def test_a_settings_change_reaches_every_draft_without_a_tag(scenario):
    for draft in ("", f"du-thao/{SECOND}/", f"du-thao/{FIRST}/"):
        before = (scenario["second"] / draft / "index.html").read_text("utf-8")
        after = (scenario["settings"] / draft / "index.html").read_text("utf-8")
        assert "15/01/2027" in before and "25/01/2027" in after and "15/01/2027" not in after
    assert any(
        "unchanged" not in line for line in scenario["log_settings"] if line.startswith("du-thao/")
    )


def test_publishing_again_with_nothing_new_changes_no_byte_of_any_draft(scenario):
    assert all("unchanged" in line for line in scenario["log_again"] if line.startswith("du-thao/"))
    for rebuilt in (scenario["out"], scenario["rebuilt"]):
        for draft in (FIRST, SECOND):
            old = scenario["settings"] / "du-thao" / draft
            for path in old.rglob("*"):
                if (
                    path.is_file()
                    and path.suffix != ".pdf"
                    and (rebuilt is scenario["out"] or path.name != ".published")
                ):
                    assert (
                        path.read_bytes()
                        == (rebuilt / "du-thao" / draft / path.relative_to(old)).read_bytes()
                    ), path


def test_the_first_draft_is_the_same_before_and_after_it_was_tagged(scenario):
    before = scenario["untagged"] / "du-thao" / FIRST
    after = scenario["second"] / "du-thao" / FIRST
    comparison = filecmp.dircmp(before, after)
    assert comparison.diff_files == [] or comparison.diff_files == [".published"]


def test_publishing_says_what_it_published(scenario):
    log = "\n".join(scenario["log_second"])
    assert f"du-thao/{FIRST}/  unchanged" in log
    assert re.search(
        rf"du-thao/{SECOND}/  built from du-thao-{SECOND} \(commit [0-9a-f]{{10}}\)", log
    )
    assert re.search(
        rf"/ \(root\) +the draft of {SECOND}, from du-thao-{SECOND} \(commit [0-9a-f]{{10}}\)", log
    )
    assert any(line.startswith(f"PDF  du-thao/{SECOND}/") for line in scenario["log_second"])


def test_the_whole_published_output_has_no_broken_internal_link(scenario):
    out = scenario["out"]
    for draft in (FIRST, SECOND):
        for pdf in ("du-thao-bao-cao-chinh-tri.pdf", "en/draft-political-report.pdf"):
            assert (out / "du-thao" / draft / pdf).is_file()
    assert broken_internal_links(out, SITE) == []


def test_one_sitemap_lists_every_draft_and_both_languages(scenario):
    out = scenario["out"]
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    for address in (
        "",
        "en/",
        f"du-thao/{FIRST}/",
        f"du-thao/{FIRST}/en/phan-thu-nhat/kinh-te/",
        f"du-thao/{SECOND}/en/",
        "en/phan-thu-hai/dot-pha/",
    ):
        assert f"<loc>{SITE}{address}</loc>" in sitemap
    own = {
        d: (out / "du-thao" / d / "sitemap.xml").read_text("utf-8").count("<url>")
        for d in (FIRST, SECOND)
    }
    assert (
        own[FIRST] >= 60 and sitemap.count("<url>") == own[FIRST] + 2 * own[SECOND]
    )  # the root is the latest
    assert (out / "en" / "sitemap.xml").read_text("utf-8") == sitemap
    assert f"Sitemap: {SITE}sitemap.xml" in (out / "robots.txt").read_text("utf-8")


def test_the_drafts_list_of_an_archive_links_to_real_folders(scenario):
    out = scenario["out"]
    for lang in ("", "en/"):
        page = out / "du-thao" / SECOND / lang / "ban-du-thao" / "index.html"
        hrefs = [a["href"] for a in html(page).select(".revision-drafts tbody a")]
        targets = [(page.parent / h).resolve() for h in hrefs]
        assert targets == [(out / "du-thao" / d / lang).resolve() for d in (SECOND, FIRST)]


def test_preview_shows_the_next_draft_and_its_comparison_before_the_tag(scenario):
    preview = scenario["preview"]
    assert any(
        "preview: the working tree is published as the draft of 2020-05-15" in line
        for line in scenario["preview_log"]
    )
    assert "công nghiệp ước đạt" in (
        preview / "phan-thu-nhat" / "kinh-te" / "index.html"
    ).read_text("utf-8")
    summary = html(preview / "so-sanh" / "index.html").select(".revision-summary li")
    assert summary and "(1)" in summary[0].get_text()


def test_old_draft_is_marked_and_points_to_the_latest(scenario):
    out = scenario["out"]
    line = html(out / "du-thao" / FIRST / "index.html").select_one(".draft-line")
    assert line.has_attr("data-permanent") and line["data-root"] == SITE
    assert "Bản dự thảo ngày 31/3/2020" in line.get_text()
    listed = json.loads((out / "drafts.json").read_text("utf-8"))
    assert [d["date"] for d in listed] == [SECOND, FIRST] and listed[0]["changed"] == 6
    selector = html(out / "index.html").select(".draft-select a")
    assert [a["href"] for a in selector] == [
        SITE + f"du-thao/{SECOND}/",
        SITE + f"du-thao/{FIRST}/",
    ]


def test_comparison_lists_exactly_the_changes(scenario):
    out = scenario["out"]
    page = html(out / "so-sanh" / "index.html")
    summary = {li["data-kind"]: li.get_text() for li in page.select(".revision-summary li")}
    assert (
        "(1)" in summary["added"]
        and "Phần thứ hai › Các đột phá phát triển › Đột phá bổ sung" in summary["added"]
    )
    assert "(1)" in summary["removed"] and "p1-ii-2-2-thuong-mai" in summary["removed"]
    assert "(0)" in summary["moved"]
    assert "(4)" in summary["changed"]
    diffs = {p["data-section"]: p for p in page.select(".revision-diff")}
    assert set(diffs) == {"p1-ii-1-1", "p1-ii-1-2", "p1-ii-1-2-1", "p1-i", "p2-dot-pha-bo-sung"}
    inserted = [i.get_text() for i in diffs["p1-ii-1-2-1"].select("ins")]
    assert (
        inserted
        == ["[đã thêm: Đoạn mới về phát triển công nghiệp hỗ trợ. Phát triển]", "[đã thêm: ước]"]
        or "[đã thêm: ước]" in inserted
    )
    assert [d.get_text() for d in diffs["p1-i"].select("del")] == ["[đã xoá: 53%]"]
    assert [i.get_text() for i in diffs["p1-i"].select("ins")] == ["[đã thêm: 54%]"]
    row = page.select_one(".revision-indicators tbody tr")
    assert [c.get_text() for c in row.find_all(["th", "td"])] == [
        "forest-cover",
        "result_2020",
        "53",
        "54",
    ]
    english = html(out / "en" / "so-sanh" / "index.html")
    assert "[inserted: is estimated at]" in [
        i.get_text() for i in english.select(".revision-diff[data-section='p1-ii-1-2-1'] ins")
    ]


def test_changed_sections_link_to_their_difference_and_old_anchors_still_land(scenario):
    out = scenario["out"]
    page = html(out / "phan-thu-nhat" / "kinh-te" / "index.html")
    link = page.find(id="p1-ii-1-2-1").find_next_sibling("p", class_="revision-link")
    assert link is not None and link.a["href"] == "../../so-sanh/#sua-p1-ii-1-2-1"
    # An unchanged section's line links only its history (issue 27), not a difference.
    line = page.find(id="p1-ii-1-2-2").find_next_sibling("p", class_="revision-link")
    assert [a["href"] for a in line.find_all("a")] == ["../../lich-su/?muc=p1-ii-1-2-2"]
    infrastructure = html(out / "phan-thu-nhat" / "ha-tang" / "index.html")
    anchor = infrastructure.find(id="p1-ii-2-2-thuong-mai")
    assert anchor is not None and anchor.find_next_sibling().get("id") == "p1-ii-2-2"


def test_feed_lists_both_drafts(scenario):
    out = scenario["out"]
    feed = (out / "du-thao.atom").read_text("utf-8")
    assert (
        feed.count("<entry>") == 2
        and "Dự thảo ngày 15/5/2020" in feed
        and "Dự thảo ngày 31/3/2020" in feed
    )
    import xml.etree.ElementTree as ET

    ET.fromstring(feed)
    assert "Draft of 15 May 2020" in (out / "en" / "du-thao.atom").read_text("utf-8")


@pytest.fixture
def clone(scenario, tmp_path) -> Path:
    """A fresh clone of the scenario's repository (with its tags), for publishing mistakes."""
    target = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(scenario["repo"]), str(target)], check=True)
    return target


@pytest.mark.parametrize(
    "tag, expected",
    [
        ("du-thao-2020-5-15", "is not of the form du-thao-YYYY-MM-DD"),
        ("du-thao-2020-13-45", "has no real date; it should be of the form du-thao-YYYY-MM-DD"),
        ("du-thao-moi", "is not of the form du-thao-YYYY-MM-DD"),
    ],
)
def test_a_malformed_draft_tag_stops_publishing_and_names_the_tag(clone, tmp_path, tag, expected):
    git(clone, "tag", tag)
    with pytest.raises(PublishError) as stopped:
        publish(clone, tmp_path / "out", SITE)
    assert f"tag {tag!r} looks like a draft tag but {expected}" in str(stopped.value)


def test_a_tag_whose_date_differs_from_mkdocs_yml_stops_publishing(clone, tmp_path):
    git(clone, "tag", "-a", "du-thao-2020-06-01", "-m", "wrong date")
    with pytest.raises(PublishError) as stopped:
        publish(clone, tmp_path / "out", SITE)
    assert "tag 'du-thao-2020-06-01' is on commit" in str(stopped.value)
    assert "names the draft of 2020-05-15 (extra.consultation.draft.date)" in str(stopped.value)


def test_a_deleted_tag_stops_publishing_unless_the_draft_is_declared_withdrawn(
    clone, scenario, tmp_path
):
    shutil.copytree(scenario["out"], tmp_path / "out")
    git(clone, "tag", "-d", f"du-thao-{FIRST}")
    with pytest.raises(PublishError) as stopped:
        publish(clone, tmp_path / "out", SITE)
    assert f"the draft of {FIRST} was published from main" in str(stopped.value)
    text = (
        (clone / "mkdocs.yml")
        .read_text("utf-8")
        .replace("extra:\n", f'extra:\n  withdrawn_drafts: ["{FIRST}"]\n', 1)
    )
    (clone / "mkdocs.yml").write_text(text, "utf-8")
    git(clone, "commit", "-qam", "Withdraw the first draft")
    publish(clone, tmp_path / "out2", SITE)
    assert not (tmp_path / "out2" / "du-thao" / FIRST).exists()


def test_the_placeholder_form_stops_publishing(clone, tmp_path):
    edit(
        clone,
        "mkdocs.yml",
        "1FAIpQLSf-Tieu-ban-Van-kien",
        "1FAIpQLSdTNPC-du-thao-bao-cao-chinh-tri-XX",
    )
    git(clone, "commit", "-qam", "Back to the sample form")
    with pytest.raises(PublishError) as stopped:
        publish(clone, tmp_path / "out", SITE)
    assert "publishing refused" in str(stopped.value) and "placeholder form" in str(stopped.value)


def test_a_missing_contact_stops_publishing_and_names_the_key(tmp_path):
    """An editor sets the organiser's form but not the contact (guide §5), commits and publishes."""
    repo = assemble_project(tmp_path / "repo")
    link = (
        "https://docs.google.com/forms/d/e/1FAIpQLSf-Tieu-ban-Van-kien/viewform?usp=pp_url&entry.2051=section"
        "&entry.2052=label&entry.2053=revision&entry.2054=revision_date&entry.2055=url&entry.2056=lang"
    )
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "set_form.py"),
            link,
            "--config",
            str(repo / "mkdocs.yml"),
        ],
        check=True,
        capture_output=True,
    )
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The organiser's form, no contact")
    with pytest.raises(PublishError) as stopped:
        publish(repo, tmp_path / "out", SITE)
    message = str(stopped.value)
    assert "publishing refused: extra.consultation.organiser is missing" in message
    assert "placeholder form" not in message
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_published_privacy_page_names_the_forms_provider_and_the_organisers_contact(scenario):
    for prefix in ("", "en/"):
        page = BeautifulSoup(
            (scenario["rebuilt"] / prefix / "quyen-rieng-tu" / "index.html").read_text("utf-8"),
            "html.parser",
        )
        text = page.select_one("article").get_text(" ")
        assert "Google LLC" in text and "Google Forms" in text
        contact = page.select_one("ul.organiser-contact")
        assert contact is not None and page.select_one(".organiser-missing") is None
        assert ORGANISER_CONTACT["address"] in contact.get_text()
        assert (
            contact.select_one("a[href^='mailto:']")["href"]
            == f"mailto:{ORGANISER_CONTACT['email']}"
        )
        assert contact.select_one("a[href^='tel:']")["href"] == "tel:02083855123"


def test_a_warning_stops_publishing(clone, tmp_path):
    edit(
        clone,
        "docs/phan-thu-nhat/kinh-te.md",
        "nâng cao đời sống nhân dân.\n",
        "nâng cao đời sống nhân dân. [x](khong-co.md)\n",
    )
    retag_latest(clone, "A broken link")
    with pytest.raises(PublishError) as stopped:
        publish(clone, tmp_path / "out", SITE)
    assert "building the draft of 2020-05-15" in str(stopped.value) and "khong-co.md" in str(
        stopped.value
    )
    assert leftover_build_processes() == []


def test_a_mistake_in_the_latest_drafts_sources_stops_publishing_before_the_root_changes(
    clone, tmp_path
):
    # The site's root skips the checks of the sources (its tree is the latest draft's, checked by
    # that draft's own build): the mistake must still stop publishing, named by the draft's build.
    edit(
        clone,
        "docs/phan-thu-nhat/kinh-te.md",
        "nâng cao đời sống nhân dân.\n",
        "nâng cao đời\u200b sống nhân dân.\n",
    )
    retag_latest(clone, "A pasted invisible character")
    with pytest.raises(PublishError) as stopped:
        publish(clone, tmp_path / "out", SITE)
    assert "building the draft of 2020-05-15" in str(stopped.value)
    assert "invisible character U+200B" in str(stopped.value) and "phan-thu-nhat/kinh-te.md" in str(
        stopped.value
    )
    assert not (tmp_path / "out" / "index.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out-root-")] == []
    assert leftover_build_processes() == []


def test_each_draft_is_built_with_the_code_of_its_own_tree(clone, tmp_path):
    # Builds are forked from a process that has loaded the publishing tool (and this checkout's
    # hooks): a draft's build must still run the hooks of the commit it is built from.
    edit(
        clone,
        "hooks/draftsite/strings.py",
        '"comment.privacy": {"vi": "Quyền riêng tư"',
        '"comment.privacy": {"vi": "Quyền riêng tư của bạn"',
    )
    retag_latest(clone, "A new interface label")
    publish(clone, tmp_path / "out", SITE)
    page = "phan-thu-nhat/kinh-te/index.html"
    assert "Quyền riêng tư của bạn" in (tmp_path / "out" / page).read_text("utf-8")
    assert "Quyền riêng tư của bạn" in (tmp_path / "out" / "du-thao" / SECOND / page).read_text(
        "utf-8"
    )
    assert "Quyền riêng tư của bạn" not in (tmp_path / "out" / "du-thao" / FIRST / page).read_text(
        "utf-8"
    )


# The environment of a build handed `values` as the publishing tool hands them (draftsite.inputs).
def inputs_env(tmp_path: Path, **values) -> dict[str, str]:
    (tmp_path / "inputs.json").write_text(json.dumps(values), "utf-8")
    return build_env(DRAFTSITE_INPUTS=str(tmp_path / "inputs.json"))


def test_a_vanished_section_id_stops_the_build(clone, tmp_path):
    (clone / "docs" / "data" / "ma-muc-da-bo.yml").unlink()
    remove_section(
        clone, "phan-thu-nhat/ha-tang.md", "### \\* Hạ tầng đô thị: { #p1-ii-2-2-do-thi }"
    )
    remove_section(
        clone, "phan-thu-nhat/ha-tang.en.md", "### \\* Urban infrastructure: { #p1-ii-2-2-do-thi }"
    )
    env = inputs_env(tmp_path, published_ids_file=str(tmp_path / "ids.json"))
    (tmp_path / "ids.json").write_text(
        json.dumps({"du-thao-2020-05-15": ["p1-ii-2-2-do-thi", "p1-ii-2-2-thuong-mai"]})
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "'p1-ii-2-2-do-thi' (published in du-thao-2020-05-15) is gone" in result.stderr
    assert "'p1-ii-2-2-thuong-mai' (published in du-thao-2020-05-15) is gone" in result.stderr


def test_a_vanished_paragraph_id_stops_the_build(clone, scenario, tmp_path):
    registry = json.loads((scenario["out"] / "paragraphs.json").read_text("utf-8"))
    registry["sections"]["p1-ii-1-2-2"]["removed"].append(
        {
            "id": "p1-ii-1-2-2-lost-d9",
            "text": "x",
            "page": "phan-thu-nhat/kinh-te/",
            "last": FIRST,
            "removed_in": SECOND,
        }
    )
    registry["sections"]["p9-gone"] = {
        "page": "x/",
        "paragraphs": [{"id": "p9-gone-d1", "text": "y"}],
        "removed": [],
    }
    (tmp_path / "paragraphs.json").write_text(json.dumps(registry), "utf-8")
    env = inputs_env(tmp_path, previous_paragraphs_file=str(tmp_path / "paragraphs.json"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "A paragraph id that readers may have cited has vanished" in result.stderr
    assert "paragraph id 'p9-gone-d1'" in result.stderr and "Traceback" not in result.stderr


def test_a_draft_id_that_disagrees_with_its_date_stops_the_build(clone, tmp_path):
    edit(clone, "mkdocs.yml", f"id: du-thao-{SECOND}", "id: du-thao-2020-05-16")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=clone,
        env=build_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert (
        "extra.consultation.draft.id: 'du-thao-2020-05-16' does not match draft.date (2020-05-15)"
        in result.stderr
    )


def test_page_dates_come_from_git(scenario):
    out = scenario["out"]
    line = html(out / "phan-thu-nhat" / "kinh-te" / "index.html").select_one(".page-updated")
    assert line is not None and dt.date.today().strftime("%d/%m/%Y") in line.get_text()
