"""Credentials in no form: whatever a server echoes, however it encodes it, nothing shows.

``observe`` searches every output (error text, repr, args, attributes, traceback, the
whole ``__cause__``/``__context__`` chain, DEBUG logs, warnings, events) for the
canary in every form; each test also checks the canary really went over the wire.
"""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx
import pytest
from modelcatalog import (
    APIError,
    AsyncClient,
    AuthenticationError,
    Client,
    ConfigurationError,
    HTTPSettings,
    NotJSONError,
    RequestValidationError,
    RetryPolicy,
    SchemaMismatchError,
    ServerError,
    TransportError,
)
from modelcatalog.errors import UnderlyingError
from support.hostile import (
    BASE_URL_ENV,
    CREDENTIALS,
    ENVIRONMENT,
    KEY,
    MODES,
    PROVIDERS,
    SECRET,
    assert_clean,
    everything_about,
    first,
    observe,
    page,
    sent_the_canary,
    wire_credential,
)
from support.raw_server import RawRequest, Wire, answer, json_answer

if TYPE_CHECKING:
    from collections.abc import Callable

    from support.raw_server import RawServer


def plain(request: RawRequest) -> str:
    """The credential as the user set it: ``key:secret`` for Basic, else the token or key."""
    value = wire_credential(request)
    scheme, _, token = value.partition(" ")
    if scheme == "Basic":
        return base64.b64decode(token).decode()
    return token if scheme == "Bearer" else value


def inside_base64(request: RawRequest) -> str:
    """The credential inside longer base64 texts, at each of the three byte alignments."""
    return " ".join(base64.b64encode(b"user="[:k] + plain(request).encode() + b";").decode() for k in range(3))


ECHOES: dict[str, Callable[[RawRequest], str]] = {
    "the Authorization value as received": wire_credential,
    "the credential itself": plain,
    "URL-encoded": lambda request: quote(plain(request), safe=""),
    "base64": lambda request: base64.b64encode(plain(request).encode()).decode(),
    "base64, URL-safe, no padding": lambda request: (
        base64.urlsafe_b64encode(plain(request).encode()).decode().strip("=")
    ),
    "inside longer base64 texts": inside_base64,
    "JSON-escaped, slashes too": lambda request: json.dumps(plain(request))[1:-1].replace("/", "\\/"),
    "lower-cased": lambda request: plain(request).lower(),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("form", list(ECHOES))
async def test_a_401_echoing_the_credential_in_any_form_shows_none_of_it(
    serve: Callable[..., RawServer], form: str, provider: str, mode: str
) -> None:
    def echo(request: RawRequest, wire: Wire) -> bool:
        wire.send(json_answer({"detail": f"bad credential {ECHOES[form](request)}"}, status=401))
        return True

    server = serve(echo)
    outcome = await observe(provider, mode, server.url)
    assert isinstance(outcome.error, AuthenticationError), outcome.error
    assert "bad credential " in str(outcome.error)
    assert "***" in str(outcome.error)
    assert sent_the_canary(server.requests)


def every_form(request: RawRequest) -> str:
    return " | ".join(echo(request) for echo in ECHOES.values())


ANSWERS: dict[str, tuple[Callable[[RawRequest], bytes], type[Exception]]] = {
    "422 with details": (
        lambda r: json_answer({"detail": [{"loc": ["query"], "msg": every_form(r), "input": plain(r)}]}, status=422),
        RequestValidationError,
    ),
    "500 (retried)": (lambda r: json_answer({"error": every_form(r)}, status=500), ServerError),
    "200, not JSON": (lambda r: answer(200, every_form(r), {"Content-Type": "text/plain"}), NotJSONError),
    "200, HTML page": (
        lambda r: answer(200, f"<html>{every_form(r)}</html>", {"Content-Type": "text/html"}),
        Exception,
    ),
    "200, JSON off the spec": (
        lambda r: json_answer({"models": every_form(r), "data": every_form(r), "items": every_form(r)}),
        SchemaMismatchError,
    ),
    "302 to a URL with the credential": (
        lambda r: answer(302, "", {"Location": f"https://u:{quote(plain(r), safe='')}@elsewhere.test/"}),
        APIError,
    ),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("kind", list(ANSWERS))
async def test_every_form_in_every_kind_of_answer_is_scrubbed(
    serve: Callable[..., RawServer], kind: str, provider: str, mode: str
) -> None:
    build, expected = ANSWERS[kind]

    def echo(request: RawRequest, wire: Wire) -> bool:
        wire.send(build(request))
        return True

    server = serve(echo)
    outcome = await observe(provider, mode, server.url)
    assert isinstance(outcome.error, expected), outcome.error
    assert sent_the_canary(server.requests)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_credential_cut_by_the_excerpt_is_scrubbed_before_the_cut(
    serve: Callable[..., RawServer], provider: str, mode: str
) -> None:
    """The excerpt shows 300 characters; the credential starts anywhere from 280 to 300."""
    for start in range(280, 301, 2):

        def echo(request: RawRequest, wire: Wire, start: int = start) -> bool:
            text = "x" * (start - len('{"detail": "')) + plain(request) + " rejected"
            wire.send(json_answer({"detail": text}, status=401))
            return True

        server = serve(echo)
        outcome = await observe(provider, mode, server.url)
        assert isinstance(outcome.error, AuthenticationError)
        assert str(outcome.error).endswith("...") or "***" in str(outcome.error)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_credential_echoed_in_response_headers_is_scrubbed_from_debug_logs(
    serve: Callable[..., RawServer], provider: str, mode: str
) -> None:
    def echo(request: RawRequest, wire: Wire) -> bool:
        headers = {"X-Received-Authorization": wire_credential(request), "X-Echo": every_form(request)}
        wire.send(json_answer(page(request.path), headers=headers))
        return True

    server = serve(echo)
    outcome = await observe(provider, mode, server.url)
    assert outcome.error is None
    # the log that shows response headers: the sync client's connection's, or httpcore's under the async client
    shown = "answer:" if mode == "sync" else "receive_response_headers.complete"
    assert any(shown in line and "X-Echo" in line for line in outcome.logs)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_credential_echoed_as_a_field_name_is_scrubbed_from_off_spec_events(
    serve: Callable[..., RawServer], provider: str, mode: str
) -> None:
    def echo(request: RawRequest, wire: Wire) -> bool:
        body = page(request.path)
        record = body if isinstance(body, dict) else body[0]
        for name, form in ECHOES.items():
            record[f"{name}: {form(request)}"] = 1
        wire.send(json_answer(body))
        return True

    server = serve(echo)
    outcome = await observe(provider, mode, server.url)
    assert outcome.error is None
    assert len(outcome.events) >= len(ECHOES)
    assert any("OffSpecWarning" in line for line in outcome.warnings)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_library_text_holding_a_credential_reaches_no_link_of_the_chain(provider: str, mode: str) -> None:
    """An HTTP library whose error quotes the request (as h11 quoted a bad header) is scrubbed, chain and all."""

    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot send {request.headers.get('authorization')} {request.content!r}")

    async def afail(request: httpx.Request) -> httpx.Response:
        return fail(request)

    http = HTTPSettings(
        transport=httpx.MockTransport(fail),
        async_transport=httpx.MockTransport(afail),
        retry=RetryPolicy(max_attempts=1),
    )
    outcome = await observe(provider, mode, "https://api.example.test", http=http)
    error = outcome.error
    assert type(error) is TransportError
    assert isinstance(error.__cause__, UnderlyingError)
    assert error.__cause__.type_name == "httpx.ConnectError"
    assert "cannot send" in str(error.__cause__)
    assert error.__cause__.__traceback__ is None  # library frames can hold the request: not kept
    assert isinstance(error.__context__, UnderlyingError)


CONTROL = {"a newline": "\n", "a carriage return": "\r", "a tab": "\t", "NUL": "\0", "DEL": "\x7f", "é": "é"}


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("character", list(CONTROL))
def test_a_credential_with_a_control_character_is_refused_by_name_not_value(
    monkeypatch: pytest.MonkeyPatch, provider: str, character: str
) -> None:
    bad = f"{KEY}{CONTROL[character]}{SECRET}"
    kind = "a non-ASCII character" if character == "é" else "a control character"
    for variable in ENVIRONMENT[provider] if character != "NUL" else ():  # no environment holds a NUL
        for name, value in ENVIRONMENT[provider].items():
            monkeypatch.setenv(name, bad if name == variable else value)
        with pytest.raises(ConfigurationError) as caught:
            Client(provider, base_url="http://127.0.0.1:9")
        assert f"{variable} holds {kind} at position {len(KEY)}" in str(caught.value)
        assert_clean(everything_about(caught.value))
    arguments = dict(CREDENTIALS[provider], api_key=bad)
    with pytest.raises(ConfigurationError, match=f"the api_key argument holds {kind}") as caught:
        Client(provider, base_url="http://127.0.0.1:9", **arguments)
    assert_clean(everything_about(caught.value))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_base_url_with_user_info_is_refused_with_the_password_masked(
    serve: Callable[..., RawServer], monkeypatch: pytest.MonkeyPatch, provider: str, mode: str
) -> None:
    server = serve(first(lambda _request, _wire: None, times=None))
    with_user_info = server.url.replace("://", f"://admin:{quote(SECRET, safe='')}@")
    outcome = await observe(provider, mode, with_user_info)
    error = outcome.error
    assert isinstance(error, ConfigurationError)
    assert "the base_url argument holds user info (http://***@127.0.0.1:" in str(error)
    for name, value in {**ENVIRONMENT[provider], BASE_URL_ENV[provider]: with_user_info}.items():
        monkeypatch.setenv(name, value)
    client: Any = Client if mode == "sync" else AsyncClient
    with pytest.raises(ConfigurationError, match=f"{BASE_URL_ENV[provider]} holds user info") as caught:
        client(provider)
    assert_clean(everything_about(caught.value))
    assert server.requests == []  # nothing was sent anywhere
