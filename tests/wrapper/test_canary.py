"""No credential ever appears in an exception, a repr, a log line, a warning or CLI output.

Every credential is a canary. The loopback server echoes whatever credential it
received back into its error bodies, as careless servers do; every error path is
driven sync and async, and everything a user could see is searched for the canary,
plain and in the forms it travels in (Basic auth base64, URL-encoded). Each test also
checks that the server really received the canary, so a test that never sent it
cannot pass by accident.
"""

from __future__ import annotations

import base64
import logging
import os
import socket
import subprocess
import sys
import warnings
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx
import pytest
from modelcatalog import AsyncClient, Client, HTTPSettings, ModelCatalogError, RetryPolicy
from modelcatalog.providers import PROVIDERS as SPECS
from support import payloads, providers
from support.clients import PROVIDER_ENV, environment
from support.fault_server import Delay, FaultServer, Respond, Truncate
from support.hostile import everything_about
from support.providers import scenario

if TYPE_CHECKING:
    from collections.abc import Iterator

CANARY = "CANARY-7f3a9c"
KEY = f"{CANARY}-key"
SECRET = f"{CANARY}-secret"
_CANARIES = {"api_key": KEY, "api_secret": SECRET}
CREDENTIALS = {name: {spec.argument: _CANARIES[spec.argument] for spec in SPECS[name].credentials} for name in SPECS}
ENV_NAMES = {name: environment(name, CREDENTIALS[name]) for name in SPECS}
#: the route a fault is injected on: the provider's first list
ROUTE = {name: data.ROUTES[0].name for name, data in providers.every()}
FORMS = (
    CANARY,
    base64.b64encode(f"{KEY}:{SECRET}".encode()).decode(),
    base64.b64encode(KEY.encode()).decode()[:12],
    quote(KEY, safe=""),
    CANARY.lower(),
    CANARY[:8],  # a credential cut short (an excerpt cut before it was scrubbed)
)
ECHO = '{"detail": "invalid credential {credential}", "message": "key {credential} rejected"}'
FAULTS: dict[str, Any] = {
    "401-echo": Respond(401, ECHO),
    "403-echo": Respond(403, ECHO),
    "404-echo": Respond(404, ECHO),
    "422-echo": Respond(422, '{"detail": [{"loc": ["body", "key"], "msg": "bad", "input": "{credential}"}]}'),
    "429-echo": Respond(429, ECHO, headers={"Retry-After": "0"}),
    "503-echo": Respond(503, ECHO),
    "html-502-echo": Respond(502, "<html><body>proxy error for {credential}</body></html>", content_type="text/html"),
    "html-200-echo": Respond(200, "<!doctype html><p>{credential}</p>", content_type="text/html"),
    "truncated-echo": Respond(200, '{"data": [{"id": "{credential}"'),
    "not-json-echo": Respond(200, "token={credential}", content_type="text/plain"),
    "schema-echo": Respond(200, '{"models": "{credential}", "data": "{credential}", "items": "{credential}"}'),
    "modelslab-status-echo": Respond(200, '{"status": "error", "message": "Request failed for {credential}"}'),
    "modelslab-key-echo": Respond(200, '{"status": "error", "message": "Invalid API key {credential}"}'),
    "truncated": Truncate(keep=15),
    "timeout": Delay(1.0),
    # the header as it arrived: Scenario's "Basic <base64 of key:secret>", the others' "Bearer <token>"
    "401-authorization-echo": Respond(401, '{"detail": "rejected Authorization: {authorization}"}'),
    # past the 300 characters of the excerpt's cut, so that a cut before the scrub would leave a prefix
    "401-late-echo": Respond(401, '{"detail": "' + "x" * 275 + ' {credential} rejected"}'),
    "500-late-echo": Respond(500, '{"detail": "' + "x" * 280 + ' {authorization}"}'),
    # the server's request id, read into every response error and its message
    "request-id-echo": Respond(403, "{}", headers={"x-request-id": "{credential}"}),
    "request-id-authorization-echo": Respond(404, "{}", headers={"request-id": "{authorization}"}),
    "request-id-late-echo": Respond(
        200, "<html>", content_type="text/html", headers={"x-request-id": "x" * 120 + "{credential}"}
    ),
}


def assert_clean(text: str) -> None:
    for form in FORMS:
        assert form not in text, f"credential leaked ({form!r}): {text[:500]!r}"


def test_the_search_finds_a_leak() -> None:
    with pytest.raises(AssertionError, match="credential leaked"):
        assert_clean(f"Authorization: Basic {FORMS[1]}")
    with pytest.raises(AssertionError, match="credential leaked"):
        assert_clean(f"key={quote(KEY, safe='')}")


@pytest.fixture
def canary_server() -> Iterator[FaultServer]:
    """A server expecting the canary credentials, so a request without them would be refused."""
    expected = {name: providers.server_credential(name, CREDENTIALS[name]) for name in SPECS}
    with FaultServer(credentials=expected) as running:
        yield running


def http_settings() -> HTTPSettings:
    return HTTPSettings(
        retry=RetryPolicy(max_attempts=2, backoff_initial=0.001, backoff_max=0.002), timeout=httpx.Timeout(0.2)
    )


async def list_with(mode: str, provider: str, base_url: str) -> None:
    options: dict[str, Any] = {"base_url": base_url, "http": http_settings(), **CREDENTIALS[provider]}
    if mode == "sync":
        with Client(provider, **options) as client:
            assert_clean(repr(client))
            list(client.list_models())
    else:
        async with AsyncClient(provider, **options) as client:
            assert_clean(repr(client))
            [item async for item in client.list_models()]


def cases(providers: list[str], faults: list[str]) -> list[tuple[str, str]]:
    """Every (provider, fault) pair, ModelsLab's own answers for ModelsLab only."""
    return [(p, f) for p in providers for f in faults if p == "modelslab" or not f.startswith("modelslab")]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("provider", "fault"), cases(list(CREDENTIALS), list(FAULTS)))
async def test_no_error_path_leaks_a_credential(
    canary_server: FaultServer, caplog: pytest.LogCaptureFixture, mode: str, fault: str, provider: str
) -> None:
    canary_server.models["scenario"] = payloads.many(scenario.model, 2)
    canary_server.inject(ROUTE[provider], FAULTS[fault], times=None)
    caplog.set_level(logging.DEBUG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        listing = list_with(mode, provider, canary_server.url)
        with pytest.raises(ModelCatalogError) as error:
            await listing
    assert_clean(everything_about(error.value))
    assert_clean("\n".join(f"{r.name} {r.getMessage()} {r.args!r}" for r in caplog.records))
    assert_clean("\n".join(str(w.message) for w in caught))
    received = canary_server.received_bytes()
    assert CANARY.encode() in received or FORMS[1].encode() in received  # it was really sent


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_wrong_credentials_and_connection_errors(
    canary_server: FaultServer, caplog: pytest.LogCaptureFixture, mode: str
) -> None:
    canary_server.credentials.update(dict.fromkeys(SPECS, "a:b"))  # none of them the canary
    caplog.set_level(logging.DEBUG)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    for provider in CREDENTIALS:
        for base_url in (canary_server.url, closed):
            listing = list_with(mode, provider, base_url)
            with pytest.raises(ModelCatalogError) as error:
                await listing
            assert_clean(everything_about(error.value))
    assert_clean("\n".join(f"{r.name} {r.getMessage()} {r.args!r}" for r in caplog.records))
    assert KEY.encode() in canary_server.received_bytes()


def run_cli(*args: str, provider: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in PROVIDER_ENV}
    env.update(ENV_NAMES[provider])
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "modelcatalog", *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


CLI_FAULTS = [
    "401-echo",
    "401-authorization-echo",
    "401-late-echo",
    "422-echo",
    "html-200-echo",
    "truncated-echo",
    "schema-echo",
    "modelslab-key-echo",
]


@pytest.mark.parametrize(("provider", "fault"), cases(["scenario", "modelslab"], CLI_FAULTS))
def test_the_command_never_prints_a_credential(canary_server: FaultServer, fault: str, provider: str) -> None:
    canary_server.inject(ROUTE[provider], FAULTS[fault], times=None)
    # --debug prints the most: the error line, the traceback, and httpx's debug log
    result = run_cli("--debug", "list", "-p", provider, "--base-url", canary_server.url, provider=provider)
    assert result.returncode in (1, 3)
    assert result.stderr
    assert_clean(result.stdout + result.stderr)
    assert CANARY.encode() in canary_server.received_bytes() or FORMS[1].encode() in canary_server.received_bytes()


def test_a_successful_listing_prints_no_credential(canary_server: FaultServer) -> None:
    canary_server.models["modelslab-trained"] = ["m1"]
    result = run_cli("--debug", "list", "-p", "modelslab", "--base-url", canary_server.url, provider="modelslab")
    assert result.returncode == 0, result.stderr
    assert '"id":"m1"' in result.stdout
    assert_clean(result.stdout + result.stderr)
    assert KEY.encode() in canary_server.received_bytes()
