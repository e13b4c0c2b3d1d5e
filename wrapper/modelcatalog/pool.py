"""A sync client's connections: each one a ``connection.Connection``, lent to one request at a time.

httpx's pool (httpcore's) walks every connection it holds, under one lock, when a
request arrives and again when its response closes, asking each whether it is
closed, expired or idle (a system call for an idle one). With a listing's worker
threads paging at once, that lock is where they queue (BENCHMARKS.md, "one
connection a transport"). Here a request borrows a whole transport of one
connection: finding a free one is a pop under a lock held for nothing else.

Each connection keeps itself alive, opens a new one when the server closed an idle
one, speaks TLS and obeys the attempt deadline (``connection``). At most
``size`` are opened; a request that finds none free waits no longer than its ``pool``
timeout (which the attempt deadline bounds), then gets ``httpx.PoolTimeout``, as from
httpx. The connection returned last is lent first, so a sequential listing keeps one.
The async client keeps httpcore's pool: one thread, no lock to queue on.
"""

from __future__ import annotations

import threading
from time import monotonic
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


class PoolClosed(httpx.TransportError):
    """A request asked a closed pool for a connection: one opened now would never be closed."""


class ConnectionPool(httpx.BaseTransport):
    """Up to ``size`` transports of one connection each, made by ``connect`` as needed and lent one a request."""

    def __init__(self, connect: Callable[[], httpx.BaseTransport], size: int) -> None:
        self._connect = connect
        self._size = size
        self._opened: list[httpx.BaseTransport] = []
        self._free: list[httpx.BaseTransport] = []  # a stack: the last returned is lent first
        self._changed = threading.Condition(threading.Lock())
        self._closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:  # noqa: D102
        connection = self._borrow(request)
        try:
            response = connection.handle_request(request)
        except BaseException:
            self._give_back(connection)
            raise
        response.stream = _Lent(response.stream, lambda: self._give_back(connection))  # type: ignore[arg-type]
        return response

    def _borrow(self, request: httpx.Request) -> httpx.BaseTransport:
        timeout = request.extensions.get("timeout", {}).get("pool")
        give_up = None if timeout is None else monotonic() + timeout
        with self._changed:
            while True:
                if self._closed:
                    msg = "the connection pool is closed"
                    raise PoolClosed(msg, request=request)
                if self._free:
                    return self._free.pop()
                if len(self._opened) < self._size:
                    connection = self._connect()
                    self._opened.append(connection)
                    return connection
                left = None if give_up is None else give_up - monotonic()
                if left is not None and left <= 0:
                    msg = f"no connection free within {timeout:g}s (all {self._size} in use)"
                    raise httpx.PoolTimeout(msg, request=request)
                self._changed.wait(left)

    def _give_back(self, connection: httpx.BaseTransport) -> None:
        with self._changed:
            self._free.append(connection)
            self._changed.notify()

    def close(self) -> None:
        """Close every connection, lent or not; later requests are refused."""
        with self._changed:
            self._closed = True
            opened = list(self._opened)
            self._changed.notify_all()
        for connection in opened:
            connection.close()


class _Lent(httpx.SyncByteStream):
    """A response body that gives its connection back once closed (read to the end, or abandoned)."""

    def __init__(self, stream: httpx.SyncByteStream, give_back: Callable[[], None]) -> None:
        self._stream = stream
        self._give_back: Callable[[], None] | None = give_back

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._stream)

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            give_back, self._give_back = self._give_back, None
            if give_back is not None:
                give_back()
