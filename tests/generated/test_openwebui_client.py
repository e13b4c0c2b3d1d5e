"""The generated Open WebUI client against the docs' example response, made realistic.

``tests/fixtures/payloads/openwebui/list_models.json`` is the "Example Response" of
docs.openwebui.com's List Models page, completed the way a 0.12.4 server answers: access
grants carry all their fields, the user carries a role, and ``meta`` holds keys the spec
does not list (``tags``, ``suggestion_prompts``). Timestamps are epoch seconds (integers
in the spec); turning them into datetimes is the wrapper's job, not the typed client's.
"""

from __future__ import annotations

from modelcatalog_generated.openwebui import AuthenticatedClient
from modelcatalog_generated.openwebui.api.models import list_models
from modelcatalog_generated.openwebui.models import (
    AccessGrantModel,
    HTTPValidationError,
    ModelAccessListResponse,
    ModelAccessResponse,
    ModelMeta,
    ModelMetaCapabilitiesType0,
    ModelParams,
    UsersUserResponse,
)
from modelcatalog_generated.openwebui.types import Unset

BASE_URL = "http://127.0.0.1:9"
API_KEY = "sk-0123456789abcdef0123456789abcdef"


def _page(served, **params) -> ModelAccessListResponse:
    with AuthenticatedClient(base_url=BASE_URL, token=API_KEY, httpx_args={"transport": served.transport}) as client:
        response = list_models.sync_detailed(client=client, **params)
    assert response.status_code == 200
    assert isinstance(response.parsed, ModelAccessListResponse)
    return response.parsed


def test_documented_example_parses_into_typed_models(payload, serve) -> None:
    page = _page(serve(payload("openwebui", "list_models.json")))

    assert page.total == 2
    assert [type(item) for item in page.items] == [ModelAccessResponse, ModelAccessResponse]
    model = page.items[0]
    assert (model.id, model.base_model_id, model.name) == ("gpt-4-custom", "gpt-4", "Custom GPT-4")
    assert model.is_active is True
    assert model.write_access is True
    # epoch seconds, as the spec says (integer), not reinterpreted
    assert model.created_at == 1704067200
    assert model.updated_at == 1704153600
    assert type(model.created_at) is int
    assert isinstance(model.version_id, Unset)


def test_meta_params_grants_and_user_are_typed(payload, serve) -> None:
    model = _page(serve(payload("openwebui", "list_models.json"))).items[0]

    assert isinstance(model.meta, ModelMeta)
    assert model.meta.profile_image_url == "/static/favicon.png"
    assert model.meta.description == "A customized GPT-4 model for specific tasks"
    assert isinstance(model.meta.capabilities, ModelMetaCapabilitiesType0)
    assert model.meta.capabilities.additional_properties == {"vision": True, "function_calling": True}
    # keys a newer server (or a plugin) puts in meta are kept, not dropped
    assert model.meta.additional_properties == {"tags": [{"name": "support"}], "suggestion_prompts": None}

    assert isinstance(model.params, ModelParams)
    assert isinstance(model.params.model_controls, Unset)
    assert model.params.additional_properties == {
        "temperature": 0.7,
        "max_tokens": 2000,
        "system": "You answer support questions.",
    }

    assert [type(grant) for grant in model.access_grants] == [AccessGrantModel]
    grant = model.access_grants[0]
    assert (grant.resource_type, grant.principal_type, grant.permission) == ("model", "group", "read")
    assert grant.created_at == 1704067300

    assert isinstance(model.user, UsersUserResponse)
    assert (model.user.name, model.user.role, model.user.email) == ("John Doe", "admin", "john@example.com")


def test_nulls_stay_none(payload, serve) -> None:
    model = _page(serve(payload("openwebui", "list_models.json"))).items[1]

    assert model.user is None
    assert model.access_grants == []
    assert model.meta.profile_image_url is None
    assert model.meta.description is None
    assert model.meta.capabilities is None
    assert model.params.additional_properties == {}
    assert model.write_access is False


def test_fields_added_after_the_spec_are_kept(payload, serve) -> None:
    body = payload("openwebui", "list_models.json")
    body["items"][0]["is_pinned"] = True
    body["items"][0]["user"]["profile_image_url"] = "/user.png"
    body["next_cursor"] = None
    page = _page(serve(body))

    assert page.additional_properties == {"next_cursor": None}
    assert page.items[0].additional_properties == {"is_pinned": True}
    assert page.items[0].user.additional_properties == {"profile_image_url": "/user.png"}


def test_request_path_auth_and_default_query(payload, serve) -> None:
    served = serve(payload("openwebui", "list_models.json"))
    _page(served)

    request = served.request
    assert request.method == "GET"
    # the server's own path, not the docs' /api/models/list (which returns the web UI's HTML)
    assert request.url.path == "/api/v1/models/list"
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"
    assert dict(request.url.params) == {"page": "1"}


def test_query_parameters(payload, serve) -> None:
    served = serve(payload("openwebui", "list_models.json"))
    _page(served, page=3, order_by="created_at", direction="asc", query="gpt", view_option="created", tag="support")

    assert dict(served.request.url.params) == {
        "page": "3",
        "order_by": "created_at",
        "direction": "asc",
        "query": "gpt",
        "view_option": "created",
        "tag": "support",
    }


def test_validation_error_is_typed(serve) -> None:
    body = {"detail": [{"loc": ["query", "page"], "msg": "Input should be a valid integer", "type": "int_parsing"}]}
    served = serve(body, status=422)
    with AuthenticatedClient(base_url=BASE_URL, token=API_KEY, httpx_args={"transport": served.transport}) as client:
        response = list_models.sync_detailed(client=client)

    assert isinstance(response.parsed, HTTPValidationError)
    assert response.parsed.detail[0].msg == "Input should be a valid integer"


async def test_async_listing_matches_sync(payload, serve) -> None:
    served = serve(payload("openwebui", "list_models.json"))
    async with AuthenticatedClient(base_url=BASE_URL, token=API_KEY, httpx_args={"transport": served.transport}) as c:
        response = await list_models.asyncio_detailed(client=c, page=2, order_by="updated_at")

    assert isinstance(response.parsed, ModelAccessListResponse)
    assert response.parsed.items[0].meta.capabilities.additional_properties["vision"] is True
    assert served.request.url.path == "/api/v1/models/list"
    assert dict(served.request.url.params) == {"page": "2", "order_by": "updated_at"}
    assert served.request.headers["Authorization"] == f"Bearer {API_KEY}"
