"""The LiteLLM proxy peer, with raw HTTP: what it serves is what its config declares.

These prove the peer itself (and record how LiteLLM 1.108.7 answers), so the
OpenAI-compatible provider's tests can rely on it.
"""

from __future__ import annotations

import json

import httpx
import pytest
from litellm_env import (
    CLOSED_PORT_URL,
    INFO_EVERY,
    MODEL_COUNT,
    RunningLiteLLM,
    config_document,
    declared_models,
    server_environment,
)

OPENAI_FIELDS = {"id", "object", "created", "owned_by"}
# model_info keys LiteLLM copies into /v1/models records (others, like description, it does not)
PASSED_THROUGH = {"mode", "max_input_tokens", "max_output_tokens"}


def get(server: RunningLiteLLM, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
    with httpx.Client(base_url=server.base_url, trust_env=False, timeout=30) as client:
        return client.get(path, headers=headers or {})


def master(server: RunningLiteLLM) -> dict[str, str]:
    return {"Authorization": f"Bearer {server.master_key}"}


@pytest.mark.parametrize("path", ["/v1/models", "/models"])
def test_the_master_key_lists_exactly_the_configured_models_in_one_response(litellm: RunningLiteLLM, path: str) -> None:
    response = get(litellm, path, master(litellm))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"object", "data"}
    assert body["object"] == "list"
    ids = [record["id"] for record in body["data"]]
    assert len(ids) == MODEL_COUNT == len(set(ids))
    assert ids == litellm.model_ids  # no pagination, config order


def test_declared_model_info_adds_fields_to_the_records(litellm: RunningLiteLLM) -> None:
    records = {record["id"]: record for record in get(litellm, "/v1/models", master(litellm)).json()["data"]}
    with_info = [model for model in litellm.models if model.info is not None]
    assert len(with_info) == MODEL_COUNT // INFO_EVERY
    for model in litellm.models:
        record = records[model.id]
        assert record["object"] == "model"
        if model.info is None:
            assert set(record) == OPENAI_FIELDS
        else:
            assert set(record) == OPENAI_FIELDS | PASSED_THROUGH
            assert {key: record[key] for key in PASSED_THROUGH} == {key: model.info[key] for key in PASSED_THROUGH}


def test_created_and_owned_by_are_placeholders_not_facts(litellm: RunningLiteLLM) -> None:
    # What a catalog must not read too much into: one fixed timestamp for every model, and
    # the upstream provider's name (openai/...) as the owner.
    data = get(litellm, "/v1/models", master(litellm)).json()["data"]
    assert {type(record["created"]) for record in data} == {int}
    assert len({record["created"] for record in data}) == 1
    assert {record["owned_by"] for record in data} == {"openai"}


def test_no_key_is_401(litellm: RunningLiteLLM) -> None:
    response = get(litellm, "/v1/models")
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "auth_error"


@pytest.mark.parametrize("key", ["sk-not-the-master-key", "not-even-sk"])
def test_a_wrong_key_is_400_because_there_is_no_database_to_check_it(litellm: RunningLiteLLM, key: str) -> None:
    response = get(litellm, "/v1/models", {"Authorization": f"Bearer {key}"})
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "no_db_connection"
    assert key not in response.text


def test_the_master_key_is_in_no_answer(litellm: RunningLiteLLM) -> None:
    for response in (
        get(litellm, "/v1/models", master(litellm)),
        get(litellm, "/v1/models", {"Authorization": f"Bearer {litellm.master_key}x"}),
    ):
        assert litellm.master_key not in response.text


# --------------------------------------------------------------------------- the harness itself (fast)


def test_declared_models_are_deterministic_distinct_and_some_carry_info() -> None:
    models = declared_models()
    assert models == declared_models()
    assert len({model.id for model in models}) == len(models) == MODEL_COUNT
    assert models[0].id == "atlas-3b-000"
    assert sum(model.info is not None for model in models) == MODEL_COUNT // INFO_EVERY


def test_config_points_every_model_at_a_closed_port_and_needs_no_database() -> None:
    document = config_document(declared_models(10), "sk-test")
    assert document["general_settings"] == {"master_key": "sk-test", "disable_model_info_refresh": True}
    assert {entry["litellm_params"]["api_base"] for entry in document["model_list"]} == {CLOSED_PORT_URL}
    assert "database_url" not in json.dumps(document).lower()


def test_server_environment_is_offline_and_keeps_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "LITELLM_MASTER_KEY", "DATABASE_URL"):
        monkeypatch.setenv(name, "sk-leak")
    env = server_environment(1234)
    assert "sk-leak" not in env.values()
    assert env["LITELLM_LOCAL_MODEL_COST_MAP"] == "True"
    assert "127.0.0.1" in env["NO_PROXY"]
    assert env["HTTPS_PROXY"].startswith("http://127.0.0.1:")
