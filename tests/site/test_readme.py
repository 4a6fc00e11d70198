"""README's two set-up commands are the ones CI and new users run."""

from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# The shell blocks of README, in order.
def shell_blocks() -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", README, re.S)]


def test_readme_opens_with_a_serve_command_and_a_test_command():
    serve, test = shell_blocks()[:2]
    assert README.index(serve) < README.index(test) < README.index("## ")
    assert "mkdocs serve" in serve and "pip install" in serve
    assert "pytest" in test and "pip install" in test


def test_ci_runs_exactly_the_readme_test_command():
    test = shell_blocks()[1]
    assert test in CI.splitlines(), ".ci/run must run README's test command verbatim"
