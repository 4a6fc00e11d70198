"""Helpers shared by the tests that publish several drafts from a repository of their own (the
editor guide's path, tools/publish.py): git, editing a file as an editor does, naming a draft, and
the three-draft repository of issue 27 (publish_three_drafts)."""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import ROOT, _QuietHandler, assemble_project, fill_in_organiser

sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "hooks"))
from draftsite.revisions.publishing import set_draft  # noqa: E402

# The three drafts of issue 27's repository, oldest first: (date, Vietnamese label, English label).
THREE_DRAFTS = (
    ("2020-03-31", "Dự thảo ngày 31/3/2020", "Draft of 31 March 2020"),
    ("2020-05-15", "Dự thảo ngày 15/5/2020", "Draft of 15 May 2020"),
    ("2020-06-30", "Dự thảo ngày 30/6/2020", "Draft of 30 June 2020"),
)
# What changes in it: draft 2 edits one paragraph (EDITED, in section EDITED_SECTION); draft 3
# inserts one paragraph (INSERTED, in INSERTED_SECTION) and merges MERGED into MERGED_INTO (its
# heading goes, its paragraph joins the section before it; declared in docs/data/ma-muc-da-bo.yml).
EDITED_SECTION = "p1-ii-1-2"
EDITED = ("tăng từ 51 triệu đồng/người", "tăng từ 52 triệu đồng/người")
EDITED_EN = ("from VND 51 million per person", "from VND 52 million per person")
INSERTED_SECTION = "p2-ii-2"
INSERTED = "Đoạn mới về hạ tầng số cho các khu công nghiệp."
INSERTED_EN = "A new paragraph on digital infrastructure for the industrial parks."
MERGED, MERGED_INTO = "p1-ii-2-2-thuong-mai", "p1-ii-2-2-do-thi"
# The organiser's form (publishing refuses the project's placeholder form).
FORM = (
    "https://docs.google.com/forms/d/e/1FAIpQLSf-Tieu-ban-Van-kien/viewform?usp=pp_url&entry.2051=section"
    "&entry.2052=label&entry.2053=revision&entry.2054=revision_date&entry.2055=url&entry.2056=lang"
)


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` as the editor; its output."""
    return subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def edit(repo: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    """Replace `old` (which must be there) by `new` in the file `rel` of `repo`."""
    path = repo / rel
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), "utf-8")


def name_draft(repo: Path, date: str, vi: str, en: str) -> None:
    """Guide §6 step 3: the new draft's id, date and labels in mkdocs.yml."""
    (repo / "mkdocs.yml").write_text(
        set_draft((repo / "mkdocs.yml").read_text("utf-8"), date, vi, en), "utf-8"
    )


def remove_section(repo: Path, rel: str, heading: str) -> None:
    """Remove a section's heading and its one paragraph from docs/`rel`."""
    path = repo / "docs" / rel
    text = path.read_text("utf-8")
    text = re.sub(rf"^{re.escape(heading)}\n\n[^\n]*\n\n", "", text, flags=re.M)
    path.write_text(text, "utf-8")


def write_draft_two(repo: Path) -> None:
    """Draft 2 of the three: one paragraph edited (both languages)."""
    edit(repo, "docs/phan-thu-nhat/kinh-te.md", *EDITED)
    edit(repo, "docs/phan-thu-nhat/kinh-te.en.md", *EDITED_EN)
    name_draft(repo, *THREE_DRAFTS[1])


def write_draft_three(repo: Path) -> None:
    """Draft 3 of the three: one paragraph inserted, one section merged into the one before it."""
    for rel, start, text in (
        ("phan-thu-hai/ha-tang.md", "Phát triển giao thông vận tải trên địa bàn", INSERTED),
        ("phan-thu-hai/ha-tang.en.md", "Develop transport in the province", INSERTED_EN),
    ):
        edit(repo, "docs/" + rel, "\n" + start, f"\n{text}\n\n{start}")
    for rel, heading in (
        (
            "phan-thu-nhat/ha-tang.md",
            "### \\* Hạ tầng thương mại - dịch vụ: { #p1-ii-2-2-thuong-mai }",
        ),
        (
            "phan-thu-nhat/ha-tang.en.md",
            "### \\* Trade and services infrastructure: { #p1-ii-2-2-thuong-mai }",
        ),
    ):
        edit(repo, "docs/" + rel, heading + "\n\n", "")
    (repo / "docs" / "data" / "ma-muc-da-bo.yml").write_text(
        f"{MERGED}: {{status: merged, into: {MERGED_INTO}}}\n", "utf-8"
    )
    name_draft(repo, *THREE_DRAFTS[2])


def start_repository(repo: Path) -> Path:
    """A new git repository at `repo` with the tests' document and the repository's code, the
    organiser's form and contact set as the editor guide says (publishing refuses the placeholder
    form and a missing contact); nothing committed yet. Returns `repo`."""
    assemble_project(repo)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "set_form.py"),
            FORM,
            "--config",
            str(repo / "mkdocs.yml"),
        ],
        check=True,
        capture_output=True,
    )
    fill_in_organiser(repo / "mkdocs.yml")
    git(repo, "init", "-q", "-b", "main")
    return repo


def publish_three_drafts(repo: Path, out: Path, site_url: str) -> Path:
    """Issue 27's repository: the tests' document as draft 1, then drafts 2 and 3 (see
    write_draft_two and write_draft_three), each committed and tagged as the editor guide says,
    published into `out` for `site_url` (the latest at the root, each in du-thao/<date>/). Returns
    `out`; the repository is left in `repo`."""
    from publish import publish

    start_repository(repo)
    for k, write in enumerate((None, write_draft_two, write_draft_three)):
        if write is not None:
            write(repo)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"Draft {k + 1}")
        git(repo, "tag", "-a", f"du-thao-{THREE_DRAFTS[k][0]}", "-m", f"Draft {k + 1}")
    publish(repo, out, site_url)
    return out


class _PathHandler(_QuietHandler):
    """Serves a folder under a site path (the path of the address it was published for)."""

    def __init__(self, *args, folder: str = "", path: str = "/", **kwargs) -> None:
        self._path = path
        super().__init__(*args, directory=folder, **kwargs)

    def translate_path(self, path: str) -> str:
        inside = path.startswith(self._path)
        return super().translate_path(
            "/" + path[len(self._path) :] if inside else "/__outside_the_site__" + path
        )


@contextmanager
def serving(out: Path, path: str) -> Iterator[str]:
    """Serve `out` on 127.0.0.1 under the site path `path` ("/du-thao/"); yields the base address."""
    handler = functools.partial(_PathHandler, folder=str(out), path=path)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{path}"
    finally:
        httpd.shutdown()
        httpd.server_close()
