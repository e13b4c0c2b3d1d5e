"""The generated OpenAI client against OpenAI's documented example and what compatible servers send.

``tests/fixtures/payloads/openai/list_models.json`` is the response example of OpenAI's
``GET /models`` (its trailing comma removed); ``list_models_compatible.json`` holds records as
vLLM, Ollama, LiteLLM, OpenRouter and Open WebUI send them: fields of their own, and ``created``
or ``owned_by`` null or absent, which the overlay allows.
"""

from __future__ import annotations

from modelcatalog_generated.openai import AuthenticatedClient, Client
from modelcatalog_generated.openai.api.models import list_models
from modelcatalog_generated.openai.models import ListModelsResponse, Model
from modelcatalog_generated.openai.types import UNSET

BASE_URL = "http://127.0.0.1:9/v1"


def _listing(served, client_class=Client, **options) -> tuple[ListModelsResponse, object]:
    with client_class(base_url=BASE_URL, httpx_args={"transport": served.transport}, **options) as client:
        response = list_models.sync_detailed(client=client)
    assert response.status_code == 200
    assert isinstance(response.parsed, ListModelsResponse)
    return response.parsed, served


def test_documented_example_parses_into_typed_models(payload, serve) -> None:
    listing, _ = _listing(serve(payload("openai", "list_models.json")))
    assert [type(model) for model in listing.data] == [Model, Model, Model]
    assert [model.id for model in listing.data] == ["model-id-0", "model-id-1", "model-id-2"]
    assert [model.shutdown_date for model in listing.data] == [None, None, "2026-10-23"]
    assert {model.created for model in listing.data} == {1686935002}
    assert listing.object_ == "list"


def test_compatible_servers_records_parse_with_their_own_fields_kept(payload, serve) -> None:
    listing, _ = _listing(serve(payload("openai", "list_models_compatible.json")))
    by_id = {model.id: model for model in listing.data}
    assert by_id["sql-lora"].additional_properties["parent"] == "meta-llama/Llama-3.1-8B-Instruct"
    assert by_id["atlas-3b-000"].additional_properties["max_input_tokens"] == 8192
    assert by_id["meta-llama/llama-3.1-8b-instruct"].additional_properties["context_length"] == 131072
    assert by_id["meta-llama/llama-3.1-8b-instruct"].object_ is UNSET  # OpenRouter sends no `object`
    assert (by_id["local-model"].created, by_id["local-model"].owned_by) == (None, None)
    assert (by_id["bare-model"].created, by_id["bare-model"].owned_by) == (UNSET, UNSET)


def test_the_key_travels_as_bearer_and_no_key_sends_no_header(payload, serve) -> None:
    served = serve(payload("openai", "list_models.json"))
    _listing(served, AuthenticatedClient, token="sk-test-key")
    _listing(served)
    assert [request.headers.get("authorization") for request in served.requests] == ["Bearer sk-test-key", None]
