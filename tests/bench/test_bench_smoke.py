"""The benchmark harness still runs end to end: ``nox -s bench -- --quick`` (never a timing check)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_quick_bench_runs_every_comparison(tmp_path: Path) -> None:
    output = tmp_path / "latest.json"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "NOX_CURRENT_SESSION")}
    completed = subprocess.run(  # noqa: S603 - our own noxfile, with this interpreter
        [sys.executable, str(ROOT / "noxfile.py"), "-s", "bench", "--", "--quick", "--output", str(output)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    results = json.loads(output.read_text())
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
    assert results["cli"]["help"]["median"] > 0
    assert "Targets:" in completed.stdout
