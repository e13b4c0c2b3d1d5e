"""Read a response body whole, with a cap on its size after decompression.

httpx inflates gzip and deflate with no bound on the output: a 10 MB body can become
10 GiB in memory before anyone looks at it. Here the retry transport reads the raw
bytes itself and inflates them in bounded steps, stopping as soon as the decoded body
passes the cap; the response it hands on holds the decoded body, without
``Content-Encoding``. A compressed body that ends before its end marker is reported
as cut short, so it is retried like a dropped connection.

Memory held for one response: at most the cap, plus one step of inflated output and
httpcore's read buffer (and, for a moment at the end, a copy while the pieces are
joined).
"""

from __future__ import annotations

import contextlib
import zlib
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from collections.abc import Iterator

    from modelcatalog.deadlines import AttemptClock

#: what the client asks for; a body in another compression is refused with a clear error
ACCEPT_ENCODING = "gzip, deflate"
#: the most bytes one inflate call may produce, so a bomb never allocates more at once
_STEP = 1 << 20
_GZIP = ("gzip", "x-gzip")
_UNSUPPORTED = frozenset({"br", "zstd", "compress", "x-compress"})
#: what an inflated body no longer has, or has differently
_ENCODING_HEADERS = ("content-encoding", "content-length", "transfer-encoding")


class BodyFailure(Exception):  # noqa: N818 - an event the client turns into one of its errors
    """A body that cannot be used; ``headers`` are its response's, for the server's request id."""

    status_code: int
    headers: httpx.Headers | None = None


class BodyTooLarge(BodyFailure):
    """The body passed the cap; reading stopped there."""

    def __init__(self, limit: int, content_length: int | None, status_code: int) -> None:
        self.limit = limit
        self.content_length = content_length
        self.status_code = status_code
        super().__init__(f"response body larger than {limit} bytes")


class BodyUndecodable(BodyFailure):
    """The body's compression is corrupt, or one the client did not ask for."""

    def __init__(self, message: str, status_code: int) -> None:
        self.status_code = status_code
        super().__init__(message)


class TruncatedBody(httpx.RemoteProtocolError):
    """A compressed body ended before its end marker: the connection was cut (retried)."""


def read_response(response: httpx.Response, request: httpx.Request, limit: int, clock: AttemptClock) -> httpx.Response:
    """The response with its body read, inflated and capped (sync)."""
    with _failing_with(response):
        if response.is_stream_consumed:  # an in-process transport that read the body itself
            return _checked(response, request, limit)
        reader = _BodyReader(response, limit)
        try:
            for chunk in response.iter_raw():
                reader.feed(chunk)
                clock.check(request)
            body = reader.body()
        finally:
            response.close()
    return _inflated(response, request, body)


async def aread_response(
    response: httpx.Response, request: httpx.Request, limit: int, clock: AttemptClock
) -> httpx.Response:
    """The async twin of ``read_response``."""
    with _failing_with(response):
        if response.is_stream_consumed:
            return _checked(response, request, limit)
        reader = _BodyReader(response, limit)
        try:
            async for chunk in response.aiter_raw():
                reader.feed(chunk)
                clock.check(request)
            body = reader.body()
        finally:
            await response.aclose()
    return _inflated(response, request, body)


@contextlib.contextmanager
def _failing_with(response: httpx.Response) -> Iterator[None]:
    """A body failure carries its response's headers out."""
    try:
        yield
    except BodyFailure as failure:
        failure.headers = response.headers
        raise


def _checked(response: httpx.Response, request: httpx.Request, limit: int) -> httpx.Response:
    if len(response.content) > limit:
        raise BodyTooLarge(limit, len(response.content), response.status_code)
    response.request = request
    return response


def _inflated(response: httpx.Response, request: httpx.Request, body: bytes) -> httpx.Response:
    headers = httpx.Headers(response.headers)
    for name in _ENCODING_HEADERS:
        headers.pop(name, None)
    extensions = {key: value for key, value in response.extensions.items() if key != "network_stream"}
    return httpx.Response(response.status_code, headers=headers, content=body, request=request, extensions=extensions)


class _BodyReader:
    """Collects one body: raw chunks in, decoded bytes kept, never more than ``limit`` of them."""

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self._limit = limit
        self._status = response.status_code
        self._kept: list[bytes] = []
        self._size = 0
        self._content_length = _content_length(response.headers)
        encodings = [word.strip().lower() for word in response.headers.get("content-encoding", "").split(",")]
        refused = sorted(_UNSUPPORTED.intersection(encodings))
        if refused:
            msg = f"the body is in {', '.join(refused)}, a compression the client does not ask for ({ACCEPT_ENCODING})"
            raise BodyUndecodable(msg, self._status)
        # the last encoding applied is the first to undo; unknown words are ignored, as httpx does
        self._layers = [_Inflater(word) for word in reversed(encodings) if word in (*_GZIP, "deflate")]
        if not self._layers and self._content_length is not None and self._content_length > limit:
            raise BodyTooLarge(limit, self._content_length, self._status)

    def feed(self, raw: bytes) -> None:
        try:
            self._push(raw, 0)
        except zlib.error as exc:
            raise BodyUndecodable(f"the compressed body is corrupt ({exc})", self._status) from None

    def body(self) -> bytes:
        for layer in self._layers:
            layer.finish()
        return self._kept[0] if len(self._kept) == 1 else b"".join(self._kept)

    def _push(self, data: bytes, level: int) -> None:
        if level == len(self._layers):
            self._keep(data)
            return
        layer = self._layers[level]
        layer.give(data)
        while layer.busy:
            out = layer.step(_STEP)
            if out:
                self._push(out, level + 1)

    def _keep(self, data: bytes) -> None:
        if not data:
            return
        self._size += len(data)
        if self._size > self._limit:
            self._kept.clear()
            raise BodyTooLarge(self._limit, self._content_length, self._status)
        self._kept.append(data)


class _Inflater:
    """One gzip or deflate layer, producing at most ``step``'s worth of output a call."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in _GZIP
        self._name = "gzip" if self._gzip else "deflate"
        self._zlib = self._new()
        self._input = b""
        self._full = False
        self._raw_deflate_tried = self._gzip
        self._given = False

    @property
    def busy(self) -> bool:
        """Input not yet inflated, or output that may still be waiting."""
        return bool(self._input) or self._full

    def give(self, data: bytes) -> None:
        self._given = self._given or bool(data)
        self._input = self._input + data if self._input else data

    def step(self, room: int) -> bytes:
        data, self._input = self._input, b""
        if self._zlib.eof:
            if not (self._gzip and data.strip(b"\0")):
                self._full = False
                return b""  # padding after the end, as gzip tolerates
            self._zlib = self._new()  # the next member of a multi-member gzip body
        try:
            out = self._zlib.decompress(data, room)
        except zlib.error:
            if self._raw_deflate_tried:
                raise
            # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate
            self._raw_deflate_tried = True
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            self._input = data
            self._full = False
            return b""
        self._raw_deflate_tried = True
        self._input = self._zlib.unused_data if self._zlib.eof else self._zlib.unconsumed_tail
        self._full = len(out) == room
        return out

    def finish(self) -> None:
        if self._given and not self._zlib.eof:  # an empty body (a 204 labelled gzip) is complete
            msg = f"the {self._name} body ended before its end marker (the connection was cut)"
            raise TruncatedBody(msg)

    def _new(self) -> zlib._Decompress:
        return zlib.decompressobj(16 + zlib.MAX_WBITS if self._gzip else zlib.MAX_WBITS)


def _content_length(headers: httpx.Headers) -> int | None:
    try:
        value = int(headers.get("content-length", ""))
    except ValueError:
        return None
    return value if value >= 0 else None
