"""List several providers at once, as catalog records, without losing anything to one failure.

>>> from modelcatalog.catalog import Query, list_catalog
>>> result = list_catalog(Query(tags=["anime"], sort="-created_at", limit=20))  # doctest: +SKIP
>>> for record in result.records:  # doctest: +SKIP
...     print(record.provider, record.id, record.name)
>>> for failure in result.failures:  # doctest: +SKIP
...     print(failure.describe())

Providers are listed concurrently (a thread each, or a task each in the async twins).
Each one's listings come from ``plan``; every record is normalized and checked against
the query on the client. A provider that fails, whether setting up its client (a missing
credential) or on page 7, becomes a ``ProviderFailure`` next to the other providers'
records, and the records it delivered before failing are kept.

- ``stream_catalog`` / ``astream_catalog`` yield records as pages arrive (``ModelRecord``
  items, then a ``ProviderFailure`` item where a provider failed); with a sorted query
  they yield once every provider is done, in order, failures last.
- ``list_catalog`` / ``alist_catalog`` collect a ``CatalogResult``: ``.records``,
  ``.failures``, ``.ok``.
"""

from __future__ import annotations

import asyncio
import queue
import threading
import warnings
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from modelcatalog_generated.catalog import ModelRecord

from modelcatalog.catalog.normalization import NORMALIZERS, UnidentifiedRecordError
from modelcatalog.catalog.query import Query, Request, plan, stop_after
from modelcatalog.client import AsyncClient, Client
from modelcatalog.errors import ModelCatalogError
from modelcatalog.events import EventHandler, ModelCatalogWarning
from modelcatalog.providers import PROVIDERS

if TYPE_CHECKING:
    from modelcatalog.pagination import Page


class CatalogWarning(ModelCatalogWarning):
    """A provider record was left out of the catalog (it has no identifier)."""


@dataclass(frozen=True)
class ProviderFailure:
    """One provider failed; ``records`` of its records had been delivered before it did."""

    provider: str
    error: Exception
    records: int = 0

    def describe(self) -> str:
        """One line for a person: which provider, which error, how far it got."""
        error = self.error
        message = error.message if isinstance(error, ModelCatalogError) else str(error)
        operation = getattr(error, "operation", None)
        where = f"{self.provider} {operation}" if operation else self.provider
        after = f" (after {self.records} records)" if self.records else ""
        return f"{where}: {type(error).__name__}: {message}{after}"


CatalogItem = ModelRecord | ProviderFailure
"""What the streams yield: a record, or one provider's failure."""


@dataclass
class CatalogResult:
    """Everything a listing produced: the records (sorted and limited as the query says) and the failures."""

    records: list[ModelRecord] = field(default_factory=list)
    failures: list[ProviderFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every provider listed completely (a CLI exits 1 otherwise)."""
        return not self.failures

    def by_provider(self) -> dict[str, list[ModelRecord]]:
        """The records grouped by provider, in listing order."""
        grouped: dict[str, list[ModelRecord]] = {}
        for record in self.records:
            grouped.setdefault(record.provider, []).append(record)
        return grouped


SyncSource = str | Client
AsyncSource = str | AsyncClient
ClientOptions = Mapping[str, Mapping[str, Any]]


@dataclass
class _Job:
    """One provider's share of a listing: its source, its requests, what it delivered."""

    provider: str
    source: Any
    requests: list[Request]
    delivered: int = 0
    seen: set[str] | None = None
    normalizers: Mapping[type, Callable[[Any], ModelRecord]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.normalizers = NORMALIZERS[self.provider]
        if len(self.requests) > 1:
            self.seen = set()  # several listings (Scenario scopes) may overlap

    def accept(self, page: Page[Any], query: Query, needed: int | None) -> list[ModelRecord]:
        """The page's records that match, normalized, deduplicated, cut to what is still needed."""
        normalizers, seen, matches = self.normalizers, self.seen, query.matches
        batch: list[ModelRecord] = []
        for item in page.items:
            try:
                record = normalizers[type(item)](item)
            except UnidentifiedRecordError as exc:
                warnings.warn(f"{self.provider}: {exc}; left out of the catalog", CatalogWarning, stacklevel=2)
                continue
            if seen is not None:
                if record.id in seen:
                    continue
                seen.add(record.id)
            if matches(record):
                batch.append(record)
        if needed is not None:
            batch = batch[: max(needed - self.delivered, 0)]
        self.delivered += len(batch)
        return batch

    def satisfied(self, needed: int | None) -> bool:
        return needed is not None and self.delivered >= needed


def _jobs(query: Query, sources: Iterable[Any] | None) -> list[_Job]:
    if sources is None:
        sources = sorted(query.providers) if query.providers is not None else list(PROVIDERS)
    jobs = []
    for source in sources:
        provider = source.lower() if isinstance(source, str) else source.provider.name
        if provider not in PROVIDERS:
            known = ", ".join(PROVIDERS)
            msg = f"unknown provider {source!r} (known: {known})"
            raise ValueError(msg)
        requests = plan(query, provider)
        if requests:  # nothing this provider lists can match: no client, no request
            jobs.append(_Job(provider, source, requests))
    return jobs


_DONE: Final = object()


@dataclass(frozen=True)
class _Run:
    """What every worker of one listing shares."""

    query: Query
    needed: int | None
    options: ClientOptions
    on_event: EventHandler | None
    put: Callable[[Any], None]
    stop: threading.Event = field(default_factory=threading.Event)
    #: async listings: one permit per record batch waiting for the consumer
    room: asyncio.Semaphore | None = None

    def client_options(self, provider: str) -> dict[str, Any]:
        return {"on_event": self.on_event, **self.options.get(provider, {})}


# ----------------------------------------------------------------------------------
# sync


def stream_catalog(
    query: Query | None = None,
    sources: Iterable[SyncSource] | None = None,
    *,
    client_options: ClientOptions | None = None,
    on_event: EventHandler | None = None,
) -> Iterator[ModelRecord | ProviderFailure]:
    """Records from every provider as they arrive, and a ``ProviderFailure`` for each that fails.

    ``sources`` are provider names (a ``Client`` is made for each, from
    ``client_options[name]`` and the environment, and closed afterwards) or ready
    ``Client``s (left open); by default, ``query.providers`` or every provider.
    """
    query = query or Query()
    jobs = _jobs(query, sources)
    if query.limit == 0:
        return
    if query.needs_everything:
        yield from _sorted(query, _threads(query, jobs, client_options or {}, on_event))
        return
    remaining = query.limit
    stream = _threads(query, jobs, client_options or {}, on_event)
    try:
        for item in stream:
            if isinstance(item, ProviderFailure):
                yield item
                continue
            for record in item:
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield record
    finally:
        stream.close()


def list_catalog(
    query: Query | None = None,
    sources: Iterable[SyncSource] | None = None,
    *,
    client_options: ClientOptions | None = None,
    on_event: EventHandler | None = None,
) -> CatalogResult:
    """Every matching record and every failure, collected (see ``stream_catalog``)."""
    return _collect(stream_catalog(query, sources, client_options=client_options, on_event=on_event))


#: record batches (pages) each provider may have waiting for the consumer
_BATCHES_IN_FLIGHT = 4


def _threads(
    query: Query, jobs: list[_Job], options: ClientOptions, on_event: EventHandler | None
) -> Generator[list[ModelRecord] | ProviderFailure]:
    """Run each job in its own thread; yield record batches and failures as they come."""
    if not jobs:
        return
    # Bounded, so a fast provider cannot run ahead of a slow consumer (a terminal, a
    # pipe) and hold the whole listing in memory: workers wait for room, and give up
    # waiting once the consumer has stopped.
    inbox: queue.Queue[Any] = queue.Queue(maxsize=_BATCHES_IN_FLIGHT * len(jobs))
    stop = threading.Event()

    def put(item: Any) -> None:  # noqa: ANN401 - a batch, a failure or the end marker
        while not stop.is_set():
            try:
                inbox.put(item, timeout=0.1)
            except queue.Full:
                continue
            return

    run = _Run(query, stop_after(query), options, on_event, put, stop)
    pool = ThreadPoolExecutor(max_workers=len(jobs), thread_name_prefix="modelcatalog-catalog")
    for job in jobs:
        pool.submit(_run_sync, job, run)
    running = len(jobs)
    try:
        while running:
            item = inbox.get()
            if item is _DONE:
                running -= 1
            else:
                yield item
    finally:
        run.stop.set()  # a consumer that stopped early releases the workers after their current page
        pool.shutdown(wait=False, cancel_futures=True)


def _run_sync(job: _Job, run: _Run) -> None:
    owned = isinstance(job.source, str)
    client: Client | None = None
    failure: ProviderFailure | None = None
    try:
        client = Client(job.provider, **run.client_options(job.provider)) if owned else job.source
        for request in job.requests:
            pager = client.list_models(operation=request.operation, filters=request.filters)
            for page in pager.pages():
                batch = job.accept(page, run.query, run.needed)
                if batch:
                    run.put(batch)
                if run.stop.is_set() or job.satisfied(run.needed):
                    return
    except Exception as exc:  # noqa: BLE001 - any failure of one provider is reported, never lost or fatal to others
        failure = ProviderFailure(job.provider, exc, job.delivered)
    finally:
        try:
            if owned and client is not None:
                client.close()
        finally:
            # reported once the client is closed: nothing of this provider's is logged after its error line
            if failure is not None:
                run.put(failure)
            run.put(_DONE)


def _sorted(query: Query, stream: Iterable[list[ModelRecord] | ProviderFailure]) -> Iterator[Any]:
    records: list[ModelRecord] = []
    failures: list[ProviderFailure] = []
    for item in stream:
        if isinstance(item, ProviderFailure):
            failures.append(item)
        else:
            records.extend(item)
    yield from query.order(records)
    yield from sorted(failures, key=lambda f: f.provider)


def _collect(items: Iterable[ModelRecord | ProviderFailure]) -> CatalogResult:
    result = CatalogResult()
    for item in items:
        if isinstance(item, ProviderFailure):
            result.failures.append(item)
        else:
            result.records.append(item)
    return result


# ----------------------------------------------------------------------------------
# async


async def astream_catalog(
    query: Query | None = None,
    sources: Iterable[AsyncSource] | None = None,
    *,
    client_options: ClientOptions | None = None,
    on_event: EventHandler | None = None,
) -> AsyncIterator[ModelRecord | ProviderFailure]:
    """The async twin of ``stream_catalog``: providers listed as concurrent tasks."""
    query = query or Query()
    jobs = _jobs(query, sources)
    if query.limit == 0:
        return
    stream = _tasks(query, jobs, client_options or {}, on_event)
    ordered = _asorted(query, stream) if query.needs_everything else _alimited(query.limit, stream)
    async for item in ordered:
        yield item


async def _asorted(query: Query, stream: AsyncIterator[list[ModelRecord] | ProviderFailure]) -> AsyncIterator[Any]:
    collected = [item async for item in stream]
    for item in _sorted(query, collected):
        yield item


async def _alimited(
    limit: int | None, stream: AsyncGenerator[list[ModelRecord] | ProviderFailure]
) -> AsyncIterator[ModelRecord | ProviderFailure]:
    """Records up to ``limit`` (failures always), closing the providers' tasks once it is reached."""
    remaining = limit
    try:
        async for item in stream:
            if isinstance(item, ProviderFailure):
                yield item
                continue
            for record in item:
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield record
    finally:
        await stream.aclose()


async def alist_catalog(
    query: Query | None = None,
    sources: Iterable[AsyncSource] | None = None,
    *,
    client_options: ClientOptions | None = None,
    on_event: EventHandler | None = None,
) -> CatalogResult:
    """The async twin of ``list_catalog``."""
    result = CatalogResult()
    async for item in astream_catalog(query, sources, client_options=client_options, on_event=on_event):
        if isinstance(item, ProviderFailure):
            result.failures.append(item)
        else:
            result.records.append(item)
    return result


async def _tasks(
    query: Query, jobs: list[_Job], options: ClientOptions, on_event: EventHandler | None
) -> AsyncGenerator[list[ModelRecord] | ProviderFailure]:
    if not jobs:
        return
    inbox: asyncio.Queue[Any] = asyncio.Queue()
    room = asyncio.Semaphore(_BATCHES_IN_FLIGHT * len(jobs))  # the bounded queue's async twin
    run = _Run(query, stop_after(query), options, on_event, inbox.put_nowait, room=room)
    tasks = [asyncio.create_task(_run_async(job, run)) for job in jobs]
    running = len(tasks)
    try:
        while running:
            item = await inbox.get()
            if isinstance(item, list):
                room.release()
            if item is _DONE:
                running -= 1
            else:
                yield item
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def _run_async(job: _Job, run: _Run) -> None:
    owned = isinstance(job.source, str)
    client: AsyncClient | None = None
    failure: ProviderFailure | None = None
    try:
        client = AsyncClient(job.provider, **run.client_options(job.provider)) if owned else job.source
        for request in job.requests:
            pager = client.list_models(operation=request.operation, filters=request.filters)
            async for page in pager.pages():
                batch = job.accept(page, run.query, run.needed)
                if batch:
                    if run.room is not None:
                        await run.room.acquire()
                    run.put(batch)
                if job.satisfied(run.needed):
                    return
    except Exception as exc:  # noqa: BLE001 - any failure of one provider is reported, never lost or fatal to others
        failure = ProviderFailure(job.provider, exc, job.delivered)
    finally:
        try:
            if owned and client is not None:
                await client.aclose()
        finally:
            if failure is not None:  # after the close, as in _run_sync
                run.put(failure)
            run.put(_DONE)


__all__ = [
    "AsyncSource",
    "CatalogItem",
    "CatalogResult",
    "CatalogWarning",
    "ClientOptions",
    "ProviderFailure",
    "SyncSource",
    "alist_catalog",
    "astream_catalog",
    "list_catalog",
    "stream_catalog",
]
