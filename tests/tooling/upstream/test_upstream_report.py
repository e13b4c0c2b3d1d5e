"""report: the headline, markdown for people and pull requests, GitHub annotations for CI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from upstream_runs import ROOT, SPECS, as_json, modelslab, run

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import pytest


def test_every_source_checked_and_unchanged_says_no_change(
    serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    same = serve("/doc.json", (SPECS / "modelslab" / "upstream.json").read_bytes())
    code, out = run(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={same}")
    assert code == 0
    assert "Result: **no change (1 of 1 source checked)**, exit 0." in out
    assert "byte for byte the vendored one" in out


def test_github_annotations_and_markdown(
    tmp_path: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    new = modelslab()
    new["components"]["schemas"]["PublicModel"]["properties"].pop("model_name")
    new["paths"]["/model_list"]["post"]["summary"] = "Public models, 100%"
    url = serve("/doc.json", as_json(new))
    markdown = tmp_path / "report.md"
    code, out = run(
        capsys,
        "--repo",
        str(ROOT),
        "--provider",
        "modelslab",
        "--source",
        f"modelslab={url}",
        "--format",
        "github",
        "--markdown",
        str(markdown),
    )
    assert code == 2
    lines = out.splitlines()
    assert any(
        line.startswith("::error title=modelslab document%3A response-optional-property-removed::POST /model_list")
        for line in lines
    )
    assert any(line.startswith("::notice title=modelslab document%3A api-summary-changed::") for line in lines)
    assert lines[-1] == "upstream: breaking changes (1 of 1 source checked), exit 2"
    text = markdown.read_text()
    assert text.index("#### ERR: breaking") < text.index("#### INFO: non-breaking")
    assert "property `[].model_name`: removed" in text
    assert "| changed | 1 | 0 | 1 | 0 |" in text
