"""Settings that reach every draft: when tools/publish.py builds a draft from its git tag, it hands
over (in its inputs) the consultation settings of main's latest commit — dates, form
address and the like — which replace the tag's own, so that a change of them needs no new draft.
The draft's own block (`extra.consultation.draft`) always stays the tag's. Listed first in `hooks:`."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from draftsite.inputs import read_inputs
from draftsite.revisions.publishing import overlay_settings


def on_config(config: MkDocsConfig) -> None:
    """Replace the shared consultation settings (idempotent: the same result in every language's build)."""
    source = read_inputs().consultation_settings_file
    if source:
        shared = json.loads(Path(source).read_text(encoding="utf-8"))
        config.extra["consultation"] = overlay_settings(
            config.extra.get("consultation") or {}, shared
        )
