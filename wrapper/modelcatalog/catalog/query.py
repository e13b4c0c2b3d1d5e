"""One ``Query`` for every provider: applied on the client always, pushed to the server where that is safe.

The client-side check (``Query.matches``) defines the result. A provider's own filters
are sent only where they can return *more* records than the query wants, never fewer:
the client filter then removes the extra, so the results are the same with pushdown on
or off (``Query(..., pushdown=False)``), only the amount of data moved differs.
``plan(query, provider)`` says what is sent: it asks the provider's own planner
(``Provider.plan``, in its module, written from its docs).

Matching rules: ``text`` is a case-insensitive substring of the name or the id;
``name`` is the exact name; every tag in ``tags`` must be on the record (exact, case
sensitive); ``kind``, ``status`` and ``visibility`` accept any of their values; ``*_since``
bounds are inclusive, ``*_until`` bounds exclusive, and a record whose date is unknown
does not match a date bound. Sorting puts unknown values last in either direction and
breaks ties by provider and id, so a sorted listing is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final, Literal

import msgspec

from modelcatalog.providers import NAMES, get_provider

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Mapping

    from modelcatalog_generated.catalog import ModelRecord

SortField = Literal["provider", "id", "name", "kind", "status", "visibility", "created_at", "updated_at"]
SORT_FIELDS: Final[tuple[str, ...]] = (
    "provider", "id", "name", "kind", "status", "visibility", "created_at", "updated_at",
)  # fmt: skip
VISIBILITIES: Final[tuple[str, ...]] = ("public", "unlisted", "shared", "private")

#: how far pushed date bounds are widened: a server that rounds a bound to its own
#: precision (milliseconds at Scenario) can then only return more records, never fewer
DATE_SLACK: Final = timedelta(milliseconds=1)


class Sort(msgspec.Struct, frozen=True):
    """Sort by ``field``, ascending unless ``descending``."""

    field: SortField
    descending: bool = False

    @classmethod
    def parse(cls, text: str) -> Sort:
        """``"name"``, ``"-created_at"`` (descending), or ``"created_at:desc"``."""
        spec = text.strip()
        descending = spec.startswith("-")
        spec = spec.removeprefix("-")
        if ":" in spec:
            spec, _, direction = spec.partition(":")
            if direction not in ("asc", "desc"):
                msg = f"sort direction must be asc or desc, got {direction!r}"
                raise ValueError(msg)
            descending = direction == "desc"
        if spec not in SORT_FIELDS:
            msg = f"cannot sort by {spec!r}; choose one of {', '.join(SORT_FIELDS)}"
            raise ValueError(msg)
        return cls(spec, descending)  # type: ignore[arg-type]

    def __str__(self) -> str:
        return f"{'-' if self.descending else ''}{self.field}"


def _names(
    value: str | Iterable[str] | None, what: str, allowed: Collection[str] | None = None
) -> frozenset[str] | None:
    if value is None:
        return None
    names = frozenset([value] if isinstance(value, str) else value)
    if allowed is not None and not names <= set(allowed):
        msg = f"unknown {what} {sorted(names - set(allowed))}; known: {', '.join(allowed)}"
        raise ValueError(msg)
    return names


def _aware(name: str, value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        msg = f"{name} must be timezone-aware (e.g. datetime(..., tzinfo=UTC)), got {value!r}"
        raise ValueError(msg)
    return value


# a dataclass, unlike the library's other value types: its __init__ normalizes text forms, a Struct's cannot be replaced
@dataclass(frozen=True, init=False)
class Query:
    """What to list, across providers. Every criterion is optional; all given must hold.

    Sets (``providers``, ``kind``, ``status``, ``visibility``) take one value or several;
    ``sort`` takes a ``Sort`` or its text form (``"-created_at"``). ``pushdown=False``
    sends no filter to any server (the results are the same; the traffic is not).
    """

    providers: frozenset[str] | None
    text: str | None
    name: str | None
    tags: tuple[str, ...]
    kind: frozenset[str] | None
    status: frozenset[str] | None
    visibility: frozenset[str] | None
    created_since: datetime | None
    created_until: datetime | None
    updated_since: datetime | None
    updated_until: datetime | None
    sort: Sort | None
    limit: int | None
    pushdown: bool
    _field_check: Callable[[ModelRecord], bool] | None = field(repr=False, compare=False)

    def __init__(
        self,
        *,
        providers: str | Iterable[str] | None = None,
        text: str | None = None,
        name: str | None = None,
        tags: str | Iterable[str] = (),
        kind: str | Iterable[str] | None = None,
        status: str | Iterable[str] | None = None,
        visibility: str | Iterable[str] | None = None,
        created_since: datetime | None = None,
        created_until: datetime | None = None,
        updated_since: datetime | None = None,
        updated_until: datetime | None = None,
        sort: Sort | str | None = None,
        limit: int | None = None,
        pushdown: bool = True,
    ) -> None:
        if limit is not None and limit < 0:
            msg = f"limit must be >= 0, got {limit}"
            raise ValueError(msg)
        values: dict[str, Any] = {
            "providers": _names(providers, "provider(s)", NAMES),
            "text": text or None,
            "name": name,
            "tags": (tags,) if isinstance(tags, str) else tuple(tags),
            "kind": _names(kind, "kind"),
            "status": _names(status, "status"),
            "visibility": _names(visibility, "visibility", VISIBILITIES),
            "created_since": _aware("created_since", created_since),
            "created_until": _aware("created_until", created_until),
            "updated_since": _aware("updated_since", updated_since),
            "updated_until": _aware("updated_until", updated_until),
            "sort": Sort.parse(sort) if isinstance(sort, str) else sort,
            "limit": limit,
            "pushdown": pushdown,
        }
        for key, value in values.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "_field_check", _every(tuple(self._compile())))

    def _compile(self) -> Iterable[Callable[[ModelRecord], bool]]:
        """One closure a criterion on a record's fields given: ``matches`` then runs only what was asked."""
        if self.text is not None:
            needle = self.text.casefold()
            yield lambda r: needle in r.id.casefold() or (r.name is not None and needle in r.name.casefold())
        if self.name is not None:
            exact = self.name
            yield lambda r: r.name == exact
        if self.tags:
            wanted = frozenset(self.tags)
            yield lambda r: r.tags is not None and wanted.issubset(r.tags)
        for attribute in ("kind", "status", "visibility"):
            accepted = getattr(self, attribute)
            if accepted is not None:
                yield _member_check(attribute, accepted)
        for attribute in ("created", "updated"):
            since, until = getattr(self, f"{attribute}_since"), getattr(self, f"{attribute}_until")
            if since is not None or until is not None:
                yield _date_check(f"{attribute}_at", since, until)

    def matches(self, record: ModelRecord) -> bool:
        """Whether ``record`` meets every criterion (the definition of the result)."""
        if self.providers is not None and record.provider not in self.providers:
            return False
        return self._field_check is None or self._field_check(record)

    @property
    def field_check(self) -> Callable[[ModelRecord], bool] | None:
        """``matches`` for a record of a provider the query wants: its other criteria; None when there are none.

        A listing asks only those providers, so a query of providers alone calls nothing a record.
        """
        return self._field_check

    def order(self, records: Iterable[ModelRecord]) -> list[ModelRecord]:
        """Sorted as asked (unknown values last, ties by provider and id), cut to ``limit``."""
        ordered = sorted(records, key=_identity)
        if self.sort is not None:
            key = _SORT_KEYS[self.sort.field]
            known = [r for r in ordered if getattr(r, self.sort.field) is not None]
            unknown = [r for r in ordered if getattr(r, self.sort.field) is None]
            known.sort(key=key, reverse=self.sort.descending)  # stable: ties keep (provider, id) order
            ordered = known + unknown
        return ordered if self.limit is None else ordered[: self.limit]

    @property
    def needs_everything(self) -> bool:
        """A sorted query must see every match before it can yield the first one."""
        return self.sort is not None


def _every(checks: tuple[Callable[[ModelRecord], bool], ...]) -> Callable[[ModelRecord], bool] | None:
    """The checks as one function: None for none, the check itself for one."""
    if len(checks) <= 1:
        return checks[0] if checks else None

    def every(record: ModelRecord) -> bool:
        return all(check(record) for check in checks)

    return every


def _member_check(attribute: str, accepted: frozenset[str]) -> Callable[[ModelRecord], bool]:
    def check(record: ModelRecord) -> bool:
        return getattr(record, attribute) in accepted

    return check


def _date_check(attribute: str, since: datetime | None, until: datetime | None) -> Callable[[ModelRecord], bool]:
    low = since
    high = until

    def check(record: ModelRecord) -> bool:
        moment: datetime | None = getattr(record, attribute)
        if moment is None:
            return False
        return (low is None or moment >= low) and (high is None or moment < high)

    return check


def _identity(record: ModelRecord) -> tuple[str, str]:
    return (record.provider, record.id)


def _text_key(attribute: str) -> Callable[[ModelRecord], tuple[str, str]]:
    def key(record: ModelRecord) -> tuple[str, str]:
        value: str = getattr(record, attribute)
        return (value.casefold(), value)

    return key


_SORT_KEYS: Final[Mapping[str, Callable[[ModelRecord], Any]]] = {
    "provider": lambda r: r.provider,
    "id": _text_key("id"),
    "name": _text_key("name"),
    "kind": _text_key("kind"),
    "status": _text_key("status"),
    "visibility": lambda r: r.visibility,
    "created_at": lambda r: r.created_at,
    "updated_at": lambda r: r.updated_at,
}


# ----------------------------------------------------------------------------------
# What each provider is sent


class Request(msgspec.Struct, frozen=True):
    """One listing to run against a provider: which operation, with which provider filters.

    ``operation`` is one of the provider's operation names (None: every operation);
    ``pushed`` names the query criteria the server applies too (the client applies them
    again).
    """

    operation: str | None = None
    filters: Mapping[str, Any] = msgspec.field(default_factory=dict)
    pushed: tuple[str, ...] = ()


def plan(query: Query, provider: str) -> list[Request]:
    """The listings that cover ``query`` at ``provider``; an empty list when none can match."""
    if query.providers is not None and provider not in query.providers:
        return []
    planner = get_provider(provider).plan
    if planner is None:
        return [Request()]
    return planner(query)


def stop_after(query: Query) -> int | None:
    """How many matches one provider needs to deliver before it can stop (None: all)."""
    if query.limit is None or query.needs_everything:
        return None
    return max(query.limit, 0)


__all__ = ["DATE_SLACK", "SORT_FIELDS", "VISIBILITIES", "Query", "Request", "Sort", "plan", "stop_after"]
