"""Credentials that cannot leak: a ``Secret`` never prints its value, ``redact`` scrubs text."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

REDACTED = "***"
# Shorter values are not scrubbed from text: "a" would redact every "a" in a message.
_MIN_REDACTABLE = 4


class Secret:
    """A credential. ``str()``, ``repr()`` and f-strings show ``***``; ``reveal()`` the value.

    >>> key = Secret("sk-123456")
    >>> f"{key}", repr(key)
    ('***', "Secret('***')")
    >>> key.reveal()
    'sk-123456'
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

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


def redact(text: str, secrets: Iterable[Secret | str | None]) -> str:
    """Replace every occurrence of each secret (and its URL-encoded form) with ``***``."""
    from urllib.parse import quote  # noqa: PLC0415 - only needed when there is text to scrub

    for secret in secrets:
        value = secret.reveal() if isinstance(secret, Secret) else secret
        if not value or len(value) < _MIN_REDACTABLE:
            continue
        for form in {value, quote(value, safe=""), quote(value)}:
            text = text.replace(form, REDACTED)
    return text
