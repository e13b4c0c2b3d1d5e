"""check: each source of each provider read and graded, the providers' real history, one failure never hides the rest.

Changed documents are served from 127.0.0.1 (``serve``, in tests/tooling/conftest.py; never the internet); the old side
is vendored into a copy of ``specs/`` (the ``repo`` fixture) when a test needs a different one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from acme_provider import triples
from modelcatalog.tooling.documents import dump_yaml, load
from openwebui_stand_in import make_environment
from upstream_runs import ROOT, SPECS, as_json, modelslab, run, run_json, vendor, with_dangling_ref

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


# The `type` values listed on docs.scenario.com's API reference page, the older of its two pages
# (the Python SDK reference page lists the 37 of specs/scenario/upstream.yaml).
SCENARIO_18_TYPES = [
    "sd-1_5",
    "sd-1_5-lora",
    "sd-1_5-composition",
    "sd-xl",
    "sd-xl-lora",
    "sd-xl-composition",
    "flux.1",
    "flux.1-lora",
    "flux.1-kontext-dev",
    "flux.1-krea-dev",
    "flux.1-kontext-lora",
    "flux.1-krea-lora",
    "flux.1-composition",
    "flux.1-pro",
    "flux1.1-pro",
    "flux.1.1-pro-ultra",
    "gpt-image-1",
    "custom",
]


def test_modelslab_model_category_values_replaced_and_subcategory_added(
    repo: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    """ModelsLab swapped model_category values and gained model_subcategory; here on model_list."""
    old, new = modelslab(), modelslab()
    for doc, values in ((old, ["stable_diffusion", "stable_diffusion_xl", "controlnet"]), (new, None)):
        category = {"type": "string", "enum": values or ["stable_diffusion", "stable_diffusion_xl", "flux", "z_image"]}
        doc["components"]["schemas"]["PublicModel"]["properties"]["model_category"] = dict(category)
        doc["components"]["schemas"]["ApiKeyRequest"]["properties"]["model_category"] = dict(category)
    subcategory = {"type": "string", "enum": ["lora"]}
    new["components"]["schemas"]["PublicModel"]["properties"]["model_subcategory"] = subcategory
    new["components"]["schemas"]["ApiKeyRequest"]["properties"]["model_subcategory"] = subcategory
    vendor(repo, "modelslab", "upstream.json", as_json(old))
    url = serve("/model-operation.openapi.json", as_json(new))

    code, report = run_json(capsys, "--repo", str(repo), "--provider", "modelslab", "--source", f"modelslab={url}")

    assert code == 2
    (provider,) = report["results"]
    assert provider["status"] == "changed"
    seen = {(c["id"], c["level"], c["side"]) for c in provider["changes"] if c["operation"] == "POST /model_list"}
    assert seen == {
        ("request-property-enum-value-removed", "ERR", "request"),
        ("request-property-enum-value-added", "INFO", "request"),
        ("new-optional-request-property", "INFO", "request"),
        # the derived document opens every response enum: the client keeps the new value
        ("response-property-enum-value-added", "WARN", "response"),
        ("response-property-enum-value-removed", "INFO", "response"),
        ("response-optional-property-added", "INFO", "response"),
    }
    texts = " ".join(c["text"] for c in provider["changes"])
    assert '"controlnet"' in texts
    assert '"flux", "z_image"' in texts
    assert "model_subcategory" in texts


def test_modelslab_change_outside_our_operations_is_non_breaking(
    serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The real history happened in load_model's ModelUploadRequest, which we do not use."""
    new = modelslab()
    upload = new["components"]["schemas"]["ModelUploadRequest"]["properties"]
    upload["model_category"]["enum"] = ["stable_diffusion", "controlnet"]
    upload.pop("model_subcategory")
    url = serve("/doc.json", as_json(new))
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 1
    assert [c["id"] for c in report["results"][0]["changes"]] == ["api-document-changed-elsewhere"]


def test_scenario_type_enum_grew_from_18_to_37(
    repo: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Response side: our client opened the enum, so 19 new values are a warning; request side: more choice."""
    new_raw = (SPECS / "scenario" / "upstream.yaml").read_bytes()
    old = load(SPECS / "scenario" / "upstream.yaml")
    assert len(old["components"]["schemas"]["ModelType"]["enum"]) == 37
    old["components"]["schemas"]["ModelType"]["enum"] = SCENARIO_18_TYPES
    vendor(repo, "scenario", "upstream.yaml", dump_yaml(old))
    url = serve("/scenario.yaml", new_raw)

    code, report = run_json(capsys, "--repo", str(repo), "--provider", "scenario", "--source", f"scenario={url}")

    assert code == 1
    document, sdk = report["results"]
    assert (document["kind"], sdk["kind"], sdk["status"]) == ("document", "sdk", "unreachable")
    changes = document["changes"]
    by_side = {(c["side"], c["id"], c["level"]) for c in changes}
    assert by_side == {
        ("request", "request-parameter-enum-value-added", "INFO"),
        ("response", "response-property-enum-value-added", "WARN"),
    }
    response = next(c for c in changes if c["side"] == "response")
    assert "19 enum value(s) added" in response["text"]
    assert "models[].type" in " ".join(c["text"] for c in changes)
    assert {c["text"].split(": ")[1] for c in changes if c["side"] == "request"} == {
        "query parameter `type`",
        "query parameter `types` property `[]`",
    }


def test_the_older_pages_18_values_are_kept_in_order_among_the_37() -> None:
    """The history above is a pure addition: the older page's values, in order, within today's document."""
    values = load(SPECS / "scenario" / "upstream.yaml")["components"]["schemas"]["ModelType"]["enum"]
    assert [value for value in values if value in SCENARIO_18_TYPES] == SCENARIO_18_TYPES


def test_openwebui_documented_path_is_not_the_servers(
    repo: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The docs say /api/models/list; the server's own /openapi.json says /api/v1/models/list."""
    served = (SPECS / "openwebui" / "upstream.json").read_bytes()
    documented = json.loads(served)
    documented["paths"]["/api/models/list"] = documented["paths"].pop("/api/v1/models/list")
    vendor(repo, "openwebui", "upstream.json", as_json(documented))
    toml = repo / "specs" / "providers.toml"
    toml.write_text(toml.read_text().replace('"GET /api/v1/models/list"', '"GET /api/models/list"'))
    url = serve("/openapi.json", served)

    code, report = run_json(
        capsys, "--repo", str(repo), "--provider", "openwebui", "--openwebui-url", url.removesuffix("/openapi.json")
    )

    assert code == 2
    provider = report["results"][0]
    assert provider["source"] == url
    (change,) = provider["changes"]
    assert (change["id"], change["level"]) == ("api-path-removed-without-deprecation", "ERR")
    assert "path /api/models/list is no longer published" in change["text"]
    assert "now published as GET /api/v1/models/list" in change["text"]


def test_truefoundry_sdk_path_moved(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    """truefoundry-sdk 0.6.0 calls /api/svc/v1/models; the page is Markdown with a fenced YAML block."""
    document = (SPECS / "truefoundry" / "upstream.yaml").read_text()
    moved = document.replace("/api/ml/v1/models:", "/api/svc/v1/models:")
    assert moved != document
    page = f"# List models\n\nSome prose.\n\n```yaml\n{moved}```\n\nMore prose.\n".encode()
    url = serve("/docs/list-models.md", page)

    code, out = run(capsys, "--repo", str(ROOT), "--provider", "truefoundry", "--source", f"truefoundry={url}")

    assert code == 2
    assert "api-path-removed-without-deprecation" in out
    assert "now published as GET /api/svc/v1/models" in out
    assert "overlay-action-not-applicable" not in out  # our fixes target components, which stayed


def test_unreachable_sources_are_reported_not_changes(
    serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    closed = serve("/gone.json", b"not here", status=404)
    same = serve("/doc.json", (SPECS / "modelslab" / "upstream.json").read_bytes())
    code, out = run(
        capsys,
        "--repo",
        str(ROOT),
        "--provider",
        "truefoundry",
        "--provider",
        "openwebui",
        "--provider",
        "modelslab",
        "--source",
        f"truefoundry={closed}",
        "--source",
        f"modelslab={same}",
    )
    assert code == 0  # the one reachable source is unchanged; unreachable ones do not count...
    # ...but the headline does not claim "no change" for what was not checked
    assert "Result: **no change in the sources checked (1 of 4 sources checked, 3 unreachable)**, exit 0." in out
    assert "| TrueFoundry (`truefoundry`) | published document: " in out
    assert "| unreachable |" in out
    assert "HTTP 404" in out
    assert "--openwebui-env DIR" in out  # what to do about the open-webui==X source
    assert "--openwebui-url" in out


def test_scenario_has_no_published_document_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "scenario")
    assert code == 3  # its only source, the SDK, is not on the (empty) index
    (sdk,) = report["results"]
    assert (sdk["kind"], sdk["status"]) == ("sdk", "unreachable")
    assert "scenario-sdk has no final release with a pure-Python wheel" in sdk["detail"]
    (note,) = sdk["notes"]
    assert note.startswith("No published document: Scenario publishes no OpenAPI document we can reach")
    assert "unchanged" not in json.dumps(report)


def test_an_html_page_is_an_invalid_document(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    """Open WebUI answers its documented path with the web UI's HTML and status 200."""
    url = serve("/api/models/list", b"<!doctype html><html></html>")
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 5
    (result,) = report["results"]
    assert result["status"] == "invalid"
    assert "not an OpenAPI document (no 'paths')" in result["detail"]


@pytest.mark.parametrize("fmt", ["markdown", "json", "github"])
def test_a_dangling_ref_is_one_providers_status_and_the_others_are_still_checked(
    fmt: str, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = serve("/modelslab.json", with_dangling_ref())
    truefoundry_page = (SPECS / "truefoundry" / "upstream.yaml").read_text()
    page = serve("/tfy.md", f"# List models\n\n```yaml\n{truefoundry_page}```\n".encode())
    code, out = run(
        capsys,
        "--repo",
        str(ROOT),
        "--provider",
        "modelslab",
        "--provider",
        "truefoundry",
        "--source",
        f"modelslab={broken}",
        "--source",
        f"truefoundry={page}",
        "--format",
        fmt,
    )
    assert code == 5
    assert "invalid document: dangling $ref #/components/schemas/Owner" in out
    if fmt == "json":
        statuses = [(r["provider"], r["kind"], r["status"]) for r in json.loads(out)["results"]]
        assert statuses == [
            ("modelslab", "document", "invalid"),
            ("truefoundry", "document", "unchanged"),
            ("truefoundry", "sdk", "unreachable"),
        ]
    elif fmt == "github":
        assert out.startswith("::error title=modelslab document%3A invalid::invalid document: dangling $ref")
        assert out.endswith(
            "a source could not be checked (1 of 3 sources checked, 1 unreachable, 1 invalid), exit 5\n"
        )
    else:
        assert "| ModelsLab (`modelslab`) | published document: " in out
        assert "| invalid |" in out
        assert "| TrueFoundry (`truefoundry`) | published document: " in out
        assert "| unchanged |" in out


def test_an_external_ref_is_an_invalid_document(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    document = modelslab()
    document["components"]["schemas"]["PublicModel"]["properties"]["owner"] = {"$ref": "owners.yaml#/Owner"}
    url = serve("/doc.json", as_json(document))
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 5
    assert report["results"][0]["detail"] == (
        "invalid document: external $ref owners.yaml#/Owner (only references inside the document are supported)"
    )


def test_the_newest_open_webui_release_describes_itself_without_a_server(
    tmp_path: Path, openwebui_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = make_environment(tmp_path / "env", "0.13.0")
    args = ["--repo", str(openwebui_repo), "--provider", "openwebui", "--index", str(tmp_path / "index")]
    code, report = run_json(capsys, *args, "--openwebui-env", str(env))
    assert code == 1
    (result,) = report["results"]
    assert result["source"] == f"open-webui 0.13.0: its FastAPI app in {env}"
    assert (result["version"], result["recorded"]) == ("0.13.0", "0.12.4")
    assert triples(result["changes"]) == {("new-optional-request-parameter", "INFO", "request")}


def test_an_environment_with_an_older_release_is_not_used(
    tmp_path: Path, openwebui_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = make_environment(tmp_path / "env", "0.12.4")
    args = ["--repo", str(openwebui_repo), "--provider", "openwebui", "--index", str(tmp_path / "index")]
    code, report = run_json(capsys, *args, "--openwebui-env", str(env))
    assert code == 3
    (result,) = report["results"]
    assert result["status"] == "unreachable"
    assert (
        f"open-webui 0.13.0 is not installed in any environment (looked in: {env}; found: 0.12.4 in {env})"
        in (result["detail"])
    )
    assert "pass --openwebui-env DIR" in result["detail"]


def test_a_running_server_is_the_fallback(
    tmp_path: Path,
    openwebui_repo: Path,
    serve: Callable[..., str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    served = (SPECS / "openwebui" / "upstream.json").read_bytes()
    url = serve("/openapi.json", served, content_type="application/json").removesuffix("/openapi.json")
    args = ["--repo", str(openwebui_repo), "--provider", "openwebui", "--index", str(tmp_path / "index")]
    code, report = run_json(capsys, *args, "--openwebui-url", url)
    assert code == 0
    (result,) = report["results"]
    assert (result["status"], result["source"]) == ("unchanged", f"{url}/openapi.json")
    (note,) = result["notes"]
    assert note.startswith("Used a running server instead of the app: open-webui 0.13.0 is not installed")
