"""What a build takes besides its tree, as one typed object.

`tools/publish.py` writes everything it hands a draft's build (the drafts so far, the previous
draft, the shared settings, the root address…) into one JSON file and names it in DRAFTSITE_INPUTS.
A build by hand has no such file; three variables are meant for people: BUILD_DATE (the day the
build counts as today, YYYY-MM-DD, for reproducible builds), DRAFTSITE_CACHE (where the build caches
live) and PUBLISH=1 (refuse what cannot be published, as publishing does). Values in the file win.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

INPUTS_VARIABLE = "DRAFTSITE_INPUTS"


class InputsError(ValueError):
    """The inputs file is not what tools/publish.py writes (a failure of the software, not of a text)."""


@dataclass(frozen=True)
class BuildInputs:
    """Everything a build reads from outside its tree. Paths are of files tools/publish.py wrote."""

    build_date: str | None = None  # YYYY-MM-DD: the day the build counts as today (None: today)
    publish: bool = False  # refuse placeholders: the sample form, a missing organiser's contact
    cache: str | None = None  # the folder of the build caches (None: .cache beside mkdocs.yml)
    drafts_file: str | None = None  # the drafts published so far, this one last (JSON)
    drafts_root_url: str | None = None  # where the latest draft lives (the site's root)
    draft_permanent: bool = False  # this build is a draft's permanent folder, /du-thao/YYYY-MM-DD/
    previous_draft_docs: str | None = None  # the previous draft's docs/ folder, to compare with
    previous_paragraphs_file: str | None = (
        None  # the previous draft's paragraph ids (paragraphs.json)
    )
    published_ids_file: str | None = None  # the section ids earlier drafts published (JSON)
    page_dates_file: str | None = None  # each page's date of last change, from git (JSON)
    consultation_settings_file: str | None = (
        None  # main's consultation settings, for every draft (JSON)
    )
    outcome_scope_file: str | None = (
        None  # the drafts and sections counts and responses may name (JSON)
    )
    sources_checked_by_another_build: bool = (
        False  # the same tree's other build runs the source checks
    )

    def today(self) -> dt.date:
        """The day the build counts as today."""
        return dt.date.fromisoformat(self.build_date) if self.build_date else dt.date.today()


def read_inputs(environ: Mapping[str, str] = os.environ) -> BuildInputs:
    """The build's inputs: the file named by DRAFTSITE_INPUTS, else the variables meant for people
    (read once per build: the same values are returned while they do not change)."""
    return _inputs(
        environ.get(INPUTS_VARIABLE) or None,
        environ.get("BUILD_DATE") or None,
        environ.get("DRAFTSITE_CACHE") or None,
        environ.get("PUBLISH") == "1",
    )


@functools.lru_cache(maxsize=8)
def _inputs(
    path: str | None, build_date: str | None, cache: str | None, publish: bool
) -> BuildInputs:
    values: dict = {"build_date": build_date, "cache": cache, "publish": publish}
    if path:
        try:
            written = json.loads(Path(path).read_text("utf-8"))
        except (OSError, ValueError) as error:
            raise InputsError(
                f"{INPUTS_VARIABLE}={path}: cannot be read as JSON ({error})"
            ) from None
        known = {f.name: f for f in fields(BuildInputs)}
        for key, value in (
            written.items() if isinstance(written, dict) else [("(the whole file)", written)]
        ):
            if key not in known:
                raise InputsError(f"{INPUTS_VARIABLE}={path}: unknown key {key!r}")
            wanted = bool if known[key].type == "bool" else str
            if value is not None and not isinstance(value, wanted):
                raise InputsError(
                    f"{INPUTS_VARIABLE}={path}: {key} must be {wanted.__name__}, not {value!r}"
                )
            values[key] = value
    if values["build_date"]:
        try:
            dt.date.fromisoformat(values["build_date"])
        except ValueError:
            raise InputsError(
                f"BUILD_DATE={values['build_date']}: not a date; write YYYY-MM-DD"
            ) from None
    return BuildInputs(**values)


def write_inputs(path: Path, inputs: BuildInputs) -> Path:
    """Write `inputs` where a build reads them (what tools/publish.py hands each build)."""
    path.write_text(
        json.dumps(
            {f.name: getattr(inputs, f.name) for f in fields(BuildInputs)},
            ensure_ascii=False,
            indent=1,
        ),
        "utf-8",
    )
    return path


# The same inputs in the variables of the hooks before DRAFTSITE_INPUTS (a draft tagged before it is
# built with its own hooks, which read these).
LEGACY_VARIABLES = {
    "drafts_file": "DRAFTS_FILE",
    "drafts_root_url": "DRAFTS_ROOT_URL",
    "draft_permanent": "DRAFT_PERMANENT",
    "previous_draft_docs": "PREVIOUS_DRAFT_DOCS",
    "previous_paragraphs_file": "PREVIOUS_PARAGRAPHS_FILE",
    "published_ids_file": "PUBLISHED_IDS_FILE",
    "page_dates_file": "PAGE_DATES_FILE",
    "consultation_settings_file": "CONSULTATION_SETTINGS_FILE",
    "outcome_scope_file": "OUTCOME_SCOPE_FILE",
    "cache": "DRAFTSITE_CACHE",
    "sources_checked_by_another_build": "SOURCES_CHECKED_BY_ANOTHER_BUILD",
    "build_date": "BUILD_DATE",
    "publish": "PUBLISH",
}


def legacy_environment(inputs: BuildInputs) -> dict[str, str]:
    """`inputs` as the older hooks read them: one variable each, "1" for true, unset when empty."""
    env = {}
    for name, variable in LEGACY_VARIABLES.items():
        value = getattr(inputs, name)
        if value is True:
            env[variable] = "1"
        elif value:
            env[variable] = str(value)
    return env
