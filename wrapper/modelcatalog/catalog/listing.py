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
records, and the records it delivered before failing are kept. So does a provider whose
listing is incomplete (it stopped early, hit the ``deadline``, or left out records that
do not match the spec): its ``ProviderFailure`` carries an ``IncompleteListingError``
that says why, after all the records it has.

- ``stream_catalog`` / ``astream_catalog`` yield records as pages arrive (``ModelRecord``
  items, then a ``ProviderFailure`` item where a provider failed); with a sorted query
  they yield once every provider is done, in order, failures last.
- ``list_catalog`` / ``alist_catalog`` collect a ``CatalogResult``: ``.records``,
  ``.failures`` (``.incomplete``: those that are incomplete listings), ``.ok``.
- ``on_progress`` receives a ``ProviderProgress`` each time a provider's records, a page
  or its failure arrive, or a request of its starts waiting to be retried, sorted query or
  not (a progress line needs no second query).

``deadline`` (seconds) bounds the whole listing, every provider at once: when it passes,
each provider still listing ends with what it has, as an incomplete listing. ``strict``
makes a record that does not match the spec fail its provider (``SchemaMismatchError``)
instead of being left out.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
import warnings
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Final

import msgspec
from modelcatalog_generated.catalog import ModelRecord

from modelcatalog.catalog.normalization import UnidentifiedRecordError
from modelcatalog.catalog.query import Query, Request, plan, stop_after
from modelcatalog.client import AsyncClient, Client, ClientOptions
from modelcatalog.errors import (
    ConfigurationError,
    FromSource,
    IncompleteListingError,
    ModelCatalogError,
    source_label,
)
from modelcatalog.events import Event, EventHandler, EventSink, ModelCatalogWarning, OffSpecEvent, PaginationEvent
from modelcatalog.instances import Instance
from modelcatalog.providers import NAMES, get_provider
from modelcatalog.transport import RetryWait, retry_waits_to

if TYPE_CHECKING:
    import asyncio

    from modelcatalog.pagination import Page
    from modelcatalog.providers import Provider


class CatalogWarning(ModelCatalogWarning):
    """A provider record was left out of the catalog (it has no identifier)."""


class ProviderFailure(FromSource, msgspec.Struct, frozen=True):
    """One provider failed, or its listing is incomplete; ``records`` of its records had been delivered.

    An incomplete listing (``incomplete``) carries an ``IncompleteListingError`` whose
    ``reasons`` are the events that made it so. ``instance`` names the server (the
    provider's name unless the source was a named instance).
    """

    provider: str
    error: Exception
    records: int = 0
    instance: str = ""

    @property
    def incomplete(self) -> bool:
        """Whether the provider listed, but not every record (rather than failing outright)."""
        return isinstance(self.error, IncompleteListingError)

    def describe(self) -> str:
        """One line for a person: provider, operation, the library's message, and how far it got.

        Messages of modelcatalog's errors are scrubbed of credentials; an exception that is
        not one of them is named by its type only, since its text could hold anything.
        """
        error = self.error
        where = source_label(self.provider, self.instance)
        if isinstance(error, ModelCatalogError):
            text = str(error) if error.provider else f"{where}: {error}"
        else:
            text = f"{where}: unexpected {type(error).__name__} (not a modelcatalog error: its text is not shown)"
        after = f" (after {self.records} records)" if self.records else ""
        return text + after


CatalogItem = ModelRecord | ProviderFailure
"""What the streams yield: a record, or one provider's failure."""


class CatalogResult(msgspec.Struct):
    """Everything a listing produced: the records (sorted and limited as the query says) and the failures."""

    records: list[ModelRecord] = msgspec.field(default_factory=list)
    failures: list[ProviderFailure] = msgspec.field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every provider listed completely (a CLI exits 1 otherwise)."""
        return not self.failures

    @property
    def incomplete(self) -> list[ProviderFailure]:
        """The failures that are incomplete listings: their records are in ``records``, some are missing."""
        return [failure for failure in self.failures if failure.incomplete]


class ProviderProgress(FromSource, msgspec.Struct, frozen=True):
    """Where one provider's listing stands, given to ``on_progress`` each time its records or its failure arrive.

    Reported in the thread (or task) that reads the stream, as items arrive: before a
    sorted query orders them and before the query's limit cuts them.
    """

    provider: str
    #: matching records received from this provider so far
    records: int
    #: set when the provider failed, or its listing ended incomplete
    failure: ProviderFailure | None = None
    #: pages this provider's listings have received so far (matching or not)
    pages: int = 0
    #: the wait before a retry this provider's requests are in, if any (``waiting.left``
    #: counts down; ``waiting.retry_after`` says the server asked for it)
    waiting: RetryWait | None = None
    #: the server's name (the provider's unless the source was a named instance)
    instance: str = ""


ProgressHandler = Callable[[ProviderProgress], None]


SyncSource = str | Instance | Client
AsyncSource = str | Instance | AsyncClient


class _Job(msgspec.Struct):
    """One provider's share of a listing: its source, its requests, what it delivered."""

    spec: Provider
    source: Any
    requests: list[Request]
    #: the server's name: the client's or instance's, else the provider's
    instance: str = ""
    delivered: int = 0
    seen: set[str] | None = None
    #: why this provider's listing lacks records so far (events from its pagers)
    incomplete: list[Event] = msgspec.field(default_factory=list)
    #: pages received, and the latest wait before a retry (read by the consumer's thread)
    pages: int = 0
    waiting: RetryWait | None = None

    def __post_init__(self) -> None:
        self.instance = self.instance or self.spec.name
        if len(self.requests) > 1:
            self.seen = set()  # several listings (Scenario scopes) may overlap

    @property
    def provider(self) -> str:
        return self.spec.name

    def accept(self, page: Page[Any], query: Query, needed: int | None) -> list[ModelRecord]:
        """The page's records that match, normalized, deduplicated, cut to what is still needed."""
        # the job is one of the providers the query wants: only the other criteria are left
        normalizers, seen, check = self.spec.normalizers, self.seen, query.field_check
        undeclared = self.spec.normalize  # a record type no operation declared: a TypeError naming it
        instance = self.instance if self.instance != self.provider else None
        wanted = None if needed is None else max(needed - self.delivered, 0)
        batch: list[ModelRecord] = []
        for item in page.items:
            if len(batch) == wanted:
                break  # a limit met mid-page: the rest of a single-page listing is never normalized
            try:
                record = normalizers.get(type(item), undeclared)(item)
            except UnidentifiedRecordError as exc:
                where = source_label(self.provider, self.instance)
                warnings.warn(f"{where}: {exc}; left out of the catalog", CatalogWarning, stacklevel=2)
                continue
            if instance is not None:
                record.instance = instance
            if seen is not None:
                if record.id in seen:
                    continue
                seen.add(record.id)
            if check is None or check(record):
                batch.append(record)
        self.delivered += len(batch)
        return batch

    def satisfied(self, needed: int | None) -> bool:
        return needed is not None and self.delivered >= needed

    def pager(self, client: Any, request: Request, run: _Run) -> Any:  # noqa: ANN401 - a Client's or AsyncClient's
        """The listing of ``request`` with what is left of the deadline; None (reported) when nothing is."""
        left = run.time_left()
        if left == 0:
            self.out_of_time(request, run)
            return None
        return client.list_models(
            operation=request.operation, filters=request.filters, strict=run.strict, deadline=left
        )

    def out_of_time(self, request: Request, run: _Run) -> None:
        """The deadline passed before ``request`` began: reported like a pager's own deadline."""
        sink = EventSink(run.on_event, instance=self.instance)
        for operation in self.spec.operation(request.operation):
            detail = "stopped before the first page (deadline)"
            sink.emit(PaginationEvent(self.provider, operation.name, "deadline_reached", detail))
        self.incomplete.extend(sink.incomplete)

    def failure(self) -> ProviderFailure | None:
        """The provider's incomplete listing as a failure (None when it is complete)."""
        if not self.incomplete:
            return None
        reasons = tuple(dict.fromkeys(self.incomplete))
        bad = [reason for reason in reasons if isinstance(reason, OffSpecEvent)]
        stops = [reason for reason in reasons if isinstance(reason, PaginationEvent)]
        parts = [f"{reason.kind.replace('_', ' ')}: {reason.detail}" for reason in stops]
        if bad:
            parts.append(f"{len(bad)} record(s) left out, not matching the spec (the first at {bad[0].location})")
        operations = {reason.operation for reason in reasons}
        error = IncompleteListingError(
            "listing incomplete: " + "; ".join(parts),
            reasons=reasons,
            provider=self.provider,
            operation=operations.pop() if len(operations) == 1 else None,
        )
        error.attribute_to(self.instance)
        return self.failed(error)

    def failed(self, error: Exception) -> ProviderFailure:
        """The failure of this job's provider with ``error``, after the records it delivered."""
        return ProviderFailure(self.provider, error, self.delivered, instance=self.instance)

    @property
    def owns_client(self) -> bool:
        """Whether ``open`` makes the client (from a name or an ``Instance``), so the job closes it."""
        return isinstance(self.source, str | Instance)

    def open(self, run: _Run, kind: type[Client | AsyncClient]) -> Any:  # noqa: ANN401 - a Client or AsyncClient
        """The client to list with: the source itself, or one made from a name or an ``Instance`` (then owned)."""
        options = run.client_options(self.instance)
        source = self.source
        if isinstance(source, Instance):
            return source.client(**options) if kind is Client else source.async_client(**options)
        if isinstance(source, str):
            return kind(source, **options)
        return source


class _Nudge(msgspec.Struct, frozen=True):
    """Tells the consumer that a source's progress changed without records: a page or a retry wait."""

    instance: str


def _jobs(query: Query, sources: Iterable[Any] | None) -> list[_Job]:
    """One job per source that can match; every provider's module checked before any request.

    Two sources under one name are refused: their records could not be told apart.
    """
    if sources is None:
        sources = sorted(query.providers) if query.providers is not None else list(NAMES)
    jobs = []
    names: set[str] = set()
    for source in sources:
        if isinstance(source, str):
            spec, name = get_provider(source), source.lower()
        elif isinstance(source, Instance):
            spec, name = get_provider(source.provider), source.name
        else:
            spec, name = source.provider, source.name
        if name in names:
            msg = f"two sources are named {name!r}: give each server its own name"
            raise ConfigurationError(msg)
        names.add(name)
        requests = plan(query, spec.name)
        if requests:  # nothing this provider lists can match: no client, no request
            jobs.append(_Job(spec, source, requests, instance=name))
    return jobs


_DONE: Final = object()


class _Run(msgspec.Struct, frozen=True):
    """What every worker of one listing shares."""

    query: Query
    needed: int | None
    options: Mapping[str, ClientOptions]
    on_event: EventHandler | None
    put: Callable[[Any], None]
    stop: threading.Event = msgspec.field(default_factory=threading.Event)
    #: async listings: one permit per record batch waiting for the consumer
    room: asyncio.Semaphore | None = None
    strict: bool = False
    #: seconds for the whole listing, from ``started`` (None: no deadline)
    deadline: float | None = None
    started: float = msgspec.field(default_factory=time.monotonic)
    #: tells the consumer of progress without records; never waits (None: nobody asked for progress)
    nudge: Callable[[_Nudge], None] | None = None

    def progressed(self, job: _Job, wait: RetryWait | None = None) -> None:
        """``job`` received a page without matching records, or began a ``wait`` before a retry."""
        if wait is not None:
            job.waiting = wait
        if self.nudge is not None:
            self.nudge(_Nudge(job.instance))

    def client_options(self, name: str) -> ClientOptions:
        """The keyword arguments for the client of the provider or instance called ``name``."""
        options: ClientOptions = {"on_event": self.on_event}
        options.update(self.options.get(name, {}))
        return options

    def time_left(self) -> float | None:
        """Seconds until the deadline (0 once it passed); None without one."""
        if self.deadline is None:
            return None
        return max(self.deadline - (time.monotonic() - self.started), 0.0)


# ----------------------------------------------------------------------------------
# sync


def stream_catalog(
    query: Query | None = None,
    sources: Iterable[SyncSource] | None = None,
    *,
    client_options: Mapping[str, ClientOptions] | None = None,
    on_event: EventHandler | None = None,
    deadline: float | None = None,
    strict: bool = False,
    on_progress: ProgressHandler | None = None,
) -> Iterator[ModelRecord | ProviderFailure]:
    """Records from every provider as they arrive, and a ``ProviderFailure`` for each that fails.

    ``sources`` are provider names or ``Instance``s (a ``Client`` is made for each,
    from ``client_options[name]`` and the environment, and closed afterwards) or ready
    ``Client``s (left open), each under its own name; by default, ``query.providers`` or every provider. A
    provider whose listing is incomplete ends with a ``ProviderFailure`` carrying an
    ``IncompleteListingError``; ``deadline`` (seconds) bounds the whole listing and
    ``strict`` fails a provider on a record that does not match its spec.
    ``on_progress`` is told each time a provider's records or its failure arrive.
    """
    query = query or Query()
    _check_deadline(deadline)
    jobs = _jobs(query, sources)
    if query.limit == 0:
        return
    settings = _Settings(client_options or {}, on_event, strict, deadline, on_progress)
    if query.needs_everything:
        yield from _sorted(query, _threads(query, jobs, settings))
        return
    remaining = query.limit
    stream = _threads(query, jobs, settings)
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
    client_options: Mapping[str, ClientOptions] | None = None,
    on_event: EventHandler | None = None,
    deadline: float | None = None,
    strict: bool = False,
    on_progress: ProgressHandler | None = None,
) -> CatalogResult:
    """Every matching record and every failure, collected (see ``stream_catalog``)."""
    return _collect(
        stream_catalog(
            query,
            sources,
            client_options=client_options,
            on_event=on_event,
            deadline=deadline,
            strict=strict,
            on_progress=on_progress,
        )
    )


class _Settings(msgspec.Struct, frozen=True):
    """How the caller wants every provider listed."""

    client_options: Mapping[str, ClientOptions]
    on_event: EventHandler | None
    strict: bool
    deadline: float | None
    on_progress: ProgressHandler | None = None

    def run(self, query: Query, put: Callable[[Any], None], **extra: Any) -> _Run:  # noqa: ANN401
        """The shared state of one listing, its clock started now."""
        return _Run(
            query,
            stop_after(query),
            self.client_options,
            self.on_event,
            put,
            strict=self.strict,
            deadline=self.deadline,
            **extra,
        )


def _check_deadline(deadline: float | None) -> None:
    if deadline is not None and not 0 < deadline < float("inf"):  # NaN fails both
        msg = f"deadline must be a finite number of seconds above 0, got {deadline}"
        raise ConfigurationError(msg)


#: record batches (pages) each provider may have waiting for the consumer
_BATCHES_IN_FLIGHT = 4


class _Tally:
    """Counts each provider's records as they reach the consumer, and tells ``on_progress``."""

    def __init__(self, handler: ProgressHandler | None, jobs: Iterable[_Job]) -> None:
        self._handler = handler
        self._jobs = {job.instance: job for job in jobs}
        self._counts: dict[str, int] = {}

    def arrived(self, item: list[ModelRecord] | ProviderFailure | _Nudge) -> None:
        if self._handler is None:
            return
        if isinstance(item, ProviderFailure):
            self._tell(item.instance, item)
            return
        if isinstance(item, _Nudge):
            self._tell(item.instance)
            return
        instance = item[0].instance  # a batch is one source's, and never empty
        self._counts[instance] = self._counts.get(instance, 0) + len(item)
        self._tell(instance)

    def _tell(self, instance: str, failure: ProviderFailure | None = None) -> None:
        assert self._handler is not None  # noqa: S101 - arrived() checked
        job = self._jobs[instance]
        waiting = job.waiting if job.waiting is not None and job.waiting.left > 0 else None
        counted = self._counts.get(instance, 0)
        self._handler(ProviderProgress(job.provider, counted, failure, job.pages, waiting, instance=instance))


def _threads(query: Query, jobs: list[_Job], settings: _Settings) -> Generator[list[ModelRecord] | ProviderFailure]:
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

    def nudge(item: _Nudge) -> None:
        with contextlib.suppress(queue.Full):  # a full inbox will tell the consumer soon enough
            inbox.put_nowait(item)

    run = settings.run(query, put, stop=stop, nudge=nudge if settings.on_progress is not None else None)
    pool = ThreadPoolExecutor(max_workers=len(jobs), thread_name_prefix="modelcatalog-catalog")
    for job in jobs:
        pool.submit(_run_sync, job, run)
    running = len(jobs)
    tally = _Tally(settings.on_progress, jobs)
    try:
        while running:
            item = inbox.get()
            if item is _DONE:
                running -= 1
            else:
                tally.arrived(item)
                if not isinstance(item, _Nudge):
                    yield item
    finally:
        run.stop.set()  # a consumer that stopped early releases the workers after their current page
        pool.shutdown(wait=False, cancel_futures=True)


def _run_sync(job: _Job, run: _Run) -> None:
    owned = job.owns_client
    client: Client | None = None
    failure: ProviderFailure | None = None
    try:
        client = job.open(run, Client)
        with retry_waits_to(lambda wait: run.progressed(job, wait)):
            failure = _list_sync(job, client, run)
    except Exception as exc:  # noqa: BLE001 - any failure of one provider is reported, never lost or fatal to others
        failure = job.failed(exc)
    finally:
        # the client is closed before the failure is reported: its last log lines come
        # before the consumer's report of the failure, never after
        try:
            if owned and client is not None:
                client.close()
        finally:
            if failure is not None:
                run.put(failure)
            run.put(_DONE)


def _list_sync(job: _Job, client: Client, run: _Run) -> ProviderFailure | None:
    """Deliver the job's records; the failure that says it is incomplete, if it is."""
    for request in job.requests:
        if (pager := job.pager(client, request, run)) is None:
            continue
        for page in pager.pages():
            job.pages += 1
            batch = job.accept(page, run.query, run.needed)
            if batch:
                run.put(batch)
            else:
                run.progressed(job)
            if run.stop.is_set() or job.satisfied(run.needed):
                return None
        job.incomplete.extend(pager.incomplete)
    return job.failure()


def _sorted(query: Query, stream: Iterable[list[ModelRecord] | ProviderFailure]) -> Iterator[Any]:
    records: list[ModelRecord] = []
    failures: list[ProviderFailure] = []
    for item in stream:
        if isinstance(item, ProviderFailure):
            failures.append(item)
        else:
            records.extend(item)
    yield from query.order(records)
    yield from sorted(failures, key=lambda f: f.instance)


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
    client_options: Mapping[str, ClientOptions] | None = None,
    on_event: EventHandler | None = None,
    deadline: float | None = None,
    strict: bool = False,
    on_progress: ProgressHandler | None = None,
) -> AsyncIterator[ModelRecord | ProviderFailure]:
    """The async twin of ``stream_catalog``: providers listed as concurrent tasks."""
    query = query or Query()
    _check_deadline(deadline)
    jobs = _jobs(query, sources)
    if query.limit == 0:
        return
    stream = _tasks(query, jobs, _Settings(client_options or {}, on_event, strict, deadline, on_progress))
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
    client_options: Mapping[str, ClientOptions] | None = None,
    on_event: EventHandler | None = None,
    deadline: float | None = None,
    strict: bool = False,
    on_progress: ProgressHandler | None = None,
) -> CatalogResult:
    """The async twin of ``list_catalog``."""
    result = CatalogResult()
    items = astream_catalog(
        query,
        sources,
        client_options=client_options,
        on_event=on_event,
        deadline=deadline,
        strict=strict,
        on_progress=on_progress,
    )
    async for item in items:
        if isinstance(item, ProviderFailure):
            result.failures.append(item)
        else:
            result.records.append(item)
    return result


async def _tasks(
    query: Query, jobs: list[_Job], settings: _Settings
) -> AsyncGenerator[list[ModelRecord] | ProviderFailure]:
    import asyncio  # noqa: PLC0415 - the async twins load asyncio; the command's threads never do

    if not jobs:
        return
    inbox: asyncio.Queue[Any] = asyncio.Queue()
    room = asyncio.Semaphore(_BATCHES_IN_FLIGHT * len(jobs))  # the bounded queue's async twin
    nudge = inbox.put_nowait if settings.on_progress is not None else None
    run = settings.run(query, inbox.put_nowait, room=room, nudge=nudge)
    tasks = [asyncio.create_task(_run_async(job, run)) for job in jobs]
    running = len(tasks)
    tally = _Tally(settings.on_progress, jobs)
    try:
        while running:
            item = await inbox.get()
            if isinstance(item, list):
                room.release()
            if item is _DONE:
                running -= 1
            else:
                tally.arrived(item)
                if not isinstance(item, _Nudge):
                    yield item
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def _run_async(job: _Job, run: _Run) -> None:
    owned = job.owns_client
    client: AsyncClient | None = None
    failure: ProviderFailure | None = None
    try:
        client = job.open(run, AsyncClient)
        with retry_waits_to(lambda wait: run.progressed(job, wait)):  # this task's requests only
            failure = await _list_async(job, client, run)
    except Exception as exc:  # noqa: BLE001 - any failure of one provider is reported, never lost or fatal to others
        failure = job.failed(exc)
    finally:
        try:
            if owned and client is not None:
                await client.aclose()
        finally:
            if failure is not None:
                run.put(failure)
            run.put(_DONE)


async def _list_async(job: _Job, client: AsyncClient, run: _Run) -> ProviderFailure | None:
    """The async twin of ``_list_sync``."""
    for request in job.requests:
        if (pager := job.pager(client, request, run)) is None:
            continue
        async for page in pager.pages():
            job.pages += 1
            batch = job.accept(page, run.query, run.needed)
            if batch:
                if run.room is not None:
                    await run.room.acquire()
                run.put(batch)
            else:
                run.progressed(job)
            if job.satisfied(run.needed):
                return None
        job.incomplete.extend(pager.incomplete)
    return job.failure()


__all__ = [
    "AsyncSource",
    "CatalogItem",
    "CatalogResult",
    "CatalogWarning",
    "ClientOptions",
    "ProgressHandler",
    "ProviderFailure",
    "ProviderProgress",
    "SyncSource",
    "alist_catalog",
    "astream_catalog",
    "list_catalog",
    "stream_catalog",
]
