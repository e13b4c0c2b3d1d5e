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
from support import providers
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
    """Every route's records named after the hostile cells (ModelsLab's trained ids are the cells)."""
    with canary_server() as running:
        for route in providers.routes().values():
            assert route.named is not None, f"{route.name}: its test data needs named= for this suite"
            running.models[route.name] = [route.named(n, raw) for n, raw in enumerate(RAW)]
        yield running


def shown(listed: list[Any], provider: str, field: str) -> list[list[Any]]:
    """For each of ``provider``'s routes, in order, the ``field`` of its records (``[]`` where it shows another)."""
    columns = []
    for number, route in enumerate(providers.data(provider).ROUTES):
        chunk = listed[number * len(RAW) : (number + 1) * len(RAW)]
        columns.append([row[field] for row in chunk] if field in route.shows else [])
    return columns


def expected(provider: str, field: str, values: list[str]) -> list[list[str]]:
    """What ``shown`` should be: ``values`` for every route that shows ``field``."""
    return [values if field in route.shows else [] for route in providers.data(provider).ROUTES]


def rows(stdout: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(stdout))
    assert tuple(reader.fieldnames or ()) == CSV_FIELDS
    return list(reader)


#: an OpenAI-compatible record's name and description are its server's extension fields, each
#: reported once: not what these tests are about
QUIET = "--no-extension-reports"


@pytest.mark.parametrize(("raw", "cell"), CELLS)
def test_a_cell_is_neutralized_and_shown_without_control_characters(raw: str, cell: str) -> None:
    assert csv_cell(raw) == cell


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_command_writes_csv_a_spreadsheet_cannot_run(server: FaultServer, provider: str) -> None:
    done = run_command(server, [provider], "--format=csv", QUIET)
    assert done.status == 0
    assert done.stderr == ""
    safe = dict(CELLS)
    listed = rows(done.stdout)
    for field in ("id", "name", "description"):  # each route's records in the provider's order
        assert shown(listed, provider, field) == expected(provider, field, [safe[raw] for raw in RAW]), field
    for control in ("\x1b", "\x07", "\r", "\t"):
        assert control not in done.stdout
    assert done.stdout.count("\n") == len(listed) + 1  # a line a record, after the header


@pytest.mark.parametrize("fmt", ["ndjson", "json"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_ndjson_and_json_keep_every_character(server: FaultServer, provider: str, fmt: str) -> None:
    done = run_command(server, [provider], f"--format={fmt}", QUIET)
    assert done.status == 0
    assert done.stderr == ""
    records: list[dict[str, Any]] = (
        [json.loads(line) for line in done.stdout.splitlines()] if fmt == "ndjson" else json.loads(done.stdout)
    )
    for field in ("id", "name", "description"):
        assert shown(records, provider, field) == expected(provider, field, RAW), field
