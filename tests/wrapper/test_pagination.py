"""Pagination against the loopback server: every style, sync and async, and every anomaly.

Each anomaly a real server can produce (a repeated cursor, a short or empty page, a
total that changes, items shifting between pages) must end the listing or be handled
explicitly, and always be reported as a ``PaginationEvent``; none may loop forever.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog import ConfigurationError, PaginationEvent
from modelcatalog.events import PaginationWarning
from support import payloads, providers
from support.fault_server import Delay, EmptyPage, FaultServer, Mutate, RepeatCursor, ReportTotal, ShortPage
from support.providers import truefoundry

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    Lister = Callable[..., Awaitable[tuple[list[Any], list[Any]]]]

pytestmark = pytest.mark.filterwarnings("ignore::modelcatalog.events.PaginationWarning")


def ids(items: list[Any]) -> list[str]:
    """The provider's id of each item (ModelsLab's records call it ``model_id``)."""
    return [item.id if hasattr(item, "id") else item.model_id for item in items]


def kinds(events: list[Any]) -> list[str]:
    return [event.kind for event in events if isinstance(event, PaginationEvent)]


@pytest.fixture(params=["sync", "async"])
def listing(request: pytest.FixtureRequest, make_client: Any, make_async_client: Any) -> Lister:
    """``await listing(provider, pages=False, client={...}, **list_models_options)`` -> (results, events)."""

    async def run(provider: str, *, pages: bool = False, client: dict[str, Any] | None = None, **options: Any) -> Any:
        events: list[Any] = []
        if request.param == "sync":
            pager = make_client(provider, on_event=events.append, **(client or {})).list_models(**options)
            return (list(pager.pages()) if pages else list(pager)), events
        async_client = await make_async_client(provider, on_event=events.append, **(client or {}))
        async_pager = async_client.list_models(**options)
        if pages:
            return [page async for page in async_pager.pages()], events
        return [item async for item in async_pager], events

    return run


def fill(server: FaultServer, route: str, count: int) -> list[str]:
    """Put ``count`` models on ``route``; return their ids in server order."""
    served = providers.routes()[route]
    server.models[route] = served.records(count)
    return [served.record_id(record) for record in server.models[route]]


# -- every style, items and pages -----------------------------------------------------------------
async def test_cursor_style_follows_tokens(server: FaultServer, listing: Lister) -> None:
    expected = fill(server, "scenario", 12)
    items, events = await listing("scenario", page_size=5)
    assert ids(items) == expected
    sent = server.requests_to("scenario")
    assert [r.query.get("pageSize") for r in sent] == ["5", "5", "5"]
    assert "paginationToken" not in sent[0].query
    assert len({r.query.get("paginationToken") for r in sent}) == 3
    assert events == []


async def test_offset_style_plans_from_the_total(server: FaultServer, listing: Lister) -> None:
    expected = fill(server, "truefoundry", 12)
    items, events = await listing("truefoundry", page_size=5)
    assert ids(items) == expected
    assert sorted(int(r.query["offset"]) for r in server.requests_to("truefoundry")) == [0, 5, 10]
    assert {r.query["limit"] for r in server.requests_to("truefoundry")} == {"5"}
    assert events == []


async def test_page_number_style_uses_fixed_pages_of_30(server: FaultServer, listing: Lister) -> None:
    expected = fill(server, "openwebui", 65)
    items, events = await listing("openwebui", page_size=5)  # ignored: the server fixes 30
    assert ids(items) == expected
    sent = server.requests_to("openwebui")
    assert sorted(int(r.query["page"]) for r in sent) == [1, 2, 3]
    assert all(set(r.query) == {"page"} for r in sent)
    assert events == []


async def test_single_response_style_lists_both_modelslab_operations(server: FaultServer, listing: Lister) -> None:
    trained = fill(server, "modelslab-trained", 3)
    public = fill(server, "modelslab-public", 4)
    items, _ = await listing("modelslab")
    assert ids(items) == trained + public
    assert [r.route for r in server.requests] == ["modelslab-trained", "modelslab-public"]
    only_public, _ = await listing("modelslab", operation="POST /api/v4/dreambooth/model_list")
    assert ids(only_public) == public


async def test_pages_are_yielded_with_their_positions(server: FaultServer, listing: Lister) -> None:
    fill(server, "scenario", 12)
    pages, _ = await listing("scenario", pages=True, page_size=5)
    assert [len(page.items) for page in pages] == [5, 5, 2]
    assert pages[0].position is None
    assert pages[1].position == pages[0].next_cursor
    assert pages[2].next_cursor is None
    fill(server, "truefoundry", 12)
    pages, _ = await listing("truefoundry", pages=True, page_size=5)
    assert [(page.position, len(page.items), page.total) for page in pages] == [(0, 5, 12), (5, 5, 12), (10, 2, 12)]
    fill(server, "openwebui", 31)
    pages, _ = await listing("openwebui", pages=True)
    assert [(page.position, len(page.items)) for page in pages] == [(1, 30), (2, 1)]


async def test_an_empty_listing_is_one_request(server: FaultServer, listing: Lister) -> None:
    for route in ("scenario", "truefoundry", "openwebui"):
        items, events = await listing(route)
        assert items == []
        assert events == []
    assert [r.route for r in server.requests] == ["scenario", "truefoundry", "openwebui"]


# -- limit, page size, resume ---------------------------------------------------------------------
LIMITS = [
    ("scenario", 20, {"limit": 7, "page_size": 5}, 2),
    ("scenario", 20, {"limit": 3}, 1),
    ("truefoundry", 20, {"limit": 7, "page_size": 5}, 2),
    ("truefoundry", 20, {"limit": 7, "page_size": 5, "concurrency": 1}, 2),
    ("openwebui", 100, {"limit": 31}, 2),
    ("openwebui", 100, {"limit": 30}, 1),
]


@pytest.mark.parametrize("case", LIMITS, ids=[f"{c[0]}-{c[2]}" for c in LIMITS])
async def test_limit_stops_early(server: FaultServer, listing: Lister, case: tuple[Any, ...]) -> None:
    route, count, options, requests = case
    expected = fill(server, route, count)
    items, _ = await listing(route, **options)
    assert ids(items) == expected[: options["limit"]]
    assert len(server.requests) == requests


async def test_limit_sets_a_smaller_page_size(server: FaultServer, listing: Lister) -> None:
    fill(server, "scenario", 20)
    await listing("scenario", limit=3)
    assert server.requests[0].query["pageSize"] == "3"


async def test_limit_counts_across_modelslab_operations(server: FaultServer, listing: Lister) -> None:
    trained = fill(server, "modelslab-trained", 3)
    public = fill(server, "modelslab-public", 4)
    items, _ = await listing("modelslab", limit=2)
    assert ids(items) == trained[:2]
    assert [r.route for r in server.requests] == ["modelslab-trained"]
    items, _ = await listing("modelslab", limit=5)
    assert ids(items) == trained + public[:2]


async def test_records_past_the_limit_are_not_looked_at(server: FaultServer, listing: Lister) -> None:
    """A one-response listing of thousands is not checked for repeats past the one record asked for."""
    expected = fill(server, "openai", 5)
    server.models["openai"].append(server.models["openai"][0])  # a repeat, past the limit
    items, events = await listing("openai", limit=2)
    assert ids(items) == expected[:2]
    assert "duplicate_item" not in kinds(events)
    items, events = await listing("openai")
    assert ids(items) == expected
    assert "duplicate_item" in kinds(events)


async def test_limit_zero_sends_nothing(server: FaultServer, listing: Lister) -> None:
    fill(server, "scenario", 5)
    items, _ = await listing("scenario", limit=0)
    assert items == []
    assert len(server.requests) == 0


@pytest.mark.parametrize(("asked", "sent"), [(None, "250"), (10_000, "500"), (500, "500"), (1, "1"), (42, "42")])
async def test_scenario_page_size_is_large_by_default_and_capped_at_500(
    server: FaultServer, listing: Lister, asked: int | None, sent: str
) -> None:
    fill(server, "scenario", 3)
    items, _ = await listing("scenario", page_size=asked)
    assert len(items) == 3
    assert server.requests[0].query["pageSize"] == sent


@pytest.mark.parametrize("asked", [0, -1])
def test_a_page_size_below_one_is_refused_before_any_request(server: FaultServer, make_client: Any, asked: int) -> None:
    client = make_client("scenario")
    with pytest.raises(ConfigurationError, match="page_size"):
        client.list_models(page_size=asked)
    assert len(server.requests) == 0


async def test_resume_from_a_cursor(server: FaultServer, listing: Lister) -> None:
    expected = fill(server, "scenario", 12)
    first, _ = await listing("scenario", pages=True, page_size=5, limit=5)
    cursor = first[0].next_cursor
    assert isinstance(cursor, str)
    rest, _ = await listing("scenario", page_size=5, start=cursor)
    assert ids(rest) == expected[5:]
    assert server.requests[-2].query["paginationToken"] == cursor


async def test_resume_from_an_offset_and_a_page_number(server: FaultServer, listing: Lister) -> None:
    expected = fill(server, "truefoundry", 12)
    rest, _ = await listing("truefoundry", page_size=5, start=7)
    assert ids(rest) == expected[7:]
    assert min(int(r.query["offset"]) for r in server.requests_to("truefoundry")) == 7
    expected = fill(server, "openwebui", 65)
    rest, _ = await listing("openwebui", start=2)
    assert ids(rest) == expected[30:]
    assert sorted(int(r.query["page"]) for r in server.requests_to("openwebui")) == [2, 3]


# -- concurrency ------------------------------------------------------------------------------------
@pytest.mark.parametrize("route", ["truefoundry", "openwebui"])
async def test_concurrent_pages_complete_out_of_order_and_are_yielded_in_order(
    server: FaultServer, listing: Lister, route: str
) -> None:
    page_size = 5 if route == "truefoundry" else 30
    expected = fill(server, route, page_size * 6)
    # the second and third pages answer last
    slow = [{"offset": "5"}, {"offset": "10"}] if route == "truefoundry" else [{"page": "2"}, {"page": "3"}]
    server.inject(route, Delay(0.25), where=slow[0])
    server.inject(route, Delay(0.15), where=slow[1])
    pages, events = await listing(route, pages=True, page_size=page_size, concurrency=4)
    assert ids([item for page in pages for item in page.items]) == expected
    assert [page.position for page in pages] == sorted(page.position for page in pages)
    key, first_slow = next(iter(slow[0].items()))
    completed = [query[key] for answered, query in server.completed if answered == route]
    assert completed.index(first_slow) > completed.index(slow[1][key]) > 2  # really out of order
    assert 2 <= server.max_in_flight <= 4
    assert events == []


@pytest.mark.parametrize("concurrency", [1, 2])
async def test_concurrency_bounds_requests_in_flight(server: FaultServer, listing: Lister, concurrency: int) -> None:
    expected = fill(server, "truefoundry", 30)
    server.inject("truefoundry", Delay(0.01), times=None)
    items, _ = await listing("truefoundry", page_size=5, concurrency=concurrency)
    assert ids(items) == expected
    assert server.max_in_flight == concurrency


# -- anomalies ---------------------------------------------------------------------------------------
async def test_a_repeated_cursor_ends_the_listing(server: FaultServer, listing: Lister) -> None:
    expected = fill(server, "scenario", 10)
    server.inject("scenario", RepeatCursor(), skip=1, times=None)  # from the second page on
    items, events = await listing("scenario", page_size=3)
    assert ids(items) == expected[:6]
    assert len(server.requests) == 2
    assert kinds(events) == ["repeated_cursor"]


async def test_an_empty_page_with_a_cursor_ends_the_listing(server: FaultServer, listing: Lister) -> None:
    # it brings nothing new: following its cursor could go on forever (the official SDK stops there too)
    expected = fill(server, "scenario", 9)
    server.inject("scenario", EmptyPage(), skip=1)
    items, events = await listing("scenario", page_size=3)
    assert ids(items) == expected[:3]
    assert len(server.requests) == 2
    assert kinds(events) == ["empty_page"]


async def test_an_empty_page_before_the_total_ends_a_sequential_listing(server: FaultServer, listing: Lister) -> None:
    expected = fill(server, "truefoundry", 15)
    server.inject("truefoundry", EmptyPage(), where={"offset": "5"})
    items, events = await listing("truefoundry", page_size=5, concurrency=1)
    assert ids(items) == expected[:5]
    assert len(server.requests) == 2
    assert kinds(events) == ["empty_page"]


async def test_an_empty_planned_page_ends_the_listing(server: FaultServer, listing: Lister) -> None:
    expected = fill(server, "truefoundry", 15)
    server.inject("truefoundry", EmptyPage(), where={"offset": "5"})
    items, events = await listing("truefoundry", page_size=5)
    assert ids(items) == expected[:5]
    assert kinds(events) == ["empty_page"]


async def test_a_short_offset_page_is_reported_and_listed_on_from_where_it_stopped(
    server: FaultServer, listing: Lister
) -> None:
    expected = fill(server, "truefoundry", 15)
    server.inject("truefoundry", ShortPage(2), where={"offset": "5"})
    items, events = await listing("truefoundry", page_size=5, concurrency=1)
    assert ids(items) == expected  # offset 8 is asked next: nothing lost
    assert [r.query["offset"] for r in server.requests] == ["0", "5", "8", "13"]
    assert kinds(events) == ["short_page"]


@pytest.mark.parametrize("concurrency", [1, 4])
@pytest.mark.parametrize("where", [{"page": "1"}, {"page": "2"}])
async def test_a_short_page_number_page_is_reported(
    server: FaultServer, listing: Lister, concurrency: int, where: dict[str, str]
) -> None:
    fill(server, "openwebui", 75)
    server.inject("openwebui", ShortPage(1), where=where)
    items, events = await listing("openwebui", concurrency=concurrency)
    assert len(items) == 74
    assert kinds(events) == ["short_page"]
    assert len(server.requests) == 3


async def test_a_short_planned_offset_page_is_reported(server: FaultServer, listing: Lister) -> None:
    fill(server, "truefoundry", 15)
    server.inject("truefoundry", ShortPage(1), where={"offset": "5"})
    items, events = await listing("truefoundry", page_size=5)
    assert len(items) == 14
    assert kinds(events) == ["short_page"]


async def test_a_total_that_changes_is_reported(server: FaultServer, listing: Lister) -> None:
    expected = fill(server, "truefoundry", 15)
    server.inject("truefoundry", ReportTotal(+10), where={"offset": "5"})
    items, events = await listing("truefoundry", page_size=5)
    assert ids(items) == expected
    assert [event.detail for event in events] == [
        "total was 15, page at 5 says 25",
        "total was 25, page at 10 says 15",
    ]


@pytest.mark.parametrize("concurrency", [1, 4])
async def test_models_added_at_the_front_mid_listing_are_deduplicated(
    server: FaultServer, listing: Lister, concurrency: int
) -> None:
    expected = fill(server, "truefoundry", 15)
    newcomers = payloads.many(truefoundry.model, 2, start=100)

    def prepend(models: list[Any]) -> None:
        models[:0] = newcomers

    server.inject("truefoundry", Mutate(prepend), where={"offset": "5"})
    items, events = await listing("truefoundry", page_size=5, concurrency=concurrency)
    listed = ids(items)
    assert len(listed) == len(set(listed))  # the two items pushed back onto this page are kept once
    assert set(expected) <= set(listed)
    assert "total_changed" in kinds(events)
    if concurrency == 1:
        # concurrently, the page at offset 10 may be served before the one that shifts
        # the items, and then nothing is seen twice; sequentially it always is
        assert "duplicate_item" in kinds(events)


async def test_models_appended_mid_listing_are_fetched(server: FaultServer, listing: Lister) -> None:
    expected = fill(server, "truefoundry", 15)
    newcomers = payloads.many(truefoundry.model, 3, start=100)
    server.inject("truefoundry", Mutate(lambda models: models.extend(newcomers)), where={"offset": "10"})
    items, events = await listing("truefoundry", page_size=5)
    assert ids(items) == expected + [model["id"] for model in newcomers]
    assert kinds(events) == ["total_changed"]


async def test_models_removed_mid_listing_are_reported(server: FaultServer, listing: Lister) -> None:
    fill(server, "openwebui", 75)
    server.inject("openwebui", Mutate(lambda models: models.__delitem__(slice(0, 3))), where={"page": "2"})
    items, events = await listing("openwebui", concurrency=1)
    assert len(items) == 72  # three shifted out of view: not silent
    assert kinds(events) == ["total_changed"]


async def test_max_pages_ends_the_listing(server: FaultServer, listing: Lister) -> None:
    expected = fill(server, "scenario", 10)
    items, events = await listing("scenario", page_size=3, max_pages=2)
    assert ids(items) == expected[:6]
    assert kinds(events) == ["page_limit_reached"]
    fill(server, "truefoundry", 30)
    items, _ = await listing("truefoundry", page_size=5, max_pages=2)
    assert len(items) == 10


async def test_a_cycle_can_never_loop_forever(server: FaultServer, listing: Lister) -> None:
    fill(server, "scenario", 4)
    server.inject("scenario", RepeatCursor(), times=None)
    server.inject("scenario", EmptyPage(), times=None)
    items, events = await listing("scenario", page_size=2)
    assert items == []
    assert len(server.requests) == 1
    assert kinds(events) == ["empty_page"]


def test_anomalies_are_warnings_too(server: FaultServer, make_client: Any) -> None:
    fill(server, "openwebui", 90)
    server.inject("openwebui", ShortPage(1), times=None)
    with pytest.warns(PaginationWarning) as caught:
        items = list(make_client("openwebui").list_models(concurrency=1))
    assert len(items) == 87
    short = [str(w.message) for w in caught if "short page" in str(w.message)]
    assert len(short) == 3  # one warning a page: each is a different event
    assert "page at 3 has 29 of 30 items" in short[-1]
