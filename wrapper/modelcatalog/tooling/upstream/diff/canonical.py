"""What a document means, spelling aside: the form that tells a change of meaning from a change of spelling.

Two documents whose canonical operations are equal differ only in things that do not
change what a client of ours sends or reads: other paths, ``info``, ``x-`` extensions our
generators ignore, the spellings of nullable and of exclusive bounds, ``$ref`` names, key
order. The walker uses it to tell ``api-document-changed-elsewhere`` from
``api-unclassified-change``, and to pair a renamed union variant with its old self.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from modelcatalog.tooling.refs import resolve
from modelcatalog.tooling.slicing import parse_operation
from modelcatalog.tooling.upstream.diff.readers import (
    VARIANT_KEYWORDS,
    find_path,
    has_shape,
    is_public,
    parameters_of,
    range_bound,
    read_by_generators,
    requirements,
    scheme_names,
    servers_of,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable


def canonical_operations(document: dict[str, Any], operations: Iterable[str]) -> list[dict[str, Any] | None]:
    """What ``operations`` mean, spelling aside: references inlined, `info` and ignored `x-` keys gone.

    Two documents whose canonical operations are equal differ only in things that do
    not change what a client of ours sends or reads: other paths, ``info``, ``x-``
    extensions our generators ignore, the spelling of nullable, ``$ref`` names, key order.
    """
    found: list[dict[str, Any] | None] = []
    for operation in operations:
        method, path = parse_operation(operation)
        _, item = find_path(document, path)
        op = (item or {}).get(method)
        if not isinstance(op, dict) or item is None:
            found.append(None)
            continue
        reader = _Canonical(document)
        accepted = requirements(document, op)
        schemes = (document.get("components") or {}).get("securitySchemes") or {}
        found.append(
            {
                "servers": servers_of(document, item, op),
                "security": "none needed" if is_public(accepted) else sorted(map(sorted, accepted)),
                "schemes": reader.value(
                    {name: schemes.get(name) for name in sorted(scheme_names([document.get("security"), item]))}
                ),
                "parameters": {
                    f"{where} {name}": reader.value(param)
                    for (where, name), (param, _) in parameters_of(document, item, op, "").items()
                },
                "operation": reader.value({key: value for key, value in op.items() if key not in _READ_APART}),
            }
        )
    return found


# what canonical_operations reads on its own, defaults and inheritance applied
_READ_APART = frozenset({"parameters", "security", "servers"})


def canonical_schema(document: dict[str, Any], schema: Any) -> Any:
    """One schema's meaning, spelling aside (see :func:`canonical_operations`)."""
    return _Canonical(document).schema(schema)


_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_SINGLE = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else")
_SCHEMA_HOLDERS = ("schema",)  # keys whose value is a schema in parameters and media types


class _Canonical:
    """Turn document parts into plain values that compare equal exactly when they mean the same."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.stack: list[str] = []

    def value(self, node: Any) -> Any:
        """A non-schema part (an operation, a parameter, a response): refs inlined, schemas canonical."""
        if isinstance(node, list):
            return [self.value(item) for item in node]
        if not isinstance(node, dict):
            return node
        if isinstance(node.get("$ref"), str):
            return self._follow(node, self.value)
        result: dict[str, Any] = {}
        for key, sub in node.items():
            if key.startswith("x-") and not read_by_generators(key):
                continue
            result[key] = self.schema(sub) if key in _SCHEMA_HOLDERS else self.value(sub)
        return result

    def schema(self, node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        if isinstance(node.get("$ref"), str):
            return self._follow(node, self.schema)
        result: dict[str, Any] = {}
        for key, sub in node.items():
            if key.startswith("x-") and not read_by_generators(key):
                continue
            if key in _SCHEMA_MAPS and isinstance(sub, dict):
                result[key] = {name: self.schema(item) for name, item in sub.items()}
            elif key in _SCHEMA_LISTS and isinstance(sub, list):
                result[key] = [self.schema(item) for item in sub]
            elif key in _SCHEMA_SINGLE:
                result[key] = self.schema(sub)
            else:
                result[key] = sub
        return _one_bound_spelling(_one_nullable_spelling(_merged_all_of(result)))

    def _follow(self, node: dict[str, Any], then: Callable[[Any], Any]) -> Any:
        ref = node["$ref"]
        if ref in self.stack:  # recursion: by depth, so a renamed component compares equal
            return {"$recursive": len(self.stack) - self.stack.index(ref)}
        self.stack.append(ref)
        try:
            target = resolve(self.document, ref)
            siblings = {key: value for key, value in node.items() if key != "$ref"}
            return then({**target, **siblings} if isinstance(target, dict) else target)
        finally:
            self.stack.pop()


def _one_nullable_spelling(schema: dict[str, Any]) -> dict[str, Any]:
    """``nullable: true``, ``type: [X, "null"]`` and ``anyOf/oneOf: [X, {type: null}]`` as one form.

    ``schema``'s subschemas are already canonical: a null branch is ``{"nullable": true}``.
    """
    nullable = bool(schema.pop("nullable", False))
    for keyword, _ in VARIANT_KEYWORDS:
        branches = schema.get(keyword)
        if not isinstance(branches, list) or not any(_is_null_branch(branch) for branch in branches):
            continue
        nullable = True
        kept = [branch for branch in branches if not _is_null_branch(branch)]
        if len(kept) == 1 and isinstance(kept[0], dict) and not has_shape(schema, keyword):
            inner = dict(kept[0])
            nullable = bool(inner.pop("nullable", False)) or nullable
            schema = {**inner, **{key: value for key, value in schema.items() if key != keyword}}
        else:
            schema[keyword] = kept
    kind = schema.get("type")
    if isinstance(kind, list) or kind == "null":
        kinds = kind if isinstance(kind, list) else [kind]
        nullable = nullable or "null" in kinds
        kept_types = sorted(str(item) for item in kinds if item != "null")
        if not kept_types:
            del schema["type"]
        else:
            schema["type"] = kept_types[0] if len(kept_types) == 1 else kept_types
    if isinstance(schema.get("enum"), list) and None in schema["enum"]:
        nullable = True
        schema["enum"] = [value for value in schema["enum"] if value is not None]
        if not schema["enum"]:
            del schema["enum"]
    if nullable:
        schema["nullable"] = True
    return schema


def _merged_all_of(schema: dict[str, Any]) -> dict[str, Any]:
    """``allOf`` members folded into one schema, as the walker sees them; ``required`` in a fixed order."""
    members = schema.pop("allOf", None)
    if isinstance(members, list) and all(isinstance(member, dict) for member in members):
        properties: dict[str, Any] = {}
        required: list[str] = []
        merged: dict[str, Any] = {}
        for member in [*members, schema]:
            properties.update(member.get("properties") or {})
            required += member.get("required") or []
            merged.update({key: value for key, value in member.items() if key not in ("properties", "required")})
        schema = merged
        if properties:
            schema["properties"] = properties
        if required:
            schema["required"] = required
    elif members is not None:
        schema["allOf"] = members
    if isinstance(schema.get("required"), list):
        schema["required"] = sorted(set(map(str, schema["required"])))
    return schema


def _one_bound_spelling(schema: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI 3.0's ``minimum: 5, exclusiveMinimum: true`` and 3.1's ``exclusiveMinimum: 5`` as one form."""
    bounds = {"lower": range_bound(schema, lower=True), "upper": range_bound(schema, lower=False)}
    if not any(bounds.values()):
        return schema
    for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        schema.pop(key, None)
    schema["$bounds"] = bounds
    return schema


def _is_null_branch(branch: Any) -> bool:
    return isinstance(branch, dict) and branch == {"nullable": True}
