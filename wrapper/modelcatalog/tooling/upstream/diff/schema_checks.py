"""The schema checks, one function each: what differs between two views of one schema, keyword by keyword.

Each check yields findings (:class:`Finding`): what happened (a key of
:data:`~modelcatalog.tooling.upstream.diff.rules.SCHEMA_RULES`) and how to say it. The
walker knows where it is (operation, side, property path) and turns each finding into a
graded :class:`~modelcatalog.tooling.upstream.diff.rules.Change`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from modelcatalog.tooling.upstream.diff.readers import (
    enum_values,
    is_composite,
    number,
    range_bound,
    read_by_generators,
    schema_types,
    value_key,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from modelcatalog.tooling.upstream.diff.readers import Node

# keyword, short id, whether a larger value accepts less
_SIZE_BOUNDS = (
    ("maxLength", "max-length", False),
    ("minLength", "min-length", True),
    ("maxItems", "max-items", False),
    ("minItems", "min-items", True),
)
# (narrower, wider) formats: every value of the first is a value of the second
_WIDER_FORMATS = frozenset({("int32", "int64"), ("float", "double")})
_DOC_KEYS = (
    ("description", "description-changed"),
    ("title", "title-changed"),
    ("example", "example-changed"),
    ("examples", "example-changed"),
)
_MAX_VALUES_SHOWN = 12


@dataclass(frozen=True)
class Finding:
    """One schema difference: ``what`` names its rule pair, ``kw`` fills the rule id's ``{kw}``."""

    what: str
    text: str
    kw: str = ""


def schema_findings(old: Node, new: Node, *, open_enum: bool) -> Iterator[Finding]:
    """Every check in a fixed order; ``open_enum``: the client keeps an enum value it does not know here."""
    yield from _check_type(old, new)
    yield from _check_nullable(old, new)
    yield from _check_enum(old, new, open_enum=open_enum)
    yield from _check_bounds(old, new)
    yield from _check_multiple_of(old, new)
    yield from _check_pattern(old, new)
    yield from _check_default(old, new)
    yield from _check_extensions(old, new)
    yield from doc_findings(old.schema, new.schema)


def _check_type(old: Node, new: Node) -> Iterator[Finding]:
    if is_composite(old.schema) or is_composite(new.schema):
        return  # variants are compared branch by branch instead
    before, after = schema_types(old.schema), schema_types(new.schema)
    if before != after:
        shown = f"type changed from {_types_text(before)} to {_types_text(after)}"
        yield Finding(_widening(before, after), shown)
    old_format, new_format = old.schema.get("format"), new.schema.get("format")
    if old_format != new_format:
        if new_format is None or (old_format, new_format) in _WIDER_FORMATS:
            what = "type-widened"
        elif old_format is None or (new_format, old_format) in _WIDER_FORMATS:
            what = "type-narrowed"
        else:
            what = "type-changed"
        yield Finding(what, f"format changed from {old_format or 'none'} to {new_format or 'none'}")


def _check_nullable(old: Node, new: Node) -> Iterator[Finding]:
    if old.nullable != new.nullable:
        what, text = (
            ("became-nullable", "null now allowed")
            if new.nullable
            else ("became-not-nullable", "null no longer allowed")
        )
        yield Finding(what, text)


def _check_enum(old: Node, new: Node, *, open_enum: bool) -> Iterator[Finding]:
    before, after = enum_values(old.schema), enum_values(new.schema)
    if before is None and after is None:
        return
    if before is None:
        yield Finding("became-enum", f"restricted to the values {_values_text(after or [])}")
        return
    if after is None:
        yield Finding("enum-dropped", "no longer restricted to a list of values")
        return
    old_keys, new_keys = {value_key(v) for v in before}, {value_key(v) for v in after}
    added = [v for v in after if value_key(v) not in old_keys]
    removed = [v for v in before if value_key(v) not in new_keys]
    if added:
        what = "enum-value-added-to-open-enum" if open_enum else "enum-value-added"
        yield Finding(what, f"{len(added)} enum value(s) added: {_values_text(added)}")
    if removed:
        yield Finding("enum-value-removed", f"{len(removed)} enum value(s) removed: {_values_text(removed)}")


def _check_bounds(old: Node, new: Node) -> Iterator[Finding]:
    for lower in (True, False):
        before, after = range_bound(old.schema, lower=lower), range_bound(new.schema, lower=lower)
        if before != after:
            yield _bound_finding(before, after, lower=lower)
    for keyword, short, larger_is_tighter in _SIZE_BOUNDS:
        old_size, new_size = number(old.schema.get(keyword)), number(new.schema.get(keyword))
        if old_size == new_size:
            continue
        if old_size is None:
            how, tighter = "set", True
        elif new_size is None:
            how, tighter = "unset", False
        else:
            how = "increased" if new_size > old_size else "decreased"
            tighter = (new_size > old_size) == larger_is_tighter
        text = f"{keyword} {how}: {old_size} -> {new_size}"
        yield Finding("bound-tightened" if tighter else "bound-loosened", text, kw=f"{short}-{how}")


def _bound_finding(before: tuple[float, bool] | None, after: tuple[float, bool] | None, *, lower: bool) -> Finding:
    """One change for a lower (``minimum``) or upper (``maximum``) bound, exclusive or not."""
    text = f"{'lower' if lower else 'upper'} bound changed: {_bound_text(before, lower=lower)} -> "
    text += _bound_text(after, lower=lower)
    if before is None or after is None:
        how, tighter = ("set", True) if before is None else ("unset", False)
        exclusive = (after or before or (0.0, False))[1]
    else:
        (old_value, old_exclusive), (new_value, new_exclusive) = before, after
        # a higher minimum (a lower maximum), or the same one made exclusive, accepts less
        tighter = (new_value if lower else -new_value, new_exclusive) > (
            old_value if lower else -old_value,
            old_exclusive,
        )
        if new_value != old_value:
            how, exclusive = ("increased" if new_value > old_value else "decreased"), new_exclusive
        else:
            how, exclusive = ("set" if new_exclusive else "unset"), True
    kw = f"{'exclusive-' if exclusive else ''}{'min' if lower else 'max'}-{how}"
    return Finding("bound-tightened" if tighter else "bound-loosened", text, kw=kw)


def _check_multiple_of(old: Node, new: Node) -> Iterator[Finding]:
    before, after = _fraction(old.schema.get("multipleOf")), _fraction(new.schema.get("multipleOf"))
    if before == after:
        return
    text = f"multipleOf changed from {_number_text(before)} to {_number_text(after)}"
    if before is None:
        yield Finding("bound-tightened", text, kw="multiple-of-set")
    elif after is None:
        yield Finding("bound-loosened", text, kw="multiple-of-unset")
    elif (before / after).denominator == 1:  # every old multiple is a new one
        yield Finding("bound-loosened", text, kw="multiple-of-generalized")
    elif (after / before).denominator == 1:
        yield Finding("bound-tightened", text, kw="multiple-of-specialized")
    else:
        yield Finding("bound-changed", text)


def _check_pattern(old: Node, new: Node) -> Iterator[Finding]:
    before, after = old.schema.get("pattern"), new.schema.get("pattern")
    if before == after:
        return
    if before is None:
        yield Finding("pattern-added", f"pattern {after!r} added")
    elif after is None:
        yield Finding("pattern-removed", f"pattern {before!r} removed")
    else:
        yield Finding("pattern-changed", f"pattern changed from {before!r} to {after!r}")


def _check_default(old: Node, new: Node) -> Iterator[Finding]:
    missing = object()
    before, after = old.schema.get("default", missing), new.schema.get("default", missing)
    if before != after:
        shown = [("none" if value is missing else json.dumps(value)) for value in (before, after)]
        yield Finding("default-changed", f"default changed from {shown[0]} to {shown[1]}")


def _check_extensions(old: Node, new: Node) -> Iterator[Finding]:
    for key in sorted({*old.schema, *new.schema}):
        if read_by_generators(key) and old.schema.get(key) != new.schema.get(key):
            yield Finding("extension-changed", f"{key} changed")


def doc_findings(before: dict[str, Any], after: dict[str, Any]) -> Iterator[Finding]:
    """Descriptions, titles and examples, of a schema or a parameter."""
    for key, what in _DOC_KEYS:
        if before.get(key) != after.get(key):
            if key == "title":
                yield Finding(what, f"title changed from {before.get(key)!r} to {after.get(key)!r}")
            else:
                yield Finding(what, f"{key} changed")


def _accepts(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    return all(item in wide or (item == "integer" and "number" in wide) for item in narrow)


def _widening(before: frozenset[str] | None, after: frozenset[str] | None) -> str:
    if before is None:
        return "type-narrowed"
    if after is None:
        return "type-widened"
    if _accepts(after, before):
        return "type-widened"
    if _accepts(before, after):
        return "type-narrowed"
    return "type-changed"


def _types_text(types: frozenset[str] | None) -> str:
    return "any" if types is None else "|".join(sorted(types)) or "null"


def _values_text(values: list[Any]) -> str:
    shown = ", ".join(json.dumps(value) for value in values[:_MAX_VALUES_SHOWN])
    more = len(values) - _MAX_VALUES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def _fraction(value: Any) -> Fraction | None:
    """An exact ``multipleOf``: 0.1 is one tenth, not the float nearest to it."""
    exact = number(value)
    return Fraction(str(exact)) if exact is not None and exact > 0 else None


def _number_text(value: Fraction | None) -> str:
    if value is None:
        return "none"
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def _bound_text(bound: tuple[float, bool] | None, *, lower: bool) -> str:
    if bound is None:
        return "none"
    value, exclusive = bound
    sign = (">" if lower else "<") + ("" if exclusive else "=")
    return f"{sign} {value}"
