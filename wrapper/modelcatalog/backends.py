"""The attempt deadline under httpcore: the network backend of httpx's own transports.

The async client sends through httpx's transport, on httpcore's connections. httpx does
not let a network backend be passed, so ``with_deadlines`` wraps the one its pool made:
every connect, TLS handshake, read and write then asks ``deadlines.time_left`` for its
timeout. A sync client's connections ask it themselves (``connection``), and never
import httpcore.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpcore

from modelcatalog.deadlines import time_left

if TYPE_CHECKING:
    import ssl
    from collections.abc import Iterable

    import httpx


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
        left = time_left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._wrapped.connect_tcp(host, port, left, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        left = time_left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._wrapped.connect_unix_socket(path, left, socket_options))

    def sleep(self, seconds: float) -> None:
        self._wrapped.sleep(seconds)


class _Stream(httpcore.NetworkStream):
    def __init__(self, wrapped: httpcore.NetworkStream) -> None:
        self._wrapped = wrapped

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._wrapped.read(max_bytes, time_left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._wrapped.write(buffer, time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._wrapped.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        # the ssl module bounds a whole handshake by the socket's timeout, not each read of it
        left = time_left(timeout, httpcore.ConnectTimeout)
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
        left = time_left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._wrapped.connect_tcp(host, port, left, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        left = time_left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._wrapped.connect_unix_socket(path, left, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._wrapped.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, wrapped: httpcore.AsyncNetworkStream) -> None:
        self._wrapped = wrapped

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._wrapped.read(max_bytes, time_left(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._wrapped.write(buffer, time_left(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._wrapped.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        # the async backends bound the whole handshake by ``timeout``
        left = time_left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._wrapped.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:  # noqa: ANN401 - httpcore's signature
        return self._wrapped.get_extra_info(info)
