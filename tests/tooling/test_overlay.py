"""OpenAPI Overlay 1.0 application on small hand-made documents."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from modelcatalog.tooling.errors import OverlayError, SpecError
from modelcatalog.tooling.overlay import actions_of, apply_overlay


def _document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Pets", "version": "1"},
        "paths": {
            "/pets": {
                "get": {
                    "operationId": "listPets",
                    "tags": ["pets"],
                    "parameters": [
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 20}},
                        {"name": "kind", "in": "query", "schema": {"type": "string", "default": "cat"}},
                    ],
                    "responses": {"200": {"description": "ok"}},
                },
            },
        },
        "components": {
            "schemas": {
                "Pet": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {"id": {"type": "string"}, "kind": {"type": "string", "enum": ["cat", "dog"]}},
                },
            },
        },
    }


def _overlay(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"overlay": "1.0.0", "info": {"title": "fixes", "version": "1"}, "actions": list(actions)}


def test_update_merges_objects_recursively() -> None:
    overlay = _overlay(
        {
            "target": "$.components.schemas.Pet",
            "update": {"description": "A pet", "properties": {"name": {"type": "string"}, "id": {"format": "uuid"}}},
        }
    )

    result = apply_overlay(_document(), overlay)

    pet = result["components"]["schemas"]["Pet"]
    assert pet["description"] == "A pet"
    assert pet["properties"]["name"] == {"type": "string"}
    # a nested object merges: existing keys stay, new keys join
    assert pet["properties"]["id"] == {"type": "string", "format": "uuid"}
    assert pet["properties"]["kind"] == {"type": "string", "enum": ["cat", "dog"]}


def test_update_replaces_scalars() -> None:
    overlay = _overlay({"target": "$.info", "update": {"title": "Pets, fixed", "version": "2"}})

    assert apply_overlay(_document(), overlay)["info"] == {"title": "Pets, fixed", "version": "2"}


def test_update_appends_to_arrays_inside_an_object() -> None:
    overlay = _overlay({"target": "$.components.schemas.Pet", "update": {"required": ["kind"]}})

    assert apply_overlay(_document(), overlay)["components"]["schemas"]["Pet"]["required"] == ["id", "kind"]


def test_update_on_an_array_target_appends_the_object() -> None:
    new = {"name": "cursor", "in": "query", "schema": {"type": "string"}}
    overlay = _overlay({"target": "$.paths['/pets'].get.parameters", "update": new})

    parameters = apply_overlay(_document(), overlay)["paths"]["/pets"]["get"]["parameters"]

    assert [p["name"] for p in parameters] == ["limit", "kind", "cursor"]
    assert parameters[-1] == new


def test_update_on_an_array_target_with_an_array_appends_each_item() -> None:
    overlay = _overlay({"target": "$.components.schemas.Pet.properties.kind.enum", "update": ["bird", "fish"]})

    result = apply_overlay(_document(), overlay)

    assert result["components"]["schemas"]["Pet"]["properties"]["kind"]["enum"] == ["cat", "dog", "bird", "fish"]


def test_update_applies_to_every_match_without_sharing_objects() -> None:
    overlay = _overlay({"target": "$.paths['/pets'].get.parameters[*].schema", "update": {"x-note": {"seen": True}}})

    parameters = apply_overlay(_document(), overlay)["paths"]["/pets"]["get"]["parameters"]

    notes = [p["schema"]["x-note"] for p in parameters]
    assert notes == [{"seen": True}, {"seen": True}]
    assert notes[0] is not notes[1]


def test_remove_by_filter_selector() -> None:
    overlay = _overlay(
        {"target": "$.paths['/pets'].get.parameters[?@.name == 'kind'].schema.default", "remove": True},
    )

    parameters = apply_overlay(_document(), overlay)["paths"]["/pets"]["get"]["parameters"]

    assert parameters[1]["schema"] == {"type": "string"}
    assert parameters[0]["schema"] == {"type": "integer", "default": 20}


def test_remove_several_array_items_keeps_the_others() -> None:
    document = _document()
    document["paths"]["/pets"]["get"]["parameters"].append({"name": "offset", "in": "query"})
    overlay = _overlay(
        {"target": "$.paths['/pets'].get.parameters[?@.in == 'query' && @.name != 'kind']", "remove": True}
    )

    parameters = apply_overlay(document, overlay)["paths"]["/pets"]["get"]["parameters"]

    assert [p["name"] for p in parameters] == ["kind"]


def test_actions_apply_in_order() -> None:
    overlay = _overlay(
        {"target": "$.components.schemas.Pet", "update": {"properties": {"age": {"type": "integer"}}}},
        {"target": "$.components.schemas.Pet.properties.age", "update": {"minimum": 0}},
        {"target": "$.components.schemas.Pet.properties.kind", "remove": True},
    )

    properties = apply_overlay(_document(), overlay)["components"]["schemas"]["Pet"]["properties"]

    assert properties == {"id": {"type": "string"}, "age": {"type": "integer", "minimum": 0}}


def test_the_input_document_is_left_unchanged() -> None:
    document = _document()
    before = copy.deepcopy(document)
    overlay = _overlay(
        {"target": "$.components.schemas.Pet", "update": {"required": ["kind"]}},
        {"target": "$.paths['/pets'].get.parameters[0]", "remove": True},
    )

    apply_overlay(document, overlay)

    assert document == before


def test_an_action_that_selects_nothing_fails_naming_the_action() -> None:
    overlay = _overlay(
        {"target": "$.info", "update": {"title": "ok"}},
        {
            "description": "privacy default: never send it",
            "target": "$.paths['/pets'].get.parameters[?@.name == 'privacy'].schema.default",
            "remove": True,
        },
    )

    with pytest.raises(OverlayError) as caught:
        apply_overlay(_document(), overlay)

    message = str(caught.value)
    assert "action 1 (privacy default: never send it)" in message
    assert "@.name == 'privacy'" in message
    assert "selects nothing" in message


def test_an_action_without_description_is_named_by_its_target() -> None:
    overlay = _overlay({"target": "$.components.schemas.Missing", "update": {"type": "object"}})

    with pytest.raises(OverlayError, match=r"action 0 \(\$\.components\.schemas\.Missing\)"):
        apply_overlay(_document(), overlay)


def test_invalid_jsonpath_fails_naming_the_action() -> None:
    overlay = _overlay({"description": "broken", "target": "$.paths[", "update": {}})

    with pytest.raises(OverlayError, match=r"action 0 \(broken\): target '\$\.paths\[' is not valid JSONPath"):
        apply_overlay(_document(), overlay)


@pytest.mark.parametrize(
    ("overlay", "expected"),
    [
        ({"actions": [{"target": "$", "remove": True}]}, "not an OpenAPI Overlay 1.x document"),
        ({"overlay": "2.0.0", "actions": [{"target": "$.info", "remove": True}]}, "not an OpenAPI Overlay 1.x"),
        (["not", "a", "mapping"], "not an OpenAPI Overlay 1.x document"),
        ({"overlay": "1.0.0"}, "needs a non-empty 'actions' list"),
        ({"overlay": "1.0.0", "actions": []}, "needs a non-empty 'actions' list"),
        ({"overlay": "1.0.0", "actions": {"target": "$.info"}}, "needs a non-empty 'actions' list"),
        ({"overlay": "1.0.0", "actions": [{"update": {}}]}, "action 0: needs a 'target' JSONPath string"),
        ({"overlay": "1.0.0", "actions": ["$.info"]}, "action 0: needs a 'target' JSONPath string"),
        ({"overlay": "1.0.0", "actions": [{"target": 3, "remove": True}]}, "action 0: needs a 'target'"),
        ({"overlay": "1.0.0", "actions": [{"target": "$.info"}]}, "exactly one of 'update' or 'remove: true'"),
        (
            {"overlay": "1.0.0", "actions": [{"target": "$.info", "update": {"title": "x"}, "remove": True}]},
            "exactly one of 'update' or 'remove: true'",
        ),
    ],
    ids=[
        "no-overlay-key",
        "overlay-2",
        "not-a-mapping",
        "no-actions",
        "empty-actions",
        "actions-not-a-list",
        "no-target",
        "action-not-a-mapping",
        "target-not-a-string",
        "neither-update-nor-remove",
        "both-update-and-remove",
    ],
)
def test_invalid_overlay_shapes_are_rejected(overlay: Any, expected: str) -> None:
    with pytest.raises(OverlayError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        actions_of(overlay)


def test_later_invalid_action_is_named_by_its_index() -> None:
    overlay = _overlay({"target": "$.info", "update": {}}, {"target": "$.info", "update": {}}, {"target": "$.info"})

    with pytest.raises(OverlayError, match="action 2"):
        actions_of(overlay)


def test_updating_a_scalar_fails_naming_the_action() -> None:
    overlay = _overlay({"description": "retitle", "target": "$.info.title", "update": {"x": 1}})

    with pytest.raises(OverlayError, match=r"action 0 \(retitle\): can only update an object"):
        apply_overlay(_document(), overlay)


def test_updating_an_object_with_a_list_fails() -> None:
    overlay = _overlay({"target": "$.info", "update": ["x"]})

    with pytest.raises(OverlayError, match="can only update an object with an object or extend an array"):
        apply_overlay(_document(), overlay)


def test_removing_the_root_fails() -> None:
    with pytest.raises(OverlayError, match="cannot remove the document root"):
        apply_overlay(_document(), _overlay({"target": "$", "remove": True}))


def test_overlay_errors_are_spec_errors() -> None:
    """The pipeline reports every SpecError the same way; overlay errors must be among them."""
    assert issubclass(OverlayError, SpecError)
