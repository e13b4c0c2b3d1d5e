"""What an HTTP response means: the operation's answer, or which typed error.

The one place that decides, in this order: the status (after the transport's retries),
an error the provider reports inside a success body in its own words
(``ListOperation.check_body``: ModelsLab's envelope), and an HTML page where JSON was
expected (a wrong base URL or path). A provider supplies its own wrong-path hint
(``Provider.html_hint``); the rules are the same for every provider. What is left,
whether the body is JSON of the spec's shape, is ``decoding``'s.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TypeVar

from modelcatalog.errors import (
    REQUEST_ID_CHARS,
    APIError,
    AuthenticationError,
    HTMLPageError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    ServerError,
)
from modelcatalog.transport import ATTEMPTS, retry_after_seconds

if TYPE_CHECKING:
    from collections.abc import Callable

    import httpx

    from modelcatalog.context import OperationContext
    from modelcatalog.providers import ListOperation

BODY_EXCERPT_CHARS = 300
#: longer than any form of a credential (a 2 KB JWT, URL-encoded, is about 6 KB)
_SCRUB_MARGIN = 64 * 1024
E = TypeVar("E", bound=APIError)
#: where servers put their id for a request, first match wins (OpenAI and most gateways: the first)
REQUEST_ID_HEADERS = ("x-request-id", "request-id")
_HTML_PREFIXES = (b"<!doctype", b"<html", b"<head", b"<body", b"<?xml")


def check_response(
    response: httpx.Response, operation: ListOperation[object], ctx: OperationContext, *, html_hint: str = ""
) -> bytes:
    """The body of ``response`` when it holds the operation's answer; else raise the typed error.

    ``html_hint`` is the provider's word on what an HTML page most likely means.
    """
    raise_for_status(response, ctx, auth_failure=operation.auth_failure)
    body = response.content
    if operation.check_body is not None:
        operation.check_body(body, ctx)
    reject_html(body, ctx, response.headers.get("content-type", ""), response.status_code, html_hint)
    return body


def reject_html(body: bytes, ctx: OperationContext, content_type: str, status: int, hint: str = "") -> None:
    """Raise ``HTMLPageError`` for an HTML page (by its content type or its first bytes)."""
    head = body[:64].lstrip().lower()
    if "html" in content_type.lower() or head.startswith(_HTML_PREFIXES):
        msg = f"got an HTML page (status {status}) where JSON was expected: the base URL or path is probably wrong" + (
            f" ({hint})" if hint else ""
        )
        raise HTMLPageError(
            msg,
            body=ctx.scrub_bytes(body),
            status_code=status,
            provider=ctx.provider,
            operation=ctx.operation,
        )


def _refused(
    status: int, response: httpx.Response, auth_failure: Callable[[int, bytes], bool] | None
) -> tuple[type[AuthenticationError], str] | None:
    """The error class and message start for a refused credential, or None when it was not one."""
    if status == 401:  # noqa: PLR2004
        return AuthenticationError, "not authenticated (HTTP 401): check the credentials; "
    if status == 403:  # noqa: PLR2004
        return PermissionDeniedError, "not allowed (HTTP 403): check the credentials and their access; "
    if auth_failure is not None and auth_failure(status, response.content):
        return AuthenticationError, f"credential refused (HTTP {status}): check the credentials; "
    return None


def raise_for_status(
    response: httpx.Response, ctx: OperationContext, *, auth_failure: Callable[[int, bytes], bool] | None = None
) -> None:
    """Raise the typed error for a non-2xx response (after the transport's retries).

    ``auth_failure`` says whether another status is a refused credential in the provider's words.
    """
    status = response.status_code
    if 200 <= status < 300:  # noqa: PLR2004
        return
    excerpt = _excerpt(response, ctx)
    attempts = _attempts(response)
    after = f"after {attempts} attempt{'s' if attempts != 1 else ''}"

    def error(kind: type[E], message: str) -> E:
        if not excerpt:  # an empty body: no "; " or ": " left hanging where its excerpt would go
            message = message.removesuffix("; ").removesuffix(": ")
        made = kind(message, status_code=status, body_excerpt=excerpt, provider=ctx.provider, operation=ctx.operation)
        made.attempts = attempts
        return made

    refused = _refused(status, response, auth_failure)
    if refused is not None:
        kind, message = refused
        raise error(kind, message + excerpt)
    if status == 404:  # noqa: PLR2004
        raise error(NotFoundError, f"not found (HTTP 404) at {_where(response)}: check the base URL; {excerpt}")
    if status in (400, 422):
        rejected = error(RequestValidationError, f"request rejected (HTTP {status}): {excerpt}")
        rejected.details = _details(response, ctx)
        raise rejected
    if status == 429:  # noqa: PLR2004
        hint = retry_after_seconds(response)
        asked = "" if hint is None else f"; the server asks to wait {hint:g}s"
        limited = error(RateLimitError, f"rate limited (HTTP 429) {after}{asked}")
        limited.retry_after = hint
        raise limited
    if status >= 500:  # noqa: PLR2004
        raise error(ServerError, f"server error (HTTP {status}) {after}: {excerpt}")
    raise error(APIError, f"unexpected HTTP {status}: {excerpt}")


def request_id(headers: httpx.Headers, ctx: OperationContext) -> str | None:
    """The server's id for this request, safe to print: scrubbed whole, then cut and made printable.

    A hostile server may put anything in the header, a credential it was sent included.
    """
    found = next((headers[name] for name in REQUEST_ID_HEADERS if name in headers), None)
    if found is None:
        return None
    text = ctx.scrub(found).strip()
    shown = "".join(char if char.isprintable() and char.isascii() else "\ufffd" for char in text[:REQUEST_ID_CHARS])
    return (shown + ("..." if len(text) > REQUEST_ID_CHARS else "")) or None


def _excerpt(response: httpx.Response, ctx: OperationContext) -> str:
    """The start of the body, scrubbed before it is cut: a cut through a credential leaves a piece no scrub finds.

    What is scrubbed reaches ``_SCRUB_MARGIN`` bytes past anything the excerpt can show,
    so every credential that starts inside the excerpt is scrubbed whole.
    """
    window = response.content[: BODY_EXCERPT_CHARS * 16 + _SCRUB_MARGIN]
    text = ctx.scrub(window.decode("utf-8", errors="replace"))
    text = " ".join(text[: BODY_EXCERPT_CHARS * 4].split())
    return text[:BODY_EXCERPT_CHARS] + ("..." if len(text) > BODY_EXCERPT_CHARS else "")


def _attempts(response: httpx.Response) -> int:
    try:
        return int(response.request.extensions.get(ATTEMPTS, 1))
    except RuntimeError:  # a response built without a request
        return 1


def _where(response: httpx.Response) -> str:
    return str(response.request.url.copy_with(query=None))


def _details(response: httpx.Response, ctx: OperationContext) -> object:
    """The server's validation details (FastAPI's ``detail`` list and the like), scrubbed."""
    try:
        parsed = json.loads(ctx.scrub(response.content.decode("utf-8", errors="replace")))
    except ValueError:
        return None
    return parsed.get("detail", parsed) if isinstance(parsed, dict) else parsed
