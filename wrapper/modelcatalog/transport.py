"""HTTP transport: timeouts, connection reuse, and retries that respect the server.

Retries live in an httpx transport, so every request made through the client (the
generated operations' requests included) gets them: exponential backoff with jitter
on connection errors, timeouts, 408, 429 and 5xx, honouring ``Retry-After`` (seconds
or an HTTP date) and ``retry-after-ms`` up to a cap. A hint longer than the cap is
not waited out: the response goes back to the caller, who gets a ``RateLimitError``
carrying the hint.

Only safe requests are retried: GET/HEAD/OPTIONS, and requests marked safe with
``extensions={"modelcatalog.safe_to_retry": True}`` (ModelsLab lists with POST).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Mapping

logger = logging.getLogger("modelcatalog")

SAFE_TO_RETRY = "modelcatalog.safe_to_retry"
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS"})
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before trying a request again.

    >>> RetryPolicy(max_attempts=1)  # never retry
    RetryPolicy(max_attempts=1, backoff_initial=0.5, backoff_max=8.0, retry_after_cap=60.0, jitter=True)
    """

    max_attempts: int = 4
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    retry_after_cap: float = 60.0
    jitter: bool = True
    retry_statuses: frozenset[int] = field(default=frozenset({408, 429, 500, 502, 503, 504}), repr=False)

    def should_retry_status(self, status: int) -> bool:
        """408, 429 and the 5xx that mean "try again" (plus any other 5xx)."""
        return status in self.retry_statuses or 500 <= status <= 599  # noqa: PLR2004

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Seconds before retry number ``attempt`` (1-based) without a server hint."""
        delay: float = min(self.backoff_max, self.backoff_initial * 2.0 ** (attempt - 1))
        return delay * rng.uniform(0.5, 1.0) if self.jitter else delay


def retry_after_seconds(response: httpx.Response, now: Callable[[], datetime] | None = None) -> float | None:
    """The server's hint: ``retry-after-ms``, else ``Retry-After`` in seconds or as an HTTP date."""
    milliseconds = response.headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return max(float(milliseconds) / 1000, 0.0)
        except ValueError:
            pass
    header = response.headers.get("retry-after")
    if header is None:
        return None
    try:
        return max(float(header), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now() if now is not None else datetime.now(UTC)
    return max((when - current).total_seconds(), 0.0)


class _RetryDecision:
    """The policy applied to one request: shared by the sync and async transports."""

    def __init__(self, policy: RetryPolicy, request: httpx.Request, rng: random.Random) -> None:
        self.policy = policy
        self.request = request
        self.rng = rng
        self.safe = request.method in _IDEMPOTENT or bool(request.extensions.get(SAFE_TO_RETRY))

    def after_response(self, attempt: int, response: httpx.Response) -> float | None:
        """Seconds to wait before another try, or None to hand the response back."""
        if not self.safe or attempt >= self.policy.max_attempts:
            return None
        if not self.policy.should_retry_status(response.status_code):
            return None
        hint = retry_after_seconds(response)
        if hint is not None and hint > self.policy.retry_after_cap:
            return None
        delay = hint if hint is not None else self.policy.backoff(attempt, self.rng)
        self._log(attempt, delay, f"status {response.status_code}")
        return delay

    def after_error(self, attempt: int, error: Exception) -> float | None:
        """Seconds to wait after a connection error or timeout, or None to raise it."""
        if not self.safe or attempt >= self.policy.max_attempts or not isinstance(error, _RETRYABLE_ERRORS):
            return None
        delay = self.policy.backoff(attempt, self.rng)
        self._log(attempt, delay, type(error).__name__)
        return delay

    def _log(self, attempt: int, delay: float, reason: str) -> None:
        # never the query string or headers: only where the request went
        url = self.request.url.copy_with(query=None)
        logger.info(
            "retrying %s %s in %.2fs (%s; attempt %d of %d)",
            self.request.method,
            url,
            delay,
            reason,
            attempt + 1,
            self.policy.max_attempts,
        )


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport with the retry policy (sync)."""

    def __init__(
        self,
        wrapped: httpx.BaseTransport,
        policy: RetryPolicy,
        *,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self._wrapped = wrapped
        self._policy = policy
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography

    def handle_request(self, request: httpx.Request) -> httpx.Response:  # noqa: D102
        decision = _RetryDecision(self._policy, request, self._rng)
        attempt = 1
        while True:
            try:
                response = self._wrapped.handle_request(request)
            except Exception as error:
                delay = decision.after_error(attempt, error)
                if delay is None:
                    raise
            else:
                delay = decision.after_response(attempt, response)
                if delay is None:
                    return response
                response.close()
            self._sleep(delay)
            attempt += 1

    def close(self) -> None:  # noqa: D102
        self._wrapped.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps a transport with the retry policy (async)."""

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self._wrapped = wrapped
        self._policy = policy
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:  # noqa: D102
        decision = _RetryDecision(self._policy, request, self._rng)
        attempt = 1
        while True:
            try:
                response = await self._wrapped.handle_async_request(request)
            except Exception as error:
                delay = decision.after_error(attempt, error)
                if delay is None:
                    raise
            else:
                delay = decision.after_response(attempt, response)
                if delay is None:
                    return response
                await response.aclose()
            await self._sleep(delay)
            attempt += 1

    async def aclose(self) -> None:  # noqa: D102
        await self._wrapped.aclose()


@dataclass(frozen=True)
class HTTPSettings:
    """Timeouts, pool size and retries for one client. Defaults suit a listing."""

    timeout: httpx.Timeout = field(default_factory=lambda: httpx.Timeout(30.0, connect=10.0))
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    max_connections: int = 16
    #: replaces the network transport (tests pass ``httpx.MockTransport``); retries still apply
    transport: httpx.BaseTransport | None = None
    async_transport: httpx.AsyncBaseTransport | None = None
    user_agent: str = "modelcatalog/0.1"
    #: extra headers on every request (a gateway's routing header, a mock server's
    #: ``Prefer``); they override ``User-Agent``/``Accept`` but never the credentials,
    #: which the provider's auth sets on each request after these
    headers: Mapping[str, str] = field(default_factory=dict)


def sync_http_client(settings: HTTPSettings, *, auth: httpx.Auth | None = None) -> httpx.Client:
    """An httpx client with pooling, timeouts and retries."""
    inner = settings.transport or httpx.HTTPTransport(limits=_limits(settings))
    return httpx.Client(transport=RetryTransport(inner, settings.retry), auth=auth, **_client_options(settings))


def async_http_client(settings: HTTPSettings, *, auth: httpx.Auth | None = None) -> httpx.AsyncClient:
    """The async twin of :func:`sync_http_client`."""
    inner = settings.async_transport or httpx.AsyncHTTPTransport(limits=_limits(settings))
    return httpx.AsyncClient(
        transport=AsyncRetryTransport(inner, settings.retry), auth=auth, **_client_options(settings)
    )


def _limits(settings: HTTPSettings) -> httpx.Limits:
    return httpx.Limits(max_connections=settings.max_connections, max_keepalive_connections=settings.max_connections)


def _client_options(settings: HTTPSettings) -> dict[str, Any]:
    """What the sync and async clients share; redirects are not followed (a 3xx is an error)."""
    return {
        "timeout": settings.timeout,
        "headers": {"User-Agent": settings.user_agent, "Accept": "application/json", **settings.headers},
        "follow_redirects": False,
    }
