"""Each provider's test data, one module a provider (``support.providers.<name>``), found by its name.

The names are the generated registry's (``modelcatalog.providers.NAMES``); the generic
tests, the loopback fault server and the hostile suite read every provider's data
through ``data(name)`` and ``every()``. A provider's module holds:

- ``ROUTES``: its list operations, in the provider's order, each a ``Route``: the
  method and path, how the server pages (``Cursor``, ``Offset``, ``PageNumber``,
  ``Single``), the envelope a page travels in, a factory of realistic records (``n``
  picks the values, ``extra`` merges keys) and how a record names itself;
- ``AUTH``: how the credential travels (``Basic``, ``Bearer``, ``BodyKey``) and what the
  server answers when it is wrong;
- ``CREDENTIALS``: the client's credential arguments, which the fault server expects;
- ``EVERY_FILTER``: every filter its list operation takes, at once (the contract tests);
- ``PAGES`` (optional): other paths the real server answers with a web page, and the page.

Records follow each provider's documented examples and the derived
``specs/<provider>/openapi.yaml``, and are deterministic, so that a failing test prints
the same records.
"""

from __future__ import annotations

import base64
import importlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from modelcatalog.providers import NAMES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping
    from types import ModuleType

Record = dict[str, Any]


# -- how a server pages ------------------------------------------------------------------------
@dataclass(frozen=True)
class Window:
    """The part of a route's models one request asks for: from ``start``, ``size`` of them (None: all)."""

    start: int
    size: int | None
    #: what the request sent to say where it starts (a cursor, an offset, a page number), as sent
    sent: str | None = None


@dataclass(frozen=True)
class Cursor:
    """A page size and an opaque token in; the next token out while there are more."""

    size: str
    token: str
    default_size: int
    max_size: int

    def window(self, query: Mapping[str, str], *, restart: bool = False) -> Window:
        size = int(query.get(self.size, str(self.default_size)))
        if not 1 <= size <= self.max_size:
            msg = f"{self.size} must be between 1 and {self.max_size}"
            raise ValueError(msg)
        token = query.get(self.token)
        return Window(0 if restart or not token else decode_token(token), size, token)

    def later_page(self, first_page: int) -> dict[str, Any]:
        """``inject`` options that reach the second page of a listing whose first held ``first_page``."""
        del first_page
        return {"skip": 1}


@dataclass(frozen=True)
class Offset:
    """An offset and a limit in; a total out."""

    offset: str
    limit: str
    default_limit: int

    def window(self, query: Mapping[str, str], *, restart: bool = False) -> Window:
        offset, limit = int(query.get(self.offset, "0")), int(query.get(self.limit, str(self.default_limit)))
        if offset < 0 or limit < 1:
            msg = f"{self.offset} must be >= 0 and {self.limit} >= 1"
            raise ValueError(msg)
        return Window(0 if restart else offset, limit, str(offset))

    def later_page(self, first_page: int) -> dict[str, Any]:
        return {"where": {self.offset: str(first_page)}}


@dataclass(frozen=True)
class PageNumber:
    """A 1-based page number in, pages of a size the server fixes; a total out."""

    page: str
    size: int

    def window(self, query: Mapping[str, str], *, restart: bool = False) -> Window:
        number = 1 if restart else max(int(query.get(self.page, "1")), 1)
        return Window((number - 1) * self.size, self.size, str(number))

    def later_page(self, first_page: int) -> dict[str, Any]:
        del first_page
        return {"where": {self.page: "2"}}


@dataclass(frozen=True)
class Single:
    """One answer holds every model."""

    def window(self, query: Mapping[str, str], *, restart: bool = False) -> Window:
        del query, restart
        return Window(0, None)

    def later_page(self, first_page: int) -> dict[str, Any] | None:
        del first_page
        return None  # there is none


Paging = Cursor | Offset | PageNumber | Single


def encode_token(offset: int) -> str:
    """An opaque cursor, as a server might make one."""
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode().rstrip("=")


def decode_token(token: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        return int(raw.removeprefix("offset:"))
    except ValueError as exc:
        msg = "invalid pagination token"
        raise ValueError(msg) from exc


@dataclass(frozen=True)
class PageInfo:
    """What an envelope may say about its page besides the records."""

    total: int
    next_cursor: str | None = None
    #: as the request sent it (an offset's envelope echoes it)
    sent: str | None = None
    size: int | None = None


# -- how a credential travels ---------------------------------------------------------------------
@dataclass(frozen=True)
class Basic:
    """``Authorization: Basic base64(api_key:api_secret)``; a wrong one is a 401."""

    def expected(self, credentials: Mapping[str, str]) -> str:
        """What the server expects, decoded: ``key:secret``."""
        return f"{credentials['api_key']}:{credentials['api_secret']}"

    def carried(self, headers: Mapping[str, str], body: bytes) -> str | None:
        """The credential a request carried, decoded (what a careless server would echo)."""
        del body
        scheme, _, value = (headers.get("authorization") or "").partition(" ")
        if scheme != "Basic":
            return None
        try:
            return base64.b64decode(value).decode()
        except ValueError:
            return None

    def refusal(self) -> tuple[int, Any]:
        """The status and JSON body the server answers a wrong credential with."""
        return 401, {"detail": "Not authenticated"}


@dataclass(frozen=True)
class Bearer:
    """``Authorization: Bearer <api_key>``; a wrong one is a 401."""

    def expected(self, credentials: Mapping[str, str]) -> str:
        return credentials["api_key"]

    def carried(self, headers: Mapping[str, str], body: bytes) -> str | None:
        del body
        scheme, _, value = (headers.get("authorization") or "").partition(" ")
        return value or None if scheme == "Bearer" else None

    def refusal(self) -> tuple[int, Any]:
        return 401, {"detail": "Not authenticated"}


@dataclass(frozen=True)
class BodyKey:
    """The API key in the JSON body's ``key``; a wrong one is an error object with status 200."""

    key: str = "key"
    refused: Any = field(default_factory=lambda: {"status": "error", "message": "Invalid API key provided"})

    def expected(self, credentials: Mapping[str, str]) -> str:
        return credentials["api_key"]

    def carried(self, headers: Mapping[str, str], body: bytes) -> str | None:
        del headers
        try:
            key = json.loads(body).get(self.key)
        except (ValueError, AttributeError):
            return None
        return key if isinstance(key, str) else None

    def refusal(self) -> tuple[int, Any]:
        return 200, self.refused


Auth = Basic | Bearer | BodyKey


# -- a list operation as the server serves it ------------------------------------------------------
@dataclass(frozen=True)
class Invalid:
    """A record that does not match the spec, sent second on a page, and what its report says."""

    record: Any
    #: the JSON path the report points at, within the page
    path: str
    #: what the report says is wrong there
    detail: str
    #: whether the report can quote the record's id
    quotes_id: bool = True


def _id(record: Any) -> str:
    return str(record["id"])


@dataclass(frozen=True)
class Route:
    """One list operation as the loopback server serves it."""

    #: the server's name for it: the provider's name, or ``<provider>-<list>`` when it has several
    name: str
    method: str
    #: under the base URL
    path: str
    paging: Paging
    #: (the page's records, what else it may say) -> the JSON body
    envelope: Callable[[list[Any], PageInfo], Any]
    #: ``record(n, **extra)``: a realistic record
    record: Callable[..., Any]
    #: how a record names itself (its id, as the catalog shows it)
    record_id: Callable[[Any], str] = _id
    #: ``named(n, text)``: a record whose catalog fields ``shows`` hold ``text`` (what a server says)
    named: Callable[[int, str], Any] | None = None
    shows: tuple[str, ...] = ("name",)
    #: ``invalid(record_id)``: a record with that id that does not match the spec (the hostile suite)
    invalid: Callable[[str], Invalid] | None = None

    @property
    def operation(self) -> str:
        """The operation's name, as the library names it: ``GET /v1/models``."""
        return f"{self.method} {self.path}"

    def records(self, count: int, start: int = 0) -> list[Any]:
        """``count`` records, numbered from ``start``."""
        return [self.record(n) for n in range(start, start + count)]

    def page(self, records: list[Any]) -> Any:
        """A valid, complete first page holding ``records``."""
        window = self.paging.window({})
        return self.envelope(records, PageInfo(len(records), None, window.sent or "0", window.size))


# -- finding a provider's data ----------------------------------------------------------------------
def data(name: str) -> ModuleType:
    """``support.providers.<name>``: the provider's test data."""
    return importlib.import_module(f"{__name__}.{name}")


def every() -> Iterator[tuple[str, ModuleType]]:
    """(name, data) of every provider, in the registry's order."""
    for name in NAMES:
        yield name, data(name)


def routes() -> dict[str, Route]:
    """Every provider's routes, by the server's name for them."""
    return {route.name: route for _, module in every() for route in module.ROUTES}


def provider_of(route: str) -> str:
    """The provider a route belongs to."""
    return next(name for name, module in every() if any(r.name == route for r in module.ROUTES))


def credentials(name: str) -> dict[str, str]:
    """The credential arguments a client of ``name`` passes (and the fault server expects)."""
    return dict(data(name).CREDENTIALS)


def server_credential(name: str, given: Mapping[str, str] | None = None) -> str:
    """What the fault server expects of ``name``'s client, decoded (``key:secret`` for Basic)."""
    module = data(name)
    return str(module.AUTH.expected(module.CREDENTIALS if given is None else given))


def ids(name: str, models: Mapping[str, list[Any]]) -> list[str]:
    """The ids a listing of ``name`` yields from the server's ``models``, in the provider's order."""
    return [route.record_id(record) for route in data(name).ROUTES for record in models[route.name]]


def fill(models: dict[str, list[Any]], name: str, count: int) -> list[str]:
    """Put ``count`` records on each of ``name``'s routes; the ids a listing yields."""
    for route in data(name).ROUTES:
        models[route.name] = route.records(count)
    return ids(name, models)
