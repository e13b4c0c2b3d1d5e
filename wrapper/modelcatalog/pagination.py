"""One pager for every pagination style, sync and async.

A provider declares its style; the pager does the rest:

- ``CursorStyle``: a token in, the next token out (Scenario).
- ``OffsetStyle``: offset/limit with a total (TrueFoundry).
- ``PageNumberStyle``: 1-based page numbers, a fixed page size, a total (Open WebUI).
- ``SinglePageStyle``: one response holds everything (ModelsLab).

Once a page has held all its total promised, the remaining pages are fetched
concurrently (bounded) and still yielded in order. The bookkeeping that keeps a
listing honest lives in ``_Ledger``, shared by the sync and async drivers. No server
number is believed without a bound:

- A listing stops, and is *incomplete* (``Pager.incomplete`` says why), when the server
  goes round (a cursor comes back, a page brings nothing new), when a page is empty
  before the promised end, at the page cap (``max_pages``) and at the ``deadline``.
- A first page shorter than asked and than its total is not taken for the server's page
  cap until a second page holds as many: a server that overstates its total is followed
  page by page and ends at its first empty page, instead of being planned to the cap.
- A total below what was already received is ignored: paging goes on until a short or
  empty page.
- Short pages, items seen twice (kept once) and a total that changes are reported as
  ``PaginationEvent``s and the listing goes on.
"""

from __future__ import annotations

import contextvars
import queue
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterator, Sequence
from concurrent.futures import Future
from typing import Any, Generic, TypeVar

import msgspec

from modelcatalog.events import Event, EventSink, PaginationEvent, PaginationKind

T = TypeVar("T")
R = TypeVar("R")
Position = str | int | None
"""Where a page starts: a cursor token, an offset, a page number, or None (the first page)."""

DEFAULT_MAX_PAGES = 100_000
#: Pages in flight at once when the total is known: as many as the connection pool holds,
#: which is what it takes to list a large catalog an order of magnitude faster than page
#: after page (BENCHMARKS.md); the retry transport backs off if a server pushes back.
DEFAULT_CONCURRENCY = 16
#: how much of a cursor, and how many item keys, an event quotes
_QUOTED_CHARS = 16
_QUOTED_KEYS = 3


class Page(msgspec.Struct, Generic[T], frozen=True):
    """One page as the provider returned it (before de-duplication)."""

    items: list[T]
    position: Position
    next_cursor: str | None = None
    total: int | None = None
    #: records the server sent on this page that were left out (they do not match the spec)
    left_out: int = 0

    @property
    def received(self) -> int:
        """How many records the server sent: the page's place in an offset or page-number listing."""
        return len(self.items) + self.left_out


class PaginationStyle:
    """How a provider's pages follow each other. Subclasses are small and stateless."""

    #: whether the caller may choose the page size
    sizable = False

    def page_size_for(self, asked: int | None, limit: int | None, *, default: int, maximum: int | None) -> int:
        """The page size to ask for: ``asked`` or the operation's default, no larger than the limit or its maximum."""
        size = asked or default
        if limit is not None and self.sizable:
            size = min(size, max(limit, 1))
        return size if maximum is None else min(size, maximum)

    def label(self, position: Position) -> str:
        """The page at ``position`` as a message names it."""
        return "the first page" if position is None else f"the page after cursor {str(position)[:40]!r}"

    def first(self, start: Position) -> Position:
        """The position of the first page, given where the caller wants to resume."""
        return start

    def following(self, page: Page[T], page_size: int) -> Position:
        """The next position after ``page``, or None when the listing is complete."""
        del page, page_size
        return None

    def remaining(self, page: Page[T], page_size: int) -> Sequence[Position] | None:
        """All positions after ``page`` when its total allows planning them, else None.

        A lazy ``range``: a server's total is not trusted to be small (2**40 must not
        build a list), and the ledger trims it to the limit and the page cap.
        """
        del page, page_size
        return None

    def promised(self, page: Page[T], page_size: int) -> int | None:
        """How many items ``page`` should hold by its own total or cursor (None: no promise)."""
        del page, page_size
        return None

    def reach(self, page: Page[T], page_size: int) -> int | None:
        """How many items the listing holds up to the end of ``page`` (None: unknown)."""
        del page, page_size
        return None


class CursorStyle(PaginationStyle):
    """A token in, the next token out; an absent or empty token ends the listing."""

    sizable = True

    def following(self, page: Page[T], page_size: int) -> Position:  # noqa: D102
        del page_size
        return page.next_cursor or None

    def promised(self, page: Page[T], page_size: int) -> int | None:  # noqa: D102
        del page_size
        return 1 if page.next_cursor else None  # a page that is not the last holds something


class OffsetStyle(PaginationStyle):
    """``offset`` and ``limit`` in, a ``total`` out; without a total, a short page is the last."""

    sizable = True

    def label(self, position: Position) -> str:  # noqa: D102
        return f"the page at offset {position}"

    def first(self, start: Position) -> Position:  # noqa: D102
        return start if isinstance(start, int) else 0

    def following(self, page: Page[T], page_size: int) -> Position:  # noqa: D102
        offset = _as_int(page.position) + page.received
        if not page.received or (offset >= page.total if page.total is not None else page.received < page_size):
            return None
        return offset

    def remaining(self, page: Page[T], page_size: int) -> Sequence[Position] | None:  # noqa: D102
        if page.total is None or not page.received:
            return None
        return range(_as_int(page.position) + page.received, page.total, page_size)

    def promised(self, page: Page[T], page_size: int) -> int | None:  # noqa: D102
        return None if page.total is None else max(min(page_size, page.total - _as_int(page.position)), 0)

    def reach(self, page: Page[T], page_size: int) -> int | None:  # noqa: D102
        del page_size
        return _as_int(page.position) + page.received


class PageNumberStyle(PaginationStyle):
    """1-based ``page`` in, a ``total`` out, a page size fixed by the server (declared here, once)."""

    def __init__(self, page_size: int) -> None:
        self.page_size = page_size

    def page_size_for(self, asked: int | None, limit: int | None, *, default: int, maximum: int | None) -> int:  # noqa: D102
        del asked, limit, default, maximum
        return self.page_size

    def label(self, position: Position) -> str:  # noqa: D102
        return f"page {position}"

    def first(self, start: Position) -> Position:  # noqa: D102
        return start if isinstance(start, int) else 1

    def following(self, page: Page[T], page_size: int) -> Position:  # noqa: D102
        del page_size
        number = _as_int(page.position)
        if page.total is not None:
            last = not page.received or number * self.page_size >= page.total
        else:
            last = page.received < self.page_size
        return None if last else number + 1

    def remaining(self, page: Page[T], page_size: int) -> Sequence[Position] | None:  # noqa: D102
        del page_size
        if page.total is None or not page.received:
            return None
        last = _ceil_div(page.total, self.page_size)  # integers: a float overflows on 10**400
        return range(_as_int(page.position) + 1, last + 1)

    def promised(self, page: Page[T], page_size: int) -> int | None:  # noqa: D102
        del page_size
        if page.total is None:
            return None
        before = (_as_int(page.position) - 1) * self.page_size
        return max(min(self.page_size, page.total - before), 0)

    def reach(self, page: Page[T], page_size: int) -> int | None:  # noqa: D102
        del page_size
        return (_as_int(page.position) - 1) * self.page_size + page.received


class SinglePageStyle(PaginationStyle):
    """One response holds every item."""

    def label(self, position: Position) -> str:  # noqa: D102
        del position
        return "the list"


class PagerOptions(msgspec.Struct):
    """What the caller asked for; every field has a safe default."""

    limit: int | None = None
    page_size: int | None = None
    start: Position = None
    concurrency: int = DEFAULT_CONCURRENCY
    max_pages: int = DEFAULT_MAX_PAGES
    #: seconds for the whole listing (None: no deadline)
    deadline: float | None = None


class _Ledger(msgspec.Struct, Generic[T]):
    """The state one listing keeps, shared by the sync and async drivers."""

    style: PaginationStyle
    options: PagerOptions
    page_size: int
    item_key: Callable[[T], Hashable]
    sink: EventSink
    provider: str
    operation: str
    #: hashes of the item keys seen so far: a third of the memory of the keys themselves
    #: when streaming hundreds of thousands of models (a 64-bit collision is ~1e-9 there)
    seen_items: set[int] = msgspec.field(default_factory=set)
    seen_cursors: set[str] = msgspec.field(default_factory=set)
    total: int | None = None
    pages: int = 0
    yielded: int = 0
    #: ``time.monotonic()`` when the listing's deadline passes (None: no deadline)
    deadline_at: float | None = None
    #: stopped before the server's end (the reason was reported as an event)
    stopped: bool = False
    #: an empty page came after every item the total promised: the end, not a gap
    ended: bool = False
    #: the last page held items, but none that had not been seen before
    idle: bool = False
    #: a total below what was received: ignored from then on
    disbelieved: bool = False
    #: the first page's size when it was shorter than asked and than its total
    suspected_cap: int | None = None
    planned: bool = False

    def report(self, kind: PaginationKind, detail: str) -> None:
        self.sink.emit(PaginationEvent(self.provider, self.operation, kind, detail))

    def quote(self, position: Position) -> str:
        """A position as an event quotes it: scrubbed, then a cursor cut short (a server may send megabytes)."""
        if isinstance(position, str):
            position = self.sink.scrub(position)
            if len(position) > _QUOTED_CHARS:
                return repr(position[:_QUOTED_CHARS] + "…")
        return repr(position)

    def stop(self, kind: PaginationKind, detail: str) -> None:
        """End the listing here: it is incomplete, and the event says why."""
        self.report(kind, detail)
        self.stopped = True

    @property
    def done(self) -> bool:
        return self.options.limit is not None and self.yielded >= self.options.limit

    @property
    def over(self) -> bool:
        """No more pages: the limit is reached, the listing ended, or it stopped early."""
        return self.stopped or self.ended or self.done

    def accept(self, page: Page[T]) -> Page[T]:
        """Check a page against what came before; return it with only new items, up to the limit."""
        self.pages += 1
        self._check_total(page)
        told = self._view(page)
        promised = self._promise(told)
        if promised and not page.received:
            if told.total is not None and len(self.seen_items) >= told.total:
                self.ended = True  # every item the total promised is here (the server's pages are larger)
            else:
                total = f" (total {told.total})" if told.total is not None else ""
                self.stop("empty_page", f"page at {self.quote(page.position)} is empty before the promised end{total}")
        elif promised is not None and page.received < promised:
            self.report("short_page", f"page at {self.quote(page.position)} has {page.received} of {promised} items")
        fresh: list[T] = []
        repeated: list[Hashable] = []
        wanted = None if self.options.limit is None else max(self.options.limit - self.yielded, 0)
        for item in page.items:
            if len(fresh) == wanted:
                break  # past the limit nothing is yielded: a one-page listing of 10,000 is not hashed for one
            key = self.item_key(item)
            digest = hash(key)
            if digest in self.seen_items:
                repeated.append(key)
                continue
            self.seen_items.add(digest)
            fresh.append(item)
        if repeated:
            quoted = ", ".join(self.sink.scrub(repr(key))[:64] for key in repeated[:_QUOTED_KEYS])
            more = ", …" if len(repeated) > _QUOTED_KEYS else ""
            self.report(
                "duplicate_item",
                f"{len(repeated)} item(s) on page at {self.quote(page.position)} appeared on an earlier page; "
                f"kept once: {quoted}{more}",
            )
        self.idle = bool(page.items) and not fresh and wanted != 0
        self.yielded += len(fresh)
        return Page(fresh, page.position, page.next_cursor, page.total, page.left_out)

    def _check_total(self, page: Page[T]) -> None:
        """Report a total that changes, and stop believing one below what was received."""
        if page.total is None:
            return
        if self.total is not None and page.total != self.total:
            self.report(
                "total_changed", f"total was {self.total}, page at {self.quote(page.position)} says {page.total}"
            )
        self.total = page.total
        reach = self.style.reach(page, self.page_size)
        if not self.disbelieved and reach is not None and page.total < reach:
            self.disbelieved = True
            self.report(
                "total_below_received",
                f"the server's total {page.total} is below the {reach} items received up to page at "
                f"{self.quote(page.position)}; it is ignored and paging goes on until a short or empty page",
            )

    def _view(self, page: Page[T]) -> Page[T]:
        """The page as the rules read it: without its total once totals are disbelieved."""
        return msgspec.structs.replace(page, total=None) if self.disbelieved and page.total is not None else page

    def _promise(self, page: Page[T]) -> int | None:
        """How many items ``page`` should hold, learning the server's page cap on the way.

        A first page shorter than asked and than its total is either capped by the
        server or the total is false. One page cannot tell: the size counts as the
        server's cap only when the next page holds as many (or the rest), and that
        next page is fetched alone, so a false total costs one request, not thousands.
        """
        promised = self.style.promised(page, self.page_size)
        if not self.style.sizable or page.total is None or promised is None:
            return promised
        if self.pages == 1 and 0 < page.received < promised:
            self.suspected_cap = page.received
            return None  # not yet a short page: perhaps a cap, the next page says
        if self.suspected_cap is not None:
            cap, self.suspected_cap = self.suspected_cap, None
            at_cap = self.style.promised(page, cap)
            if page.received and at_cap is not None and page.received >= at_cap:
                self.page_size = cap  # two pages agree: the server's page cap, planned around from here
                return at_cap
        return promised

    def following(self, page: Page[T]) -> Position:
        """The next sequential position, or None when the listing ends (early, if the ledger says so)."""
        if self.over:
            return None
        position = self.style.following(self._view(page), self.page_size)
        if position is None:
            return None
        if self.pages >= self.options.max_pages:
            self.stop("page_limit_reached", f"stopped after {self.pages} pages (max_pages)")
            return None
        if isinstance(position, str):
            if position in self.seen_cursors:
                self.stop("repeated_cursor", f"cursor {self.quote(position)} came back; listing ended there")
                return None
            self.seen_cursors.add(position)
        if self.idle:
            self.stop_idle(page)
            return None
        return position

    def check_progress(self, page: Page[T]) -> None:
        """Stop when ``page`` brought nothing new and the listing would go on (a planned page)."""
        if self.idle and not self.over and self.style.following(self._view(page), self.page_size) is not None:
            self.stop_idle(page)

    def stop_idle(self, page: Page[T]) -> None:
        """A page that held only items seen before ends the listing: the server is going round."""
        self.stop(
            "no_progress",
            f"page at {self.quote(page.position)} brought nothing new ({len(page.items)} items, all listed before); "
            "listing stopped there",
        )

    def plan(self, page: Page[T]) -> Sequence[Position] | None:
        """Positions to fetch concurrently after ``page`` (trimmed to the limit and cap), at most once.

        Only after a page that held everything its total promised: a page that did not
        is followed page by page until one does (or the listing ends).
        """
        if self.planned or self.options.concurrency <= 1 or self.over or self.disbelieved or self.idle:
            return None  # (a page that brought nothing new is followed, and ends the listing there)
        if self.suspected_cap is not None or page.total is None:
            return None
        promised = self.style.promised(page, self.page_size)
        if not page.received or promised is None or page.received < promised:
            return None
        positions = self.style.remaining(page, self.page_size)
        if positions is None:
            return None
        self.planned = True
        if self.options.limit is not None:
            needed = _ceil_div(self.options.limit - self.yielded, max(self.page_size, 1))
            positions = positions[:needed]
        return positions[: max(self.options.max_pages - self.pages, 0)]

    def time_left(self) -> float | None:
        """Seconds until the deadline (0 once it passed); None without a deadline."""
        if self.deadline_at is None:
            return None
        return max(self.deadline_at - time.monotonic(), 0.0)

    def out_of_time(self) -> None:
        """The deadline passed: the listing ends with what it has."""
        self.stop("deadline_reached", f"stopped after {self.pages} pages (deadline)")


FetchPage = Callable[[Position, int], Page[T]]
AsyncFetchPage = Callable[[Position, int], Awaitable[Page[T]]]
#: remaining item limit (None: no limit) -> the ledger of one operation's listing
LedgerFactory = Callable[[int | None], _Ledger[T]]


class _Listing(Generic[T]):
    """What the sync and async pagers share: segments, the limit across them, the deadline, the verdict."""

    def __init__(self, limit: int | None, deadline: float | None, sink: EventSink | None) -> None:
        self._limit = limit
        self._deadline = deadline
        self._sink = sink if sink is not None else EventSink()

    @property
    def incomplete(self) -> tuple[Event, ...]:
        """Why the listing lacks records, once iterated: empty when it is complete.

        Each is an event also reported as it happened: a ``PaginationEvent`` for a
        listing that stopped early (a cursor that came back, an empty page before the
        promised end, a page with nothing new, ``max_pages``, the ``deadline``), a
        ``OffSpecEvent`` of kind ``invalid_record`` for each record left out because it
        does not match the spec.
        """
        return tuple(self._sink.incomplete)

    def _start(self) -> float | None:
        """When this iteration's deadline passes (``time.monotonic()``); None without one."""
        return None if self._deadline is None else time.monotonic() + self._deadline

    def _ledger(self, factory: LedgerFactory[T], yielded: int, deadline_at: float | None) -> _Ledger[T] | None:
        """The next segment's ledger, or None when the limit is already met."""
        remaining = None if self._limit is None else self._limit - yielded
        if remaining is not None and remaining <= 0:
            return None
        ledger = factory(remaining)
        ledger.deadline_at = deadline_at  # one deadline for every operation of the listing
        return ledger


class Pager(_Listing[T]):
    """Iterate a provider's items (``for item in pager``) or pages (``pager.pages()``).

    A provider with several list operations (ModelsLab) is listed one operation after
    the other; ``limit`` counts items across all of them. After iterating,
    ``incomplete`` says whether anything is missing and why.
    """

    def __init__(
        self,
        segments: list[tuple[FetchPage[T], LedgerFactory[T]]],
        limit: int | None = None,
        *,
        deadline: float | None = None,
        sink: EventSink | None = None,
    ) -> None:
        super().__init__(limit, deadline, sink)
        self._segments = segments

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items

    def pages(self) -> Iterator[Page[T]]:
        """Yield pages in order; items already seen on earlier pages are left out."""
        yielded = 0
        deadline_at = self._start()
        for fetch, factory in self._segments:
            ledger = self._ledger(factory, yielded, deadline_at)
            if ledger is None:
                return
            for page in _segment(fetch, ledger):
                yielded += len(page.items)
                yield page


def _segment(fetch: FetchPage[T], ledger: _Ledger[T]) -> Iterator[Page[T]]:
    """One operation's pages: sequential, then planned concurrently once a page allows it."""
    fetcher = _Fetcher(fetch, ledger)
    try:
        position = ledger.style.first(ledger.options.start)  # None for a cursor's first page
        while True:
            page = fetcher.one(position)
            if page is None:
                return
            yield ledger.accept(page)
            planned = ledger.plan(page)
            if planned:
                for page in fetcher.many(planned):  # the last planned page is followed on
                    yield ledger.accept(page)
                    ledger.check_progress(page)
                    if ledger.over:
                        return
            position = ledger.following(page)
            if position is None:
                return
    finally:
        fetcher.close()


class _Fetcher(Generic[T]):
    """Fetches one segment's pages (sync): in this thread, or in worker threads.

    Worker threads serve the planned pages (``concurrency`` in flight) and, when the
    listing has a deadline, every page, so that waiting can stop at the deadline. A
    request still running then is abandoned: its own timeouts end it, its page is
    dropped, and its daemon thread never holds up the process's exit.
    """

    def __init__(self, fetch: FetchPage[T], ledger: _Ledger[T]) -> None:
        self._fetch = fetch
        self._ledger = ledger
        self._workers: _Workers | None = None
        self._abandoned = False

    def one(self, position: Position) -> Page[T] | None:
        """The page at ``position``; None when the deadline passed first."""
        left = self._ledger.time_left()
        if left is None:
            return self._fetch(position, self._ledger.page_size)
        if left <= 0:
            self._ledger.out_of_time()
            return None
        return self._wait(self._submit(position))

    def many(self, positions: Sequence[Position]) -> Iterator[Page[T]]:
        """Fetch with at most ``concurrency`` requests in flight; yield in position order."""
        window: deque[Future[Page[T]]] = deque()
        try:
            for position in positions:
                window.append(self._submit(position))
                if len(window) >= self._ledger.options.concurrency:
                    page = self._wait(window.popleft())
                    if page is None:
                        return
                    yield page
            while window:
                page = self._wait(window.popleft())
                if page is None:
                    return
                yield page
        finally:
            for future in window:
                future.cancel()

    def _submit(self, position: Position) -> Future[Page[T]]:
        if self._workers is None:
            self._workers = _Workers(max(self._ledger.options.concurrency, 1))
        return self._workers.submit(self._fetch, position, self._ledger.page_size)

    def _wait(self, future: Future[Page[T]]) -> Page[T] | None:
        try:
            return future.result(timeout=self._ledger.time_left())
        except TimeoutError:
            if future.done():
                raise  # the fetch itself raised a TimeoutError: not the deadline
            self._abandoned = True
            self._ledger.out_of_time()
            return None

    def close(self) -> None:
        """Cancel what has not started; wait for running requests unless the deadline abandoned them."""
        if self._workers is not None:
            self._workers.close(wait=not self._abandoned)


class _Workers:
    """A small pool of daemon threads: a request the deadline abandoned never delays the process's exit.

    (``ThreadPoolExecutor`` joins its threads at exit, which would make the deadline
    of ``modelcatalog list`` wait for the slowest request after all.) Each job runs in
    a copy of the submitter's context, as an asyncio task would: whoever listens for
    retry waits (``transport.retry_waits_to``) hears those of every page.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]] | None] = (
            queue.SimpleQueue()
        )
        self._threads: list[threading.Thread] = []

    def submit(self, function: Callable[..., R], *args: Any) -> Future[R]:  # noqa: ANN401 - the function's own
        """Run ``function(*args)`` on a worker; its future."""
        future: Future[R] = Future()
        self._jobs.put((future, contextvars.copy_context().run, (function, *args)))
        if len(self._threads) < self._size:
            thread = threading.Thread(target=self._work, name="modelcatalog-page", daemon=True)
            thread.start()
            self._threads.append(thread)
        return future

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, function, args = job
            if not future.set_running_or_notify_cancel():
                continue  # cancelled while it waited
            try:
                result = function(*args)
            except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on the future
                future.set_exception(exc)
            else:
                future.set_result(result)

    def close(self, *, wait: bool) -> None:
        """Let every worker finish its current job and end; ``wait`` for them."""
        for _ in self._threads:
            self._jobs.put(None)
        if wait:
            for thread in self._threads:
                thread.join()


class AsyncPager(_Listing[T]):
    """``async for item in pager`` or ``async for page in pager.pages()``; ``incomplete`` as ``Pager``'s."""

    def __init__(
        self,
        segments: list[tuple[AsyncFetchPage[T], LedgerFactory[T]]],
        limit: int | None = None,
        *,
        deadline: float | None = None,
        sink: EventSink | None = None,
    ) -> None:
        super().__init__(limit, deadline, sink)
        self._segments = segments

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Yield pages in order; items already seen on earlier pages are left out."""
        yielded = 0
        deadline_at = self._start()
        for fetch, factory in self._segments:
            ledger = self._ledger(factory, yielded, deadline_at)
            if ledger is None:
                return
            async for page in _async_segment(fetch, ledger):
                yielded += len(page.items)
                yield page


async def _async_segment(fetch: AsyncFetchPage[T], ledger: _Ledger[T]) -> AsyncIterator[Page[T]]:
    """The async twin of ``_segment``."""
    position = ledger.style.first(ledger.options.start)  # None for a cursor's first page
    while True:
        if ledger.time_left() == 0:
            ledger.out_of_time()
            return
        page = await _within(fetch(position, ledger.page_size), ledger)
        if page is None:
            return
        yield ledger.accept(page)
        planned = ledger.plan(page)
        if planned:
            async for page in _async_many(fetch, planned, ledger):  # the last planned page is followed on
                yield ledger.accept(page)
                ledger.check_progress(page)
                if ledger.over:
                    return
        position = ledger.following(page)
        if position is None:
            return


async def _within(pending: Awaitable[Page[T]], ledger: _Ledger[T]) -> Page[T] | None:
    """``pending``'s page, or None (the request cancelled) when the deadline passes first."""
    import asyncio  # noqa: PLC0415 - the async twins load asyncio; a sync listing never does

    try:
        async with asyncio.timeout(ledger.time_left()) as scope:
            return await pending
    except TimeoutError:
        if not scope.expired():
            raise  # the fetch itself raised a TimeoutError: not the deadline
        ledger.out_of_time()
        return None


async def _async_many(
    fetch: AsyncFetchPage[T], positions: Sequence[Position], ledger: _Ledger[T]
) -> AsyncIterator[Page[T]]:
    """The async twin of ``_Fetcher.many``: a sliding window of tasks, results in order."""
    import asyncio  # noqa: PLC0415 - as in _within

    window: deque[asyncio.Task[Page[T]]] = deque()
    try:
        for position in positions:
            window.append(asyncio.ensure_future(fetch(position, ledger.page_size)))
            if len(window) >= ledger.options.concurrency:
                page = await _within(window.popleft(), ledger)
                if page is None:
                    return
                yield page
        while window:
            page = await _within(window.popleft(), ledger)
            if page is None:
                return
            yield page
    finally:
        for task in window:
            task.cancel()
        if window:
            await asyncio.gather(*window, return_exceptions=True)


def new_ledger(
    style: PaginationStyle,
    options: PagerOptions,
    *,
    default_page_size: int,
    max_page_size: int | None,
    item_key: Callable[[T], Hashable],
    sink: EventSink,
    provider: str,
    operation: str,
) -> _Ledger[T]:
    """The bookkeeping for one listing, with the page size the provider allows."""
    page_size = style.page_size_for(options.page_size, options.limit, default=default_page_size, maximum=max_page_size)
    return _Ledger(style, options, page_size, item_key, sink, provider, operation)


def _ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


def _as_int(position: Position) -> int:
    return position if isinstance(position, int) else 0
