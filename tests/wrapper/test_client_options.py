"""The client surface users of the official SDKs know: typed keyword arguments, ``timeout=`` and ``max_retries=``.

The shortcuts are checked as settings (what ``HTTPSettings`` they make, which
combinations with ``http=`` are refused) and end to end against the loopback server,
sync and async, counting the requests it received.
"""

from __future__ import annotations

import inspect
import math
import pydoc
import typing
from typing import Any

import httpx
import pytest
from modelcatalog import (
    APITimeoutError,
    AsyncClient,
    Client,
    ClientOptions,
    ConfigurationError,
    HTTPSettings,
    RetryPolicy,
    ServerError,
)
from modelcatalog.catalog import Query, list_catalog
from support import payloads
from support.clients import CREDENTIALS, fast_http
from support.fault_server import Delay, FaultServer, Respond
from support.providers import openwebui

SCENARIO = CREDENTIALS["scenario"]
#: fast retries, but httpx's default timeouts: the ``timeout=`` shortcut may set them
QUICK_RETRIES = HTTPSettings(retry=RetryPolicy(backoff_initial=0.001, backoff_max=0.005))


# -- the signature ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", [Client, AsyncClient])
def test_every_option_is_a_typed_keyword_argument(kind: type[Client | AsyncClient]) -> None:
    provider, *options = inspect.signature(kind).parameters.values()
    assert provider.name == "provider"
    assert all(option.kind is inspect.Parameter.KEYWORD_ONLY for option in options)
    hints = typing.get_type_hints(kind.__init__)
    assert all(option.name in hints for option in options)
    # the catalog's client_options take exactly these, with the same types, but the name: each
    # source's is its key there (a provider's or an instance's name)
    named = {option.name: hints[option.name] for option in options if option.name != "name"}
    assert typing.get_type_hints(ClientOptions) == named


def test_help_shows_each_option_with_its_type() -> None:
    text = pydoc.render_doc(Client, renderer=pydoc.plaintext)
    assert "**options" not in text
    for shown in (
        "base_url: 'str | None' = None",
        "api_key: 'str | Secret | None' = None",
        "http: 'HTTPSettings | None' = None",
        "timeout: 'float | httpx.Timeout | None' = None",
        "max_retries: 'int | None' = None",
        "on_event: 'EventHandler | None' = None",
    ):
        assert shown in text


# -- what the shortcuts set ------------------------------------------------------------------------------
def test_max_retries_counts_retries_not_attempts() -> None:
    with Client("scenario", max_retries=2, **SCENARIO) as client:
        assert client.http_settings.retry.max_attempts == 3
    with Client("scenario", max_retries=0, **SCENARIO) as client:
        assert client.http_settings.retry.max_attempts == 1


def test_a_number_of_seconds_bounds_each_attempt_and_each_socket_operation() -> None:
    with Client("scenario", timeout=20, **SCENARIO) as client:
        assert client.http_settings.timeout == httpx.Timeout(20.0)
        assert client.http_settings.attempt_deadline == 20.0


def test_an_httpx_timeout_sets_the_socket_operations_only() -> None:
    timeout = httpx.Timeout(5.0, connect=1.0)
    with Client("scenario", timeout=timeout, **SCENARIO) as client:
        assert client.http_settings.timeout == timeout
        assert client.http_settings.attempt_deadline == HTTPSettings().attempt_deadline


def test_shortcuts_combine_with_the_rest_of_http() -> None:
    http = HTTPSettings(max_body_size=1024, retry=RetryPolicy(backoff_initial=0.25), attempt_deadline=20)
    with Client("scenario", http=http, max_retries=1, timeout=20, **SCENARIO) as client:
        settings = client.http_settings
    assert (settings.max_body_size, settings.retry.backoff_initial) == (1024, 0.25)  # kept
    assert (settings.retry.max_attempts, settings.attempt_deadline) == (2, 20.0)
    # a value set in http that agrees with the shortcut is no contradiction
    agreeing = HTTPSettings(retry=RetryPolicy(max_attempts=3), timeout=httpx.Timeout(7.0))
    with Client("scenario", http=agreeing, max_retries=2, timeout=7, **SCENARIO) as client:
        assert client.http_settings.retry.max_attempts == 3


@pytest.mark.parametrize(
    ("http", "shortcut", "says"),
    [
        (
            HTTPSettings(retry=RetryPolicy(max_attempts=5)),
            {"max_retries": 2},
            "max_retries=2 contradicts http=HTTPSettings(retry.max_attempts=5)",
        ),
        (
            HTTPSettings(attempt_deadline=9),
            {"timeout": 5},
            "timeout=5 contradicts http=HTTPSettings(attempt_deadline=9)",
        ),
        (HTTPSettings(timeout=httpx.Timeout(3.0)), {"timeout": 5}, "timeout=5 contradicts http=HTTPSettings(timeout="),
        (
            HTTPSettings(timeout=httpx.Timeout(3.0)),
            {"timeout": httpx.Timeout(4.0)},
            "timeout=Timeout(timeout=4.0) contradicts",
        ),
    ],
)
@pytest.mark.parametrize("kind", [Client, AsyncClient])
def test_a_shortcut_that_contradicts_http_is_refused(
    kind: type[Client | AsyncClient], http: HTTPSettings, shortcut: dict[str, Any], says: str
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        kind("scenario", http=http, **shortcut, **SCENARIO)
    assert str(caught.value).startswith("scenario: ")
    assert says in str(caught.value)
    assert "set one of them, not both" in str(caught.value)


@pytest.mark.parametrize(
    ("shortcut", "says"),
    [
        ({"max_retries": -1}, "max_retries must be a whole number, 0 or more; got -1"),
        ({"max_retries": True}, "got True"),
        ({"max_retries": 1.5}, "got 1.5"),
        ({"max_retries": "2"}, "got '2'"),
        ({"timeout": 0}, "timeout must be a positive, finite number of seconds or an httpx.Timeout; got 0"),
        ({"timeout": -1.0}, "got -1.0"),
        ({"timeout": math.nan}, "got nan"),
        ({"timeout": math.inf}, "got inf"),
        ({"timeout": True}, "got True"),
        ({"timeout": "5"}, "got '5'"),
    ],
)
def test_bad_shortcut_values_are_refused(shortcut: dict[str, Any], says: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        Client("scenario", **shortcut, **SCENARIO)
    assert str(caught.value).startswith("scenario: ")
    assert says in str(caught.value)


# -- end to end ------------------------------------------------------------------------------------------
async def listing(mode: str, server: FaultServer, **options: Any) -> list[Any]:
    """openwebui's models, listed sync or async through a client made with ``options``."""
    arguments: dict[str, Any] = {"base_url": server.url, **CREDENTIALS["openwebui"], **options}
    if mode == "sync":
        with Client("openwebui", **arguments) as client:
            return list(client.list_models())
    async with AsyncClient("openwebui", **arguments) as async_client:
        return [model async for model in async_client.list_models()]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("max_retries", [0, 1, 3])
async def test_max_retries_is_the_number_of_retries_sent(server: FaultServer, mode: str, max_retries: int) -> None:
    server.inject("openwebui", Respond(503, '{"detail": "down"}'), times=None)
    with pytest.raises(ServerError) as caught:
        await listing(mode, server, http=fast_http(), max_retries=max_retries)
    assert caught.value.attempts == max_retries + 1
    assert len(server.requests_to("openwebui")) == max_retries + 1
    assert f"after {max_retries + 1} attempt" in str(caught.value)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_timeout_bounds_each_attempt(server: FaultServer, mode: str) -> None:
    server.inject("openwebui", Delay(2.0), times=None)
    with pytest.raises(APITimeoutError) as caught:
        await listing(mode, server, http=QUICK_RETRIES, timeout=0.2, max_retries=1)
    assert caught.value.attempts == 2
    assert len(server.requests_to("openwebui")) == 2
    assert "timed out after 2 attempts" in str(caught.value)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_the_shortcuts_leave_a_good_listing_alone(server: FaultServer, mode: str) -> None:
    server.models["openwebui"] = payloads.many(openwebui.model, 3)
    models = await listing(mode, server, timeout=5, max_retries=0)
    assert len(models) == 3


def test_the_catalog_passes_client_options_through(server: FaultServer) -> None:
    server.inject("openwebui", Respond(503, "{}"), times=None)
    options: dict[str, ClientOptions] = {
        "openwebui": {"base_url": server.url, "http": fast_http(), "max_retries": 1, **CREDENTIALS["openwebui"]}
    }
    result = list_catalog(Query(providers=["openwebui"]), client_options=options)
    [failure] = result.failures
    assert isinstance(failure.error, ServerError)
    assert failure.error.attempts == 2
    assert len(server.requests_to("openwebui")) == 2
