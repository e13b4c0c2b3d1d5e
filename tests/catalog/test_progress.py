"""``on_progress``: records, pages, and a wait before a retry, over real HTTP to the loopback fault server."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from modelcatalog import AsyncClient
from modelcatalog.catalog import ProviderProgress, Query, alist_catalog, list_catalog
from support import payloads
from support.clients import CREDENTIALS, SERVER_CREDENTIALS, fast_http
from support.fault_server import FaultServer, Respond
from support.providers import openwebui

if TYPE_CHECKING:
    from collections.abc import Iterator

RATE_LIMITED = Respond(429, '{"detail": "slow down"}', headers={"Retry-After": "1"})


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer(credentials=SERVER_CREDENTIALS) as running:
        running.models["openwebui"] = payloads.many(openwebui.model, 65)  # three pages of 30
        running.inject("openwebui", RATE_LIMITED, where={"page": "2"})
        yield running


def options(server: FaultServer) -> dict[str, object]:
    return {"base_url": server.url, "http": fast_http(retry_after_cap=5.0), **CREDENTIALS["openwebui"]}


def check(states: list[ProviderProgress]) -> None:
    """Pages counted, and the wait the server asked for reported while it lasted."""
    waits = [state.waiting for state in states if state.waiting is not None]
    assert waits, states
    wait = waits[0]
    assert wait.retry_after
    assert wait.seconds == 1.0
    assert (wait.attempt, wait.max_attempts) == (2, 4)
    assert wait.reason == "status 429"
    assert states[-1].records == 65
    assert states[-1].pages == 3
    assert [state.pages for state in states] == sorted(state.pages for state in states)


def test_progress_reports_pages_and_the_retry_after_wait(server: FaultServer) -> None:
    states: list[ProviderProgress] = []
    result = list_catalog(
        Query(providers=["openwebui"]), client_options={"openwebui": options(server)}, on_progress=states.append
    )
    assert result.ok, result.failures
    check(states)


async def test_the_async_twin_reports_them_too_for_a_ready_client(server: FaultServer) -> None:
    states: list[ProviderProgress] = []
    async with AsyncClient("openwebui", **options(server)) as client:  # type: ignore[arg-type]
        result = await alist_catalog(Query(), [client], on_progress=states.append)
    assert result.ok, result.failures
    check(states)
