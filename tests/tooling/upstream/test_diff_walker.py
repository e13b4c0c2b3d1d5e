"""diff.walker: every change class, operation by operation, graded by the side it is seen from."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog.tooling.upstream.diff.rules import Level
from modelcatalog.tooling.upstream.diff.walker import diff_documents
from things_document import (
    OPS,
    base_document,
    get_operation,
    only,
    rename_component,
    schemas,
    tagged_union,
    thing_properties,
)

if TYPE_CHECKING:
    from collections.abc import Callable


# (name, mutation of the new document, expected id, level, side)
CASES: list[tuple[str, Callable[[dict[str, Any]], None], str, Level, str]] = [
    ("path removed", lambda d: d["paths"].pop("/things"), "api-path-removed-without-deprecation", Level.ERR, "request"),
    (
        "method removed",
        lambda d: d["paths"]["/things"].pop("post"),
        "api-removed-without-deprecation",
        Level.ERR,
        "request",
    ),
    (
        "parameter removed",
        lambda d: get_operation(d)["parameters"].pop(0),
        "request-parameter-removed",
        Level.ERR,
        "request",
    ),
    (
        "parameter made required",
        lambda d: get_operation(d)["parameters"][0].update(required=True),
        "request-parameter-became-required",
        Level.ERR,
        "request",
    ),
    (
        "parameter type changed",
        lambda d: get_operation(d)["parameters"][0].update(schema={"type": "integer"}),
        "request-parameter-type-changed",
        Level.ERR,
        "request",
    ),
    (
        "parameter type widened",
        lambda d: get_operation(d)["parameters"][1]["schema"].update(type="number"),
        "request-parameter-type-generalized",
        Level.INFO,
        "request",
    ),
    (
        "parameter maximum lowered",
        lambda d: get_operation(d)["parameters"][1]["schema"].update(maximum=50),
        "request-parameter-max-decreased",
        Level.ERR,
        "request",
    ),
    (
        "new required parameter",
        lambda d: get_operation(d)["parameters"].append(
            {"name": "org", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        "new-required-request-parameter",
        Level.ERR,
        "request",
    ),
    (
        "new optional parameter",
        lambda d: get_operation(d)["parameters"].append({"name": "org", "in": "query", "schema": {"type": "string"}}),
        "new-optional-request-parameter",
        Level.INFO,
        "request",
    ),
    (
        "parameter serialization changed",
        lambda d: get_operation(d)["parameters"][0].update(explode=False),
        "request-parameter-style-changed",
        Level.ERR,
        "request",
    ),
    (
        "request body type narrowed",
        lambda d: schemas(d)["NewThing"]["properties"]["weight"].update(type="string"),
        "request-property-type-changed",
        Level.ERR,
        "request",
    ),
    (
        "request type widened",
        lambda d: schemas(d)["NewThing"]["properties"]["weight"].update(type="number"),
        "request-property-type-generalized",
        Level.INFO,
        "request",
    ),
    (
        "new required request property",
        lambda d: schemas(d)["NewThing"].update(required=["name", "weight"]),
        "request-property-became-required",
        Level.ERR,
        "request",
    ),
    (
        "request body media type removed",
        lambda d: d["paths"]["/things"]["post"]["requestBody"].update(content={"text/plain": {}}),
        "request-body-media-type-removed",
        Level.ERR,
        "request",
    ),
    (
        "response property removed",
        lambda d: thing_properties(d).pop("size"),
        "response-optional-property-removed",
        Level.ERR,
        "response",
    ),
    (
        "required response property removed",
        lambda d: thing_properties(d).pop("id"),
        "response-required-property-removed",
        Level.ERR,
        "response",
    ),
    (
        "response property removed from an allOf base",
        lambda d: schemas(d)["Base"]["properties"].pop("created"),
        "response-optional-property-removed",
        Level.ERR,
        "response",
    ),
    (
        "response property type changed",
        lambda d: thing_properties(d)["size"].update(type="string"),
        "response-property-type-changed",
        Level.ERR,
        "response",
    ),
    (
        "response format changed",
        lambda d: schemas(d)["Base"]["properties"]["created"].pop("format"),
        "response-property-type-generalized",
        Level.ERR,
        "response",
    ),
    (
        "response property became nullable",
        lambda d: thing_properties(d)["size"].update(nullable=True),
        "response-property-became-nullable",
        Level.ERR,
        "response",
    ),
    (
        "response property became optional",
        lambda d: schemas(d)["Thing"]["allOf"][1].update(required=[]),
        "response-property-became-optional",
        Level.ERR,
        "response",
    ),
    (
        "new response property",
        lambda d: thing_properties(d).update(colour={"type": "string"}),
        "response-optional-property-added",
        Level.INFO,
        "response",
    ),
    (
        "new value in an array item enum of a response",
        lambda d: thing_properties(d)["tags"]["items"]["enum"].append("z"),
        "response-property-enum-value-added",
        Level.ERR,
        "response",
    ),
    (
        "new oneOf variant in a response",
        lambda d: thing_properties(d)["source"]["oneOf"].append({"$ref": "#/components/schemas/Base"}),
        "response-property-one-of-added",
        Level.ERR,
        "response",
    ),
    (
        "oneOf variant gone from a response",
        lambda d: thing_properties(d)["source"]["oneOf"].pop(),
        "response-property-one-of-removed",
        Level.INFO,
        "response",
    ),
    (
        "change below a recursive schema",
        lambda d: thing_properties(d)["size"].update(minimum=1),
        "response-property-min-set",
        Level.INFO,
        "response",
    ),
    (
        "success status removed",
        lambda d: get_operation(d)["responses"].pop("200"),
        "response-success-status-removed",
        Level.ERR,
        "response",
    ),
    (
        "error status removed",
        lambda d: get_operation(d)["responses"].pop("401"),
        "response-non-success-status-removed",
        Level.INFO,
        "response",
    ),
    (
        "auth scheme changed",
        lambda d: d["components"]["securitySchemes"].update(bearer={"type": "apiKey", "in": "header", "name": "X-Key"}),
        "api-security-component-type-changed",
        Level.ERR,
        "request",
    ),
    (
        "security requirement changed",
        lambda d: (
            get_operation(d).update(security=[{"other": []}])
            or d["components"]["securitySchemes"].update(other={"type": "apiKey", "in": "header", "name": "X-Key"})
        ),
        "api-security-removed",
        Level.ERR,
        "request",
    ),
    (
        "per-operation server changed",
        lambda d: get_operation(d).update(servers=[{"url": "https://api.example.test/v2"}]),
        "api-server-removed",
        Level.ERR,
        "request",
    ),
    (
        "operationId changed",
        lambda d: get_operation(d).update(operationId="things_list"),
        "api-operation-id-changed",
        Level.WARN,
        "request",
    ),
    (
        "request default changed",
        lambda d: get_operation(d)["parameters"][1]["schema"].update(default=10),
        "request-parameter-default-value-changed",
        Level.WARN,
        "request",
    ),
    (
        "summary changed",
        lambda d: get_operation(d).update(summary="List all the things"),
        "api-summary-changed",
        Level.INFO,
        "request",
    ),
    (
        "schema description changed",
        lambda d: thing_properties(d)["id"].update(description="the identifier"),
        "response-property-description-changed",
        Level.INFO,
        "response",
    ),
    (
        "example changed",
        lambda d: schemas(d)["NewThing"]["properties"]["note"].update(example="hello"),
        "request-property-example-changed",
        Level.INFO,
        "request",
    ),
    (
        "a path we do not use changed",
        lambda d: d["paths"].pop("/other"),
        "api-document-changed-elsewhere",
        Level.INFO,
        "document",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "change_id", "level", "side"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_change_class(mutate: Callable[[dict[str, Any]], None], change_id: str, level: Level, side: str) -> None:
    old = base_document()
    new = copy.deepcopy(old)
    mutate(new)
    changes = diff_documents(old, new, OPS)
    change = next((c for c in changes if c.id == change_id), None)
    assert change is not None, [(c.id, c.text) for c in changes]
    assert (change.level, change.side) == (level, side)
    assert change.text
    assert change.location.startswith(("#/", "/"))


def test_renamed_parameter_is_a_removal_that_names_the_new_one() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    get_operation(new)["parameters"][0]["name"] = "query"
    changes = diff_documents(old, new, OPS)
    removed = only(changes, "request-parameter-removed")
    assert removed.level is Level.ERR
    assert "`q`" in removed.text
    assert "renamed to `query`" in removed.text
    assert only(changes, "new-optional-request-parameter").level is Level.INFO


def test_enum_on_both_sides_is_graded_by_side() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    schemas(new)["Kind"]["enum"] = ["a", "c"]
    changes = diff_documents(old, new, OPS)
    graded = {(c.id, c.operation, c.level) for c in changes}
    assert ("request-parameter-enum-value-removed", "GET /things", Level.ERR) in graded
    assert ("request-parameter-enum-value-added", "GET /things", Level.INFO) in graded
    assert ("request-property-enum-value-removed", "POST /things", Level.ERR) in graded
    assert ("request-property-enum-value-added", "POST /things", Level.INFO) in graded
    assert ("response-property-enum-value-added", "GET /things", Level.ERR) in graded
    assert ("response-property-enum-value-removed", "GET /things", Level.INFO) in graded


def test_a_schema_that_became_one_of_several_variants() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    thing_properties(old)["source"] = {"$ref": "#/components/schemas/Local"}
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in changes] == [("response-property-one-of-added", Level.ERR)]
    assert "oneOf variant Remote added" in changes[0].text
    reverse = diff_documents(new, old, OPS)
    assert [(c.id, c.level) for c in reverse] == [("response-property-one-of-removed", Level.INFO)]


def test_identical_documents_have_no_changes() -> None:
    assert diff_documents(base_document(), base_document(), OPS) == []


def test_an_operation_that_became_public_is_not_breaking() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    get_operation(new)["security"] = []
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level, c.operation) for c in changes] == [
        ("api-security-no-longer-required", Level.INFO, "GET /things")
    ]
    assert "no authentication required any more (was bearer)" in changes[0].text


def test_an_anonymous_alternative_is_public_too() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    get_operation(new)["security"] = [{}, {"bearer": []}]
    assert [(c.id, c.level) for c in diff_documents(old, new, OPS)] == [("api-security-no-longer-required", Level.INFO)]


def test_two_ways_to_say_public_are_the_same() -> None:
    old = base_document()
    get_operation(old)["security"] = []
    new = base_document()
    get_operation(new)["security"] = [{}]
    assert [c.id for c in diff_documents(old, new, OPS)] == ["api-document-changed-elsewhere"]


def test_authentication_where_none_was_needed_is_breaking() -> None:
    old = base_document()
    get_operation(old)["security"] = []
    new = base_document()
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in changes] == [("api-security-added", Level.ERR)]
    assert "authentication now required: bearer" in changes[0].text


def test_a_new_way_to_authenticate_is_an_alternative() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    get_operation(new)["security"] = [{"bearer": []}, {"key": []}]
    new["components"]["securitySchemes"]["key"] = {"type": "apiKey", "in": "header", "name": "X-Key"}
    assert [(c.id, c.level) for c in diff_documents(old, new, OPS)] == [("api-security-alternative-added", Level.INFO)]


def test_a_discriminator_tag_stays_closed_so_a_new_tag_value_breaks() -> None:
    old = base_document()
    tagged_union(old)
    new = copy.deepcopy(old)
    schemas(new)["Local"]["properties"]["kind"]["enum"].append("file")
    changes = diff_documents(old, new, OPS, open_response_enums=True)
    assert [(c.id, c.level) for c in changes if c.side == "response"] == [
        ("response-property-enum-value-added", Level.ERR)
    ]


def test_a_new_variant_of_a_discriminated_union_is_a_warning_where_the_client_opens_it() -> None:
    old = base_document()
    tagged_union(old)
    new = copy.deepcopy(old)
    schemas(new)["Archive"] = {"type": "object", "properties": {"kind": {"type": "string", "enum": ["archive"]}}}
    thing_properties(new)["source"]["oneOf"].append({"$ref": "#/components/schemas/Archive"})
    opened = diff_documents(old, new, OPS, open_response_enums=True)
    assert [(c.id, c.level) for c in opened] == [("response-property-one-of-added", Level.WARN)]
    closed = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in closed] == [("response-property-one-of-added", Level.ERR)]


def test_a_variant_renamed_is_matched_by_its_tag() -> None:
    old = base_document()
    tagged_union(old)
    new = copy.deepcopy(old)
    rename_component("Remote", "RemoteSource")(new)
    schemas(new)["RemoteSource"]["properties"]["url"]["description"] = "where it lives"
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in changes] == [("response-property-description-changed", Level.INFO)]
