"""A real HTTP server on 127.0.0.1 that lists models like every provider, with scripted faults.

It serves each provider's list operations (the routes of ``support.providers.<name>``:
``scenario``, ``truefoundry``, ``openwebui``, ``modelslab-trained``, ``modelslab-public``
...) from an in-memory model set, paged the way that provider pages (a cursor, an
offset with a total, page numbers, one answer), in the provider's envelope, and checks
credentials the way it authenticates. Other paths a provider's real server answers with
a web page (Open WebUI's documented ``/api/models/list``) answer the same way here.
Everything is served below ``prefix`` when one is set.

Faults are scripted with ``inject(route, fault, where=..., skip=..., times=...)``: the
next request to ``route`` whose query matches ``where`` (after ``skip`` such requests)
gets the fault instead of, or on top of, its normal answer. Every request is recorded
(method, path, query, headers, body, connection) for tests to assert what was sent.

The server is bounded: slow responses wait on an event that ``stop()`` sets, open
keep-alive connections are shut down on stop, and the request log keeps the last
``MAX_RECORDED`` requests.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import parse_qs, urlsplit

from support import providers
from support.providers import Cursor, PageInfo, encode_token

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

MAX_RECORDED = 10_000
MAX_DELAY = 5.0

#: route name -> how it is served (every provider's, from its test data)
ROUTES = providers.routes()
_BY_PATH = {route.path: name for name, route in ROUTES.items()}
#: other paths real servers answer with a web page (status 200)
PAGES: dict[str, bytes] = {
    path: page for _, data in providers.every() for path, page in getattr(data, "PAGES", {}).items()
}
_AUTH = {name: data.AUTH for name, data in providers.every()}
_PROVIDER_OF = {route: providers.provider_of(route) for route in ROUTES}


# -- faults --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Respond:
    """Answer with this status, body and headers instead of the page.

    ``{credential}`` in the body or a header's value is replaced by the credential the
    request carried, and ``{authorization}`` by the Authorization header as it arrived: a
    server that echoes secrets back, to prove the client scrubs them.
    """

    status: int
    body: str | bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


@dataclass(frozen=True)
class Delay:
    """Wait ``seconds`` (bounded, interrupted by ``stop()``), then answer normally."""

    seconds: float


@dataclass(frozen=True)
class Truncate:
    """Answer normally but cut the body after ``keep`` bytes (Content-Length matches the cut)."""

    keep: int = 20


@dataclass(frozen=True)
class ShortPage:
    """Leave the last ``drop`` items off this page; cursor and total stay as promised."""

    drop: int = 1


@dataclass(frozen=True)
class EmptyPage:
    """An empty page; cursor and total stay as promised."""


@dataclass(frozen=True)
class RepeatCursor:
    """Scenario's ``nextPaginationToken`` is the token this request sent (a cycle)."""


@dataclass(frozen=True)
class ReportTotal:
    """Report a total ``delta`` away from the real one (the model set is unchanged)."""

    delta: int


@dataclass(frozen=True)
class ClaimTotal:
    """Report exactly this total, whatever the route holds (a server that lies about its size)."""

    total: int


@dataclass(frozen=True)
class SamePage:
    """Serve the first page whatever was asked: offset and page number ignored, and Scenario's
    cursor fresh on every page (never one seen before), so only the items show the server goes round."""


@dataclass(frozen=True)
class Mutate:
    """Change the route's model set in place before answering (models added or removed)."""

    change: Callable[[list[Any]], None]


Fault = Respond | Delay | Truncate | ShortPage | EmptyPage | RepeatCursor | ReportTotal | ClaimTotal | SamePage | Mutate


@dataclass
class _Rule:
    route: str
    fault: Fault
    where: Mapping[str, str]
    skip: int
    times: int | None

    def matches(self, route: str, query: Mapping[str, str]) -> bool:
        return route == self.route and all(query.get(key) == value for key, value in self.where.items())


@dataclass(frozen=True)
class RecordedRequest:
    """What the server received."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    connection: tuple[str, int]
    route: str | None

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)


@dataclass
class _Answer:
    status: int = 200
    payload: Any = None
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


class FaultServer:
    """The loopback server. Use as a context manager; ``url`` is its base URL (with ``prefix``)."""

    def __init__(self, *, prefix: str = "", credentials: Mapping[str, str] | None = None) -> None:
        self.prefix = prefix.rstrip("/")
        #: route -> its models (ModelsLab's trained route holds ids)
        self.models: dict[str, list[Any]] = {name: [] for name in ROUTES}
        #: provider -> the credential it expects: "key:secret" for Scenario, else the token/key
        self.credentials: dict[str, str] = dict(credentials or {})
        self.requests: deque[RecordedRequest] = deque(maxlen=MAX_RECORDED)
        #: (route, query) in the order answers were ready: shows out-of-order completion
        self.completed: deque[tuple[str | None, dict[str, str]]] = deque(maxlen=MAX_RECORDED)
        self.max_in_flight = 0
        self._in_flight = 0
        self._fresh_cursors = 0
        self._rules: list[_Rule] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="fault-server", daemon=True
        )

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self._httpd.server_address[1])

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:PORT`` without the prefix."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The base URL a client should use (origin plus prefix)."""
        return self.origin + self.prefix

    def start(self) -> Self:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake slow responses, close every connection, join the thread."""
        self._stopping.set()
        self._httpd.shutdown()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- scripting -------------------------------------------------------------------------
    def inject(
        self,
        route: str,
        fault: Fault,
        *,
        where: Mapping[str, str] | None = None,
        skip: int = 0,
        times: int | None = 1,
    ) -> None:
        """Apply ``fault`` to the next ``times`` requests to ``route`` (None: all) matching ``where``."""
        if route not in ROUTES:
            msg = f"unknown route {route!r}; known: {', '.join(ROUTES)}"
            raise ValueError(msg)
        with self._lock:
            self._rules.append(_Rule(route, fault, dict(where or {}), skip, times))

    def requests_to(self, route: str) -> list[RecordedRequest]:
        """The recorded requests to one route, in arrival order."""
        return [request for request in self.requests if request.route == route]

    def received_bytes(self) -> bytes:
        """Everything every request carried (headers and bodies), for canary searches."""
        parts: list[bytes] = []
        for request in self.requests:
            parts.extend(f"{key}: {value}".encode() for key, value in request.headers.items())
            parts.append(request.body)
        return b"\n".join(parts)

    def _take_faults(self, route: str, query: Mapping[str, str]) -> list[Fault]:
        taken: list[Fault] = []
        with self._lock:
            for rule in self._rules:
                if rule.times == 0 or not rule.matches(route, query):
                    continue
                if rule.skip > 0:
                    rule.skip -= 1
                    continue
                if rule.times is not None:
                    rule.times -= 1
                taken.append(rule.fault)
        return taken

    # -- serving -----------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        split = urlsplit(handler.path)
        query = {key: values[-1] for key, values in parse_qs(split.query, keep_blank_values=True).items()}
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        path = split.path
        local = path[len(self.prefix) :] if self.prefix and path.startswith(self.prefix + "/") else path
        if self.prefix and local is path:
            local = "/__outside_prefix__"
        headers = {key.lower(): value for key, value in handler.headers.items()}
        request = RecordedRequest(
            handler.command, path, query, headers, body, handler.client_address, _BY_PATH.get(local)
        )
        self.requests.append(request)
        with self._lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            answer = self._answer(request, local)
            self.completed.append((request.route, query))
        finally:
            with self._lock:
                self._in_flight -= 1
        _send(handler, answer)

    def _answer(self, request: RecordedRequest, local: str) -> _Answer:
        route = request.route
        if route is None:
            if local in PAGES:  # a path the real server answers with its web app, 200
                return _Answer(body=PAGES[local], content_type="text/html; charset=utf-8")
            return _Answer(404, {"detail": "Not Found"})
        if request.method != ROUTES[route].method:
            return _Answer(405, {"detail": "Method Not Allowed"})
        faults = self._take_faults(route, request.query)
        answer = self._scripted(request, route, faults) or self._check_credentials(request, route)
        if answer is not None:
            return answer
        try:
            answer = self._page(route, request.query, faults)
        except ValueError as exc:
            return _Answer(422, {"detail": [{"loc": ["query"], "msg": str(exc), "type": "value_error"}]})
        for fault in faults:
            if isinstance(fault, Truncate):
                answer.body = json.dumps(answer.payload).encode()[: fault.keep]
        return answer

    def _scripted(self, request: RecordedRequest, route: str, faults: list[Fault]) -> _Answer | None:
        """Delays and model-set changes happen here; a ``Respond`` fault is the answer."""
        for fault in faults:
            if isinstance(fault, Delay):
                self._stopping.wait(min(fault.seconds, MAX_DELAY))
            elif isinstance(fault, Mutate):
                with self._lock:
                    fault.change(self.models[route])
            elif isinstance(fault, Respond):
                raw = fault.body.encode() if isinstance(fault.body, str) else fault.body
                echoed = {
                    "{credential}": _credential(request) or "",
                    "{authorization}": request.headers.get("authorization", ""),
                }
                headers = dict(fault.headers)
                for placeholder, secret in echoed.items():
                    raw = raw.replace(placeholder.encode(), secret.encode())
                    headers = {key: value.replace(placeholder, secret) for key, value in headers.items()}
                return _Answer(fault.status, body=raw, headers=headers, content_type=fault.content_type)
        return None

    def _check_credentials(self, request: RecordedRequest, route: str) -> _Answer | None:
        provider = _PROVIDER_OF[route]
        expected = self.credentials.get(provider)
        if expected is None:
            return None
        if _AUTH[provider].carried(request.headers, request.body) == expected:
            return None
        status, body = _AUTH[provider].refusal()
        return _Answer(status, body)

    def _page(self, route: str, query: Mapping[str, str], faults: list[Fault]) -> _Answer:
        with self._lock:
            models = list(self.models[route])
        delta = sum(f.delta for f in faults if isinstance(f, ReportTotal))
        claimed = [f.total for f in faults if isinstance(f, ClaimTotal)]
        total = claimed[-1] if claimed else len(models) + delta
        same = any(isinstance(f, SamePage) for f in faults)
        served = ROUTES[route]
        window = served.paging.window(query, restart=same)
        end = len(models) if window.size is None else window.start + window.size
        items = _adjust(models[window.start : end], faults)
        cursor = None
        if isinstance(served.paging, Cursor):
            if same:
                with self._lock:
                    self._fresh_cursors += 1
                    cursor = f"fresh-{self._fresh_cursors}"
            elif any(isinstance(f, RepeatCursor) for f in faults) and window.sent:
                cursor = window.sent
            elif end < len(models):
                cursor = encode_token(end)
        return _Answer(payload=served.envelope(items, PageInfo(total, cursor, window.sent, window.size)))


def _adjust(items: list[Any], faults: list[Fault]) -> list[Any]:
    for fault in faults:
        if isinstance(fault, EmptyPage):
            return []
        if isinstance(fault, ShortPage):
            items = items[: max(len(items) - fault.drop, 0)]
    return items


def _credential(request: RecordedRequest) -> str | None:
    """The credential a request carried, decoded: what a careless server would echo."""
    if request.route is None:
        return None
    return _AUTH[_PROVIDER_OF[request.route]].carried(request.headers, request.body)


def _send(handler: BaseHTTPRequestHandler, answer: _Answer) -> None:
    body = answer.body if answer.body is not None else json.dumps(answer.payload).encode()
    try:
        handler.send_response(answer.status)
        handler.send_header("Content-Type", answer.content_type)
        handler.send_header("Content-Length", str(len(body)))
        for key, value in answer.headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(body)
    except OSError:
        handler.close_connection = True  # the client went away (a timeout): nothing to answer


def _handler_for(server: FaultServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, so connection reuse can be observed
        timeout = 10  # an idle keep-alive connection does not hold its thread forever

        def setup(self) -> None:
            super().setup()
            with server._lock:
                server._connections.add(self.connection)

        def finish(self) -> None:
            with server._lock:
                server._connections.discard(self.connection)
            super().finish()

        def do_GET(self) -> None:
            server._handle(self)

        def do_POST(self) -> None:
            server._handle(self)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
            del format, args

    return Handler


def serving(**options: Any) -> Iterator[FaultServer]:
    """A started server that stops when the generator closes (for fixtures)."""
    with FaultServer(**options) as server:
        yield server
