"""Every attempt has a deadline: the wait for a connection, connect, TLS, request, 1xx answers, headers and body.

httpx's timeouts bound each socket operation, not their sum: a server that sends one
byte a second, or ``102 Processing`` every second, never trips them. The retry
transport runs each attempt inside an ``AttemptClock``; every connect, TLS handshake,
read and write of that attempt asks ``time_left`` for its timeout, which clamps it to
the time left and fails the first one that would start after the deadline. A sync
client's connections ask it themselves (``connection``); under httpx's own transports
(the async client's) a network backend asks it (``backends``).

The time left is looked up at each operation, in the thread or task doing it (a
context variable), so a pooled connection obeys the deadline of whichever attempt is
using it, and no timer or watchdog thread has to race the request. A TLS handshake
reads many times but under one timeout: the ssl module (sync) and anyio (async) both
bound the whole handshake by it.
"""

from __future__ import annotations

from contextvars import ContextVar
from time import monotonic
from typing import Any, Self

import httpx

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


def time_left(timeout: float | None, error: type[Exception]) -> float | None:
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
