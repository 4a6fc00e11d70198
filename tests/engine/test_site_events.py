"""hooks/site_events.py: the one hook file, where the order of the features on each event is written."""

from __future__ import annotations

import importlib
import inspect

from conftest import ROOT


# The order of the features on each event is written once (hooks/site_events.py): every event
# function of every feature's events module runs, on its own event, exactly once.
def test_every_feature_event_is_in_the_one_written_order():
    import site_events

    registered = [
        (name[3:], sub)
        for name in dir(site_events)
        if name.startswith("on_")
        for sub in getattr(site_events, name).methods
    ]
    assert len(registered) == len({function for _, function in registered}), (
        "a function listed twice"
    )
    defined = []
    for path in sorted((ROOT / "hooks" / "draftsite").glob("*/*events.py")):
        module = importlib.import_module(f"draftsite.{path.parent.name}.{path.stem}")
        defined += [
            (name[3:], function)
            for name, function in inspect.getmembers(module, inspect.isfunction)
            if name.startswith("on_") and function.__module__ == module.__name__
        ]
    missing = [f"{f.__module__}.on_{event}" for event, f in defined if (event, f) not in registered]
    assert missing == [], "feature events that never run: list them in hooks/site_events.py"
    engine = [f for _, f in registered if f.__module__ == "draftsite.engine.glue"]  # begin_build
    assert sorted(map(id, (f for _, f in defined))) == sorted(
        map(id, (f for _, f in registered if f not in engine))
    )


ENGINES = ("mkdocs", "material", "mkdocs_static_i18n", "properdocs")


# Only a feature's `*events.py` modules and the engine folder speak to MkDocs: the logic of every
# feature can move to another engine as it is.
def test_only_events_modules_and_the_engine_folder_import_mkdocs():
    import ast

    speaking = []
    for path in sorted((ROOT / "hooks" / "draftsite").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        names = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ]
        names += [
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
        ]
        if any(name.split(".")[0] in ENGINES for name in names):
            speaking.append(path.relative_to(ROOT / "hooks" / "draftsite").as_posix())
    glue = [
        name for name in speaking if not (name.endswith("events.py") or name.startswith("engine/"))
    ]
    assert glue == [], (
        "logic modules that import MkDocs: move that code into the folder's events module"
    )
    assert len(speaking) > 10  # the events modules themselves are found


# No feature keeps state in a module global: what a feature keeps lives in its part of the one build
# state (draftsite.state), which each build starts empty.
def test_features_keep_no_mutable_module_globals():
    import ast

    found = []
    for path in sorted((ROOT / "hooks" / "draftsite").rglob("*.py")):
        if path.parent.name == "engine":
            continue  # the engine's process-wide caches (compiled templates) are kept on purpose
        for node in ast.parse(path.read_text("utf-8")).body:
            target = (
                node.targets[0]
                if isinstance(node, ast.Assign)
                else node.target
                if isinstance(node, ast.AnnAssign)
                else None
            )
            value = getattr(node, "value", None)
            name = getattr(target, "id", "")
            if (
                name
                and not name.isupper()
                and name != "__all__"
                and isinstance(value, (ast.Dict, ast.List, ast.Set))
            ):
                found.append(f"{path.relative_to(ROOT)}: {name}")
    assert found == [], (
        "module globals that hold state: keep it in the build state (draftsite.state.kept)"
    )
