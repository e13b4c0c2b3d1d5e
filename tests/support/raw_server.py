"""A loopback HTTP/1.1 server with byte-level control, for hostile-server tests.

Each request is read (request line, headers, a ``Content-Length`` body) and handed to
the test's handler with a ``Wire`` that writes raw bytes: a status line one byte at a
time, ``102 Processing`` forever, a body that never ends, a gzip bomb, a connection
cut in the middle of a body. What the handler returns says whether the connection
stays open for another request.

Bounded and stoppable: every wait is on the server's stop event (never a bare sleep),
a connection lives at most ``MAX_SECONDS``, a handler writes at most ``MAX_BYTES``,
writing stops as soon as the client hangs up, and ``stop()`` shuts every socket and
joins every thread. ``hangups`` counts the answers a client walked away from, and
``wait_for`` waits (bounded) until a condition on the server holds.
"""

from __future__ import annotations

import contextlib
import functools
import json
import select
import socket
import threading
import time
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

MAX_SECONDS = 60.0
MAX_BYTES = 3 * 1024**3
MAX_CONNECTIONS = 64
MAX_HEADER_BYTES = 64 * 1024
GiB = 1024**3
MiB = 1024**2


@dataclass(frozen=True)
class RawRequest:
    """What the server read: the request line, headers (lower-case names), body, its number and its connection's."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    index: int
    #: which connection it came on, numbered in the order they were accepted
    connection: int = 0

    @property
    def path(self) -> str:
        """The target without its query."""
        return self.target.partition("?")[0]

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)


class ClientGone(Exception):  # noqa: N818 - a condition, not a failure
    """The client hung up (or the server is stopping) while an answer was being written."""


class Wire:
    """Writes one connection's bytes; every method raises ``ClientGone`` once the client has hung up."""

    def __init__(self, sock: socket.socket, stopping: threading.Event, until: float) -> None:
        self._sock = sock
        self._stopping = stopping
        self._until = until
        self.written = 0

    def send(self, data: bytes) -> None:
        """Write ``data`` now."""
        if self._stopping.is_set() or time.monotonic() > self._until or self.written + len(data) > MAX_BYTES:
            raise ClientGone
        try:
            self._sock.sendall(data)
        except OSError as exc:  # EPIPE, ECONNRESET, a send timeout: the client stopped reading
            raise ClientGone from exc
        self.written += len(data)

    def pause(self, seconds: float) -> None:
        """Wait ``seconds``, or less if the server stops."""
        if self._stopping.wait(seconds):
            raise ClientGone

    def hold(self) -> None:
        """Send nothing; return (by raising ``ClientGone``) once the client hangs up."""
        while not self._stopping.is_set() and time.monotonic() < self._until:
            readable, _, _ = select.select([self._sock], [], [], 0.05)
            if readable:
                try:
                    if not self._sock.recv(65536):
                        break
                except OSError:
                    break
        raise ClientGone

    def trickle(self, data: bytes, every: float) -> None:
        """Write ``data`` one byte at a time, ``every`` seconds apart."""
        for index in range(len(data)):
            self.send(data[index : index + 1])
            self.pause(every)

    def repeat(self, chunk: bytes, total: int | None = None) -> None:
        """Write ``chunk`` again and again: ``total`` bytes in all, or until the client hangs up."""
        while total is None or total > 0:
            piece = chunk if total is None else chunk[:total]
            self.send(piece)
            if total is not None:
                total -= len(piece)

    def chunked(self, chunks: Iterator[bytes]) -> None:
        """Write each piece as one chunk of a chunked body, then the last chunk."""
        for piece in chunks:
            self.send(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.send(b"0\r\n\r\n")

    def close(self) -> None:
        """Hang up now, whatever was promised (a cut in the middle of a body)."""
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)


def head(status: int = 200, headers: dict[str, str] | None = None, reason: str = "") -> bytes:
    """A status line and headers, ending with the blank line."""
    lines = [f"HTTP/1.1 {status} {reason or _REASONS.get(status, 'Status')}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def answer(status: int, body: bytes | str, headers: dict[str, str] | None = None) -> bytes:
    """A whole response with a ``Content-Length``; JSON unless ``headers`` say otherwise."""
    raw = body.encode() if isinstance(body, str) else body
    merged = {"Content-Type": "application/json", **(headers or {}), "Content-Length": str(len(raw))}
    return head(status, merged) + raw


def json_answer(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> bytes:
    """A whole JSON response."""
    return answer(status, json.dumps(payload), headers)


_REASONS = {
    100: "Continue",
    102: "Processing",
    200: "OK",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


@dataclass
class Bomb:
    """A compressed body that inflates to ``inflated`` zero bytes, streamed without building it.

    Zeros compressed after a sync flush give the same block every time once the
    window is full of zeros, so the body is a head, that block repeated, and a final
    empty block with the trailer. The trailer's checksum is not the data's: no client
    that respects a cap ever reaches it.
    """

    encoding: str  # "gzip" or "deflate"
    inflated: int
    block_size: int = MiB
    _parts: tuple[bytes, bytes, bytes] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        wbits = 31 if self.encoding == "gzip" else 15
        compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
        zeros = bytes(self.block_size)
        first = compressor.compress(zeros) + compressor.flush(zlib.Z_SYNC_FLUSH)
        block = compressor.compress(zeros) + compressor.flush(zlib.Z_SYNC_FLUSH)
        again = compressor.compress(zeros) + compressor.flush(zlib.Z_SYNC_FLUSH)
        assert block == again, "zeros after a sync flush should compress to one repeating block"
        last = compressor.flush(zlib.Z_FINISH)
        self._parts = (first, block, last)

    @property
    def blocks(self) -> int:
        """How many blocks of zeros the body holds."""
        return max(self.inflated // self.block_size, 1)

    @property
    def length(self) -> int:
        """The compressed size in bytes."""
        first, block, last = self._parts
        return len(first) + (self.blocks - 1) * len(block) + len(last)

    def pieces(self) -> Iterator[bytes]:
        """The compressed body, a block at a time."""
        first, block, last = self._parts
        yield first
        for _ in range(self.blocks - 1):
            yield block
        yield last


class RawServer:
    """The loopback server: ``with RawServer(handler) as server: ... server.url``."""

    def __init__(
        self,
        handler: Callable[[RawRequest, Wire], bool | None] | None = None,
        *,
        on_connect: Callable[[Wire], None] | None = None,
    ) -> None:
        #: answers each request; ``on_connect`` instead speaks first, below HTTP (a TLS record, say)
        self.handler = handler
        self.on_connect = on_connect
        self.requests: list[RawRequest] = []
        #: answers the client walked away from before they were fully written
        self.hangups = 0
        self._changed = threading.Condition()
        self._stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)  # the accept loop notices stop() within this
        self._connections: set[socket.socket] = set()
        #: connections accepted so far
        self.accepted = 0
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, name="raw-server", daemon=True)

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def __enter__(self) -> Self:
        self._acceptor.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop accepting, wake every handler, close every connection, join every thread."""
        self._stopping.set()
        self._acceptor.join(timeout=5)
        with self._changed:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for thread in list(self._threads):
            thread.join(timeout=5)
        self._listener.close()

    @property
    def open_connections(self) -> int:
        """Connections accepted and not yet closed."""
        with self._changed:
            return len(self._connections)

    def wait_for(self, condition: Callable[[], bool], timeout: float = 10.0) -> bool:
        """Wait until ``condition()`` holds (re-checked whenever the server records something)."""
        with self._changed:
            return self._changed.wait_for(condition, timeout)

    # -- serving ----------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._changed:
                if len(self._connections) >= MAX_CONNECTIONS:
                    conn.close()
                    continue
                self._connections.add(conn)
                number = self.accepted
                self.accepted += 1
            thread = threading.Thread(target=self._serve, args=(conn, number), name="raw-connection", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket, number: int) -> None:
        until = time.monotonic() + MAX_SECONDS
        conn.settimeout(10.0)  # a read or a send that waits this long means the client is gone
        reader = _Reader(conn, number)
        try:
            if self.on_connect is not None:
                self._answer(self.on_connect, conn, until)
                return
            while not self._stopping.is_set() and self.handler is not None:
                request = reader.request(self._next_index())
                if request is None:
                    return
                with self._changed:
                    self.requests.append(request)
                    self._changed.notify_all()
                if not self._answer(functools.partial(self.handler, request), conn, until):
                    return
        finally:
            with self._changed:
                self._connections.discard(conn)
                self._changed.notify_all()
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()

    def _answer(self, write: Callable[[Wire], bool | None], conn: socket.socket, until: float) -> bool:
        """Run one answer; whether the connection stays open for another request."""
        try:
            return bool(write(Wire(conn, self._stopping, until)))
        except ClientGone:
            with self._changed:
                self.hangups += 1
                self._changed.notify_all()
            return False

    def _next_index(self) -> int:
        with self._changed:
            return len(self.requests)


class _Reader:
    """Reads requests off one connection (keep-alive: one after another)."""

    def __init__(self, conn: socket.socket, number: int) -> None:
        self._conn = conn
        self._number = number
        self._buffer = b""

    def request(self, index: int) -> RawRequest | None:
        while b"\r\n\r\n" not in self._buffer:
            if len(self._buffer) > MAX_HEADER_BYTES or not self._fill():
                return None
        raw_head, _, self._buffer = self._buffer.partition(b"\r\n\r\n")
        line, *header_lines = raw_head.decode("latin-1").split("\r\n")
        method, target, _ = line.split(" ", 2)
        headers = {}
        for header in header_lines:
            name, _, value = header.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length") or 0)
        while len(self._buffer) < length:
            if not self._fill():
                return None
        body, self._buffer = self._buffer[:length], self._buffer[length:]
        return RawRequest(method, target, headers, body, index, self._number)

    def _fill(self) -> bool:
        try:
            data = self._conn.recv(65536)
        except OSError:
            return False
        self._buffer += data
        return bool(data)
