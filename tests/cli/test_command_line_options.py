"""``--fields``, ``--quiet``, ``--no-progress`` and ``NO_COLOR``: a real process against the loopback server."""

from __future__ import annotations

import csv
import io
import json

import pytest
from modelcatalog.cli import formats
from support.fault_server import Delay, FaultServer, Respond, ShortPage
from test_cli import ENV_FOR, providers_args, run, run_with_terminal_stderr, server, urls

__all__ = ["server"]  # the fixture, shared with test_cli

CHOSEN = "id,name,created_at"


def listing(fault_server: FaultServer, *args: str) -> list[str]:
    return ["list", "-p", "truefoundry", "--base-url", fault_server.url, *args]


@pytest.mark.parametrize("fmt", ["ndjson", "json"])
def test_fields_are_exactly_the_keys_of_json_and_ndjson(server: FaultServer, fmt: str) -> None:
    result = run(*listing(server, "--format", fmt, "--fields", CHOSEN), env=ENV_FOR["truefoundry"])
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout) if fmt == "json" else [json.loads(x) for x in result.stdout.splitlines()]
    assert len(records) == 5
    assert all(list(record) == ["id", "name", "created_at"] for record in records)


def test_fields_are_the_csv_header_and_owner_is_two_columns(server: FaultServer) -> None:
    result = run(*listing(server, "--format", "csv", "--fields", "id,owner,tags"), env=ENV_FOR["truefoundry"])
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == ["id", "owner_id", "owner_name", "tags"]
    assert len(list(reader)) == 5


def test_fields_are_the_table_columns(server: FaultServer) -> None:
    env = {**ENV_FOR["truefoundry"], "COLUMNS": "200"}
    result = run(*listing(server, "--format", "table", "--fields", "name,id,created_at"), env=env)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["NAME", "ID", "CREATED_AT"]
    assert len(rows) == 5
    assert all(len(row.split()[-1]) == len("2024-01-01") for row in rows)  # a date, as the default table shows


def test_the_default_csv_header_is_every_flat_field() -> None:
    assert formats.csv_columns([name for name in formats.FIELDS if name != "source"]) == formats.CSV_FIELDS


@pytest.mark.parametrize(
    ("fields", "fmt", "needle"),
    [
        ("id,nmae", "ndjson", "unknown field 'nmae'; valid fields: provider,instance,id,name,"),
        (",", "ndjson", "no field; valid fields:"),
        ("id,source", "csv", "source is nested: only json and ndjson can show it"),
        ("source", "table", "source is nested"),
    ],
)
def test_a_field_that_cannot_be_shown_is_a_usage_error(fields: str, fmt: str, needle: str) -> None:
    result = run("list", "-p", "truefoundry", "--format", fmt, "--fields", fields, env=ENV_FOR["truefoundry"])
    assert result.returncode == 2
    assert result.stderr.startswith("usage: modelcatalog list")
    assert needle in result.stderr
    assert result.stdout == ""


def test_quiet_leaves_only_the_errors(server: FaultServer) -> None:
    server.inject("openwebui", ShortPage(29), where={"page": "1"}, times=None)  # a warning: "short page"
    server.inject("truefoundry", Respond(404, ""), times=None)  # an error, with an empty body
    args = [*providers_args("openwebui", "truefoundry"), *urls(server, "openwebui", "truefoundry")]
    env = {**ENV_FOR["openwebui"], **ENV_FOR["truefoundry"]}
    loud = run("list", *args, env=env)
    assert any("warning: PaginationWarning" in line for line in loud.stderr.splitlines())
    for quiet in (["--quiet", "list"], ["list", "-q"]):
        result = run(*quiet, *args, env=env)
        assert result.returncode == 1
        [line] = result.stderr.splitlines()
        assert line.startswith("modelcatalog: error: truefoundry GET /api/ml/v1/models: not found (HTTP 404) at ")
        assert line.endswith("check the base URL")  # the empty body leaves no dangling "; "
        assert result.stdout == loud.stdout


@pytest.mark.parametrize("flags", [["--quiet"], ["--no-progress"], ["list", "--no-progress"]])
def test_quiet_and_no_progress_draw_no_progress_on_a_terminal(server: FaultServer, flags: list[str]) -> None:
    server.inject("openwebui", Delay(1.0), where={"page": "2"})
    command = flags if flags[0] == "list" else [*flags, "list"]
    args = [*command, "-p", "openwebui", "--base-url", server.url, "--format", "ndjson"]
    status, out, err = run_with_terminal_stderr(*args, env=ENV_FOR["openwebui"])
    assert status == 0, err
    assert len(out.splitlines()) == 35
    assert err == ""


@pytest.mark.parametrize("no_color", [None, "1"])
def test_the_terminal_gets_no_escape_sequences_with_or_without_no_color(
    server: FaultServer, no_color: str | None
) -> None:
    """No colour is ever written; with NO_COLOR set that is the standard's promise, so it is checked both ways."""
    server.inject("openwebui", Delay(1.0), where={"page": "2"})
    env = {**ENV_FOR["openwebui"], **({"NO_COLOR": no_color} if no_color else {})}
    args = ["list", "-p", "openwebui", "--base-url", server.url, "--format", "ndjson"]
    status, _, err = run_with_terminal_stderr(*args, env=env)
    assert status == 0, err
    assert "listing… openwebui 30" in err  # the progress line was drawn
    assert "\x1b" not in err
