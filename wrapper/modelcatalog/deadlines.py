"""Every attempt has a deadline: the wait for a connection, connect, TLS, request, 1xx answers, headers and body.

httpx's timeouts bound each socket operation, not their sum: a server that sends one
byte a second, or ``102 Processing`` every second, never trips them. The retry
transport runs each attempt inside an ``AttemptClock``; the network backend installed
under httpcore clamps every connect, TLS handshake, read and write of that attempt to
the time left and fails the first one that would start after the deadline.

The time left is looked up at each operation, in the thread or task doing it (a
context variable), so a pooled connection obeys the deadline of whichever attempt is
using it, and no timer or watchdog thread has to race the request. A TLS handshake
reads many times but under one timeout: the ssl module (sync) and anyio (async) both
bound the whole handshake by it.
"""

from __future__ import annotations

from contextvars import ContextVar
from time import monotonic
from typing import TYPE_CHECKING, Any, Self

import httpcore
import httpx

if TYPE_CHECKING:
    import ssl
    from collections.abc import Iterable

_CLOCK: ContextVar[AttemptClock | None] = ContextVar("modelcatalog_attempt_clock", default=None)
_PASSED = "the attempt deadline passed"


class DeadlineExceeded(httpx.TimeoutException):
    """An attempt was still unanswered, or its body still arriving, at its deadline (retried like a timeout)."""


class AttemptClock:
    """The deadline of one attempt, in force for the network operations run inside ``with``."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.deadline = None if seconds is None else monotonic() + seconds
        #: the deadline refused to let an operation start
        self.expired = False
        #: the last operation's timeout was the time left, not the configured one, so
        #: a timeout from it is the deadline's (the OS may wake a hair before the deadline)
        self.binding = False
        self._token: Any = None

    def __enter__(self) -> Self:
        self._token = _CLOCK.set(self)
        return self

    def __exit__(self, *exc: object) -> None:
        _CLOCK.reset(self._token)

    def passed(self) -> bool:
        """Whether the deadline has passed."""
        return self.deadline is not None and monotonic() >= self.deadline

    def explains(self, error: BaseException) -> bool:
        """Whether ``error``, raised by this attempt's connection, is the deadline's doing."""
        if not isinstance(error, httpx.TransportError):
            return False
        return self.expired or self.passed() or (self.binding and isinstance(error, httpx.TimeoutException))

    def limit_pool_wait(self, request: httpx.Request, configured: dict[str, float | None]) -> None:
        """Wait for a free pooled connection no longer than the deadline (httpcore reads it from the request)."""
        if self.seconds is None:
            return
        pool = configured.get("pool")
        if pool is None or pool > self.seconds:
            self.binding = True
            pool = self.seconds
        request.extensions["timeout"] = {**configured, "pool": pool}

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
    clock = _CLOCK.get()
    if clock is None or clock.deadline is None:
        return timeout
    left = clock.deadline - monotonic()
    if left <= 0:
        clock.expired = True
        raise error(_PASSED)
    clock.binding = timeout is None or left < timeout
    return left if clock.binding else timeout


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
        # the ssl module bounds a whole handshake by the socket's timeout, not each read of it
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._wrapped.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:  # noqa: ANN401 - httpcore's signature
        return self._wrapped.get_extra_info(info)


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
