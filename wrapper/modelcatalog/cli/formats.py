"""How ``modelcatalog list`` prints catalog records: ndjson, json, csv, or a table for people.

ndjson and json are the schema's own keys (``msgspec.json.encode`` of the record, so
``source`` is the provider's wire record), exact; csv flattens the scalar keys for
spreadsheets, made safe to open in one: control characters are shown as the table
shows them (U+FFFD), and a cell a spreadsheet would run as a formula is prefixed with
``'`` (OWASP's advice for CSV injection). The table shows a few columns cut to the
terminal's width. ndjson, json and csv are written record by record as they arrive and
flushed once every record received so far is written (a page at a time, not a syscall a
record); the table needs every row to size its columns.

``fields`` (``--fields id,name,created_at``) chooses what every format shows, by the
schema's key names: json and ndjson keep exactly those keys, in that order; csv and the
table those columns (``owner`` is two csv columns, ``owner_id`` and ``owner_name``;
``source`` is nested, so json and ndjson only).
"""

from __future__ import annotations

import csv
import unicodedata
from typing import TYPE_CHECKING, Final, Protocol

import msgspec

# the formats and the record's keys (which ``--fields`` chooses from) are the command's, spelled
# out where parsing needs them without importing this module
from modelcatalog.cli.list import FIELDS, FORMATS

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime
    from typing import BinaryIO, TextIO

    from modelcatalog_generated.catalog import ModelRecord

#: fields that only json and ndjson can hold
NESTED: Final = ("source",)
#: the table's columns when no fields are chosen
TABLE_FIELDS: Final = ("provider", "instance", "id", "name", "kind", "status", "visibility", "created_at")
GAP: Final = "  "
ELLIPSIS: Final = "…"
MISSING: Final = "-"
#: the narrowest a column may be squeezed to (its content is shorter anyway when it is narrower)
_MIN_WIDTH: Final = {"provider": 11, "instance": 8, "id": 8, "name": 6, "created_at": 10, "updated_at": 10}
_DEFAULT_MIN_WIDTH: Final = 5
#: columns that always stay; when even the narrowest widths do not fit, the others go from the right
_KEPT_COLUMNS: Final = 2
#: what a spreadsheet reads as the start of a formula: OWASP's list, and the full-width
#: forms that some spreadsheets also take for operators
FORMULA_LEADS: Final = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


class Writer(Protocol):
    """Receives records one by one; ``close`` finishes the output."""

    def write(self, record: ModelRecord) -> None:
        """Print (or keep) one record."""

    def flush(self) -> None:
        """Hand what was printed to the reader: the command has written every record received so far."""

    def close(self) -> None:
        """Print whatever is left and flush."""


def writer_for(
    fmt: str,
    out: TextIO,
    *,
    source: bool,
    width: int,
    order: Sequence[str] = (),
    fields: Sequence[str] | None = None,
) -> Writer:
    """The writer for ``fmt``; ``order`` groups table rows by provider in the order given.

    ``fields`` (names of ``FIELDS``; default: every one for json/ndjson/csv, a few for the
    table) are what each record shows; ``source=False`` leaves ``source`` out either way.
    """
    chosen = tuple(fields) if fields is not None else None
    if not source and chosen is not None:
        chosen = tuple(name for name in chosen if name != "source")
    if fmt in ("csv", "table") and chosen is not None and (nested := set(chosen) & set(NESTED)):
        msg = f"{', '.join(sorted(nested))} is nested: only json and ndjson can show it"
        raise ValueError(msg)
    if fmt == "ndjson":
        return NdjsonWriter(out, source=source, fields=chosen)
    if fmt == "json":
        return JsonWriter(out, source=source, fields=chosen)
    if fmt == "csv":
        return CsvWriter(out, fields=chosen)
    if fmt == "table":
        return TableWriter(out, width=width, order=order, fields=chosen or TABLE_FIELDS)
    msg = f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}"
    raise ValueError(msg)


_ENCODER = msgspec.json.Encoder()
#: bytes of JSON held before they go to the output even without a flush (a page of 10,000)
_HELD_BYTES: Final = 64 * 1024


def encodable(record: ModelRecord, *, source: bool, fields: Sequence[str] | None = None) -> object:
    """What to encode for ``record``: itself, or only ``fields`` (in their order), or all but ``source``."""
    if fields is not None:
        return {name: getattr(record, name) for name in fields}
    if source:
        return record
    keys = msgspec.structs.asdict(record)
    del keys["source"]
    return keys


class _JsonOut:
    """JSON encoded straight into bytes held for the output (no str made a record and encoded again).

    The bytes go to the output's binary buffer when there is one, after the text layer
    is flushed, so nothing printed earlier comes after them.
    """

    def __init__(self, out: TextIO, *, source: bool, fields: Sequence[str] | None = None) -> None:
        self.out = out
        #: the output's binary layer (None for a text-only stream such as StringIO)
        self._binary: BinaryIO | None = getattr(out, "buffer", None)
        self.source = source
        self.fields = fields
        self._held = bytearray()
        #: written to the output since its last flush
        self._unflushed = False

    def _add(self, record: ModelRecord, *, before: bytes = b"", after: bytes = b"") -> None:
        """Hold ``record`` as JSON between ``before`` and ``after``; write what is held once it is large."""
        self._held += before
        _ENCODER.encode_into(encodable(record, source=self.source, fields=self.fields), self._held, -1)
        self._held += after
        if len(self._held) >= _HELD_BYTES:
            self._send(flush=False)

    def _send(self, *, flush: bool) -> None:
        """Write what is held; ``flush``: and hand what is new to the reader."""
        binary = self._binary
        if self._held:
            if binary is None:
                self.out.write(self._held.decode())
            else:
                self.out.flush()
                binary.write(self._held)
            self._held.clear()
            self._unflushed = True
        if flush and self._unflushed:
            (binary or self.out).flush()
            self._unflushed = False

    def flush(self) -> None:
        """Hand what was printed so far to the reader."""
        self._send(flush=True)


class NdjsonWriter(_JsonOut):
    """One JSON object a line; ``| jq`` sees each page's records as they come (``flush``)."""

    def write(self, record: ModelRecord) -> None:
        """Print one line."""
        self._add(record, after=b"\n")

    def close(self) -> None:
        """Flush."""
        self.flush()


class JsonWriter(_JsonOut):
    """One JSON array, written element by element (a failure later still leaves a valid array)."""

    def __init__(self, out: TextIO, *, source: bool, fields: Sequence[str] | None = None) -> None:
        super().__init__(out, source=source, fields=fields)
        self._count = 0

    def write(self, record: ModelRecord) -> None:
        """Print one element."""
        self._add(record, before=b",\n" if self._count else b"[\n")
        self._count += 1

    def close(self) -> None:
        """Close the array."""
        self._held += b"\n]\n" if self._count else b"[]\n"
        self.flush()


def _iso(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat().replace("+00:00", "Z")


def csv_cell(text: str) -> str:
    """A cell safe to open in a spreadsheet: no control characters, no formula (a leading ``'`` keeps it text)."""
    safe = _printable(text)
    return "'" + safe if text.startswith(FORMULA_LEADS) else safe


def csv_columns(fields: Sequence[str]) -> tuple[str, ...]:
    """The csv header for ``fields``: ``owner`` is two columns, ``owner_id`` and ``owner_name``."""
    return tuple(column for name in fields for column in (("owner_id", "owner_name") if name == "owner" else (name,)))


#: the csv header without ``--fields``: every field but the nested ones
CSV_FIELDS: Final = csv_columns([name for name in FIELDS if name not in NESTED])


def text_of(record: ModelRecord, column: str) -> str:
    """A field (or csv column) as text: lists joined with ``;``, times in ISO 8601, null as empty."""
    if column in ("owner_id", "owner_name"):
        owner = record.owner
        return (getattr(owner, column.removeprefix("owner_")) or "") if owner is not None else ""
    value = getattr(record, column)
    if value is None:
        return ""
    if isinstance(value, (str, int)):  # a context length is a whole number; a tuple, not a union: per cell
        return str(value)
    if isinstance(value, (list, tuple)):
        return ";".join(value)
    if column == "owner":
        return value.name or value.id or ""
    return _iso(value)


def csv_row(record: ModelRecord, columns: Sequence[str]) -> list[str]:
    """The record's ``columns`` as safe cells (``CSV_FIELDS`` by default)."""
    return [csv_cell(text_of(record, column)) for column in columns]


class CsvWriter:
    """A header row, then one row a record (no ``source``: it is nested)."""

    def __init__(self, out: TextIO, *, fields: Sequence[str] | None = None) -> None:
        self.out = out
        self.columns = CSV_FIELDS if fields is None else csv_columns(fields)
        self._csv = csv.writer(out, lineterminator="\n")
        self._csv.writerow(self.columns)

    def write(self, record: ModelRecord) -> None:
        """Print one row."""
        self._csv.writerow(csv_row(record, self.columns))

    def flush(self) -> None:
        """Hand the rows printed so far to the reader."""
        self.out.flush()

    def close(self) -> None:
        """Flush."""
        self.out.flush()


# ----------------------------------------------------------------------------------
# the table


def table_row(record: ModelRecord, fields: Sequence[str]) -> list[str]:
    """The table's cells for one record (times shortened to the date)."""
    cells = []
    for name in fields:
        text = text_of(record, name)
        if name in ("created_at", "updated_at") and text:
            text = text[:10]
        cells.append(_printable(text) if text else MISSING)
    return cells


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


def layout(rows: Sequence[Sequence[str]], limit: int, fields: Sequence[str]) -> tuple[list[int], list[int]]:
    """Which columns to show and how wide, so that every line fits in ``limit`` columns.

    The default table shows the instance column only when some row's instance is not its
    provider's name (a named instance).
    """
    columns = list(range(len(fields)))
    natural = [max([display_width(fields[i].upper()), *(display_width(row[i]) for row in rows)]) for i in columns]
    if tuple(fields) == TABLE_FIELDS and all(row[0] == row[1] for row in rows):
        columns.remove(TABLE_FIELDS.index("instance"))
    dropping = columns[_KEPT_COLUMNS:][::-1]
    while True:
        minimum = [min(natural[i], _MIN_WIDTH.get(fields[i], _DEFAULT_MIN_WIDTH)) for i in columns]
        widths = fit([natural[i] for i in columns], minimum, limit)
        if widths is not None or not dropping:
            return columns, widths if widths is not None else minimum
        columns.remove(dropping.pop(0))


class TableWriter:
    """Collects rows, then prints them in columns that fit ``width``, grouped by provider."""

    def __init__(self, out: TextIO, *, width: int, order: Sequence[str] = (), fields: Sequence[str]) -> None:
        self.out = out
        self.width = width
        self.fields = tuple(fields)
        self.order = {provider: index for index, provider in enumerate(order)}
        self._rows: list[tuple[str, list[str]]] = []

    def write(self, record: ModelRecord) -> None:
        """Keep one row."""
        self._rows.append((record.instance, table_row(record, self.fields)))

    def flush(self) -> None:
        """Nothing yet: the table is printed whole by ``close``."""

    def close(self) -> None:
        """Print the table (rows of one provider together; within a provider, as listed)."""
        if self.order:
            self._rows.sort(key=lambda row: self.order.get(row[0], len(self.order)))
        rows = [cells for _, cells in self._rows]
        columns, widths = layout(rows, self.width, self.fields)
        header = [name.upper() for name in self.fields]
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
