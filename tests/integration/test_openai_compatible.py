"""The ``openai`` provider against real OpenAI-compatible servers: a LiteLLM proxy, and Open WebUI's ``/api``.

Ground truth is what each server holds: LiteLLM's config (``litellm.models``) and raw httpx
answers of the same endpoint; Open WebUI is connected to the LiteLLM proxy (its admin's
"OpenAI API" connection, set over its own API for this module and removed after), so its
OpenAI-compatible ``GET /api/models`` lists LiteLLM's models and the seeded workspace models
built on them, each user what they may see. The last tests list both servers, as ``openai``
instances named ``gateway`` and ``webui_api``, with the other four providers: in one catalog
call, and with one ``modelcatalog list`` whose configuration file names them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import jsonschema
import msgspec
import pytest
from modelcatalog import AuthenticationError, Client
from modelcatalog.catalog import Query, list_catalog
from modelcatalog.events import OffSpecEvent
from modelcatalog.providers import NAMES
from openwebui_env import ADMIN, READER, SeededServer
from support.clients import PROVIDER_ENV, environment, fast_http
from support.fault_server import FaultServer
from support.providers import credentials, fill, server_credential

if TYPE_CHECKING:
    from collections.abc import Iterator

    from litellm_env import RunningLiteLLM

RECORD_VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((Path(__file__).resolve().parents[2] / "specs/catalog/model-record.schema.json").read_text()),
    format_checker=jsonschema.FormatChecker(),
)

#: what LiteLLM 1.108.7 adds to a record whose model declares model_info
LITELLM_EXTENSIONS = {"mode", "max_input_tokens", "max_output_tokens"}


def raw_ids(base_url: str, key: str) -> list[str]:
    """The ids ``GET {base_url}/models`` answers with, read with httpx alone."""
    with httpx.Client(trust_env=False, timeout=60) as http:
        response = http.get(f"{base_url}/models", headers={"Authorization": f"Bearer {key}"})
    response.raise_for_status()
    return [record["id"] for record in response.json()["data"]]


def litellm_url(litellm: RunningLiteLLM) -> str:
    return f"{litellm.base_url}/v1"


@pytest.fixture(scope="module")
def openwebui_on_litellm(openwebui: SeededServer, litellm: RunningLiteLLM) -> Iterator[SeededServer]:
    """Open WebUI with the LiteLLM proxy as its OpenAI API connection, for this module only."""

    def configure(enabled: bool, urls: list[str], keys: list[str]) -> None:
        form = {"ENABLE_OPENAI_API": enabled, "OPENAI_API_BASE_URLS": urls, "OPENAI_API_KEYS": keys}
        with httpx.Client(base_url=openwebui.base_url, trust_env=False, timeout=60) as http:
            response = http.post(
                "/openai/config/update",
                json={**form, "OPENAI_API_CONFIGS": {}},
                headers={"Authorization": f"Bearer {openwebui.admin_key}"},
            )
        response.raise_for_status()

    configure(True, [litellm_url(litellm)], [litellm.master_key])  # noqa: FBT003
    try:
        yield openwebui
    finally:
        configure(False, [], [])  # noqa: FBT003 - the other modules' server, as it was


def owui_api(openwebui: SeededServer) -> str:
    return f"{openwebui.base_url}/api"


# --------------------------------------------------------------------------- LiteLLM


def test_the_library_lists_exactly_what_litellm_serves(litellm: RunningLiteLLM) -> None:
    events: list[Any] = []
    with Client("openai", base_url=litellm_url(litellm), api_key=litellm.master_key, on_event=events.append) as client:
        pager = client.list_models()
        models = list(pager)
    assert [model.id for model in models] == litellm.model_ids == raw_ids(litellm_url(litellm), litellm.master_key)
    assert not pager.incomplete
    # model_info became extension fields: kept on each record, reported once each for the listing
    assert {event.value for event in events} == LITELLM_EXTENSIONS
    assert all(isinstance(e, OffSpecEvent) and e.kind == "extension_field" for e in events)
    declared = {model.id: model.info for model in litellm.models}
    for model in models:
        info = declared[model.id]
        expected = {} if info is None else {key: info[key] for key in LITELLM_EXTENSIONS}
        assert model.extensions == expected


def test_the_catalog_reads_litellm_s_fields(litellm: RunningLiteLLM) -> None:
    client = Client("openai", base_url=litellm_url(litellm), api_key=litellm.master_key, report_extensions=False)
    with client:
        result = list_catalog(Query(), [client])
    assert result.ok
    declared = {model.id: model.info for model in litellm.models}
    for record in result.records:
        info = declared[record.id] or {}
        assert (record.kind, record.context_length) == (info.get("mode"), info.get("max_input_tokens"))
        assert record.owner is not None
        assert record.owner.id == "openai"
        RECORD_VALIDATOR.validate(_jsonable(record))


def _jsonable(record: Any) -> Any:
    return json.loads(msgspec.json.encode(record))


@pytest.mark.parametrize("key", [None, "sk-not-the-master-key"])
def test_a_missing_or_wrong_key_is_an_authentication_error(litellm: RunningLiteLLM, key: str | None) -> None:
    client = Client("openai", base_url=litellm_url(litellm), api_key=key, environ={}, http=fast_http())
    with client, pytest.raises(AuthenticationError) as caught:
        list(client.list_models())
    assert caught.value.status_code == (401 if key is None else 400)  # 400: no database to check it against
    assert litellm.master_key not in str(caught.value)


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``python -m modelcatalog`` in a fresh process, with no provider variable but those given."""
    clean = {name: value for name, value in os.environ.items() if name not in PROVIDER_ENV}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "modelcatalog", *args],
        capture_output=True,
        text=True,
        env={**clean, **env},
        timeout=120,
        check=False,
    )


def test_the_command_lists_litellm_with_base_url_and_key_from_the_environment(litellm: RunningLiteLLM) -> None:
    done = run_cli(
        "list", "-p", "openai", "--base-url", litellm_url(litellm), "--format", "ndjson",
        env={"OPENAI_API_KEY": litellm.master_key},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["id"] for line in lines] == litellm.model_ids
    for line in lines:
        RECORD_VALIDATOR.validate(line)
    assert litellm.master_key not in done.stdout + done.stderr
    # each extension field reported once for the whole listing, not once a record
    assert sorted(line for line in done.stderr.splitlines() if "ExtensionFieldWarning" in line) == sorted(
        f"modelcatalog: warning: ExtensionFieldWarning: openai GET /models: field {name!r} at Model is this server's "
        "own (kept in extensions)"
        for name in LITELLM_EXTENSIONS
    )
    quiet = run_cli(
        "list", "-p", "openai", "--format", "csv", "--no-extension-reports",
        env={"OPENAI_API_KEY": litellm.master_key, "OPENAI_BASE_URL": litellm_url(litellm)},
    )  # fmt: skip
    assert (quiet.returncode, quiet.stderr) == (0, "")
    assert len(quiet.stdout.splitlines()) == len(litellm.models) + 1  # a header and a row a model


@pytest.mark.parametrize("key", [None, "sk-not-the-master-key"])
def test_the_command_exits_3_when_litellm_refuses(litellm: RunningLiteLLM, key: str | None) -> None:
    env = {"OPENAI_BASE_URL": litellm_url(litellm)} | ({} if key is None else {"OPENAI_API_KEY": key})
    done = run_cli("list", "-p", "openai", env=env)
    assert done.returncode == 3, done.stderr
    assert done.stdout == ""
    assert "openai" in done.stderr
    assert litellm.master_key not in done.stderr


# --------------------------------------------------------------------------- Open WebUI


@pytest.mark.parametrize("who", [ADMIN, READER])
def test_open_webui_s_openai_endpoint_lists_what_it_holds(openwebui_on_litellm: SeededServer, who: str) -> None:
    server = openwebui_on_litellm
    key = server.key_for(who)
    expected = raw_ids(owui_api(server), key)
    with Client("openai", base_url=owui_api(server), api_key=key, report_extensions=False) as client:
        pager = client.list_models()
        models = list(pager)
    assert [model.id for model in models] == expected
    assert not pager.incomplete
    # LiteLLM's models for the admin (connections are the admin's), and the listed workspace models
    workspace = server.expected_ids(who)
    assert set(expected) - workspace == (set() if who == READER else set(_litellm_ids(server)))
    assert workspace <= set(expected)


def _litellm_ids(server: SeededServer) -> list[str]:
    with httpx.Client(trust_env=False, timeout=60) as http:
        response = http.get(f"{server.base_url}/api/models", headers={"Authorization": f"Bearer {server.admin_key}"})
    return [r["id"] for r in response.json()["data"] if r.get("connection_type") == "external"]


def test_open_webui_s_workspace_models_normalize_from_their_info(openwebui_on_litellm: SeededServer) -> None:
    server = openwebui_on_litellm
    with Client("openai", base_url=owui_api(server), api_key=server.admin_key, report_extensions=False) as client:
        result = list_catalog(Query(), [client])
    assert result.ok
    by_id = {record.id: record for record in result.records}
    for seeded in server.visible(ADMIN):
        record = by_id[seeded.id]
        assert (record.name, record.base_model) == (seeded.name, seeded.base_model_id)
        assert record.description == (seeded.description or None)
        assert record.tags == list(seeded.tags)


def test_a_wrong_key_at_open_webui_exits_3(openwebui_on_litellm: SeededServer) -> None:
    done = run_cli(
        "list", "-p", "openai", "--base-url", owui_api(openwebui_on_litellm), env={"OPENAI_API_KEY": "sk-wrong"}
    )
    assert done.returncode == 3, done.stderr


# --------------------------------------------------------------------------- every provider at once


def test_litellm_and_open_webui_beside_the_four_other_providers_in_one_catalog_call(
    openwebui_on_litellm: SeededServer, litellm: RunningLiteLLM
) -> None:
    server = openwebui_on_litellm
    with FaultServer(credentials={p: server_credential(p) for p in NAMES}) as fault:
        expected = {p: fill(fault.models, p, 5) for p in ("scenario", "truefoundry", "modelslab")}
        sources = [
            Client(
                "openai",
                name="gateway",
                base_url=litellm_url(litellm),
                api_key=litellm.master_key,
                report_extensions=False,
            ),
            Client(
                "openai", name="webui_api", base_url=owui_api(server), api_key=server.admin_key, report_extensions=False
            ),
            Client("openwebui", base_url=server.base_url, api_key=server.admin_key),
            *(Client(p, base_url=fault.url, http=fast_http(), **credentials(p)) for p in expected),
        ]
        try:
            result = list_catalog(Query(), sources)
        finally:
            for client in sources:
                client.close()
    assert result.ok, [failure.describe() for failure in result.failures]
    listed: dict[str, list[str]] = {}
    for record in result.records:
        listed.setdefault(record.instance, []).append(record.id)
        assert record.provider == ("openai" if record.instance in ("gateway", "webui_api") else record.instance)
    assert set(listed) == {"gateway", "webui_api", "openwebui", *expected}
    assert listed["gateway"] == litellm.model_ids  # every model of each server, each under its own name
    assert listed["webui_api"] == raw_ids(owui_api(server), server.admin_key)
    assert set(listed["openwebui"]) == server.expected_ids(ADMIN)
    for name, ids in expected.items():
        assert sorted(listed[name]) == sorted(ids), name
    for record in result.records:
        RECORD_VALIDATOR.validate(_jsonable(record))


def test_the_command_lists_litellm_and_open_webui_by_name_beside_the_four_other_providers(
    openwebui_on_litellm: SeededServer, litellm: RunningLiteLLM, tmp_path: Path
) -> None:
    """The issue's "done when": `modelcatalog list -p <name>` with both servers and every provider."""
    server = openwebui_on_litellm
    config = tmp_path / "config.toml"
    config.write_text(
        f"""
[instances.gateway]
provider = "openai"
base_url = "{litellm_url(litellm)}"
api_key_env = "GATEWAY_KEY"

[instances.webui_api]
provider = "openai"
base_url = "{owui_api(server)}"
api_key_env = "WEBUI_KEY"
""",
        encoding="utf-8",
    )
    with FaultServer(credentials={p: server_credential(p) for p in NAMES}) as fault:
        expected = {p: fill(fault.models, p, 5) for p in ("scenario", "truefoundry", "modelslab")}
        env = {
            "GATEWAY_KEY": litellm.master_key,
            "WEBUI_KEY": server.admin_key,
            "OPENWEBUI_API_KEY": server.admin_key,
            **{name: value for p in expected for name, value in environment(p).items()},
        }
        names = ["gateway", "webui_api", "openwebui", *expected]
        done = run_cli(
            "list", "--config", str(config), "--format", "ndjson", "--no-extension-reports",
            *(arg for name in names for arg in ("-p", name)),
            f"--base-url=openwebui={server.base_url}",
            *(f"--base-url={p}={fault.url}" for p in expected),
            env=env,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    listed: dict[str, list[str]] = {}
    for line in map(json.loads, done.stdout.splitlines()):
        RECORD_VALIDATOR.validate(line)
        listed.setdefault(line["instance"], []).append(line["id"])
    assert listed["gateway"] == litellm.model_ids
    assert listed["webui_api"] == raw_ids(owui_api(server), server.admin_key)
    assert set(listed["openwebui"]) == server.expected_ids(ADMIN)
    for name, ids in expected.items():
        assert sorted(listed[name]) == sorted(ids), name
    output = done.stdout + done.stderr
    assert litellm.master_key not in output
    assert server.admin_key not in output
