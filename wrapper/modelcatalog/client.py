"""``Client`` and ``AsyncClient``: list every model a provider holds, the same way for all.

>>> from modelcatalog import Client
>>> with Client("openwebui", base_url="http://127.0.0.1:8080", api_key="sk-...") as client:  # doctest: +SKIP
...     for model in client.list_models(limit=100):
...         print(model.id)

Credentials and base URLs come from the arguments or the environment (see
``modelcatalog providers``). Requests are built by the generated operations, sent
straight to a pooled httpx transport with retries, checked, and decoded into the generated
msgspec Structs; items are the provider's own typed records.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Mapping  # noqa: TC003 - ClientOptions' fields are read at run time
from functools import cache, partial
from typing import TYPE_CHECKING, Any, Generic, Self, TypedDict, TypeVar

import httpx
import msgspec

from modelcatalog.bodies import BodyFailure, BodyTooLarge
from modelcatalog.context import OperationContext
from modelcatalog.decoding import Records, ResponseDecoder
from modelcatalog.errors import (
    APITimeoutError,
    BodyTooLargeError,
    ConfigurationError,
    ModelCatalogError,
    NotJSONError,
    TransportError,
    seal_chain,
    with_request_id,
)
from modelcatalog.events import EventHandler, EventSink
from modelcatalog.pagination import (
    DEFAULT_CONCURRENCY,
    DEFAULT_MAX_PAGES,
    AsyncPager,
    Page,
    Pager,
    PagerOptions,
    Position,
    new_ledger,
)
from modelcatalog.providers import NAMES, Provider, get_provider
from modelcatalog.responses import check_response, request_id
from modelcatalog.secrets import Secret, redact, scrub_library_logs
from modelcatalog.settings import check_instance_name, require_settings, resolve_base_url
from modelcatalog.transport import (
    ATTEMPTS,
    SAFE_TO_RETRY,
    AsyncSender,
    HTTPSettings,
    Sender,
    with_shortcuts,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import TracebackType

    from modelcatalog.pagination import PaginationStyle
    from modelcatalog.providers._base import CredentialSpec, ListOperation


H = TypeVar("H", Sender, AsyncSender)


class ClientOptions(TypedDict, total=False):
    """The keyword arguments of ``Client``/``AsyncClient``, for the catalog's ``client_options``.

    >>> from modelcatalog.catalog import Query, list_catalog
    >>> options: dict[str, ClientOptions] = {"openwebui": {"base_url": "http://127.0.0.1:8080", "max_retries": 1}}
    >>> result = list_catalog(Query(providers=["openwebui"]), client_options=options)  # doctest: +SKIP
    """

    base_url: str | None
    api_key: str | Secret | None
    api_secret: str | Secret | None
    allow_insecure_http: bool
    http: HTTPSettings | None
    timeout: float | httpx.Timeout | None
    max_retries: int | None
    on_event: EventHandler | None
    report_extensions: bool
    environ: Mapping[str, str] | None


class _Base(Generic[H]):
    """Configuration shared by the sync and async clients: resolved once, never printed.

    The arguments are ``Client``'s. ``timeout`` and ``max_retries`` are the official SDKs'
    shortcuts into ``http`` (see ``transport.with_shortcuts``): a number of seconds bounds
    each attempt whole and each socket operation, an ``httpx.Timeout`` the socket
    operations only; ``max_retries=2`` is ``RetryPolicy(max_attempts=3)``. ``None``
    keeps the default, which is never "no timeout".
    """

    _http: H
    provider: Provider
    #: what records, events, errors and failures from this client call their source
    name: str
    http_settings: HTTPSettings
    _on_event: EventHandler | None

    def __init__(
        self,
        provider: str | Provider,
        *,
        name: str | None = None,
        base_url: str | None = None,
        api_key: str | Secret | None = None,
        api_secret: str | Secret | None = None,
        allow_insecure_http: bool = False,
        http: HTTPSettings | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        on_event: EventHandler | None = None,
        report_extensions: bool = True,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.provider = provider if isinstance(provider, Provider) else _provider(provider)
        self.name = check_instance_name(name, self.provider.name, NAMES)
        try:
            self._resolve(base_url, api_key, api_secret, allow_insecure_http=allow_insecure_http, environ=environ)
        except ModelCatalogError as error:
            error.attribute_to(self.name)
            raise
        try:
            self.http_settings = with_shortcuts(http, timeout=timeout, max_retries=max_retries)
        except ConfigurationError as exc:
            raise self._configuration_error(exc.message) from None
        self._on_event = on_event
        self._silenced: frozenset[str] = frozenset() if report_extensions else frozenset({"extension_field"})
        scrub_library_logs()
        self._http = self._connect(self.http_settings, self.provider.auth(self._credentials))

    def _connect(self, settings: HTTPSettings, auth: httpx.Auth | None) -> H:
        raise NotImplementedError

    def _resolve(
        self,
        base_url: str | None,
        api_key: str | Secret | None,
        api_secret: str | Secret | None,
        *,
        allow_insecure_http: bool,
        environ: Mapping[str, str] | None,
    ) -> None:
        """The credentials and base URL, from the arguments or the environment."""
        env = os.environ if environ is None else environ
        passed = {"api_key": api_key, "api_secret": api_secret}
        needed = [
            spec for spec in self.provider.credentials if self._needs(spec, passed.get(spec.argument), base_url, env)
        ]
        self._credentials = require_settings(
            self.provider, passed, base_url=base_url, environ=environ, credentials=needed
        )
        self.base_url = resolve_base_url(
            provider=self.provider.name,
            explicit=base_url,
            env_var=self.provider.base_url_env,
            default=self.provider.default_base_url,
            cloud=self.provider.cloud,
            allow_insecure_http=allow_insecure_http,
            environ=environ,
        )

    def __repr__(self) -> str:
        named = f", name={self.name!r}" if self.name != self.provider.name else ""
        return f"{type(self).__name__}(provider={self.provider.name!r}{named}, base_url={str(self.base_url)!r})"

    def _needs(
        self, spec: CredentialSpec, explicit: str | Secret | None, base_url: str | None, env: Mapping[str, str]
    ) -> bool:
        """Whether to read ``spec``: when required, given, set, or for the provider's own default base URL.

        "Own": a named instance's definition makes its server the default, and a key that
        is optional for such a server (a local vLLM) must stay optional there.
        """
        if spec.required or explicit is not None or env.get(spec.env_var, "").strip():
            return True
        default = _registered_default(self.provider)
        chosen = base_url or (env.get(self.provider.base_url_env or "") or "").strip() or self.provider.default_base_url
        return default is not None and str(chosen).rstrip("/") == default.rstrip("/")

    def _context(self, operation: ListOperation[Any], sink: EventSink) -> OperationContext:
        secrets = tuple(self._credentials.values())
        return OperationContext(self.provider.name, operation.name, sink, secrets, instance=self.name)

    def _configuration_error(self, message: str, operation: str | None = None) -> ConfigurationError:
        return ConfigurationError(message, provider=self.provider.name, operation=operation, instance=self.name)

    def _prepare(
        self, operation: ListOperation[Any], position: Position, page_size: int, filters: Mapping[str, Any]
    ) -> dict[str, Any]:
        """The request for one page: the generated builder's kwargs, aimed at our base URL."""
        kwargs = operation.build_request(position, page_size, filters, self._credentials)
        path = kwargs.pop("url")
        kwargs["url"] = str(self.base_url) + operation.prefix + path
        if operation.safe_to_retry:
            kwargs["extensions"] = {SAFE_TO_RETRY: True}
        return kwargs

    def _finish(
        self,
        operation: ListOperation[Any],
        response: httpx.Response,
        position: Position,
        ctx: OperationContext,
        *,
        strict: bool = False,
    ) -> Page[Any]:
        """Check what the response means, decode, and cut out the page; an error carries the server's request id."""
        try:
            body = check_response(response, operation, ctx, html_hint=self.provider.html_hint)
            records = Records(operation.records, operation.record_id, extensions=operation.extensions)
            decoder = _decoder(operation.envelope, self.provider.name, records)
            decoded, left_out = decoder.decode_counting(body, ctx, status=response.status_code, strict=strict)
        except ModelCatalogError as error:
            with_request_id(error, request_id(response.headers, ctx))
            raise
        page = operation.page_of(decoded, position)
        return msgspec.structs.replace(page, left_out=left_out) if left_out else page

    def _segments(
        self,
        operation: str | None,
        filters: Mapping[str, Any] | None,
        options: PagerOptions,
        fetcher: Callable[[ListOperation[Any], Mapping[str, Any], EventSink], Any],
    ) -> tuple[list[tuple[Any, Any]], EventSink]:
        """One (fetch, ledger factory) pair per operation to list, checked before any request; the listing's sink."""
        operations, frozen, sink = self._checked(operation, filters, options)
        return [(fetcher(op, frozen, sink), self._ledger_factory(op, options, sink)) for op in operations], sink

    def _checked(
        self,
        operation: str | None,
        filters: Mapping[str, Any] | None,
        options: PagerOptions,
    ) -> tuple[list[ListOperation[Any]], Mapping[str, Any], EventSink]:
        if options.page_size is not None and options.page_size < 1:
            msg = f"page_size must be at least 1, got {options.page_size}"
            raise self._configuration_error(msg)
        if options.deadline is not None and not 0 < options.deadline < math.inf:  # NaN fails both
            msg = f"deadline must be a finite number of seconds above 0, got {options.deadline}"
            raise self._configuration_error(msg)
        operations = list(self._operations(operation))
        filters = dict(filters or {})
        for op in operations:  # fail on a bad filter now, not at the first page
            try:
                op.build_request(op.style.first(options.start), options.page_size or 1, filters, self._credentials)
            except (ValueError, TypeError) as exc:
                message = redact(str(exc), self._credentials.values())
                raise self._configuration_error(message, op.name) from None
        secrets = tuple(self._credentials.values())
        sink = EventSink(
            self._on_event, scrub=lambda text: redact(text, secrets), instance=self.name, silenced=self._silenced
        )
        return operations, filters, sink

    def _operations(self, name: str | None) -> tuple[ListOperation[Any], ...]:
        try:
            return self.provider.operation(name)
        except ValueError as exc:
            raise self._configuration_error(str(exc)) from None

    def _ledger_factory(self, operation: ListOperation[Any], options: PagerOptions, sink: EventSink) -> Any:  # noqa: ANN401 - a LedgerFactory over the provider's record type
        def factory(remaining: int | None) -> Any:  # noqa: ANN401
            return new_ledger(
                operation.style,
                msgspec.structs.replace(options, limit=remaining),
                default_page_size=operation.default_page_size,
                max_page_size=operation.max_page_size,
                item_key=operation.item_key,
                sink=sink,
                provider=self.provider.name,
                operation=operation.name,
            )

        return factory


class Client(_Base[Sender]):
    """List a provider's models (sync). Use as a context manager, or call ``close()``.

    Arguments: ``provider`` (a name of ``modelcatalog.providers.NAMES``, or a ``Provider``);
    ``name`` (what its records, events, errors and failures call their source: one of
    several servers of one provider, such as ``"webui_b"``; default the provider's name);
    ``base_url`` (replaces scheme, host, port and prefix of the documented paths);
    ``api_key``/``api_secret`` (else from the provider's environment variables, read
    from ``environ`` when given); ``allow_insecure_http``; ``http`` (``HTTPSettings``:
    timeouts, retries, body cap, transport); ``timeout`` (seconds for each attempt, or
    an ``httpx.Timeout`` for the socket operations) and ``max_retries``, the official
    SDKs' shortcuts into ``http``; ``on_event`` (receives each off-spec and pagination
    event once); ``report_extensions=False`` silences the reports of fields a provider's
    servers add by design (``openai``: vLLM's ``max_model_len``, OpenRouter's ``pricing``
    ...), which stay in each record.

    >>> with Client("openwebui", timeout=20, max_retries=2) as client:  # doctest: +SKIP
    ...     models = list(client.list_models())
    """

    def _connect(self, settings: HTTPSettings, auth: httpx.Auth | None) -> Sender:
        return Sender(settings, auth=auth, tls=self.base_url.scheme == "https")

    def list_models(
        self,
        *,
        operation: str | None = None,
        filters: Mapping[str, Any] | None = None,
        limit: int | None = None,
        page_size: int | None = None,
        start: Position = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        max_pages: int = DEFAULT_MAX_PAGES,
        deadline: float | None = None,
        strict: bool = False,
    ) -> Pager[Any]:
        """Every model, page after page: iterate items, or ``.pages()`` for pages.

        ``filters`` are the provider's own query parameters (see each provider
        module's ``FILTERS``); ``start`` resumes from a cursor, offset or page number;
        ``concurrency`` bounds the pages fetched at once when the total is known.

        A listing ends early, keeping what it has, at ``max_pages`` pages, after
        ``deadline`` seconds, or when the server goes round; a record that does not
        match the spec is left out (``strict=True`` raises ``SchemaMismatchError``
        instead). Each is reported as an event, and afterwards ``pager.incomplete``
        lists them:

        >>> pager = client.list_models(deadline=30)  # doctest: +SKIP
        >>> models = list(pager)  # doctest: +SKIP
        >>> for reason in pager.incomplete:  # doctest: +SKIP
        ...     print(reason.describe())
        """
        options = PagerOptions(limit, page_size, start, max(concurrency, 1), max_pages, deadline)
        segments, sink = self._segments(operation, filters, options, partial(self._fetcher, strict=strict))
        return Pager(segments, limit, deadline=deadline, sink=sink)

    def _fetcher(
        self, operation: ListOperation[Any], filters: Mapping[str, Any], sink: EventSink, *, strict: bool
    ) -> Any:  # noqa: ANN401
        ctx = self._context(operation, sink)

        def fetch(position: Position, page_size: int) -> Page[Any]:
            with _sealed(ctx):
                request = self._http.build(**self._prepare(operation, position, page_size, filters))
                try:
                    response = self._http.send(request)
                except (httpx.HTTPError, BodyFailure) as exc:
                    raise _wire_error(exc, request, operation.style, position, ctx) from exc
                return self._finish(operation, response, position, ctx, strict=strict)

        return fetch

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncClient(_Base[AsyncSender]):
    """The async twin of ``Client``, with the same arguments: ``async with AsyncClient(...)`` and ``async for``."""

    def _connect(self, settings: HTTPSettings, auth: httpx.Auth | None) -> AsyncSender:
        return AsyncSender(settings, auth=auth, tls=self.base_url.scheme == "https")

    def list_models(
        self,
        *,
        operation: str | None = None,
        filters: Mapping[str, Any] | None = None,
        limit: int | None = None,
        page_size: int | None = None,
        start: Position = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        max_pages: int = DEFAULT_MAX_PAGES,
        deadline: float | None = None,
        strict: bool = False,
    ) -> AsyncPager[Any]:
        """The async twin of ``Client.list_models``."""
        options = PagerOptions(limit, page_size, start, max(concurrency, 1), max_pages, deadline)
        segments, sink = self._segments(operation, filters, options, partial(self._fetcher, strict=strict))
        return AsyncPager(segments, limit, deadline=deadline, sink=sink)

    def _fetcher(
        self, operation: ListOperation[Any], filters: Mapping[str, Any], sink: EventSink, *, strict: bool
    ) -> Any:  # noqa: ANN401
        ctx = self._context(operation, sink)

        async def fetch(position: Position, page_size: int) -> Page[Any]:
            with _sealed(ctx):
                request = self._http.build(**self._prepare(operation, position, page_size, filters))
                try:
                    response = await self._http.send(request)
                except (httpx.HTTPError, BodyFailure) as exc:
                    raise _wire_error(exc, request, operation.style, position, ctx) from exc
                return self._finish(operation, response, position, ctx, strict=strict)

        return fetch

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


def _registered_default(provider: Provider) -> str | None:
    """The default base URL the registry's provider of that name declares (``provider``'s own if unregistered)."""
    if provider.name in NAMES:
        return get_provider(provider.name).default_base_url
    return provider.default_base_url


def _provider(name: str) -> Provider:
    try:
        return get_provider(name)
    except ValueError as exc:
        raise ConfigurationError(str(exc)) from None


def _wire_error(
    exc: Exception, request: httpx.Request, style: PaginationStyle, position: Position, ctx: OperationContext
) -> ModelCatalogError:
    """What the transport raised, as ours: what failed, for which page, after how many attempts.

    Never the request's headers or body; the library's text only scrubbed.
    """
    page = style.label(position)
    if isinstance(exc, BodyFailure):
        unusable = _body_error(exc, page, ctx)
        with_request_id(unusable, None if exc.headers is None else request_id(exc.headers, ctx))
        return unusable
    attempts = int(request.extensions.get(ATTEMPTS, 1))
    where = str(request.url.copy_with(query=None))
    kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else TransportError
    what = "timed out" if kind is APITimeoutError else "failed"
    detail = ctx.scrub(str(exc)) or type(exc).__name__
    counted = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    message = ctx.scrub(f"request for {page} to {where} {what} after {counted}: {detail}")
    error = kind(message, provider=ctx.provider, operation=ctx.operation)
    error.attempts = attempts
    return error


def _body_error(exc: BodyFailure, page: str, ctx: OperationContext) -> ModelCatalogError:
    """A body too large (any status), or in a compression that cannot be undone."""
    if isinstance(exc, BodyTooLarge):
        status = "" if 200 <= exc.status_code < 300 else f" (HTTP {exc.status_code})"  # noqa: PLR2004
        announced = "" if exc.content_length is None else f"; the server announced {exc.content_length:,} bytes"
        message = (
            f"the body of {page}{status} is larger than the cap of {exc.limit:,} bytes after decompression"
            f"{announced} (raise HTTPSettings(max_body_size=...) or --max-body-size if pages are this big)"
        )
        error = BodyTooLargeError(
            ctx.scrub(message), status_code=exc.status_code, provider=ctx.provider, operation=ctx.operation
        )
        error.limit, error.content_length = exc.limit, exc.content_length
        return error
    message = ctx.scrub(f"{page}: {exc}")
    return NotJSONError(message, status_code=exc.status_code, provider=ctx.provider, operation=ctx.operation)


@contextlib.contextmanager
def _sealed(ctx: OperationContext) -> Iterator[None]:
    """Errors leave with every link of their chain safe to print (see ``UnderlyingError``)."""
    try:
        yield
    except ModelCatalogError as error:
        seal_chain(error, ctx.scrub)
        if error.instance != ctx.instance:
            error.attribute_to(ctx.instance)
        raise


@cache
def _decoder(envelope: Any, provider: str, records: Records) -> ResponseDecoder[Any]:  # noqa: ANN401 - a generated Struct type
    from modelcatalog_generated.structs.known_values import KNOWN_VALUES  # noqa: PLC0415 - loaded with the first page

    return ResponseDecoder(envelope, KNOWN_VALUES.get(provider, {}), records)
