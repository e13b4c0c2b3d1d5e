"""``bench/targets.py``: what the reach lines under issue 13's ratios say, from figures set here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import targets
from processes import Series

MODELS = 10_000


def _listing(client: str, seconds: float) -> Series:
    series = Series("openwebui @ 20 ms", client, client, [], "list", "openwebui", 20, MODELS)
    series.runs.append({"seconds": seconds})
    return series


def _reach(parse: dict) -> dict[str, float | None]:
    whole = [_listing("modelcatalog", 1.0), _listing("raw-httpx", 8.0), _listing("httpx-ceiling", 0.75)]
    checks = targets.issue13_targets([], whole, parse)
    return {entry["target"]: entry["value"] for entry in checks if entry["target"].startswith("openwebui")}


def test_the_ceiling_plus_normalizing_is_the_least_a_catalog_client_takes() -> None:
    # decoding 10,000 records takes 0.025 s, decoding and normalizing them 0.075 s: normalizing is 0.05 s
    parse = {"openwebui": {"decode_records_per_s": 400_000, "decode_normalize_records_per_s": 10_000 / 0.075}}
    reach = _reach(parse)
    group = "openwebui @ 20 ms"
    assert reach[f"{group}, 10,000 models, whole processes: the command >= 10x raw-httpx"] == 8.0
    assert reach[f"{group}, reachable with httpx? the httpx ceiling >= 10x raw-httpx"] == pytest.approx(8 / 0.75)
    normalizing = f"{group}, reachable with httpx and normalizing? the ceiling + normalizing >= 10x raw-httpx"
    assert reach[normalizing] == pytest.approx(8 / 0.8)


def test_without_parse_rates_there_is_no_normalizing_line() -> None:
    reach = _reach({})
    assert not [target for target in reach if "normalizing" in target]
    assert targets.normalizing_seconds({"decode_records_per_s": 1.0}, MODELS) is None
