"""What every provider's normalizer shares, and ``normalize(provider, record)``.

Each provider module writes its own normalizer (``ListOperation.normalize``), one small
function a record type, as straight attribute reads: records arrive by the ten thousand,
so nothing builds an intermediate dict or copies a list (the record's ``tags`` may be the
very list held by ``source``). A value the provider does not give stays ``None``; nothing
is guessed. ``record.source`` holds the provider's own msgspec record, so
``msgspec.json.encode(record)`` writes it back in the provider's wire form and nothing
the normalized fields leave out is lost.

The helpers normalizers share (``as_text``, ``as_utc``, ...) live in
``modelcatalog.providers._fields``, so a provider module loads without this layer;
they are importable from here too.

``FIELD_SOURCES`` says, for each provider, where every catalog field comes from (each
provider module's ``field_sources``); the tests hold the README's mapping table to it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from modelcatalog.providers import NAMES, get_provider
from modelcatalog.providers._fields import (
    UnidentifiedRecordError,
    Visibility,
    as_int,
    as_text,
    as_utc,
    from_epoch,
    parse_loose_datetime,
)

if TYPE_CHECKING:
    from modelcatalog_generated.catalog import ModelRecord


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


__all__ = [
    "FIELD_SOURCES",
    "UnidentifiedRecordError",
    "Visibility",
    "as_int",
    "as_text",
    "as_utc",
    "from_epoch",
    "normalize",
    "parse_loose_datetime",
]
