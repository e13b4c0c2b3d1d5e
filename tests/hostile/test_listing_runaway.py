"""Servers whose pages lie: no runaway, no silent truncation (issue 10, item 4).

Each behaviour runs through ``Client`` and ``AsyncClient`` (items, events, warnings,
``pager.incomplete``, requests sent) and through ``modelcatalog list`` (stdout, stderr,
exit status), with a canary credential searched for in everything. A listing that stops
before the server's end says it is incomplete: ``pager.incomplete`` names the event, and
the command prints every model it has, then one line saying why, and exits 1.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog.errors import IncompleteListingError
from modelcatalog.events import PaginationEvent
from modelcatalog.providers import PROVIDERS as SPECS
from support import payloads
from support.fault_server import ClaimTotal, EmptyPage, FaultServer, RepeatCursor, Respond, SamePage
from support.hostile_listing import assert_lines, canary_server, catalog, list_models, run_command
from support.providers import scenario

if TYPE_CHECKING:
    from collections.abc import Iterator

#: the operation each provider lists first (these tests are of providers with one)
OPERATION = {name: spec.operations[0].name for name, spec in SPECS.items()}
WARNING = "modelcatalog: warning: PaginationWarning: "
MODES = pytest.mark.parametrize("mode", ["sync", "async"])


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with canary_server() as running:
        yield running


def fill(server: FaultServer, provider: str, count: int) -> list[str]:
    return payloads.fill(server, provider, count)


def printed_ids(stdout: str) -> list[str]:
    return [json.loads(line)["id"] for line in stdout.splitlines()]


def warned(provider: str, kind: str) -> str:
    return f"{WARNING}{provider} {OPERATION[provider]}: {kind.replace('_', ' ')}: "


def incomplete_line(provider: str, kind: str) -> str:
    return f"modelcatalog: error: {provider} {OPERATION[provider]}: listing incomplete: {kind.replace('_', ' ')}: "


def only(events: tuple[Any, ...], provider: str, kind: str) -> None:
    assert [(type(e), e.provider, e.operation, e.kind) for e in events] == [
        (PaginationEvent, provider, OPERATION[provider], kind)
    ]


# -- a server that goes round ----------------------------------------------------------------------------
#: (models held, list_models options) so that the listing has a second page
GOING_ROUND = {"scenario": (10, {"page_size": 4}), "truefoundry": (10, {"page_size": 4}), "openwebui": (70, {})}


@MODES
@pytest.mark.parametrize("provider", list(GOING_ROUND))
async def test_a_page_that_brings_nothing_new_stops_the_listing(server: FaultServer, mode: str, provider: str) -> None:
    count, options = GOING_ROUND[provider]
    expected = fill(server, provider, count)
    server.inject(provider, SamePage(), times=None)  # the first page again, (Scenario) under a fresh cursor
    listed = await list_models(mode, provider, server, **options)
    first_page = options.get("page_size", 30)
    assert listed.error is None
    assert listed.ids == expected[:first_page]
    assert listed.kinds() == ["duplicate_item", "no_progress"]
    only(listed.incomplete, provider, "no_progress")
    assert listed.warnings[-1].startswith(f"PaginationWarning: {provider} {OPERATION[provider]}: no progress: page at ")
    assert len(listed.warnings) == 2
    # the page that repeated itself is the last one waited for (planned pages may already be in flight)
    assert 2 <= len(server.requests) <= 3


#: models held, so that the default page size leaves a second page, and the size of the first page
GOING_ROUND_AT_DEFAULT_SIZES = {"scenario": (300, 250), "truefoundry": (250, 200), "openwebui": (70, 30)}


@pytest.mark.parametrize("provider", list(GOING_ROUND_AT_DEFAULT_SIZES))
def test_the_command_stops_a_server_going_round_and_exits_1(server: FaultServer, provider: str) -> None:
    count, first_page = GOING_ROUND_AT_DEFAULT_SIZES[provider]
    expected = fill(server, provider, count)
    server.inject(provider, SamePage(), times=None)
    done = run_command(server, [provider])
    assert done.status == 1
    assert printed_ids(done.stdout) == expected[:first_page]
    # TrueFoundry's second page claims offset 200 and holds 200 of a total of 250: that is said too
    low = [warned(provider, "total_below_received")] if provider == "truefoundry" else []
    assert_lines(
        done.errors,
        [
            *low,
            warned(provider, "duplicate_item") + f"{first_page} item(s) on page at ",
            warned(provider, "no_progress"),
            incomplete_line(provider, "no_progress"),
        ],
    )
    assert done.errors[-1].endswith(f"listing stopped there (after {first_page} records)")


@MODES
async def test_the_catalog_reports_each_listing_that_went_round_after_its_records(
    server: FaultServer, mode: str
) -> None:
    expected = {
        provider: fill(server, provider, count) for provider, (count, _) in GOING_ROUND_AT_DEFAULT_SIZES.items()
    }
    for provider in GOING_ROUND:
        server.inject(provider, SamePage(), times=None)
    done = await catalog(mode, server, list(GOING_ROUND))
    result = done.result
    assert not result.ok
    assert result.incomplete == result.failures
    assert sorted(f.provider for f in result.failures) == sorted(GOING_ROUND)
    for failure in result.failures:
        assert isinstance(failure.error, IncompleteListingError)
        only(failure.error.reasons, failure.provider, "no_progress")
        first_page = GOING_ROUND_AT_DEFAULT_SIZES[failure.provider][1]
        kept = [r.id for r in result.records if r.provider == failure.provider]
        assert kept == expected[failure.provider][:first_page]
        assert failure.records == len(kept)
        where = f"{failure.provider} {OPERATION[failure.provider]}"
        assert failure.describe().startswith(f"{where}: listing incomplete: no progress:")
    assert sorted(e.kind for e in done.events if e.kind == "no_progress") == ["no_progress"] * 3


# -- a total far above what the server holds ----------------------------------------------------------


@MODES
@pytest.mark.parametrize("provider", ["truefoundry", "openwebui"])
async def test_an_absurd_total_is_one_more_request_not_a_hundred_thousand(
    server: FaultServer, mode: str, provider: str
) -> None:
    expected = fill(server, provider, 5)
    server.inject(provider, ClaimTotal(2**62), times=None)
    listed = await list_models(mode, provider, server)
    assert listed.error is None
    assert listed.ids == expected
    assert len(server.requests) == 2  # the first page, and the empty second page that ends it
    # a first page of 5 is not taken for a page cap of 5 (TrueFoundry chooses its page size; Open WebUI's is 30)
    assert listed.kinds() == (["empty_page"] if provider == "truefoundry" else ["short_page", "empty_page"])
    only(listed.incomplete, provider, "empty_page")
    assert listed.warnings[-1].endswith(f"empty before the promised end (total {2**62})")


@pytest.mark.parametrize("provider", ["truefoundry", "openwebui"])
def test_the_command_with_an_absurd_total_prints_what_there_is_and_exits_1(server: FaultServer, provider: str) -> None:
    expected = fill(server, provider, 5)
    server.inject(provider, ClaimTotal(2**62), times=None)
    done = run_command(server, [provider])
    assert done.status == 1
    assert printed_ids(done.stdout) == expected
    warnings = [warned(provider, "short_page")] if provider == "openwebui" else []
    assert_lines(done.errors, [*warnings, warned(provider, "empty_page"), incomplete_line(provider, "empty_page")])
    assert done.errors[-1].endswith(f"(total {2**62}) (after 5 records)")
    assert len(server.requests) == 2


# -- a total below what was received ------------------------------------------------------------------
#: models held, and requests it takes to see a short or empty page at the server's page size
LOW_TOTAL = {"truefoundry": (500, 3), "openwebui": (90, 4)}


@MODES
@pytest.mark.parametrize("total", [-1, 0])
@pytest.mark.parametrize("provider", list(LOW_TOTAL))
async def test_a_total_below_what_was_received_is_ignored_until_a_short_or_empty_page(
    server: FaultServer, mode: str, provider: str, total: int
) -> None:
    count, requests = LOW_TOTAL[provider]
    expected = fill(server, provider, count)
    server.inject(provider, ClaimTotal(total), times=None)
    listed = await list_models(mode, provider, server)
    assert listed.error is None
    assert listed.ids == expected
    assert listed.kinds() == ["total_below_received"]
    assert listed.incomplete == ()  # the listing went on to the server's own end
    received, page = (30, 1) if provider == "openwebui" else (200, 0)
    assert listed.warnings == [
        (
            f"PaginationWarning: {provider} {OPERATION[provider]}: total below received: the server's total {total} "
            f"is below the {received} items received up to page at {page}; it is ignored and paging goes on "
            "until a short or empty page"
        )
    ]
    assert len(server.requests) == requests


@pytest.mark.parametrize("provider", list(LOW_TOTAL))
def test_the_command_with_a_low_total_lists_everything_and_warns(server: FaultServer, provider: str) -> None:
    expected = fill(server, provider, LOW_TOTAL[provider][0])
    server.inject(provider, ClaimTotal(0), times=None)
    done = run_command(server, [provider])
    assert done.status == 0
    assert printed_ids(done.stdout) == expected
    assert_lines(done.errors, [warned(provider, "total_below_received") + "the server's total 0 is below"])


# -- an empty page before the promised end, and a cursor that comes back -----------------------------
#: models held, the page to empty, options, and how many models come before it
EMPTY = {
    "scenario": (9, {"skip": 1}, {"page_size": 3}, 3),
    "truefoundry": (15, {"where": {"offset": "5"}}, {"page_size": 5}, 5),  # a planned page
    "openwebui": (75, {"where": {"page": "2"}}, {}, 30),  # a planned page
}


@MODES
@pytest.mark.parametrize("provider", list(EMPTY))
async def test_an_empty_page_before_the_promised_end_stops_the_listing(
    server: FaultServer, mode: str, provider: str
) -> None:
    count, where, options, before = EMPTY[provider]
    expected = fill(server, provider, count)
    server.inject(provider, EmptyPage(), **where)
    listed = await list_models(mode, provider, server, **options)
    assert listed.error is None
    assert listed.ids == expected[:before]
    assert listed.kinds() == ["empty_page"]
    only(listed.incomplete, provider, "empty_page")
    assert len(listed.warnings) == 1


@pytest.mark.parametrize(
    ("provider", "count", "where", "before"),
    [
        ("scenario", 600, {"skip": 1}, 250),
        ("truefoundry", 450, {"where": {"offset": "200"}}, 200),
        ("openwebui", 75, {"where": {"page": "2"}}, 30),
    ],
)
def test_the_command_stops_at_an_empty_page_and_exits_1(
    server: FaultServer, provider: str, count: int, where: dict[str, Any], before: int
) -> None:
    expected = fill(server, provider, count)
    server.inject(provider, EmptyPage(), **where)
    done = run_command(server, [provider])
    assert done.status == 1
    assert printed_ids(done.stdout) == expected[:before]
    assert_lines(done.errors, [warned(provider, "empty_page"), incomplete_line(provider, "empty_page")])
    assert done.errors[-1].endswith(f"(after {before} records)")


@MODES
async def test_a_cursor_that_comes_back_makes_the_listing_incomplete(server: FaultServer, mode: str) -> None:
    expected = fill(server, "scenario", 10)
    server.inject("scenario", RepeatCursor(), skip=1, times=None)
    listed = await list_models(mode, "scenario", server, page_size=3)
    assert listed.ids == expected[:6]
    only(listed.incomplete, "scenario", "repeated_cursor")
    assert len(server.requests) == 2


def test_the_command_with_a_cursor_that_comes_back_exits_1(server: FaultServer) -> None:
    expected = fill(server, "scenario", 600)
    server.inject("scenario", RepeatCursor(), skip=1, times=None)
    done = run_command(server, ["scenario"])
    assert done.status == 1
    assert printed_ids(done.stdout) == expected[:500]
    assert_lines(done.errors, [warned("scenario", "repeated_cursor"), incomplete_line("scenario", "repeated_cursor")])


# -- the page cap ----------------------------------------------------------------------------------------------


@MODES
@pytest.mark.parametrize("provider", list(GOING_ROUND))
async def test_the_page_cap_makes_the_listing_incomplete(server: FaultServer, mode: str, provider: str) -> None:
    count, options = GOING_ROUND[provider]
    expected = fill(server, provider, count)
    listed = await list_models(mode, provider, server, max_pages=1, **options)
    first_page = options.get("page_size", 30)
    assert listed.ids == expected[:first_page]
    only(listed.incomplete, provider, "page_limit_reached")
    assert listed.warnings == [
        f"PaginationWarning: {provider} {OPERATION[provider]}: page limit reached: stopped after 1 pages (max_pages)"
    ]
    assert len(server.requests) == 1


@MODES
@pytest.mark.parametrize("provider", list(GOING_ROUND))
async def test_a_listing_that_reaches_its_end_is_complete(server: FaultServer, mode: str, provider: str) -> None:
    count, options = GOING_ROUND[provider]
    expected = fill(server, provider, count)
    listed = await list_models(mode, provider, server, **options)
    assert listed.ids == expected
    assert listed.incomplete == ()
    assert listed.events == []
    assert listed.warnings == []


# -- what an event quotes ------------------------------------------------------------------------------


@MODES
async def test_a_cursor_echoing_the_credential_is_scrubbed_before_it_is_cut(server: FaultServer, mode: str) -> None:
    # An event quotes a cursor cut short: scrubbing after the cut would miss a credential
    # that the cut splits. Here the credential starts a few characters in, so the cut
    # lands inside it.
    page = json.dumps({"models": payloads.many(scenario.model, 2), "nextPaginationToken": "abc{credential}"})
    server.inject("scenario", Respond(200, page), times=None)  # the same page, the same cursor
    listed = await list_models(mode, "scenario", server, page_size=2)  # searches every output for the canary
    assert len(listed.items) == 2
    assert {event.kind for event in listed.events} >= {"repeated_cursor"}
    quoted = [event.detail for event in listed.events]
    assert any("'abc***" in detail for detail in quoted), quoted
