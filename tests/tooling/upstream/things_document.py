"""A small document, GET and POST /things, that every change class is made to."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from modelcatalog.tooling.upstream.diff.rules import Change


def base_document() -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://api.example.test/v1"}],
        "security": [{"bearer": []}],
        "paths": {
            "/things": {
                "get": {
                    "operationId": "list_things",
                    "summary": "List things",
                    "parameters": [
                        {"name": "q", "in": "query", "schema": {"type": "string"}},
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}},
                        {"$ref": "#/components/parameters/Kind"},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["items"],
                                        "properties": {
                                            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                                            "next": {"type": "string", "nullable": True},
                                        },
                                    }
                                }
                            },
                        },
                        "401": {"description": "no"},
                    },
                },
                "post": {
                    "operationId": "create_thing",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewThing"}}},
                    },
                    "responses": {"201": {"description": "made"}},
                },
            },
            "/other": {"get": {"responses": {"200": {"description": "unrelated"}}}},
        },
        "components": {
            "parameters": {"Kind": {"name": "kind", "in": "query", "schema": {"$ref": "#/components/schemas/Kind"}}},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Kind": {"type": "string", "enum": ["a", "b"]},
                "Base": {"type": "object", "properties": {"created": {"type": "string", "format": "date-time"}}},
                "Thing": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Base"},
                        {
                            "type": "object",
                            "required": ["id"],
                            "properties": {
                                "id": {"type": "string", "description": "the id"},
                                "kind": {"$ref": "#/components/schemas/Kind"},
                                "size": {"type": "integer"},
                                "tags": {"type": "array", "items": {"type": "string", "enum": ["x", "y"]}},
                                "source": {
                                    "oneOf": [
                                        {"$ref": "#/components/schemas/Local"},
                                        {"$ref": "#/components/schemas/Remote"},
                                    ]
                                },
                                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                            },
                        },
                    ]
                },
                "Local": {"type": "object", "properties": {"path": {"type": "string"}}},
                "Remote": {"type": "object", "properties": {"url": {"type": "string"}}},
                "NewThing": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "kind": {"$ref": "#/components/schemas/Kind"},
                        "weight": {"type": "integer"},
                        "note": {"type": "string", "example": "hi"},
                    },
                },
            },
        },
    }


OPS = ["GET /things", "POST /things"]


def schemas(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["components"]["schemas"]


def get_operation(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["paths"]["/things"]["get"]


def thing_properties(doc: dict[str, Any]) -> dict[str, Any]:
    return schemas(doc)["Thing"]["allOf"][1]["properties"]


def q_schema(doc: dict[str, Any]) -> dict[str, Any]:
    """The schema of query parameter `q` (a string)."""
    return get_operation(doc)["parameters"][0]["schema"]


def limit_schema(doc: dict[str, Any]) -> dict[str, Any]:
    """The schema of query parameter `limit` (an integer, maximum 100)."""
    return get_operation(doc)["parameters"][1]["schema"]


def weight_schema(doc: dict[str, Any]) -> dict[str, Any]:
    """A request body property (an integer)."""
    return schemas(doc)["NewThing"]["properties"]["weight"]


def size_schema(doc: dict[str, Any]) -> dict[str, Any]:
    """A response property (an integer)."""
    return thing_properties(doc)["size"]


def id_schema(doc: dict[str, Any]) -> dict[str, Any]:
    """A response property (a string)."""
    return thing_properties(doc)["id"]


def only(changes: list[Change], change_id: str, operation: str | None = None) -> Change:
    found = [c for c in changes if c.id == change_id and (operation is None or c.operation == operation)]
    assert len(found) == 1, (change_id, [(c.id, c.operation, c.text) for c in changes])
    return found[0]


def rename_component(old_name: str, new_name: str) -> Callable[[dict[str, Any]], None]:
    def rename(doc: dict[str, Any]) -> None:
        schemas = doc["components"]["schemas"]
        schemas[new_name] = schemas.pop(old_name)
        text = json.dumps(doc).replace(f'"#/components/schemas/{old_name}"', f'"#/components/schemas/{new_name}"')
        doc.clear()
        doc.update(json.loads(text))

    return rename


def tagged_union(doc: dict[str, Any]) -> None:
    """`source` becomes a discriminated union: Local and Remote each pinned by `kind`."""
    schemas(doc)["Local"]["properties"]["kind"] = {"type": "string", "enum": ["local"]}
    schemas(doc)["Remote"]["properties"]["kind"] = {"type": "string", "enum": ["remote"]}
    thing_properties(doc)["source"]["discriminator"] = {"propertyName": "kind"}
