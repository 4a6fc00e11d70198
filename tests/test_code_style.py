"""The Python code keeps the project's lint and format rules (ruff.toml), every file of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def ruff(*args: str) -> subprocess.CompletedProcess:
    """Run the pinned ruff at the repository's root."""
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_the_code_passes_the_lint_rules():
    result = ruff("check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted():
    result = ruff("format", "--check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_reads_every_python_file_of_the_repository():
    # ruff skips what .gitignore ignores: a pattern such as `site/` once hid tests/site/ from it.
    tracked = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    expected = {name for name in tracked if not name.startswith("tests/fixture/")}
    shown = ruff("check", "--no-cache", "--show-files", ".").stdout.split()
    assert expected <= {str(Path(name).relative_to(ROOT)) for name in shown}
