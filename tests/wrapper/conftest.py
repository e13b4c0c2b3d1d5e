"""Fixtures for the hand-written layer: a loopback fault server and clients aimed at it."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog import AsyncClient, Client
from support.clients import CREDENTIALS, PROVIDER_ENV, SERVER_CREDENTIALS, fast_http
from support.fault_server import FaultServer

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable, Iterator


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
