"""One pager for every pagination style, sync and async.

A provider declares its style; the pager does the rest:

- ``CursorStyle``: a token in, the next token out (Scenario).
- ``OffsetStyle``: offset/limit with a total (TrueFoundry).
- ``PageNumberStyle``: 1-based page numbers, a fixed page size, a total (Open WebUI).
- ``SinglePageStyle``: one response holds everything (ModelsLab).

Where the total is known after the first page, the remaining pages are fetched
concurrently (bounded) and still yielded in order. The bookkeeping that keeps a
listing honest lives in ``_Ledger`` and is shared by the sync and async drivers: a
repeated cursor ends the listing, items seen twice are dropped, and a page holding
fewer items than its own total (or cursor) promised, a total that changes, or a page
cap being reached is reported as a ``PaginationEvent`` rather than passed over in silence.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from modelcatalog.events import EventSink, PaginationEvent

T = TypeVar("T")
Position = str | int | None
"""Where a page starts: a cursor token, an offset, a page number, or None (the first page)."""

DEFAULT_MAX_PAGES = 100_000
#: Pages in flight at once when the total is known. 16 matches the connection pool and
#: is what it takes to list 10,000 models ~10x faster than page after page at 20 ms a
#: request (BENCHMARKS.md); the retry transport backs off if a server pushes back.
DEFAULT_CONCURRENCY = 16


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page as the provider returned it (before de-duplication)."""

    items: list[T]
    position: Position
    next_cursor: str | None = None
    total: int | None = None


class PaginationStyle:
    """How a provider's pages follow each other. Subclasses are small and stateless."""

    name = "abstract"
    #: whether the caller may choose the page size
    sizable = False

    def first(self, start: Position) -> Position:
        """The position of the first page, given where the caller wants to resume."""
        return start

    def following(self, page: Page[T], page_size: int) -> Position:
        """The next position after ``page``, or None when the listing is complete."""
        del page, page_size
        return None

    def remaining(self, first: Page[T], page_size: int) -> Sequence[Position] | None:
        """All positions after ``first`` when the total allows planning them, else None.

        A lazy ``range``: a server's total is not trusted to be small (2**40 must not
        build a list), and the ledger trims it to the limit and the page cap.
        """
        del first, page_size
        return None

    def promised(self, page: Page[T], page_size: int) -> int | None:
        """How many items ``page`` should hold by its own total or cursor (None: no promise)."""
        del page, page_size
        return None


class CursorStyle(PaginationStyle):
    """A token in, the next token out; an absent or empty token ends the listing."""

    name = "cursor"
    sizable = True

    def following(self, page: Page[T], page_size: int) -> Position:  # noqa: D102
        del page_size
        return page.next_cursor or None

    def promised(self, page: Page[T], page_size: int) -> int | None:  # noqa: D102
        del page_size
        return 1 if page.next_cursor else None  # a page that is not the last holds something


class OffsetStyle(PaginationStyle):
    """``offset`` and ``limit`` in, a ``total`` out."""

    name = "offset"
    sizable = True

    def first(self, start: Position) -> Position:  # noqa: D102
        return start if isinstance(start, int) else 0

    def following(self, page: Page[T], page_size: int) -> Position:  # noqa: D102
        del page_size
        offset = _as_int(page.position) + len(page.items)
        if not page.items or (page.total is not None and offset >= page.total):
            return None
        return offset

    def remaining(self, first: Page[T], page_size: int) -> Sequence[Position] | None:  # noqa: D102
        if first.total is None or not first.items:
            return None
        start = _as_int(first.position) + len(first.items)
        return range(start, first.total, page_size)

    def promised(self, page: Page[T], page_size: int) -> int | None:  # noqa: D102
        return None if page.total is None else max(min(page_size, page.total - _as_int(page.position)), 0)


class PageNumberStyle(PaginationStyle):
    """1-based ``page`` in, a ``total`` out, a page size fixed by the server."""

    name = "page-number"

    def __init__(self, page_size: int) -> None:
        self.page_size = page_size

    def first(self, start: Position) -> Position:  # noqa: D102
        return start if isinstance(start, int) else 1

    def following(self, page: Page[T], page_size: int) -> Position:  # noqa: D102
        del page_size
        number = _as_int(page.position)
        if not page.items or (page.total is not None and number * self.page_size >= page.total):
            return None
        return number + 1

    def remaining(self, first: Page[T], page_size: int) -> Sequence[Position] | None:  # noqa: D102
        del page_size
        if first.total is None or not first.items:
            return None
        last = _ceil_div(first.total, self.page_size)  # integers: a float overflows on 10**400
        return range(_as_int(first.position) + 1, last + 1)

    def promised(self, page: Page[T], page_size: int) -> int | None:  # noqa: D102
        del page_size
        if page.total is None:
            return None
        before = (_as_int(page.position) - 1) * self.page_size
        return max(min(self.page_size, page.total - before), 0)


class SinglePageStyle(PaginationStyle):
    """One response holds every item."""

    name = "single"


@dataclass
class PagerOptions:
    """What the caller asked for; every field has a safe default."""

    limit: int | None = None
    page_size: int | None = None
    start: Position = None
    concurrency: int = DEFAULT_CONCURRENCY
    max_pages: int = DEFAULT_MAX_PAGES


@dataclass
class _Ledger(Generic[T]):
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
    seen_items: set[int] = field(default_factory=set)
    seen_cursors: set[str] = field(default_factory=set)
    total: int | None = None
    pages: int = 0
    yielded: int = 0

    def report(self, kind: str, detail: str) -> None:
        self.sink.emit(PaginationEvent(self.provider, self.operation, kind, detail))  # type: ignore[arg-type]

    @property
    def done(self) -> bool:
        return self.options.limit is not None and self.yielded >= self.options.limit

    def accept(self, page: Page[T]) -> Page[T]:
        """Check a page against what came before; return it with only new items, up to the limit."""
        self.pages += 1
        if page.total is not None:
            if self.total is not None and page.total != self.total:
                self.report("total_changed", f"total was {self.total}, page at {page.position!r} says {page.total}")
            self.total = page.total
        if self.pages == 1 and page.total is not None and self.style.sizable:
            expected = min(self.page_size, page.total - _as_int(page.position))
            if 0 < len(page.items) < expected:
                # the server serves smaller pages than asked (a cap it does not document):
                # plan the remaining offsets with its size, so that none is skipped
                self.page_size = len(page.items)
        promised = self.style.promised(page, self.page_size)
        if promised and not page.items:
            self.report("empty_page", f"page at {page.position!r} is empty before the promised end")
        elif promised is not None and len(page.items) < promised:
            self.report("short_page", f"page at {page.position!r} has {len(page.items)} of {promised} items")
        fresh: list[T] = []
        for item in page.items:
            key = self.item_key(item)
            digest = hash(key)
            if digest in self.seen_items:
                self.report("duplicate_item", f"{key!r} appeared on more than one page; kept once")
                continue
            self.seen_items.add(digest)
            fresh.append(item)
        if self.options.limit is not None:
            fresh = fresh[: max(self.options.limit - self.yielded, 0)]
        self.yielded += len(fresh)
        return Page(fresh, page.position, page.next_cursor, page.total)

    def following(self, page: Page[T]) -> Position:
        """The next sequential position, or None: ends on a repeated cursor or the page cap."""
        if self.done:
            return None
        position = self.style.following(page, self.page_size)
        if position is not None and self.pages >= self.options.max_pages:
            self.report("page_limit_reached", f"stopped after {self.pages} pages (max_pages)")
            return None
        if isinstance(position, str):
            if position in self.seen_cursors:
                self.report("repeated_cursor", f"cursor {position[:16]!r}... came back; listing ended there")
                return None
            self.seen_cursors.add(position)
        return position

    def plan(self, first: Page[T]) -> Sequence[Position] | None:
        """Positions to fetch concurrently after the first page (trimmed to the limit and cap)."""
        if self.options.concurrency <= 1 or self.done:
            return None
        positions = self.style.remaining(first, self.page_size)
        if positions is None:
            return None
        if self.options.limit is not None:
            needed = _ceil_div(self.options.limit - self.yielded, max(self.page_size, 1))
            positions = positions[:needed]
        return positions[: max(self.options.max_pages - self.pages, 0)]


FetchPage = Callable[[Position, int], Page[T]]
AsyncFetchPage = Callable[[Position, int], Awaitable[Page[T]]]
#: remaining item limit (None: no limit) -> the ledger of one operation's listing
LedgerFactory = Callable[[int | None], _Ledger[T]]


def _remaining(limit: int | None, yielded: int) -> int | None:
    return None if limit is None else limit - yielded


class Pager(Generic[T]):
    """Iterate a provider's items (``for item in pager``) or pages (``pager.pages()``).

    A provider with several list operations (ModelsLab) is listed one operation after
    the other; ``limit`` counts items across all of them.
    """

    def __init__(self, segments: list[tuple[FetchPage[T], LedgerFactory[T]]], limit: int | None = None) -> None:
        self._segments = segments
        self._limit = limit

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items

    def pages(self) -> Iterator[Page[T]]:
        """Yield pages in order; items already seen on earlier pages are left out."""
        yielded = 0
        for fetch, new_ledger in self._segments:
            remaining = _remaining(self._limit, yielded)
            if remaining is not None and remaining <= 0:
                return
            ledger = new_ledger(remaining)
            for page in self._segment(fetch, ledger):
                yielded += len(page.items)
                yield page

    def _segment(self, fetch: FetchPage[T], ledger: _Ledger[T]) -> Iterator[Page[T]]:
        page = fetch(ledger.style.first(ledger.options.start), ledger.page_size)
        yield ledger.accept(page)
        planned = ledger.plan(page)
        if planned:
            with ThreadPoolExecutor(max_workers=ledger.options.concurrency, thread_name_prefix="modelcatalog") as pool:
                for page in _ordered(pool, fetch, planned, ledger):
                    yield ledger.accept(page)
                    if ledger.done:
                        return
        while (position := ledger.following(page)) is not None:
            page = fetch(position, ledger.page_size)
            yield ledger.accept(page)


def _ordered(
    pool: ThreadPoolExecutor, fetch: FetchPage[T], positions: Sequence[Position], ledger: _Ledger[T]
) -> Iterator[Page[T]]:
    """Fetch with at most ``concurrency`` requests in flight; yield in position order."""
    window: deque[Future[Page[T]]] = deque()
    try:
        for position in positions:
            window.append(pool.submit(fetch, position, ledger.page_size))
            if len(window) >= ledger.options.concurrency:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    finally:
        for future in window:
            future.cancel()


class AsyncPager(Generic[T]):
    """``async for item in pager`` or ``async for page in pager.pages()``."""

    def __init__(self, segments: list[tuple[AsyncFetchPage[T], LedgerFactory[T]]], limit: int | None = None) -> None:
        self._segments = segments
        self._limit = limit

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Yield pages in order; items already seen on earlier pages are left out."""
        yielded = 0
        for fetch, new_ledger in self._segments:
            remaining = _remaining(self._limit, yielded)
            if remaining is not None and remaining <= 0:
                return
            ledger = new_ledger(remaining)
            async for page in self._segment(fetch, ledger):
                yielded += len(page.items)
                yield page

    async def _segment(self, fetch: AsyncFetchPage[T], ledger: _Ledger[T]) -> AsyncIterator[Page[T]]:
        page = await fetch(ledger.style.first(ledger.options.start), ledger.page_size)
        yield ledger.accept(page)
        planned = ledger.plan(page)
        if planned:
            async for page in _async_ordered(fetch, planned, ledger):
                yield ledger.accept(page)
                if ledger.done:
                    return
        while (position := ledger.following(page)) is not None:
            page = await fetch(position, ledger.page_size)
            yield ledger.accept(page)


async def _async_ordered(
    fetch: AsyncFetchPage[T], positions: Sequence[Position], ledger: _Ledger[T]
) -> AsyncIterator[Page[T]]:
    """The async twin of ``_ordered``: a sliding window of tasks, results in order."""
    window: deque[asyncio.Task[Page[T]]] = deque()
    try:
        for position in positions:
            window.append(asyncio.ensure_future(fetch(position, ledger.page_size)))
            if len(window) >= ledger.options.concurrency:
                yield await window.popleft()
        while window:
            yield await window.popleft()
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
    if isinstance(style, PageNumberStyle):
        page_size = style.page_size
    else:
        page_size = options.page_size or default_page_size
        if options.limit is not None and style.sizable:
            page_size = min(page_size, max(options.limit, 1))
        if max_page_size is not None:
            page_size = min(page_size, max_page_size)
    return _Ledger(style, options, page_size, item_key, sink, provider, operation)


def _ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


def _as_int(position: Position) -> int:
    return position if isinstance(position, int) else 0
