"""The wrapper (``Client``, ``AsyncClient``, the catalog) against Prism serving each derived spec (issue 6).

Every request the wrapper sends goes through ``Recorder``, a transport handed to the
wrapper through ``HTTPSettings.transport`` (retries still wrap it, and are turned off
here so that nothing is hidden): each exchange must come back 200 with no violation
that Prism locates in the request. The wrapper raises on a 4xx by itself; the recorder
makes the check explicit and also catches what Prism cannot see (a query key the spec
does not declare, a repeated ``explode: false`` key).

Prism answers a static example page whose cursor or total never ends a listing the
way a real server would (Scenario's ``nextPaginationToken`` is always ``"string"``,
TrueFoundry's total is 100 with one item a page, Open WebUI's total is 0 with one
item): the tests check that the pager ends anyway and says why. ``Prefer:
dynamic=true`` (sent with ``HTTPSettings.headers``) makes Prism generate a random body
for every request; those listings must parse and normalize, with only
``ModelCatalogError`` subclasses or off-spec/pagination events allowed. Measured here
(Prism 5.16.0, 200 listings a provider, 3 pages at most): no listing raised, every
record normalized.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import threading
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import jsonschema
import msgspec
import pytest
import yaml
from modelcatalog import AsyncClient, Client, HTTPSettings, ModelCatalogError, RetryPolicy
from modelcatalog.catalog import ModelRecord, Query, list_catalog, normalize, plan
from modelcatalog.events import OffSpecEvent, PaginationEvent
from modelcatalog.providers import PROVIDERS
from modelcatalog.tooling.manifest import load_manifest
from prism import fold_servers_into_paths, request_violations
from support import providers
from support.providers import Cursor, Offset, PageNumber

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

pytestmark = [
    pytest.mark.slow,
    # every off-spec and pagination event is also a warning: collected through on_event instead
    pytest.mark.filterwarnings("ignore::modelcatalog.events.ModelCatalogWarning"),
]

ROOT = Path(__file__).resolve().parents[2]
RECORD_VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((ROOT / "specs" / "catalog" / "model-record.schema.json").read_text()),
    format_checker=jsonschema.FormatChecker(),
)
UTC = dt.UTC
NO_RETRY = RetryPolicy(max_attempts=1)
DYNAMIC = {"Prefer": "dynamic=true"}
DYNAMIC_LISTINGS = 20
DYNAMIC_MAX_PAGES = 3  # a random cursor or total would otherwise page on until DEFAULT_MAX_PAGES
#: the operation a provider's dynamic listings use, where not all (its test data's DYNAMIC_OPERATION)
DYNAMIC_OPERATION = {
    name: data.DYNAMIC_OPERATION for name, data in providers.every() if hasattr(data, "DYNAMIC_OPERATION")
}
ProviderName = str

#: keys a test client sends: any value, Prism checks only that the credential is there
CREDENTIALS: dict[ProviderName, dict[str, str]] = {name: providers.credentials(name) for name in PROVIDERS}
#: every filter of each provider module's FILTERS, with a value its spec allows (its test data)
EVERY_FILTER: dict[ProviderName, dict[str, Any]] = {name: dict(data.EVERY_FILTER) for name, data in providers.every()}
#: spec defaults openapi-python-client always sends (DESIGN.md): Scenario's privacy, TrueFoundry's flag
ALWAYS_SENT: dict[ProviderName, frozenset[str]] = {
    name: frozenset(getattr(data, "ALWAYS_SENT", ())) for name, data in providers.every()
}


def paging_keys(provider: ProviderName) -> set[str]:
    """What the listing itself sends on every page, besides the filters."""
    keys: set[str] = set()
    for route in providers.data(provider).ROUTES:
        paging = route.paging
        if isinstance(paging, Cursor):
            keys |= {paging.size, paging.token}
        elif isinstance(paging, Offset):
            keys |= {paging.offset, paging.limit}
        elif isinstance(paging, PageNumber):
            keys.add(paging.page)
    return keys


def wire_key(provider: ProviderName, name: str) -> str:
    """The query key a filter travels as (Scenario's are camelCase: ``type_`` is ``type``)."""
    spell = getattr(providers.data(provider), "wire_key", None)
    return name if spell is None else str(spell(name))


def wire_value(value: object) -> str:
    """How a filter value looks in the query string (lists comma-joined: ``explode: false``)."""
    if isinstance(value, list | tuple):
        return ",".join(wire_value(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)


def derived_spec(provider: ProviderName) -> Path:
    """The derived document Prism serves for ``provider``.

    Not imported from conftest: with ``pytest tests/contract tests/integration`` the
    module named ``conftest`` is the integration one by the time this file is imported.
    """
    return next(entry.derived for entry in load_manifest(ROOT / "specs").providers if entry.name == provider)


def spec_query_parameters(provider: ProviderName) -> dict[str, set[str]]:
    """``path -> declared query parameter names`` of each list operation, at the path Prism serves it."""
    document, _ = fold_servers_into_paths(yaml.safe_load(derived_spec(provider).read_text()))
    declared: dict[str, set[str]] = {}
    for path, item in document["paths"].items():
        for method in ("get", "post"):
            if method in item:
                parameters = item[method].get("parameters", []) + item.get("parameters", [])
                declared[path] = {p["name"] for p in parameters if p.get("in") == "query"}
    return declared


class Recorder(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A real transport that keeps every exchange (body read) so each can be checked."""

    def __init__(self) -> None:
        self.exchanges: list[httpx.Response] = []
        self._lock = threading.Lock()
        self._sync: httpx.HTTPTransport | None = None
        self._async: httpx.AsyncHTTPTransport | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._sync is None:
            self._sync = httpx.HTTPTransport()
        response = self._sync.handle_request(request)
        response.read()
        return self._keep(request, response)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._async is None:
            self._async = httpx.AsyncHTTPTransport()
        response = await self._async.handle_async_request(request)
        await response.aread()
        return self._keep(request, response)

    def _keep(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        response.request = request
        with self._lock:
            self.exchanges.append(response)
        return response

    def close(self) -> None:
        if self._sync is not None:
            self._sync.close()

    async def aclose(self) -> None:
        if self._async is not None:
            await self._async.aclose()

    @property
    def requests(self) -> list[httpx.Request]:
        return [response.request for response in self.exchanges]

    def problems(self) -> list[str]:
        """Each exchange that was not a clean 200: status and Prism's request violations."""
        found = []
        for response in self.exchanges:
            blamed = request_violations(response)
            if response.status_code != 200 or blamed:
                where = f"{response.request.method} {response.request.url}"
                found.append(f"{where} -> {response.status_code}: {json.dumps(blamed)[:1000]}")
        return found

    def assert_clean(self, provider: ProviderName) -> None:
        """Every request was accepted by Prism, and used only query keys the spec declares."""
        assert self.exchanges, "no request reached Prism"
        assert self.problems() == []
        declared = spec_query_parameters(provider)
        for request in self.requests:
            keys = [key for key, _ in request.url.params.multi_items()]
            assert len(keys) == len(set(keys)), f"a repeated query key: {request.url}"  # Prism keeps only the last
            assert set(keys) <= declared[request.url.path], f"undeclared key: {request.url}"


def settings(recorder: Recorder, headers: dict[str, str] | None = None) -> HTTPSettings:
    return HTTPSettings(transport=recorder, async_transport=recorder, retry=NO_RETRY, headers=headers or {})


def make_client(
    provider: ProviderName,
    base_url: str,
    recorder: Recorder,
    *,
    events: list[Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Client:
    return Client(
        provider,
        base_url=base_url,
        http=settings(recorder, headers),
        on_event=None if events is None else events.append,
        environ={},  # nothing from the developer's environment
        **CREDENTIALS[provider],
    )


def make_async_client(
    provider: ProviderName,
    base_url: str,
    recorder: Recorder,
    *,
    events: list[Any] | None = None,
    headers: dict[str, str] | None = None,
) -> AsyncClient:
    return AsyncClient(
        provider,
        base_url=base_url,
        http=settings(recorder, headers),
        on_event=None if events is None else events.append,
        environ={},
        **CREDENTIALS[provider],
    )


def assert_filters_sent(provider: ProviderName, request: httpx.Request, filters: dict[str, Any]) -> None:
    params = request.url.params
    for name, value in filters.items():
        assert params.get(wire_key(provider, name)) == wire_value(value), (name, str(request.url))


def validated(provider: ProviderName, items: Iterable[object]) -> list[ModelRecord]:
    """Each item normalized, and its JSON form valid against the catalog's published schema."""
    records = [normalize(provider, item) for item in items]
    for record in records:
        RECORD_VALIDATOR.validate(json.loads(msgspec.json.encode(record)))
    return records


# --------------------------------------------------------------------------- filters


@pytest.mark.parametrize("provider", list(PROVIDERS))
def test_every_filter_of_every_provider_is_covered(provider: ProviderName) -> None:
    """A filter added to a provider module fails here until its test data gives it a valid value."""
    module = importlib.import_module(f"modelcatalog.providers.{provider}")
    assert set(EVERY_FILTER[provider]) == set(getattr(module, "FILTERS", ())), provider


@pytest.mark.parametrize("provider", list(PROVIDERS))
def test_every_filter_at_once_is_accepted_sync(prism_base_url: Callable[[str], str], provider: ProviderName) -> None:
    recorder = Recorder()
    filters = EVERY_FILTER[provider]
    with make_client(provider, prism_base_url(provider), recorder) as client:
        items = list(client.list_models(filters=filters or None, limit=3, page_size=3))

    recorder.assert_clean(provider)
    assert items
    validated(provider, items)
    for request in recorder.requests:
        assert_filters_sent(provider, request, filters)
        keys = set(request.url.params.keys())
        expected = {wire_key(provider, name) for name in filters} | ALWAYS_SENT[provider]
        assert expected <= keys <= expected | paging_keys(provider), str(request.url)


@pytest.mark.parametrize("provider", list(PROVIDERS))
async def test_every_filter_at_once_is_accepted_async(
    prism_base_url: Callable[[str], str], provider: ProviderName
) -> None:
    recorder = Recorder()
    filters = EVERY_FILTER[provider]
    async with make_async_client(provider, prism_base_url(provider), recorder) as client:
        items = [item async for item in client.list_models(filters=filters or None, limit=3, page_size=3)]

    recorder.assert_clean(provider)
    assert items
    validated(provider, items)
    for request in recorder.requests:
        assert_filters_sent(provider, request, filters)


@pytest.mark.parametrize(
    ("provider", "name"),
    [(provider, name) for provider, filters in EVERY_FILTER.items() for name in filters],
)
def test_each_filter_alone_is_accepted(prism_base_url: Callable[[str], str], provider: ProviderName, name: str) -> None:
    recorder = Recorder()
    value = EVERY_FILTER[provider][name]
    with make_client(provider, prism_base_url(provider), recorder) as client:
        items = list(client.list_models(filters={name: value}, limit=1))

    recorder.assert_clean(provider)
    assert len(items) == 1
    assert len(recorder.exchanges) == 1
    assert_filters_sent(provider, recorder.requests[0], {name: value})


@pytest.mark.parametrize("provider", ["scenario", "truefoundry"])
def test_page_size_reaches_the_server(prism_base_url: Callable[[str], str], provider: ProviderName) -> None:
    recorder = Recorder()
    size_key = {"scenario": "pageSize", "truefoundry": "limit"}[provider]
    with make_client(provider, prism_base_url(provider), recorder) as client:
        list(client.list_models(page_size=500 if provider == "scenario" else 1000, max_pages=1))

    recorder.assert_clean(provider)
    assert recorder.requests[0].url.params[size_key] == ("500" if provider == "scenario" else "1000")


def test_scenario_largest_page_size_is_capped_to_what_the_spec_allows(prism_base_url: Callable[[str], str]) -> None:
    """pageSize has ``maximum: 500``: asking for more must not produce a request Prism rejects."""
    recorder = Recorder()
    with make_client("scenario", prism_base_url("scenario"), recorder) as client:
        list(client.list_models(page_size=10_000, max_pages=1))

    recorder.assert_clean("scenario")
    assert recorder.requests[0].url.params["pageSize"] == "500"


def test_modelslab_key_travels_in_the_body_of_both_operations(prism_base_url: Callable[[str], str]) -> None:
    recorder = Recorder()
    with make_client("modelslab", prism_base_url("modelslab"), recorder) as client:
        items = list(client.list_models())

    recorder.assert_clean("modelslab")
    assert [(r.method, r.url.path) for r in recorder.requests] == [
        ("POST", "/api/v3/finetune_list"),
        ("POST", "/api/v4/dreambooth/model_list"),
    ]
    assert [json.loads(r.content) for r in recorder.requests] == [{"key": CREDENTIALS["modelslab"]["api_key"]}] * 2
    assert all("authorization" not in r.headers for r in recorder.requests)
    assert {normalize("modelslab", item).visibility for item in items} == {"public"}  # the example's trained list is []


# --------------------------------------------------------------------------- catalog pushdown

# Queries whose plan() pushes something to each provider: (query, criteria the plan must push).
PUSHED_QUERIES: list[tuple[ProviderName, Query, set[str]]] = [
    (
        "scenario",
        Query(
            visibility="public",
            tags=["sci-fi", "landscape"],
            kind=["flux.1", "sd-xl-lora"],
            created_since=dt.datetime(2024, 1, 1, tzinfo=UTC),
            created_until=dt.datetime(2025, 1, 1, tzinfo=UTC),
            sort="-created_at",
        ),
        {"tags", "kind", "created"},
    ),
    (
        "scenario",
        Query(
            visibility="public",
            updated_since=dt.datetime(2024, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            sort="updated_at",
        ),
        {"updated"},
    ),
    ("scenario", Query(visibility=["public", "private"], text="string"), set()),
    ("truefoundry", Query(name="string"), {"name"}),
    ("openwebui", Query(name="string", tags=["chat"], sort="name"), {"name", "tags"}),
    ("openwebui", Query(text="string", sort="-updated_at"), set()),
    ("modelslab", Query(tags=["anime"]), {"trained-list-skipped"}),
]


@pytest.mark.parametrize(
    ("provider", "query", "pushed"),
    PUSHED_QUERIES,
    ids=[f"{provider}-{i}" for i, (provider, _, _) in enumerate(PUSHED_QUERIES)],
)
def test_catalog_queries_pushed_down_are_accepted(
    prism_base_url: Callable[[str], str], provider: ProviderName, query: Query, pushed: set[str]
) -> None:
    requests = plan(query, provider)
    assert {name for request in requests for name in request.pushed} == pushed
    recorder = Recorder()
    with make_client(provider, prism_base_url(provider), recorder) as client:
        result = list_catalog(query, [client])
    recorder.assert_clean(provider)
    # Prism serves its example on every page: Scenario's cursor "string" comes back and
    # TrueFoundry's one item repeats under a total of 100, so those listings end incomplete
    # (and say why); any other failure means a pushed-down request was refused
    assert not [failure.describe() for failure in result.failures if not failure.incomplete]
    for failure in result.incomplete:
        assert {reason.kind for reason in failure.error.reasons} <= {"repeated_cursor", "no_progress"}, failure

    # every planned request went out with its filters; no operation the plan left out was called
    sent_paths = [r.url.path for r in recorder.requests]
    planned_paths = {request.operation.split(" ", 1)[1] for request in requests if request.operation is not None}
    if planned_paths:
        assert set(sent_paths) == planned_paths
    for request in requests:
        matching = [
            r
            for r in recorder.requests
            if request.operation is None or r.url.path == request.operation.split(" ", 1)[1]
        ]
        assert matching, (request, sent_paths)
        assert any(
            all(r.url.params.get(wire_key(provider, k)) == wire_value(v) for k, v in request.filters.items())
            for r in matching
        ), (request.filters, [str(r.url) for r in matching])

    # the same records without pushdown (Prism ignores filters: only the traffic differs)
    unpushed = Query(**{**_criteria(query), "pushdown": False})
    assert not any(r.pushed for r in plan(unpushed, provider))
    with make_client(provider, prism_base_url(provider), Recorder()) as client:
        plain = list_catalog(unpushed, [client])
    assert [f.describe() for f in plain.failures] == [f.describe() for f in result.failures]  # the example's cycle
    assert [r.id for r in plain.records] == [r.id for r in result.records]
    validated(provider, [r.source for r in result.records])


def _criteria(query: Query) -> dict[str, Any]:
    names = (
        "providers", "text", "name", "tags", "kind", "status", "visibility", "created_since", "created_until",
        "updated_since", "updated_until", "sort", "limit",
    )  # fmt: skip
    return {name: getattr(query, name) for name in names}


def test_a_pushed_query_that_matches_the_example_keeps_it(prism_base_url: Callable[[str], str]) -> None:
    """Not only empty results: the example record (name "string") survives the client-side check."""
    recorder = Recorder()
    with make_client("openwebui", prism_base_url("openwebui"), recorder) as client:
        result = list_catalog(Query(name="string", sort="-created_at"), [client])
    recorder.assert_clean("openwebui")
    assert [(r.provider, r.id, r.name) for r in result.records] == [("openwebui", "string", "string")]
    params = recorder.requests[0].url.params
    assert (params["query"], params["order_by"], params["direction"]) == ("string", "created_at", "desc")


# --------------------------------------------------------------------------- static pages end


def test_scenario_example_cursor_repeats_and_the_listing_ends_with_an_event(
    prism_base_url: Callable[[str], str],
) -> None:
    recorder = Recorder()
    events: list[Any] = []
    with make_client("scenario", prism_base_url("scenario"), recorder, events=events) as client:
        items = list(client.list_models())

    recorder.assert_clean("scenario")
    tokens = [r.url.params.get("paginationToken") for r in recorder.requests]
    assert tokens == [None, "string"]  # the second page hands back the same cursor: stop there
    assert [item.id for item in items] == ["string"]
    kinds = [event.kind for event in events if isinstance(event, PaginationEvent)]
    assert "repeated_cursor" in kinds
    assert "duplicate_item" in kinds


@pytest.mark.parametrize("concurrency", [1, 16])
def test_truefoundry_example_that_repeats_itself_ends_the_listing(
    prism_base_url: Callable[[str], str], concurrency: int
) -> None:
    """total 100, the same single item on every page: the second page brings nothing new, and the listing stops."""
    recorder = Recorder()
    events: list[Any] = []
    with make_client("truefoundry", prism_base_url("truefoundry"), recorder, events=events) as client:
        pager = client.list_models(concurrency=concurrency)
        items = list(pager)

    recorder.assert_clean("truefoundry")
    # the second page agrees on one item a page (the server's page size: no short_page), but
    # holds the same id: a server going round, not 98 more requests
    assert [int(r.url.params["offset"]) for r in recorder.requests] == [0, 1]
    assert [item.id for item in items] == ["string"]
    assert [event.kind for event in events] == ["duplicate_item", "no_progress"]
    assert [event.kind for event in pager.incomplete] == ["no_progress"]


@pytest.mark.parametrize("provider", list(PROVIDERS))
def test_max_pages_caps_a_listing_and_says_so(prism_base_url: Callable[[str], str], provider: ProviderName) -> None:
    recorder = Recorder()
    events: list[Any] = []
    with make_client(provider, prism_base_url(provider), recorder, events=events) as client:
        list(client.list_models(max_pages=1))

    recorder.assert_clean(provider)
    operations = len(PROVIDERS[provider].operations)
    assert len(recorder.exchanges) == operations  # max_pages counts per operation
    capped = [e for e in events if isinstance(e, PaginationEvent) and e.kind == "page_limit_reached"]
    # only a listing that wanted a second page is capped (Open WebUI's total 0 and ModelsLab end at once)
    assert bool(capped) == (provider in {"scenario", "truefoundry"})


@pytest.mark.parametrize("provider", list(PROVIDERS))
def test_limit_one_is_one_request(prism_base_url: Callable[[str], str], provider: ProviderName) -> None:
    recorder = Recorder()
    with make_client(provider, prism_base_url(provider), recorder) as client:
        items = list(client.list_models(limit=1))
    recorder.assert_clean(provider)
    assert len(items) == 1
    # ModelsLab: the example's trained list is empty, so the limit is met on the public list
    assert len(recorder.exchanges) == (2 if provider == "modelslab" else 1)


def test_openwebui_single_example_page_ends_at_once(prism_base_url: Callable[[str], str]) -> None:
    recorder = Recorder()
    with make_client("openwebui", prism_base_url("openwebui"), recorder) as client:
        items = list(client.list_models())
    recorder.assert_clean("openwebui")
    assert [r.url.params["page"] for r in recorder.requests] == ["1"]
    assert [item.id for item in items] == ["string"]


# --------------------------------------------------------------------------- dynamic bodies


def _count(provider: ProviderName, items: list[object] | ModelCatalogError, tally: Counter[str]) -> None:
    """One listing's outcome: its items must all normalize; a ModelCatalogError is counted by class."""
    if isinstance(items, ModelCatalogError):
        tally[type(items).__name__] += 1
        return
    validated(provider, items)
    tally["ok"] += 1
    tally["records"] += len(items)


def _sync_listing(client: Client) -> list[object] | ModelCatalogError:
    operation = DYNAMIC_OPERATION.get(client.provider.name)
    try:
        return list(client.list_models(operation=operation, max_pages=DYNAMIC_MAX_PAGES))
    except ModelCatalogError as exc:  # anything else is not documented: it fails the test
        return exc


async def _async_listing(client: AsyncClient) -> list[object] | ModelCatalogError:
    operation = DYNAMIC_OPERATION.get(client.provider.name)
    try:
        return [item async for item in client.list_models(operation=operation, max_pages=DYNAMIC_MAX_PAGES)]
    except ModelCatalogError as exc:
        return exc


@pytest.mark.parametrize("provider", list(PROVIDERS))
async def test_dynamic_bodies_parse_and_normalize(
    prism_base_url: Callable[[str], str], provider: ProviderName, record_property: Callable[[str, object], None]
) -> None:
    """Half the listings sync, half async; each page is a fresh random body Prism made from the spec."""
    recorder = Recorder()
    events: list[Any] = []
    tally: Counter[str] = Counter()
    base_url = prism_base_url(provider)
    with make_client(provider, base_url, recorder, events=events, headers=DYNAMIC) as client:
        for _ in range(DYNAMIC_LISTINGS // 2):
            _count(provider, _sync_listing(client), tally)
    async with make_async_client(provider, base_url, recorder, events=events, headers=DYNAMIC) as aclient:
        for _ in range(DYNAMIC_LISTINGS - DYNAMIC_LISTINGS // 2):
            _count(provider, await _async_listing(aclient), tally)

    assert all(r.headers["prefer"] == "dynamic=true" for r in recorder.requests)
    recorder.assert_clean(provider)
    assert len({response.content for response in recorder.exchanges}) > len(recorder.exchanges) // 2  # random
    assert all(isinstance(event, OffSpecEvent | PaginationEvent) for event in events)
    listings = sum(count for name, count in tally.items() if name != "records")
    errors = {name: count / listings for name, count in tally.items() if name not in {"ok", "records"}}
    off_spec = Counter(event.kind for event in events if isinstance(event, OffSpecEvent))
    summary = {"listings": listings, "ok": tally["ok"], "records": tally["records"], "errors": errors}
    record_property("dynamic", json.dumps({**summary, "off_spec": dict(off_spec)}))
    print(f"{provider}: {summary} off-spec events={dict(off_spec)}")  # noqa: T201 - shown with -rP or -s
    assert listings == DYNAMIC_LISTINGS
    # measured: 800 of 800 listings parsed; most failing would mean the wrapper no longer reads its spec
    assert tally["ok"] >= DYNAMIC_LISTINGS * 3 // 4, summary


def test_extra_headers_never_replace_the_credential(prism_base_url: Callable[[str], str]) -> None:
    """``HTTPSettings.headers`` adds to every request; the provider's auth still has the last word."""
    recorder = Recorder()
    headers = {"Authorization": "Bearer not-the-key", "X-Trace": "abc", "User-Agent": "catalog-test"}
    with make_client("openwebui", prism_base_url("openwebui"), recorder, headers=headers) as client:
        list(client.list_models(limit=1))
    recorder.assert_clean("openwebui")
    sent = recorder.requests[0].headers
    assert sent["authorization"] == f"Bearer {CREDENTIALS['openwebui']['api_key']}"
    assert (sent["x-trace"], sent["user-agent"], sent["accept"]) == ("abc", "catalog-test", "application/json")
