"""HTTP transport: timeouts, connection reuse, bounded answers, and retries that respect the server.

Retries live in an httpx transport, so every request made through the client (the
generated operations' requests included) gets them: exponential backoff with jitter
on connection errors, timeouts, 408, 409, 429 and 5xx (but 501 and 505, which a retry
cannot change), honouring ``Retry-After`` (seconds or an HTTP date) and
``retry-after-ms`` up to a cap. A server's ``x-should-retry: true`` or ``false`` on an
error response overrides the status, as in the official SDKs (OpenAI's, Stainless's). A hint longer than the cap is
not waited out: the response goes back to the caller, who gets a ``RateLimitError``
carrying the hint. A hint that is not a finite, non-negative number (``nan``,
``-1``, ``inf``, garbage) is ignored in favour of the backoff.

Each attempt reads its answer whole before it counts as one: the body is read here,
inside the retry loop, capped after decompression (``bodies``) and bounded in time
with everything else the attempt does (``deadlines``). A connection cut mid-body is
retried like any dropped connection. The attempt count is left in the request's
extensions for error messages.

Only safe requests are retried: GET/HEAD/OPTIONS, and requests marked safe with
``extensions={"modelcatalog.safe_to_retry": True}`` (ModelsLab lists with POST).

Before each wait, the function installed with ``retry_waits_to`` in the thread or task
making the request (a context variable, so no client option is needed) is told how
long and why: the catalog's progress display shows "waiting 42 s (Retry-After)".

A client hands its requests to that transport through a ``Sender`` (``AsyncSender``), not
an ``httpx.Client``: no cookie jar, no redirects, and less work a page (see ``_Sender``).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import random
import ssl
import time
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

import httpx
import msgspec

from modelcatalog.bodies import ACCEPT_ENCODING, aread_response, read_response
from modelcatalog.connection import Connection
from modelcatalog.deadlines import AttemptClock
from modelcatalog.errors import ConfigurationError
from modelcatalog.pool import ConnectionPool

if TYPE_CHECKING:
    from collections.abc import Awaitable, Iterator, Mapping

logger = logging.getLogger("modelcatalog")

SAFE_TO_RETRY = "modelcatalog.safe_to_retry"
#: set on each request's extensions: how many attempts were sent so far
ATTEMPTS = "modelcatalog.attempts"
DEFAULT_MAX_BODY_SIZE = 64 * 1024 * 1024
DEFAULT_ATTEMPT_DEADLINE = 60.0
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS"})
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
#: "not implemented" and "HTTP version not supported": the same request gets the same answer
_NEVER_RETRIED = frozenset({501, 505})
#: the server's word on whether to retry an error response; it overrides the status
SHOULD_RETRY_HEADER = "x-should-retry"


class RetryWait(msgspec.Struct, frozen=True):
    """A request about to wait before its next attempt: how long, why, and whether the server asked for it."""

    #: the attempt that follows the wait (2 for the first retry)
    attempt: int
    max_attempts: int
    seconds: float
    #: what went wrong: "status 429", "ConnectTimeout"
    reason: str
    #: the wait is the server's ``Retry-After`` (or ``retry-after-ms``) hint, not our backoff
    retry_after: bool
    #: ``time.monotonic()`` when the wait began
    since: float = msgspec.field(default_factory=time.monotonic)

    @property
    def left(self) -> float:
        """Seconds of the wait still to go (0 once it is over)."""
        return max(self.since + self.seconds - time.monotonic(), 0.0)


RetryListener = Callable[[RetryWait], None]
_RETRY_LISTENER: ContextVar[RetryListener | None] = ContextVar("modelcatalog_retry_listener", default=None)


@contextlib.contextmanager
def retry_waits_to(listener: RetryListener) -> Iterator[None]:
    """Tell ``listener`` of every wait before a retry of a request made in this thread or task, inside ``with``."""
    token = _RETRY_LISTENER.set(listener)
    try:
        yield
    finally:
        _RETRY_LISTENER.reset(token)


class RetryPolicy(msgspec.Struct, frozen=True, repr_omit_defaults=True):
    """When and how long to wait before trying a request again.

    >>> RetryPolicy(max_attempts=1)  # never retry
    RetryPolicy(max_attempts=1)
    """

    max_attempts: int = 4
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    retry_after_cap: float = 60.0
    jitter: bool = True
    retry_statuses: frozenset[int] = frozenset({408, 409, 429, 500, 502, 503, 504})

    def should_retry_status(self, status: int) -> bool:
        """408, 409, 429 and the 5xx that mean "try again" (plus any other 5xx but 501 and 505)."""
        return status in self.retry_statuses or (500 <= status <= 599 and status not in _NEVER_RETRIED)  # noqa: PLR2004

    def should_retry(self, response: httpx.Response) -> bool:
        """The server's ``x-should-retry: true|false`` on an error response, else the status decides."""
        if response.is_success:
            return False
        said = str(response.headers.get(SHOULD_RETRY_HEADER, "")).strip().lower()
        if said in ("true", "false"):
            return said == "true"
        return self.should_retry_status(response.status_code)

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Seconds before retry number ``attempt`` (1-based) without a server hint."""
        delay: float = min(self.backoff_max, self.backoff_initial * 2.0 ** (attempt - 1))
        return delay * rng.uniform(0.5, 1.0) if self.jitter else delay


def retry_after_seconds(response: httpx.Response, now: Callable[[], datetime] | None = None) -> float | None:
    """The server's hint: ``retry-after-ms``, else ``Retry-After`` in seconds or as an HTTP date.

    None when there is no usable hint: absent, unparsable, negative or not finite.
    """
    milliseconds = _seconds(response.headers.get("retry-after-ms"), scale=1000.0)
    if milliseconds is not None:
        return milliseconds
    header = response.headers.get("retry-after")
    if header is None:
        return None
    seconds = _seconds(header, scale=1.0)
    if seconds is not None:
        return seconds
    try:
        when = parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now() if now is not None else datetime.now(UTC)
    return max((when - current).total_seconds(), 0.0)


def _seconds(text: str | None, *, scale: float) -> float | None:
    if text is None:
        return None
    try:
        value = float(text) / scale
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


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
        if not self.policy.should_retry(response):
            return None
        hint = retry_after_seconds(response)
        if hint is not None and hint > self.policy.retry_after_cap:
            return None
        delay = hint if hint is not None else self.policy.backoff(attempt, self.rng)
        self._log(attempt, delay, f"status {response.status_code}", retry_after=hint is not None)
        return delay

    def after_error(self, attempt: int, error: Exception) -> float | None:
        """Seconds to wait after a connection error or timeout, or None to raise it."""
        if not self.safe or attempt >= self.policy.max_attempts or not isinstance(error, _RETRYABLE_ERRORS):
            return None
        delay = self.policy.backoff(attempt, self.rng)
        self._log(attempt, delay, type(error).__name__)
        return delay

    def _log(self, attempt: int, delay: float, reason: str, *, retry_after: bool = False) -> None:
        """Log the wait, and tell the listener of this thread or task (``retry_waits_to``)."""
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
        listener = _RETRY_LISTENER.get()
        if listener is not None:
            listener(RetryWait(attempt + 1, self.policy.max_attempts, delay, reason, retry_after=retry_after))


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport with the retry policy, the body cap and the attempt deadline (sync)."""

    def __init__(
        self,
        wrapped: httpx.BaseTransport,
        policy: RetryPolicy,
        *,
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        attempt_deadline: float | None = DEFAULT_ATTEMPT_DEADLINE,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self._wrapped = wrapped
        self._policy = policy
        self._max_body_size = max_body_size
        self._attempt_deadline = attempt_deadline
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography
        self._closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:  # noqa: D102
        try:
            return self._attempts(request)
        finally:
            if self._closed:  # what an attempt racing with close() opened on the closed pool
                self._wrapped.close()

    def _attempts(self, request: httpx.Request) -> httpx.Response:
        decision = _RetryDecision(self._policy, request, self._rng)
        timeouts = dict(request.extensions.get("timeout", {}))
        attempt = 1
        while True:
            _refuse_when_closed(self._closed, request)
            request.extensions[ATTEMPTS] = attempt
            clock = AttemptClock(self._attempt_deadline)
            clock.limit_pool_wait(request, timeouts)
            try:
                with clock:
                    response = self._wrapped.handle_request(request)
                    delay = decision.after_response(attempt, response)
                    if delay is None:
                        return read_response(response, request, self._max_body_size, clock)
                    response.close()
            except Exception as error:
                late = _late(error, clock, request)
                delay = decision.after_error(attempt, late)
                if delay is None:
                    if late is error:
                        raise
                    raise late from None
            self._sleep(delay)
            attempt += 1

    def close(self) -> None:
        """Close the pool; a request still running makes no further attempt (a closed pool would still connect)."""
        self._closed = True
        self._wrapped.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of ``RetryTransport``."""

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        attempt_deadline: float | None = DEFAULT_ATTEMPT_DEADLINE,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._wrapped = wrapped
        self._policy = policy
        self._max_body_size = max_body_size
        self._attempt_deadline = attempt_deadline
        if sleep is None:
            import asyncio  # noqa: PLC0415 - only the async client loads asyncio

            sleep = asyncio.sleep
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography
        self._closed = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:  # noqa: D102
        try:
            return await self._attempts(request)
        finally:
            if self._closed:  # what an attempt racing with aclose() opened on the closed pool
                await self._wrapped.aclose()

    async def _attempts(self, request: httpx.Request) -> httpx.Response:
        decision = _RetryDecision(self._policy, request, self._rng)
        timeouts = dict(request.extensions.get("timeout", {}))
        attempt = 1
        while True:
            _refuse_when_closed(self._closed, request)
            request.extensions[ATTEMPTS] = attempt
            clock = AttemptClock(self._attempt_deadline)
            clock.limit_pool_wait(request, timeouts)
            try:
                with clock:
                    response = await self._wrapped.handle_async_request(request)
                    delay = decision.after_response(attempt, response)
                    if delay is None:
                        return await aread_response(response, request, self._max_body_size, clock)
                    await response.aclose()
            except Exception as error:
                late = _late(error, clock, request)
                delay = decision.after_error(attempt, late)
                if delay is None:
                    if late is error:
                        raise
                    raise late from None
            await self._sleep(delay)
            attempt += 1

    async def aclose(self) -> None:
        """The async twin of ``RetryTransport.close``."""
        self._closed = True
        await self._wrapped.aclose()


class ClientClosed(httpx.TransportError):
    """The client was closed while a request of it still wanted an attempt (not retried)."""


def _refuse_when_closed(closed: bool, request: httpx.Request) -> None:
    """No attempt on a closed pool: httpcore's would still connect, and keep a socket nobody closes."""
    if closed:
        msg = "the client was closed before this attempt"
        raise ClientClosed(msg, request=request)


def _late(error: Exception, clock: AttemptClock, request: httpx.Request) -> Exception:
    """A connection failure that the attempt's deadline caused: say so."""
    return clock.exceeded(request) if clock.explains(error) else error


class HTTPSettings(msgspec.Struct, frozen=True):
    """Timeouts, limits, pool size and retries for one client. Defaults suit a listing.

    ``timeout`` bounds each socket operation (httpx's own); ``attempt_deadline`` bounds
    everything one attempt does, in seconds, from connecting to the body's last byte;
    ``max_body_size`` bounds each response body in bytes, after decompression.

    >>> HTTPSettings(max_body_size=8 * 1024 * 1024, attempt_deadline=20.0).attempt_deadline
    20.0
    """

    timeout: httpx.Timeout = msgspec.field(default_factory=lambda: httpx.Timeout(30.0, connect=10.0))
    retry: RetryPolicy = msgspec.field(default_factory=RetryPolicy)
    max_body_size: int = DEFAULT_MAX_BODY_SIZE
    attempt_deadline: float = DEFAULT_ATTEMPT_DEADLINE
    max_connections: int = 16
    #: replaces the network transport (tests pass ``httpx.MockTransport``); retries and the
    #: body cap still apply, the attempt deadline only between the chunks of a body
    transport: httpx.BaseTransport | None = None
    async_transport: httpx.AsyncBaseTransport | None = None
    user_agent: str = "modelcatalog/0.1"
    #: extra headers on every request (a gateway's routing header, a mock server's
    #: ``Prefer``); they override ``User-Agent``/``Accept`` but never the credentials,
    #: which the provider's auth sets on each request after these
    headers: Mapping[str, str] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        if not _whole(self.max_body_size, 1):
            msg = f"max_body_size must be a whole number of bytes, at least 1; got {self.max_body_size!r}"
            raise ConfigurationError(msg)
        deadline = self.attempt_deadline
        if not _positive_seconds(deadline):
            msg = f"attempt_deadline must be a positive, finite number of seconds; got {deadline!r}"
            raise ConfigurationError(msg)


def _whole(value: object, minimum: int) -> bool:
    """Whether ``value`` is an int (not a bool) of at least ``minimum``."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def _positive_seconds(value: object) -> bool:
    """Whether ``value`` is a positive, finite int or float (not a bool)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < math.inf


def with_shortcuts(
    settings: HTTPSettings | None, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None
) -> HTTPSettings:
    """``settings`` with the official SDKs' ``timeout=`` and ``max_retries=`` applied.

    A number of seconds bounds each attempt whole and each socket operation; an
    ``httpx.Timeout`` sets the socket operations only. A shortcut that contradicts a
    value ``settings`` sets (one that differs from the default) is refused, naming both.

    >>> with_shortcuts(None, timeout=20, max_retries=0).attempt_deadline
    20.0
    """
    given = settings or HTTPSettings()
    default = HTTPSettings()
    changes: dict[str, Any] = {}
    if max_retries is not None:
        if not _whole(max_retries, 0):
            msg = f"max_retries must be a whole number, 0 or more; got {max_retries!r}"
            raise ConfigurationError(msg)
        shortcut = f"max_retries={max_retries!r}"
        attempts = max_retries + 1
        _refuse_contradiction(
            shortcut, "retry.max_attempts", given.retry.max_attempts, default.retry.max_attempts, attempts
        )
        changes["retry"] = msgspec.structs.replace(given.retry, max_attempts=attempts)
    if isinstance(timeout, httpx.Timeout):
        _refuse_contradiction(f"timeout={timeout!r}", "timeout", given.timeout, default.timeout, timeout)
        changes["timeout"] = timeout
    elif timeout is not None:
        if not _positive_seconds(timeout):
            msg = f"timeout must be a positive, finite number of seconds or an httpx.Timeout; got {timeout!r}"
            raise ConfigurationError(msg)
        seconds = float(timeout)
        shortcut = f"timeout={timeout!r}"
        _refuse_contradiction(shortcut, "timeout", given.timeout, default.timeout, httpx.Timeout(seconds))
        _refuse_contradiction(shortcut, "attempt_deadline", given.attempt_deadline, default.attempt_deadline, seconds)
        changes["timeout"] = httpx.Timeout(seconds)
        changes["attempt_deadline"] = seconds
    return msgspec.structs.replace(given, **changes) if changes else given


def _refuse_contradiction(shortcut: str, setting: str, given: object, default: object, wanted: object) -> None:
    """A setting of ``http`` that is not its default must agree with the shortcut."""
    if given not in (default, wanted):
        msg = f"{shortcut} contradicts http=HTTPSettings({setting}={given!r}): set one of them, not both"
        raise ConfigurationError(msg)


class _Sender:
    """What the sync and async senders share: the client's headers, timeouts and auth, and its URLs parsed once.

    A listing sends its requests here rather than through ``httpx.Client.send``, which
    on every page does work a listing never needs: it copies each response's headers
    into an ``email.message.Message`` for its cookie jar (cookies are not how any
    provider authenticates, and a jar a hostile server can fill is better not kept),
    looks for redirects (none are followed: a 3xx is an error), runs event hooks, and
    parses the URL again to merge it with a base URL. Everything that protects a
    listing is in the transport, which is the same: retries, the body cap and the
    attempt deadline.
    """

    def __init__(self, settings: HTTPSettings, auth: httpx.Auth | None) -> None:
        self._headers = {
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
            "Connection": "keep-alive",
            "User-Agent": settings.user_agent,
            **settings.headers,
        }
        self._timeout = settings.timeout.as_dict()
        self._auth = auth
        #: full URL -> parsed, one per list operation: each request then parses only its query
        self._urls: dict[str, httpx.URL] = {}
        self._closed = False

    def build(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,  # noqa: ANN401 - any JSON body
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> httpx.Request:
        """A request with the client's headers (``headers`` over them) and timeouts."""
        if self._closed:
            msg = "this client is closed: list models inside `with Client(...)`, before close()"
            raise ConfigurationError(msg)
        parsed = self._urls.get(url)
        if parsed is None:
            parsed = self._urls[url] = httpx.URL(url)
        merged = {**self._headers, **headers} if headers else self._headers
        return httpx.Request(
            method,
            parsed,
            params=params,
            json=json,
            headers=merged,
            extensions={"timeout": self._timeout, **(extensions or {})},
        )

    def _logged(self, response: httpx.Response) -> httpx.Response:
        """Log each answer at debug level, as httpx.Client did at info: never the query string or headers."""
        if logger.isEnabledFor(logging.DEBUG):
            request = response.request
            attempts = request.extensions.get(ATTEMPTS, 1)
            url = request.url.copy_with(query=None)
            logger.debug("%s %s: HTTP %d (attempt %s)", request.method, url, response.status_code, attempts)
        return response


class Sender(_Sender):
    """Sends a client's requests straight to its retrying transport (sync); see ``_Sender`` for why."""

    def __init__(self, settings: HTTPSettings, *, auth: httpx.Auth | None = None, tls: bool = True) -> None:
        """``tls``: whether the client's base URL is https."""
        super().__init__(settings, auth)
        inner = settings.transport
        if inner is None:
            inner = ConnectionPool(functools.partial(Connection, tls_context(needed=tls)), settings.max_connections)
        self._transport = RetryTransport(
            inner, settings.retry, max_body_size=settings.max_body_size, attempt_deadline=settings.attempt_deadline
        )

    def send(self, request: httpx.Request) -> httpx.Response:
        """The response, its body read; the auth may answer a response with another request, as in httpx."""
        if self._auth is None:
            return self._logged(self._transport.handle_request(request))
        flow = self._auth.sync_auth_flow(request)
        try:
            request = next(flow)
            while True:
                response = self._logged(self._transport.handle_request(request))
                try:
                    request = flow.send(response)
                except StopIteration:
                    return response
        finally:
            flow.close()

    def close(self) -> None:
        """Close the connection pool; later requests are refused."""
        self._closed = True
        self._transport.close()


class AsyncSender(_Sender):
    """The async twin of ``Sender``."""

    def __init__(self, settings: HTTPSettings, *, auth: httpx.Auth | None = None, tls: bool = True) -> None:
        """``tls``: whether the client's base URL is https."""
        super().__init__(settings, auth)
        inner = settings.async_transport
        if inner is None:
            from modelcatalog.backends import with_deadlines  # noqa: PLC0415 - httpcore: the async client's alone

            inner = httpx.AsyncHTTPTransport(verify=tls_context(needed=tls), limits=_limits(settings))
            with_deadlines(inner)
        self._transport = AsyncRetryTransport(
            inner, settings.retry, max_body_size=settings.max_body_size, attempt_deadline=settings.attempt_deadline
        )

    async def send(self, request: httpx.Request) -> httpx.Response:
        """The async twin of ``Sender.send``."""
        if self._auth is None:
            return self._logged(await self._transport.handle_async_request(request))
        flow = self._auth.async_auth_flow(request)
        try:
            request = await flow.__anext__()
            while True:
                response = self._logged(await self._transport.handle_async_request(request))
                try:
                    request = await flow.asend(response)
                except StopAsyncIteration:
                    return response
        finally:
            await flow.aclose()

    async def aclose(self) -> None:
        """The async twin of ``Sender.close``."""
        self._closed = True
        await self._transport.aclose()


def tls_context(*, needed: bool) -> ssl.SSLContext:
    """The TLS context of a client's own transport.

    Loading the CA bundle is most of what building a client costs. A client whose base
    URL is plain http never opens a TLS connection (it follows no redirects), so it gets
    a context that still verifies but holds no certificates: a TLS connection it should
    never make fails verification. Clients that need TLS share one verified context (as
    ``httpx`` makes it: certifi's bundle, or ``SSL_CERT_FILE``/``SSL_CERT_DIR``, read
    once a process).
    """
    if not needed:
        return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # hostname checked, certificate required, none trusted
    return _verified_context()


@functools.cache
def _verified_context() -> ssl.SSLContext:
    return httpx.create_ssl_context()


def _limits(settings: HTTPSettings) -> httpx.Limits:
    return httpx.Limits(max_connections=settings.max_connections, max_keepalive_connections=settings.max_connections)
