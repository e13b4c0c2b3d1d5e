"""One HTTP/1.1 connection of a sync client, on the standard library's ``http.client``.

A sync client's pool (``pool``) lends each request a whole connection; this is that
connection. It was httpx's transport of one connection (httpcore and h11 under it).
Measured here, that costs a listing on two counts (BENCHMARKS.md, "a connection on
the standard library"): importing httpcore, h11 and anyio was about a fifth of a
one-page listing's whole process, and each request took several times the CPU that
``http.client`` takes for the same exchange. ``http.client`` is already loaded (httpx
imports it), and it does exactly what a listing asks: one request at a time on a
kept-alive connection.

What the connection keeps of httpx's: the request as built (its headers, its body),
the per-operation timeouts of the request's ``timeout`` extension, TLS with the
client's context, keep-alive and a new connection when the server closed an idle one
or asked to close, and httpx's exception types (``httpx.ConnectError``,
``httpx.ReadTimeout``, ``httpx.RemoteProtocolError``...), so the retry transport and
the client's typed errors treat failures as before. Every connect, TLS handshake,
write and read is clamped to the attempt's time left (``deadlines.time_left``).

What it adds: an error never quotes the request or the server (a header value may be a
credential, and a hostile server's words are not ours to repeat), and any 1xx answer
but ``101`` is skipped like ``100 Continue`` (``http.client`` skips only ``100``), each
one read against the same attempt deadline. The async client keeps httpx's transport.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import logging
import select
import socket
from typing import TYPE_CHECKING, Any, NoReturn

import httpx

from modelcatalog.deadlines import time_left

if TYPE_CHECKING:
    import ssl
    from collections.abc import Iterator

#: ``--debug`` shows each connection opened and each answer's status line and headers (scrubbed
#: of credentials by ``secrets``, which filters this logger): what httpcore's debug log showed
logger = logging.getLogger(__name__)
#: bytes asked of the socket per read, as httpcore asks
_READ_SIZE = 64 * 1024
_DEFAULT_PORTS = {"http": 80, "https": 443}
#: what a response's ``extensions["http_version"]`` says, by ``http.client``'s version number
_VERSIONS = {10: b"HTTP/1.0", 11: b"HTTP/1.1"}
#: interim answers, skipped while waiting for the final one; ``101`` would switch protocols, so it is final
_INTERIM = frozenset(range(102, 200))


class Connection(httpx.BaseTransport):
    """One kept-alive HTTP/1.1 connection, opened on the first request and again whenever it cannot be reused."""

    def __init__(self, tls: ssl.SSLContext) -> None:
        self._tls = tls
        self._http: _HTTPConnection | None = None
        self._socket: _Socket | None = None
        self._origin: tuple[str, str, int] | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:  # noqa: D102
        timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
        connection = self._ready(request, timeouts)
        try:
            with _translated(request, "write", timeouts):
                _send(connection, request)
            with _translated(request, "read", timeouts):
                response = connection.getresponse()  # closes the connection itself when the answer says it will close
        except BaseException:
            self.close()
            raise
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "answer: %s %s %s; headers %s", response.version, response.status, response.reason, response.msg.items()
            )
        return httpx.Response(
            response.status,
            headers=[(name.encode("latin-1"), value.encode("latin-1")) for name, value in response.msg.items()],
            stream=_Body(response, request, timeouts, self),
            extensions={
                "http_version": _VERSIONS.get(response.version, b"HTTP/1.1"),
                "reason_phrase": response.reason.encode("latin-1", "replace"),
            },
        )

    def close(self) -> None:
        """Close the socket now (a request still reading from it fails with ``httpx.ReadError``)."""
        connection, sock = self._http, self._socket
        self._http = self._socket = None
        if sock is not None:
            sock.abort()
        if connection is not None:
            connection.close()

    def _ready(self, request: httpx.Request, timeouts: dict[str, float | None]) -> _HTTPConnection:
        """The open connection to the request's origin, when it can take a request; else a new one."""
        url = request.url
        scheme = url.scheme
        if scheme not in _DEFAULT_PORTS:
            msg = f"only http and https URLs can be listed, not {scheme or 'a URL without a scheme'}"
            raise httpx.UnsupportedProtocol(msg, request=request)
        origin = (scheme, url.raw_host.decode("ascii"), url.port or _DEFAULT_PORTS[scheme])
        connection = self._http
        if connection is not None and (origin != self._origin or not _reusable(connection)):
            self.close()
            connection = None
        if connection is None:
            connection = _HTTPConnection(origin[1], origin[2])
            with _translated(request, "connect", timeouts):
                self._socket = _connect(origin, self._tls, timeouts)
            logger.debug("connected to %s://%s:%d", *origin)
            connection.sock = self._socket
            self._http, self._origin = connection, origin
        return connection


def _connect(origin: tuple[str, str, int], tls: ssl.SSLContext, timeouts: dict[str, float | None]) -> _Socket:
    """A connected socket (TLS for https), each step within the attempt's time left."""
    scheme, host, port = origin
    connect = timeouts.get("connect")
    raw = socket.create_connection((host, port), time_left(connect, httpx.ConnectTimeout))
    try:
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if scheme == "https":
            # the ssl module bounds the whole handshake by the socket's timeout
            raw.settimeout(time_left(connect, httpx.ConnectTimeout))
            raw = tls.wrap_socket(raw, server_hostname=host)
    except BaseException:
        raw.close()
        raise
    return _Socket(raw, timeouts.get("read"), timeouts.get("write"))


def _reusable(connection: _HTTPConnection) -> bool:
    """Whether an idle kept-alive connection is still open: the server has neither closed it nor written to it."""
    sock = connection.sock
    if sock is None:
        return False
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):  # closed under us
        return False
    return not readable


def _send(connection: _HTTPConnection, request: httpx.Request) -> None:
    """The request line, headers and body, as httpx built them."""
    try:
        target = request.url.raw_path.decode("ascii")
        connection.putrequest(request.method, target, skip_host=True, skip_accept_encoding=True)
        for name, value in request.headers.raw:
            connection.putheader(name, value)
    except (ValueError, http.client.HTTPException):
        refused = True  # raised below, outside this block: http.client's error quotes the value, maybe a credential
    else:
        refused = False
    if refused:
        msg = "the request has a method, header or URL that HTTP does not allow (control characters or line breaks)"
        raise httpx.LocalProtocolError(msg, request=request)
    connection.endheaders(request.read() or None)


class _Body(httpx.SyncByteStream):
    """A response body as it arrives; closed before its end, it closes the connection (which cannot be reused then)."""

    def __init__(
        self,
        response: http.client.HTTPResponse,
        request: httpx.Request,
        timeouts: dict[str, float | None],
        connection: Connection,
    ) -> None:
        self._response = response
        self._request = request
        self._timeouts = timeouts
        self._connection = connection

    def __iter__(self) -> Iterator[bytes]:
        response = self._response
        with _translated(self._request, "read", self._timeouts):
            while chunk := response.read1(_READ_SIZE):
                yield chunk
        if response.length:  # the connection ended before Content-Length was reached
            raise httpx.RemoteProtocolError(_CUT, request=self._request)

    def close(self) -> None:
        response = self._response
        # a chunked body is read to its end once http.client has read its last chunk and closed it
        finished = response.isclosed() if response.chunked else response.length == 0
        if not finished:
            self._connection.close()
        response.close()


class _HTTPConnection(http.client.HTTPConnection):
    """``http.client``'s connection, on a socket ``Connection`` opened (never one of its own)."""

    def connect(self) -> NoReturn:
        """Never reached: a closed connection is replaced by ``Connection``, not reopened."""
        msg = "the connection is closed"
        raise http.client.NotConnected(msg)


class _Response(http.client.HTTPResponse):
    """``http.client``'s response, skipping every interim 1xx answer, not only ``100 Continue``."""

    def _read_status(self) -> tuple[str, int, str]:
        version, status, reason = super()._read_status()  # type: ignore[misc]
        if status in _INTERIM:
            return version, http.client.CONTINUE, reason  # begin() then skips its headers and reads on
        return version, status, reason


_HTTPConnection.response_class = _Response


class _Socket:
    """A connected socket whose every read and write is clamped to the attempt's time left.

    ``http.client`` sends with ``sendall`` and reads each response through its own
    ``makefile("rb")``. As with a real socket's files, ``close()`` waits for the response
    reading from it: ``http.client`` closes the connection as soon as an answer says it
    will close, and reads that answer's body after.
    """

    def __init__(self, sock: socket.socket, read: float | None, write: float | None) -> None:
        self._sock = sock
        self._read = read
        self._write = write
        self._readers = 0
        self._closing = False

    def fileno(self) -> int:
        return self._sock.fileno()

    def sendall(self, data: bytes) -> None:
        self._sock.settimeout(time_left(self._write, httpx.WriteTimeout))
        self._sock.sendall(data)

    def makefile(self, mode: str) -> io.BufferedReader:
        if mode != "rb":
            msg = f"only binary reading is supported, not {mode!r}"
            raise ValueError(msg)
        self._readers += 1
        return io.BufferedReader(_Reader(self), _READ_SIZE)

    def recv_into(self, buffer: Any) -> int:  # noqa: ANN401 - a writable buffer
        self._sock.settimeout(time_left(self._read, httpx.ReadTimeout))
        return self._sock.recv_into(buffer)

    def reader_closed(self) -> None:
        self._readers -= 1
        if self._closing and not self._readers:
            self._sock.close()

    def close(self) -> None:
        self._closing = True
        if not self._readers:
            self._sock.close()

    def abort(self) -> None:
        """Close now, waking a read blocked on the socket in another thread."""
        self._closing = True
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
        self._sock.close()


class _Reader(io.RawIOBase):
    """The raw stream under one response's buffered reader."""

    def __init__(self, sock: _Socket) -> None:
        self._sock = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:  # noqa: ANN401 - io's signature (a writable buffer)
        return self._sock.recv_into(buffer)

    def close(self) -> None:
        if not self.closed:
            self._sock.reader_closed()
        super().close()


#: a body that ended early, in httpcore's words (the async client's), so that both clients say the same
_CUT = "peer closed connection without sending complete message body"
_TIMEOUTS: dict[str, type[httpx.TimeoutException]] = {
    "connect": httpx.ConnectTimeout,
    "write": httpx.WriteTimeout,
    "read": httpx.ReadTimeout,
}
_BROKEN: dict[str, type[httpx.NetworkError]] = {
    "connect": httpx.ConnectError,
    "write": httpx.WriteError,
    "read": httpx.ReadError,
}


@contextlib.contextmanager
def _translated(request: httpx.Request, phase: str, timeouts: dict[str, float | None]) -> Iterator[None]:
    """The socket's and ``http.client``'s exceptions in one phase of an exchange, as httpx's.

    The messages say what failed, never what was sent or received.
    """
    try:
        yield
    except httpx.TransportError:
        raise  # already httpx's: the deadline's clamp, or a message of ours
    except http.client.IncompleteRead:  # a chunked body cut short
        raise httpx.RemoteProtocolError(_CUT, request=request) from None
    except http.client.RemoteDisconnected:
        msg = "the server disconnected without sending a response"
        raise httpx.RemoteProtocolError(msg, request=request) from None
    except http.client.HTTPException as error:  # not HTTP/1.x as an answer must be (or no answer at all)
        msg = f"the server's answer broke HTTP/1.1 ({type(error).__name__})"
        raise httpx.RemoteProtocolError(msg, request=request) from None
    except TimeoutError:  # socket.timeout, and the TLS handshake's
        msg = f"timed out: no {phase} progress within {timeouts.get(phase)}s"
        raise _TIMEOUTS[phase](msg, request=request) from None
    except OSError as error:  # refused, reset, TLS refused or unverified, closed under us
        msg = f"{phase} failed: {_reason(error)}"
        raise _BROKEN[phase](msg, request=request) from None
    except ValueError as error:  # http.client's framing: a chunk size that is no number
        msg = f"the server's answer broke HTTP/1.1 ({type(error).__name__})"
        raise httpx.RemoteProtocolError(msg, request=request) from None


def _reason(error: OSError) -> str:
    """What went wrong, in the operating system's or TLS's words, which quote neither side's data."""
    reason = getattr(error, "reason", None)  # ssl.SSLError's
    if isinstance(reason, str):
        return f"TLS: {reason}"
    return error.strerror or type(error).__name__
