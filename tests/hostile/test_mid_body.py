"""A connection cut in the middle of a body is retried like any dropped connection.

Reading the body is part of the attempt: a body cut after the headers (a short
Content-Length body, an unfinished chunked body, a gzip body without its end) is
retried within the same budget, and the error after the last attempt counts them.
"""

from __future__ import annotations

import gzip
import json
from typing import TYPE_CHECKING

import pytest
from modelcatalog import TransportError
from support.hostile import MODES, PROVIDERS, first, observe, operations, page, sent_the_canary
from support.raw_server import RawRequest, Wire, answer, head

if TYPE_CHECKING:
    from collections.abc import Callable

    from support.raw_server import RawServer

JSON = {"Content-Type": "application/json"}


def cut_inside_a_body(request: RawRequest, wire: Wire) -> bool:
    body = json.dumps(page(request.path)).encode()
    wire.send(head(200, {**JSON, "Content-Length": str(len(body))}) + body[: len(body) // 2])
    wire.close()
    return False


def cut_inside_chunks(request: RawRequest, wire: Wire) -> bool:
    body = json.dumps(page(request.path)).encode()
    wire.send(head(200, {**JSON, "Transfer-Encoding": "chunked"}))
    wire.send(b"%x\r\n%s\r\n" % (len(body) // 2, body[: len(body) // 2]))
    wire.close()
    return False


def gzip_without_its_end(request: RawRequest, wire: Wire) -> bool:
    """The Content-Length matches what is sent, so only the gzip stream itself shows the cut."""
    body = gzip.compress(json.dumps(page(request.path)).encode())[:-12]
    wire.send(answer(200, body, {"Content-Encoding": "gzip"}))
    return True


CUTS = {
    "Content-Length body cut in half": (cut_inside_a_body, "peer closed connection"),
    "chunked body cut after a chunk": (cut_inside_chunks, "peer closed connection"),
    "gzip body without its end": (gzip_without_its_end, "the gzip body ended before its end marker"),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("cut", list(CUTS))
async def test_a_body_cut_once_is_retried_and_the_listing_completes(
    serve: Callable[..., RawServer], cut: str, provider: str, mode: str
) -> None:
    server = serve(first(CUTS[cut][0], times=1))
    outcome = await observe(provider, mode, server.url)
    assert outcome.error is None
    assert len(outcome.items) == 2 * operations(provider)
    assert len(server.requests) == operations(provider) + 1
    retries = [line for line in outcome.logs if "retrying" in line]
    assert len(retries) == 1
    assert "attempt 2 of 2" in retries[0]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("cut", list(CUTS))
async def test_a_body_cut_every_time_fails_with_the_real_number_of_attempts(
    serve: Callable[..., RawServer], cut: str, provider: str, mode: str
) -> None:
    handler, says = CUTS[cut]
    server = serve(first(handler, times=None))
    outcome = await observe(provider, mode, server.url)
    error = outcome.error
    assert type(error) is TransportError, error
    assert error.attempts == 2
    assert "failed after 2 attempts" in str(error)
    assert says in str(error)
    assert len(server.requests) == 2
    assert sent_the_canary(server.requests)
