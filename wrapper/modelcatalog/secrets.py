"""Credentials that cannot leak: a ``Secret`` never prints its value, ``redact`` scrubs text.

A credential reaches text in more forms than the one it was typed in: a server may echo
the ``Authorization`` header it received (``Basic`` + the base64 of ``key:secret``),
URL-encode it in a redirect, JSON-escape it in an error object, or embed it in a
larger base64 blob. ``redact`` removes every one of those forms, the whole value of
any ``Basic …``/``Bearer …`` it finds, and the user info of any URL. Scrub a text
whole before cutting an excerpt out of it: a cut can leave a prefix no form matches.

``LogScrubber`` applies the same to log records of httpx, httpcore and modelcatalog,
whose debug logs print response headers a hostile server may fill with a credential.
"""

from __future__ import annotations

import base64
import itertools
import json
import logging
import re
import weakref
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote, quote_plus

if TYPE_CHECKING:
    from collections.abc import Iterable

REDACTED = "***"
# Shorter values are not scrubbed from text: "a" would redact every "a" in a message.
_MIN_REDACTABLE = 4
#: ``Basic <token>``/``Bearer <token>`` wherever it appears (an echoed Authorization header):
#: a token has a digit or is long, so that "Basic authentication failed" stays readable
_AUTHORIZATION_VALUE = re.compile(
    r"\b(Basic|Bearer)(\s+)(?:(?=[A-Za-z\-._~+/]*[0-9])[A-Za-z0-9\-._~+/]{8,}|[A-Za-z0-9\-._~+/]{20,})=*",
    re.IGNORECASE,
)
#: ``scheme://user:password@`` -> ``scheme://***@``; up to the last ``@`` of the URL, since a
#: password typed without percent-encoding may hold ``/`` or ``@`` itself
_USER_INFO = re.compile(r"\b([a-z][a-z0-9+.\-]*://)[^\s\"'<>]*@", re.IGNORECASE)
#: characters that JSON, PHP or a repr may precede with backslashes
_ESCAPED = frozenset('/"\\')
#: every Secret alive in the process, so that log records can be scrubbed of them (keyed by
#: identity: equal Secrets are separate entries, so one dying does not unlist the other)
_LIVE: weakref.WeakValueDictionary[int, Secret] = weakref.WeakValueDictionary()
#: where the libraries under us log response headers (a logger's filter is not inherited)
_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "modelcatalog",
    "modelcatalog.connection",
)


class Secret:
    """A credential. ``str()``, ``repr()`` and f-strings show ``***``; ``reveal()`` the value.

    >>> key = Secret("sk-123456")
    >>> f"{key}", repr(key)
    ('***', "Secret('***')")
    >>> key.reveal()
    'sk-123456'
    """

    __slots__ = ("__weakref__", "_value")

    def __init__(self, value: str) -> None:
        self._value = value
        _LIVE[id(self)] = self

    def reveal(self) -> str:
        """The value, for the one place that sends it."""
        return self._value

    def __str__(self) -> str:
        return REDACTED

    def __repr__(self) -> str:
        return f"Secret({REDACTED!r})"

    def __format__(self, spec: str) -> str:
        return REDACTED

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> tuple[object, ...]:
        msg = "a Secret is not picklable: it would write the credential out"
        raise TypeError(msg)


def unprintable_at(value: str) -> int | None:
    r"""The position of the first character that is not printable ASCII, or None.

    Every provider's credentials are printable ASCII; anything else (a newline pasted
    in, a control character) would break the header it travels in, and the HTTP
    library's error would quote the whole header.

    >>> unprintable_at("sk-123"), unprintable_at("sk-1\n23")
    (None, 4)
    """
    for position, char in enumerate(value):
        if not " " <= char <= "~":
            return position
    return None


def redact(text: str, secrets: Iterable[Secret | str | None]) -> str:
    """``text`` with every form of each secret, any ``Basic``/``Bearer`` value and URL user info replaced.

    >>> redact("Authorization: Basic a2V5LTE6c2VjcmV0LTE= for key-1", [Secret("key-1"), Secret("secret-1")])
    'Authorization: Basic *** for ***'
    """
    values = tuple(sorted({value for value in map(_value, secrets) if value and len(value) >= _MIN_REDACTABLE}))
    if values:
        text = _pattern(values).sub(REDACTED, text)
    return mask_user_info(_AUTHORIZATION_VALUE.sub(rf"\1\2{REDACTED}", text))


def mask_user_info(text: str) -> str:
    """``text`` with the user info of every URL in it masked: ``https://***@host``."""
    return _USER_INFO.sub(rf"\1{REDACTED}@", text)


class LogScrubber(logging.Filter):
    """Scrubs every live credential from log records (installed by ``scrub_library_logs``)."""

    def filter(self, record: logging.LogRecord) -> bool:  # noqa: D102
        message = record.getMessage()
        scrubbed = redact(message, list(_LIVE.values()))
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True


_SCRUBBER = LogScrubber()


def scrub_library_logs() -> None:
    """Install the ``LogScrubber`` on the loggers of modelcatalog and the HTTP libraries (idempotent)."""
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        if _SCRUBBER not in logger.filters:
            logger.addFilter(_SCRUBBER)


def _value(secret: Secret | str | None) -> str | None:
    return secret.reveal() if isinstance(secret, Secret) else secret


@lru_cache(maxsize=32)
def _pattern(values: tuple[str, ...]) -> re.Pattern[str]:
    """One regular expression for every form of these values, longest first."""
    forms: set[str] = set()
    for value in values:
        forms |= _forms(value)
    for first, second in itertools.permutations(values, 2):  # HTTP Basic: base64 of "key:secret"
        forms |= _forms(f"{first}:{second}")
    ordered = sorted((form for form in forms if len(form) >= _MIN_REDACTABLE), key=len, reverse=True)
    return re.compile("|".join(map(_escapable, ordered)), re.IGNORECASE)


def _escapable(form: str) -> str:
    """A pattern for ``form`` that also matches it escaped (JSON, PHP, a repr): slashes after backslashes."""
    return "".join(rf"\\*{re.escape(char)}" if char in _ESCAPED else re.escape(char) for char in form)


def _forms(value: str) -> set[str]:
    """The text forms of ``value``: plain, URL-encoded, JSON-escaped, and base64 at any alignment."""
    forms = {value, quote(value), quote(value, safe=""), quote_plus(value), json.dumps(value)[1:-1]}
    raw = value.encode("utf-8")
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        whole = encode(raw).decode("ascii")
        forms |= {whole, whole.rstrip("=")}
        # Inside a longer base64 text the value starts at byte offset 0, 1 or 2 of a
        # 3-byte group; the characters that encode only its own bytes are the same
        # whatever surrounds it.
        for offset in range(3):
            encoded = encode(b"\0" * offset + raw).decode("ascii").rstrip("=")
            head = 4 if offset else 0
            tail = (offset + len(raw)) % 3
            middle = encoded[head : len(encoded) - (tail + 1 if tail else 0)]
            forms.add(middle)
    return forms
