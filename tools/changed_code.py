"""Whether a push changes the software (so the workflow runs the whole test suite) or only the
editors' content (checked by the strict build of every draft, which speaks the editor's language).

    python tools/changed_code.py [BEFORE]     # exit 0: code changed, run the tests; exit 1: content only

BEFORE is the commit main was at before the push (the workflow passes github.event.before). A new
branch, a tag push, an unknown BEFORE or a manual run count as "code changed" only where they can
bring code: a tag push never does (the workflow always builds main, whose code was tested when it
was pushed), a manual run always runs the tests.

Content is: `docs/`, `editors/`, and in `mkdocs.yml` only what editors own (`nav`, `exclude_docs`,
`extra.consultation`, `extra.withdrawn_drafts`); anything else is code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT_FOLDERS = ("docs/", "editors/")
EDITOR_KEYS = ("nav", "exclude_docs")
EDITOR_EXTRA_KEYS = ("consultation", "withdrawn_drafts")


def software_settings(text: str) -> dict:
    """mkdocs.yml's settings without what editors own (its !ENV and Python tags read as plain values)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor(
        "!",
        lambda loader, suffix, node: (
            loader.construct_sequence(node)
            if isinstance(node, yaml.SequenceNode)
            else str(node.value)
        ),
    )
    Loader.add_multi_constructor(
        "tag:yaml.org,2002:python/", lambda loader, suffix, node: str(node.value)
    )
    config = yaml.load(text, Loader=Loader) or {}
    for key in EDITOR_KEYS:
        config.pop(key, None)
    config["extra"] = {
        k: v for k, v in (config.get("extra") or {}).items() if k not in EDITOR_EXTRA_KEYS
    }
    return config


def changed_code(before: str, after: str = "HEAD", repo: Path = ROOT) -> list[str] | None:
    """The files a push changed that are software, not content; None when it cannot be told."""

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)

    if (
        not before
        or set(before) == {"0"}
        or git("cat-file", "-e", f"{before}^{{commit}}").returncode
    ):
        return None
    names = git("diff", "--name-only", before, after).stdout.split()
    code = [n for n in names if not n.startswith(CONTENT_FOLDERS) and n != "mkdocs.yml"]
    if "mkdocs.yml" in names:
        old, new = (git("show", f"{rev}:mkdocs.yml").stdout for rev in (before, after))
        try:
            if software_settings(old) != software_settings(new):
                code.append("mkdocs.yml (outside nav and extra.consultation)")
        except yaml.YAMLError:
            pass  # an editor's broken mkdocs.yml: the strict build below names its line
    return code


def main() -> int:
    """The workflow's gate: print whether the push changes the software, and exit 0."""
    event = os.environ.get("EVENT", "")
    before = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BEFORE", "")
    if os.environ.get("REF_TYPE") == "tag":
        print(
            "Đợt đẩy này là thẻ của một bản dự thảo: phần mềm trên main đã được kiểm thử khi đẩy lên; không chạy "
            "lại bộ kiểm thử.\n(A draft tag was pushed: main's code was tested when it was pushed; the tests are not "
            "run again.)"
        )
        return 1
    if event == "workflow_dispatch":
        print(
            "Chạy bằng tay: chạy toàn bộ bộ kiểm thử phần mềm.\n(Started by hand: the whole test suite runs.)"
        )
        return 0
    code = changed_code(before)
    if code is None:
        print(
            f"Không xác định được đợt đẩy này sửa gì (trước đó: {before or 'không có'}): chạy toàn bộ bộ kiểm thử "
            f"phần mềm.\n(Cannot tell what the push changed (before: {before or 'none'}): the whole test suite runs.)"
        )
        return 0
    if code:
        print(
            "Đợt đẩy này sửa phần mềm, nên chạy toàn bộ bộ kiểm thử phần mềm (English: The push changes the "
            "software, so the whole test suite runs):\n" + "\n".join(f"  {n}" for n in code)
        )
        return 0
    print(
        "Đợt đẩy này chỉ sửa nội dung (docs/, editors/, thiết lập lấy ý kiến): bỏ qua bộ kiểm thử phần mềm; "
        "bước dựng trang dưới đây kiểm tra nội dung.\n(Content only: the software tests are skipped; the strict "
        "build of every draft below checks the content.)"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
