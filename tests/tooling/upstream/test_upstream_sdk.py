"""sdk: an SDK release read from its wheel (Stainless and Fern layouts) and graded against our document."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from acme_provider import (
    FERN,
    STAINLESS,
    acme_document,
    build_wheel,
    fern_files,
    make_repo,
    sdk_result,
    stainless_files,
    triples,
)
from upstream_runs import run, run_json

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("sdk", "files"),
    [pytest.param(STAINLESS, stainless_files(), id="stainless"), pytest.param(FERN, fern_files(), id="fern")],
)
def test_an_sdk_that_matches_our_document_has_no_difference(
    tmp_path: Path, sdk: dict[str, str], files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Formats, bounds, patterns, defaults, descriptions and errors are beyond what an SDK says: not differences."""
    repo = make_repo(tmp_path / "repo", sdk)
    build_wheel(tmp_path / "index", sdk["package"], "1.0.0", files)
    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))
    assert code == 0, report
    result = sdk_result(report)
    assert (result["status"], result["version"], result["recorded"]) == ("unchanged", "1.0.0", "1.0.0")
    assert result["changes"] == []
    assert result["known"] == []
    assert report["headline"] == "no change (1 of 1 source checked)"
    assert result["notes"] == ["No published document: Acme publishes no document; this one is ours."]


def test_a_new_release_is_graded_against_our_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    index = tmp_path / "index" / "acme-sdk"  # laid out like the simple API: <index>/<project>/
    build_wheel(index, "acme-sdk", "1.0.0", stainless_files())
    build_wheel(
        index,
        "acme-sdk",
        "1.1.0",
        stainless_files(kind='"a", "b", "c"', size=False, extra_param='    sort: Literal["asc", "desc"]\n'),
    )
    build_wheel(index, "acme-sdk", "2.0.0rc1", stainless_files(size=False))  # a pre-release is not a release

    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))

    assert code == 2
    result = sdk_result(report)
    assert (result["status"], result["version"], result["recorded"]) == ("changed", "1.1.0", "1.0.0")
    assert result["source"] == f"acme-sdk 1.1.0 from {tmp_path / 'index'}"
    assert triples(result["changes"]) == {
        ("request-parameter-enum-value-added", "INFO", "request"),
        ("new-optional-request-parameter", "INFO", "request"),
        # our client opens the response enum: a new value is a warning
        ("response-property-enum-value-added", "WARN", "response"),
        # the attribute would disappear from the regenerated class
        ("response-optional-property-removed", "ERR", "response"),
    }
    texts = " ".join(c["text"] for c in result["changes"])
    assert "items[].size" in texts
    assert '"c"' in texts
    assert result["known"] == []


def test_differences_the_matched_release_already_had_are_known_and_do_not_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = acme_document()
    document["components"]["schemas"]["Kind"]["enum"] = ["a", "b", "legacy"]  # ours lists one value the SDK lacks
    repo = make_repo(tmp_path / "repo", STAINLESS, document=document)
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.0", stainless_files())
    build_wheel(tmp_path / "index", "acme-sdk", "1.1.0", stainless_files(size=False))

    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))

    assert code == 2
    result = sdk_result(report)
    assert triples(result["changes"]) == {("response-optional-property-removed", "ERR", "response")}
    known = triples(result["known"])
    assert ("request-parameter-enum-value-removed", "ERR", "request") in known  # ERR, but reviewed at 1.0.0
    assert all('"legacy"' in c["text"] for c in result["known"])

    code, out = run(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))
    assert "known difference(s), already there in 1.0.0 (the release we last matched); they do not count" in out


def test_the_matched_release_still_newest_is_unchanged_with_its_known_differences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = acme_document()
    document["paths"]["/things"]["get"]["parameters"].pop(0)  # the SDK sends `q`, our document lost it
    repo = make_repo(tmp_path / "repo", STAINLESS, document=document)
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.0", stainless_files())
    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))
    assert code == 0
    result = sdk_result(report)
    assert result["status"] == "unchanged"
    assert triples(result["known"]) == {("new-optional-request-parameter", "INFO", "request")}


def test_a_wheel_file_given_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", FERN)
    wheel = build_wheel(tmp_path / "elsewhere", "acme-fern", "1.3.0", fern_files(path="v2/things"))
    build_wheel(tmp_path / "index", "acme-fern", "1.0.0", fern_files())
    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"), "--sdk", f"acme={wheel}")
    assert code == 2
    result = sdk_result(report)
    assert result["source"] == f"acme-fern 1.3.0 from {wheel}"
    (change,) = result["changes"]
    assert (change["id"], change["level"]) == ("api-path-removed-without-deprecation", "ERR")
    assert "now published as GET /v2/things" in change["text"]


def test_a_release_whose_code_the_reader_cannot_follow_is_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    files = stainless_files()
    files["acme_sdk/resources/things.py"] = files["acme_sdk/resources/things.py"].replace("def list(", "def find(")
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.0", files)
    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))
    assert code == 5
    result = sdk_result(report)
    assert result["status"] == "invalid"
    assert result["detail"] == (
        "unreadable SDK release: acme-sdk 1.0.0: acme_sdk/resources/things.py has no ThingsResource.list"
    )
