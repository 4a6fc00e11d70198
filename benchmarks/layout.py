"""How readable the build's code is, in figures (issue 25): Python modules under hooks/ and the
largest folder, string literals holding HTML/SVG/XML tags and regular expressions over markup
(both outside templates and draftsite/html.py),
mutable module-level globals, and the files that read the environment. Counts the committed tree
of a commit (default: the working tree), so that two commits can be compared:

    python benchmarks/layout.py [COMMIT ...]
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
MARKUP_PATTERN = re.compile(r"<|&lt;|\\b(?:id|class|href)=")  # a regex that matches markup


def figures(tree: Path) -> dict[str, object]:
    """The figures of the code under `tree`/hooks."""
    modules = [p for p in sorted((tree / "hooks").rglob("*.py")) if p.name != "__init__.py"]
    folders = Counter(p.parent.relative_to(tree).as_posix() for p in modules)
    markup = regexes = globals_ = 0
    environment = set()
    for path in modules:
        source = path.read_text("utf-8")
        in_html_module = (
            path.name == "html.py"
        )  # the one module that owns snippets and their patterns
        parsed = ast.parse(source)
        patterns = set()
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(parsed)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(parsed):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in (
                "compile",
                "sub",
                "search",
                "match",
                "finditer",
                "findall",
                "fullmatch",
            ):
                if (
                    getattr(node.func.value, "id", "") == "re"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    patterns.add(id(node.args[0]))
                    if isinstance(node.args[0].value, str) and MARKUP_PATTERN.search(
                        node.args[0].value
                    ):
                        regexes += not in_html_module
        for node in ast.walk(parsed):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in patterns
                and id(node) not in docstrings
                and TAG.search(node.value)
            ):
                markup += not in_html_module
            if isinstance(node, ast.JoinedStr) and any(
                isinstance(v, ast.Constant) and TAG.search(str(v.value)) for v in node.values
            ):
                markup += not in_html_module
        for node in parsed.body:
            target = (
                node.targets[0]
                if isinstance(node, ast.Assign)
                else node.target
                if isinstance(node, ast.AnnAssign)
                else None
            )
            name = getattr(target, "id", "")
            if (
                name
                and not name.isupper()
                and name != "__all__"
                and isinstance(getattr(node, "value", None), (ast.Dict, ast.List, ast.Set))
            ):
                globals_ += 1
        if "os.environ" in source or "getenv(" in source:
            environment.add(path.relative_to(tree).as_posix())
    folder, size = folders.most_common(1)[0]
    return {
        "modules": len(modules),
        "largest folder": f"{folder} ({size})",
        "markup strings": markup,
        "regexes over markup": regexes,
        "mutable module globals": globals_,
        "files reading the environment": len(environment),
    }


def tree_of(commit: str, target: Path) -> Path:
    """The committed tree of `commit`, written to `target`."""
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", commit, "hooks"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def main() -> None:
    commits = sys.argv[1:] or [None]
    with tempfile.TemporaryDirectory() as folder:
        for index, commit in enumerate(commits):
            tree = ROOT if commit is None else tree_of(commit, Path(folder) / str(index))
            print(
                f"{commit or 'working tree'}: "
                + "; ".join(f"{k} {v}" for k, v in figures(tree).items())
            )


if __name__ == "__main__":
    main()
