"""Things a listing noticed without failing: off-spec responses and pagination anomalies.

Each is reported once per listing: as a Python warning (so it shows up in logs and
can be turned into an error with ``-W error``) and as an event a caller can collect
by passing ``on_event=``. A record with an unknown field or enum value is still
returned, whole. Some events mean records are missing (``event.incomplete``): a record
left out because it does not match the spec, or a listing that stopped early; the
sink keeps those, so that the listing can say it is incomplete.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Literal

import msgspec

from modelcatalog.errors import FromSource, source_label


class ModelCatalogWarning(UserWarning):
    """Base class of the warnings modelcatalog emits."""


class OffSpecWarning(ModelCatalogWarning):
    """A response carried a field, an enum value or a record the vendored spec does not describe."""


class ExtensionFieldWarning(OffSpecWarning):
    """A record carried a field its server adds by design (an OpenAI-compatible server's own); it is kept."""


class PaginationWarning(ModelCatalogWarning):
    """The server's pages were inconsistent; the listing handled it and says how."""


class InsecureTransportWarning(ModelCatalogWarning):
    """Credentials are about to travel over plain http."""


class OffSpecEvent(FromSource, msgspec.Struct, frozen=True):
    """Something in a response that the provider's spec does not describe: it is *off-spec*.

    - ``unknown_field`` / ``unknown_enum_value``: ``location`` is a schema-level path
      such as ``Model.type``; ``value`` is the unknown field's name or enum value. The
      record is kept, whole.
    - ``extension_field``: a field the spec does not list on a record whose servers add
      fields by design (OpenAI-compatible ones); ``value`` is its name. Its value is kept in
      the record's ``extensions``. ``Client(..., report_extensions=False)`` silences these.
    - ``invalid_record``: a record that does not match the spec was left out (the rest
      of its page is kept); ``location`` is the JSON path of the first problem, such as
      ``$.models[3].class.status``, ``value`` the record's id ("" when unreadable) and
      ``detail`` what is wrong there.

    ``instance`` is the name of the client that listed it (the provider's name unless named).
    """

    provider: str
    operation: str
    kind: Literal["unknown_field", "unknown_enum_value", "invalid_record", "extension_field"]
    location: str
    value: str
    detail: str = ""
    instance: str = ""

    @property
    def incomplete(self) -> bool:
        """Whether this event leaves the listing incomplete (a record was left out)."""
        return self.kind == "invalid_record"

    def describe(self) -> str:
        """One line for a person."""
        where = f"{source_label(self.provider, self.instance)} {self.operation}"
        if self.kind == "invalid_record":
            record = f"record {self.value!r}" if self.value else "a record without a readable id"
            return f"{where}: {record} left out: it does not match the spec at {self.location}: {self.detail}"
        if self.kind == "extension_field":
            return f"{where}: field {self.value!r} at {self.location} is this server's own (kept in extensions)"
        what = "field" if self.kind == "unknown_field" else "enum value"
        return f"{where}: unknown {what} {self.value!r} at {self.location} (off-spec)"


PaginationKind = Literal[
    "repeated_cursor",
    "short_page",
    "empty_page",
    "no_progress",
    "total_changed",
    "total_below_received",
    "duplicate_item",
    "page_limit_reached",
    "deadline_reached",
]
#: the kinds after which the listing stopped before the server's end: it is incomplete
STOPPING_KINDS: frozenset[PaginationKind] = frozenset(
    {"repeated_cursor", "empty_page", "no_progress", "page_limit_reached", "deadline_reached"}
)


class PaginationEvent(FromSource, msgspec.Struct, frozen=True):
    """An inconsistency between pages, or a bound that was reached, and what the listing did about it.

    Kinds that stop the listing early (``STOPPING_KINDS``: a cursor that came back, an
    empty page before the promised end, a page with nothing new, the page cap, the
    deadline) make it incomplete; the others are reported and the listing goes on.
    ``instance`` is the name of the client that listed it (the provider's name unless named).
    """

    provider: str
    operation: str
    kind: PaginationKind
    detail: str
    instance: str = ""

    @property
    def incomplete(self) -> bool:
        """Whether this event leaves the listing incomplete (it stopped before the server's end)."""
        return self.kind in STOPPING_KINDS

    def describe(self) -> str:
        """One line for a person."""
        where = source_label(self.provider, self.instance)
        return f"{where} {self.operation}: {self.kind.replace('_', ' ')}: {self.detail}"


Event = OffSpecEvent | PaginationEvent
EventHandler = Callable[[Event], None]


class EventSink:
    """Deduplicates events and sends each to the warning system and the caller's handler.

    One sink serves one listing; ``incomplete`` keeps the events that mean records are
    missing from it, in the order they happened. Events are stamped with the listing
    client's ``instance`` name. Events of a ``silenced`` kind are dropped.
    """

    def __init__(
        self,
        handler: EventHandler | None = None,
        *,
        scrub: Callable[[str], str] | None = None,
        instance: str | None = None,
        silenced: frozenset[str] = frozenset(),
    ) -> None:
        self._handler = handler
        self._scrub = scrub
        self._instance = instance
        self._silenced = silenced
        self._seen: set[Event] = set()
        self.incomplete: list[Event] = []

    def scrub(self, text: str) -> str:
        """``text`` without the listing's credentials: for text about to be cut, which ``emit`` could not scrub."""
        return text if self._scrub is None else self._scrub(text)

    def emit(self, event: Event) -> None:
        """Report ``event`` unless this listing already reported the same one.

        Its text is scrubbed of the listing's credentials first: a cursor, a record's id
        or a field name may be a server's echo of one.
        """
        if event.kind in self._silenced:
            return
        if self._scrub is not None:
            event = _scrubbed(event, self._scrub)
        if self._instance is not None and event.instance != self._instance:
            event = msgspec.structs.replace(event, instance=self._instance)
        if event in self._seen:
            return
        self._seen.add(event)
        if event.incomplete:
            self.incomplete.append(event)
        category: type[ModelCatalogWarning] = PaginationWarning
        if isinstance(event, OffSpecEvent):
            category = ExtensionFieldWarning if event.kind == "extension_field" else OffSpecWarning
        warnings.warn(event.describe(), category, stacklevel=2)
        if self._handler is not None:
            self._handler(event)


def _scrubbed(event: Event, scrub: Callable[[str], str]) -> Event:
    """``event`` with every text field scrubbed (the same object when nothing changed)."""
    changes = {
        f.name: cleaned
        for f in msgspec.structs.fields(event)
        if isinstance(value := getattr(event, f.name), str) and (cleaned := scrub(value)) != value
    }
    return msgspec.structs.replace(event, **changes) if changes else event


#: the names from before "drift" came to mean only generated code that differs from specs/ (still importable)
DriftEvent = OffSpecEvent
RuntimeDriftWarning = OffSpecWarning
