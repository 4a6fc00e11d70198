"""tools/compare_builds.py: the check that a change publishes the same site, byte for byte."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from compare_builds import differences  # noqa: E402

COMMIT_1, COMMIT_2 = "a" * 40, "b" * 40


def test_a_changed_missing_or_added_file_is_listed_and_commit_ids_of_the_record_are_not(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    for folder, commit, page in ((before, COMMIT_1, "<p>Một</p>"), (after, COMMIT_2, "<p>Hai</p>")):
        (folder / "du-thao" / "2020-03-31").mkdir(parents=True)
        (folder / "index.html").write_text(page, "utf-8")
        (folder / "published-drafts.json").write_text(f'{{"commit": "{commit}"}}', "utf-8")
        (folder / "du-thao" / "2020-03-31" / ".published").write_text(
            f"du-thao-2020-03-31 {commit} tree {commit[:9]}\n"
        )
    (before / "old.html").write_text("x")
    (after / "new.html").write_text("x")
    lines = differences(
        (before, {COMMIT_1: "du-thao-2020-03-31"}), (after, {COMMIT_2: "du-thao-2020-03-31"})
    )
    assert lines == ["only before: old.html", "only after:  new.html", "differs:     index.html"]
    # Without the commits' tags the record differs: the normalisation is what makes it equal.
    assert "differs:     published-drafts.json" in differences((before, {}), (after, {}))
