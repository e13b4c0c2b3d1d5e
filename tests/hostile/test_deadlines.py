"""Bounded time: each attempt has an overall deadline, whatever the server trickles.

Every byte below arrives well within the per-operation timeout (5 s), so only the
attempt deadline (a fraction of a second here) can end these attempts. The tests
assert what the client did (the error, its attempts, the requests the server saw),
never how long it took.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

import httpx
import modelcatalog
import pytest
from modelcatalog import RateLimitError, RetryPolicy
from modelcatalog.backends import with_deadlines
from modelcatalog.deadlines import DeadlineExceeded
from modelcatalog.pool import ConnectionPool
from modelcatalog.transport import RetryTransport
from support.hostile import MODES, PROVIDERS, first, observe, operations, processing_forever, sent_the_canary, settings
from support.raw_server import RawRequest, Wire, head, json_answer

if TYPE_CHECKING:
    from collections.abc import Callable

    from support.raw_server import RawServer

DEADLINE = 0.4
EVERY = 0.05  # far below the per-operation timeout: each byte resets it
LONG_HEADERS = head(200, {"Content-Type": "application/json", "X-Padding": "p" * 4000, "Content-Length": "2"}) + b"[]"


def status_line_trickled(request: RawRequest, wire: Wire) -> None:
    wire.trickle(LONG_HEADERS, EVERY)


def headers_trickled(request: RawRequest, wire: Wire) -> None:
    wire.send(b"HTTP/1.1 200 OK\r\n")
    wire.trickle(LONG_HEADERS.partition(b"\r\n")[2], EVERY)


def body_trickled(request: RawRequest, wire: Wire) -> None:
    body = b" " * 4000 + b"[]"
    wire.send(head(200, {"Content-Type": "application/json", "Content-Length": str(len(body))}))
    wire.trickle(body, EVERY)


def chunks_trickled(request: RawRequest, wire: Wire) -> None:
    wire.send(head(200, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}))
    while True:
        wire.send(b"1\r\n \r\n")
        wire.pause(EVERY)


def silence(request: RawRequest, wire: Wire) -> None:
    wire.hold()


SLOW_SERVERS = {
    "status line a byte at a time": status_line_trickled,
    "headers a byte at a time": headers_trickled,
    "102 Processing every 50 ms": processing_forever(EVERY),
    "body a byte at a time": body_trickled,
    "chunked body a chunk at a time": chunks_trickled,
    "no answer at all": silence,
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("behaviour", list(SLOW_SERVERS))
async def test_a_slow_server_cannot_hold_an_attempt_past_its_deadline(
    serve: Callable[..., RawServer], behaviour: str, provider: str, mode: str
) -> None:
    server = serve(first(SLOW_SERVERS[behaviour], times=None))
    outcome = await observe(provider, mode, server.url, http=settings(attempt_deadline=DEADLINE))
    error = outcome.error
    assert isinstance(error, modelcatalog.TimeoutError), error
    assert f"within the attempt deadline of {DEADLINE:g}s" in str(error)
    assert "after 2 attempts" in str(error)
    assert error.attempts == 2
    assert len(server.requests) == 2  # retried once, within the same budget, then given up
    assert sent_the_canary(server.requests)
    # the client hung up on both answers (the server would have gone on for minutes)
    assert server.wait_for(lambda: server.hangups == 2)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_slow_first_attempt_is_retried_and_the_listing_completes(
    serve: Callable[..., RawServer], provider: str, mode: str
) -> None:
    server = serve(first(processing_forever(EVERY), times=1))
    outcome = await observe(provider, mode, server.url, http=settings(attempt_deadline=DEADLINE))
    assert outcome.error is None
    assert len(outcome.items) == 2 * operations(provider)
    assert len(server.requests) == operations(provider) + 1


def tls_record_trickled(wire: Wire) -> None:
    """Below HTTP: a TLS handshake record header promising 16 KiB, then one byte of it at a time."""
    wire.send(b"\x16\x03\x03\x40\x00")
    while True:
        wire.pause(EVERY)
        wire.send(b"\x02")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_trickled_tls_handshake_hits_the_deadline(
    serve: Callable[..., RawServer], provider: str, mode: str
) -> None:
    server = serve(on_connect=tls_record_trickled)
    url = server.url.replace("http://", "https://")
    outcome = await observe(provider, mode, url, http=settings(attempt_deadline=DEADLINE))
    error = outcome.error
    assert isinstance(error, modelcatalog.TimeoutError), error
    assert f"attempt deadline of {DEADLINE:g}s" in str(error)
    assert error.attempts == 2
    assert server.wait_for(lambda: server.hangups == 2)


RETRY_AFTER = {
    "Retry-After: nan": {"Retry-After": "nan"},
    "retry-after-ms: NaN": {"retry-after-ms": "NaN"},
    "Retry-After: -1": {"Retry-After": "-1"},
    "Retry-After: inf": {"Retry-After": "inf"},
    "retry-after-ms: 1e400": {"retry-after-ms": "1e400"},
    "Retry-After: soon": {"Retry-After": "soon"},
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("hint", list(RETRY_AFTER))
async def test_an_unusable_retry_after_falls_back_to_the_backoff(
    serve: Callable[..., RawServer], hint: str, provider: str, mode: str
) -> None:
    def limited(request: RawRequest, wire: Wire) -> bool:
        wire.send(json_answer({"detail": "slow down"}, status=429, headers=RETRY_AFTER[hint]))
        return True

    server = serve(first(limited, times=1))
    backoff = settings(retry=_no_jitter(backoff_initial=0.03))
    outcome = await observe(provider, mode, server.url, http=backoff)
    assert outcome.error is None
    assert len(server.requests) == operations(provider) + 1
    retries = [line for line in outcome.logs if "retrying" in line]
    assert len(retries) == 1
    assert "in 0.03s (status 429; attempt 2 of 2)" in retries[0]  # the client's own backoff, not the hint


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_an_unusable_retry_after_is_not_reported_as_a_hint(
    serve: Callable[..., RawServer], provider: str, mode: str
) -> None:
    def limited(request: RawRequest, wire: Wire) -> bool:
        wire.send(json_answer({"detail": "slow down"}, status=429, headers={"Retry-After": "nan"}))
        return True

    server = serve(first(limited, times=None))
    outcome = await observe(provider, mode, server.url)
    error = outcome.error
    assert isinstance(error, RateLimitError)
    assert error.retry_after is None
    assert error.attempts == 2
    assert "rate limited (HTTP 429) after 2 attempts" in str(error)


def _no_jitter(**options: float) -> RetryPolicy:
    return RetryPolicy(max_attempts=2, jitter=False, **options)


def _httpx_pool() -> httpx.BaseTransport:
    inner = httpx.HTTPTransport(limits=httpx.Limits(max_connections=1))
    with_deadlines(inner)
    return inner


def _client_pool() -> httpx.BaseTransport:
    return ConnectionPool(_httpx_pool, 1)


@pytest.mark.parametrize("pool", [_client_pool, _httpx_pool], ids=["the client's pool", "httpx's pool"])
def test_waiting_for_a_pooled_connection_counts_against_the_deadline(
    serve: Callable[..., RawServer], pool: Callable[[], httpx.BaseTransport]
) -> None:
    """One connection, held by a first request the server never answers: the second waits in the pool."""
    server = serve(first(lambda _request, wire: wire.hold(), times=None))
    inner = pool()
    slow = RetryTransport(inner, RetryPolicy(max_attempts=1), attempt_deadline=3.0)
    quick = RetryTransport(inner, RetryPolicy(max_attempts=1), attempt_deadline=DEADLINE)
    with httpx.Client(transport=slow, timeout=30.0) as holding, httpx.Client(transport=quick, timeout=30.0) as waiting:
        holder = threading.Thread(target=_get, args=(holding, server.url))
        holder.start()
        try:
            assert server.wait_for(lambda: len(server.requests) == 1)
            with pytest.raises(DeadlineExceeded, match="attempt deadline") as caught:
                waiting.get(server.url + "/v1/models")
            assert isinstance(caught.value.__context__, httpx.PoolTimeout)  # it gave up waiting, at its deadline
            assert len(server.requests) == 1  # the second request never got a connection
        finally:
            server.stop()
            holder.join(timeout=10)


def _get(client: httpx.Client, url: str) -> None:
    with contextlib.suppress(httpx.HTTPError):
        client.get(url + "/v1/models")
