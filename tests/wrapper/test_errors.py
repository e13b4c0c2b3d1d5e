"""Every error class, from the loopback server and from in-process transports, sync and async.

Each error names its provider and operation, and carries what the server said:
``status_code``, a body excerpt, validation ``details``, the ``retry_after`` hint, the
``path`` of a schema mismatch, or the whole body of an unusable success response.
"""

from __future__ import annotations

import builtins
import importlib
import json
import socket
from typing import Any

import httpx
import modelcatalog
import pytest
from modelcatalog import (
    APIError,
    AsyncClient,
    AuthenticationError,
    BodyTooLargeError,
    Client,
    ConfigurationError,
    HTMLPageError,
    HTTPSettings,
    ModelCatalogError,
    NotFoundError,
    NotJSONError,
    PermissionDeniedError,
    ProviderReportedError,
    RateLimitError,
    RequestValidationError,
    ResponseError,
    RetryPolicy,
    SchemaMismatchError,
    ServerError,
    TimeoutError,  # noqa: A004
    TransportError,
)
from support import payloads, providers
from support.clients import CREDENTIALS
from support.fault_server import FaultServer, Respond, Truncate
from support.providers import scenario

#: route -> the operation it serves
OPERATION = {name: route.operation for name, route in providers.routes().items()}
HTML = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"


@pytest.fixture(params=["sync", "async"])
def failing(request: pytest.FixtureRequest, make_client: Any, make_async_client: Any) -> Any:
    """``await failing(provider, **list_options)`` -> the ModelCatalogError listing raised."""

    async def run(provider: str, client: dict[str, Any] | None = None, **options: Any) -> ModelCatalogError:
        if request.param == "sync":
            pager = make_client(provider, **(client or {})).list_models(**options)
            with pytest.raises(ModelCatalogError) as caught:
                list(pager)
            return caught.value
        async_pager = (await make_async_client(provider, **(client or {}))).list_models(**options)
        with pytest.raises(ModelCatalogError) as caught:
            [item async for item in async_pager]
        return caught.value

    return run


def assert_names(error: ModelCatalogError, route: str) -> None:
    provider = route.split("-", 1)[0]
    assert error.provider == provider
    assert error.operation == OPERATION[route]
    assert str(error).startswith(f"{provider} {OPERATION[route]}: ")
    assert repr(error).startswith(f"{type(error).__name__}('{provider} {OPERATION[route]}: ")


# -- error statuses ------------------------------------------------------------------------------------
STATUS_CASES = [
    ("scenario", 401, '{"error": "Unauthorized"}', AuthenticationError, "not authenticated (HTTP 401)"),
    ("truefoundry", 403, '{"detail": "Forbidden"}', PermissionDeniedError, "not allowed (HTTP 403)"),
    ("openwebui", 404, '{"detail": "Not Found"}', NotFoundError, "not found (HTTP 404) at http://127.0.0.1:"),
    ("truefoundry", 400, '{"detail": "bad"}', RequestValidationError, "request rejected (HTTP 400)"),
    ("scenario", 500, '{"error": "boom"}', ServerError, "server error (HTTP 500) after 4 attempts"),
    ("openwebui", 502, HTML, ServerError, "server error (HTTP 502) after 4 attempts: <!DOCTYPE html>"),
    ("modelslab-trained", 503, '{"message": "maintenance"}', ServerError, "(HTTP 503)"),
    ("modelslab-public", 401, '{"status": "error", "message": "Unauthorized"}', AuthenticationError, "HTTP 401"),
    ("truefoundry", 418, "teapot", APIError, "unexpected HTTP 418: teapot"),
    # LiteLLM's proxy without a database, to a key that is not its master key: its own words say so
    (
        "openai",
        400,
        '{"error": {"message": "No connected db.", "type": "no_db_connection", "param": null, "code": "400"}}',
        AuthenticationError,
        "credential refused (HTTP 400)",
    ),
    (
        "openai",
        400,
        '{"error": {"message": "Authentication Error, Invalid proxy server token.", "type": "x", "code": "400"}}',
        AuthenticationError,
        "credential refused (HTTP 400)",
    ),
    (
        "openai",
        400,
        '{"error": {"message": "bad request", "type": "invalid_request_error"}}',
        RequestValidationError,
        "request rejected (HTTP 400)",
    ),
    ("openai", 400, '["no_db_connection"]', RequestValidationError, "request rejected (HTTP 400)"),
    ("openai", 400, '{"error": {"type": ["no_db_connection"]}}', RequestValidationError, "request rejected (HTTP 400)"),
]


@pytest.mark.parametrize("case", STATUS_CASES, ids=[f"{c[0]}-{c[1]}-{n}" for n, c in enumerate(STATUS_CASES)])
async def test_error_statuses_raise_their_class(server: FaultServer, failing: Any, case: tuple[Any, ...]) -> None:
    route, status, body, kind, says = case
    server.inject(route, Respond(status, body), times=None)
    operation = {"operation": OPERATION[route]} if route.startswith("modelslab") else {}
    error = await failing(route.split("-", 1)[0], **operation)
    assert type(error) is kind
    assert isinstance(error, APIError)
    assert error.status_code == status
    assert says in str(error)
    assert error.body_excerpt == " ".join(body.split())
    assert_names(error, route)


async def test_validation_errors_carry_the_server_details(server: FaultServer, failing: Any) -> None:
    detail = [{"loc": ["query", "limit"], "msg": "Input should be less than or equal to 1000", "type": "less_than"}]
    server.inject("truefoundry", Respond(422, json.dumps({"detail": detail})))
    error = await failing("truefoundry")
    assert isinstance(error, RequestValidationError)
    assert error.status_code == 422
    assert error.details == detail
    assert_names(error, "truefoundry")


async def test_the_server_s_own_422_for_a_bad_page_size(server: FaultServer, failing: Any) -> None:
    server.inject("truefoundry", Respond(422, '{"detail": "limit must be at least 1"}'))
    error = await failing("truefoundry")
    assert isinstance(error, RequestValidationError)
    assert error.details == "limit must be at least 1"


async def test_rate_limit_carries_the_hint(server: FaultServer, failing: Any) -> None:
    server.inject("openwebui", Respond(429, "{}", headers={"retry-after-ms": "90000"}), times=None)
    error = await failing("openwebui")
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 90.0
    assert error.status_code == 429
    assert error.attempts == 1  # a hint over the cap is not waited out
    assert "rate limited (HTTP 429) after 1 attempt; the server asks to wait 90s" in str(error)
    assert_names(error, "openwebui")


# -- unusable success responses ---------------------------------------------------------------------------
async def test_an_html_page_with_200(server: FaultServer, failing: Any) -> None:
    server.inject("openwebui", Respond(200, HTML, content_type="text/html; charset=utf-8"))
    error = await failing("openwebui")
    assert isinstance(error, HTMLPageError)
    assert error.status_code == 200
    assert error.body == HTML.encode()
    assert "/api/v1/models/list" in str(error)
    assert_names(error, "openwebui")


async def test_an_html_page_labelled_json_is_still_html(server: FaultServer, failing: Any) -> None:
    server.inject("truefoundry", Respond(200, "\n  <html><body>login</body></html>"))
    error = await failing("truefoundry")
    assert isinstance(error, HTMLPageError)


def test_the_documented_open_webui_path_serves_html(server: FaultServer) -> None:
    response = httpx.get(server.origin + "/api/models/list")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")


async def test_truncated_json(server: FaultServer, failing: Any) -> None:
    server.models["scenario"] = payloads.many(scenario.model, 2)
    server.inject("scenario", Truncate(keep=40))
    error = await failing("scenario")
    assert isinstance(error, NotJSONError)
    assert len(error.body) == 40
    assert error.body.startswith(b'{"models": [{"id": "model_000000')
    assert "not valid JSON" in str(error)
    assert_names(error, "scenario")


@pytest.mark.parametrize(
    ("route", "body", "path"),
    [
        ("truefoundry", {"data": [{"id": 1}], "pagination": {"total": 1}}, "$.data[0].id"),
        ("truefoundry", {"data": []}, "$"),
        ("scenario", {"models": [scenario.model(0, createdAt="yesterday")]}, "$.models[0].createdAt"),
        ("openwebui", {"items": "none", "total": 0}, "$.items"),
        ("modelslab-public", {"model_id": "not-a-list"}, "$"),
    ],
)
async def test_json_that_does_not_match_the_spec(
    server: FaultServer, failing: Any, route: str, body: object, path: str
) -> None:
    raw = json.dumps(body)
    server.inject(route, Respond(200, raw))
    operation = {"operation": OPERATION[route]} if route.startswith("modelslab") else {}
    error = await failing(route.split("-", 1)[0], strict=True, **operation)  # a bad record raises only when strict
    assert isinstance(error, SchemaMismatchError)
    assert error.path == path
    assert error.body == raw.encode()
    assert error.status_code == 200
    assert_names(error, route)


@pytest.mark.parametrize("route", ["modelslab-trained", "modelslab-public"])
async def test_modelslab_status_error_with_200(server: FaultServer, failing: Any, route: str) -> None:
    body = '{"status": "error", "message": "Server is busy, try again later"}'
    server.inject(route, Respond(200, body))
    error = await failing("modelslab", operation=OPERATION[route])
    assert isinstance(error, ProviderReportedError)
    assert isinstance(error, ResponseError)
    assert error.status_code == 200
    assert error.body == body.encode()
    assert "Server is busy" in str(error)
    assert_names(error, route)


async def test_modelslab_invalid_key_is_an_authentication_error(server: FaultServer, failing: Any) -> None:
    error = await failing("modelslab", client={"api_key": "wrong-key-1"})  # the server's own 200 error object
    assert isinstance(error, AuthenticationError)
    assert error.status_code == 200
    assert "Invalid API key" in str(error)
    assert_names(error, "modelslab-trained")


# -- transport failures -----------------------------------------------------------------------------------
async def test_connection_refused(failing: Any) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    error = await failing("truefoundry", client={"base_url": f"http://127.0.0.1:{port}"})
    assert type(error) is TransportError
    assert (
        f"request for the page at offset 0 to http://127.0.0.1:{port}/api/ml/v1/models failed after 4 attempts"
        in str(error)
    )
    assert error.attempts == 4
    assert_names(error, "truefoundry")


def raise_timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


async def async_raise_timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


def test_in_process_timeout_is_our_timeout_error() -> None:
    settings = HTTPSettings(
        transport=httpx.MockTransport(raise_timeout), retry=RetryPolicy(max_attempts=2, backoff_initial=0.001)
    )
    with (
        Client("scenario", base_url="https://api.example.test", http=settings, **CREDENTIALS["scenario"]) as client,
        pytest.raises(TimeoutError) as caught,
    ):
        list(client.list_models())
    assert isinstance(caught.value, TransportError)
    assert "request for the first page to https://api.example.test/v1/models timed out after 2 attempts" in str(
        caught.value
    )
    assert_names(caught.value, "scenario")


async def test_in_process_async_transport_errors() -> None:
    settings = HTTPSettings(async_transport=httpx.MockTransport(async_raise_timeout), retry=RetryPolicy(max_attempts=1))
    async with AsyncClient("openwebui", base_url="http://127.0.0.1:1", http=settings, api_key="sk-1") as client:
        with pytest.raises(TimeoutError):
            [item async for item in client.list_models()]


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (401, b"{}", AuthenticationError),
        (422, b'{"detail": []}', RequestValidationError),
        (200, b"\x89PNG\r\n", NotJSONError),
        (200, b'{"models": [{}]}', SchemaMismatchError),
    ],
)
def test_in_process_responses_map_the_same_way(status: int, body: bytes, kind: type) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"content-type": "application/json"})

    settings = HTTPSettings(transport=httpx.MockTransport(answer), retry=RetryPolicy(max_attempts=1))
    with (
        Client("scenario", base_url="https://api.example.test", http=settings, **CREDENTIALS["scenario"]) as client,
        pytest.raises(kind) as caught,
    ):
        list(client.list_models(strict=True))
    assert_names(caught.value, "scenario")


# -- configuration --------------------------------------------------------------------------------------
def test_configuration_errors_happen_before_any_request(server: FaultServer, make_client: Any) -> None:
    with pytest.raises(ConfigurationError, match="unknown provider 'nope'"):
        Client("nope")
    client = make_client("scenario")
    with pytest.raises(ConfigurationError, match="unknown Scenario filter") as caught:
        client.list_models(filters={"colour": "red"})
    assert caught.value.provider == "scenario"
    assert caught.value.operation == "GET /v1/models"
    with pytest.raises(ConfigurationError, match="no timezone"):
        client.list_models(filters={"created_after": "2024-01-01T00:00:00"})
    with pytest.raises(ConfigurationError, match="has no list operation"):
        make_client("modelslab").list_models(operation="GET /nope")
    assert len(server.requests) == 0


def test_every_class_is_exported_and_a_model_catalog_error() -> None:
    for name in modelcatalog.__all__:
        value = getattr(modelcatalog, name)
        if isinstance(value, type) and name.endswith("Error"):
            assert issubclass(value, ModelCatalogError), name


def test_pagination_error_is_deprecated_and_out_of_all() -> None:
    assert "PaginationError" not in modelcatalog.__all__
    with pytest.warns(DeprecationWarning, match="PaginationError is deprecated"):
        old = modelcatalog.PaginationError
    assert old is modelcatalog.IncompleteListingError


# -- the official SDKs' names ------------------------------------------------------------------------------
def test_api_timeout_error_is_the_public_name_and_timeout_error_still_imports() -> None:
    from modelcatalog import errors  # noqa: PLC0415 - the old import path

    assert modelcatalog.APITimeoutError is TimeoutError is errors.TimeoutError is errors.APITimeoutError
    assert issubclass(modelcatalog.APITimeoutError, TransportError)
    assert modelcatalog.APITimeoutError.__name__ == "APITimeoutError"


@pytest.mark.parametrize("module", ["modelcatalog", "modelcatalog.errors"])
def test_a_star_import_keeps_the_builtin_timeout_error(module: str) -> None:
    namespace: dict[str, Any] = {}
    exec(f"from {module} import *\nseen = TimeoutError", namespace)  # noqa: S102 - the import under test
    assert namespace["seen"] is builtins.TimeoutError
    assert "TimeoutError" not in namespace
    assert namespace["APITimeoutError"] is modelcatalog.APITimeoutError
    assert namespace["PermissionDeniedError"] is modelcatalog.PermissionDeniedError
    assert all(name in namespace for name in importlib.import_module(module).__all__)


def test_permission_denied_is_an_authentication_error() -> None:
    assert issubclass(modelcatalog.PermissionDeniedError, AuthenticationError)
    assert "PermissionDeniedError" in modelcatalog.__all__


def test_a_403_exits_3_like_any_authentication_failure(
    server: FaultServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from modelcatalog.cli import main  # noqa: PLC0415 - the command, in-process

    server.inject("truefoundry", Respond(403, '{"detail": "Forbidden"}', headers={"x-request-id": "req-403"}))
    monkeypatch.setenv("TFY_API_KEY", CREDENTIALS["truefoundry"]["api_key"])
    assert main(["list", "-p", "truefoundry", "--base-url", server.url, "--format", "ndjson"]) == 3
    err = capsys.readouterr().err
    assert "not allowed (HTTP 403)" in err
    assert "(request id req-403)" in err


# -- request ids ----------------------------------------------------------------------------------------
REQUEST_ID_CASES = [
    (Respond(403, "{}", headers={"x-request-id": "req_403"}), {}, PermissionDeniedError),
    (Respond(429, "{}", headers={"request-id": "req_403", "Retry-After": "0"}), {}, RateLimitError),
    (Respond(500, "{}", headers={"x-request-id": "req_403", "request-id": "other"}), {}, ServerError),
    (Respond(200, "<html>", content_type="text/html", headers={"x-request-id": "req_403"}), {}, HTMLPageError),
    (Respond(200, "token=1", content_type="text/plain", headers={"x-request-id": "req_403"}), {}, NotJSONError),
    (Respond(200, '{"items": 1}', headers={"x-request-id": "req_403"}), {}, SchemaMismatchError),
    (Respond(200, "x" * 4096, headers={"x-request-id": "req_403"}), {"max_body_size": 1024}, BodyTooLargeError),
    (Respond(200, "{}", headers={"x-request-id": "req_403", "Content-Encoding": "br"}), {}, NotJSONError),
]


@pytest.mark.parametrize(
    ("fault", "http", "kind"), REQUEST_ID_CASES, ids=[f"{c[2].__name__}-{c[0].status}" for c in REQUEST_ID_CASES]
)
async def test_every_response_error_carries_the_request_id(
    server: FaultServer, failing: Any, fault: Respond, http: dict[str, Any], kind: type[ModelCatalogError]
) -> None:
    server.inject("openwebui", fault, times=None)
    settings = HTTPSettings(retry=RetryPolicy(max_attempts=2, backoff_initial=0.001, retry_after_cap=1.0), **http)
    error = await failing("openwebui", client={"http": settings})
    assert type(error) is kind
    assert error.request_id == "req_403"  # x-request-id before request-id
    assert str(error).endswith(" (request id req_403)")
    assert repr(error).endswith(" (request id req_403)')")
    assert_names(error, "openwebui")


async def test_without_a_request_id_the_message_is_unchanged(server: FaultServer, failing: Any) -> None:
    server.inject("openwebui", Respond(404, '{"detail": "Not Found"}'))
    error = await failing("openwebui")
    assert error.request_id is None
    assert "request id" not in str(error)
    refused = await failing("truefoundry", client={"base_url": "http://127.0.0.1:1"})  # no response at all
    assert refused.request_id is None


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (b"  req_1  ", "req_1"),
        (b"r" * 200, "r" * 128 + "..."),
        (b"req\xe9\x01end", "req\ufffd\ufffdend"),  # not printable ASCII: replaced, never passed on
        (b"   ", None),
    ],
)
def test_request_ids_are_bounded_and_printable(raw: bytes, shown: str | None) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, content=b"{}", headers=[(b"x-request-id", raw)], request=request)

    settings = HTTPSettings(transport=httpx.MockTransport(answer), retry=RetryPolicy(max_attempts=1))
    with (
        Client("scenario", base_url="https://api.example.test", http=settings, **CREDENTIALS["scenario"]) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        list(client.list_models())
    assert caught.value.request_id == shown
    assert str(caught.value).endswith(f" (request id {shown})" if shown else "check the credentials; {}")
