"""A sync client's connection (``modelcatalog.connection``) against a byte-level loopback server.

What the listing tests cannot see: which requests share a connection, that an answer
the server cut or garbled is httpx's protocol error and quotes none of its bytes, that
interim 1xx answers are skipped, and that a refused request header is not echoed.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

import httpx
import pytest
from modelcatalog.connection import Connection
from modelcatalog.transport import tls_context
from support.raw_server import RawRequest, RawServer, Wire, head, json_answer

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

CANARY = "sk-canary-0c7f"
TIMEOUTS = {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0}


@pytest.fixture
def connection() -> Iterator[Connection]:
    opened = Connection(tls_context(needed=False))
    yield opened
    opened.close()


def _server(handler: Callable[[RawRequest, Wire], bool | None]) -> RawServer:
    return RawServer(handler)


def _get(connection: Connection, url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    """One GET: the status and the whole body."""
    request = httpx.Request("GET", url, headers=headers, extensions={"timeout": TIMEOUTS})
    response = connection.handle_request(request)
    try:
        return response.status_code, b"".join(response.iter_raw())
    finally:
        response.close()


def keep_open(request: RawRequest, wire: Wire) -> bool:
    wire.send(json_answer({"path": request.path}))
    return True


def test_requests_one_after_another_share_one_connection(connection: Connection) -> None:
    with _server(keep_open) as server:
        for index in range(3):
            assert _get(connection, f"{server.url}/{index}") == (200, b'{"path": "/%d"}' % index)
        assert [request.connection for request in server.requests] == [0, 0, 0]


def test_a_connection_the_server_closed_while_idle_is_replaced(connection: Connection) -> None:
    def once(request: RawRequest, wire: Wire) -> bool:
        wire.send(json_answer([]))
        return False  # hangs up after answering, without saying so

    with _server(once) as server:
        assert _get(connection, server.url) == (200, b"[]")
        assert server.wait_for(lambda: server.open_connections == 0)
        assert _get(connection, server.url) == (200, b"[]")
        assert [request.connection for request in server.requests] == [0, 1]


def test_an_answer_that_closes_the_connection_is_read_whole_and_the_next_request_opens_another(
    connection: Connection,
) -> None:
    def closing(request: RawRequest, wire: Wire) -> bool:
        body = b"x" * 200_000
        wire.send(head(200, {"Connection": "close"}) + body)  # no length: the body ends when the connection does
        return False

    with _server(closing) as server:
        assert _get(connection, server.url) == (200, b"x" * 200_000)
        assert _get(connection, server.url) == (200, b"x" * 200_000)
        assert [request.connection for request in server.requests] == [0, 1]


def test_a_body_left_unread_closes_its_connection(connection: Connection) -> None:
    def large(request: RawRequest, wire: Wire) -> bool:
        body = b" " * 300_000
        wire.send(head(200, {"Content-Length": str(len(body))}) + body)
        return True

    with _server(large) as server:
        request = httpx.Request("GET", server.url, extensions={"timeout": TIMEOUTS})
        response = connection.handle_request(request)
        next(response.iter_raw())
        response.close()  # the rest of the body is still on the wire: this connection is out of step
        assert _get(connection, server.url)[0] == 200
        assert [request.connection for request in server.requests] == [0, 1]


def test_interim_answers_before_the_final_one_are_skipped(connection: Connection) -> None:
    def hints(request: RawRequest, wire: Wire) -> bool:
        wire.send(b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n")
        wire.send(b"HTTP/1.1 102 Processing\r\n\r\n")
        wire.send(json_answer({"data": []}))
        return True

    with _server(hints) as server:
        assert _get(connection, server.url) == (200, b'{"data": []}')
        assert _get(connection, server.url) == (200, b'{"data": []}')  # and the connection is still in step


def _cut(request: RawRequest, wire: Wire) -> None:
    wire.send(head(200, {"Content-Length": "100"}) + b'{"data": [')
    wire.close()


def _bad_chunk(request: RawRequest, wire: Wire) -> None:
    wire.send(head(200, {"Transfer-Encoding": "chunked"}) + b"zz\r\n" + CANARY.encode() + b"\r\n0\r\n\r\n")


def _not_http(request: RawRequest, wire: Wire) -> None:
    wire.send(f"SSH-2.0-{CANARY}\r\n\r\n".encode())


def _silent_hangup(request: RawRequest, wire: Wire) -> None:
    wire.close()


BROKEN = {
    "a body shorter than its Content-Length": _cut,
    "a chunk size that is no number": _bad_chunk,
    "an answer that is not HTTP": _not_http,
    "no answer, the connection closed": _silent_hangup,
}


@pytest.mark.parametrize("behaviour", list(BROKEN))
def test_a_broken_answer_is_a_protocol_error_that_quotes_none_of_it(connection: Connection, behaviour: str) -> None:
    with _server(BROKEN[behaviour]) as server:
        url = server.url
        with pytest.raises(httpx.RemoteProtocolError) as caught:
            _get(connection, url)
    assert CANARY not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.request.url == httpx.URL(url)


def test_a_header_http_does_not_allow_is_refused_without_quoting_it(connection: Connection) -> None:
    with _server(keep_open) as server, pytest.raises(httpx.LocalProtocolError) as caught:
        _get(connection, server.url, {"Authorization": f"Bearer {CANARY}\r\nX-Injected: yes"})
    assert CANARY not in str(caught.value)
    assert caught.value.__context__ is None  # not even in the exception chain
    assert not server.requests  # nothing reached the server


def test_a_refused_connection_is_a_connect_error(connection: Connection) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # bound, never listening: the connection is refused
        with pytest.raises(httpx.ConnectError):
            _get(connection, f"http://127.0.0.1:{port}/")


def test_only_http_and_https_urls_are_sent(connection: Connection) -> None:
    with pytest.raises(httpx.UnsupportedProtocol, match="only http and https"):
        _get(connection, "ftp://127.0.0.1/models")
