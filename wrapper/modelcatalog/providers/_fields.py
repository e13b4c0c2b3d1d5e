"""What every provider's normalizer shares: reading a provider's loosely typed fields into the catalog's.

Here rather than in ``modelcatalog.catalog.normalization`` (which re-exports them) so that
importing a provider module does not load the catalog layer.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from modelcatalog.errors import ModelCatalogError

Visibility = Literal["public", "unlisted", "shared", "private"]


class UnidentifiedRecordError(ModelCatalogError, ValueError):
    """A record without the identifier the catalog needs (ModelsLab's model_id is optional in its spec)."""


def as_utc(moment: datetime | Any) -> datetime | None:  # noqa: ANN401 - a decoded field may be UNSET
    """An aware UTC datetime; a naive one is taken as UTC (the providers document UTC); not a datetime: None."""
    if moment.__class__ is not datetime:
        return None
    tz = moment.tzinfo
    if tz is UTC:
        return moment
    if tz is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def as_text(value: object) -> str | None:
    """``value`` when it is a string, else None (absent, null, or another type)."""
    return value if value.__class__ is str else None


def as_int(value: object) -> int | None:
    """``value`` when it is an integer (not a bool), else None."""
    return value if value.__class__ is int else None  # a bool is an int too, but its class is bool


def from_epoch(seconds: object) -> datetime | None:
    """Whole epoch seconds -> an aware UTC datetime; anything else, or out of range: None."""
    if seconds.__class__ is not int:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None  # not a time this machine can represent: unknown, not invented


def parse_loose_datetime(value: object) -> datetime | None:
    """An ISO 8601 date or date-time (``Z``, offsets, a space for ``T``) in UTC; anything else None."""
    if value.__class__ is not str or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return as_utc(moment)
