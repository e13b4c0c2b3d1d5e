"""CSV that is safe to open in a spreadsheet; ndjson and json exact (issue 10, item 8).

A server's text that a spreadsheet would run as a formula (a cell starting with ``=``,
``+``, ``-``, ``@``, TAB or CR, or their full-width forms) is written with a leading
``'``, as OWASP advises; control characters (ESC, BEL, CR, ...) are shown as the table
shows them, as U+FFFD. The same records as ndjson and json keep every character.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog.cli.formats import CSV_FIELDS, csv_cell
from support import payloads
from support.hostile_listing import PROVIDERS, canary_server, run_command

if TYPE_CHECKING:
    from collections.abc import Iterator

    from support.fault_server import FaultServer

#: (what the server sends, the CSV cell)
CELLS = [
    ('=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(1+1)", "'@SUM(1+1)"),
    ("\t=1+1", "'\ufffd=1+1"),
    ("\r=1+1", "'\ufffd=1+1"),
    ("\uff1dcmd", "'\uff1dcmd"),  # a full-width equals sign
    (
        "red \x1b[31mtext\x1b[0m, a bell\x07, a return\r, a line\nfeed",
        "red \ufffd[31mtext\ufffd[0m, a bell\ufffd, a return\ufffd, a line\ufffdfeed",
    ),
    ("Plain name (v2) = best", "Plain name (v2) = best"),
    ("", ""),
]  # fmt: skip
RAW = [raw for raw, _ in CELLS if raw]


@pytest.fixture
def server() -> Iterator[FaultServer]:
    """Each provider's records named after the hostile cells; ModelsLab's trained ids are the cells too."""
    with canary_server() as running:
        running.models["scenario"] = [payloads.scenario_model(n, name=raw) for n, raw in enumerate(RAW)]
        running.models["truefoundry"] = [payloads.truefoundry_model(n, name=raw) for n, raw in enumerate(RAW)]
        running.models["openwebui"] = [
            payloads.openwebui_model(n, name=raw, meta={"description": raw}) for n, raw in enumerate(RAW)
        ]
        running.models["modelslab-trained"] = list(RAW)
        running.models["modelslab-public"] = [
            payloads.modelslab_public_model(n, model_name=raw, description=raw) for n, raw in enumerate(RAW)
        ]
        yield running


def rows(stdout: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(stdout))
    assert tuple(reader.fieldnames or ()) == CSV_FIELDS
    return list(reader)


@pytest.mark.parametrize(("raw", "cell"), CELLS)
def test_a_cell_is_neutralized_and_shown_without_control_characters(raw: str, cell: str) -> None:
    assert csv_cell(raw) == cell


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_command_writes_csv_a_spreadsheet_cannot_run(server: FaultServer, provider: str) -> None:
    done = run_command(server, [provider], "--format=csv")
    assert done.status == 0
    assert done.stderr == ""
    safe = dict(CELLS)
    listed = rows(done.stdout)
    if provider == "modelslab":  # the trained ids (nothing else), then the public models
        trained, public = listed[: len(RAW)], listed[len(RAW) :]
        assert [row["id"] for row in trained] == [safe[raw] for raw in RAW]
        assert [row["name"] for row in public] == [safe[raw] for raw in RAW]
        assert [row["description"] for row in public] == [safe[raw] for raw in RAW]
    else:
        assert [row["name"] for row in listed] == [safe[raw] for raw in RAW]
    if provider == "openwebui":
        assert [row["description"] for row in listed] == [safe[raw] for raw in RAW]
    for control in ("\x1b", "\x07", "\r", "\t"):
        assert control not in done.stdout
    assert done.stdout.count("\n") == len(listed) + 1  # a line a record, after the header


@pytest.mark.parametrize("fmt", ["ndjson", "json"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_ndjson_and_json_keep_every_character(server: FaultServer, provider: str, fmt: str) -> None:
    done = run_command(server, [provider], f"--format={fmt}")
    assert done.status == 0
    assert done.stderr == ""
    records: list[dict[str, Any]] = (
        [json.loads(line) for line in done.stdout.splitlines()] if fmt == "ndjson" else json.loads(done.stdout)
    )
    if provider == "modelslab":
        assert [r["id"] for r in records[: len(RAW)]] == RAW
        assert [r["name"] for r in records[len(RAW) :]] == RAW
    else:
        assert [r["name"] for r in records] == RAW
