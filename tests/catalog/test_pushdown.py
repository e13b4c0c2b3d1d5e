"""Same results with and without pushdown, per provider, against fakes that filter as documented."""

from __future__ import annotations

from datetime import timedelta

import pytest
from catalog_fakes import (
    EPOCH,
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
from modelcatalog.catalog import Query, list_catalog, plan


def _both(provider: str, fake_factory, query_args: dict) -> tuple[list[tuple[str, str]], object, object]:
    results = []
    fakes = []
    for pushdown in (True, False):
        fake = fake_factory()
        with client(provider, fake) as c:
            result = list_catalog(Query(**query_args, pushdown=pushdown), [c])
        assert result.ok, [f.describe() for f in result.failures]
        results.append([(r.provider, r.id) for r in result.records])
        fakes.append(fake)
    if "sort" not in query_args:  # unsorted: records arrive in each server's order, which pushdown may change
        results = [sorted(r) for r in results]
    assert results[0] == results[1], f"pushdown changed the result for {query_args}"
    return results[0], fakes[0], fakes[1]


SCENARIO_QUERIES = [
    {},
    {"visibility": "public", "tags": ["anime"]},
    {"visibility": "public", "tags": ["anime", "portrait"], "sort": "name"},
    {"visibility": "public", "kind": ["sd-xl-lora", "sd-1_5"]},
    {"visibility": "public", "kind": ["custom", "brand-new-type"]},
    {"visibility": ["public", "private"], "created_since": EPOCH + timedelta(hours=70), "sort": "-created_at"},
    {"created_since": EPOCH + timedelta(hours=7 * 12, milliseconds=0), "created_until": EPOCH + timedelta(days=20)},
    {"visibility": "public", "updated_since": EPOCH + timedelta(days=10), "updated_until": EPOCH + timedelta(days=30)},
    {"visibility": "public", "updated_since": EPOCH + timedelta(days=10), "sort": "updated_at"},
    {"visibility": "unlisted", "status": "trained"},
    {"visibility": "public", "created_since": EPOCH, "updated_until": EPOCH + timedelta(days=15), "tags": "anime"},
    {"text": "REALISM 1", "sort": "-name", "limit": 5},
    {"visibility": "shared"},
]


@pytest.mark.parametrize("args", SCENARIO_QUERIES, ids=str)
def test_scenario_pushdown_keeps_results(args: dict) -> None:
    records = [scenario_record(n) for n in range(150)]
    _, pushed, plain = _both("scenario", lambda: FakeScenario(records), args)
    assert pushed.returned <= plain.returned
    if args.get("visibility") != "shared":
        assert pushed.requests, "the fake saw no request"


def test_scenario_pushdown_moves_less_data_and_matches_by_hand() -> None:
    records = [scenario_record(n) for n in range(150)]
    args = {"visibility": "public", "tags": ["anime"], "created_since": EPOCH + timedelta(days=5)}
    result, pushed, plain = _both("scenario", lambda: FakeScenario(records), args)
    assert pushed.returned < plain.returned
    assert pushed.requests[0]["tags"] == "anime"
    assert pushed.requests[0]["sortBy"] == "createdAt"
    expected = sorted(
        r["id"]
        for r in records
        if r["privacy"] == "public" and "anime" in r["tags"] and r["createdAt"] >= "2024-01-06T00:00:00.000Z"
    )
    assert sorted(i for _, i in result) == expected
    assert expected


def test_scenario_sorted_query_sends_matching_sort() -> None:
    (request,) = plan(Query(sort="-created_at"), "scenario")
    assert request.filters == {"privacy": "private", "sort_by": "createdAt", "sort_direction": "desc"}
    (request,) = plan(Query(visibility="private", sort="updated_at"), "scenario")
    assert "sort_by" not in request.filters  # private listings cannot sort by updatedAt


def test_scenario_unknown_kind_is_not_pushed() -> None:
    (request,) = plan(Query(visibility="public", kind=["flux.1-lora", "brand-new-type"]), "scenario")
    assert "types" not in request.filters
    (request,) = plan(Query(visibility="public", kind=["flux.1-lora"]), "scenario")
    assert request.filters["types"] == ["flux.1-lora"]


def test_scenario_date_bounds_are_widened() -> None:
    since = EPOCH + timedelta(days=1)
    (request,) = plan(Query(created_since=since, created_until=since + timedelta(days=1)), "scenario")
    assert request.filters["created_after"] < since
    assert request.filters["created_before"] > since + timedelta(days=1)


TRUEFOUNDRY_QUERIES = [
    {},
    {"name": "churn-model-3"},
    {"name": "churn-model-3", "kind": "sklearn", "sort": "-created_at"},
    {"text": "CHURN-MODEL-1", "tags": ["nightly"]},
    {"kind": "transformers", "limit": 7},
]


@pytest.mark.parametrize("args", TRUEFOUNDRY_QUERIES, ids=str)
def test_truefoundry_pushdown_keeps_results(args: dict) -> None:
    records = [truefoundry_record(n) for n in range(230)]
    _, pushed, plain = _both("truefoundry", lambda: FakeTrueFoundry(records), args)
    if "name" in args:
        assert pushed.requests[0]["name"] == args["name"]
        assert pushed.returned < plain.returned


OPENWEBUI_QUERIES = [
    {},
    {"tags": ["anime"]},
    {"tags": ["Anime", "chat"], "sort": "-updated_at"},
    {"name": "Custom GPT-4"},
    {"name": "Custom GPT-4", "visibility": "public", "status": "active"},
    {"text": "gpt-1", "sort": "name"},
    {"tags": ['we"ird'], "sort": "created_at"},
    {"visibility": ["shared", "private"], "limit": 10, "sort": "-created_at"},
]


@pytest.mark.parametrize("args", OPENWEBUI_QUERIES, ids=str)
def test_openwebui_pushdown_keeps_results(args: dict) -> None:
    records = [openwebui_record(n) for n in range(100)]
    _, pushed, plain = _both("openwebui", lambda: FakeOpenWebUI(records), args)
    assert all("order_by" in r for r in pushed.requests + plain.requests)  # pages stay ordered
    if args.get("tags") == ["anime"]:
        assert pushed.requests[0]["tag"] == "anime"
        assert pushed.returned < plain.returned


def test_openwebui_text_is_not_pushed_because_the_server_does_not_search_ids() -> None:
    (request,) = plan(Query(text="gpt-1"), "openwebui")
    assert "query" not in request.filters
    (request,) = plan(Query(name="a\\b", tags=['x"y', "ok"]), "openwebui")
    assert "query" not in request.filters
    assert request.filters["tag"] == "ok"


MODELSLAB_QUERIES = [{}, {"text": "FFN"}, {"visibility": "public"}, {"name": "MidJourney V3"}, {"sort": "-created_at"}]


@pytest.mark.parametrize("args", MODELSLAB_QUERIES, ids=str)
def test_modelslab_pushdown_keeps_results(args: dict) -> None:
    trained = [f"FFN5cgfrRdxXIJqZ{n:04d}" for n in range(5)]
    public = [modelslab_public_record(n) for n in range(12)]
    _, pushed, plain = _both("modelslab", lambda: FakeModelsLab(trained, public), args)
    if "visibility" in args or "name" in args:
        assert not any(p.endswith("/finetune_list") for p in pushed.paths)
        assert any(p.endswith("/finetune_list") for p in plain.paths)
