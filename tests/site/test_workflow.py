"""The publishing workflow: hardened (zizmor finds nothing), and its test gate runs the software's
tests only when a push changes the software (content is checked by the strict build of every draft)."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURE_CONFIG, ROOT

sys.path.insert(0, str(ROOT / "tools"))
from changed_code import changed_code, software_settings  # noqa: E402

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def test_zizmor_finds_nothing_in_the_publishing_workflow():
    zizmor = shutil.which("zizmor") or str(ROOT / ".venv" / "bin" / "zizmor")
    result = subprocess.run(
        # The auditor persona hides nothing (the default one suppresses its pedantic findings).
        [zizmor, "--offline", "--no-progress", "--persona=auditor", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "No findings to report" in output and "suppressed" not in output, output


def test_every_action_is_pinned_to_a_commit_with_its_version():
    uses = re.findall(r"uses:\s*(\S+)(.*)", WORKFLOW.read_text("utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.search(r"#\s*v\d", comment), f"{action}: say its version in a comment"


def test_dependabot_keeps_the_actions_and_the_lock_current():
    text = (ROOT / ".github" / "dependabot.yml").read_text("utf-8")
    assert "package-ecosystem: github-actions" in text and "package-ecosystem: pip" in text


@pytest.fixture
def repo(tmp_path):
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=E", "-c", "user.email=e@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    # The tests' own settings, not the editors' (whose closing date may change).
    shutil.copy2(FIXTURE_CONFIG, tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("a\n", "utf-8")
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "x.py").write_text("x = 1\n", "utf-8")
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "start")
    return tmp_path


# Change one file and commit it; returns the commit before.
def _commit(repo, path: str, old: str, new: str) -> str:
    target = repo / path
    target.write_text(target.read_text("utf-8").replace(old, new, 1), "utf-8")
    run = functools.partial(subprocess.run, cwd=repo, check=True, capture_output=True, text=True)
    before = run(["git", "rev-parse", "HEAD"]).stdout.strip()
    run(["git", "-c", "user.name=E", "-c", "user.email=e@example.org", "commit", "-qam", "change"])
    return before


def test_content_and_consultation_settings_are_not_code(repo):
    before = _commit(repo, "docs/index.md", "a", "b")
    assert changed_code(before, repo=repo) == []
    before = _commit(repo, "mkdocs.yml", 'closes: "2027-01-15"', 'closes: "2027-01-25"')
    assert changed_code(before, repo=repo) == []


def test_hooks_and_the_theme_settings_are_code(repo):
    before = _commit(repo, "hooks/x.py", "1", "2")
    assert changed_code(before, repo=repo) == ["hooks/x.py"]
    before = _commit(repo, "mkdocs.yml", "- navigation.top\n", "")
    assert changed_code(before, repo=repo) == ["mkdocs.yml (outside nav and extra.consultation)"]


def test_an_editors_broken_mkdocs_yml_is_left_to_the_build_that_names_its_line(repo):
    before = _commit(repo, "mkdocs.yml", 'closes: "2027-01-15"', 'closes: "2027-01-15": x')
    assert changed_code(before, repo=repo) == []


def test_an_unknown_before_runs_the_tests(repo):
    assert changed_code("0" * 40, repo=repo) is None
    assert changed_code("", repo=repo) is None


def test_software_settings_read_the_sites_config():
    settings = software_settings((ROOT / "mkdocs.yml").read_text("utf-8"))
    assert (
        "consultation" not in settings["extra"]
        and "nav" not in settings
        and settings["strict"] is True
    )
