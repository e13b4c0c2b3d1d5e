"""diff.readers: one meaning read the same whatever its spelling (nullable, $ref, exclusive bounds)."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog.tooling.upstream.diff.rules import Level
from modelcatalog.tooling.upstream.diff.walker import diff_documents
from things_document import OPS, base_document, get_operation, schemas, size_schema

if TYPE_CHECKING:
    from collections.abc import Callable


@pytest.mark.parametrize(
    "rewrite",
    [
        pytest.param(lambda s: s.update(type=["string", "null"]) or s.pop("nullable"), id="3.1 type list"),
        pytest.param(lambda s: s.clear() or s.update(anyOf=[{"type": "string"}, {"type": "null"}]), id="anyOf null"),
    ],
)
def test_nullable_spellings_are_equivalent(rewrite: Callable[[dict[str, Any]], None]) -> None:
    old = base_document()
    new = copy.deepcopy(old)
    rewrite(get_operation(new)["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["next"])
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in changes] == [("api-document-changed-elsewhere", Level.INFO)]


def test_inlining_a_ref_changes_no_schema_verdict() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    schemas(new)["NewThing"]["properties"]["kind"] = copy.deepcopy(schemas(new)["Kind"])
    changes = diff_documents(old, new, OPS)
    assert not [c for c in changes if c.level is Level.ERR], [c.text for c in changes]


@pytest.mark.parametrize(
    ("old_spelling", "new_spelling"),
    [
        pytest.param({"minimum": 5, "exclusiveMinimum": True}, {"exclusiveMinimum": 5}, id="3.0 -> 3.1"),
        pytest.param({"exclusiveMaximum": 9}, {"maximum": 9, "exclusiveMaximum": True}, id="3.1 -> 3.0"),
    ],
)
def test_the_two_spellings_of_an_exclusive_bound_are_the_same_bound(
    old_spelling: dict[str, Any], new_spelling: dict[str, Any]
) -> None:
    old, new = base_document(), base_document()
    size_schema(old).update(old_spelling)
    size_schema(new).update(new_spelling)
    assert [c.id for c in diff_documents(old, new, OPS)] == ["api-document-changed-elsewhere"]
