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
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog import Client, ConfigurationError
from modelcatalog.catalog import list_catalog
from modelcatalog.errors import IncompleteListingError
from support import payloads
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
OPERATION = {
    "scenario": "GET /v1/models",
    "truefoundry": "GET /api/ml/v1/models",
    "openwebui": "GET /api/v1/models/list",
    "modelslab": "POST /api/v4/dreambooth/model_list",  # the second list: the trained list comes first
}
MODES = pytest.mark.parametrize("mode", ["sync", "async"])
assert MAX_DELAY > DEADLINE


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with canary_server() as running:
        yield running


def hold_the_second_page(server: FaultServer, provider: str, *, first_page: int) -> list[str]:
    """Models on two pages (or ModelsLab's two lists); the server holds the second. The ids served first."""
    held = Delay(MAX_DELAY)
    if provider == "modelslab":
        server.models["modelslab-trained"] = [payloads.modelslab_trained_id(n) for n in range(2)]
        server.models["modelslab-public"] = payloads.many(payloads.modelslab_public_model, 2)
        server.inject("modelslab-public", held)
        return list(server.models["modelslab-trained"])
    factory = {"scenario": payloads.scenario_model, "truefoundry": payloads.truefoundry_model}
    server.models[provider] = payloads.many(factory.get(provider, payloads.openwebui_model), first_page + 3)
    if provider == "scenario":
        server.inject(provider, held, skip=1)
    elif provider == "truefoundry":
        server.inject(provider, held, where={"offset": str(first_page)})
    else:
        server.inject(provider, held, where={"page": "2"})
    return [model["id"] for model in server.models[provider][:first_page]]


def deadline_detail(pages: int) -> str:
    return f"stopped after {pages} pages (deadline)"


@MODES
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_the_deadline_ends_the_listing_with_what_it_has(server: FaultServer, mode: str, provider: str) -> None:
    options: dict[str, Any] = {} if provider in {"openwebui", "modelslab"} else {"page_size": 3}
    first = hold_the_second_page(server, provider, first_page=options.get("page_size", 30))
    listed = await list_models(mode, provider, server, deadline=DEADLINE, **options)
    assert listed.error is None  # an incomplete listing, not an error
    assert listed.ids == first
    assert [(e.operation, e.kind, e.detail) for e in listed.incomplete] == [
        (OPERATION[provider], "deadline_reached", deadline_detail(0 if provider == "modelslab" else 1))
    ]
    assert listed.events == list(listed.incomplete)
    assert listed.warnings == [f"PaginationWarning: {listed.incomplete[0].describe()}"]


@MODES
async def test_the_catalog_deadline_covers_every_provider_at_once(server: FaultServer, mode: str) -> None:
    first_page = {"scenario": 250, "truefoundry": 200, "openwebui": 30, "modelslab": 0}
    first = {p: hold_the_second_page(server, p, first_page=first_page[p]) for p in PROVIDERS}
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
    first_page = {"scenario": 250, "truefoundry": 200, "openwebui": 30, "modelslab": 0}
    first = {p: hold_the_second_page(server, p, first_page=first_page[p]) for p in PROVIDERS}
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
        sorted(f"modelcatalog: warning: PaginationWarning: {p} {OPERATION[p]}: deadline reached: " for p in PROVIDERS),
    )
    # after every record, one line a provider, each saying how far it got
    assert sorted(errors) == sorted(
        f"modelcatalog: error: {p} {OPERATION[p]}: listing incomplete: deadline reached: "
        f"{deadline_detail(0 if p == 'modelslab' else 1)}" + (f" (after {len(first[p])} records)" if first[p] else "")
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
    server.models["truefoundry"] = payloads.many(payloads.truefoundry_model, 1)
    done = run_command(server, ["truefoundry"], f"--deadline={seconds}", sent=False)
    assert done.status == 2
    assert done.stdout == ""
    assert done.errors[-1].startswith("modelcatalog list: error: argument --deadline: ")
    assert len(server.requests) == 0
