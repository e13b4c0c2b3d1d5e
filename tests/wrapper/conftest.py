"""Fixtures for the hand-written layer: a loopback fault server and clients aimed at it."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from modelcatalog import AsyncClient, Client, HTTPSettings, RetryPolicy
from support.fault_server import FaultServer

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable, Iterator

#: the credentials each provider's client sends, and the server expects
CREDENTIALS: dict[str, dict[str, str]] = {
    "scenario": {"api_key": "sc-key-0001", "api_secret": "sc-secret-0001"},
    "truefoundry": {"api_key": "tfy-token-0001"},
    "openwebui": {"api_key": "sk-owui-0001"},
    "modelslab": {"api_key": "ml-key-0001"},
}
SERVER_CREDENTIALS = {
    "scenario": "sc-key-0001:sc-secret-0001",
    "truefoundry": "tfy-token-0001",
    "openwebui": "sk-owui-0001",
    "modelslab": "ml-key-0001",
}
#: every variable a provider reads: cleared so a developer's real environment never leaks in
PROVIDER_ENV = (
    "SCENARIO_SDK_API_KEY",
    "SCENARIO_SDK_API_SECRET",
    "SCENARIO_BASE_URL",
    "TFY_API_KEY",
    "TFY_HOST",
    "OPENWEBUI_API_KEY",
    "OPENWEBUI_BASE_URL",
    "MODELSLAB_API_KEY",
    "MODELSLAB_BASE_URL",
)


def fast_http(**retry: Any) -> HTTPSettings:
    """Tiny backoffs and a short timeout: retries are exercised without slowing the suite."""
    options: dict[str, Any] = {"backoff_initial": 0.001, "backoff_max": 0.005, "retry_after_cap": 1.0}
    options.update(retry)
    return HTTPSettings(retry=RetryPolicy(**options), timeout=httpx.Timeout(2.0))


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROVIDER_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    """A started fault server that checks every provider's credentials."""
    with FaultServer(credentials=SERVER_CREDENTIALS) as running:
        yield running


@pytest.fixture
def make_client(server: FaultServer) -> Iterator[Callable[..., Client]]:
    """``make_client("scenario", **options)``: a Client aimed at the server, closed after the test."""
    with contextlib.ExitStack() as stack:

        def make(provider: str, **options: Any) -> Client:
            arguments: dict[str, Any] = {"base_url": server.url, "http": fast_http(), **CREDENTIALS[provider]}
            arguments.update(options)
            return stack.enter_context(Client(provider, **arguments))

        yield make


@pytest.fixture
async def make_async_client(server: FaultServer) -> AsyncIterator[Callable[..., AsyncClient]]:
    """The async twin of ``make_client``."""
    async with contextlib.AsyncExitStack() as stack:

        async def make(provider: str, **options: Any) -> AsyncClient:
            arguments: dict[str, Any] = {"base_url": server.url, "http": fast_http(), **CREDENTIALS[provider]}
            arguments.update(options)
            return await stack.enter_async_context(AsyncClient(provider, **arguments))

        yield make
