"""The deadline of a whole listing (issue 10, item 3's second half).

When it passes, the listing ends with the records it has and is *incomplete* (a
``PaginationEvent`` ``deadline_reached``), never an exception: the same in
``Client``/``AsyncClient`` (``pager.incomplete``), in the catalog (the provider's
``ProviderFailure`` carries an ``IncompleteListingError``) and in the command (the
records, then one line, exit 1). Here the first page comes at once and a later one is
held by the server for longer than the deadline; nothing asserts how long anything took.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog import Client, ConfigurationError
from modelcatalog.catalog import list_catalog
from modelcatalog.errors import IncompleteListingError
from modelcatalog.providers import PROVIDERS as SPECS
from support import payloads, providers
from support.fault_server import MAX_DELAY, Delay, FaultServer
from support.hostile_listing import (
    CREDENTIALS,
    PROVIDERS,
    assert_lines,
    canary_server,
    catalog,
    list_models,
    run_command,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

#: long enough for a first page on a busy machine; the held page waits longer (MAX_DELAY)
DEADLINE = 2.0
MODES = pytest.mark.parametrize("mode", ["sync", "async"])
assert MAX_DELAY > DEADLINE


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with canary_server() as running:
        yield running


@dataclass(frozen=True)
class Held:
    """A listing whose second request the server holds: the ids served before it, and where it waits."""

    ids: list[str]
    #: the operation of the held request
    operation: str
    #: pages that operation had listed when the deadline passed
    pages: int


def first_page_size(provider: str, asked: int | None = None) -> int:
    """The size of the first page the library asks ``provider`` for (``asked``, where its style lets the caller)."""
    operation = SPECS[provider].operations[0]
    return operation.style.page_size_for(
        asked, None, default=operation.default_page_size, maximum=operation.max_page_size
    )


def hold_the_second_page(server: FaultServer, provider: str, *, first_page: int) -> Held:
    """Models on two pages (or, for a provider with several lists, on each); the server holds the second request."""
    held = Delay(MAX_DELAY)
    routes = providers.data(provider).ROUTES
    if len(routes) > 1:  # the first list answers; the next one is held (ModelsLab's public list)
        for route in routes:
            server.models[route.name] = route.records(2)
        server.inject(routes[1].name, held)
        first = routes[0]
        return Held([first.record_id(r) for r in server.models[first.name]], routes[1].operation, 0)
    (route,) = routes
    later = route.paging.later_page(first_page)
    if later is None:  # one answer holds everything: that is the request held
        server.models[route.name] = route.records(2)
        server.inject(route.name, held)
        return Held([], route.operation, 0)
    server.models[route.name] = route.records(first_page + 3)
    server.inject(route.name, held, **later)
    return Held(providers.ids(provider, server.models)[:first_page], route.operation, 1)


def deadline_detail(pages: int) -> str:
    return f"stopped after {pages} pages (deadline)"


@MODES
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_the_deadline_ends_the_listing_with_what_it_has(server: FaultServer, mode: str, provider: str) -> None:
    options: dict[str, Any] = {"page_size": 3} if SPECS[provider].operations[0].style.sizable else {}
    held = hold_the_second_page(server, provider, first_page=first_page_size(provider, options.get("page_size")))
    listed = await list_models(mode, provider, server, deadline=DEADLINE, **options)
    assert listed.error is None  # an incomplete listing, not an error
    assert listed.ids == held.ids
    assert [(e.operation, e.kind, e.detail) for e in listed.incomplete] == [
        (held.operation, "deadline_reached", deadline_detail(held.pages))
    ]
    assert listed.events == list(listed.incomplete)
    assert listed.warnings == [f"PaginationWarning: {listed.incomplete[0].describe()}"]


@MODES
async def test_the_catalog_deadline_covers_every_provider_at_once(server: FaultServer, mode: str) -> None:
    held = {p: hold_the_second_page(server, p, first_page=first_page_size(p)) for p in PROVIDERS}
    first = {p: held[p].ids for p in PROVIDERS}
    done = await catalog(mode, server, list(PROVIDERS), deadline=DEADLINE)
    result = done.result
    assert sorted(f.provider for f in result.incomplete) == sorted(PROVIDERS)
    assert result.failures == result.incomplete
    for failure in result.failures:
        assert isinstance(failure.error, IncompleteListingError)
        assert [e.kind for e in failure.error.reasons] == ["deadline_reached"]
        assert failure.error.message.startswith("listing incomplete: deadline reached: stopped ")
        kept = [record.id for record in result.records if record.provider == failure.provider]
        assert kept == first[failure.provider]
        assert failure.records == len(kept)
    assert [w for w in done.warnings if "deadline reached" not in w] == []


def test_the_command_prints_what_it_listed_before_the_deadline_and_exits_1(server: FaultServer) -> None:
    held = {p: hold_the_second_page(server, p, first_page=first_page_size(p)) for p in PROVIDERS}
    first = {p: held[p].ids for p in PROVIDERS}
    done = run_command(server, list(PROVIDERS), f"--deadline={DEADLINE}")
    assert done.status == 1
    printed: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        printed.setdefault(record["provider"], []).append(record["id"])
    assert printed == {p: ids for p, ids in first.items() if ids}
    warnings = sorted(line for line in done.errors if line.startswith("modelcatalog: warning: "))
    errors = [line for line in done.errors if line.startswith("modelcatalog: error: ")]
    assert len(warnings) + len(errors) == len(done.errors)
    assert_lines(
        warnings,
        sorted(
            f"modelcatalog: warning: PaginationWarning: {p} {held[p].operation}: deadline reached: " for p in PROVIDERS
        ),
    )
    # after every record, one line a provider, each saying how far it got
    assert sorted(errors) == sorted(
        f"modelcatalog: error: {p} {held[p].operation}: listing incomplete: deadline reached: "
        f"{deadline_detail(held[p].pages)}" + (f" (after {len(first[p])} records)" if first[p] else "")
        for p in PROVIDERS
    )


@pytest.mark.parametrize("seconds", [0, -1, math.nan, math.inf])
def test_a_deadline_that_is_no_positive_number_of_seconds_is_refused_before_any_request(
    server: FaultServer, seconds: float
) -> None:
    with Client("truefoundry", base_url=server.url, **CREDENTIALS["truefoundry"]) as client:
        with pytest.raises(ConfigurationError, match="deadline must be a finite number of seconds above 0"):
            client.list_models(deadline=seconds)
        with pytest.raises(ConfigurationError, match="deadline must be a finite number of seconds above 0"):
            list_catalog(sources=[client], deadline=seconds)
    assert len(server.requests) == 0


@pytest.mark.parametrize("seconds", ["0", "-1", "nan", "inf", "soon"])
def test_the_command_refuses_a_deadline_that_is_no_positive_number(server: FaultServer, seconds: str) -> None:
    payloads.fill(server, "truefoundry", 1)
    done = run_command(server, ["truefoundry"], f"--deadline={seconds}", sent=False)
    assert done.status == 2
    assert done.stdout == ""
    assert done.errors[-1].startswith("modelcatalog list: error: argument --deadline: ")
    assert len(server.requests) == 0
