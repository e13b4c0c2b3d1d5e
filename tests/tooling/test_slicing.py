"""Slicing a document to the operations we use, on small hand-made documents."""

from __future__ import annotations

from typing import Any

import pytest
from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.slicing import parse_operation, slice_document


def _ref(name: str, section: str = "schemas") -> dict[str, str]:
    return {"$ref": f"#/components/{section}/{name}"}


def _document() -> dict[str, Any]:
    """Two paths; only ``GET /models`` is wanted. Every component is named after who uses it."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Many paths", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "security": [{"globalKey": []}],
        "tags": [{"name": "models"}, {"name": "chats"}, {"name": "unused"}],
        "paths": {
            "/models": {
                "summary": "Models",
                "parameters": [_ref("PathLevelParam", "parameters")],
                "x-internal": True,
                "get": {
                    "operationId": "listModels",
                    "tags": ["models"],
                    "security": [{"modelBearer": []}],
                    "parameters": [{"name": "sort", "in": "query", "schema": _ref("SortOrder")}],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": _ref("ModelPage")}},
                        },
                        "401": _ref("Unauthorized", "responses"),
                    },
                },
                "post": {
                    "operationId": "createModel",
                    "tags": ["models"],
                    "security": [{"adminKey": []}],
                    "requestBody": {"content": {"application/json": {"schema": _ref("ModelForm")}}},
                    "responses": {"200": {"description": "ok"}},
                },
            },
            "/chats": {
                "get": {
                    "operationId": "listChats",
                    "tags": ["chats"],
                    "responses": {
                        "200": {"description": "ok", "content": {"application/json": {"schema": _ref("ChatPage")}}},
                    },
                },
            },
        },
        "webhooks": {"modelCreated": {"post": {"responses": {"200": {"description": "ok"}}}}},
        "components": {
            "schemas": {
                "ModelPage": {"type": "object", "properties": {"items": {"type": "array", "items": _ref("Model")}}},
                "Model": {
                    "type": "object",
                    "properties": {
                        "owner": {"allOf": [_ref("User")]},
                        "framework": {"oneOf": [_ref("Torch"), _ref("Onnx")]},
                    },
                },
                "User": {"type": "object", "properties": {"self": _ref("User")}},  # a cycle
                "Torch": {"type": "object"},
                "Onnx": {"type": "object"},
                "SortOrder": {"type": "string", "enum": ["asc", "desc"]},
                "Error": {"type": "object"},
                "ModelForm": {"type": "object"},
                "ChatPage": {"type": "object", "properties": {"owner": _ref("User")}},
            },
            "responses": {
                "Unauthorized": {"description": "no", "content": {"application/json": {"schema": _ref("Error")}}},
                "NotFound": {"description": "gone"},
            },
            "parameters": {
                "PathLevelParam": {"name": "tenant", "in": "header", "schema": {"type": "string"}},
                "Unused": {"name": "x", "in": "query"},
            },
            "securitySchemes": {
                "globalKey": {"type": "apiKey", "in": "header", "name": "X-Key"},
                "modelBearer": {"type": "http", "scheme": "bearer"},
                "adminKey": {"type": "apiKey", "in": "header", "name": "X-Admin"},
            },
        },
    }


def test_keeps_only_the_wanted_operation() -> None:
    sliced = slice_document(_document(), ["GET /models"])

    assert list(sliced["paths"]) == ["/models"]
    models = sliced["paths"]["/models"]
    assert set(models) == {"summary", "parameters", "get"}
    assert models["get"]["operationId"] == "listModels"
    assert "webhooks" not in sliced


def test_keeps_top_level_metadata() -> None:
    document = _document()

    sliced = slice_document(document, ["GET /models"])

    for key in ("openapi", "info", "servers", "security"):
        assert sliced[key] == document[key]
    assert list(sliced) == ["openapi", "info", "servers", "security", "tags", "paths", "components"]


def test_keeps_only_the_tags_the_kept_operations_use() -> None:
    assert slice_document(_document(), ["GET /models"])["tags"] == [{"name": "models"}]


def test_keeps_exactly_the_reachable_components() -> None:
    components = slice_document(_document(), ["GET /models"])["components"]

    # through $ref in responses, allOf, oneOf, array items, a cycle, a response component and a path-level parameter
    assert set(components["schemas"]) == {"ModelPage", "Model", "User", "Torch", "Onnx", "SortOrder", "Error"}
    assert set(components["responses"]) == {"Unauthorized"}
    assert set(components["parameters"]) == {"PathLevelParam"}


def test_keeps_only_the_security_schemes_in_use() -> None:
    """Global requirements and the kept operation's own; not those of dropped operations."""
    components = slice_document(_document(), ["GET /models"])["components"]

    assert set(components["securitySchemes"]) == {"globalKey", "modelBearer"}


def test_several_operations_on_one_path_share_the_path_item() -> None:
    sliced = slice_document(_document(), ["GET /models", "POST /models"])

    assert set(sliced["paths"]["/models"]) == {"summary", "parameters", "get", "post"}
    assert "ModelForm" in sliced["components"]["schemas"]
    assert "adminKey" in sliced["components"]["securitySchemes"]


def test_operations_on_different_paths() -> None:
    sliced = slice_document(_document(), ["GET /chats", "GET /models"])

    assert list(sliced["paths"]) == ["/chats", "/models"]
    assert [tag["name"] for tag in sliced["tags"]] == ["models", "chats"]
    assert "ChatPage" in sliced["components"]["schemas"]


def test_components_section_is_dropped_when_nothing_is_reachable() -> None:
    document = _document()
    del document["security"]

    sliced = slice_document(document, ["GET /chats"])

    assert set(sliced["components"]) == {"schemas"}
    assert set(sliced["components"]["schemas"]) == {"ChatPage", "User"}
    document["paths"]["/chats"]["get"]["responses"]["200"] = {"description": "ok"}
    assert "components" not in slice_document(document, ["GET /chats"])


def test_the_input_document_is_left_unchanged() -> None:
    document = _document()

    slice_document(document, ["GET /models"])

    assert document == _document()


@pytest.mark.parametrize("operation", ["DELETE /models", "GET /nope", "GET /models/"])
def test_an_operation_not_in_the_document_fails_naming_it(operation: str) -> None:
    with pytest.raises(SpecError, match=f"operation '{operation}' is not in the document"):
        slice_document(_document(), ["GET /models", operation])


def test_a_dangling_reference_fails_naming_it() -> None:
    document = _document()
    document["components"]["schemas"]["Model"]["properties"]["tags"] = _ref("Tag")

    with pytest.raises(SpecError, match=r"reference '#/components/schemas/Tag' points at nothing"):
        slice_document(document, ["GET /models"])


def test_an_external_reference_is_refused() -> None:
    document = _document()
    document["components"]["schemas"]["Model"]["properties"]["tags"] = {"$ref": "other.yaml#/Tag"}

    with pytest.raises(SpecError, match="only local component references are supported"):
        slice_document(document, ["GET /models"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("GET /models", ("get", "/models")), ("post /finetune_list", ("post", "/finetune_list"))],
)
def test_parse_operation(text: str, expected: tuple[str, str]) -> None:
    assert parse_operation(text) == expected


@pytest.mark.parametrize("text", ["/models", "FETCH /models", "GET models", "GET", ""])
def test_parse_operation_rejects_malformed(text: str) -> None:
    with pytest.raises(SpecError, match="is not of the form 'METHOD /path'"):
        parse_operation(text)
