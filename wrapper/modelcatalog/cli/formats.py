"""How ``modelcatalog list`` prints catalog records: ndjson, json, csv, or a table for people.

ndjson and json are the schema's own keys (``msgspec.json.encode`` of the record, so
``source`` is the provider's wire record), exact; csv flattens the scalar keys for
spreadsheets, made safe to open in one: control characters are shown as the table
shows them (U+FFFD), and a cell a spreadsheet would run as a formula is prefixed with
``'`` (OWASP's advice for CSV injection). The table shows a few columns cut to the
terminal's width. ndjson, json and csv are written record by record as they arrive;
the table needs every row to size its columns.
"""

from __future__ import annotations

import csv
import unicodedata
from typing import TYPE_CHECKING, Final, Protocol

import msgspec

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime
    from typing import TextIO

    from modelcatalog_generated.catalog import ModelRecord

FORMATS: Final = ("table", "json", "ndjson", "csv")
CSV_FIELDS: Final = (
    "provider", "id", "name", "description", "kind", "base_model", "status", "visibility",
    "owner_id", "owner_name", "created_at", "updated_at", "tags", "capabilities", "context_length",
    "version", "url", "fqn", "namespace",
)  # fmt: skip
TABLE_COLUMNS: Final = ("provider", "id", "name", "kind", "status", "visibility", "created")
GAP: Final = "  "
ELLIPSIS: Final = "…"
MISSING: Final = "-"
#: the narrowest a column may be squeezed to (its content is shorter anyway when it is narrower)
_MIN_WIDTH: Final = {"provider": 11, "id": 8, "name": 6, "kind": 5, "status": 5, "visibility": 5, "created": 10}
#: which columns go first when even the narrowest widths do not fit
_DROP_ORDER: Final = ("created", "visibility", "status", "kind", "name")
#: what a spreadsheet reads as the start of a formula: OWASP's list, and the full-width
#: forms that some spreadsheets also take for operators
FORMULA_LEADS: Final = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


class Writer(Protocol):
    """Receives records one by one; ``close`` finishes the output."""

    def write(self, record: ModelRecord) -> None:
        """Print (or keep) one record."""

    def close(self) -> None:
        """Print whatever is left and flush."""


def writer_for(fmt: str, out: TextIO, *, source: bool, width: int, order: Sequence[str] = ()) -> Writer:
    """The writer for ``fmt``; ``order`` groups table rows by provider in the order given."""
    if fmt == "ndjson":
        return NdjsonWriter(out, source=source)
    if fmt == "json":
        return JsonWriter(out, source=source)
    if fmt == "csv":
        return CsvWriter(out)
    if fmt == "table":
        return TableWriter(out, width=width, order=order)
    msg = f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}"
    raise ValueError(msg)


_encode = msgspec.json.Encoder().encode


def encode(record: ModelRecord, *, source: bool) -> bytes:
    """The record as JSON with the schema's keys; without ``source`` when it is not wanted."""
    if source:
        return _encode(record)
    fields = msgspec.structs.asdict(record)
    del fields["source"]
    return _encode(fields)


class NdjsonWriter:
    """One JSON object a line, flushed as written so that ``| jq`` sees records as they come."""

    def __init__(self, out: TextIO, *, source: bool) -> None:
        self.out = out
        self.source = source

    def write(self, record: ModelRecord) -> None:
        """Print one line."""
        self.out.write(encode(record, source=self.source).decode() + "\n")
        self.out.flush()

    def close(self) -> None:
        """Flush."""
        self.out.flush()


class JsonWriter:
    """One JSON array, written element by element (a failure later still leaves a valid array)."""

    def __init__(self, out: TextIO, *, source: bool) -> None:
        self.out = out
        self.source = source
        self._count = 0

    def write(self, record: ModelRecord) -> None:
        """Print one element."""
        self.out.write(("[\n" if not self._count else ",\n") + encode(record, source=self.source).decode())
        self._count += 1

    def close(self) -> None:
        """Close the array."""
        self.out.write("\n]\n" if self._count else "[]\n")
        self.out.flush()


def _iso(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat().replace("+00:00", "Z")


def csv_cell(text: str) -> str:
    """A cell safe to open in a spreadsheet: no control characters, no formula (a leading ``'`` keeps it text)."""
    safe = _printable(text)
    return "'" + safe if text.startswith(FORMULA_LEADS) else safe


def csv_row(record: ModelRecord) -> list[str]:
    """The record's scalar fields as safe cells, in ``CSV_FIELDS`` order; lists joined with ``;``, null as empty."""
    return [csv_cell(value) for value in _csv_values(record)]


def _csv_values(record: ModelRecord) -> list[str]:
    owner = record.owner
    return [
        record.provider,
        record.id,
        record.name or "",
        record.description or "",
        record.kind or "",
        record.base_model or "",
        record.status or "",
        record.visibility or "",
        (owner.id or "") if owner is not None else "",
        (owner.name or "") if owner is not None else "",
        _iso(record.created_at),
        _iso(record.updated_at),
        ";".join(record.tags or ()),
        ";".join(record.capabilities or ()),
        "" if record.context_length is None else str(record.context_length),
        record.version or "",
        record.url or "",
        record.fqn or "",
        record.namespace or "",
    ]


class CsvWriter:
    """A header row, then one row a record (no ``source``: it is nested)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._csv = csv.writer(out, lineterminator="\n")
        self._csv.writerow(CSV_FIELDS)

    def write(self, record: ModelRecord) -> None:
        """Print one row."""
        self._csv.writerow(csv_row(record))
        self.out.flush()

    def close(self) -> None:
        """Flush."""
        self.out.flush()


# ----------------------------------------------------------------------------------
# the table


def table_row(record: ModelRecord) -> list[str]:
    """The table's cells for one record (``created`` shortened to the date)."""
    created = record.created_at.date().isoformat() if record.created_at is not None else None
    values = (record.provider, record.id, record.name, record.kind, record.status, record.visibility, created)
    return [_printable(value) if value else MISSING for value in values]


def _printable(text: str) -> str:
    """No control or format characters from a server in a person's terminal."""
    if text.isprintable():  # no character of category C (and most text is): nothing to replace
        return text
    return "".join("\ufffd" if unicodedata.category(char)[0] == "C" else char for char in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide East Asian characters take two)."""
    return len(text) if text.isascii() else sum(_char_width(char) for char in text)


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns with ``…`` where it was cut."""
    if display_width(text) <= width:
        return text
    kept: list[str] = []
    used = 0
    for char in text:
        size = _char_width(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept) + ELLIPSIS


def fit(natural: Sequence[int], minimum: Sequence[int], limit: int) -> list[int] | None:
    """Column widths whose total (with gaps) is at most ``limit``: the widest columns give way first.

    Every column is capped at one common width (never below its minimum), the largest cap
    that fits; columns the cap cut get any columns left over. None when even the minimum
    widths do not fit.
    """
    room = limit - len(GAP) * (len(natural) - 1)
    if sum(natural) <= room:
        return list(natural)
    if sum(minimum) > room:
        return None

    def capped(cap: int) -> list[int]:
        return [max(low, min(width, cap)) for width, low in zip(natural, minimum, strict=True)]

    low, high = 0, max(natural)
    while low < high:  # the largest cap that fits
        middle = (low + high + 1) // 2
        if sum(capped(middle)) <= room:
            low = middle
        else:
            high = middle - 1
    widths = capped(low)
    spare = room - sum(widths)
    for index, width in enumerate(natural):
        if spare and width > widths[index]:
            widths[index] += 1
            spare -= 1
    return widths


def layout(rows: Sequence[Sequence[str]], limit: int) -> tuple[list[int], list[int]]:
    """Which columns to show and how wide, so that every line fits in ``limit`` columns."""
    columns = list(range(len(TABLE_COLUMNS)))
    natural = [
        max([display_width(TABLE_COLUMNS[i].upper()), *(display_width(row[i]) for row in rows)]) for i in columns
    ]
    dropping = [TABLE_COLUMNS.index(name) for name in _DROP_ORDER]
    while True:
        minimum = [min(natural[i], _MIN_WIDTH[TABLE_COLUMNS[i]]) for i in columns]
        widths = fit([natural[i] for i in columns], minimum, limit)
        if widths is not None or not dropping:
            return columns, widths if widths is not None else minimum
        columns.remove(dropping.pop(0))


class TableWriter:
    """Collects rows, then prints them in columns that fit ``width``, grouped by provider."""

    def __init__(self, out: TextIO, *, width: int, order: Sequence[str] = ()) -> None:
        self.out = out
        self.width = width
        self.order = {provider: index for index, provider in enumerate(order)}
        self._rows: list[tuple[str, list[str]]] = []

    def write(self, record: ModelRecord) -> None:
        """Keep one row."""
        self._rows.append((record.provider, table_row(record)))

    def close(self) -> None:
        """Print the table (rows of one provider together; within a provider, as listed)."""
        if self.order:
            self._rows.sort(key=lambda row: self.order.get(row[0], len(self.order)))
        rows = [cells for _, cells in self._rows]
        columns, widths = layout(rows, self.width)
        header = [name.upper() for name in TABLE_COLUMNS]
        for cells in [header, *rows]:
            self.out.write(self._line(cells, columns, widths) + "\n")
        self.out.flush()

    @staticmethod
    def _line(cells: Sequence[str], columns: Sequence[int], widths: Sequence[int]) -> str:
        parts: list[str] = []
        for index, width in zip(columns, widths, strict=True):
            text = clip(cells[index], width)
            parts.append(text + " " * (width - display_width(text)))
        return GAP.join(parts).rstrip()
