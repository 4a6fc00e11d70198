"""Issue 30: the editors' real path. The editor guide is followed on a scratch repository with a bare
"origin", and after every push the publishing workflow's own steps (read from
.github/workflows/publish.yml: the test gate and the publishing step) run on a fresh clone, as on
GitHub; a green run is deployed to a local "live site" that the next run reads its record from.

The path: the organiser's form, the first tag, a second draft, a correction, a closing-date change,
the outcome (imported counts and responses) after closing, a moved tag (refused), a forgotten
English paragraph (stopped). Each step publishes what the guide says, or stops with a Vietnamese
message naming the file and line, and leaves the live site as it was."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import (
    ORGANISER_CONTACT,
    ROOT,
    SITE_PATH,
    _QuietHandler,
    assemble_project,
    fill_in_organiser,
)

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
GATE_STEPS = ("tests", "publish")  # the workflow's steps after the set-up, by id
FORM = (
    "https://docs.google.com/forms/d/e/1FAIpQLSf-Tieu-ban-Van-kien/viewform?usp=pp_url&entry.2051=section"
    "&entry.2052=label&entry.2053=revision&entry.2054=revision_date&entry.2055=url&entry.2056=lang"
)
FIRST, SECOND, CORRECTION, THIRD = "2020-03-31", "2020-05-15", "2020-05-20", "2020-06-30"
OPEN_DAY, CLOSED_DAY = (
    "2026-12-06",
    "2027-02-01",
)  # the days the workflow runs (the consultation closes 2027-01-15)


@dataclass
class Run:
    """One run of the workflow: whether it passed, and what it printed."""

    ok: bool
    log: str


def workflow_steps() -> list[dict]:
    """The workflow's gate and publishing steps, as written in publish.yml."""
    steps = yaml.safe_load(WORKFLOW.read_text("utf-8"))["jobs"]["build"]["steps"]
    chosen = [step for step in steps if step.get("id") in GATE_STEPS]
    assert [step["id"] for step in chosen] == list(GATE_STEPS), (
        "publish.yml: the steps `tests` and `publish` moved"
    )
    return chosen


class Newsroom:
    """An editor's clone of a repository whose origin is a bare repository, a workflow runner, and
    the live site the runner deploys to (served on localhost, where the next run reads its record)."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.origin = tmp / "origin.git"
        self.work = assemble_project(tmp / "editor")
        shutil.copytree(
            ROOT / "tools", self.work / "tools", ignore=shutil.ignore_patterns("__pycache__")
        )
        shutil.copy2(
            ROOT / ".gitignore", self.work / ".gitignore"
        )  # caches and builds stay out of commits
        self.live = tmp / "live"
        self.live.mkdir()
        self.day = OPEN_DAY
        self.runs = 0
        handler = functools.partial(_LiveHandler, directory=str(self.live))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.live_url = f"http://127.0.0.1:{self.httpd.server_address[1]}{SITE_PATH}"
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(self.origin)], check=True)
        self.git("init", "-q", "-b", "main")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "The site, as the developers set it up")
        self.git("remote", "add", "origin", str(self.origin))
        self.git("push", "-q", "origin", "main")

    def git(self, *args: str, cwd: Path | None = None) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=Biên tập viên", "-c", "user.email=btv@example.org", *args],
            cwd=cwd or self.work,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def python(self, *args: str) -> subprocess.CompletedProcess:
        """A command of the guide, run in the editor's clone."""
        return subprocess.run(
            [sys.executable, *args],
            cwd=self.work,
            capture_output=True,
            text=True,
            timeout=900,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", BUILD_DATE=self.day),
        )

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.work / rel
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), "utf-8")

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def push_main(self) -> Run:
        """`git push origin main`, then the workflow run it starts."""
        before = self.git("ls-remote", str(self.origin), "refs/heads/main").split()[0]
        self.git("push", "-q", "origin", "main")
        return self.run_workflow("branch", before)

    def push_tag(self, tag: str, force: bool = False) -> Run:
        """`git push [-f] origin TAG`, then the workflow run it starts."""
        self.git("push", "-q", *(["-f"] if force else []), "origin", tag)
        return self.run_workflow("tag", "0" * 40)

    def run_workflow(self, ref_type: str, before: str) -> Run:
        """The workflow's steps on a fresh clone of main; a green run is deployed to the live site."""
        self.runs += 1
        checkout = self.tmp / f"run-{self.runs}"
        subprocess.run(
            ["git", "clone", "-q", "--branch", "main", str(self.origin), str(checkout)], check=True
        )
        context = {
            "github.event.before": before,
            "github.event_name": "push",
            "github.ref_type": ref_type,
        }
        log = []
        for step in workflow_steps():
            env = dict(
                os.environ,
                PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}",
                PUBLISHED_SITE_URL=self.live_url,
                BUILD_DATE=self.day,
            )
            for name, value in (step.get("env") or {}).items():
                env[name] = re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: context[m[1]], str(value))
            done = subprocess.run(
                ["bash", "-e", "-c", step["run"]],
                cwd=checkout,
                env=env,
                capture_output=True,
                text=True,
                timeout=1800,
            )
            log.append(f"## {step['id']}\n{done.stdout}{done.stderr}")
            if done.returncode != 0:
                return Run(False, "\n".join(log))
        shutil.rmtree(self.live)
        shutil.copytree(checkout / "site", self.live)  # deploy-pages replaces the whole site
        shutil.rmtree(checkout)
        return Run(True, "\n".join(log))

    def page(self, url: str) -> BeautifulSoup:
        path = self.live / url
        return BeautifulSoup(
            (path / "index.html" if url.endswith("/") or not url else path).read_text("utf-8"),
            "html.parser",
        )

    def snapshot(self) -> dict[str, bytes]:
        return {
            p.relative_to(self.live).as_posix(): p.read_bytes()
            for p in self.live.rglob("*")
            if p.is_file()
        }


# Guide §6.3 (and §7): the draft block of mkdocs.yml names another draft (or a correction).
def name_draft(
    room: Newsroom,
    date: str,
    vi: str,
    en: str,
    corrects: str | None = None,
    errata: tuple[str, str] | None = None,
) -> None:
    block = f'    draft:\n      id: du-thao-{date}\n      date: "{date}"\n'
    if corrects:
        block += f'      corrects: "{corrects}"\n      errata:\n        vi: {errata[0]}\n        en: {errata[1]}\n'
    block += f"      label:\n        vi: {vi}\n        en: {en}\n"
    path = room.work / "mkdocs.yml"
    text, count = re.subn(
        r"    draft:\n.*?(?=    form:\n)", lambda m: block, path.read_text("utf-8"), flags=re.S
    )
    assert count == 1
    path.write_text(text, "utf-8")


class _LiveHandler(_QuietHandler):
    """Serves the live site under its production path."""

    def translate_path(self, path: str) -> str:
        inside = path.startswith(SITE_PATH)
        return super().translate_path(
            "/" + path[len(SITE_PATH) :] if inside else "/__outside__" + path
        )


# The guide §5.2: a form export, downloaded outside the repository (header and rows as the form writes them).
def form_export(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Dấu thời gian", "Mã mục", "Ngày dự thảo", "Nội dung góp ý", "Họ và tên"])
    for time, section, draft, comment in rows:
        writer.writerow([time, section, draft, comment, "Nguyễn Văn A"])
    path.write_text(out.getvalue(), "utf-8")
    return path


RESPONSES = """responses:
  - section: p1-ii-1-2-1
    draft: {draft}
    asked:
      vi: Đề nghị nêu rõ hơn kết quả phát triển công nghiệp.
      en: Asked for a clearer account of industrial development.
    decision: tiep-thu
    explanation:
      vi: Ban biên tập đã bổ sung số liệu.
      en: The editors added figures.
"""


@pytest.fixture(scope="module")
def path(tmp_path_factory) -> dict:
    """The editor guide followed step by step; each step's workflow runs and what the live site showed."""
    room = Newsroom(tmp_path_factory.mktemp("editors"))
    steps: dict = {"room": room}

    # §5.1: the organiser's form, set with the guide's command, and the organiser's contact filled in
    # (§5), previewed, committed, pushed.
    done = room.python("tools/set_form.py", FORM)
    assert done.returncode == 0, done.stderr
    fill_in_organiser(room.work / "mkdocs.yml")
    room.commit("Phiếu góp ý và địa chỉ liên hệ của Tiểu ban Văn kiện")
    steps["form"] = room.push_main()
    steps["form_page"] = room.page("phan-thu-nhat/kinh-te/")

    # §6.1: the draft that is online gets its tag.
    room.git("tag", "-a", f"du-thao-{FIRST}", "-m", "Dự thảo ngày 31/3/2020")
    steps["first_tag"] = room.push_tag(f"du-thao-{FIRST}")
    steps["first_live"] = room.snapshot()

    # §6.2-6.5: the second draft: a sentence edited in both languages, the draft named, previewed, tagged.
    room.edit(
        "docs/phan-thu-nhat/kinh-te.md",
        "tăng từ 51 triệu đồng/người",
        "tăng từ 52 triệu đồng/người",
    )
    room.edit(
        "docs/phan-thu-nhat/kinh-te.en.md",
        "from VND 51 million per person",
        "from VND 52 million per person",
    )
    name_draft(room, SECOND, "Dự thảo ngày 15/5/2020", "Draft of 15 May 2020")
    steps["preview"] = room.python("tools/publish.py", str(room.tmp / "xem-truoc"), "--preview")
    room.commit("Dự thảo ngày 15/5/2020")
    room.git("tag", "-a", f"du-thao-{SECOND}", "-m", "Dự thảo ngày 15/5/2020")
    room.git(
        "push", "-q", "origin", f"du-thao-{SECOND}"
    )  # `git push origin main du-thao-…`: two runs
    steps["second_main"] = room.push_main()
    steps["second_tag"] = room.run_workflow("tag", "0" * 40)

    # §7: a conversion error in the published second draft is corrected by a correction, not a new text.
    room.edit(
        "docs/phan-thu-nhat/kinh-te.md",
        "tăng từ 52 triệu đồng/người",
        "tăng từ 53 triệu đồng/người",
    )
    room.edit(
        "docs/phan-thu-nhat/kinh-te.en.md",
        "from VND 52 million per person",
        "from VND 53 million per person",
    )
    name_draft(
        room,
        CORRECTION,
        "Dự thảo ngày 15/5/2020, đính chính ngày 20/5/2020",
        "Draft of 15 May 2020, corrected 20 May 2020",
        corrects=SECOND,
        errata=(
            "Sửa số liệu GRDP bình quân đầu người ở mục II.1.2 (lỗi chuyển đổi)",
            "Corrects GRDP per capita in II.1.2 (a conversion error)",
        ),
    )
    room.commit("Đính chính dự thảo ngày 15/5/2020")
    room.git("tag", "-a", f"du-thao-{CORRECTION}", "-m", "Đính chính ngày 20/5/2020")
    room.git("push", "-q", "origin", f"du-thao-{CORRECTION}")
    steps["correction"] = room.push_main()

    # §5: the consultation closes later; no new draft.
    room.edit("mkdocs.yml", 'closes: "2027-01-15"', 'closes: "2027-01-25"')
    room.commit("Gia hạn lấy ý kiến đến 25/1/2027")
    steps["closing_date"] = room.push_main()

    # §5.2, after closing: counts imported from the form's export, responses written, committed, pushed.
    room.day = CLOSED_DAY
    export = form_export(
        room.tmp / "ban-xuat.csv",
        [
            ("01/12/2026 10:00:00", "p1-ii-1-2-1", FIRST, "Nhất trí."),
            ("02/12/2026 11:00:00", "p1-ii-1-2-1", FIRST, "Đề nghị bổ sung số liệu."),
            (
                "03/12/2026 12:00:00",
                "",
                "",
                "Góp ý chung, gửi từ phiếu.",
            ),  # the form opened without a prefilled link
        ],
    )
    steps["import"] = room.python("tools/import_comments.py", str(export))
    (room.work / "docs" / "data" / "tiep-thu-giai-trinh.yml").write_text(
        RESPONSES.format(draft=FIRST), "utf-8"
    )
    steps["local_build"] = room.python(
        "-m", "mkdocs", "build", "--strict", "-d", str(room.tmp / "local-site")
    )
    room.commit("Tổng hợp ý kiến và tiếp thu, giải trình")
    steps["outcome"] = room.push_main()
    steps["outcome_live"] = room.snapshot()

    # A moved tag: the first draft's text edited and its tag moved onto the edit.
    room.git("checkout", "-q", f"du-thao-{FIRST}")
    room.edit(
        "docs/phan-thu-nhat/kinh-te.md",
        "tăng từ 51 triệu đồng/người",
        "tăng từ 50 triệu đồng/người",
    )
    room.commit("Sửa văn bản đã công bố")
    room.git("tag", "-f", "-a", f"du-thao-{FIRST}", "-m", "Dự thảo ngày 31/3/2020")
    steps["moved_tag"] = room.push_tag(f"du-thao-{FIRST}", force=True)
    steps["after_moved_tag"] = room.snapshot()
    room.git("checkout", "-q", "main")
    # The editor does what the message says: the tag goes back to the commit it was published from.
    published = re.search(r"git tag -f -a du-thao-\S+ ([0-9a-f]+)", steps["moved_tag"].log)[1]
    room.git("tag", "-f", "-a", f"du-thao-{FIRST}", published, "-m", "Dự thảo ngày 31/3/2020")
    steps["restored"] = room.push_tag(f"du-thao-{FIRST}", force=True)
    steps["restored_live"] = room.snapshot()

    # A new draft whose English forgot a paragraph (one without numbers).
    room.edit(
        "docs/phan-thu-nhat/kinh-te.md",
        "nâng cao đời sống nhân dân.\n\n",
        "nâng cao đời sống nhân dân.\n\nĐoạn mới về phát triển công nghiệp hỗ trợ.\n\n",
    )
    name_draft(room, THIRD, "Dự thảo ngày 30/6/2020", "Draft of 30 June 2020")
    room.commit("Dự thảo ngày 30/6/2020")
    room.git("tag", "-a", f"du-thao-{THIRD}", "-m", "Dự thảo ngày 30/6/2020")
    room.git("push", "-q", "origin", f"du-thao-{THIRD}")
    steps["forgotten_main"] = room.push_main()
    steps["forgotten_live"] = room.snapshot()
    yield steps
    room.httpd.shutdown()


def test_the_organisers_form_publishes_the_first_draft_and_skips_the_software_tests(path):
    run = path["form"]
    assert run.ok, run.log
    assert "bỏ qua bộ kiểm thử phần mềm" in run.log  # content only: the gate is the strict build
    assert "%PDF" not in run.log  # the log is for people
    links = [a["href"] for a in path["form_page"].select(".comment-link a")]
    assert any(
        "entry.2051=p1-ii-1-2-1&" in h and "1FAIpQLSf-Tieu-ban-Van-kien" in h for h in links
    ), links


def test_the_privacy_page_tells_readers_who_keeps_their_comments_and_how_to_reach_them(path):
    privacy = path["room"].page("quyen-rieng-tu/")
    assert "Google Forms, dịch vụ biểu mẫu của Google LLC" in privacy.select_one(
        "#nguoi-nhan + p"
    ).get_text(" ")
    contact = privacy.select_one("#quyen ~ ul.organiser-contact").get_text(" ")
    assert all(value in contact for value in ORGANISER_CONTACT.values())


def test_the_first_tag_records_the_published_text(path):
    assert path["first_tag"].ok, path["first_tag"].log
    record = json.loads(path["first_live"]["published-drafts.json"])["drafts"]
    assert set(record) == {FIRST} and re.fullmatch(r"[0-9a-f]{40}", record[FIRST]["commit"])


def test_the_second_draft_is_online_beside_the_first(path):
    assert path["preview"].returncode == 0, path["preview"].stderr
    assert path["second_main"].ok and path["second_tag"].ok, (
        path["second_main"].log + path["second_tag"].log
    )
    first = path["first_live"][f"du-thao/{FIRST}/phan-thu-nhat/kinh-te/index.html"].decode()
    assert "51 triệu đồng/người" in first


def test_a_correction_says_what_it_corrects_and_keeps_the_corrected_draft(path):
    room = path["room"]
    assert path["correction"].ok, path["correction"].log
    drafts = room.page("ban-du-thao/").select_one(".revision-drafts").get_text(" ")
    assert "Đính chính bản dự thảo ngày 15/5/2020" in drafts and "lỗi chuyển đổi" in drafts
    assert "52 triệu" in (
        room.live / "du-thao" / SECOND / "phan-thu-nhat" / "kinh-te" / "index.html"
    ).read_text("utf-8")
    comparison = room.page(f"du-thao/{CORRECTION}/so-sanh/").get_text(" ")
    assert "53" in comparison


def test_a_closing_date_change_reaches_every_draft_without_a_new_draft(path):
    room = path["room"]
    assert path["closing_date"].ok, path["closing_date"].log
    for folder in ("", f"du-thao/{FIRST}/", f"du-thao/{SECOND}/"):
        assert "25/01/2027" in (room.live / folder / "index.html").read_text("utf-8"), folder
    assert len(room.page("ban-du-thao/").select(".revision-drafts tbody tr")) == 3


def test_the_outcome_after_closing_reaches_every_draft_and_counts_the_unlinked_comment(path):
    assert path["import"].returncode == 0, path["import"].stderr
    assert path["local_build"].returncode == 0, path[
        "local_build"
    ].stderr  # responses name an older draft
    assert path["outcome"].ok, path["outcome"].log
    live = path["outcome_live"]
    for folder in ("", f"du-thao/{FIRST}/"):
        outcome = live[f"{folder}tong-hop-y-kien/index.html"].decode()
        assert "Ban biên tập đã bổ sung số liệu." in outcome, folder
    counts = yaml.safe_load((path["room"].work / "docs" / "data" / "gop-y.yml").read_text("utf-8"))
    source = next(iter(counts["sources"].values()))
    assert source["counts"][FIRST]["p1-ii-1-2-1"] == 2
    assert source["counts"][CORRECTION]["du-thao"] == 1  # the draft open on 3/12/2026, the latest
    assert not source["rejected"]
    # Closed: each section of the first draft shows its count (the build's day is the day of publishing).
    page = live[f"du-thao/{FIRST}/phan-thu-nhat/kinh-te/index.html"].decode()
    assert 'class="comment-count"' in page


def test_a_moved_tag_is_refused_in_vietnamese_and_the_live_site_stays(path):
    run = path["moved_tag"]
    assert not run.ok
    assert f"bản dự thảo ngày {FIRST} đã được công bố từ commit" in run.log
    assert (
        "văn bản đã công bố không bao giờ bị sửa lặng lẽ" in run.log and "git tag -f -a" in run.log
    )
    assert path["after_moved_tag"] == path["outcome_live"]
    assert path["restored"].ok, path["restored"].log  # the tag put back as the message says


def test_a_forgotten_english_paragraph_stops_publishing_naming_file_and_line(path):
    run = path["forgotten_main"]
    assert not run.ok
    assert re.search(
        r"docs/phan-thu-nhat/kinh-te\.en\.md:\d+: mục \{ #p1-ii-1-2-1 \}: bản tiếng Anh có 3 khối",
        run.log,
    )
    assert "Đoạn mới về phát triển công nghiệp hỗ trợ" in run.log
    assert path["forgotten_live"] == path["restored_live"]
