"""ModelsLab's errors arrive with status 200 (issue 10, item 5).

Any ``status`` but success, and a finetune list that succeeded without ``data``, is
ModelsLab's own error: a ``ProviderReportedError`` with its message, scrubbed (an
``AuthenticationError`` when the message is about the key), never an empty list and
exit 0. Run through ``Client``, ``AsyncClient`` and the command with a canary credential
that the server echoes back into its messages.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from modelcatalog import AuthenticationError, ProviderReportedError, SchemaMismatchError
from support import payloads
from support.fault_server import FaultServer, Respond
from support.hostile_listing import assert_lines, canary_server, list_models, run_command
from support.providers import modelslab

if TYPE_CHECKING:
    from collections.abc import Iterator

TRAINED = ("modelslab-trained", "POST /api/v3/finetune_list")
PUBLIC = ("modelslab-public", "POST /api/v4/dreambooth/model_list")
MODES = pytest.mark.parametrize("mode", ["sync", "async"])
#: (route and operation, body, what the error says after "modelslab <operation>: ")
FAILED = {"status": "failed", "message": "Model list could not be loaded"}
REPORTED = [
    (TRAINED, FAILED, "ModelsLab reported status 'failed': Model list could not be loaded"),
    (PUBLIC, FAILED, "ModelsLab reported status 'failed': Model list could not be loaded"),
    (TRAINED, {"status": "error", "messege": "Server is busy"}, "ModelsLab reported an error: Server is busy"),
    (TRAINED, {"status": "processing", "eta": 5}, "ModelsLab reported status 'processing': (no message)"),
    (PUBLIC, {"status": 503, "message": "try later"}, "ModelsLab reported status '503': try later"),
    (
        TRAINED,
        {"status": "failed", "message": "request for {credential} failed"},  # the server echoes the key
        "ModelsLab reported status 'failed': request for *** failed",
    ),
    (
        TRAINED,
        {"status": "success", "messege": "model list"},
        "ModelsLab answered status 'success' but no data: model list",
    ),
    (TRAINED, {"status": "success", "data": None}, "ModelsLab answered status 'success' but no data: (no message)"),
    (TRAINED, {}, "ModelsLab answered with no status and no data: (no message)"),
]


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with canary_server() as running:
        running.models["modelslab-trained"] = [modelslab.trained_id(n) for n in range(2)]
        running.models["modelslab-public"] = payloads.many(modelslab.public_model, 2)
        yield running


def answer(server: FaultServer, route: str, body: dict[str, object]) -> bytes:
    raw = json.dumps(body)
    server.inject(route, Respond(200, raw), times=None)
    return raw.encode()


@MODES
@pytest.mark.parametrize(("where", "body", "says"), REPORTED)
async def test_any_status_but_success_or_no_data_is_modelslab_s_own_error(
    server: FaultServer, mode: str, where: tuple[str, str], body: dict[str, object], says: str
) -> None:
    route, operation = where
    answer(server, route, body)
    listed = await list_models(mode, "modelslab", server, operation=operation)
    error = listed.error
    assert type(error) is ProviderReportedError
    assert str(error) == f"modelslab {operation}: {says}"
    assert error.status_code == 200
    assert b"***" in error.body if "{credential}" in json.dumps(body) else error.body == json.dumps(body).encode()
    assert listed.items == []
    assert listed.events == []
    assert listed.warnings == []


@MODES
@pytest.mark.parametrize("where", [TRAINED, PUBLIC])
async def test_a_message_about_the_key_is_an_authentication_error(
    server: FaultServer, mode: str, where: tuple[str, str]
) -> None:
    route, operation = where
    answer(server, route, {"status": "failed", "message": "Your API key {credential} expired"})
    listed = await list_models(mode, "modelslab", server, operation=operation)
    assert type(listed.error) is AuthenticationError
    assert str(listed.error) == f"modelslab {operation}: ModelsLab reported status 'failed': Your API key *** expired"
    assert listed.error.status_code == 200
    assert listed.items == []


@MODES
async def test_a_public_list_that_is_an_object_with_success_is_a_schema_mismatch(
    server: FaultServer, mode: str
) -> None:
    raw = answer(server, PUBLIC[0], {"status": "success", "data": []})
    listed = await list_models(mode, "modelslab", server, operation=PUBLIC[1])
    assert type(listed.error) is SchemaMismatchError
    assert listed.error.body == raw
    assert listed.error.path == "$"


@MODES
async def test_success_with_data_lists_both_operations(server: FaultServer, mode: str) -> None:
    listed = await list_models(mode, "modelslab", server)
    assert listed.error is None
    assert listed.ids == [*server.models["modelslab-trained"], "midjourney-v0", "midjourney-v1"]
    assert listed.incomplete == ()


@pytest.mark.parametrize(("where", "body", "says"), REPORTED)
def test_the_command_says_what_modelslab_reported_and_exits_1(
    server: FaultServer, where: tuple[str, str], body: dict[str, object], says: str
) -> None:
    route, operation = where
    answer(server, route, body)
    done = run_command(server, ["modelslab"])
    assert done.status == 1
    # the trained list comes first: when only the public list fails, the trained ids are printed
    printed = [json.loads(line)["id"] for line in done.stdout.splitlines()]
    assert printed == (server.models["modelslab-trained"] if route == PUBLIC[0] else [])
    after = " (after 2 records)" if route == PUBLIC[0] else ""
    assert_lines(done.errors, [f"modelcatalog: error: modelslab {operation}: {says}{after}"])
    assert done.errors[0].endswith(f"{says}{after}")


def test_the_command_exits_3_when_modelslab_says_the_key_expired(server: FaultServer) -> None:
    answer(server, TRAINED[0], {"status": "failed", "message": "Your API key {credential} expired"})
    done = run_command(server, ["modelslab"])
    assert done.status == 3
    assert done.stdout == ""
    assert done.errors == [
        f"modelcatalog: error: modelslab {TRAINED[1]}: ModelsLab reported status 'failed': Your API key *** expired"
    ]
