"""update: --update accepts what still derives and regenerates, records SDK releases, restores all on failure."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from acme_provider import STAINLESS, build_wheel, make_repo, stainless_files
from modelcatalog.tooling.derive import sha256_of
from modelcatalog.tooling.manifest import load_manifest
from modelcatalog.tooling.upstream.update import accepted_manifest, set_manifest_value
from upstream_runs import ROOT, SPECS, as_json, modelslab, run

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def test_set_manifest_value_edits_one_upstream_sha256_line() -> None:
    text = (SPECS / "providers.toml").read_text()
    edited = set_manifest_value(text, "providers.truefoundry", "upstream_sha256", "0" * 64)
    changed = [(a, b) for a, b in zip(text.splitlines(), edited.splitlines(), strict=True) if a != b]
    assert changed == [(f'upstream_sha256 = "{_recorded(text, "truefoundry")}"', f'upstream_sha256 = "{"0" * 64}"')]


def _recorded(text: str, provider: str) -> str:
    section = text.split(f"[providers.{provider}]", 1)[1]
    match = re.search(r'upstream_sha256 = "([0-9a-f]+)"', section)
    assert match is not None
    return match.group(1)


def test_set_manifest_value_edits_one_line_of_one_table() -> None:
    text = (SPECS / "providers.toml").read_text()
    edited = set_manifest_value(text, "providers.truefoundry.sdk", "version", "9.9.9")
    changed = [(a, b) for a, b in zip(text.splitlines(), edited.splitlines(), strict=True) if a != b]
    assert changed == [('version = "0.6.0"', 'version = "9.9.9"')]
    edited = set_manifest_value(text, "providers.openwebui", "source", "open-webui==0.13.0")
    changed = [(a, b) for a, b in zip(text.splitlines(), edited.splitlines(), strict=True) if a != b]
    assert changed == [('source = "open-webui==0.12.4"', 'source = "open-webui==0.13.0"')]


def test_accepting_an_open_webui_document_records_the_release_it_came_from() -> None:
    manifest = load_manifest(SPECS)
    text = (SPECS / "providers.toml").read_text()
    raw = b'{"openapi": "3.1.0"}'
    edited = accepted_manifest(text, [(manifest.provider("openwebui"), raw, "0.13.0")], [("scenario", "2.5.0")])
    changed = [(a, b) for a, b in zip(text.splitlines(), edited.splitlines(), strict=True) if a != b]
    recorded = manifest.provider("openwebui").upstream_sha256
    assert changed == [
        ('version = "2.4.0"', 'version = "2.5.0"'),
        (f'upstream_sha256 = "{recorded}"', f'upstream_sha256 = "{sha256_of(raw)}"'),
        ('source = "open-webui==0.12.4"', 'source = "open-webui==0.13.0"'),
    ]
    served = accepted_manifest(text, [(manifest.provider("openwebui"), raw, "")], [])  # from a server: release unknown
    assert 'source = "open-webui==0.12.4"' in served


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_update_refuses_a_document_that_breaks_an_overlay_target(
    repo: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    new = modelslab()
    properties = new["components"]["schemas"]["ApiKeyRequest"]["properties"]
    properties["api_key"] = properties.pop("key")
    url = serve("/doc.json", as_json(new))
    before = _tree(repo)

    code, out = run(capsys, "--repo", str(repo), "--provider", "modelslab", "--source", f"modelslab={url}", "--update")

    assert code == 2
    assert _tree(repo) == before
    assert "overlay-action-not-applicable" in out
    assert "Update: not accepted, specs/ left unchanged" in out
    assert "action 0 (The API key travels in the JSON body" in out


@pytest.mark.generators
def test_update_accepts_a_change_and_regenerates(
    repo: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "generated", repo / "generated", ignore=shutil.ignore_patterns("__pycache__"))
    new = modelslab()
    new["components"]["schemas"]["PublicModel"]["properties"]["model_name"]["description"] = "Display name"
    raw = as_json(new)
    url = serve("/doc.json", raw)
    toml_before = (repo / "specs" / "providers.toml").read_text()
    derived_before = (repo / "specs" / "modelslab" / "openapi.yaml").read_bytes()

    code, out = run(capsys, "--repo", str(repo), "--provider", "modelslab", "--source", f"modelslab={url}", "--update")

    assert code == 1, out
    assert (repo / "specs" / "modelslab" / "upstream.json").read_bytes() == raw
    toml_after = (repo / "specs" / "providers.toml").read_text()
    assert toml_after == set_manifest_value(toml_before, "providers.modelslab", "upstream_sha256", sha256_of(raw))
    assert toml_after.startswith("# One entry a provider")  # comments kept
    derived_after = (repo / "specs" / "modelslab" / "openapi.yaml").read_bytes()
    assert derived_after != derived_before
    assert b"Display name" in derived_after
    assert "Update: accepted: specs/modelslab/upstream.json" in out

    code, out = run(capsys, "--repo", str(repo), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 0, out


def test_update_records_the_release_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.0", stainless_files())
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.1", stainless_files())
    before = (repo / "specs" / "providers.toml").read_text()

    code, out = run(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"), "--update")

    assert code == 0
    after = (repo / "specs" / "providers.toml").read_text()
    assert after == before.replace('version = "1.0.0"', 'version = "1.0.1"')
    assert "Update: recorded 1.0.1 as the SDK release we last matched (was 1.0.0)" in out
    code, out = run(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))
    assert code == 0
    assert "1.0.1 is the release read (the release we last matched)" in out
