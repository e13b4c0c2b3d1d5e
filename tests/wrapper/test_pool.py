"""A sync client's connection pool: at most its size, each connection lent whole and always given back.

Against the loopback fault server, whose log names the client port of every request
(one port, one connection).
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, Any

import httpx
import msgspec
import pytest
from modelcatalog.pool import ConnectionPool, PoolClosed
from support import payloads
from support.clients import fast_http
from support.fault_server import Delay, FaultServer
from support.providers import truefoundry

if TYPE_CHECKING:
    from collections.abc import Callable


class _Opened(httpx.HTTPTransport):
    """httpx's transport of one connection, remembering whether it was closed."""

    def __init__(self) -> None:
        super().__init__(limits=httpx.Limits(max_connections=1))
        self.closed = False

    def close(self) -> None:
        self.closed = True
        super().close()


def _get(pool: ConnectionPool, url: str, *, wait: float = 5.0) -> httpx.Response:
    request = httpx.Request("GET", url + "/api/ml/v1/models", extensions={"timeout": {"pool": wait}})
    return pool.handle_request(request)


def test_pages_fetched_at_once_use_no_more_connections_than_the_pool_holds(
    server: FaultServer, make_client: Callable[..., Any]
) -> None:
    """Eight pages in flight, each answered slowly, on three connections: the others wait their turn."""
    server.models["truefoundry"] = payloads.many(truefoundry.model, 48)
    server.inject("truefoundry", Delay(0.05), times=None)
    settings = msgspec.structs.replace(fast_http(), max_connections=3)
    items = list(make_client("truefoundry", http=settings).list_models(page_size=3, concurrency=8))
    assert len(items) == 48
    assert len(server.requests) == 16
    assert 1 <= len({request.connection for request in server.requests}) <= 3


def test_one_request_after_another_keeps_one_connection(server: FaultServer) -> None:
    payloads.fill(server, "truefoundry", 3)
    with ConnectionPool(_Opened, 4) as pool:
        for _ in range(3):
            _get(pool, server.url).read()
    assert len({request.connection for request in server.requests}) == 1


def test_a_request_waits_for_a_free_connection_no_longer_than_its_pool_timeout(server: FaultServer) -> None:
    """The only connection is lent to a response nobody has closed yet; closing it lends it again."""
    payloads.fill(server, "truefoundry", 3)
    with ConnectionPool(_Opened, 1) as pool:
        held = _get(pool, server.url)
        with pytest.raises(httpx.PoolTimeout, match=r"no connection free within 0\.2s"):
            _get(pool, server.url, wait=0.2)
        held.close()  # unread: the body is abandoned, the connection given back
        assert _get(pool, server.url).read()


def test_a_failed_request_gives_its_connection_back(server: FaultServer) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        refusing = f"http://127.0.0.1:{unused.getsockname()[1]}"  # bound, never listening: refused
        payloads.fill(server, "truefoundry", 3)
        with ConnectionPool(_Opened, 1) as pool:
            with pytest.raises(httpx.ConnectError):
                _get(pool, refusing)
            assert _get(pool, server.url, wait=0.2).read()


def test_closing_the_pool_closes_every_connection_and_refuses_later_requests(server: FaultServer) -> None:
    payloads.fill(server, "truefoundry", 3)
    opened: list[_Opened] = []

    def connect() -> _Opened:
        opened.append(_Opened())
        return opened[-1]

    pool = ConnectionPool(connect, 2)
    first, second = _get(pool, server.url), _get(pool, server.url)
    first.read()
    pool.close()
    assert len(opened) == 2
    assert all(connection.closed for connection in opened)  # the one still lent too
    with pytest.raises(PoolClosed, match="the connection pool is closed"):
        _get(pool, server.url)
    second.close()
