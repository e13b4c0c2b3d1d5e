"""Retries, backoff, server hints, timeouts and connection reuse.

Policy math runs against ``RetryTransport`` built directly with a recording ``sleep``
(no real waiting); end-to-end behaviour runs against the loopback server.
"""

from __future__ import annotations

import json
import logging
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from modelcatalog import (
    APIError,
    Client,
    ConfigurationError,
    HTTPSettings,
    RateLimitError,
    RetryPolicy,
    ServerError,
    TimeoutError,  # noqa: A004
)
from modelcatalog.backends import has_deadlines, with_deadlines
from modelcatalog.transport import (
    SAFE_TO_RETRY,
    AsyncRetryTransport,
    AsyncSender,
    RetryTransport,
    Sender,
    retry_after_seconds,
)
from support import payloads
from support.clients import fast_http
from support.fault_server import Delay, FaultServer, Respond
from support.providers import openwebui, scenario, truefoundry

if TYPE_CHECKING:
    from collections.abc import Callable

NO_JITTER = RetryPolicy(jitter=False)
NOW = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)


def seeded(seed: int) -> random.Random:
    return random.Random(seed)  # noqa: S311 - jitter in a test, not cryptography


class Script:
    """An inner transport answering from a list: a status, (status, headers), or an exception."""

    def __init__(self, *steps: Any) -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            raise step
        status, headers = step if isinstance(step, tuple) else (step, {})
        return httpx.Response(status, headers=headers, json={"ok": status < 400})


def sync_transport(script: Script, policy: RetryPolicy = NO_JITTER) -> tuple[httpx.Client, list[float]]:
    sleeps: list[float] = []
    transport = RetryTransport(httpx.MockTransport(script), policy, sleep=sleeps.append, rng=seeded(7))
    return httpx.Client(transport=transport, base_url="http://127.0.0.1"), sleeps


def async_transport(script: Script, policy: RetryPolicy = NO_JITTER) -> tuple[httpx.AsyncClient, list[float]]:
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    transport = AsyncRetryTransport(httpx.MockTransport(script), policy, sleep=sleep, rng=seeded(7))
    return httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1"), sleeps


# -- policy math --------------------------------------------------------------------------------
def test_backoff_doubles_up_to_the_maximum() -> None:
    rng = seeded(0)
    assert [NO_JITTER.backoff(attempt, rng) for attempt in range(1, 8)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    custom = RetryPolicy(backoff_initial=0.1, backoff_max=0.3, jitter=False)
    assert [custom.backoff(attempt, rng) for attempt in range(1, 5)] == pytest.approx([0.1, 0.2, 0.3, 0.3])


def test_jitter_stays_within_half_to_full_delay() -> None:
    policy = RetryPolicy()
    rng = seeded(1)
    for attempt in range(1, 7):
        full = NO_JITTER.backoff(attempt, rng)
        delays = {policy.backoff(attempt, rng) for _ in range(200)}
        assert all(full / 2 <= delay <= full for delay in delays)
        assert len(delays) > 100  # really random


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"Retry-After": "0.5"}, 0.5),
        ({"Retry-After": "-4"}, None),  # not a usable hint: the client's own backoff applies
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "inf"}, None),
        ({"Retry-After": "1e400"}, None),
        ({"retry-after-ms": "NaN"}, None),
        ({"retry-after-ms": "-1", "Retry-After": "2"}, 2.0),
        ({"retry-after-ms": "Infinity", "Retry-After": "nan"}, None),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "250", "Retry-After": "9"}, 0.25),  # the finer hint wins
        ({"retry-after-ms": "soon", "Retry-After": "9"}, 9.0),
        ({"Retry-After": format_datetime(NOW + timedelta(seconds=42), usegmt=True)}, 42.0),
        ({"Retry-After": format_datetime(NOW - timedelta(seconds=42), usegmt=True)}, 0.0),
        ({"Retry-After": "Sun, 01 Mar 2026 12:00:10"}, 10.0),  # no zone: read as UTC
        ({"Retry-After": "tomorrow"}, None),
        ({}, None),
    ],
)
def test_retry_after_forms(headers: dict[str, str], expected: float | None) -> None:
    assert retry_after_seconds(httpx.Response(429, headers=headers), now=lambda: NOW) == expected


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504, 507, 599])
def test_retryable_statuses_back_off_then_succeed(status: int) -> None:
    script = Script(status, status, 200)
    client, sleeps = sync_transport(script)
    assert client.get("/v1/models").status_code == 200
    assert sleeps == [0.5, 1.0]
    assert len(script.requests) == 3


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422, 501, 505])
def test_client_errors_and_what_a_retry_cannot_change_are_not_retried(status: int) -> None:
    script = Script(status)
    client, sleeps = sync_transport(script)
    assert client.get("/v1/models").status_code == status
    assert sleeps == []


def test_the_last_response_comes_back_after_max_attempts() -> None:
    script = Script(503, 503, 503)
    client, sleeps = sync_transport(script, RetryPolicy(max_attempts=3, jitter=False))
    assert client.get("/").status_code == 503
    assert len(script.requests) == 3
    assert sleeps == [0.5, 1.0]


def test_max_attempts_one_never_retries() -> None:
    script = Script(503)
    client, sleeps = sync_transport(script, RetryPolicy(max_attempts=1))
    assert client.get("/").status_code == 503
    assert sleeps == []


@pytest.mark.parametrize(
    ("headers", "slept"),
    [
        ({"Retry-After": "2"}, 2.0),
        ({"retry-after-ms": "250"}, 0.25),
        ({"Retry-After": "0"}, 0.0),
    ],
)
def test_server_hints_replace_the_backoff(headers: dict[str, str], slept: float) -> None:
    client, sleeps = sync_transport(Script((429, headers), 200))
    assert client.get("/").status_code == 200
    assert sleeps == [slept]


def test_an_http_date_hint_is_waited_until() -> None:
    when = datetime.now(UTC) + timedelta(seconds=30)
    client, sleeps = sync_transport(Script((503, {"Retry-After": format_datetime(when, usegmt=True)}), 200))
    assert client.get("/").status_code == 200
    [slept] = sleeps
    assert 28.0 < slept <= 30.0


def test_a_hint_beyond_the_cap_hands_the_response_back() -> None:
    script = Script((429, {"Retry-After": "120"}), 200)
    client, sleeps = sync_transport(script, RetryPolicy(retry_after_cap=60.0))
    response = client.get("/")
    assert response.status_code == 429
    assert sleeps == []
    assert len(script.requests) == 1


def test_a_post_is_not_retried_unless_marked_safe() -> None:
    client, sleeps = sync_transport(Script(503))
    assert client.post("/api/v3/finetune_list", json={"key": "k"}).status_code == 503
    assert sleeps == []
    script = Script(503, 200)
    client, sleeps = sync_transport(script)
    response = client.post("/api/v3/finetune_list", json={"key": "k"}, extensions={SAFE_TO_RETRY: True})
    assert response.status_code == 200
    assert sleeps == [0.5]
    assert [r.content for r in script.requests] == [b'{"key":"k"}'] * 2  # the same body, twice


@pytest.mark.parametrize(
    "error",
    [
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.ConnectTimeout("slow"),
        httpx.RemoteProtocolError("closed"),
        httpx.ReadError("reset"),
    ],
)
def test_connection_errors_and_timeouts_are_retried(error: Exception) -> None:
    script = Script(error, error, 200)
    client, sleeps = sync_transport(script)
    assert client.get("/").status_code == 200
    assert sleeps == [0.5, 1.0]


def test_connection_errors_raise_after_max_attempts() -> None:
    script = Script(*[httpx.ConnectError("refused")] * 4)
    client, sleeps = sync_transport(script)
    with pytest.raises(httpx.ConnectError):
        client.get("/")
    assert len(sleeps) == 3


def test_a_post_is_not_retried_after_a_connection_error() -> None:
    script = Script(httpx.ReadTimeout("slow"), 200)
    client, sleeps = sync_transport(script)
    with pytest.raises(httpx.ReadTimeout):
        client.post("/", json={})
    assert sleeps == []


def test_other_exceptions_are_not_retried() -> None:
    script = Script(ValueError("a bug"), 200)
    client, sleeps = sync_transport(script)
    with pytest.raises(ValueError, match="a bug"):
        client.get("/")
    assert sleeps == []


async def test_the_async_transport_follows_the_same_policy() -> None:
    script = Script(httpx.ConnectError("refused"), (429, {"retry-after-ms": "100"}), 503, 200)
    client, sleeps = async_transport(script)
    async with client:
        assert (await client.get("/")).status_code == 200
    assert sleeps == [0.5, 0.1, 2.0]
    client, sleeps = async_transport(Script(503))
    async with client:
        assert (await client.post("/", json={})).status_code == 503
    assert sleeps == []


#: (status, headers, retried): ``x-should-retry`` overrides the status, as in the official SDKs
SHOULD_RETRY = [
    (409, {}, True),
    (501, {}, False),
    (505, {}, False),
    (507, {}, True),
    (400, {"x-should-retry": "true"}, True),
    (404, {"x-should-retry": "true"}, True),
    (501, {"x-should-retry": "true"}, True),
    (503, {"x-should-retry": "false"}, False),
    (429, {"x-should-retry": "false", "Retry-After": "0"}, False),
    (409, {"x-should-retry": " False "}, False),  # case and spaces do not matter
    (503, {"x-should-retry": "maybe"}, True),  # any other word: the status decides
    (400, {"x-should-retry": "1"}, False),
]
SHOULD_RETRY_IDS = [f"{status}-{headers.get('x-should-retry', 'none').strip()}" for status, headers, _ in SHOULD_RETRY]


@pytest.mark.parametrize(("status", "headers", "retried"), SHOULD_RETRY, ids=SHOULD_RETRY_IDS)
async def test_the_server_says_whether_to_retry_in_process(status: int, headers: dict[str, str], retried: bool) -> None:
    sent = 4 if retried else 1
    script = Script(*[(status, headers)] * 4)
    client, sleeps = sync_transport(script)
    assert client.get("/").status_code == status
    assert (len(script.requests), len(sleeps)) == (sent, sent - 1)
    script = Script(*[(status, headers)] * 4)
    async_client, sleeps = async_transport(script)
    async with async_client:
        assert (await async_client.get("/")).status_code == status
    assert (len(script.requests), len(sleeps)) == (sent, sent - 1)


def test_x_should_retry_true_on_a_success_changes_nothing() -> None:
    script = Script((200, {"x-should-retry": "true"}), 200)
    client, sleeps = sync_transport(script)
    assert client.get("/").status_code == 200
    assert (len(script.requests), sleeps) == (1, [])


def test_x_should_retry_true_keeps_the_hint_cap_and_the_safe_methods() -> None:
    script = Script((503, {"x-should-retry": "true", "Retry-After": "120"}), 200)
    client, sleeps = sync_transport(script, RetryPolicy(retry_after_cap=60.0))
    assert client.get("/").status_code == 503  # a hint over the cap is not waited out
    assert sleeps == []
    client, sleeps = sync_transport(Script((400, {"x-should-retry": "true"}), 200))
    assert client.post("/", json={}).status_code == 400  # a server cannot make a POST safe to send twice
    assert sleeps == []


def test_retries_are_logged_without_the_query(caplog: pytest.LogCaptureFixture) -> None:
    client, _ = sync_transport(Script(503, 200))
    with caplog.at_level("INFO", logger="modelcatalog"):
        client.get("/v1/models", params={"paginationToken": "tok"})
    [record] = caplog.records
    assert record.getMessage() == "retrying GET http://127.0.0.1/v1/models in 0.50s (status 503; attempt 2 of 4)"


# -- end to end, against the loopback server ---------------------------------------------------------
def test_modelslab_post_lists_are_retried(server: FaultServer, make_client: Callable[..., Any]) -> None:
    server.models["modelslab-trained"] = ["m1", "m2"]
    server.inject("modelslab-trained", Respond(503, '{"message": "busy"}'))
    server.inject("modelslab-public", Respond(502, "<html>bad gateway</html>", content_type="text/html"))
    items = list(make_client("modelslab").list_models())
    assert [item.model_id for item in items] == ["m1", "m2"]
    assert len(server.requests_to("modelslab-trained")) == 2
    assert len(server.requests_to("modelslab-public")) == 2
    bodies = {r.body for r in server.requests_to("modelslab-trained")}
    assert bodies == {b'{"key":"ml-key-0001"}'}


@pytest.mark.parametrize(
    "headers",
    [
        {"Retry-After": "0"},
        {"retry-after-ms": "5"},
        {"Retry-After": format_datetime(datetime.now(UTC) - timedelta(seconds=5), usegmt=True)},
    ],
)
def test_rate_limits_are_waited_out(
    server: FaultServer, make_client: Callable[..., Any], headers: dict[str, str]
) -> None:
    server.models["scenario"] = payloads.many(scenario.model, 3)
    server.inject("scenario", Respond(429, '{"error": "slow down"}', headers=headers), times=2)
    assert len(list(make_client("scenario").list_models())) == 3
    assert len(server.requests) == 3


def test_rate_limit_after_every_attempt(server: FaultServer, make_client: Callable[..., Any]) -> None:
    server.inject("scenario", Respond(429, "{}", headers={"Retry-After": "0"}), times=None)
    with pytest.raises(RateLimitError) as caught:
        list(make_client("scenario", http=fast_http(max_attempts=3)).list_models())
    assert caught.value.retry_after == 0.0
    assert len(server.requests) == 3


def test_a_hint_over_the_cap_fails_at_once_with_the_hint(server: FaultServer, make_client: Callable[..., Any]) -> None:
    server.inject("truefoundry", Respond(429, "{}", headers={"Retry-After": "3600"}), times=None)
    with pytest.raises(RateLimitError) as caught:
        list(make_client("truefoundry").list_models())
    assert caught.value.retry_after == 3600.0
    assert len(server.requests) == 1


@pytest.fixture(params=["sync", "async"])
def listing(request: pytest.FixtureRequest, make_client: Any, make_async_client: Any) -> Any:
    """``await listing(provider, **client_options)``: every model, listed sync or async."""

    async def run(provider: str, **options: Any) -> list[Any]:
        if request.param == "sync":
            return list(make_client(provider, **options).list_models())
        return [model async for model in (await make_async_client(provider, **options)).list_models()]

    return run


@pytest.mark.parametrize(("status", "headers", "retried"), SHOULD_RETRY, ids=SHOULD_RETRY_IDS)
async def test_the_server_says_whether_to_retry_over_loopback(
    server: FaultServer, listing: Any, status: int, headers: dict[str, str], retried: bool
) -> None:
    server.inject("openwebui", Respond(status, '{"detail": "no"}', headers=headers), times=None)
    with pytest.raises(APIError) as caught:
        await listing("openwebui", max_retries=2)
    sent = 3 if retried else 1
    assert (caught.value.status_code, caught.value.attempts) == (status, sent)
    assert len(server.requests_to("openwebui")) == sent


async def test_a_conflict_is_retried_until_it_clears(server: FaultServer, listing: Any) -> None:
    server.models["openwebui"] = payloads.many(openwebui.model, 2)
    server.inject("openwebui", Respond(409, '{"detail": "locked"}'), times=2)
    assert len(await listing("openwebui")) == 2
    assert len(server.requests_to("openwebui")) == 3


def test_server_errors_after_every_attempt(server: FaultServer, make_client: Callable[..., Any]) -> None:
    server.inject("openwebui", Respond(503, "{}"), times=None)
    with pytest.raises(ServerError):
        list(make_client("openwebui").list_models())
    assert len(server.requests) == 4  # RetryPolicy's default max_attempts


def test_a_slow_server_times_out_after_retries(server: FaultServer, make_client: Callable[..., Any]) -> None:
    server.inject("truefoundry", Delay(1.0), times=None)
    settings = fast_http(max_attempts=2)
    settings = type(settings)(retry=settings.retry, timeout=httpx.Timeout(0.1))
    with pytest.raises(TimeoutError, match="timed out after 2 attempts"):
        list(make_client("truefoundry", http=settings).list_models())
    assert len(server.requests) == 2


def test_a_slow_first_answer_is_retried(server: FaultServer, make_client: Callable[..., Any]) -> None:
    server.models["truefoundry"] = payloads.many(truefoundry.model, 2)
    server.inject("truefoundry", Delay(1.0))
    settings = fast_http()
    settings = type(settings)(retry=settings.retry, timeout=httpx.Timeout(0.1))
    assert len(list(make_client("truefoundry", http=settings).list_models())) == 2


def test_connections_are_reused(server: FaultServer, make_client: Callable[..., Any]) -> None:
    server.models["truefoundry"] = payloads.many(truefoundry.model, 30)
    items = list(make_client("truefoundry").list_models(page_size=3, concurrency=1))
    assert len(items) == 30
    assert len(server.requests) == 10
    assert len({request.connection for request in server.requests}) == 1


def test_a_cookie_a_real_server_sets_is_never_sent_back(server: FaultServer, make_client: Callable[..., Any]) -> None:
    """Over a socket, the cookie carrying the credential it was sent: no later request carries it back."""
    first = json.dumps({"items": [openwebui.model(index) for index in range(30)], "total": 31})
    cookie = {"Set-Cookie": "session={credential}; Path=/"}
    server.inject("openwebui", Respond(200, first, headers=cookie), where={"page": "1"})
    list(make_client("openwebui").list_models())
    later = server.requests_to("openwebui")[1:]
    assert later
    assert all("cookie" not in request.headers for request in later)


def test_every_request_says_who_it_is(server: FaultServer, make_client: Callable[..., Any]) -> None:
    list(make_client("openwebui").list_models())
    [request] = server.requests
    assert request.headers["user-agent"] == "modelcatalog/0.1"
    assert request.headers["accept"] == "application/json"
    assert request.headers["authorization"] == "Bearer sk-owui-0001"


def test_extra_headers_go_on_every_request_but_credentials_win() -> None:
    import modelcatalog  # noqa: PLC0415

    seen: list[httpx.Headers] = []

    def serve(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        return httpx.Response(200, json={"items": [openwebui.model(1)], "total": 1})

    settings = modelcatalog.HTTPSettings(
        transport=httpx.MockTransport(serve), headers={"Prefer": "dynamic=true", "Authorization": "Bearer nope"}
    )
    with modelcatalog.Client("openwebui", base_url="http://127.0.0.1:9", api_key="sk-real-1", http=settings) as client:
        assert len(list(client.list_models())) == 1
    assert seen[0]["Prefer"] == "dynamic=true"
    assert seen[0]["Authorization"] == "Bearer sk-real-1"


def test_a_cookie_the_server_sets_is_never_sent_back() -> None:
    """Requests go straight to the transport: no cookie jar that a server could fill or steer."""
    seen: list[httpx.Headers] = []

    def serve(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        page = int(request.url.params["page"])
        items = [openwebui.model(index) for index in range(30 * (page - 1), min(30 * page, 31))]
        return httpx.Response(200, json={"items": items, "total": 31}, headers={"Set-Cookie": f"session=s{page}"})

    settings = HTTPSettings(transport=httpx.MockTransport(serve))
    with Client("openwebui", base_url="http://127.0.0.1:9", api_key="sk-real-1", http=settings) as client:
        assert len(list(client.list_models())) == 31
    assert len(seen) == 2
    assert all("cookie" not in headers for headers in seen)


def test_each_answer_is_logged_at_debug_level_without_its_query(caplog: pytest.LogCaptureFixture) -> None:
    """What httpx.Client logged of each request, now that a listing's requests skip it: not the query."""
    page = httpx.Response(200, json={"items": [openwebui.model(1)], "total": 1})
    settings = HTTPSettings(transport=httpx.MockTransport(lambda _: page))
    caplog.set_level(logging.DEBUG, logger="modelcatalog")
    with Client("openwebui", base_url="http://127.0.0.1:9", api_key="sk-real-1", http=settings) as client:
        assert len(list(client.list_models(filters={"query": "llama"}))) == 1
    logged = [record.getMessage() for record in caplog.records if record.name == "modelcatalog"]
    assert logged == ["GET http://127.0.0.1:9/api/v1/models/list: HTTP 200 (attempt 1)"]


def test_a_request_still_retrying_when_its_client_closes_makes_no_further_attempt() -> None:
    """httpcore's closed pool would still connect, keeping a socket nobody closes (a ResourceWarning later)."""
    transport: RetryTransport

    def serve(request: httpx.Request) -> httpx.Response:
        transport.close()  # the client closes while this attempt is out (a listing's deadline abandoned it)
        return httpx.Response(503)

    inner = httpx.MockTransport(serve)
    transport = RetryTransport(inner, NO_JITTER, sleep=lambda _: None)
    sent: list[httpx.Request] = []
    inner.handler = lambda request: (sent.append(request), serve(request))[1]
    with pytest.raises(httpx.TransportError, match="the client was closed before this attempt"):
        transport.handle_request(httpx.Request("GET", "http://127.0.0.1:9/api/v1/models/list"))
    assert len(sent) == 1


class _Challenged(httpx.Auth):
    """Sends no credential until the server asks, then a token: the flow httpx's own auths follow."""

    def auth_flow(self, request: httpx.Request) -> Any:
        response = yield request
        if response.status_code == 401:
            request.headers["Authorization"] = "Bearer sk-after-challenge"
            yield request


def _challenging(request: httpx.Request) -> httpx.Response:
    if request.headers.get("Authorization") != "Bearer sk-after-challenge":
        return httpx.Response(401, json={"detail": "who are you?"})
    return httpx.Response(200, json={"ok": True})


def test_an_auth_that_answers_a_challenge_gets_its_next_request_sent() -> None:
    sender = Sender(HTTPSettings(transport=httpx.MockTransport(_challenging)), auth=_Challenged())
    response = sender.send(sender.build("GET", "http://127.0.0.1:9/api/v1/models/list", params={"page": 1}))
    assert response.status_code == 200
    assert response.request.headers["Authorization"] == "Bearer sk-after-challenge"


async def test_an_auth_that_answers_a_challenge_gets_its_next_request_sent_async() -> None:
    sender = AsyncSender(HTTPSettings(async_transport=httpx.MockTransport(_challenging)), auth=_Challenged())
    response = await sender.send(sender.build("GET", "http://127.0.0.1:9/api/v1/models/list"))
    assert response.status_code == 200
    await sender.aclose()


def test_a_closed_client_refuses_to_list_with_a_clear_error(make_client: Callable[..., Any]) -> None:
    client = make_client("openwebui")
    client.close()
    with pytest.raises(ConfigurationError, match="this client is closed"):
        list(client.list_models())


async def test_a_closed_async_client_refuses_to_list_with_a_clear_error(
    make_async_client: Callable[..., Any],
) -> None:
    client = await make_async_client("openwebui")
    await client.aclose()
    with pytest.raises(ConfigurationError, match="this client is closed"):
        [model async for model in client.list_models()]


# -- limits ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "limits",
    [
        {"max_body_size": 0},
        {"max_body_size": 1.5},
        {"max_body_size": True},
        {"attempt_deadline": 0},
        {"attempt_deadline": -1.0},
        {"attempt_deadline": float("nan")},
        {"attempt_deadline": float("inf")},
    ],
)
def test_limits_that_bound_nothing_are_refused(limits: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError, match=next(iter(limits))):
        HTTPSettings(**limits)


@pytest.mark.parametrize("transport", [httpx.HTTPTransport(), httpx.AsyncHTTPTransport()])
def test_the_attempt_deadline_reaches_httpx_s_own_transports(transport: Any) -> None:
    """httpx offers no way to pass a network backend: this fails loudly if its internals move."""
    assert not has_deadlines(transport)
    with_deadlines(transport)
    with_deadlines(transport)  # idempotent
    assert has_deadlines(transport)


def test_the_deadline_is_checked_between_the_chunks_of_an_in_process_body() -> None:
    """A transport of your own gets no deadline on its sockets, but a body still stops at it."""

    def endless(request: httpx.Request) -> httpx.Response:
        def chunks() -> Any:
            while True:
                yield b" " * 1024

        return httpx.Response(200, content=chunks())

    clock = iter([0.0, 0.0, 0.0, 10.0])
    transport = RetryTransport(httpx.MockTransport(endless), RetryPolicy(max_attempts=1), attempt_deadline=0.5)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("modelcatalog.deadlines.monotonic", lambda: next(clock, 10.0))
        client = httpx.Client(transport=transport, base_url="http://127.0.0.1")
        with pytest.raises(httpx.TimeoutException, match=r"attempt deadline of 0\.5s"):
            client.get("/")
