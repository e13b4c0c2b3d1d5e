"""Read one operation out of an official SDK's wheel, as the SDK sends and reads it.

Scenario and TrueFoundry publish no OpenAPI document we can fetch, but both ship an
official Python SDK generated from the one they keep (scenario-sdk by Stainless,
truefoundry-sdk by Fern), and a new SDK release is the signal that their API changed.
The generated code keeps what a client depends on: the path, the query parameters and
their wire names, the response models with their fields (which are required, which may
be null) and every enum literal. This module parses that code with :mod:`ast` (nothing
from the wheel is imported or run) and writes it back as a small OpenAPI document, so
that the rules of :mod:`modelcatalog.tooling.upstream.diff` grade it like any other.

An SDK says less than an OpenAPI document: no formats, bounds, patterns, defaults or
descriptions, and an optional field looks like a nullable one. :func:`project` cuts both
documents down to what an SDK can say before they are compared.
"""

from __future__ import annotations

import ast
import copy
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.refs import component_ref, deref
from modelcatalog.tooling.slicing import parse_operation

if TYPE_CHECKING:
    from modelcatalog.tooling.manifest import SdkSource
    from modelcatalog.tooling.upstream.sources import Wheel

GENERATORS = ("stainless", "fern")
MAX_MODULE_BYTES = 4 * 1024 * 1024
_MAX_DEPTH = 48

# typing constructs, by the last part of their name (generated code spells them many ways)
_OPTIONAL = {"Optional"}
_UNION = {"Union"}
_LITERAL = {"Literal"}
_ANNOTATED = {"Annotated"}
_WRAPPERS = {"Required", "NotRequired", "ReadOnly", "Final"}
_ARRAYS = {"List", "list", "Sequence", "SequenceNotStr", "Iterable", "Set", "set", "FrozenSet", "Tuple", "tuple"}
_MAPS = {"Dict", "dict", "Mapping", "MutableMapping"}
_SCALARS: dict[str, dict[str, Any]] = {
    "str": {"type": "string"},
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "bytes": {"type": "string"},
    "datetime": {"type": "string"},
    "date": {"type": "string"},
    "time": {"type": "string"},
    "timedelta": {"type": "string"},
    "UUID": {"type": "string"},
    "None": {"type": "null"},
    "NoneType": {"type": "null"},
}
# framework base classes: their own attributes are not fields of the API's models
_FRAMEWORK_BASES = {
    "BaseModel",
    "GenericModel",
    "UniversalBaseModel",
    "UncheckedBaseModel",
    "BasePage",
    "BaseSyncPage",
    "BaseAsyncPage",
    "Generic",
    "TypedDict",
    "object",
    "Protocol",
}
_ENUM_BASES = {"Enum", "StrEnum", "IntEnum"}
_FIELD_CALLS = {"Field", "FieldInfo"}
_ALIAS_CALLS = {"PropertyInfo", "FieldMetadata", "Field", "FieldInfo"}
_STAINLESS_CALLS = {
    "_get": "get",
    "_post": "post",
    "_put": "put",
    "_patch": "patch",
    "_delete": "delete",
    "_get_api_list": "get",
}
_TRANSFORMS = {"maybe_transform", "async_maybe_transform"}


class SdkReadError(SpecError):
    """The wheel does not hold the method the manifest names, or its code is not what the reader knows."""


def sdk_document(wheel: Wheel, source: SdkSource, *, status: str, operation_id: str | None) -> dict[str, Any]:
    """The operation the SDK's ``source.method`` calls, as an OpenAPI document with one path.

    ``status`` is the success status our document gives the operation (an SDK does not
    say which 2xx it expects); ``operation_id`` is ours, so the two are matched even
    when the SDK calls another path.
    """
    if source.generator not in GENERATORS:
        msg = f"unknown SDK generator {source.generator!r}; expected one of {', '.join(GENERATORS)}"
        raise SdkReadError(msg)
    file, _, qualified = source.method.partition(":")
    class_name, _, method_name = qualified.partition(".")
    reader = _Reader(wheel, source)
    scope = reader.scope(file)
    if scope is None:
        msg = f"{wheel.name}: no {file} (the manifest's sdk.method names a file the wheel does not have)"
        raise SdkReadError(msg)
    function = _method(scope.tree, class_name, method_name)
    if function is None:
        msg = f"{wheel.name}: {file} has no {qualified}"
        raise SdkReadError(msg)
    operation = reader.stainless(scope, function) if source.generator == "stainless" else reader.fern(scope, function)
    method, path = operation.method, operation.path
    body: dict[str, Any] = {"parameters": operation.parameters, "responses": {}}
    if operation_id:
        body["operationId"] = operation_id
    if operation.body is not None:
        body["requestBody"] = {"required": True, "content": {"application/json": {"schema": operation.body}}}
    if operation.response is not None:
        body["responses"][status] = {
            "description": "",
            "content": {"application/json": {"schema": operation.response}},
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": f"{source.package} {wheel.name}", "version": ""},
        "paths": {path: {method: body}},
        "components": {"schemas": reader.components},
    }


# -- what an SDK can say ----------------------------------------------------------------


def project(document: dict[str, Any], operation: str) -> dict[str, Any]:
    """``document`` cut down to what an SDK can say about ``operation``.

    Kept: the path, query and path parameters (name, required, type, enum), the JSON
    request body, the JSON bodies of success responses, and of every schema its type,
    enum, properties, required list, items, map values and variants. Dropped: servers,
    security, descriptions, formats, bounds, patterns, defaults, examples, ``x-`` keys
    and errors. An optional property or parameter is never nullable (an SDK writes both
    as ``Optional``), ``oneOf`` is ``anyOf`` and a free-form object is any value.
    """
    method, path = parse_operation(operation)
    item = (document.get("paths") or {}).get(path)
    if not isinstance(item, dict) or not isinstance(item.get(method), dict):
        msg = f"operation {operation!r} is not in the document"
        raise SpecError(msg)
    op = item[method]
    parameters = []
    for raw in [*(item.get("parameters") or []), *(op.get("parameters") or [])]:
        param = deref(document, raw)
        if param.get("in") in ("query", "path") and "name" in param:
            parameters.append(
                {
                    "name": param["name"],
                    "in": param["in"],
                    "required": bool(param.get("required")) or param["in"] == "path",
                    "schema": _optional(_project_schema(param.get("schema") or {})),
                }
            )
    projected: dict[str, Any] = {"parameters": parameters, "responses": {}}
    if op.get("operationId"):
        projected["operationId"] = op["operationId"]
    body = deref(document, op.get("requestBody"))
    body_schema = ((body.get("content") or {}).get("application/json") or {}).get("schema")
    if body_schema is not None:
        projected["requestBody"] = {
            "required": bool(body.get("required")),
            "content": {"application/json": {"schema": _project_schema(body_schema)}},
        }
    for status, raw in (op.get("responses") or {}).items():
        response = deref(document, raw)
        schema = ((response.get("content") or {}).get("application/json") or {}).get("schema")
        if str(status).startswith("2") and schema is not None:
            content = {"application/json": {"schema": _project_schema(schema)}}
            projected["responses"][str(status)] = {"description": "", "content": content}
    schemas = ((document.get("components") or {}).get("schemas")) or {}
    return {
        "openapi": "3.1.0",
        "info": {"title": "projection", "version": ""},
        "paths": {path: {method: projected}},
        "components": {"schemas": {name: _project_schema(schema) for name, schema in schemas.items()}},
    }


def _project_schema(schema: Any) -> Any:
    if not isinstance(schema, dict):
        return {}
    if isinstance(schema.get("$ref"), str):
        return {"$ref": schema["$ref"]}
    result: dict[str, Any] = {
        key: copy.deepcopy(schema[key]) for key in ("type", "enum", "const", "nullable") if key in schema
    }
    result.update(_project_object(schema))
    if isinstance(schema.get("allOf"), list):
        result["allOf"] = [_project_schema(sub) for sub in schema["allOf"]]
    variants = [*(schema.get("oneOf") or []), *(schema.get("anyOf") or [])]
    if variants:
        result["anyOf"] = [_project_schema(sub) for sub in variants]
        discriminator = schema.get("discriminator")
        if isinstance(discriminator, dict) and isinstance(discriminator.get("propertyName"), str):
            result["discriminator"] = {"propertyName": discriminator["propertyName"]}
    shaped = {"properties", "additionalProperties", "allOf", "anyOf"} & set(result)
    if (result.get("type") == "object" and not shaped) or result.get("additionalProperties") == {}:
        result.pop("type", None)  # a free-form object: an SDK writes it as `object`, any value
        result.pop("additionalProperties", None)
    return result


def _project_object(schema: dict[str, Any]) -> dict[str, Any]:
    """Properties (an optional one never nullable), required, items and map values."""
    result: dict[str, Any] = {}
    required = [name for name in schema.get("required") or [] if isinstance(name, str)]
    properties = schema.get("properties")
    if isinstance(properties, dict) and properties:
        result["properties"] = {
            name: _project_schema(sub) if name in required else _optional(_project_schema(sub))
            for name, sub in properties.items()
        }
    if required:
        result["required"] = required
    if isinstance(schema.get("items"), dict):
        result["items"] = _project_schema(schema["items"])
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict) and extra and "properties" not in result:
        result["additionalProperties"] = _project_schema(extra)
    return result


def _optional(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` without the ways to say "or null": an optional field's null and absence look alike."""
    schema = {key: value for key, value in schema.items() if key != "nullable"}
    kind = schema.get("type")
    if isinstance(kind, list):
        kept = [item for item in kind if item != "null"]
        schema["type"] = kept[0] if len(kept) == 1 else kept
    if isinstance(schema.get("enum"), list):
        schema["enum"] = [value for value in schema["enum"] if value is not None]
    variants = schema.get("anyOf")
    if isinstance(variants, list):
        kept_variants = [v for v in variants if not (isinstance(v, dict) and v.get("type") == "null")]
        if len(kept_variants) == 1 and set(schema) == {"anyOf"}:
            return _optional(kept_variants[0]) if "$ref" not in kept_variants[0] else kept_variants[0]
        schema["anyOf"] = kept_variants
    return schema


# -- reading the generated code -----------------------------------------------------------


@dataclass
class _Scope:
    """One parsed module of the wheel and the names it defines or imports."""

    path: str
    tree: ast.Module
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)
    aliases: dict[str, ast.expr] = field(default_factory=dict)
    typevars: set[str] = field(default_factory=set)
    imports: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # name -> (module base, attribute)


@dataclass
class _Operation:
    method: str
    path: str
    parameters: list[dict[str, Any]]
    body: dict[str, Any] | None
    response: dict[str, Any] | None


_Found = tuple[str, Any, Any]  # ("class", scope, ClassDef) | ("alias", scope, expr) | ("external", name, None) | ...


class _Reader:
    def __init__(self, wheel: Wheel, source: SdkSource) -> None:
        self.wheel = wheel
        self.source = source
        self.scopes: dict[str, _Scope | None] = {}
        self.components: dict[str, Any] = {}
        self.names: dict[tuple[str, str], str] = {}  # (module, class) -> component name
        self.depth = 0

    # -- modules and names -------------------------------------------------------------

    def scope(self, path: str) -> _Scope | None:
        if path not in self.scopes:
            self.scopes[path] = self._parse(path)
        return self.scopes[path]

    def _parse(self, path: str) -> _Scope | None:
        text = self.wheel.text(path)
        if text is None:
            return None
        if len(text) > MAX_MODULE_BYTES:
            msg = f"{self.wheel.name}: {path} is larger than {MAX_MODULE_BYTES} bytes; refused"
            raise SdkReadError(msg)
        try:
            tree = ast.parse(text, filename=path)
        except (SyntaxError, ValueError, RecursionError) as exc:
            msg = f"{self.wheel.name}: {path} does not parse as Python: {exc}"
            raise SdkReadError(msg) from exc
        scope = _Scope(path, tree)
        package = PurePosixPath(path).parent
        for node in tree.body:
            _declare(scope, node, package)
        return scope

    def lookup(self, scope: _Scope, name: str, depth: int = 0) -> _Found:  # noqa: PLR0911 - one return per kind of name
        if name in scope.classes:
            return ("class", scope, scope.classes[name])
        if name in scope.typevars:
            return ("typevar", name, None)
        if name in scope.aliases:
            return ("alias", scope, scope.aliases[name])
        if name in scope.imports and depth < _MAX_DEPTH:
            base, attribute = scope.imports[name]
            if attribute is None:
                return ("module", base, None)
            submodule = self._module(f"{base}/{attribute}")
            if submodule is not None:
                return ("module", submodule, None)
            module = self._module(base)
            if module is not None and (target := self.scope(module)) is not None:
                return self.lookup(target, attribute, depth + 1)
            return ("external", attribute, None)
        return ("external", name, None)

    def _module(self, base: str) -> str | None:
        for candidate in (f"{base}.py", f"{base}/__init__.py"):
            if self.wheel.has(candidate):
                return candidate
        return None

    def resolve(self, scope: _Scope, expr: ast.expr) -> _Found:
        """What a name or dotted name in ``scope`` refers to."""
        if isinstance(expr, ast.Name):
            return self.lookup(scope, expr.id)
        if isinstance(expr, ast.Attribute):
            owner = self.resolve(scope, expr.value)
            if owner[0] == "module" and isinstance(owner[1], str) and owner[1].endswith(".py"):
                target = self.scope(owner[1])
                if target is not None:
                    return self.lookup(target, expr.attr)
            return ("external", expr.attr, None)
        return ("external", "", None)

    # -- types ---------------------------------------------------------------------------

    def schema(self, scope: _Scope, expr: ast.expr | None, bindings: dict[str, Any] | None = None) -> dict[str, Any]:
        """The JSON schema of a type annotation."""
        bindings = bindings or {}
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                return {}
            return self._schema(scope, expr, bindings)
        finally:
            self.depth -= 1

    def _schema(  # noqa: PLR0911 - one return per kind of annotation
        self, scope: _Scope, expr: ast.expr | None, bindings: dict[str, Any]
    ) -> dict[str, Any]:
        if expr is None:
            return {}
        if isinstance(expr, ast.Constant):
            if expr.value is None:
                return {"type": "null"}
            if isinstance(expr.value, str):  # a forward reference
                try:
                    parsed = ast.parse(expr.value, mode="eval").body
                except SyntaxError:
                    return {}
                return self.schema(scope, parsed, bindings)
            return {}
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
            return self._union(scope, [expr.left, expr.right], bindings)
        if isinstance(expr, ast.Subscript):
            return self._subscript(scope, expr, bindings)
        if isinstance(expr, ast.Name | ast.Attribute):
            found = self.resolve(scope, expr)
            return self._named(found, bindings)
        return {}

    def _named(self, found: _Found, bindings: dict[str, Any]) -> dict[str, Any]:  # noqa: PLR0911 - one per kind
        kind, where, node = found
        if kind == "typevar":
            return copy.deepcopy(bindings.get(where, {}))
        if kind == "class":
            return self.component(where, node)
        if kind == "alias":
            return self.schema(where, node, bindings)
        if kind == "external":
            if where in _ARRAYS:
                return {"type": "array"}
            if where in _MAPS:
                return {"type": "object"}
            return copy.deepcopy(_SCALARS.get(where, {}))
        return {}

    def _subscript(  # noqa: PLR0911 - one return per typing construct
        self, scope: _Scope, expr: ast.Subscript, bindings: dict[str, Any]
    ) -> dict[str, Any]:
        base = self.resolve(scope, expr.value)
        name = base[1] if base[0] == "external" else ""
        args = list(expr.slice.elts) if isinstance(expr.slice, ast.Tuple) else [expr.slice]
        if name in _OPTIONAL:
            return self._union(scope, [args[0], ast.Constant(None)], bindings)
        if name in _UNION:
            return self._union(scope, args, bindings)
        if name in _LITERAL:
            return _literal(args)
        if name in _ANNOTATED:
            inner = self.schema(scope, args[0], bindings)
            tag = _discriminator_of(args[1:])
            if tag and "anyOf" in inner:
                inner["discriminator"] = {"propertyName": tag}
            return inner
        if name in _WRAPPERS or name == "ClassVar":
            return self.schema(scope, args[0], bindings)
        if name in _ARRAYS:
            return {"type": "array", "items": self.schema(scope, args[0], bindings)}
        if name in _MAPS:
            values = self.schema(scope, args[-1], bindings)
            return {"type": "object", "additionalProperties": values} if values else {"type": "object"}
        if base[0] == "class":  # a generic model: Page[Item]
            _, class_scope, node = base
            names = _type_parameters(self, class_scope, node)
            bound = {tv: self.schema(scope, arg, bindings) for tv, arg in zip(names, args, strict=False)}
            return self.model(class_scope, node, bound)
        return {}

    def _union(self, scope: _Scope, members: list[ast.expr], bindings: dict[str, Any]) -> dict[str, Any]:
        variants: list[dict[str, Any]] = []
        for member in members:
            found = self.schema(scope, member, bindings)
            if "anyOf" in found and set(found) <= {"anyOf", "discriminator"}:
                variants += found["anyOf"]
            else:
                variants.append(found)
        nullable = {"type": "null"} in variants
        variants = [variant for variant in variants if variant != {"type": "null"}] or [{}]
        result: dict[str, Any]
        if len(variants) == 1:
            result = variants[0]
        else:
            result = {"anyOf": variants}
            tag = self._common_tag(variants)
            if tag:
                result["discriminator"] = {"propertyName": tag}
        if nullable:
            result = {"anyOf": [result, {"type": "null"}]}
        return result

    def _common_tag(self, variants: list[dict[str, Any]]) -> str | None:
        """The property every variant pins to one literal value (how the SDK tells them apart)."""
        common: set[str] | None = None
        for variant in variants:
            ref = variant.get("$ref")
            target = self.components.get(ref.rsplit("/", 1)[-1]) if isinstance(ref, str) else None
            if not isinstance(target, dict):
                return None
            pinned = {
                name
                for name, prop in (target.get("properties") or {}).items()
                if isinstance(prop, dict) and isinstance(prop.get("enum"), list) and len(prop["enum"]) == 1
            }
            common = pinned if common is None else common & pinned
        if not common:
            return None
        return "type" if "type" in common else min(common)

    # -- models --------------------------------------------------------------------------

    def component(self, scope: _Scope, node: ast.ClassDef) -> dict[str, Any]:
        """A ``$ref`` to the class as a component (written on first use)."""
        key = (scope.path, node.name)
        if key not in self.names:
            name = node.name
            while name in self.components:
                name += "_" + PurePosixPath(scope.path).stem
            self.names[key] = name
            self.components[name] = {}  # reserved: a recursive model refers to itself
            self.components[name] = self.model(scope, node, {})
        return {"$ref": component_ref("schemas", self.names[key])}

    def model(self, scope: _Scope, node: ast.ClassDef, bindings: dict[str, Any]) -> dict[str, Any]:
        """A class as a schema: an enum's values, or an object with its (and its bases') fields."""
        base_names = {_last(_unsubscript(base)) for base in node.bases}
        if base_names & _ENUM_BASES:
            return _enum_class(node)
        properties, required = self._inherited(scope, node, bindings)
        typed_dict = "TypedDict" in base_names
        total = not any(
            kw.arg == "total" and isinstance(kw.value, ast.Constant) and kw.value.value is False for kw in node.keywords
        )
        for statement in node.body:
            found = self._field(scope, statement, bindings, typed_dict=typed_dict, total=total)
            if found is None:
                continue
            wire, schema, is_required = found
            properties[wire] = schema
            if is_required and wire not in required:
                required.append(wire)
            elif not is_required and wire in required:
                required.remove(wire)
        result: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            result["required"] = required
        return result

    def _inherited(
        self, scope: _Scope, node: ast.ClassDef, bindings: dict[str, Any]
    ) -> tuple[dict[str, Any], list[str]]:
        """The fields of the class's bases that are models of the SDK (not of its framework)."""
        properties: dict[str, Any] = {}
        required: list[str] = []
        for base in node.bases:
            if _last(_unsubscript(base)) in _FRAMEWORK_BASES:
                continue
            found = self.resolve(scope, _unsubscript(base))
            if found[0] == "class":
                inherited = self.model(found[1], found[2], bindings)
                properties.update(inherited.get("properties") or {})
                required += inherited.get("required") or []
        return properties, required

    def _field(
        self, scope: _Scope, statement: ast.stmt, bindings: dict[str, Any], *, typed_dict: bool, total: bool
    ) -> tuple[str, dict[str, Any], bool] | None:
        """One annotated field: its wire name, schema and whether it is required; None for anything else."""
        if not isinstance(statement, ast.AnnAssign) or not isinstance(statement.target, ast.Name):
            return None
        name = statement.target.id
        if name.startswith("_") or name == "model_config" or _last(_unsubscript(statement.annotation)) == "ClassVar":
            return None
        annotation, wrapper = _unwrap_required(statement.annotation)
        schema = self.schema(scope, annotation, bindings)
        if typed_dict:
            is_required = wrapper == "Required" or (total and wrapper != "NotRequired")
        else:
            is_required = _has_no_default(statement.value) or _is_tag(schema, statement.value)
        return _alias(statement.annotation, statement.value) or name, schema, is_required

    # -- the two generators' method shapes --------------------------------------------------

    def stainless(self, scope: _Scope, function: ast.FunctionDef | ast.AsyncFunctionDef) -> _Operation:
        call = next(
            (
                node
                for node in ast.walk(function)
                if isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in _STAINLESS_CALLS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "self"
            ),
            None,
        )
        if call is None or not call.args:
            msg = f"{self.wheel.name}: {self.source.method} makes no request the Stainless reader knows"
            raise SdkReadError(msg)
        assert isinstance(call.func, ast.Attribute)  # noqa: S101 - checked above
        method = _keyword_text(call, "method") or _STAINLESS_CALLS[call.func.attr]
        path, path_names = _path_of(call.args[0])
        signature = _signature(function)
        parameters = [self._path_parameter(scope, name, signature) for name in path_names]
        options = _keyword(call, "options")
        query = _keyword(options, "query") if isinstance(options, ast.Call) else None
        if isinstance(query, ast.Call) and _last(query.func) in _TRANSFORMS and len(query.args) > 1:
            params = self.schema(scope, query.args[1])
            parameters += self._query_parameters(params)
        body_call = _keyword(call, "body")
        body = None
        if isinstance(body_call, ast.Call) and _last(body_call.func) in _TRANSFORMS and len(body_call.args) > 1:
            body = self.schema(scope, body_call.args[1])
        page, item = _keyword(call, "page"), _keyword(call, "model")
        if isinstance(page, ast.Subscript):
            response = self.schema(scope, page)
        elif page is not None and item is not None:
            response = self.schema(scope, ast.Subscript(value=page, slice=item, ctx=ast.Load()))
        else:
            response = self.schema(scope, _keyword(call, "cast_to"))
        return _Operation(method.lower(), path, parameters, body, response)

    def fern(self, scope: _Scope, function: ast.FunctionDef | ast.AsyncFunctionDef) -> _Operation:
        call = next(
            (
                node
                for node in ast.walk(function)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "request"
            ),
            None,
        )
        if call is None or not call.args:
            msg = f"{self.wheel.name}: {self.source.method} makes no request the Fern reader knows"
            raise SdkReadError(msg)
        method = _keyword_text(call, "method") or "GET"
        path, path_names = _path_of(call.args[0])
        signature = _signature(function)
        parameters = [self._path_parameter(scope, name, signature) for name in path_names]
        params = _keyword(call, "params")
        if isinstance(params, ast.Dict):
            parameters += self._query_parameters(self._object_of(scope, params, signature))
        json_body = _keyword(call, "json")
        body = self._object_of(scope, json_body, signature) if isinstance(json_body, ast.Dict) else None
        parsed = next(
            (
                node
                for node in ast.walk(function)
                if isinstance(node, ast.Call) and _last(node.func) == "parse_obj_as" and _keyword(node, "type_")
            ),
            None,
        )
        response = self.schema(scope, _keyword(parsed, "type_")) if parsed is not None else None
        return _Operation(method.lower(), path, parameters, body, response)

    def _object_of(
        self, scope: _Scope, mapping: ast.Dict, signature: dict[str, tuple[ast.expr | None, bool]]
    ) -> dict[str, Any]:
        """A ``{"wire": argument, ...}`` dict of a Fern request as an object schema."""
        properties: dict[str, Any] = {}
        required: list[str] = []
        for key, value in zip(mapping.keys, mapping.values, strict=True):
            if not isinstance(key, ast.Constant) or not isinstance(key.value, str):
                continue
            argument = next((n.id for n in ast.walk(value) if isinstance(n, ast.Name) and n.id in signature), None)
            if argument is None:
                continue
            annotation, has_default = signature[argument]
            properties[key.value] = self.schema(scope, annotation)
            if not has_default:
                required.append(key.value)
        result: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            result["required"] = required
        return result

    def _query_parameters(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        params = self._target(params)
        required = set(params.get("required") or [])
        return [
            {"name": name, "in": "query", "required": name in required, "schema": schema}
            for name, schema in (params.get("properties") or {}).items()
        ]

    def _path_parameter(
        self, scope: _Scope, name: str, signature: dict[str, tuple[ast.expr | None, bool]]
    ) -> dict[str, Any]:
        annotation = signature.get(name, (None, False))[0]
        return {"name": name, "in": "path", "required": True, "schema": self.schema(scope, annotation)}

    def _target(self, schema: dict[str, Any]) -> dict[str, Any]:
        """A ``$ref`` to one of the components read so far, followed once."""
        ref = schema.get("$ref")
        target = self.components.get(ref.rsplit("/", 1)[-1]) if isinstance(ref, str) else None
        return target if isinstance(target, dict) else schema


# -- small readers of syntax --------------------------------------------------------------------


def _declare(scope: _Scope, node: ast.stmt, package: PurePosixPath) -> None:
    """Record what a module-level statement defines: a class, a type alias, a type variable, an import."""
    if isinstance(node, ast.ClassDef):
        scope.classes[node.name] = node
    elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        if isinstance(node.value, ast.Call) and _last(node.value.func) == "TypeVar":
            scope.typevars.add(node.targets[0].id)
        else:
            scope.aliases[node.targets[0].id] = node.value
    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
        scope.aliases[node.target.id] = node.value  # `X: TypeAlias = ...`
    elif isinstance(node, ast.ImportFrom):
        base = _import_base(package, node.module, node.level)
        for alias in node.names:
            scope.imports[alias.asname or alias.name] = (base, alias.name)
    elif isinstance(node, ast.Import):
        for alias in node.names:
            scope.imports[alias.asname or alias.name.split(".")[0]] = (alias.name.replace(".", "/"), None)


def _method(tree: ast.Module, class_name: str, method_name: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name == method_name:
                    return item
    return None


def _import_base(package: PurePosixPath, module: str | None, level: int) -> str:
    """The wheel path (without ``.py``) an import names, relative imports resolved from ``package``."""
    if level:
        base = package
        for _ in range(level - 1):
            base = base.parent
        parts = [str(base)] if str(base) not in ("", ".") else []
    else:
        parts = []
    if module:
        parts.append(module.replace(".", "/"))
    return "/".join(parts)


def _last(expr: ast.expr | None) -> str:
    """The last part of a (dotted) name: ``typing.Optional`` -> ``Optional``."""
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    return ""


def _unsubscript(expr: ast.expr) -> ast.expr:
    return expr.value if isinstance(expr, ast.Subscript) else expr


def _type_parameters(reader: _Reader, scope: _Scope, node: ast.ClassDef) -> list[str]:
    """The type variables a generic class declares, from ``Generic[_T]`` (or any subscripted base)."""
    names: list[str] = []
    for base in node.bases:
        if not isinstance(base, ast.Subscript):
            continue
        args = base.slice.elts if isinstance(base.slice, ast.Tuple) else [base.slice]
        for arg in args:
            if isinstance(arg, ast.Name) and reader.lookup(scope, arg.id)[0] == "typevar" and arg.id not in names:
                names.append(arg.id)
    return names


def _literal(args: list[ast.expr]) -> dict[str, Any]:
    values: list[Any] = [arg.value for arg in args if isinstance(arg, ast.Constant)]
    kinds = {type(value) for value in values if value is not None}
    schema: dict[str, Any] = {"enum": values}
    names = {str: "string", bool: "boolean", int: "integer", float: "number"}
    if len(kinds) == 1 and (kind := next(iter(kinds))) in names:
        schema = {"type": names[kind], "enum": values}
    if None in values:
        schema["enum"] = [value for value in values if value is not None]
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def _enum_class(node: ast.ClassDef) -> dict[str, Any]:
    values = [
        statement.value.value
        for statement in node.body
        if isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
        and not statement.targets[0].id.startswith("_")  # Fern's _UNKNOWN: how it opens the enum
        and isinstance(statement.value, ast.Constant)
    ]
    kinds = {type(value) for value in values}
    if kinds == {str}:
        return {"type": "string", "enum": values}
    if kinds == {int}:
        return {"type": "integer", "enum": values}
    return {"enum": values}


def _unwrap_required(annotation: ast.expr) -> tuple[ast.expr, str]:
    """``Required[X]`` / ``NotRequired[X]`` -> (X, the wrapper's name); anything else unchanged."""
    if isinstance(annotation, ast.Subscript) and _last(annotation.value) in ("Required", "NotRequired"):
        return annotation.slice, _last(annotation.value)
    return annotation, ""


def _alias(annotation: ast.expr, value: ast.expr | None) -> str | None:
    """The wire name: ``alias=`` in ``Annotated[..., PropertyInfo(alias=...)]`` (or FieldMetadata, Field) or a value."""
    calls: list[ast.expr] = []
    stack = [annotation]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Subscript):
            args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if _last(node.value) in _ANNOTATED:
                calls += args[1:]
                stack.append(args[0])
            elif _last(node.value) in ("Required", "NotRequired"):
                stack += args
    if value is not None:
        calls.append(value)
    for call in calls:
        if isinstance(call, ast.Call) and _last(call.func) in _ALIAS_CALLS:
            alias = _keyword(call, "alias")
            if isinstance(alias, ast.Constant) and isinstance(alias.value, str):
                return alias.value
    return None


def _has_no_default(value: ast.expr | None) -> bool:
    """Whether a model field is required: no value, or a ``Field(...)`` without a default."""
    if value is None:
        return True
    if isinstance(value, ast.Call) and _last(value.func) in _FIELD_CALLS:
        if any(kw.arg in ("default", "default_factory") for kw in value.keywords):
            return False
        return not value.args or (isinstance(value.args[0], ast.Constant) and value.args[0].value is Ellipsis)
    return False


def _is_tag(schema: dict[str, Any], value: ast.expr | None) -> bool:
    """A one-value literal whose default is that value: a discriminator the SDK fills in, required on the wire."""
    values = schema.get("enum")
    if not isinstance(values, list) or len(values) != 1:
        return False
    default = value
    if isinstance(value, ast.Call):
        default = _keyword(value, "default") or (value.args[0] if value.args else None)
    return isinstance(default, ast.Constant) and default.value == values[0]


def _discriminator_of(metadata: list[ast.expr]) -> str | None:
    for item in metadata:
        if isinstance(item, ast.Call):
            for keyword in ("discriminator", "discriminant"):
                value = _keyword(item, keyword)
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    return value.value
    return None


def _keyword(call: ast.AST | None, name: str) -> ast.expr | None:
    if not isinstance(call, ast.Call):
        return None
    return next((kw.value for kw in call.keywords if kw.arg == name), None)


def _keyword_text(call: ast.Call, name: str) -> str | None:
    value = _keyword(call, name)
    return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None


def _path_of(expr: ast.expr) -> tuple[str, list[str]]:
    """A request path from a string, an f-string or ``path_template("/models/{model_id}", ...)``."""
    names: list[str] = []
    if isinstance(expr, ast.Call) and expr.args:
        expr = expr.args[0]
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        text = expr.value
        names = re.findall(r"\{(\w+)\}", text)
    elif isinstance(expr, ast.JoinedStr):
        parts = []
        for value in expr.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            elif isinstance(value, ast.FormattedValue):
                name = next((n.id for n in ast.walk(value.value) if isinstance(n, ast.Name)), "param")
                names.append(name)
                parts.append(f"{{{name}}}")
        text = "".join(parts)
    else:
        msg = "the request path is neither a string, an f-string nor a path template"
        raise SdkReadError(msg)
    return "/" + text.lstrip("/"), names


def _signature(function: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, tuple[ast.expr | None, bool]]:
    """Argument name -> (annotation, whether it has a default)."""
    arguments = function.args
    found: dict[str, tuple[ast.expr | None, bool]] = {}
    positional = [*arguments.posonlyargs, *arguments.args]
    first_default = len(positional) - len(arguments.defaults)
    for index, argument in enumerate(positional):
        found[argument.arg] = (argument.annotation, index >= first_default)
    for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        found[argument.arg] = (argument.annotation, default is not None)
    return found
