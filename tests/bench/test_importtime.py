"""``bench/importtime.py`` reads ``python -X importtime`` and puts every module in one group."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import importtime

SAMPLE = """\
import time: self [us] | cumulative | imported package
import time:       232 |        232 |   _io
import time:       131 |        131 |     nt
import time:       120 |        120 |     nt
import time:      1593 |       2500 |   httpx
import time:      7000 |       9000 |       modelcatalog_generated.truefoundry.models
import time:      3000 |       3000 |       modelcatalog_generated.structs.truefoundry
import time:       500 |      12500 | modelcatalog.providers.truefoundry
"""


def test_repeated_attempts_add_up_and_the_header_is_skipped() -> None:
    parsed = importtime.parse(SAMPLE)
    assert parsed["nt"] == (251, 131)
    assert parsed["httpx"] == (1593, 2500)
    assert "imported package" not in parsed
    assert len(parsed) == 6


def test_each_module_lands_in_the_first_matching_group() -> None:
    assert importtime.group_of("modelcatalog_generated.structs.truefoundry") == "generated structs (msgspec)"
    assert importtime.group_of("modelcatalog_generated.truefoundry.models") == "generated attrs clients"
    assert importtime.group_of("modelcatalog.catalog.normalization") == "modelcatalog.catalog"
    assert importtime.group_of("modelcatalog.cli.listing") == "modelcatalog command"  # issue 11: cli, a package
    assert importtime.group_of("modelcatalog.client") == "modelcatalog (other)"
    assert importtime.group_of("httpcore._sync") == importtime.group_of("httpx")
    assert importtime.group_of("msgspecx") == importtime.OTHER  # a prefix is a whole name part
    assert importtime.group_of("json.decoder") == importtime.STDLIB
