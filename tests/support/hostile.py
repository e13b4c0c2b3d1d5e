"""What every hostile-server test shares: a canary credential, normal pages, and a listing observed whole.

``observe`` lists one provider, sync or async, and returns everything a user could see:
the error (its text, repr, args, attributes, traceback and every link of its
``__cause__``/``__context__`` chain, hidden ones included), every log record at DEBUG,
every warning and every event. ``Outcome.assert_clean`` searches all of it for the
canary in each form a credential takes on the wire or in text.
"""

from __future__ import annotations

import base64
import json
import logging
import traceback
import warnings
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
from modelcatalog import AsyncClient, Client, HTTPSettings, RetryPolicy
from modelcatalog.providers import NAMES
from modelcatalog.providers import PROVIDERS as PROVIDER_SPECS

from support import providers
from support.providers import BodyKey, Route
from support.raw_server import Bomb, RawRequest, Wire, head, json_answer

PROVIDERS = NAMES
MODES = ("sync", "async")
CANARY = "CANARY"
# "/" and "+" make the URL-encoded and JSON-escaped forms differ from the plain one
KEY = "CANARY/h0st+1le-key"
SECRET = "CANARY/s3cr+t-val"
_CANARIES = {"api_key": KEY, "api_secret": SECRET}
CREDENTIALS: dict[str, dict[str, str]] = {
    name: {spec.argument: _CANARIES[spec.argument] for spec in PROVIDER_SPECS[name].credentials} for name in PROVIDERS
}
#: provider -> its credential variables, set to the canary
ENVIRONMENT: dict[str, dict[str, str]] = {
    name: {spec.env_var: CREDENTIALS[name][spec.argument] for spec in PROVIDER_SPECS[name].credentials}
    for name in PROVIDERS
}
BASE_URL_ENV: dict[str, str] = {name: str(PROVIDER_SPECS[name].base_url_env) for name in PROVIDERS}
#: path under the base URL -> the route served there
ROUTES: dict[str, Route] = {route.path: route for route in providers.routes().values()}
_AUTH = {route.path: providers.data(providers.provider_of(route.name)).AUTH for route in ROUTES.values()}


def _b64_forms(raw: bytes) -> set[str]:
    """base64 of ``raw`` alone and the part that stays the same inside any longer base64 text."""
    forms = set()
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        forms.add(encode(raw).decode().rstrip("="))
        for offset in range(3):
            encoded = encode(b"\0" * offset + raw).decode().rstrip("=")
            tail = (offset + len(raw)) % 3
            forms.add(encoded[4 if offset else 0 : len(encoded) - (tail + 1 if tail else 0)])
    return forms


def _forms() -> tuple[str, ...]:
    forms = {CANARY}
    for value in (KEY, SECRET, f"{KEY}:{SECRET}"):
        forms |= {value, quote(value, safe=""), quote(value), quote_plus(value), json.dumps(value)[1:-1]}
        forms.add(json.dumps(value)[1:-1].replace("/", "\\/"))
        forms |= _b64_forms(value.encode())
    return tuple(sorted(form.lower() for form in forms))


#: every form searched for, lower-cased (the search is case-insensitive)
FORMS = _forms()


def operations(provider: str) -> int:
    """How many list operations ``provider`` has (a listing sends at least that many requests)."""
    return len(PROVIDER_SPECS[provider].operations)


def first_page_label(provider: str) -> str:
    """How an error names the first page of ``provider``'s first operation."""
    style = PROVIDER_SPECS[provider].operations[0].style
    return style.label(style.first(None))


def wire_credential(request: RawRequest) -> str:
    """The credential as it travelled: the whole Authorization value, or the key in the body."""
    auth = _AUTH.get(request.path)
    if isinstance(auth, BodyKey):
        return auth.carried(request.headers, request.body) or ""
    return request.headers.get("authorization", "")


def sent_the_canary(requests: list[RawRequest]) -> bool:
    """Whether some request really carried the canary (so a test cannot pass by never sending it)."""
    basic = base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()
    return any(KEY in wire_credential(request) or basic in wire_credential(request) for request in requests)


def page(path: str, count: int = 2) -> Any:
    """A valid, complete page for the operation at ``path``, holding ``count`` models."""
    route = ROUTES[path]
    return route.page(route.records(count))


def normal(request: RawRequest, wire: Wire) -> bool:
    """Answer with a valid page; keep the connection."""
    wire.send(json_answer(page(request.path)))
    return True


def first(hostile: Any, times: int | None = 1) -> Any:
    """A handler: ``hostile`` for the first ``times`` requests (None: all), normal pages after."""

    def handle(request: RawRequest, wire: Wire) -> bool | None:
        if times is None or request.index < times:
            return hostile(request, wire)
        return normal(request, wire)

    return handle


# -- hostile answers shared by the suites ------------------------------------------------------------
JSON = {"Content-Type": "application/json"}
_SPACES = b" " * 65536


def gzip_bomb(inflated: int, status: int = 200) -> Any:
    """A gzip body inflating to ``inflated`` bytes, with its compressed Content-Length."""

    def send(request: RawRequest, wire: Wire) -> None:
        bomb = Bomb("gzip", inflated=inflated)
        wire.send(head(status, {**JSON, "Content-Encoding": "gzip", "Content-Length": str(bomb.length)}))
        for piece in bomb.pieces():
            wire.send(piece)

    return send


def deflate_bomb(inflated: int) -> Any:
    """A zlib-wrapped deflate body inflating to ``inflated`` bytes, chunked."""

    def send(request: RawRequest, wire: Wire) -> None:
        bomb = Bomb("deflate", inflated=inflated)
        wire.send(head(200, {**JSON, "Content-Encoding": "deflate", "Transfer-Encoding": "chunked"}))
        wire.chunked(bomb.pieces())

    return send


def endless_chunked(request: RawRequest, wire: Wire) -> None:
    """Chunks of spaces, for as long as the client reads."""
    wire.send(head(200, {**JSON, "Transfer-Encoding": "chunked"}))
    while True:
        wire.send(b"%x\r\n%s\r\n" % (len(_SPACES), _SPACES))


def chunked(total: int) -> Any:
    """A chunked body of ``total`` bytes."""

    def send(request: RawRequest, wire: Wire) -> None:
        wire.send(head(200, {**JSON, "Transfer-Encoding": "chunked"}))
        wire.chunked(iter([_SPACES] * (total // len(_SPACES))))

    return send


def until_close(total: int) -> Any:
    """No Content-Length, no chunks: ``total`` bytes, then the connection closes."""

    def send(request: RawRequest, wire: Wire) -> None:
        wire.send(head(200, {**JSON, "Connection": "close"}))
        wire.repeat(_SPACES, total=total)

    return send


def content_length(total: int) -> Any:
    """A Content-Length of ``total`` bytes, and the bytes."""

    def send(request: RawRequest, wire: Wire) -> None:
        wire.send(head(200, {**JSON, "Content-Length": str(total)}))
        wire.repeat(_SPACES, total=total)

    return send


def processing_forever(every: float) -> Any:
    """``102 Processing`` every ``every`` seconds, never a final answer."""

    def send(request: RawRequest, wire: Wire) -> None:
        while True:  # ends when the client hangs up (the wire raises)
            wire.send(b"HTTP/1.1 102 Processing\r\n\r\n")
            wire.pause(every)

    return send


def settings(**overrides: Any) -> HTTPSettings:
    """Two attempts with tiny backoffs; per-operation timeouts longer than any deadline a test sets."""
    options: dict[str, Any] = {
        "retry": RetryPolicy(max_attempts=2, backoff_initial=0.001, backoff_max=0.002),
        "timeout": httpx.Timeout(5.0),
    }
    options.update(overrides)
    return HTTPSettings(**options)


@dataclass
class Outcome:
    """A listing's result and everything a user could have seen of it."""

    items: list[Any] = field(default_factory=list)
    error: BaseException | None = None
    reprs: list[str] = field(default_factory=list)
    logs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    def everything(self) -> str:
        parts = [*self.reprs, *self.logs, *self.warnings, *self.events]
        if self.error is not None:
            parts.append(everything_about(self.error))
        return "\n".join(parts)

    def assert_clean(self) -> None:
        assert_clean(self.everything())


def everything_about(error: BaseException) -> str:
    """str, repr, args, attributes and traceback of ``error`` and of every link of its chain (hidden ones too)."""
    parts: list[str] = []
    pending, seen = [error], set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        parts += [str(current), repr(current), repr(current.args), "".join(traceback.format_exception(current))]
        parts.extend(repr(value) for value in getattr(current, "__dict__", {}).values())
        pending.extend(link for link in (current.__cause__, current.__context__) if link is not None)
    return "\n".join(parts)


def assert_clean(text: str) -> None:
    lowered = text.lower()
    for form in FORMS:
        assert form not in lowered, f"credential leaked ({form!r}): ...{_around(lowered, form)}..."


def _around(text: str, form: str) -> str:
    at = text.index(form)
    return text[max(at - 120, 0) : at + len(form) + 120]


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name} {self.format(record)} {record.args!r}")


async def observe(provider: str, mode: str, url: str, **options: Any) -> Outcome:
    """List ``provider`` at ``url`` with the canary credentials, capturing every output."""
    outcome = Outcome()
    arguments: dict[str, Any] = {"base_url": url, "http": settings(), **CREDENTIALS[provider], **options}
    arguments["on_event"] = lambda event: outcome.events.append(f"{event!r} {event.describe()}")
    records = _Records()
    root = logging.getLogger()
    level = root.level
    root.addHandler(records)
    root.setLevel(logging.DEBUG)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                if mode == "sync":
                    with Client(provider, **arguments) as client:
                        outcome.reprs.append(repr(client))
                        outcome.items = list(client.list_models())
                else:
                    async with AsyncClient(provider, **arguments) as client:
                        outcome.reprs.append(repr(client))
                        outcome.items = [item async for item in client.list_models()]
            except Exception as error:  # noqa: BLE001 - the outcome holds it for the test to judge
                outcome.error = error
        outcome.warnings = [f"{w.category.__name__}: {w.message}" for w in caught]
    finally:
        root.removeHandler(records)
        root.setLevel(level)
    outcome.logs = records.lines
    outcome.assert_clean()
    return outcome
