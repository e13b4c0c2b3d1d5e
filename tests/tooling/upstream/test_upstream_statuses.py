"""statuses: every exit status distinct and in the README; which one wins when sources disagree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelcatalog.tooling.upstream.statuses import EXIT_STATUSES
from upstream_runs import README, ROOT, SPECS, as_json, modelslab, run, run_json, with_dangling_ref

if TYPE_CHECKING:
    from collections.abc import Callable

    import pytest


def test_exit_statuses_are_distinct_and_the_readme_lists_each() -> None:
    assert sorted(EXIT_STATUSES) == list(range(8))
    assert len(set(EXIT_STATUSES.values())) == len(EXIT_STATUSES)
    readme = README.read_text(encoding="utf-8")
    for status, meaning in EXIT_STATUSES.items():
        assert f"| {status} | {meaning} |" in readme, status


def test_no_change_exits_0(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    url = serve("/doc.json", (SPECS / "modelslab" / "upstream.json").read_bytes())
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 0
    assert report["results"][0]["status"] == "unchanged"
    assert report["results"][0]["changes"] == []


def test_description_only_change_exits_1(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    new = modelslab()
    new["components"]["schemas"]["PublicModel"]["properties"]["model_name"]["description"] = "Display name"
    new["paths"]["/model_list"]["post"]["summary"] = "List public models"
    url = serve("/doc.json", as_json(new))
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 1
    changes = report["results"][0]["changes"]
    assert {c["level"] for c in changes} == {"INFO"}
    assert {c["id"] for c in changes} == {"response-property-description-changed", "api-summary-changed"}


def test_all_unreachable_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(
        capsys,
        "--repo",
        str(ROOT),
        "--provider",
        "modelslab",
        "--source",
        "modelslab=http://127.0.0.1:9/x.json",
        "--timeout",
        "2",
        "--format",
        "github",
    )
    assert code == 3
    first, last = out.splitlines()
    assert first.startswith(
        "::warning title=modelslab document%3A unreachable::http://127.0.0.1:9/x.json: ConnectError"
    )
    assert (
        last == "upstream: nothing checked: every source was unreachable (0 of 1 source checked, 1 unreachable), exit 3"
    )


def test_a_breaking_change_outranks_an_invalid_document(
    serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = serve("/modelslab.json", with_dangling_ref())
    moved = (SPECS / "truefoundry" / "upstream.yaml").read_text().replace("/api/ml/v1/models:", "/api/svc/v1/models:")
    page = serve("/tfy.md", f"```yaml\n{moved}```\n".encode())
    args = ["--repo", str(ROOT), "--provider", "modelslab", "--provider", "truefoundry"]
    code, report = run_json(capsys, *args, "--source", f"modelslab={broken}", "--source", f"truefoundry={page}")
    assert code == 2
    assert [r["status"] for r in report["results"]] == ["invalid", "changed", "unreachable"]
