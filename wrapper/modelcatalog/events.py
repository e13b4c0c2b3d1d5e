"""Things a listing noticed without failing: runtime drift and pagination anomalies.

Each is reported once per listing: as a Python warning (so it shows up in logs and
can be turned into an error with ``-W error``) and as an event a caller can collect
by passing ``on_event=``. A record with an unknown field or enum value is still
returned, whole.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal


class ModelCatalogWarning(UserWarning):
    """Base class of the warnings modelcatalog emits."""


class RuntimeDriftWarning(ModelCatalogWarning):
    """A response carried a field or enum value the vendored spec does not know."""


class PaginationWarning(ModelCatalogWarning):
    """The server's pages were inconsistent; the listing handled it and says how."""


class InsecureTransportWarning(ModelCatalogWarning):
    """Credentials are about to travel over plain http."""


@dataclass(frozen=True)
class DriftEvent:
    """A field or enum value in a response that the provider's spec does not list.

    ``location`` is a schema-level path such as ``Model.type``; ``value`` is the
    unknown enum value, or the unknown field's name.
    """

    provider: str
    operation: str
    kind: Literal["unknown_field", "unknown_enum_value"]
    location: str
    value: str

    def describe(self) -> str:
        """One line for a person."""
        what = "field" if self.kind == "unknown_field" else "enum value"
        return f"{self.provider} {self.operation}: unknown {what} {self.value!r} at {self.location} (runtime drift)"


@dataclass(frozen=True)
class PaginationEvent:
    """An inconsistency between pages, and what the listing did about it."""

    provider: str
    operation: str
    kind: Literal[
        "repeated_cursor", "short_page", "empty_page", "total_changed", "duplicate_item", "page_limit_reached"
    ]
    detail: str

    def describe(self) -> str:
        """One line for a person."""
        return f"{self.provider} {self.operation}: {self.kind.replace('_', ' ')}: {self.detail}"


Event = DriftEvent | PaginationEvent
EventHandler = Callable[[Event], None]


class EventSink:
    """Deduplicates events and sends each to the warning system and the caller's handler."""

    def __init__(self, handler: EventHandler | None = None) -> None:
        self._handler = handler
        self._seen: set[Event] = set()

    def emit(self, event: Event) -> None:
        """Report ``event`` unless this listing already reported the same one."""
        if event in self._seen:
            return
        self._seen.add(event)
        category = RuntimeDriftWarning if isinstance(event, DriftEvent) else PaginationWarning
        warnings.warn(event.describe(), category, stacklevel=2)
        if self._handler is not None:
            self._handler(event)
