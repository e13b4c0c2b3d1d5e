"""Opening response enums, on small hand-made documents.

An opened enum is ``anyOf: [$ref <the enum>, {type: <its base type>}]`` marked with
``x-modelcatalog-open-enum``: the generated client keeps the typed enum for known values
and a plain value for the rest. Request-side enums and discriminator tags stay closed.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.open_enums import OPENED_MARK, known_enum_values, open_response_enums

SCHEMAS = "#/components/schemas/"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": SCHEMAS + name}


def _opened(name: str, *types: str) -> dict[str, Any]:
    return {"anyOf": [_ref(name), *({"type": t} for t in types or ("string",))], OPENED_MARK: True}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Pets", "version": "1"},
        "paths": {
            "/pets": {
                "get": {
                    "operationId": "list_pets",
                    "parameters": [
                        {"name": "kind", "in": "query", "schema": _ref("Kind")},
                        {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc"]}},
                    ],
                    "responses": {
                        "200": {"description": "ok", **_json(_ref("Page"))},
                        "400": {
                            "description": "bad",
                            **_json({"type": "object", "properties": {"code": {"type": "string", "enum": ["bad"]}}}),
                        },
                        "404": {"$ref": "#/components/responses/NotFound"},
                    },
                },
                "post": {
                    "operationId": "create_pet",
                    "requestBody": _json(_ref("PetForm")),
                    "responses": {"201": {"description": "created"}},
                },
            },
        },
        "components": {
            "responses": {
                "NotFound": {
                    "description": "gone",
                    **_json({"type": "object", "properties": {"reason": {"type": "string", "enum": ["deleted"]}}}),
                },
            },
            "schemas": {
                "Page": {"type": "object", "properties": {"items": {"type": "array", "items": _ref("Pet")}}},
                "Pet": {
                    "type": "object",
                    "properties": {
                        "kind": _ref("Kind"),
                        "status": {"type": "string", "enum": ["new", "sold"], "description": "d", "default": "new"},
                        "size": {"allOf": [_ref("Size")], "description": "how big"},
                        "tags": {"type": "array", "items": {"type": "string", "enum": ["cute", "loud"]}},
                        "level": {"type": "integer", "enum": [0, 25]},
                        "mood": {"type": ["string", "null"], "enum": ["happy", None]},
                        "owner": {"type": "object", "properties": {"role": {"type": "string", "enum": ["admin"]}}},
                        "food": {
                            "oneOf": [_ref("Kibble"), _ref("Raw")],
                            "discriminator": {
                                "propertyName": "type",
                                "mapping": {"kibble": SCHEMAS + "Kibble", "raw": SCHEMAS + "Raw"},
                            },
                        },
                    },
                },
                "Kind": {"type": "string", "enum": ["cat", "dog"]},
                "Size": {"type": "string", "enum": ["s", "m"]},
                "Kibble": {
                    "type": "object",
                    "required": ["type"],
                    "properties": {
                        "type": {"type": "string", "enum": ["kibble"]},
                        "brand": {"type": "string", "enum": ["acme"]},
                    },
                },
                "Raw": {
                    "type": "object",
                    "required": ["type"],
                    "properties": {"type": {"type": "string", "enum": ["raw"]}},
                },
                "PetForm": {
                    "type": "object",
                    "properties": {"kind": _ref("Kind"), "color": {"type": "string", "enum": ["red", "blue"]}},
                },
            },
        },
    }


@pytest.fixture
def opened() -> dict[str, Any]:
    return open_response_enums(_document())


def _pet(document: dict[str, Any]) -> dict[str, Any]:
    return document["components"]["schemas"]["Pet"]["properties"]


def test_inline_enum_is_hoisted_into_a_named_component(opened) -> None:
    schemas = opened["components"]["schemas"]

    # annotations stay where the property is; the enum itself moves
    assert _pet(opened)["status"] == {**_opened("PetStatus"), "description": "d", "default": "new"}
    assert schemas["PetStatus"] == {"title": "PetStatus", "type": "string", "enum": ["new", "sold"]}


def test_referenced_enum_is_opened_and_the_component_kept(opened) -> None:
    assert _pet(opened)["kind"] == _opened("Kind")
    assert opened["components"]["schemas"]["Kind"] == {"type": "string", "enum": ["cat", "dog"]}


def test_allof_wrapped_enum_is_unwrapped_and_opened(opened) -> None:
    """FastAPI writes ``allOf: [$ref]`` to add a description; an anyOf inside allOf would generate an object."""
    size = _pet(opened)["size"]

    assert "allOf" not in size
    assert size == {"description": "how big", **_opened("Size")}


def test_array_items_integer_and_nullable_enums(opened) -> None:
    pet = _pet(opened)
    schemas = opened["components"]["schemas"]

    assert pet["tags"] == {"type": "array", "items": _opened("PetTagsItem")}
    assert schemas["PetTagsItem"]["enum"] == ["cute", "loud"]
    assert pet["level"] == _opened("PetLevel", "integer")
    # null is a listed value: the opened form still accepts it
    assert pet["mood"] == _opened("PetMood", "string", "null")


def test_nested_inline_objects_are_opened_too(opened) -> None:
    owner = _pet(opened)["owner"]

    assert owner["properties"]["role"] == _opened("PetOwnerRole")


def test_inline_response_schema_and_response_components(opened) -> None:
    get = opened["paths"]["/pets"]["get"]
    code = get["responses"]["400"]["content"]["application/json"]["schema"]["properties"]["code"]
    reason = opened["components"]["responses"]["NotFound"]["content"]["application/json"]["schema"]

    assert code == _opened("ListPetsResponse400Code")
    assert reason["properties"]["reason"] == _opened("ListPetsResponse404Reason")
    assert get["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}


def test_discriminator_tags_stay_closed_other_variant_enums_open(opened) -> None:
    schemas = opened["components"]["schemas"]

    assert schemas["Kibble"]["properties"]["type"] == {"type": "string", "enum": ["kibble"]}
    assert schemas["Raw"]["properties"]["type"] == {"type": "string", "enum": ["raw"]}
    assert schemas["Kibble"]["properties"]["brand"] == _opened("KibbleBrand")


def test_discriminated_union_gains_an_unknown_variant(opened) -> None:
    food = _pet(opened)["food"]

    assert food["oneOf"][:2] == [_ref("Kibble"), _ref("Raw")]
    unknown = food["oneOf"][2]
    assert unknown["type"] == "object"
    assert unknown["title"] == "FoodUnknown"
    assert unknown["additionalProperties"] is True
    assert unknown[OPENED_MARK] is True
    assert len(food["oneOf"]) == 3
    # the discriminator itself is kept as published
    assert food["discriminator"] == _document()["components"]["schemas"]["Pet"]["properties"]["food"]["discriminator"]


def test_mapping_with_bare_schema_names_keeps_tags_closed() -> None:
    """OpenAPI lets a mapping value be a schema name instead of a reference."""
    document = _document()
    food = document["components"]["schemas"]["Pet"]["properties"]["food"]
    food["discriminator"]["mapping"] = {"kibble": "Kibble", "raw": "Raw"}

    opened = open_response_enums(document)

    schemas = opened["components"]["schemas"]
    assert schemas["Raw"]["properties"]["type"] == {"type": "string", "enum": ["raw"]}
    assert schemas["Kibble"]["properties"]["type"] == {"type": "string", "enum": ["kibble"]}
    assert schemas["Kibble"]["properties"]["brand"] == _opened("KibbleBrand")


def test_a_discriminated_component_gets_its_unknown_variant_named_after_it() -> None:
    document = _document()
    schemas = document["components"]["schemas"]
    schemas["Food"] = schemas["Pet"]["properties"].pop("food")
    schemas["Pet"]["properties"]["food"] = _ref("Food")

    opened = open_response_enums(document)

    assert opened["components"]["schemas"]["Food"]["oneOf"][-1]["title"] == "FoodUnknown"


def test_request_side_enums_stay_closed(opened) -> None:
    parameters = opened["paths"]["/pets"]["get"]["parameters"]
    form = opened["components"]["schemas"]["PetForm"]["properties"]

    assert parameters[0]["schema"] == _ref("Kind")
    assert parameters[1]["schema"] == {"type": "string", "enum": ["asc", "desc"]}
    assert form["kind"] == _ref("Kind")
    assert form["color"] == {"type": "string", "enum": ["red", "blue"]}


def test_opening_twice_changes_nothing_more(opened) -> None:
    assert open_response_enums(copy.deepcopy(opened)) == opened


def test_hoisting_onto_an_existing_name_fails() -> None:
    document = _document()
    document["components"]["schemas"]["PetStatus"] = {"type": "object"}

    with pytest.raises(SpecError, match="cannot hoist the enum at 'PetStatus': a schema of that name exists"):
        open_response_enums(document)


def test_known_enum_values_lists_what_each_opened_property_allows(opened) -> None:
    table = known_enum_values(opened)

    assert table["Pet"]["kind"] == ["cat", "dog"]
    assert table["Pet"]["tags"] == ["cute", "loud"]
    assert table["Pet"]["level"] == [0, 25]
    assert table["Pet"]["mood"] == ["happy"]
    assert table["Kibble"] == {"brand": ["acme"]}
    assert "PetForm" not in table
