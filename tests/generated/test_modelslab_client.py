"""The generated ModelsLab client: both list operations, the key in the JSON body.

Payloads come from ModelsLab's published document (``model-operation.openapi.json``):
``model_list.json`` is its example for ``/model_list`` plus one newer-looking record with
fields the spec does not list; ``finetune_list.json`` follows ``TrainedModelListResponse``
(with the spec's own spelling, ``messege``); ``error_invalid_key.json`` follows ``Error``.

The published document gives each operation its own server (``/api/v3`` and
``/api/v4/dreambooth``); the generated client has one base URL, so a caller uses one
client a server.
"""

from __future__ import annotations

import json

import pytest
from modelcatalog_generated.modelslab import Client
from modelcatalog_generated.modelslab.api.model_management import get_trained_model_list
from modelcatalog_generated.modelslab.api.public_models import get_public_model_list
from modelcatalog_generated.modelslab.models import ApiKeyRequest, Error, PublicModel, TrainedModelListResponse
from modelcatalog_generated.modelslab.types import Unset

V3_URL = "http://127.0.0.1:9/api/v3"
V4_DREAMBOOTH_URL = "http://127.0.0.1:9/api/v4/dreambooth"
API_KEY = "ml-test-key-0123456789"


def _assert_key_in_body_only(request) -> None:
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == {"key": API_KEY}
    assert "Authorization" not in request.headers
    assert API_KEY not in str(request.url)


def test_public_model_list(payload, serve) -> None:
    served = serve(payload("modelslab", "model_list.json"))
    with Client(base_url=V4_DREAMBOOTH_URL, httpx_args={"transport": served.transport}) as client:
        response = get_public_model_list.sync_detailed(client=client, body=ApiKeyRequest(key=API_KEY))

    assert served.request.url.path == "/api/v4/dreambooth/model_list"
    _assert_key_in_body_only(served.request)
    assert response.status_code == 200
    models = response.parsed
    assert [type(m) for m in models] == [PublicModel, PublicModel, PublicModel]
    first = models[0]
    assert (first.model_id, first.status, first.model_name) == ("midjourney", "model_ready", "MidJourney V4")
    assert first.instance_prompt == "mdjrny-v4 style"
    assert first.created_at is None
    assert first.screenshots == "https://d1okzptojspljx.cloudfront.net/generations/14853540911669470514.png"
    assert models[1].instance_prompt is None
    # created_at has no format in the spec: a string as the server sends it, not a datetime
    assert models[2].created_at == "2024-02-21 10:15:33"
    # fields the spec does not list are kept
    assert models[2].additional_properties == {"model_category": "stable_diffusion_xl", "is_nsfw": False}
    assert models[0].additional_properties == {}


def test_trained_model_list(payload, serve) -> None:
    served = serve(payload("modelslab", "finetune_list.json"))
    with Client(base_url=V3_URL, httpx_args={"transport": served.transport}) as client:
        response = get_trained_model_list.sync_detailed(client=client, body=ApiKeyRequest(key=API_KEY))

    assert served.request.url.path == "/api/v3/finetune_list"
    _assert_key_in_body_only(served.request)
    parsed = response.parsed
    assert isinstance(parsed, TrainedModelListResponse)
    assert parsed.status == "success"
    assert parsed.messege == "model list"
    assert parsed.data == ["Xb7Kq2LmNp9RsTv4WyZa", "h3Jd8FgK1LpQ6RsVt0Wx"]
    assert parsed.additional_properties == {}


@pytest.mark.parametrize(
    ("operation", "base_url"),
    [(get_trained_model_list, V3_URL), (get_public_model_list, V4_DREAMBOOTH_URL)],
    ids=["finetune_list", "model_list"],
)
def test_invalid_key_is_a_typed_error(payload, serve, operation, base_url) -> None:
    served = serve(payload("modelslab", "error_invalid_key.json"), status=401)
    with Client(base_url=base_url, httpx_args={"transport": served.transport}) as client:
        response = operation.sync_detailed(client=client, body=ApiKeyRequest(key=API_KEY))

    assert response.status_code == 401
    assert isinstance(response.parsed, Error)
    assert (response.parsed.status, response.parsed.message, response.parsed.code) == ("error", "Invalid Api Key", 401)


def test_error_with_status_200_parses_as_a_list_response(payload, serve) -> None:
    """ModelsLab can answer 200 with an error body: the typed response then says status="error".

    The spelling differs (``message`` here, ``messege`` on success), so the text lands in
    additional_properties. A caller has to look at ``status``, not at the HTTP code.
    """
    served = serve(payload("modelslab", "error_invalid_key.json"))
    with Client(base_url=V3_URL, httpx_args={"transport": served.transport}) as client:
        parsed = get_trained_model_list.sync(client=client, body=ApiKeyRequest(key=API_KEY))

    assert isinstance(parsed, TrainedModelListResponse)
    assert parsed.status == "error"
    assert isinstance(parsed.messege, Unset)
    assert isinstance(parsed.data, Unset)
    assert parsed.additional_properties == {"message": "Invalid Api Key", "code": 401}


def test_error_with_status_200_breaks_the_public_list_parser(payload, serve) -> None:
    """The 200 schema of /model_list is an array: an error object there cannot be parsed.

    The generated code iterates the object's keys and fails; whoever calls it must check the
    body's shape first (the wrapper does). If the generator starts coping, this test says so.
    """
    served = serve(payload("modelslab", "error_invalid_key.json"))
    with (
        Client(base_url=V4_DREAMBOOTH_URL, httpx_args={"transport": served.transport}) as client,
        pytest.raises((TypeError, ValueError, AttributeError)),
    ):
        get_public_model_list.sync_detailed(client=client, body=ApiKeyRequest(key=API_KEY))


async def test_async_both_operations(payload, serve) -> None:
    public = serve(payload("modelslab", "model_list.json"))
    trained = serve(payload("modelslab", "finetune_list.json"))
    async with (
        Client(base_url=V4_DREAMBOOTH_URL, httpx_args={"transport": public.transport}) as v4,
        Client(base_url=V3_URL, httpx_args={"transport": trained.transport}) as v3,
    ):
        models = await get_public_model_list.asyncio_detailed(client=v4, body=ApiKeyRequest(key=API_KEY))
        ids = await get_trained_model_list.asyncio_detailed(client=v3, body=ApiKeyRequest(key=API_KEY))

    assert [m.model_id for m in models.parsed] == ["midjourney", "anything-v3", "sdxl-lightning-4step"]
    assert ids.parsed.data == ["Xb7Kq2LmNp9RsTv4WyZa", "h3Jd8FgK1LpQ6RsVt0Wx"]
    assert public.request.url.path == "/api/v4/dreambooth/model_list"
    assert trained.request.url.path == "/api/v3/finetune_list"
    _assert_key_in_body_only(public.request)
    _assert_key_in_body_only(trained.request)
