"""Open the enums of responses: "one of the known values, or any other string".

openapi-python-client turns an enum into a ``StrEnum`` whose constructor raises on a
value the spec did not list. Providers add values all the time (Scenario's model
``type`` went from 18 to 37), so a closed response enum is a client that breaks the day
the provider ships a feature. Each enum reachable from a response becomes a named
component, referenced as ``anyOf: [<the enum>, <its base type>]``: the generated code
still offers the typed enum and keeps an unknown value as a plain string.

Discriminated unions get the same treatment: the tag enum of each variant stays
closed (openapi-python-client picks a variant by trying each in turn, so the tag is
what tells them apart), and the union gains a last, generic object variant so that a
variant the provider adds later (a new TrueFoundry framework, say) is kept as a
dictionary instead of failing the whole record.

Request-side enums stay closed: they stop us sending a value the server rejects.
"""

from __future__ import annotations

import re
from typing import Any

from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.refs import component_ref, resolve, split_component_ref
from modelcatalog.tooling.slicing import HTTP_METHODS

OPENED_MARK = "x-modelcatalog-open-enum"
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_ANNOTATIONS: tuple[str, ...] = ("description", "default", "example", "nullable")
_SUBSCHEMA_SINGLE = ("items", "additionalProperties", "not")


def open_response_enums(document: dict[str, Any]) -> dict[str, Any]:
    """Rewrite ``document`` in place (and return it) with every response enum opened."""
    opener = _Opener(document)
    for path_item in document.get("paths", {}).values():
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if not isinstance(operation, dict):
                continue
            base_name = _pascal(operation.get("operationId", method))
            for status, response in operation.get("responses", {}).items():
                opener.response(response, f"{base_name}Response{status}")
    return document


class _Opener:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.schemas: dict[str, Any] = document.setdefault("components", {}).setdefault("schemas", {})
        self.visited: set[str] = set()
        self.tags = discriminator_tags(document)

    def response(self, response: dict[str, Any], name: str) -> None:
        if "$ref" in response:
            ref = response["$ref"]
            if ref in self.visited:
                return
            self.visited.add(ref)
            response = resolve(self.document, ref)
        for media in response.get("content", {}).values():
            if isinstance(media, dict) and isinstance(media.get("schema"), dict):
                media["schema"] = self.schema(media["schema"], name)

    def schema(self, schema: dict[str, Any], name: str, leaf: str = "") -> dict[str, Any]:
        """Return the schema to put where ``schema`` stood (a replacement for an enum).

        ``name`` is the path-like name a hoisted enum gets; ``leaf`` is its last part,
        which is all a title needs, since the generator prefixes the parent's name.
        """
        if schema.get(OPENED_MARK):
            return schema
        if "$ref" in schema:
            return self._reference(schema)
        if "enum" in schema:
            return self._open_inline(schema, name)
        single = schema.get("allOf")
        if isinstance(single, list) and len(single) == 1 and "$ref" in single[0]:
            # `allOf: [$ref]` is how FastAPI documents "this enum, with a description";
            # an opened enum inside allOf would be generated as an object, so unwrap it.
            opened = self._reference(single[0])
            if opened is not single[0]:
                return {**{k: v for k, v in schema.items() if k != "allOf"}, **opened}
        self._children(schema, name)
        if isinstance(schema.get("discriminator"), dict):
            _add_unknown_variant(schema, leaf or name)
        return schema

    def _children(self, schema: dict[str, Any], name: str) -> None:
        """Open the enums below an object, array or composed schema, in place."""
        closed = self.tags.get(name, set())
        for key, sub in schema.get("properties", {}).items():
            if isinstance(sub, dict) and key not in closed:
                schema["properties"][key] = self.schema(sub, name + _pascal(key), _pascal(key))
        for key in _SUBSCHEMA_SINGLE:
            if isinstance(schema.get(key), dict):
                schema[key] = self.schema(schema[key], name + ("Item" if key == "items" else "Value"))
        for key in _SUBSCHEMA_LISTS:
            if isinstance(schema.get(key), list):
                schema[key] = [
                    self.schema(sub, f"{name}Option{i}") if isinstance(sub, dict) else sub
                    for i, sub in enumerate(schema[key])
                ]

    def _reference(self, schema: dict[str, Any]) -> dict[str, Any]:
        ref = schema["$ref"]
        target = resolve(self.document, ref)
        if isinstance(target, dict) and "enum" in target:
            return _open_reference(ref, target)
        if ref not in self.visited:
            self.visited.add(ref)
            _, component = split_component_ref(ref)
            self.schemas[component] = self.schema(target, component)
        return schema

    def _open_inline(self, schema: dict[str, Any], name: str) -> dict[str, Any]:
        """Hoist an inline enum into a named component and reference it openly."""
        if name in self.schemas:
            msg = f"cannot hoist the enum at {name!r}: a schema of that name exists"
            raise SpecError(msg)
        annotations: dict[str, Any] = {key: schema.pop(key) for key in _ANNOTATIONS if key in schema}
        # the generator names classes by title; a shared title like "Type" would collide
        self.schemas[name] = {"title": name, **{k: v for k, v in schema.items() if k != "title"}}
        return {**_open_reference(component_ref("schemas", name), schema), **annotations}


def _open_reference(ref: str, enum_schema: dict[str, Any]) -> dict[str, Any]:
    types = enum_schema.get("type", "string")
    types = types if isinstance(types, list) else [types]
    options: list[dict[str, Any]] = [{"$ref": ref}]
    options += [{"type": kind} for kind in types]
    if None in enum_schema.get("enum", []) and "null" not in types:
        options.append({"type": "null"})
    return {"anyOf": options, OPENED_MARK: True}


def _add_unknown_variant(schema: dict[str, Any], name: str) -> None:
    key = "oneOf" if "oneOf" in schema else "anyOf"
    variants = schema.get(key)
    if not isinstance(variants, list) or any(v.get(OPENED_MARK) for v in variants if isinstance(v, dict)):
        return
    variants.append(
        {
            "type": "object",
            "title": f"{name}Unknown",
            "description": "A variant this client does not know yet: kept as it came.",
            "additionalProperties": True,
            OPENED_MARK: True,
        }
    )


def discriminator_tags(document: dict[str, Any]) -> dict[str, set[str]]:
    """Component name -> the properties that tag it in some discriminated union."""
    tags: dict[str, set[str]] = {}
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            discriminator = node.get("discriminator")
            if isinstance(discriminator, dict) and isinstance(discriminator.get("propertyName"), str):
                variants = [*node.get("oneOf", []), *node.get("anyOf", [])]
                refs = [v["$ref"] for v in variants if isinstance(v, dict) and "$ref" in v]
                # a mapping value is a reference or, as OpenAPI also allows, a bare schema name
                mapped = [v for v in discriminator.get("mapping", {}).values() if isinstance(v, str)]
                refs += [v if v.startswith("#") else component_ref("schemas", v) for v in mapped]
                for ref in refs:
                    tags.setdefault(split_component_ref(ref)[1], set()).add(discriminator["propertyName"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return tags


def _pascal(text: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", text) if part)


# Keywords that constrain values rather than shape; a response that breaks one of them
# is still a usable record, so the decoding variant does not enforce them.
_VALUE_CONSTRAINTS = frozenset(
    {
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minLength",
        "maxLength",
        "pattern",
        "minItems",
        "maxItems",
        "uniqueItems",
    }
)


def decoding_variant(document: dict[str, Any]) -> dict[str, Any]:
    """The document as the msgspec decoding types see it (derived in memory, never committed).

    msgspec decodes in C and checks types as it goes, but a union may hold only one
    string-like type and only tagged Structs. So for decoding: an opened enum is its
    base type (the wrapper reports unknown values as off-spec against the typed client's
    enums), an opened discriminated union is a plain object (the typed client parses
    it), an object that allows extra keys is a plain mapping (a Struct cannot keep them),
    value constraints are dropped (a response is kept even when a number is out of the
    documented range), and nested titles go (they name classes "Type1".."Type16").
    """
    schemas = document.get("components", {}).get("schemas", {})
    mappings = {
        component_ref("schemas", name)
        for name, schema in schemas.items()
        if isinstance(schema, dict) and _open_object(schema)
    }
    collapsed: dict[str, Any] = _collapse(document, mappings)
    kept = collapsed.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        if component_ref("schemas", name) in mappings:
            del kept[name]
        elif isinstance(schema, dict) and "title" in schema:
            kept[name]["title"] = schema["title"]
    return collapsed


def _collapse(node: Any, mappings: set[str]) -> Any:
    if isinstance(node, list):
        return [_collapse(item, mappings) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("$ref") in mappings:
        return {"type": "object", "additionalProperties": True}
    if node.get(OPENED_MARK) and "anyOf" in node:
        base = [option["type"] for option in node["anyOf"] if "$ref" not in option and "type" in option]
        plain = {k: v for k, v in node.items() if k not in ("anyOf", OPENED_MARK)}
        plain["type"] = base[0] if len(base) == 1 else base
        return plain
    if isinstance(node.get("discriminator"), dict) or _open_object(node):
        # a discriminated union, or an object that declares extra keys legitimate:
        # a Struct can hold neither, so decode it as a plain mapping
        plain = {k: v for k, v in node.items() if k in ("description", "nullable")}
        plain.update(type="object", additionalProperties=True)
        return plain
    return {
        key: _collapse(value, mappings)
        for key, value in node.items()
        # a keyword's value is a scalar; a property that happens to be called "maxLength"
        # or "title" has a schema (a dict) as its value and is kept
        if isinstance(value, dict) or (key not in _VALUE_CONSTRAINTS and key != "title")
    }


def _open_object(schema: dict[str, Any]) -> bool:
    """An object with named properties that also allows any other key."""
    extra = schema.get("additionalProperties")
    return "properties" in schema and extra is not None and extra is not False


def known_enum_values(document: dict[str, Any]) -> dict[str, dict[str, list[Any]]]:
    """Component name -> wire property name -> the values its opened enum lists.

    The decoding Structs see an opened enum as its base type; this table is how the
    wrapper still tells a listed value from one the provider added after us.
    Properties whose items are an opened enum (a list of capabilities) count too.
    """
    schemas = document.get("components", {}).get("schemas", {})
    table: dict[str, dict[str, list[Any]]] = {}
    for component, schema in schemas.items():
        if not isinstance(schema, dict):
            continue
        for prop, sub in schema.get("properties", {}).items():
            target = sub.get("items", sub) if isinstance(sub, dict) and sub.get("type") == "array" else sub
            values = _opened_values(document, target)
            if values is not None:
                table.setdefault(component, {})[prop] = values
    return table


def _opened_values(document: dict[str, Any], schema: Any) -> list[Any] | None:
    if not isinstance(schema, dict) or not schema.get(OPENED_MARK) or "anyOf" not in schema:
        return None
    for option in schema["anyOf"]:
        if isinstance(option, dict) and "$ref" in option:
            enum = resolve(document, option["$ref"]).get("enum", [])
            return [value for value in enum if value is not None]
    return None
