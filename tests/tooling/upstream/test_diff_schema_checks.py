"""diff.schema_checks: constraints set, loosened, tightened or changed; enums; the extensions the generators read."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog.tooling.upstream.diff.rules import Level
from modelcatalog.tooling.upstream.diff.walker import diff_documents
from things_document import (
    OPS,
    base_document,
    id_schema,
    limit_schema,
    q_schema,
    schemas,
    size_schema,
    thing_properties,
    weight_schema,
)

if TYPE_CHECKING:
    from collections.abc import Callable


CONSTRAINT_CASES: list[tuple[str, Callable[[dict[str, Any]], None], str, Level, str]] = [
    # pattern
    (
        "request parameter gains a pattern",
        lambda d: q_schema(d).update(pattern="^[a-z]+$"),
        "request-parameter-pattern-added",
        Level.ERR,
        "request",
    ),
    (
        "response property gains a pattern",
        lambda d: id_schema(d).update(pattern="^t_"),
        "response-property-pattern-added",
        Level.INFO,
        "response",
    ),
    # multipleOf
    (
        "request parameter gains multipleOf",
        lambda d: limit_schema(d).update(multipleOf=10),
        "request-parameter-multiple-of-set",
        Level.ERR,
        "request",
    ),
    (
        "request property gains multipleOf",
        lambda d: weight_schema(d).update(multipleOf=5),
        "request-property-multiple-of-set",
        Level.ERR,
        "request",
    ),
    (
        "response property gains multipleOf",
        lambda d: size_schema(d).update(multipleOf=5),
        "response-property-multiple-of-set",
        Level.INFO,
        "response",
    ),
    # format
    (
        "request parameter gains a format",
        lambda d: q_schema(d).update(format="uuid"),
        "request-parameter-type-changed",
        Level.ERR,
        "request",
    ),
    (
        "request property gains a format",
        lambda d: weight_schema(d).update(format="int64"),
        "request-property-type-changed",
        Level.ERR,
        "request",
    ),
    (
        "response property gains a format",
        lambda d: id_schema(d).update(format="uuid"),
        "response-property-type-specialized",
        Level.INFO,
        "response",
    ),
    # lengths and sizes
    (
        "request parameter gains maxLength",
        lambda d: q_schema(d).update(maxLength=20),
        "request-parameter-max-length-set",
        Level.ERR,
        "request",
    ),
    (
        "request parameter gains minLength",
        lambda d: q_schema(d).update(minLength=2),
        "request-parameter-min-length-set",
        Level.ERR,
        "request",
    ),
    (
        "response property gains maxLength",
        lambda d: id_schema(d).update(maxLength=64),
        "response-property-max-length-set",
        Level.INFO,
        "response",
    ),
    (
        "response array gains minItems",
        lambda d: thing_properties(d)["tags"].update(minItems=1),
        "response-property-min-items-set",
        Level.INFO,
        "response",
    ),
    # exclusive bounds, in both spellings
    (
        "request parameter gains exclusiveMaximum (3.1)",
        lambda d: limit_schema(d).update(exclusiveMaximum=50),
        "request-parameter-exclusive-max-decreased",
        Level.ERR,
        "request",
    ),
    (
        "request parameter maximum made exclusive (3.0)",
        lambda d: limit_schema(d).update(exclusiveMaximum=True),
        "request-parameter-exclusive-max-set",
        Level.ERR,
        "request",
    ),
    (
        "request property gains exclusiveMinimum",
        lambda d: weight_schema(d).update(exclusiveMinimum=0),
        "request-property-exclusive-min-set",
        Level.ERR,
        "request",
    ),
    (
        "response property gains exclusiveMinimum",
        lambda d: size_schema(d).update(exclusiveMinimum=0),
        "response-property-exclusive-min-set",
        Level.INFO,
        "response",
    ),
]


# (name, old side, new side, id, level): constraints that were there and went or changed
LOOSENED_CASES: list[tuple[str, Callable[[dict[str, Any]], None], Callable[[dict[str, Any]], None], str, Level]] = [
    (
        "request parameter loses its pattern",
        lambda d: q_schema(d).update(pattern="^a"),
        lambda _: None,
        "request-parameter-pattern-removed",
        Level.INFO,
    ),
    (
        "response property loses its pattern",
        lambda d: id_schema(d).update(pattern="^t_"),
        lambda _: None,
        "response-property-pattern-removed",
        Level.WARN,
    ),
    (
        "request parameter pattern changed",
        lambda d: q_schema(d).update(pattern="^a"),
        lambda d: q_schema(d).update(pattern="^b"),
        "request-parameter-pattern-changed",
        Level.WARN,
    ),
    (
        "request multipleOf 10 -> 5 accepts more",
        lambda d: limit_schema(d).update(multipleOf=10),
        lambda d: limit_schema(d).update(multipleOf=5),
        "request-parameter-multiple-of-generalized",
        Level.INFO,
    ),
    (
        "request multipleOf 5 -> 10 accepts less",
        lambda d: limit_schema(d).update(multipleOf=5),
        lambda d: limit_schema(d).update(multipleOf=10),
        "request-parameter-multiple-of-specialized",
        Level.ERR,
    ),
    (
        "request multipleOf 0.2 -> 0.3 is neither",
        lambda d: weight_schema(d).update(type="number", multipleOf=0.2),
        lambda d: weight_schema(d).update(type="number", multipleOf=0.3),
        "request-property-multiple-of-changed",
        Level.ERR,
    ),
    (
        "response multipleOf dropped",
        lambda d: size_schema(d).update(multipleOf=5),
        lambda _: None,
        "response-property-multiple-of-unset",
        Level.WARN,
    ),
    (
        "response maxLength raised",
        lambda d: id_schema(d).update(maxLength=10),
        lambda d: id_schema(d).update(maxLength=20),
        "response-property-max-length-increased",
        Level.WARN,
    ),
    (
        "request minLength lowered",
        lambda d: q_schema(d).update(minLength=3),
        lambda d: q_schema(d).update(minLength=1),
        "request-parameter-min-length-decreased",
        Level.INFO,
    ),
    (
        "request maxItems lowered",
        lambda d: schemas(d)["NewThing"]["properties"].update(
            labels={"type": "array", "items": {"type": "string"}, "maxItems": 10}
        ),
        lambda d: schemas(d)["NewThing"]["properties"].update(
            labels={"type": "array", "items": {"type": "string"}, "maxItems": 3}
        ),
        "request-property-max-items-decreased",
        Level.ERR,
    ),
    (
        "response exclusive minimum lowered",
        lambda d: size_schema(d).update(exclusiveMinimum=5),
        lambda d: size_schema(d).update(exclusiveMinimum=1),
        "response-property-exclusive-min-decreased",
        Level.WARN,
    ),
    (
        "request int64 becomes int32",
        lambda d: weight_schema(d).update(format="int64"),
        lambda d: weight_schema(d).update(format="int32"),
        "request-property-type-changed",
        Level.ERR,
    ),
    (
        "request int32 becomes int64",
        lambda d: weight_schema(d).update(format="int32"),
        lambda d: weight_schema(d).update(format="int64"),
        "request-property-type-generalized",
        Level.INFO,
    ),
]


@pytest.mark.parametrize(
    ("mutate", "change_id", "level", "side"),
    [pytest.param(*case[1:], id=case[0]) for case in CONSTRAINT_CASES],
)
def test_constraint_set(mutate: Callable[[dict[str, Any]], None], change_id: str, level: Level, side: str) -> None:
    old = base_document()
    new = copy.deepcopy(old)
    mutate(new)
    changes = diff_documents(old, new, OPS)
    assert [c.id for c in changes if c.id == "api-unclassified-change"] == []
    change = next((c for c in changes if c.id == change_id), None)
    assert change is not None, [(c.id, c.text) for c in changes]
    assert (change.level, change.side) == (level, side)


@pytest.mark.parametrize(
    ("before", "after", "change_id", "level"),
    [pytest.param(*case[1:], id=case[0]) for case in LOOSENED_CASES],
)
def test_constraint_changed_or_dropped(
    before: Callable[[dict[str, Any]], None], after: Callable[[dict[str, Any]], None], change_id: str, level: Level
) -> None:
    old = base_document()
    before(old)
    new = base_document()
    after(new)
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in changes if c.id == change_id] == [(change_id, level)], [
        (c.id, c.level, c.text) for c in changes
    ]
    assert not [c for c in changes if c.id == "api-unclassified-change"]


def test_an_extension_the_generators_read_is_a_change() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    schemas(new)["Kind"]["x-enum-varnames"] = ["ALPHA", "BETA"]
    graded = {(c.id, c.level) for c in diff_documents(old, new, OPS)}
    assert ("response-property-extension-changed", Level.WARN) in graded
    assert ("request-parameter-extension-changed", Level.WARN) in graded


def test_a_response_enum_value_is_a_warning_where_the_client_opens_the_enum() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    schemas(new)["Kind"]["enum"].append("c")
    opened = {(c.id, c.level) for c in diff_documents(old, new, OPS, open_response_enums=True) if c.side == "response"}
    closed = {(c.id, c.level) for c in diff_documents(old, new, OPS) if c.side == "response"}
    assert opened == {("response-property-enum-value-added", Level.WARN)}
    assert closed == {("response-property-enum-value-added", Level.ERR)}
