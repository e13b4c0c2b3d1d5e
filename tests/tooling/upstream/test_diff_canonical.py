"""diff.canonical: rewrites that do not change what our operations mean are not changes to them."""

from __future__ import annotations

import copy
import json
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog.tooling.upstream.diff.rules import Level
from modelcatalog.tooling.upstream.diff.walker import diff_documents
from things_document import OPS, base_document, get_operation, rename_component, thing_properties

if TYPE_CHECKING:
    from collections.abc import Callable


@pytest.mark.parametrize(
    "rewrite",
    [
        pytest.param(lambda d: d["info"].update(version="2"), id="info.version bumped"),
        pytest.param(lambda d: d["info"].update(description="New words"), id="info.description"),
        pytest.param(
            lambda d: thing_properties(d)["size"].update({"x-internal-owner": "team-a"}), id="an x- extension"
        ),
        pytest.param(
            lambda d: get_operation(d).update({"x-codeSamples": [{"lang": "sh"}]}), id="an x- on the operation"
        ),
        pytest.param(
            lambda d: (
                get_operation(d)["responses"]["200"]["content"]["application/json"]["schema"]["properties"][
                    "next"
                ].update(type=["string", "null"])
                or get_operation(d)["responses"]["200"]["content"]["application/json"]["schema"]["properties"][
                    "next"
                ].pop("nullable")
            ),
            id="nullable as a type list",
        ),
        pytest.param(rename_component("Local", "LocalSource"), id="a oneOf variant's schema renamed"),
        pytest.param(rename_component("Kind", "ThingKind"), id="an enum's schema renamed"),
        pytest.param(rename_component("Thing", "Item"), id="a recursive schema renamed"),
        pytest.param(lambda d: d.update(json.loads(json.dumps(d, sort_keys=True))), id="key order"),
    ],
)
def test_rewrites_that_do_not_change_meaning_are_not_changes_to_our_operations(
    rewrite: Callable[[dict[str, Any]], None],
) -> None:
    old = base_document()
    new = copy.deepcopy(old)
    rewrite(new)
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level, c.side) for c in changes] in (
        [("api-document-changed-elsewhere", Level.INFO, "document")],
        [],  # key order alone: the parsed documents are equal
    ), [(c.id, c.text) for c in changes]
