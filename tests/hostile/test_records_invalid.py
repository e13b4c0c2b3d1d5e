"""One bad record costs one record (issue 10, item 7).

A record that does not match its provider's spec (a required nested field missing, a
wrong type) is left out and reported: a ``OffSpecEvent`` of kind ``invalid_record`` naming
the provider, the record's id when it is readable and the JSON path, one warning line,
and the listing counts as incomplete (the command exits 1). The rest of the page, and
the pages after it, are delivered. ``strict=True`` / ``--strict`` raise
``SchemaMismatchError`` instead; a broken envelope raises either way. The bad record's
id carries the canary here, as if the server echoed a credential: it must be scrubbed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog import OffSpecEvent, SchemaMismatchError
from modelcatalog.errors import IncompleteListingError
from support import providers
from support.fault_server import FaultServer, Respond
from support.hostile_listing import KEY, assert_lines, canary_server, catalog, list_models, run_command
from support.providers import Invalid, Route, openwebui, truefoundry

if TYPE_CHECKING:
    from collections.abc import Iterator

MODES = pytest.mark.parametrize("mode", ["sync", "async"])
BAD_ID = f"bad-{KEY}"  # what a careless server might put there; reported as "bad-***"


@dataclass(frozen=True)
class Case:
    """One route's record list with its second record broken (the route's ``invalid`` test data)."""

    route: Route
    provider: str
    invalid: Invalid

    @property
    def operation(self) -> str:
        return self.route.operation

    @property
    def path(self) -> str:
        return self.invalid.path

    @property
    def detail(self) -> str:
        return self.invalid.detail

    @property
    def shown(self) -> str:
        """The id the report quotes, scrubbed ("" when the record has none that can be read)."""
        return "bad-***" if self.invalid.quotes_id else ""

    @property
    def broken(self) -> Any:
        return self.invalid.record

    def make(self, n: int) -> Any:
        return self.route.record(n)

    def fill(self, server: FaultServer, count: int = 4) -> list[str]:
        """``count`` records with the second one broken (the provider's other lists empty); the good ones' ids."""
        for route in providers.data(self.provider).ROUTES:
            server.models[route.name] = []
        records = [self.make(n) for n in range(count)]
        records[1] = self.broken
        server.models[self.route.name] = records
        return [self.route.record_id(r) for index, r in enumerate(records) if index != 1]


def _case(route: Route) -> Case:
    assert route.invalid is not None, f"{route.name}: its test data needs invalid= for this suite"
    return Case(route, providers.provider_of(route.name), route.invalid(BAD_ID))


CASES = {name: _case(route) for name, route in providers.routes().items()}
EACH = pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with canary_server() as running:
        yield running


def operation_of(case: Case) -> dict[str, str]:
    """List only the case's operation where the provider has several."""
    return {"operation": case.operation} if len(providers.data(case.provider).ROUTES) > 1 else {}


def expected_event(case: Case) -> OffSpecEvent:
    return OffSpecEvent(case.provider, case.operation, "invalid_record", case.path, case.shown, case.detail)


def record_line(case: Case) -> str:
    record = f"record {case.shown!r}" if case.shown else "a record without a readable id"
    return (
        f"{case.provider} {case.operation}: {record} left out: it does not match the spec at {case.path}: {case.detail}"
    )


@MODES
@EACH
async def test_a_bad_record_is_left_out_reported_and_the_rest_delivered(
    server: FaultServer, mode: str, case: Case
) -> None:
    good = case.fill(server)
    listed = await list_models(mode, case.provider, server, **operation_of(case))
    assert listed.error is None
    assert listed.ids == good
    assert listed.events == [expected_event(case)]
    assert listed.incomplete == (expected_event(case),)
    assert listed.warnings == [f"OffSpecWarning: {record_line(case)}"]


@MODES
@EACH
async def test_strict_raises_at_the_bad_record(server: FaultServer, mode: str, case: Case) -> None:
    case.fill(server)
    listed = await list_models(mode, case.provider, server, strict=True, **operation_of(case))
    assert type(listed.error) is SchemaMismatchError
    assert listed.error.path == case.path
    assert str(listed.error) == (
        f"{case.provider} {case.operation}: response does not match the spec: {case.detail} - at `{case.path}`"
    )
    assert listed.items == []
    assert listed.incomplete == ()


#: (models, list_models options, the bad record's index, its path within its page)
MANY_PAGES = {
    "scenario": (9, {"page_size": 3}, 4, "$.models[1].thumbnail"),  # a cursor
    "truefoundry": (9, {"page_size": 3}, 1, "$.data[1].created_by_subject"),  # offsets planned after page 1
    "openwebui": (70, {}, 31, "$.items[1].access_grants[0]"),  # page numbers planned after page 1
}


@MODES
@pytest.mark.parametrize("provider", list(MANY_PAGES))
async def test_the_pages_after_a_bad_record_are_delivered_and_none_is_asked_twice(
    server: FaultServer, mode: str, provider: str
) -> None:
    case = CASES[provider]
    count, options, index, path = MANY_PAGES[provider]
    models = [case.make(n) for n in range(count)]
    models[index] = case.broken
    server.models[provider] = models
    listed = await list_models(mode, provider, server, **options)
    assert listed.ids == [m["id"] for n, m in enumerate(models) if n != index]
    assert [(e.kind, e.location, e.value) for e in listed.events] == [("invalid_record", path, "bad-***")]
    assert listed.incomplete == tuple(listed.events)
    assert len(server.requests) == 3  # the left-out record still counts where the next page starts


BROKEN_ENVELOPES = [
    ("truefoundry", {"data": [truefoundry.model(0)]}, "$"),  # no pagination
    ("scenario", {"models": {"id": "not-a-list"}}, "$.models"),
    ("openwebui", {"items": [openwebui.model(0)], "total": "many"}, "$.total"),
]


@MODES
@pytest.mark.parametrize(("provider", "body", "path"), BROKEN_ENVELOPES, ids=[c[0] for c in BROKEN_ENVELOPES])
async def test_a_broken_envelope_still_raises(
    server: FaultServer, mode: str, provider: str, body: dict[str, Any], path: str
) -> None:
    server.inject(provider, Respond(200, json.dumps(body)), times=None)
    listed = await list_models(mode, provider, server)
    assert type(listed.error) is SchemaMismatchError
    assert listed.error.path == path
    assert listed.items == []
    assert listed.events == []


@MODES
async def test_the_catalog_keeps_the_good_records_and_reports_the_listing_incomplete(
    server: FaultServer, mode: str
) -> None:
    cases = [CASES[name] for name in ("scenario", "truefoundry", "openwebui")]
    good = {case.provider: case.fill(server) for case in cases}
    done = await catalog(mode, server, [case.provider for case in cases])
    result = done.result
    assert result.failures == result.incomplete
    for case in cases:
        assert [r.id for r in result.records if r.provider == case.provider] == good[case.provider]
        (failure,) = [f for f in result.failures if f.provider == case.provider]
        assert isinstance(failure.error, IncompleteListingError)
        assert failure.error.reasons == (expected_event(case),)
        assert failure.records == len(good[case.provider])
        assert str(failure.error) == (
            f"{case.provider} {case.operation}: listing incomplete: "
            f"1 record(s) left out, not matching the spec (the first at {case.path})"
        )
    assert sorted(done.warnings) == sorted(f"OffSpecWarning: {record_line(case)}" for case in cases)


@EACH
def test_the_command_prints_the_good_records_then_says_the_listing_is_incomplete(
    server: FaultServer, case: Case
) -> None:
    good = case.fill(server)
    done = run_command(server, [case.provider])
    assert done.status == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == good
    incomplete = (
        f"modelcatalog: error: {case.provider} {case.operation}: listing incomplete: 1 record(s) left out, "
        f"not matching the spec (the first at {case.path}) (after {len(good)} records)"
    )
    assert done.errors == [f"modelcatalog: warning: OffSpecWarning: {record_line(case)}", incomplete]


@EACH
def test_the_command_with_strict_fails_the_provider_at_the_bad_record(server: FaultServer, case: Case) -> None:
    case.fill(server)
    done = run_command(server, [case.provider], "--strict")
    assert done.status == 1
    assert done.stdout == ""
    assert_lines(
        done.errors,
        [f"modelcatalog: error: {case.provider} {case.operation}: response does not match the spec: {case.detail}"],
    )
