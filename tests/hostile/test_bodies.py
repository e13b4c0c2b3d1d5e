"""Bounded memory, in-process: every body is capped after decompression, with a typed error.

A small cap (64 KiB) keeps these fast; ``test_memory.py`` measures the process with the
default cap while servers send gigabytes. Compressed pages that are legitimate (gzip,
multi-member gzip, zlib and raw deflate) still decode.
"""

from __future__ import annotations

import gzip
import json
import zlib
from typing import TYPE_CHECKING

import pytest
from modelcatalog import BodyTooLargeError, NotJSONError, ResponseError
from support.hostile import (
    JSON,
    MODES,
    PROVIDERS,
    content_length,
    deflate_bomb,
    endless_chunked,
    first,
    first_page_label,
    gzip_bomb,
    observe,
    operations,
    page,
    sent_the_canary,
    settings,
    until_close,
)
from support.raw_server import GiB, RawRequest, Wire, answer, head

if TYPE_CHECKING:
    from collections.abc import Callable

    from support.raw_server import RawServer

CAP = 64 * 1024
#: compressed, still far more than socket buffers hold: the server notices the client hang up
BOMB = 100 * GiB


OVERSIZED = {
    "gzip bomb": gzip_bomb(BOMB),
    "deflate bomb, chunked": deflate_bomb(BOMB),
    "endless chunked body": endless_chunked,
    "2 GiB body until the connection closes": until_close(2 * GiB),
    "2 GiB Content-Length": content_length(2 * GiB),
    "401 whose body is a bomb": gzip_bomb(BOMB, status=401),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("behaviour", list(OVERSIZED))
async def test_a_body_past_the_cap_is_a_typed_error_naming_page_and_limit(
    serve: Callable[..., RawServer], behaviour: str, provider: str, mode: str
) -> None:
    server = serve(first(OVERSIZED[behaviour], times=None))
    outcome = await observe(provider, mode, server.url, http=settings(max_body_size=CAP))
    error = outcome.error
    assert isinstance(error, BodyTooLargeError), error
    assert isinstance(error, ResponseError)
    assert error.limit == CAP
    assert f"larger than the cap of {CAP:,} bytes after decompression" in str(error)
    assert f"the body of {first_page_label(provider)}" in str(error)
    assert error.body == b""
    assert len(server.requests) == 1  # the same request would bring the same body: not retried
    assert sent_the_canary(server.requests)
    assert server.wait_for(lambda: server.hangups == 1)  # the client stopped reading
    if behaviour == "2 GiB Content-Length":
        assert error.content_length == 2 * GiB
        assert "the server announced 2,147,483,648 bytes" in str(error)
    if behaviour.startswith("401"):
        assert error.status_code == 401
        assert "(HTTP 401)" in str(error)


def body_of(length: int) -> Callable[[RawRequest, Wire], bool]:
    def send(request: RawRequest, wire: Wire) -> bool:
        raw = json.dumps(page(request.path)).encode()
        wire.send(answer(200, raw + b" " * (length - len(raw))))
        return True

    return send


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_body_of_exactly_the_cap_is_read_and_one_byte_more_is_refused(
    serve: Callable[..., RawServer], provider: str, mode: str
) -> None:
    server = serve(body_of(CAP))
    outcome = await observe(provider, mode, server.url, http=settings(max_body_size=CAP))
    assert outcome.error is None
    assert outcome.items
    server = serve(body_of(CAP + 1))
    outcome = await observe(provider, mode, server.url, http=settings(max_body_size=CAP))
    assert isinstance(outcome.error, BodyTooLargeError)


def gzip_page(request: RawRequest, wire: Wire) -> bool:
    wire.send(answer(200, gzip.compress(json.dumps(page(request.path)).encode()), {"Content-Encoding": "gzip"}))
    return True


def two_gzip_members(request: RawRequest, wire: Wire) -> bool:
    raw = json.dumps(page(request.path)).encode()
    body = gzip.compress(raw[:10]) + gzip.compress(raw[10:])
    wire.send(answer(200, body, {"Content-Encoding": "gzip"}))
    return True


def zlib_deflate_page(request: RawRequest, wire: Wire) -> bool:
    wire.send(answer(200, zlib.compress(json.dumps(page(request.path)).encode()), {"Content-Encoding": "deflate"}))
    return True


def raw_deflate_page(request: RawRequest, wire: Wire) -> bool:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    body = compressor.compress(json.dumps(page(request.path)).encode()) + compressor.flush()
    wire.send(answer(200, body, {"Content-Encoding": "deflate"}))
    return True


def gzip_chunked_a_byte_a_chunk(request: RawRequest, wire: Wire) -> bool:
    body = gzip.compress(json.dumps(page(request.path)).encode())
    wire.send(head(200, {**JSON, "Content-Encoding": "gzip", "Transfer-Encoding": "chunked"}))
    wire.chunked(iter([body[index : index + 1] for index in range(len(body))]))
    return True


COMPRESSED = {
    "gzip": gzip_page,
    "two gzip members": two_gzip_members,
    "deflate (zlib)": zlib_deflate_page,
    "deflate (raw, as some servers send it)": raw_deflate_page,
    "gzip in one-byte chunks": gzip_chunked_a_byte_a_chunk,
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("encoding", list(COMPRESSED))
async def test_compressed_pages_still_decode(
    serve: Callable[..., RawServer], encoding: str, provider: str, mode: str
) -> None:
    server = serve(COMPRESSED[encoding])
    outcome = await observe(provider, mode, server.url, http=settings(max_body_size=CAP))
    assert outcome.error is None
    assert len(outcome.items) == 2 * operations(provider)
    assert server.requests[0].headers["accept-encoding"] == "gzip, deflate"


def corrupt_gzip(request: RawRequest, wire: Wire) -> bool:
    body = bytearray(gzip.compress(json.dumps(page(request.path)).encode()))
    body[12:20] = b"\xff" * 8  # inside the deflate data
    wire.send(answer(200, bytes(body), {"Content-Encoding": "gzip"}))
    return True


def brotli_unasked(request: RawRequest, wire: Wire) -> bool:
    wire.send(answer(200, b"\x1b\x00\x00\x00", {"Content-Encoding": "br"}))
    return True


UNDECODABLE = {"corrupt gzip": (corrupt_gzip, "corrupt"), "br, never asked for": (brotli_unasked, "br")}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("behaviour", list(UNDECODABLE))
async def test_an_undecodable_body_is_a_typed_error(
    serve: Callable[..., RawServer], behaviour: str, provider: str, mode: str
) -> None:
    handler, says = UNDECODABLE[behaviour]
    server = serve(handler)
    outcome = await observe(provider, mode, server.url)
    assert isinstance(outcome.error, NotJSONError), outcome.error
    assert says in str(outcome.error)
    assert len(server.requests) == 1
