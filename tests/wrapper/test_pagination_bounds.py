"""A server's numbers are not trusted: absurd totals and page caps at the natural end."""

from __future__ import annotations

from typing import Any

import httpx
import modelcatalog
import pytest
from modelcatalog.events import PaginationEvent
from support.providers import openwebui, truefoundry


def _client(provider: str, body: dict[str, Any], events: list[Any]) -> modelcatalog.Client:
    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    settings = modelcatalog.HTTPSettings(transport=httpx.MockTransport(serve))
    return modelcatalog.Client(
        provider, base_url="http://127.0.0.1:9", api_key="key-1234", http=settings, on_event=events.append
    )


@pytest.mark.parametrize("total", [2**40, 10**400])
@pytest.mark.parametrize("concurrency", [1, 16])
def test_an_absurd_total_neither_crashes_nor_plans_every_page(total: int, concurrency: int) -> None:
    events: list[Any] = []
    body = {"data": [truefoundry.model(1)], "pagination": {"total": total, "offset": 0, "limit": 100}}
    with _client("truefoundry", body, events) as client:
        items = list(client.list_models(limit=3, concurrency=concurrency, max_pages=5))
    assert [item.id for item in items] == [items[0].id]  # the same model on every page: kept once
    assert any(isinstance(e, PaginationEvent) and e.kind == "duplicate_item" for e in events)


def test_a_page_number_total_beyond_float_range_is_planned_with_integers() -> None:
    events: list[Any] = []
    body = {"items": [openwebui.model(1)], "total": 10**400}
    with _client("openwebui", body, events) as client:
        items = list(client.list_models(max_pages=3))
    assert len(items) == 1
    # the same model again on page 2: the server is going round
    kinds = [e.kind for e in events if isinstance(e, PaginationEvent)]
    assert kinds == ["short_page", "short_page", "duplicate_item", "no_progress"]


def test_a_listing_that_ends_on_its_last_allowed_page_is_not_reported_as_capped() -> None:
    events: list[Any] = []
    body = {"items": [openwebui.model(1)], "total": 1}
    with _client("openwebui", body, events) as client:
        items = list(client.list_models(max_pages=1))
    assert len(items) == 1
    assert not any(isinstance(e, PaginationEvent) and e.kind == "page_limit_reached" for e in events)


@pytest.mark.parametrize("concurrency", [1, 16])
def test_a_server_that_caps_page_size_is_planned_around_without_loss(concurrency: int) -> None:
    models = [truefoundry.model(n) for n in range(250)]
    asked: list[tuple[int, int]] = []

    def serve(request: httpx.Request) -> httpx.Response:
        offset, limit = int(request.url.params["offset"]), int(request.url.params["limit"])
        asked.append((offset, limit))
        page = models[offset : offset + min(limit, 40)]  # the server never returns more than 40
        return httpx.Response(200, json={"data": page, "pagination": {"total": len(models), "offset": offset}})

    events: list[Any] = []
    settings = modelcatalog.HTTPSettings(transport=httpx.MockTransport(serve))
    with modelcatalog.Client(
        "truefoundry", base_url="http://127.0.0.1:9", api_key="key-1234", http=settings, on_event=events.append
    ) as client:
        items = list(client.list_models(page_size=100, concurrency=concurrency))
    assert [item.id for item in items] == [model["id"] for model in models]
    assert sorted(offset for offset, _ in asked) == list(range(0, 250, 40))
    assert not [e for e in events if isinstance(e, PaginationEvent)]


@pytest.mark.parametrize("concurrency", [1, 16])
def test_pages_larger_than_planned_end_at_the_first_empty_page_complete(concurrency: int) -> None:
    """An Open WebUI serving 50 a page, not 30: page 3 is empty, but every model of the total is already listed."""
    models = [openwebui.model(n) for n in range(100)]

    def serve(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        return httpx.Response(200, json={"items": models[(page - 1) * 50 : page * 50], "total": len(models)})

    events: list[Any] = []
    settings = modelcatalog.HTTPSettings(transport=httpx.MockTransport(serve))
    with modelcatalog.Client(
        "openwebui", base_url="http://127.0.0.1:9", api_key="key-1234", http=settings, on_event=events.append
    ) as client:
        pager = client.list_models(concurrency=concurrency)
        items = list(pager)
    assert [item.id for item in items] == [model["id"] for model in models]
    assert pager.incomplete == ()
    assert events == []
