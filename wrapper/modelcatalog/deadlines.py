"""Every attempt has a deadline: connect, TLS, request, 1xx answers, headers and body all count.

httpx's timeouts bound each socket operation, not their sum: a server that sends one
byte a second, or ``102 Processing`` every second, never trips them. The retry
transport runs each attempt inside an ``AttemptClock``; the network backend installed
under httpcore clamps every connect, TLS handshake, read and write of that attempt to
the time left and fails the first one that would start after the deadline.

The time left is looked up at each operation, in the thread or task doing it (a
context variable), so a pooled connection obeys the deadline of whichever attempt is
using it, and no timer has to race the request. The one exception is a synchronous
TLS handshake, which reads many times under one socket timeout: a timer shuts its
socket at the deadline, under a lock that the end of the handshake takes too.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Self

import httpcore
import httpx

if TYPE_CHECKING:
    import ssl
    from collections.abc import Iterable, Iterator

_DEADLINE: ContextVar[float | None] = ContextVar("modelcatalog_attempt_deadline", default=None)
_PASSED = "the attempt deadline passed"


class DeadlineExceeded(httpx.TimeoutException):
    """An attempt was still unanswered, or its body still arriving, at its deadline (retried like a timeout)."""


class AttemptClock:
    """The deadline of one attempt, in force for the network operations run inside ``with``."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.deadline = None if seconds is None else time.monotonic() + seconds
        self._token: Any = None

    def __enter__(self) -> Self:
        self._token = _DEADLINE.set(self.deadline)
        return self

    def __exit__(self, *exc: object) -> None:
        _DEADLINE.reset(self._token)

    def passed(self) -> bool:
        """Whether the deadline has passed."""
        return self.deadline is not None and time.monotonic() >= self.deadline

    def check(self, request: httpx.Request) -> None:
        """Raise ``DeadlineExceeded`` once the deadline has passed (between body chunks)."""
        if self.passed():
            raise self.exceeded(request)

    def exceeded(self, request: httpx.Request) -> DeadlineExceeded:
        """The error for this attempt."""
        return DeadlineExceeded(f"no complete answer within the attempt deadline of {self.seconds:g}s", request=request)


def with_deadlines(transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> None:
    """Put the deadline backend under an httpx transport's connection pool (in place).

    httpx does not let a network backend be passed, so the pool's own is wrapped; a
    transport without one (an in-process transport) is left alone, and the deadline is
    then checked between the chunks of each body only.
    """
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, _Backend):
        pool._network_backend = _Backend(backend)  # type: ignore[union-attr]  # noqa: SLF001
    elif isinstance(backend, httpcore.AsyncNetworkBackend) and not isinstance(backend, _AsyncBackend):
        pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]  # noqa: SLF001


def has_deadlines(transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> bool:
    """Whether ``with_deadlines`` took hold on this transport."""
    backend = getattr(getattr(transport, "_pool", None), "_network_backend", None)
    return isinstance(backend, _Backend | _AsyncBackend)


def _time_left(timeout: float | None, error: type[Exception]) -> float | None:
    """``timeout`` clamped to the current attempt's time left; ``error`` once none is left."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error(_PASSED)
    return left if timeout is None else min(timeout, left)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, wrapped: httpcore.NetworkBackend) -> None:
        self._wrapped = wrapped

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._wrapped.connect_tcp(host, port, left, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._wrapped.connect_unix_socket(path, left, socket_options))

    def sleep(self, seconds: float) -> None:
        self._wrapped.sleep(seconds)


class _Stream(httpcore.NetworkStream):
    def __init__(self, wrapped: httpcore.NetworkStream) -> None:
        self._wrapped = wrapped

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._wrapped.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._wrapped.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._wrapped.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        with _shut_at(self._wrapped.get_extra_info("socket"), left):
            return _Stream(self._wrapped.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:  # noqa: ANN401 - httpcore's signature
        return self._wrapped.get_extra_info(info)


@contextlib.contextmanager
def _shut_at(sock: socket.socket | None, seconds: float | None) -> Iterator[None]:
    """Shut ``sock`` down if the block is still running after ``seconds`` (race-free: one lock)."""
    if sock is None or seconds is None:
        yield
        return
    lock = threading.Lock()
    running = True

    def shut() -> None:
        with lock:
            if running:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(seconds, shut)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            running = False
        timer.cancel()


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, wrapped: httpcore.AsyncNetworkBackend) -> None:
        self._wrapped = wrapped

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._wrapped.connect_tcp(host, port, left, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._wrapped.connect_unix_socket(path, left, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._wrapped.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, wrapped: httpcore.AsyncNetworkStream) -> None:
        self._wrapped = wrapped

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._wrapped.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._wrapped.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._wrapped.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        # the async backends bound the whole handshake by ``timeout``
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._wrapped.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:  # noqa: ANN401 - httpcore's signature
        return self._wrapped.get_extra_info(info)
