"""The wrapper, the catalog and the command against a real Open WebUI 0.12.4 (``openwebui`` fixture, issue 6).

Ground truth comes from two places the wrapper does not touch: the seed (what each
model was created with, and the server's rules as ``SeededServer`` predicts them) and
raw httpx pages of ``/api/v1/models/list`` (timestamps and version ids the server chose).
Every listing is made for both users: the admin (sees every listed model) and the
second user (their own models and those granted to them for reading).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import httpx
import jsonschema
import msgspec
import pytest
from modelcatalog import AsyncClient, Client, HTMLPageError, HTTPSettings
from modelcatalog.catalog import ModelRecord, Owner, Query, alist_catalog, list_catalog, plan
from modelcatalog.events import OffSpecEvent, PaginationEvent
from modelcatalog.pagination import DEFAULT_CONCURRENCY
from openwebui_env import ADMIN, ADMIN_NAME, PAGE_SIZE, READER, READER_NAME, SeededModel, SeededServer
from support.clients import PROVIDER_ENV

if TYPE_CHECKING:
    from collections.abc import Mapping

ROOT = Path(__file__).resolve().parents[2]
USERS = (ADMIN, READER)
CONCURRENCY = (1, DEFAULT_CONCURRENCY)
RECORD_VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((ROOT / "specs" / "catalog" / "model-record.schema.json").read_text()),
    format_checker=jsonschema.FormatChecker(),
)
Event = OffSpecEvent | PaginationEvent


class Counting(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A real transport that counts requests, so pushdown's saving can be seen."""

    def __init__(self) -> None:
        self.urls: list[httpx.URL] = []
        self._sync = httpx.HTTPTransport()
        self._async = httpx.AsyncHTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(request.url)
        return self._sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(request.url)
        return await self._async.handle_async_request(request)

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        await self._async.aclose()


def client(
    openwebui: SeededServer, who: str, events: list[Event] | None = None, transport: Counting | None = None
) -> Client:
    return Client(
        "openwebui",
        base_url=openwebui.base_url,
        api_key=openwebui.key_for(who),
        on_event=None if events is None else events.append,
        http=HTTPSettings(transport=transport),
        environ={},
    )


def async_client(openwebui: SeededServer, who: str, events: list[Event] | None = None) -> AsyncClient:
    return AsyncClient(
        "openwebui",
        base_url=openwebui.base_url,
        api_key=openwebui.key_for(who),
        on_event=None if events is None else events.append,
        environ={},
    )


@pytest.fixture(scope="module")
def raw_items(openwebui: SeededServer) -> dict[str, dict[str, dict[str, Any]]]:
    """``who -> id -> the item as JSON``, paged with raw httpx (no wrapper code involved)."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    with httpx.Client(base_url=openwebui.base_url, trust_env=False, timeout=30) as http:
        for who in USERS:
            items: dict[str, dict[str, Any]] = {}
            for page in range(1, 100):
                response = http.get(
                    "/api/v1/models/list",
                    params={"page": page},
                    headers={"Authorization": f"Bearer {openwebui.key_for(who)}"},
                )
                response.raise_for_status()
                batch = response.json()["items"]
                items.update((item["id"], item) for item in batch)
                if len(batch) < PAGE_SIZE:
                    break
            found[who] = items
    return found


def seeded(openwebui: SeededServer) -> dict[str, SeededModel]:
    return {model.id: model for model in openwebui.models}


def visibility_of(model: SeededModel) -> str:
    """What the seed's grants mean (normalization.openwebui_visibility, from the server's has_access)."""
    if any((g.principal_type, g.principal_id) == ("user", "*") for g in model.grants):
        return "public"
    return "shared" if model.grants else "private"


# --------------------------------------------------------------------------- listing everything


@pytest.mark.parametrize("concurrency", CONCURRENCY)
@pytest.mark.parametrize("who", USERS)
def test_sync_lists_exactly_what_the_server_holds(openwebui: SeededServer, who: str, concurrency: int) -> None:
    events: list[Event] = []
    transport = Counting()
    with client(openwebui, who, events, transport) as c:
        ids = [model.id for model in c.list_models(concurrency=concurrency)]

    assert set(ids) == openwebui.expected_ids(who)
    assert len(ids) == len(set(ids)) == openwebui.raw_listing[who].total
    assert ids == openwebui.raw_listing[who].ids  # pages in order, even when fetched at once
    assert not {m.id for m in openwebui.models if m.base_model_id is None} & set(ids)
    assert events == []  # the spec knows every field, and the pages agree with each other
    assert sorted(int(url.params["page"]) for url in transport.urls) == list(range(1, -(-len(ids) // PAGE_SIZE) + 1))


@pytest.mark.parametrize("concurrency", CONCURRENCY)
@pytest.mark.parametrize("who", USERS)
async def test_async_lists_exactly_what_the_server_holds(openwebui: SeededServer, who: str, concurrency: int) -> None:
    events: list[Event] = []
    async with async_client(openwebui, who, events) as c:
        ids = [model.id async for model in c.list_models(concurrency=concurrency)]

    assert ids == openwebui.raw_listing[who].ids
    assert set(ids) == openwebui.expected_ids(who)
    assert events == []


@pytest.mark.parametrize("who", USERS)
def test_limit_and_start_page(openwebui: SeededServer, who: str) -> None:
    expected = openwebui.raw_listing[who].ids
    with client(openwebui, who) as c:
        assert [m.id for m in c.list_models(limit=45)] == expected[:45]
        assert [m.id for m in c.list_models(start=2)] == expected[PAGE_SIZE:]


# --------------------------------------------------------------------------- the server's filters


def listed(openwebui: SeededServer, who: str, **filters: str) -> list[Any]:
    events: list[Event] = []
    with client(openwebui, who, events) as c:
        items = list(c.list_models(filters=filters))
    assert events == []
    ids = [item.id for item in items]
    assert len(ids) == len(set(ids))
    return items


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("query", ["borealis", "QWEN", "Catalog Admin", "reader@", "notebook 3", "zzz-nothing"])
def test_filter_query(openwebui: SeededServer, who: str, query: str) -> None:
    expected = {m.id for m in openwebui.visible(who) if openwebui.matches_query(m, query)}
    assert {item.id for item in listed(openwebui, who, query=query)} == expected


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("tag", ["chat", "Code", "mine", "vision"])
def test_filter_tag(openwebui: SeededServer, who: str, tag: str) -> None:
    expected = {m.id for m in openwebui.visible(who) if m.matches_tag(tag)}
    assert {item.id for item in listed(openwebui, who, tag=tag)} == expected


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("order_by", ["name", "created_at", "updated_at"])
@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_filter_order(openwebui: SeededServer, who: str, order_by: str, direction: str) -> None:
    items = listed(openwebui, who, order_by=order_by, direction=direction)
    keys = [getattr(item, order_by) for item in items]
    assert keys == sorted(keys, reverse=direction == "desc")
    assert {item.id for item in items} == openwebui.expected_ids(who)


@pytest.mark.parametrize("who", USERS)
def test_filter_view_option(openwebui: SeededServer, who: str) -> None:
    created = {item.id for item in listed(openwebui, who, view_option="created")}
    shared = {item.id for item in listed(openwebui, who, view_option="shared")}
    assert created == {m.id for m in openwebui.visible(who) if m.owner == who}
    assert shared == {m.id for m in openwebui.visible(who) if m.owner != who}
    assert created
    assert shared


def test_every_filter_at_once(openwebui: SeededServer) -> None:
    items = listed(
        openwebui, READER, query="cirrus", tag="chat", order_by="name", direction="asc", view_option="shared"
    )
    expected = sorted(
        (
            m
            for m in openwebui.visible(READER)
            if openwebui.matches_query(m, "cirrus") and m.matches_tag("chat") and m.owner != READER
        ),
        key=lambda m: m.name,
    )
    assert expected
    assert [item.id for item in items] == [m.id for m in expected]


# --------------------------------------------------------------------------- normalized records


def _epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@pytest.mark.parametrize("who", USERS)
def test_normalized_records_match_the_seed_and_the_server(
    openwebui: SeededServer, raw_items: Mapping[str, Mapping[str, dict[str, Any]]], who: str
) -> None:
    result = list_catalog(Query(providers="openwebui"), [client(openwebui, who)])
    assert result.ok, [f.describe() for f in result.failures]
    by_id = seeded(openwebui)
    owners = {
        ADMIN: Owner(id=openwebui.admin_id, name=ADMIN_NAME),
        READER: Owner(id=openwebui.user_id, name=READER_NAME),
    }
    now = datetime.now(UTC)
    assert {record.id for record in result.records} == openwebui.expected_ids(who)
    for record in result.records:
        model, raw = by_id[record.id], raw_items[who][record.id]
        capabilities = [name for name, on in model.capabilities.items() if on] if model.capabilities else None
        assert record == ModelRecord(
            provider="openwebui",
            instance="openwebui",
            id=model.id,
            name=model.name,
            description=model.description,
            kind=None,
            base_model=model.base_model_id,
            status="active",
            visibility=visibility_of(model),
            owner=owners[model.owner],
            created_at=_epoch(raw["created_at"]),
            updated_at=_epoch(raw["updated_at"]),
            tags=list(model.tags),
            capabilities=capabilities,
            context_length=None,
            version=raw["version_id"],
            url=None,
            fqn=None,
            namespace=None,
            source=record.source,
        ), record.id
        assert record.created_at is not None
        assert record.created_at.tzinfo is UTC
        assert now - timedelta(days=1) < record.created_at <= record.updated_at <= now + timedelta(minutes=1)
        document = json.loads(msgspec.json.encode(record))
        RECORD_VALIDATOR.validate(document)
        assert document["created_at"].endswith("Z")
        assert document["source"]["id"] == record.id


def test_the_seed_spreads_visibility_and_capabilities(openwebui: SeededServer) -> None:
    """So that the record test above compares every kind of value, not only one."""
    listed_models = openwebui.visible(ADMIN)
    assert {visibility_of(m) for m in listed_models} == {"public", "shared", "private"}
    assert {visibility_of(m) for m in openwebui.visible(READER)} == {"public", "shared", "private"}
    assert any(m.capabilities for m in listed_models)
    assert any(m.capabilities is None for m in listed_models)
    assert {m.owner for m in openwebui.visible(READER)} == {ADMIN, READER}


# --------------------------------------------------------------------------- catalog queries, pushdown on and off


def expected_ids(openwebui: SeededServer, raw: Mapping[str, dict[str, Any]], who: str, query: Query) -> list[str]:
    """The query's answer computed from the seed with the catalog's documented rules, not its code."""
    models = []
    for model in openwebui.visible(who):
        if query.text is not None and not (
            query.text.casefold() in model.id.casefold() or query.text.casefold() in model.name.casefold()
        ):
            continue
        if query.name is not None and model.name != query.name:
            continue
        if not set(query.tags) <= set(model.tags):
            continue
        if query.visibility is not None and visibility_of(model) not in query.visibility:
            continue
        models.append(model)
    ids = sorted(m.id for m in models)  # sorted: ties broken by id, ascending, in either direction
    if query.sort is not None:
        field = query.sort.field
        key: dict[str, Any] = (
            {m.id: (m.name.casefold(), m.name) for m in models}
            if field == "name"
            else {m.id: raw[m.id][field] for m in models}
        )
        ids.sort(key=key.__getitem__, reverse=query.sort.descending)
    return ids if query.limit is None else ids[: query.limit]


class CatalogCase(NamedTuple):
    criteria: dict[str, Any]
    pushed: tuple[str, ...]  # the criteria plan() must push to Open WebUI
    empty: bool = False  # whether no record matches (by design of the case)


CATALOG_QUERIES = [
    CatalogCase({"text": "borealis"}, ()),
    CatalogCase({"text": "READER-"}, ()),
    CatalogCase({"name": "Atlas 010"}, ("name",)),  # public: both users see it
    # the server's ILIKE returns it; the exact name check drops it
    CatalogCase({"name": "atlas 010"}, ("name",), empty=True),
    CatalogCase({"tags": ["Chat"]}, ("tags",)),
    # tags are exact: the server's case-insensitive match returns more, the client drops them all
    CatalogCase({"tags": ["chat"]}, ("tags",), empty=True),
    CatalogCase({"tags": ["Chat", "code"], "sort": "name"}, ("tags",)),
    CatalogCase({"tags": ["code"], "sort": "-updated_at", "limit": 7}, ("tags",)),
    CatalogCase({"visibility": "shared", "sort": "created_at"}, ()),
    CatalogCase({"visibility": ["public", "private"], "text": "0", "sort": "-name", "limit": 40}, ()),
]


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("case", CATALOG_QUERIES, ids=[str(case.criteria) for case in CATALOG_QUERIES])
def test_catalog_query_same_with_and_without_pushdown(
    openwebui: SeededServer,
    raw_items: Mapping[str, Mapping[str, dict[str, Any]]],
    who: str,
    case: CatalogCase,
) -> None:
    on, off = Query(**case.criteria), Query(**case.criteria, pushdown=False)
    assert [r.pushed for r in plan(on, "openwebui")] == [case.pushed]
    assert [r.pushed for r in plan(off, "openwebui")] == [()]
    traffic = {True: Counting(), False: Counting()}
    results = {}
    for pushdown, query in ((True, on), (False, off)):
        with client(openwebui, who, transport=traffic[pushdown]) as c:
            result = list_catalog(query, [c])
        assert result.ok, [f.describe() for f in result.failures]
        results[pushdown] = [record.id for record in result.records]

    expected = expected_ids(openwebui, raw_items[who], who, on)
    assert bool(expected) is not case.empty
    if on.sort is None:  # records come in the server's order: only the set is defined
        assert sorted(results[True]) == sorted(results[False]) == expected
        assert len(results[True]) == len(set(results[True]))
    else:
        assert results[True] == results[False] == expected
    if "query" in plan(on, "openwebui")[0].filters or "tag" in plan(on, "openwebui")[0].filters:
        sent = traffic[True].urls[0].params
        assert sent.get("query") == on.name
        assert sent.get("tag") == (on.tags[0] if on.tags else None)
        # the server narrowed the listing: never more pages than without pushdown
        assert len(traffic[True].urls) <= len(traffic[False].urls)


async def test_async_catalog_matches_sync(openwebui: SeededServer) -> None:
    query = Query(tags=["Chat"], sort="-created_at")
    with client(openwebui, READER) as c:
        sync = list_catalog(query, [c])
    async with async_client(openwebui, READER) as ac:
        result = await alist_catalog(query, [ac])
    assert result.ok
    assert [r.id for r in result.records] == [r.id for r in sync.records]
    assert result.records


# --------------------------------------------------------------------------- the command


def run_cli(*args: str, key: str) -> subprocess.CompletedProcess[str]:
    """``python -m modelcatalog`` in a fresh process, the key only in OPENWEBUI_API_KEY."""
    env = {name: value for name, value in os.environ.items() if name not in PROVIDER_ENV}
    env["OPENWEBUI_API_KEY"] = key
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "modelcatalog", *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


@pytest.fixture(scope="module")
def ndjson_output(openwebui: SeededServer) -> dict[str, subprocess.CompletedProcess[str]]:
    """The command run once a user: the tests below read its output."""
    args = ("list", "--provider", "openwebui", "--base-url", openwebui.base_url, "--format", "ndjson")
    return {who: run_cli(*args, key=openwebui.key_for(who)) for who in USERS}


@pytest.mark.parametrize("who", USERS)
def test_command_ndjson_lists_the_same_ids(
    openwebui: SeededServer, ndjson_output: Mapping[str, subprocess.CompletedProcess[str]], who: str
) -> None:
    result = ndjson_output[who]
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    ids = [line["id"] for line in lines]
    assert len(ids) == len(set(ids))
    assert set(ids) == openwebui.expected_ids(who)
    for line in lines:
        RECORD_VALIDATOR.validate(line)
    assert openwebui.key_for(who) not in result.stdout


@pytest.mark.parametrize("who", USERS)
def test_command_json_and_csv_parse(openwebui: SeededServer, who: str) -> None:
    base = ("list", "--provider", "openwebui", "--base-url", openwebui.base_url)
    as_json = run_cli(*base, "--format", "json", "--tag", "Chat", key=openwebui.key_for(who))
    as_csv = run_cli(*base, "--format", "csv", "--sort", "-name", key=openwebui.key_for(who))

    assert (as_json.returncode, as_json.stderr) == (0, "")
    chat = {m.id for m in openwebui.visible(who) if "Chat" in m.tags}
    assert {record["id"] for record in json.loads(as_json.stdout)} == chat
    assert chat

    assert (as_csv.returncode, as_csv.stderr) == (0, "")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    by_id = seeded(openwebui)
    names = [row["name"] for row in rows]
    assert names == sorted(names, key=lambda n: (n.casefold(), n), reverse=True)
    assert {row["id"] for row in rows} == openwebui.expected_ids(who)
    for row in rows:
        model = by_id[row["id"]]
        assert (row["provider"], row["base_model"], row["visibility"]) == (
            "openwebui",
            model.base_model_id,
            visibility_of(model),
        )
        assert row["tags"] == ";".join(model.tags)
        assert row["created_at"].endswith("Z")


def test_command_with_an_invalid_key_exits_3(openwebui: SeededServer) -> None:
    result = run_cli("list", "-p", "openwebui", "--base-url", openwebui.base_url, key="sk-not-a-real-key")
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""
    assert "not authenticated (HTTP 401)" in result.stderr
    assert "sk-not-a-real-key" not in result.stderr


@pytest.mark.parametrize("suffix", ["/api/models/list", "/api"])
def test_command_with_a_web_ui_base_url_says_html(openwebui: SeededServer, suffix: str) -> None:
    """A base URL that makes the request land on the web app (the docs' path pasted in, or /api)."""
    result = run_cli("list", "-p", "openwebui", "--base-url", openwebui.base_url + suffix, key=openwebui.key_for(ADMIN))
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "got an HTML page (status 200) where JSON was expected" in lines[0]
    assert "/api/v1/models/list" in lines[0]


def test_library_raises_html_page_error_for_the_documented_path(openwebui: SeededServer) -> None:
    with (
        Client("openwebui", base_url=openwebui.base_url + "/api/models/list", api_key=openwebui.admin_key) as c,
        pytest.raises(HTMLPageError) as caught,
    ):
        list(c.list_models())
    assert caught.value.status_code == 200
    assert caught.value.body.lstrip().lower().startswith(b"<!doctype html")
    assert openwebui.admin_key not in str(caught.value)
