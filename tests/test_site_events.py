"""hooks/site_events.py: the one hook file, where the order of the features on each event is written."""

from __future__ import annotations

import importlib
import inspect

from conftest import ROOT


# The order of the features on each event is written once (hooks/site_events.py): every event
# function of every feature module runs, on its own event, exactly once.
def test_every_feature_event_is_in_the_one_written_order():
    import site_events

    registered = [(name[3:], sub) for name in dir(site_events) if name.startswith("on_")
                  for sub in getattr(site_events, name).methods]
    assert len(registered) == len({function for _, function in registered}), "a function listed twice"
    defined = []
    for path in sorted((ROOT / "hooks" / "features").glob("*.py")):
        module = importlib.import_module(f"features.{path.stem}")
        defined += [(name[3:], function) for name, function in inspect.getmembers(module, inspect.isfunction)
                    if name.startswith("on_") and function.__module__ == module.__name__]
    missing = [f"{f.__module__}.on_{event}" for event, f in defined if (event, f) not in registered]
    assert missing == [], "feature events that never run: list them in hooks/site_events.py"
    assert sorted(map(id, (f for _, f in defined))) == sorted(map(id, (f for _, f in registered)))
