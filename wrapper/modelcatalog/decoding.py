"""Turn a response body into the generated decoding Structs, or into a typed error.

``responses.check_response`` has already decided the body is the operation's answer
(a success status, not an HTML page, no error the provider reports in its own words);
what is left here is whether it is JSON of the spec's shape.

The fast path is one msgspec decode (in C, types checked as it goes, the cycle
collector paused). The generated Structs forbid unknown fields, so a response the
spec fully describes decodes in that one pass. Anything else takes the slow path:
decode to plain JSON values, report each unknown field as off-spec and set it
aside, then convert. Unknown values of the enums the spec lists are reported from the
decoded Structs.

What is still wrong after that costs as little as it can. A broken envelope (no record
list, a missing total) is a ``SchemaMismatchError`` that says where, with the body
attached. A record that does not match the spec costs that record only: the page's
records are converted one by one, each bad one is left out and reported as a
``OffSpecEvent`` (``invalid_record``, with its id and JSON path), which makes the listing
incomplete. ``strict=True`` raises ``SchemaMismatchError`` for a bad record instead.
Only a failing page takes these slower paths; a page that matches decodes in one pass.
"""

from __future__ import annotations

import gc
import re
import types
import typing
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, Generic, Literal, TypeVar

import msgspec

from modelcatalog.errors import NotJSONError, SchemaMismatchError
from modelcatalog.events import OffSpecEvent

if TYPE_CHECKING:
    from collections.abc import Iterator

    from modelcatalog.context import OperationContext

E = TypeVar("E")
_PATH = re.compile(r" - at `(?P<path>[^`]*)`$")
#: how much of a bad record's id and of the reason a report quotes (a server may send megabytes)
_QUOTED_ID_CHARS = 100
_QUOTED_REASON_CHARS = 200
#: the field of an extensible record type that holds the fields its server added
_EXTENSIONS = "extensions"


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cycle collector while a page decodes (acyclic data; several times faster)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Records(msgspec.Struct, frozen=True):
    """Where an envelope keeps its records, so that one bad record can be left out alone."""

    #: the envelope field (wire name) holding the list; None when the body is the list
    field: str | None
    #: the record field (wire name) that names a record in a report
    id_field: str = "id"
    #: the record type's ``extensions`` field receives the fields the spec does not list
    #: (reported as ``extension_field``), instead of their being set aside as unknown
    extensions: bool = False


class ResponseDecoder(Generic[E]):
    """Decodes one operation's success body into its generated envelope Struct.

    With ``records``, a record that does not match the spec is left out and reported
    (unless ``decode(strict=True)``); without, it fails the whole page.
    """

    def __init__(
        self, envelope: type[E], known_values: dict[str, dict[str, frozenset[object]]], records: Records | None = None
    ) -> None:
        self._envelope = envelope
        self._decoder = msgspec.json.Decoder(envelope)
        self._shapes = _Shapes(known_values)
        self._root = _unwrap(msgspec.inspect.type_info(envelope))
        probe = _enum_probe(self._root, known_values, {})
        self._probe = msgspec.json.Decoder(probe) if probe is not None else None
        self._records = records
        self._record_type: Any = None  # one record's type: what a bad page is converted to record by record
        self._records_attr = ""
        if records is not None:
            self._record_type, self._records_attr = _record_type(envelope, records)

    def decode(self, body: bytes, ctx: OperationContext, *, status: int = 200, strict: bool = False) -> E:
        """The decoded envelope; unknown fields and enum values are reported to ``ctx.sink``.

        A record that does not match the spec is left out and reported, or with
        ``strict`` raises ``SchemaMismatchError``.
        """
        return self.decode_counting(body, ctx, status=status, strict=strict)[0]

    def decode_counting(
        self, body: bytes, ctx: OperationContext, *, status: int = 200, strict: bool = False
    ) -> tuple[E, int]:
        """``decode``, and how many records were left out (the pager counts them as received)."""
        left_out = 0
        try:
            with _collector_paused():
                decoded = self._decoder.decode(body)
                enums_known = self._enums_all_listed(body)
        except msgspec.ValidationError:
            decoded, left_out = self._slow_path(body, ctx, status, strict=strict)
            enums_known = self._enums_all_listed(body)  # the probe skips unknown fields: it holds here too
        except (msgspec.DecodeError, UnicodeDecodeError) as exc:  # msgspec raises the latter inside strings
            raise _not_json(body, ctx, status, exc) from None
        except RecursionError:
            raise _too_deep(body, ctx, status) from None
        if not enums_known:
            # some enum has a value the spec does not list: find and report each one
            self._shapes.check_enums(decoded, self._root, ctx)
        return decoded, left_out

    def _enums_all_listed(self, body: bytes) -> bool:
        if self._probe is None:
            return True
        try:
            self._probe.decode(body)
        except (msgspec.ValidationError, RecursionError):
            return False
        return True

    def _slow_path(self, body: bytes, ctx: OperationContext, status: int, *, strict: bool) -> tuple[E, int]:
        try:
            raw = msgspec.json.decode(body)
        except (msgspec.DecodeError, UnicodeDecodeError) as exc:  # the fast path stopped before the damage
            raise _not_json(body, ctx, status, exc) from None
        except RecursionError:
            raise _too_deep(body, ctx, status) from None
        extensible = self._record_type if self._records is not None and self._records.extensions else None
        self._shapes.set_aside_unknown_fields(raw, self._root, ctx, extensible=extensible)
        try:
            with _collector_paused():
                return msgspec.convert(raw, self._envelope), 0
        except RecursionError:
            raise _too_deep(body, ctx, status) from None
        except msgspec.ValidationError as exc:
            if strict or self._records is None:
                raise _mismatch(exc, body, ctx, status) from None
            return self._record_by_record(raw, self._records, ctx, body=body, status=status, first=exc)

    def _record_by_record(
        self, raw: Any, records: Records, ctx: OperationContext, *, body: bytes, status: int, first: Exception
    ) -> tuple[E, int]:
        """The envelope with each record converted alone, and how many were left out (each is reported)."""
        if records.field is None:
            items = raw if isinstance(raw, list) else None
        else:
            items = raw.get(records.field) if isinstance(raw, dict) else None
        if not isinstance(items, list):
            raise _mismatch(first, body, ctx, status) from None  # no record list: the envelope is broken
        try:
            with _collector_paused():
                shell = msgspec.convert([] if records.field is None else {**raw, records.field: []}, self._envelope)
        except msgspec.ValidationError as exc:
            raise _mismatch(exc, body, ctx, status) from None  # the envelope itself does not match
        prefix = "$" if records.field is None else f"$.{records.field}"
        kept: list[Any] = []
        with _collector_paused():
            for index, item in enumerate(items):
                try:
                    kept.append(msgspec.convert(item, self._record_type))
                except (msgspec.ValidationError, RecursionError) as exc:
                    ctx.sink.emit(_invalid_record(ctx, item, f"{prefix}[{index}]", records.id_field, exc))
        left_out = len(items) - len(kept)
        if records.field is None:
            return kept, left_out  # type: ignore[return-value]  # the envelope is the list of records
        return msgspec.structs.replace(shell, **{self._records_attr: kept}), left_out  # type: ignore[type-var]


def _record_type(envelope: Any, records: Records) -> tuple[Any, str]:
    """The type of one record, and the envelope's attribute holding the list (by ``records.field``)."""
    if records.field is None:
        return _list_item(envelope), ""
    for info in msgspec.structs.fields(envelope):
        if info.encode_name == records.field:
            return _list_item(info.type), info.name
    msg = f"{envelope.__name__} has no field {records.field!r}"
    raise ValueError(msg)


def _list_item(annotation: Any) -> Any:
    """``X`` of ``list[X]``, through ``Annotated`` and unions with None or UNSET."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _list_item(typing.get_args(annotation)[0])
    if origin is list:
        return typing.get_args(annotation)[0]
    if origin in {typing.Union, types.UnionType}:
        for option in typing.get_args(annotation):
            if option not in {type(None), msgspec.UnsetType}:
                return _list_item(option)
    msg = f"not a list of records: {annotation!r}"
    raise TypeError(msg)


def _invalid_record(ctx: OperationContext, item: Any, where: str, id_field: str, exc: Exception) -> OffSpecEvent:
    """The report of one record left out: its id if readable, the JSON path and what is wrong there."""
    found = item.get(id_field) if isinstance(item, dict) else None
    name = ""
    if isinstance(found, str | int) and not isinstance(found, bool):
        name = ctx.scrub(str(found))[:_QUOTED_ID_CHARS]
    message = str(exc) if isinstance(exc, msgspec.ValidationError) else "nested too deeply to decode"
    match = _PATH.search(message)
    inner = match.group("path")[1:] if match else ""  # "$.class.status" -> ".class.status"
    reason = ctx.scrub(message[: match.start()] if match else message)[:_QUOTED_REASON_CHARS]
    return OffSpecEvent(ctx.provider, ctx.operation, "invalid_record", ctx.scrub(where + inner), name, reason)


def _mismatch(exc: Exception, body: bytes, ctx: OperationContext, status: int) -> SchemaMismatchError:
    message = str(exc)
    match = _PATH.search(message)
    error = SchemaMismatchError(
        ctx.scrub(f"response does not match the spec: {message}"),
        body=ctx.scrub_bytes(body),
        status_code=status,
        provider=ctx.provider,
        operation=ctx.operation,
    )
    error.path = match.group("path") if match else "$"
    return error


def _not_json(
    body: bytes, ctx: OperationContext, status: int, exc: msgspec.DecodeError | UnicodeDecodeError
) -> NotJSONError:
    return NotJSONError(
        ctx.scrub(f"response body is not valid JSON ({exc}); {len(body)} bytes"),
        body=ctx.scrub_bytes(body),
        status_code=status,
        provider=ctx.provider,
        operation=ctx.operation,
    )


def _too_deep(body: bytes, ctx: OperationContext, status: int) -> SchemaMismatchError:
    """JSON nested deeper than msgspec recurses (it raises RecursionError): no spec'd shape is that deep."""
    error = SchemaMismatchError(
        f"response nests arrays or objects too deeply to decode (past Python's recursion limit); {len(body)} bytes",
        body=ctx.scrub_bytes(body),
        status_code=status,
        provider=ctx.provider,
        operation=ctx.operation,
    )
    error.path = "$"
    return error


class _Shapes:
    """What each Struct type accepts, computed once from msgspec's type info."""

    def __init__(self, known_values: dict[str, dict[str, frozenset[object]]]) -> None:
        self._known = known_values
        self._fields: dict[type, dict[str, Any]] = {}
        self._enum_fields: dict[type, list[tuple[str, str, frozenset[object]]]] = {}
        self._has_enums: dict[type, bool] = {}

    # -- unknown fields (slow path only) ---------------------------------------------------
    def set_aside_unknown_fields(self, raw: Any, info: Any, ctx: OperationContext, *, extensible: Any = None) -> None:
        """Report and remove, in place, every key the Struct types do not declare.

        On an ``extensible`` record type the keys move into its ``extensions`` field
        instead (a key "extensions" the server sent among them), reported as extension fields.
        """
        for struct_info, value in _struct_values(raw, info):
            fields = self._wire_fields(struct_info)
            own = struct_info.cls is extensible
            unknown = [key for key in value if key not in fields or (own and key == _EXTENSIONS)]
            kind: Literal["unknown_field", "extension_field"] = "extension_field" if own else "unknown_field"
            kept = {key: value.pop(key) for key in unknown}
            for key in kept:
                name = ctx.scrub(key)  # a server may echo a credential back, even as a key
                ctx.sink.emit(OffSpecEvent(ctx.provider, ctx.operation, kind, struct_info.cls.__name__, name))
            for key, child in value.items():
                self.set_aside_unknown_fields(child, fields[key], ctx, extensible=extensible)
            if own and kept:
                value[_EXTENSIONS] = kept

    def _wire_fields(self, struct_info: Any) -> dict[str, Any]:
        cached = self._fields.get(struct_info.cls)
        if cached is None:
            cached = {f.encode_name: f.type for f in struct_info.fields}
            self._fields[struct_info.cls] = cached
        return cached

    # -- unknown enum values (every decode) ---------------------------------------------------
    def check_enums(self, obj: Any, info: Any, ctx: OperationContext) -> None:
        """Report values of listed enums that the spec does not list."""
        if obj is None or obj is msgspec.UNSET:
            return  # an absent optional field: msgspec's type info leaves UnsetType out of the union
        info = _unwrap(info)
        if isinstance(info, msgspec.inspect.StructType):
            self._check_struct(obj, info, ctx)
        elif isinstance(info, msgspec.inspect.ListType | msgspec.inspect.DictType):
            inner = info.item_type if isinstance(info, msgspec.inspect.ListType) else info.value_type
            items = obj if isinstance(obj, list) else obj.values() if isinstance(obj, dict) else ()
            if self._type_contains_enums(inner):
                for item in items:
                    self.check_enums(item, inner, ctx)
        elif isinstance(info, msgspec.inspect.UnionType):
            for option in map(_unwrap, info.types):
                matches_struct = isinstance(option, msgspec.inspect.StructType) and isinstance(obj, option.cls)
                if matches_struct or isinstance(option, msgspec.inspect.ListType | msgspec.inspect.DictType):
                    self.check_enums(obj, option, ctx)

    def _check_struct(self, obj: Any, info: Any, ctx: OperationContext) -> None:
        if not self._contains_enums(info):
            return
        for attr, wire, known in self._enums_of(info):
            value = getattr(obj, attr)
            for item in value if isinstance(value, list) else (value,):
                if item is not None and item is not msgspec.UNSET and item not in known:
                    location = f"{info.cls.__name__}.{wire}"
                    shown = ctx.scrub(str(item))
                    ctx.sink.emit(OffSpecEvent(ctx.provider, ctx.operation, "unknown_enum_value", location, shown))
        for f in info.fields:
            if self._type_contains_enums(f.type):
                self.check_enums(getattr(obj, f.name), f.type, ctx)

    def _enums_of(self, info: Any) -> list[tuple[str, str, frozenset[object]]]:
        cached = self._enum_fields.get(info.cls)
        if cached is None:
            table = self._known.get(info.cls.__name__, {})
            cached = [(f.name, f.encode_name, table[f.encode_name]) for f in info.fields if f.encode_name in table]
            self._enum_fields[info.cls] = cached
        return cached

    def _contains_enums(self, info: Any) -> bool:
        cls = info.cls
        if cls not in self._has_enums:
            self._has_enums[cls] = False  # provisional: breaks recursion through self-references
            self._has_enums[cls] = bool(self._enums_of(info)) or any(
                self._type_contains_enums(f.type) for f in info.fields
            )
        return self._has_enums[cls]

    def _type_contains_enums(self, info: Any) -> bool:
        info = _unwrap(info)
        if isinstance(info, msgspec.inspect.StructType):
            return self._contains_enums(info)
        if isinstance(info, msgspec.inspect.ListType):
            return self._type_contains_enums(info.item_type)
        if isinstance(info, msgspec.inspect.DictType):
            return self._type_contains_enums(info.value_type)
        if isinstance(info, msgspec.inspect.UnionType):
            return any(self._type_contains_enums(option) for option in info.types)
        return False


def _enum_probe(info: Any, known: dict[str, dict[str, frozenset[object]]], cache: dict[type, Any]) -> Any:  # noqa: PLR0911 - one return per JSON shape
    """A type that decodes only the enum fields, as closed ``Literal``s (None: no enums below).

    Decoding the body a second time into this projection runs in C and skips every
    other field; it fails exactly when some enum value is not listed, which is the
    only case that needs the slower walk over the decoded records.
    """
    info = _unwrap(info)
    if isinstance(info, msgspec.inspect.ListType):
        item = _enum_probe(info.item_type, known, cache)
        return None if item is None else list[item]  # type: ignore[valid-type]
    if isinstance(info, msgspec.inspect.DictType):
        value = _enum_probe(info.value_type, known, cache)
        return None if value is None else dict[str, value]  # type: ignore[valid-type]
    if isinstance(info, msgspec.inspect.UnionType):
        options = [p for p in (_enum_probe(option, known, cache) for option in info.types) if p is not None]
        return options[0] | None if len(options) == 1 else None
    if not isinstance(info, msgspec.inspect.StructType):
        return None
    if info.cls in cache:
        return cache[info.cls]
    cache[info.cls] = None  # provisional: a self-referencing type probes no deeper
    table = known.get(info.cls.__name__, {})
    fields: list[tuple[str, Any, Any]] = []
    for f in info.fields:
        if f.encode_name in table:
            literal = Literal[tuple(table[f.encode_name])]  # type: ignore[valid-type]
            is_list = isinstance(_unwrap(f.type), msgspec.inspect.ListType)
            fields.append((f.name, (list[literal] if is_list else literal) | None, None))  # type: ignore[valid-type]
        else:
            nested = _enum_probe(f.type, known, cache)
            if nested is not None:
                fields.append((f.name, nested | None, None))
    if not fields:
        return None
    rename = {f.name: f.encode_name for f in info.fields}
    probe = msgspec.defstruct(f"{info.cls.__name__}EnumProbe", fields, rename=rename, gc=False)
    cache[info.cls] = probe
    return probe


def _unwrap(info: Any) -> Any:
    """Msgspec wraps annotated types in ``Metadata``; the shape is underneath."""
    while isinstance(info, msgspec.inspect.Metadata):
        info = info.type
    return info


def _struct_values(raw: Any, info: Any) -> Iterator[tuple[Any, dict[str, Any]]]:
    """Pairs of (StructType, the JSON object that should match it) found at ``raw``."""
    info = _unwrap(info)
    if isinstance(info, msgspec.inspect.StructType) and isinstance(raw, dict):
        yield info, raw
    elif isinstance(info, msgspec.inspect.ListType) and isinstance(raw, list):
        for item in raw:
            yield from _struct_values(item, info.item_type)
    elif isinstance(info, msgspec.inspect.DictType) and isinstance(raw, dict):
        for item in raw.values():
            yield from _struct_values(item, info.value_type)
    elif isinstance(info, msgspec.inspect.UnionType):
        structs = [option for option in info.types if isinstance(option, msgspec.inspect.StructType)]
        if len(structs) == 1 and isinstance(raw, dict):
            yield structs[0], raw
        for option in info.types:
            if isinstance(option, msgspec.inspect.ListType | msgspec.inspect.DictType):
                yield from _struct_values(raw, option)
