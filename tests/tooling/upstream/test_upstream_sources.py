"""sources: a package index over HTTP and on disk, wheels, an installed Open WebUI's app; capped, one line on failure.

Every source is exercised against local copies: wheels built here, a local package index directory (and the same
index served from 127.0.0.1), a virtual environment made here with a small application standing in for the installed
package. Nothing here reaches the internet; the real Open WebUI 0.12.4 is used by one slow test.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from acme_provider import STAINLESS, build_wheel, make_repo, sdk_result, stainless_files, triples
from modelcatalog.tooling.upstream import main as upstream_main
from modelcatalog.tooling.upstream import sources
from modelcatalog.tooling.upstream.sources import PackageIndex, Unreachable, Wheel, release_key
from openwebui_stand_in import make_environment
from upstream_runs import ROOT, run_json

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def _publish(serve: Callable[..., str], wheels: list[Path], *, html: bool, bad_hash: str = "") -> str:
    files = []
    for wheel in wheels:
        data = wheel.read_bytes()
        url = serve(f"/files/{wheel.name}", data)
        digest = "0" * 64 if wheel.name == bad_hash else hashlib.sha256(data).hexdigest()
        files.append(
            {"filename": wheel.name, "url": url, "hashes": {"sha256": digest}, "yanked": "1.2.0" in wheel.name}
        )
    if html:
        anchors = "".join(
            f'<a href="{f["url"]}#sha256={f["hashes"]["sha256"]}"{" data-yanked" if f["yanked"] else ""}>'
            f"{f['filename']}</a><br>"
            for f in files
        )
        serve("/simple/acme-sdk/", f"<html><body>{anchors}</body></html>".encode(), content_type="text/html")
    else:
        body = json.dumps({"meta": {"api-version": "1.1"}, "name": "acme-sdk", "files": files}).encode()
        serve("/simple/acme-sdk/", body, content_type="application/vnd.pypi.simple.v1+json")
    return serve("/simple/", b"", content_type="text/html")


@pytest.mark.parametrize("html", [False, True], ids=["PEP 691 JSON", "PEP 503 HTML"])
def test_an_index_over_http_gives_the_newest_final_release_checked_against_its_sha256(
    tmp_path: Path, html: bool, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    wheels = [
        build_wheel(tmp_path / "w", "acme-sdk", "1.0.0", stainless_files()),
        build_wheel(tmp_path / "w", "acme-sdk", "1.1.0", stainless_files(size=False)),
        build_wheel(tmp_path / "w", "acme-sdk", "1.2.0", stainless_files()),  # yanked
        build_wheel(tmp_path / "w", "acme-sdk", "1.3.0.dev1", stainless_files()),  # a dev build
    ]
    index = _publish(serve, wheels, html=html)
    code, report = run_json(capsys, "--repo", str(repo), "--index", index)
    assert code == 2
    result = sdk_result(report)
    assert result["version"] == "1.1.0"
    assert result["source"] == f"acme-sdk 1.1.0 from {index}"
    assert triples(result["changes"]) == {("response-optional-property-removed", "ERR", "response")}
    assert sorted(path.name for path in (repo / ".cache" / "upstream" / "wheels").iterdir()) == [
        "acme_sdk-1.0.0-py3-none-any.whl",
        "acme_sdk-1.1.0-py3-none-any.whl",
    ]


def test_a_wheel_whose_sha256_does_not_match_the_index_is_refused(
    tmp_path: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    wheel = build_wheel(tmp_path / "w", "acme-sdk", "1.0.0", stainless_files())
    index = _publish(serve, [wheel], html=False, bad_hash=wheel.name)
    code, report = run_json(capsys, "--repo", str(repo), "--index", index)
    assert code == 3
    result = sdk_result(report)
    assert result["status"] == "unreachable"
    assert "sha256 does not match the index's 000000" in result["detail"]
    assert not (repo / ".cache" / "upstream" / "wheels" / wheel.name).exists()


@pytest.mark.parametrize(
    "page",
    [b'{"meta": {}}', b'{"files": [{"url": "x"}]}', b'{"files": 3}', b"{not json"],
    ids=["no files", "a file without a name", "files not a list", "not JSON"],
)
def test_a_broken_index_page_is_unreachable_in_one_line(tmp_path: Path, page: bytes, serve: Callable[..., str]) -> None:
    index = serve("/simple/acme-sdk/", page, content_type="application/vnd.pypi.simple.v1+json").removesuffix(
        "acme-sdk/"
    )
    with pytest.raises(Unreachable, match=r"/simple/acme-sdk/: not a simple-API project page \("):
        PackageIndex(index, timeout=5).newest("acme-sdk", wheel=True)


@pytest.mark.parametrize("fmt", ["markdown", "json", "github"])
def test_a_private_index_credential_appears_in_no_report(
    tmp_path: Path, fmt: str, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    wheels = [
        build_wheel(tmp_path / "w", "acme-sdk", "1.0.0", stainless_files()),
        build_wheel(tmp_path / "w", "acme-sdk", "1.1.0", stainless_files(size=False)),
    ]
    index = _publish(serve, wheels, html=False).replace("http://", "http://ci-bot:canary-s3cret-token@")
    missing = index.replace("/simple/", "/nothing-here/")
    seen = []
    for where in (index, missing):
        upstream_main(["--repo", str(repo), "--index", where, "--format", fmt, "--markdown", str(tmp_path / "r.md")])
        out = capsys.readouterr()
        seen += [out.out, out.err, (tmp_path / "r.md").read_text()]
    assert "acme-sdk 1.1.0 from http://127.0.0.1:" in seen[2]  # the index was read (the markdown report)...
    assert "/nothing-here/acme-sdk/: HTTP 404" in seen[3]  # ...and the missing one named
    for text in seen:
        assert "canary-s3cret-token" not in text
        assert "ci-bot" not in text


def test_release_keys_order_final_releases_and_refuse_the_rest() -> None:
    versions = ["1.10.0", "1.9.2", "1.9.2.post1", "2.0.0rc1", "2.0.0.dev3", "1!0.1", "0.6.0"]
    finals = sorted((v for v in versions if release_key(v) is not None), key=lambda v: release_key(v) or ())
    assert finals == ["0.6.0", "1.9.2", "1.9.2.post1", "1.10.0", "1!0.1"]


def test_a_wheel_member_that_inflates_past_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wheel = build_wheel(tmp_path, "acme-sdk", "1.0.0", {"acme_sdk/big.py": "x = 1\n" * 5000})
    monkeypatch.setattr(sources, "MAX_MEMBER_BYTES", 1000)
    with pytest.raises(Unreachable, match=r"acme_sdk/big\.py is 30000 bytes uncompressed; refused"):
        Wheel(wheel.read_bytes(), wheel.name).text("acme_sdk/big.py")
    with pytest.raises(Unreachable, match="not a wheel"):
        Wheel(b"PK\x03\x04 not really", "broken.whl")


def test_a_corrupt_wheel_member_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path, "acme-sdk", "1.0.0", {"acme_sdk/models.py": "class Model:\n    id: str\n" * 50})
    data = bytearray(wheel.read_bytes())
    start = data.index(b"acme_sdk/models.py") + len("acme_sdk/models.py")
    data[start + 10 : start + 20] = b"\xff" * 10  # inside the deflated bytes
    with pytest.raises(Unreachable, match=r"acme_sdk/models\.py cannot be read from the wheel"):
        Wheel(bytes(data), wheel.name).text("acme_sdk/models.py")


def test_a_local_index_that_is_not_a_directory_is_unreachable(tmp_path: Path) -> None:
    with pytest.raises(Unreachable, match="not a directory"):
        PackageIndex(str(tmp_path / "nowhere"), timeout=1).newest("acme-sdk", wheel=True)


def test_an_app_that_fails_to_import_is_unreachable_with_its_last_words(
    tmp_path: Path, openwebui_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = make_environment(tmp_path / "env", "0.13.0", app="raise RuntimeError('Static asset directory not found')\n")
    args = ["--repo", str(openwebui_repo), "--provider", "openwebui", "--index", str(tmp_path / "index")]
    code, report = run_json(capsys, *args, "--openwebui-env", str(env))
    assert code == 3
    assert report["results"][0]["detail"] == (
        f"{env}: the Open WebUI app failed: RuntimeError: Static asset directory not found"
    )


@pytest.mark.slow
@pytest.mark.usefixtures("real_openwebui_env")
def test_the_real_open_webui_app_gives_the_vendored_document_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pinned release, installed as the live tests install it: its app's document is the vendored one."""
    sys.path.insert(0, str(ROOT / "tests" / "integration"))
    from openwebui_env import OPENWEBUI_VERSION, install  # noqa: PLC0415 - the live tests' installer

    try:
        env = install().venv
    except (subprocess.CalledProcessError, OSError) as exc:
        if os.environ.get("MODELCATALOG_SKIP_LIVE") == "1":
            pytest.skip(f"cannot install open-webui: {exc} (MODELCATALOG_SKIP_LIVE=1)")
        raise
    build_wheel(tmp_path / "index", "open-webui", OPENWEBUI_VERSION, {"open_webui/__init__.py": ""})
    args = ["--repo", str(ROOT), "--provider", "openwebui", "--index", str(tmp_path / "index")]
    code, report = run_json(capsys, *args, "--openwebui-env", str(env))
    assert code == 0, report
    (result,) = report["results"]
    assert result["status"] == "unchanged"
    assert result["new_sha256"] == result["old_sha256"]
