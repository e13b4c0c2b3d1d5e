"""How the walker reads a document: schemas through their ``$ref``s, an operation's servers, security and parameters.

A schema is seen as a :class:`Node`: its ``$ref`` chain followed, ``allOf`` merged, and
``anyOf``/``oneOf`` ``[X, null]`` folded into a nullable X, so that the spellings of one
meaning read the same. :func:`unresolved_reference` says whether a new document can be
read at all where our operations look.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.refs import COMPONENTS_PREFIX, deref, iter_refs, resolve
from modelcatalog.tooling.slicing import HTTP_METHODS, parse_operation

if TYPE_CHECKING:
    from collections.abc import Iterable

MAX_DEPTH = 64
VARIANT_KEYWORDS = (("oneOf", "one-of"), ("anyOf", "any-of"))


# -- schemas ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """A schema seen through its ``$ref``s, with ``allOf`` merged and null variants folded in."""

    schema: dict[str, Any]
    ptr: str
    ref: str | None
    nullable: bool


def view(document: dict[str, Any], raw: Any, ptr: str, depth: int = 0) -> Node:
    """Follow ``$ref``s, fold ``anyOf/oneOf [X, null]`` into a nullable X, merge ``allOf``."""
    schema: dict[str, Any] = raw if isinstance(raw, dict) else {}
    ref = None
    while isinstance(schema.get("$ref"), str) and depth < MAX_DEPTH:
        siblings = {key: value for key, value in schema.items() if key != "$ref"}
        ref = schema["$ref"]
        ptr = ref
        target = resolve(document, ref)
        schema = {**target, **siblings} if isinstance(target, dict) else {}
        depth += 1
    nullable = bool(schema.get("nullable")) or _has_null_type(schema) or None in (schema.get("enum") or [])
    for keyword, _ in VARIANT_KEYWORDS:
        branches = schema.get(keyword)
        if not isinstance(branches, list):
            continue
        kept = [(index, branch) for index, branch in enumerate(branches) if not is_null(document, branch)]
        if len(kept) == len(branches):
            continue
        nullable = True
        if len(kept) == 1 and not has_shape(schema, keyword):
            index, only = kept[0]
            inner = view(document, only, f"{ptr}/{keyword}/{index}", depth + 1)
            outer = {key: value for key, value in schema.items() if key != keyword}
            return Node({**inner.schema, **outer}, inner.ptr, inner.ref, nullable=True)
    members = schema.get("allOf")
    if isinstance(members, list) and members and depth < MAX_DEPTH:
        return _merge_all_of(document, Node(schema, ptr, ref, nullable=nullable), members, depth)
    return Node(schema, ptr, ref, nullable=nullable)


def _merge_all_of(document: dict[str, Any], node: Node, members: list[Any], depth: int) -> Node:
    """One schema with the members' properties and required lists; the outer keywords win."""
    merged: dict[str, Any] = {}
    properties: dict[str, Any] = {}
    required: list[str] = []
    ptr, ref, nullable = node.ptr, node.ref, node.nullable
    for index, member in enumerate(members):
        part = view(document, member, f"{node.ptr}/allOf/{index}", depth + 1)
        nullable = nullable or part.nullable
        properties.update(part.schema.get("properties") or {})
        required.extend(part.schema.get("required") or [])
        for key, value in part.schema.items():
            merged.setdefault(key, value)
        if len(members) == 1:
            ptr, ref = part.ptr, part.ref
    outer = {key: value for key, value in node.schema.items() if key != "allOf"}
    properties.update(outer.get("properties") or {})
    required.extend(outer.get("required") or [])
    schema = {**merged, **outer}
    if properties:
        schema["properties"] = properties
    if required:
        schema["required"] = list(dict.fromkeys(required))
    return Node(schema, ptr, ref, nullable=nullable)


def variants(document: dict[str, Any], node: Node, keyword: str) -> dict[str, Node] | None:
    """The non-null branches of ``node``'s ``oneOf`` or ``anyOf`` by :func:`node_key`; ``None`` without one."""
    branches = node.schema.get(keyword)
    if not isinstance(branches, list):
        return None
    found: dict[str, Node] = {}
    for index, branch in enumerate(branches):
        if is_null(document, branch):
            continue
        key = _branch_key(branch, index)
        while key in found:
            key += "'"
        found[key] = view(document, branch, f"{node.ptr}/{keyword}/{index}")
    return found


def node_key(node: Node) -> str:
    """The variant key of a schema that is not a oneOf/anyOf, to match it against a variant."""
    return node.ref.rsplit("/", 1)[-1] if node.ref else _branch_key(node.schema, 0)


def _branch_key(branch: Any, index: int) -> str:
    """How a variant is recognised on the other side: its schema name, else its type."""
    if isinstance(branch, dict):
        ref = branch.get("$ref")
        if isinstance(ref, str):
            return ref.rsplit("/", 1)[-1]
        types = schema_types(branch)
        if types:
            return "|".join(sorted(types))
        title = branch.get("title")
        if isinstance(title, str):
            return title
    return f"#{index}"


def discriminator_property(schema: dict[str, Any]) -> str | None:
    """The property a discriminated union is tagged by, if it is one."""
    discriminator = schema.get("discriminator")
    name = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
    return name if isinstance(name, str) else None


def tag_value(document: dict[str, Any], node: Node, prop: str) -> str | None:
    """The one value a variant's tag property can take, as JSON text."""
    raw = (node.schema.get("properties") or {}).get(prop)
    if raw is None:
        return None
    values = enum_values(view(document, raw, "").schema)
    return value_key(values[0]) if values and len(values) == 1 else None


def is_null(document: dict[str, Any], branch: Any) -> bool:
    """Whether a union branch only allows null (``type: null``, ``enum: [null]``, or a ref to one)."""
    if not isinstance(branch, dict):
        return False
    if isinstance(branch.get("$ref"), str):
        target = resolve(document, branch["$ref"])
        return isinstance(target, dict) and target.get("type") == "null"
    return branch.get("type") == "null" or (branch.get("enum") == [None])


def _has_null_type(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return kind == "null" or (isinstance(kind, list) and "null" in kind)


def has_shape(schema: dict[str, Any], keyword: str) -> bool:
    """Whether a schema says more than its variants (then it cannot be unwrapped)."""
    structural = ("type", "properties", "items", "allOf", "anyOf", "oneOf", "enum")
    return any(key in schema for key in structural if key != keyword)


def is_composite(schema: dict[str, Any]) -> bool:
    """A ``oneOf``/``anyOf`` with no type of its own: compared variant by variant."""
    return "type" not in schema and any(isinstance(schema.get(key), list) for key, _ in VARIANT_KEYWORDS)


def schema_types(schema: dict[str, Any]) -> frozenset[str] | None:
    """The types a schema allows, null aside; ``None`` when it does not say."""
    kind = schema.get("type")
    if isinstance(kind, str):
        kind = [kind]
    if isinstance(kind, list):
        return frozenset(str(item) for item in kind if item != "null")
    return None


def enum_values(schema: dict[str, Any]) -> list[Any] | None:
    """The values an ``enum`` or ``const`` allows, null aside; ``None`` when it lists none."""
    if isinstance(schema.get("enum"), list):
        return [value for value in schema["enum"] if value is not None]
    if "const" in schema:
        return [schema["const"]]
    return None


def value_key(value: Any) -> str:
    """A JSON value as text that compares equal exactly when the values do."""
    return json.dumps(value, sort_keys=True)


def number(value: Any) -> float | None:
    """A JSON number (never a boolean), else ``None``."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def range_bound(schema: dict[str, Any], *, lower: bool) -> tuple[float, bool] | None:
    """The effective ``minimum`` (``lower``) or ``maximum`` and whether it is exclusive.

    OpenAPI 3.0 writes an exclusive bound as ``minimum: 5, exclusiveMinimum: true``,
    3.1 as ``exclusiveMinimum: 5``: both spellings give ``(5, True)``.
    """
    inclusive_key, exclusive_key = ("minimum", "exclusiveMinimum") if lower else ("maximum", "exclusiveMaximum")
    inclusive, exclusive = number(schema.get(inclusive_key)), schema.get(exclusive_key)
    if exclusive is True and inclusive is not None:
        return inclusive, True
    exclusive_value = number(exclusive)
    if exclusive_value is None:
        return None if inclusive is None else (inclusive, False)
    if inclusive is None:
        return exclusive_value, True
    stricter = exclusive_value >= inclusive if lower else exclusive_value <= inclusive
    return (exclusive_value, True) if stricter else (inclusive, False)


def visible_properties(schema: dict[str, Any], skip: str) -> dict[str, Any]:
    """Properties the side can see: a request never sends readOnly ones, a response never returns writeOnly ones."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return {}
    return {name: raw for name, raw in properties.items() if not (isinstance(raw, dict) and raw.get(skip))}


def ptr_of(raw: Any, inline: str) -> str:
    """Where a part is defined: its ``$ref``, else ``inline``."""
    if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
        return str(raw["$ref"])
    return inline


def escape(segment: str) -> str:
    """One JSON Pointer segment (``/`` and ``~`` escaped)."""
    return str(segment).replace("~", "~0").replace("/", "~1")


# -- what the generators read ------------------------------------------------------------------


# `x-` extensions openapi-python-client 0.29 and datamodel-code-generator 0.89 read:
# a change to one of them changes the generated code. Every other `x-` key is ignored.
GENERATOR_EXTENSIONS = frozenset(
    {
        "x-enum-varnames",
        "x-enumNames",
        "x-enum-descriptions",
        "x-enum-field-as-literal",
        "x-python-type",
        "x-python-import",
        "x-is-base-class",
        "x-propertyNames",
    }
)
_GENERATOR_EXTENSION_PREFIXES = ("x-datamodel-code-generator-",)


def read_by_generators(key: str) -> bool:
    """Whether a change to this ``x-`` key changes the generated code."""
    return key in GENERATOR_EXTENSIONS or key.startswith(_GENERATOR_EXTENSION_PREFIXES)


# -- operations ------------------------------------------------------------------------------


_TEMPLATE = re.compile(r"\{[^}/]*\}")


def find_path(document: dict[str, Any], path: str) -> tuple[str | None, dict[str, Any] | None]:
    """The path item for ``path``, also when only a template variable was renamed."""
    paths = document.get("paths") or {}
    if isinstance(paths.get(path), dict):
        return path, paths[path]
    shape = _TEMPLATE.sub("{}", path)
    for candidate, item in paths.items():
        if _TEMPLATE.sub("{}", candidate) == shape and isinstance(item, dict):
            return candidate, item
    return None, None


def find_moved(
    document: dict[str, Any], method: str, path: str, old_op: dict[str, Any]
) -> tuple[str, str, dict[str, Any], dict[str, Any]] | None:
    """Where an operation went: the same operationId, else the same method on a path with the same tail."""
    paths = document.get("paths") or {}
    operation_id = old_op.get("operationId")
    tail = "/".join(path.rstrip("/").split("/")[-2:])
    by_tail = None
    for candidate, item in paths.items():
        if not isinstance(item, dict) or not isinstance(item.get(method), dict):
            continue
        if operation_id and item[method].get("operationId") == operation_id:
            return f"{method.upper()} {candidate}", candidate, item, item[method]
        if by_tail is None and candidate.rstrip("/").endswith("/" + tail):
            by_tail = (f"{method.upper()} {candidate}", candidate, item, item[method])
    return by_tail


def servers_of(document: dict[str, Any], item: dict[str, Any], op: dict[str, Any]) -> list[str]:
    """The servers an operation is called on: its own, else its path's, else the document's."""
    for source in (op, item, document):
        servers = source.get("servers")
        if isinstance(servers, list) and servers:
            return [str(server.get("url")) for server in servers if isinstance(server, dict)]
    return ["/"]


Requirement = frozenset[tuple[str, tuple[str, ...]]]


def requirements(document: dict[str, Any], op: dict[str, Any]) -> set[Requirement]:
    """The alternatives an operation accepts; an empty set or an empty requirement means "no authentication"."""
    raw = op["security"] if "security" in op else document.get("security") or []
    return {
        frozenset((name, tuple(sorted(scopes or []))) for name, scopes in requirement.items())
        for requirement in raw
        if isinstance(requirement, dict)
    }


def is_public(requirements: set[Requirement]) -> bool:
    """No requirement, or an empty one among them: no authentication needed."""
    return not requirements or frozenset() in requirements


def parameters_of(
    document: dict[str, Any], item: dict[str, Any], op: dict[str, Any], op_ptr: str
) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
    """Path-level then operation-level parameters, keyed by (in, name); later ones win."""
    found: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for owner, owner_ptr in ((item, op_ptr.rsplit("/", 1)[0]), (op, op_ptr)):
        for index, raw in enumerate(owner.get("parameters") or []):
            param = deref(document, raw)
            if "in" in param and "name" in param:
                ptr = ptr_of(raw, f"{owner_ptr}/parameters/{index}")
                found[str(param["in"]), str(param["name"])] = (param, ptr)
    return found


def parameter_schema(param: dict[str, Any], ptr: str) -> tuple[Any, str]:
    """A parameter's schema and where it is: under ``schema``, else its first media type."""
    if "schema" in param:
        return param["schema"], f"{ptr}/schema"
    for media, body in (param.get("content") or {}).items():
        return (body or {}).get("schema"), f"{ptr}/content/{escape(media)}/schema"
    return {}, ptr


def parameter_style(param: dict[str, Any]) -> str:
    """A parameter's effective serialization, defaults filled in as OpenAPI defines them."""
    where = param.get("in")
    style = param.get("style") or ("form" if where in ("query", "cookie") else "simple")
    explode = param.get("explode", style == "form")
    return f"style={style}, explode={str(bool(explode)).lower()}"


def operation_roots(document: dict[str, Any], operations: Iterable[str]) -> list[Any]:
    """What the walker reads for ``operations``: their path items, or every path when one has moved."""
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return []
    roots: list[Any] = [document.get("security")]
    moved = False
    for operation in operations:
        method, path = parse_operation(operation)
        _, item = find_path(document, path)
        if item is None or not isinstance(item.get(method), dict):
            moved = True  # the walker looks for it on every path (same operationId, same tail)
            continue
        roots.append({key: value for key, value in item.items() if key not in HTTP_METHODS or key == method})
    if moved:
        roots += [item for item in paths.values() if isinstance(item, dict)]
    return roots


def unresolved_reference(document: dict[str, Any], roots: list[Any]) -> str | None:
    """The first reference reachable from ``roots`` that does not resolve inside ``document``, in words."""
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    for scheme in sorted(scheme_names(roots)):
        if scheme not in schemes:
            return f"security scheme {scheme!r} is not defined in #/components/securitySchemes"
    seen: set[str] = set()
    pending = [ref for root in roots for ref in iter_refs(root)]
    while pending:
        ref = pending.pop()
        if ref in seen:
            continue
        seen.add(ref)
        if not ref.startswith("#"):
            return f"external $ref {ref} (only references inside the document are supported)"
        if not ref.startswith(COMPONENTS_PREFIX):
            return f"$ref {ref} points outside #/components/ (not supported)"
        try:
            target = resolve(document, ref)
        except SpecError:
            return f"dangling $ref {ref}"
        pending.extend(iter_refs(target))
    return None


def scheme_names(roots: list[Any]) -> set[str]:
    """Security schemes named by the requirements in ``roots`` (the document's and the operations')."""
    lists: list[Any] = [root for root in roots if isinstance(root, list)]
    for root in roots:
        if isinstance(root, dict):
            lists += [op.get("security") for op in root.values() if isinstance(op, dict) and "responses" in op]
    return {
        name
        for requirements in lists
        for requirement in requirements or []
        if isinstance(requirement, dict)
        for name in requirement
    }
