"""The benchmark harness still runs end to end: ``nox -s bench -- --quick`` (never a timing check)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from modelcatalog.pagination import DEFAULT_CONCURRENCY
from modelcatalog.providers import PROVIDERS as SPECS
from modelcatalog_generated.registry import PROVIDERS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "scripts"))

import list_httpx_ceiling  # noqa: E402 - a script, found through the path above

#: the clients of the whole-process rows
PROCESS_CLIENTS = {"modelcatalog", "scenario-sdk", "truefoundry-sdk", "raw-httpx", "httpx-ceiling"}


def test_the_httpx_ceiling_makes_the_commands_requests() -> None:
    """Its page sizes and concurrency are the command's defaults, or it would not be the command's ceiling."""
    assert list_httpx_ceiling.CONCURRENCY == DEFAULT_CONCURRENCY
    for provider, size in list_httpx_ceiling.PAGE_SIZES.items():
        (operation,) = SPECS[provider].operations
        chosen = operation.style.page_size_for(
            None, None, default=operation.default_page_size, maximum=operation.max_page_size
        )
        assert size == chosen, provider
        assert list_httpx_ceiling.PATHS[provider] == operation.name.split()[-1], provider


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    output = tmp_path_factory.mktemp("bench") / "latest.json"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "NOX_CURRENT_SESSION")}
    completed = subprocess.run(  # noqa: S603 - our own noxfile, with this interpreter
        [
            sys.executable,
            str(ROOT / "noxfile.py"),
            "-s",
            "bench",
            "--",
            "--quick",
            "--base",
            "HEAD",
            "--output",
            str(output),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return json.loads(output.read_text()), completed.stdout


@pytest.mark.slow
def test_quick_bench_runs_every_comparison(quick: tuple[dict, str]) -> None:
    results, stdout = quick
    listings = results["listings"]
    assert {row["provider"] for row in listings} == {"scenario", "truefoundry", "openwebui"}
    assert {row["client"] for row in listings} == {"modelcatalog", "scenario-sdk", "truefoundry-sdk", "raw-httpx"}
    for row in listings:
        assert row["error"] is None, row
        assert row["items"] == results["settings"]["count"], row
        assert row["seconds"], row
    for provider, parsed in results["parse"].items():
        assert parsed["decode_records_per_s"] > 0, provider
        assert parsed["drift_events"] == 0, provider  # the payloads match the specs: fast path only
    for provider, streamed in results["memory"].items():
        assert streamed["items"] == results["settings"]["memory_count"], provider
    assert "Targets:" in stdout


@pytest.mark.slow
def test_quick_bench_measures_the_base_commit_alongside(quick: tuple[dict, str]) -> None:
    """``--base HEAD``: each default in-process listing, parse rate and streaming run again at that commit."""
    results, stdout = quick
    base = results["base"]
    assert base["ref"] == "HEAD"
    assert len(base["commit"]) == 40
    twins = [row for row in results["listings"] if row["tree"] is not None]
    defaults = [row for row in results["listings"] if row["label"] == "modelcatalog (defaults)"]
    assert [row["group"] for row in twins] == [row["group"] for row in defaults]
    assert {row["label"] for row in twins} == {"modelcatalog at HEAD (defaults)"}
    assert all(row["error"] is None and row["items"] == results["settings"]["count"] for row in twins), twins
    assert set(base["parse"]) == set(results["parse"])
    assert set(base["memory"]) == set(results["memory"])
    against = [entry for entry in results["targets"] if entry["target"].startswith("no loss against HEAD")]
    # a time, a rate and a memory check for each of them, every one measured
    assert len(against) == len(twins) + len(base["parse"]) + len(base["memory"])
    assert all(entry["value"] is not None for entry in against), against
    assert "modelcatalog at HEAD (defaults)" in stdout


@pytest.mark.slow
def test_quick_bench_runs_every_provider_as_a_whole_process(quick: tuple[dict, str]) -> None:
    """The command, each SDK and the raw loop as scripts: every one exits 0 having printed every model."""
    results, _ = quick
    rows = results["processes"]
    assert {row["provider"] for row in rows} == set(PROVIDERS)
    assert {row["client"] for row in rows} == PROCESS_CLIENTS
    for provider in PROVIDERS:
        clients = {row["client"] for row in rows if row["provider"] == provider}
        assert {"modelcatalog", "raw-httpx"} <= clients, provider
        assert ("httpx-ceiling" in clients) == (provider in list_httpx_ceiling.PATHS), provider
    for row in rows:
        assert row["error"] is None, row  # the warm-up run counted one line a model
        assert row["runs"], row
        assert all(run["peak_rss_kib"] > 0 for run in row["runs"]), row


@pytest.mark.slow
def test_quick_bench_takes_start_up_apart(quick: tuple[dict, str]) -> None:
    results, stdout = quick
    startup = results["startup"]
    for row in startup:
        assert row["error"] is None, row
        assert row["runs"], row
    for kind in ("first-record", "first-record-floor", "provider-import"):
        assert {row["provider"] for row in startup if row["kind"] == kind} == set(PROVIDERS), kind
    assert "above the raw-httpx floor" in stdout
    assert [row["kind"] for row in startup].count("help") == 1
    for command, profile in results["importtime"].items():
        assert "error" not in profile, command
        # one round: every import's self time is in exactly one group
        assert sum(profile["groups_ms"].values()) == pytest.approx(profile["total_ms"]), command
    assert set(results["startup_costs"]) == set(PROVIDERS)
    for provider, costs in results["startup_costs"].items():
        assert "error" not in costs, (provider, costs)
        assert costs["phases"]["first record"] > 0, provider
        assert costs["pieces"], provider
    issue13 = [entry for entry in results["targets"] if entry["source"] == "issue 13"]
    assert {entry["target"].split(":")[0] for entry in issue13} >= set(PROVIDERS)
    # next to each first-record target, the same goal applied to the raw-httpx floor
    reach = [entry for entry in results["targets"] if entry["source"] == "reach"]
    assert {entry["target"].split(",")[0] for entry in reach} >= set(PROVIDERS)
    assert all(entry["value"] is not None for entry in reach if "floor" in entry["target"])
