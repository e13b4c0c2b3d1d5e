"""`python -m modelcatalog.tooling`: generate and drift are in test_pipeline.py; here, the dispatch to upstream."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from modelcatalog.tooling.command import main as tooling_main

if TYPE_CHECKING:
    from collections.abc import Callable

    import pytest

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"


def test_the_tooling_command_dispatches_upstream(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    url = serve("/doc.json", (SPECS / "modelslab" / "upstream.json").read_bytes())
    argv = ["upstream", "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}"]
    assert tooling_main(argv) == 0
    assert "no change" in capsys.readouterr().out
