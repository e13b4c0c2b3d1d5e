"""What a provider module declares: where it lives, how it authenticates, what it lists and how it reads.

A provider is one module, ``modelcatalog.providers.<name>``, whose ``PROVIDER`` is a
``Provider``: its base URL and credentials, and for each list operation which generated
operation builds the request, which pagination style it uses, which generated Struct
decodes the response, how to read items, totals and cursors out of it, and how one of
its records becomes the catalog's ``ModelRecord``; then where each catalog field comes
from, which query criteria its server can apply (``plan``), and what a wrong path looks
like there. The registry (``modelcatalog.providers``) checks every piece when the module
is first used.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx
import msgspec

from modelcatalog.secrets import Secret

if TYPE_CHECKING:
    from modelcatalog_generated.catalog import ModelRecord

    from modelcatalog.catalog.query import Query, Request
    from modelcatalog.context import OperationContext
    from modelcatalog.pagination import Page, PaginationStyle, Position

R = TypeVar("R")

Credentials = Mapping[str, Secret]
Filters = Mapping[str, Any]
RequestKwargs = dict[str, Any]


class CredentialSpec(msgspec.Struct, frozen=True):
    """One credential: the keyword argument that passes it and the variable that holds it.

    ``required=False``: servers that need none exist (a local OpenAI-compatible server), so
    a client without it sends none; at the provider's ``default_base_url`` (a cloud service)
    it is still required, and its absence is a ``MissingCredentialError`` before any request.
    """

    argument: str
    env_var: str
    required: bool = True


class ListOperation(msgspec.Struct, Generic[R], frozen=True):
    """One list operation and everything needed to page through it."""

    #: as a person reads it, relative to the base URL: "GET /v1/models"
    name: str
    #: path prefix between the base URL and the generated operation's path
    prefix: str
    style: PaginationStyle
    #: (position, page size, filters, credentials) -> httpx request keyword arguments
    build_request: Callable[[Position, int, Filters, Credentials], RequestKwargs]
    #: the generated Struct (or list of Structs) the success body decodes into
    envelope: Any
    #: (decoded envelope, position) -> the page
    page_of: Callable[[Any, Position], Page[R]]
    item_key: Callable[[R], Hashable]
    #: the envelope field (wire name) that holds the records; None: the body is the list.
    #: A record that does not match the spec is left out of it, and reported.
    records: str | None
    #: the type of the records ``page_of`` yields
    record_type: type[R]
    #: one of those records -> the catalog's record
    normalize: Callable[[R], ModelRecord]
    #: the record field (wire name) that names a record in reports of a bad one
    record_id: str = "id"
    default_page_size: int = 100
    max_page_size: int | None = None
    #: POST lists that only read are safe to retry
    safe_to_retry: bool = False
    #: raises the provider's own error for a success body that reports one (ModelsLab's
    #: errors come with status 200); ``responses.check_response`` calls it
    check_body: Callable[[bytes, OperationContext], None] | None = None
    #: (status, body) -> whether an error status other than 401/403 is a refused credential in
    #: the server's own words (LiteLLM's 400 ``no_db_connection``): an ``AuthenticationError`` then
    auth_failure: Callable[[int, bytes], bool] | None = None
    #: the records carry fields beyond the spec by design (servers that copy an API add their
    #: own): ``record_type`` has an ``extensions`` field (``dict[str, Any]``) that receives them,
    #: and each is reported once per listing as an ``extension_field`` event, never as unknown
    extensions: bool = False


class Provider(msgspec.Struct, frozen=True, dict=True):
    """A provider: where it lives, how it authenticates, what it lists and how its records read.

    ``dict=True`` gives it room for ``normalizers``, worked out once from its operations.
    """

    name: str
    title: str
    #: a cloud service (http to a non-loopback host refused) or self-hosted (warned)
    cloud: bool
    default_base_url: str | None
    base_url_env: str | None
    credentials: tuple[CredentialSpec, ...]
    operations: tuple[ListOperation[Any], ...]
    #: catalog field -> where its value comes from, in words (``FIELD_SOURCES``; the README's table)
    field_sources: Mapping[str, str]
    #: credentials -> an httpx.Auth for the headers (None when they travel in the body)
    auth: Callable[[Credentials], httpx.Auth | None] = lambda _: None
    #: query -> the listings that cover it, with what the server can filter (None: every
    #: operation once, nothing pushed); see ``modelcatalog.catalog.plan``
    plan: Callable[[Query], list[Request]] | None = None
    #: what an HTML page instead of JSON most likely means at this provider (a wrong-path hint)
    html_hint: str = ""

    @functools.cached_property
    def normalizers(self) -> Mapping[type, Callable[[Any], ModelRecord]]:
        """Record type -> its normalizer, from the operations."""
        return {op.record_type: op.normalize for op in self.operations}

    def normalize(self, record: object) -> ModelRecord:
        """One of this provider's records, as its list operations yield it -> the catalog's record."""
        normalizer = self.normalizers.get(type(record))
        if normalizer is None:
            known = ", ".join(kind.__qualname__ for kind in self.normalizers)
            msg = f"no {self.name!r} normalizer for {type(record).__qualname__}; known: {known}"
            raise TypeError(msg)
        return normalizer(record)

    def operation(self, name: str | None) -> tuple[ListOperation[Any], ...]:
        """The operations to list: all of them, or the one called ``name``."""
        if name is None:
            return self.operations
        for operation in self.operations:
            if name in (operation.name, operation.name.split(" ", 1)[-1]):
                return (operation,)
        known = ", ".join(op.name for op in self.operations)
        msg = f"{self.name} has no list operation {name!r} (known: {known})"
        raise ValueError(msg)


class BearerAuth(httpx.Auth):
    """``Authorization: Bearer <token>``, with the token kept in a ``Secret``."""

    def __init__(self, token: Secret) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Any:  # noqa: ANN401 - httpx's generator protocol
        request.headers["Authorization"] = f"Bearer {self._token.reveal()}"
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(***)"


def check_filters(title: str, filters: Filters, known: Sequence[str]) -> None:
    """Refuse a filter the provider's list operation does not take, naming the ones it does."""
    unknown = set(filters) - set(known)
    if unknown:
        msg = f"unknown {title} filter(s) {sorted(unknown)}; known: {', '.join(known)}"
        raise ValueError(msg)


def generated_kwargs(get_kwargs: Callable[..., RequestKwargs], **arguments: Any) -> RequestKwargs:  # noqa: ANN401
    """Call a generated operation's request builder, leaving out arguments that are None."""
    return get_kwargs(**{key: value for key, value in arguments.items() if value is not None})
