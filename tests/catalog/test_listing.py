"""Listing several providers at once: concurrency, global order, and failures kept per provider."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest
from catalog_fakes import (
    BASE_URL,
    CREDENTIALS,
    FakeModelsLab,
    FakeOpenWebUI,
    FakeScenario,
    FakeTrueFoundry,
    client,
    modelslab_public_record,
    openwebui_record,
    scenario_record,
    truefoundry_record,
)
from modelcatalog import AsyncClient, HTTPSettings, RetryPolicy, ServerError
from modelcatalog.catalog import ProviderFailure, Query, alist_catalog, list_catalog, stream_catalog
from modelcatalog.errors import MissingCredentialError
from modelcatalog.providers import get_provider


def _fakes() -> dict:
    return {
        "scenario": FakeScenario([scenario_record(n) for n in range(60)]),
        "truefoundry": FakeTrueFoundry([truefoundry_record(n) for n in range(70)]),
        "openwebui": FakeOpenWebUI([openwebui_record(n) for n in range(50)]),
        "modelslab": FakeModelsLab(["FFN0001"], [modelslab_public_record(n) for n in range(4)]),
    }


def test_one_failing_provider_is_reported_next_to_the_others() -> None:
    fakes = _fakes()
    fakes["truefoundry"].fail_with = 503
    clients = [client(name, fake) for name, fake in fakes.items()]
    result = list_catalog(Query(), clients)
    for c in clients:
        c.close()
    assert not result.ok
    (failure,) = result.failures
    assert failure.provider == "truefoundry"
    assert isinstance(failure.error, ServerError)
    assert failure.describe().startswith("truefoundry GET /api/ml/v1/models: server error (HTTP 503)")
    counts = Counter(record.provider for record in result.records)
    assert counts == {
        "scenario": 36,
        "openwebui": 44,
        "modelslab": 5,
    }  # Scenario: private+unlisted; Open WebUI: with base model


def test_failure_after_some_pages_keeps_the_records_already_listed() -> None:
    fake = FakeTrueFoundry([truefoundry_record(n) for n in range(250)])
    handle = fake.handle

    def flaky(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("offset") == "200":
            return httpx.Response(500, json={"detail": "boom"})
        return handle(request)

    fake.handle = flaky  # type: ignore[method-assign]
    with client("truefoundry", fake) as c:
        items = list(stream_catalog(Query(), [c]))
    records = [i for i in items if not isinstance(i, ProviderFailure)]
    failures = [i for i in items if isinstance(i, ProviderFailure)]
    assert len(records) == 200
    assert len(failures) == 1
    assert failures[0].records == 200
    assert "(after 200 records)" in failures[0].describe()


def test_missing_credentials_fail_one_provider_only() -> None:
    fake = FakeOpenWebUI([openwebui_record(n) for n in range(10)])
    options = {"openwebui": {"base_url": BASE_URL, "api_key": "sk-owui", "http": fake.settings()}}
    result = list_catalog(Query(providers=["openwebui", "scenario"]), client_options=options)
    assert [r.provider for r in result.records] == ["openwebui"] * 8
    (failure,) = result.failures
    assert failure.provider == "scenario"
    assert isinstance(failure.error, MissingCredentialError)


def test_sorted_query_orders_across_providers_and_limits() -> None:
    fakes = _fakes()
    clients = [client(name, fake) for name, fake in fakes.items()]
    result = list_catalog(Query(sort="-created_at", limit=25), clients)
    everything = list_catalog(Query(sort="-created_at"), clients)
    for c in clients:
        c.close()
    dates = [r.created_at for r in everything.records]
    known = [d for d in dates if d is not None]
    assert known == sorted(known, reverse=True)
    assert dates[len(known) :] == [None] * (len(dates) - len(known))  # unknown dates last
    assert result.records == everything.records[:25]
    assert {r.provider for r in everything.records} == {"scenario", "truefoundry", "openwebui", "modelslab"}


def test_unsorted_limit_stops_early() -> None:
    fake = FakeTrueFoundry([truefoundry_record(n) for n in range(1000)])
    with client("truefoundry", fake) as c:
        records = list(stream_catalog(Query(limit=5), [c]))
    assert len(records) == 5
    assert fake.returned <= 200  # one or two pages, not ten


def test_a_limit_met_mid_page_normalizes_no_further(monkeypatch: pytest.MonkeyPatch) -> None:
    provider = get_provider("truefoundry")
    counted = Counter[str]()
    (record_type, normalize), *_ = provider.normalizers.items()

    def counting(item: object) -> object:
        counted["normalized"] += 1
        return normalize(item)

    monkeypatch.setitem(provider.normalizers, record_type, counting)  # type: ignore[arg-type]
    fake = FakeTrueFoundry([truefoundry_record(n) for n in range(300)])
    with client("truefoundry", fake) as c:
        records = list(stream_catalog(Query(limit=3), [c]))
    assert [r.id for r in records] == [truefoundry_record(n)["id"] for n in range(3)]
    assert counted["normalized"] == 3  # not the whole first page


def test_plan_with_nothing_to_list_makes_no_client() -> None:
    result = list_catalog(Query(providers="scenario", visibility="shared"))
    assert result.ok
    assert result.records == []


def test_unknown_provider_source_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown provider"):
        list_catalog(Query(), ["huggingface"])


async def test_async_listing_matches_sync_and_keeps_failures() -> None:
    fakes = _fakes()
    fakes["modelslab"].fail_with = 401
    query = Query(sort="name")
    sync_clients = [client(name, fake) for name, fake in fakes.items()]
    expected = list_catalog(query, sync_clients)
    for c in sync_clients:
        c.close()
    async_clients = []
    for name, fake in fakes.items():
        settings = HTTPSettings(async_transport=_async(fake), retry=RetryPolicy(max_attempts=1))
        async_clients.append(AsyncClient(name, base_url=BASE_URL, http=settings, **CREDENTIALS[name]))
    result = await alist_catalog(query, async_clients)
    for c in async_clients:
        await c.aclose()
    assert [(r.provider, r.id) for r in result.records] == [(r.provider, r.id) for r in expected.records]
    assert [f.provider for f in result.failures] == ["modelslab"]


def _async(fake) -> httpx.MockTransport:
    return httpx.MockTransport(fake._route)
