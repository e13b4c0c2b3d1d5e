"""What every provider's normalizer shares, and ``normalize(provider, record)``.

Each provider module writes its own normalizer (``ListOperation.normalize``), one small
function a record type, as straight attribute reads: records arrive by the ten thousand,
so nothing builds an intermediate dict or copies a list (the record's ``tags`` may be the
very list held by ``source``). A value the provider does not give stays ``None``; nothing
is guessed. ``record.source`` holds the provider's own msgspec record, so
``msgspec.json.encode(record)`` writes it back in the provider's wire form and nothing
the normalized fields leave out is lost.

``FIELD_SOURCES`` says, for each provider, where every catalog field comes from (each
provider module's ``field_sources``); the tests hold the README's mapping table to it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from modelcatalog.errors import ModelCatalogError
from modelcatalog.providers import NAMES, get_provider

if TYPE_CHECKING:
    from modelcatalog_generated.catalog import ModelRecord

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
    return value if isinstance(value, int) and value.__class__ is int else None  # a bool is an int too


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


class _FieldSources(Mapping[str, Mapping[str, str]]):
    """Provider -> catalog field -> where its value comes from; each provider's module read on first use."""

    def __getitem__(self, provider: str) -> Mapping[str, str]:
        if provider not in NAMES:
            raise KeyError(provider)
        return get_provider(provider).field_sources

    def __iter__(self) -> Iterator[str]:
        return iter(NAMES)

    def __len__(self) -> int:
        return len(NAMES)


FIELD_SOURCES: Mapping[str, Mapping[str, str]] = _FieldSources()


def normalize(provider: str, record: object) -> ModelRecord:
    """A record as ``Client(provider).list_models()`` yields it -> ``ModelRecord``."""
    return get_provider(provider).normalize(record)
