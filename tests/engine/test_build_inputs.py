"""draftsite.inputs: what a build takes besides its tree, in one typed object (issue 25)."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest
from conftest import ROOT

from draftsite.inputs import BuildInputs, InputsError, legacy_environment, read_inputs, write_inputs


def test_a_hand_build_reads_only_the_variables_meant_for_people():
    inputs = read_inputs({"BUILD_DATE": "2020-04-20", "PUBLISH": "1", "DRAFTS_FILE": "/x.json"})
    assert inputs == BuildInputs(
        build_date="2020-04-20", publish=True
    )  # the old internal names are not read
    assert inputs.today() == dt.date(2020, 4, 20)
    assert read_inputs({}).today() == dt.date.today()


def test_the_publishing_tools_file_is_read_whole_and_wins(tmp_path):
    written = BuildInputs(
        build_date="2020-05-01",
        publish=True,
        drafts_file="/d.json",
        draft_permanent=True,
        drafts_root_url="https://example.org/",
        sources_checked_by_another_build=True,
    )
    path = write_inputs(tmp_path / "inputs.json", written)
    assert read_inputs({"DRAFTSITE_INPUTS": str(path), "BUILD_DATE": "2021-01-01"}) == written


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"drafts_fiel": "/x"}', "unknown key 'drafts_fiel'"),
        ('{"draft_permanent": "1"}', "draft_permanent must be bool"),
        ('{"drafts_file": 3}', "drafts_file must be str"),
        ("[1]", "unknown key '(the whole file)'"),
        ("{", "cannot be read as JSON"),
    ],
)
def test_a_broken_inputs_file_stops_the_build_naming_the_key(tmp_path, content, message):
    (tmp_path / "inputs.json").write_text(content, "utf-8")
    with pytest.raises(InputsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_inputs({"DRAFTSITE_INPUTS": str(tmp_path / "inputs.json")})


def test_a_build_date_that_is_not_a_date_is_refused():
    with pytest.raises(InputsError, match="BUILD_DATE=31/3/2020: not a date; write YYYY-MM-DD"):
        read_inputs({"BUILD_DATE": "31/3/2020"})


# A draft tagged before the inputs file is built with its own hooks: publishing hands it the variables
# those hooks read, and hands a newer tree the file alone.
def test_older_hooks_get_the_variables_they_read(tmp_path):
    assert legacy_environment(
        BuildInputs(
            build_date="2020-05-01",
            publish=True,
            draft_permanent=True,
            drafts_file="/d.json",
            sources_checked_by_another_build=False,
        )
    ) == {
        "BUILD_DATE": "2020-05-01",
        "PUBLISH": "1",
        "DRAFT_PERMANENT": "1",
        "DRAFTS_FILE": "/d.json",
    }
    sys.path.insert(0, str(ROOT / "tools"))
    from publish import _build_env

    draft = {"date": "2020-03-31", "commit": "(working tree)"}
    old, new = tmp_path / "old", tmp_path / "new"
    (new / "hooks" / "draftsite").mkdir(parents=True)
    (new / "hooks" / "draftsite" / "inputs.py").write_text("", "utf-8")
    old.mkdir()
    inputs = {"drafts_file": "/d.json", "publish": True}
    old_env = _build_env(tmp_path, tmp_path, old, draft, inputs, "https://example.org/", "root")
    new_env = _build_env(tmp_path, tmp_path, new, draft, inputs, "https://example.org/", "root")
    assert old_env["DRAFTS_FILE"] == "/d.json" and old_env["PUBLISH"] == "1"
    assert set(new_env) == {"DRAFTSITE_INPUTS", "SITE_URL"}
    assert (
        json.loads(open(new_env["DRAFTSITE_INPUTS"], encoding="utf-8").read())["drafts_file"]
        == "/d.json"
    )
