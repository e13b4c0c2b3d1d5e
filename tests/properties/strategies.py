"""Response bodies generated from the derived documents, and the response path the tests run them through.

Each list operation's 200-response schema in ``specs/<provider>/openapi.yaml`` is turned
into one self-contained JSON Schema: ``$ref``s inlined, OpenAPI 3.0's ``nullable``
written as a type list, annotations (``discriminator``, ``example``,
``readOnly``/``writeOnly``, ``x-*``, formats other than ``date-time``) dropped, and every
array and open object given a small upper bound so an example stays a few KB.

Bodies are drawn structure first (objects, arrays, unions here) with hypothesis-jsonschema
drawing the leaves (patterns, bounded numbers); ``date-time`` strings come from a
strategy that writes RFC 3339 as providers do. The generated-response tests validate
every drawn body against its schema with ``jsonschema``, so this builder cannot stray
away from the documents unnoticed. The schemas are read from the committed documents at
import time: a change to a spec changes what is generated without touching the tests.
"""

from __future__ import annotations

import copy
import json
import re
import traceback
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import yaml
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from modelcatalog import Client, HTTPSettings
from modelcatalog.catalog import ModelRecord, normalize
from modelcatalog.context import OperationContext
from modelcatalog.errors import ModelCatalogError
from modelcatalog.events import EventSink
from modelcatalog.providers import PROVIDERS
from modelcatalog.secrets import Secret

if TYPE_CHECKING:
    from modelcatalog.events import Event
    from modelcatalog.providers._base import ListOperation

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"

#: upper bounds that keep one generated body small (and a test run fast)
MAX_ITEMS = 3
MAX_EXTRA_PROPERTIES = 2
#: how many times one component may appear on a single path before it is cut off
MAX_RECURSION = 1

#: a credential that must never surface in an error: the tests put it in bodies
CANARY = "CANARY-9d41e7-secret"

_ANNOTATIONS = frozenset(
    {
        "discriminator",
        "example",
        "examples",
        "readOnly",
        "writeOnly",
        "deprecated",
        "xml",
        "externalDocs",
        "title",
        "description",
        "default",
        "$comment",
    }
)
#: formats generated as such; any other format is an annotation only (the decoders ignore them)
_FORMATS = frozenset({"date-time"})
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_VALUES = ("items", "additionalProperties", "not", "propertyNames", "contains", "if", "then", "else")


@dataclass(frozen=True, eq=False)  # hashed by identity: one case per operation, built once
class ResponseCase:
    """One provider's list operation and the JSON Schema of its success body."""

    provider: str
    operation: ListOperation[Any] = field(repr=False)
    schema: dict[str, Any] = field(repr=False)

    @property
    def id(self) -> str:
        return f"{self.provider}:{self.operation.name}"

    def context(self, events: list[Event] | None = None) -> OperationContext:
        """A context that carries the canary as a credential and collects events into ``events``."""
        handler = events.append if events is not None else None
        return OperationContext(self.provider, self.operation.name, EventSink(handler), (Secret(CANARY),))


def _spec_path(operation: ListOperation[Any]) -> tuple[str, str]:
    """(method, path in the derived document) of an adapter's operation: its name less the prefix."""
    method, full_path = operation.name.split(" ", 1)
    if not full_path.startswith(operation.prefix):
        msg = f"{operation.name!r} does not start with its prefix {operation.prefix!r}"
        raise ValueError(msg)
    return method.lower(), full_path[len(operation.prefix) :] or "/"


@cache
def _document(provider: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((SPECS / provider / "openapi.yaml").read_text(encoding="utf-8"))
    return loaded


def response_schema(provider: str, operation: ListOperation[Any], *, closed: bool = True) -> dict[str, Any]:
    """The operation's 200 ``application/json`` schema as a self-contained JSON Schema.

    ``closed``: objects that list their properties and say nothing about others get
    ``additionalProperties: false`` (bodies the spec describes exactly); otherwise JSON
    Schema's default lets generated bodies carry extra keys (off-spec).
    """
    document = _document(provider)
    method, path = _spec_path(operation)
    response = document["paths"][path][method]["responses"]["200"]
    schema = response["content"]["application/json"]["schema"]
    converter = _Converter(document, closed=closed)
    return converter.convert(schema, ())


class _Converter:
    """OpenAPI schema object -> plain JSON Schema (draft 2020-12 subset hypothesis-jsonschema reads)."""

    def __init__(self, document: dict[str, Any], *, closed: bool) -> None:
        self._schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
        self._closed = closed

    def convert(self, node: Any, stack: tuple[str, ...], *, in_all_of: bool = False) -> Any:
        if isinstance(node, bool):
            return node
        node = dict(node)
        if "$ref" in node:
            node = self._inline(node, stack)
            if node is None:  # cut off: a recursive reference beyond the bound (none in today's specs)
                return {"type": "null"}
            stack = (*stack, node.pop("$modelcatalog-ref"))
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in _ANNOTATIONS or key.startswith("x-") or key == "nullable":
                continue
            if key == "format" and value not in _FORMATS:
                continue
            if key == "oneOf" and "discriminator" in node:
                # the discriminator picks one branch; a catch-all branch (an opened variant)
                # would make every known variant match twice, which ``oneOf`` forbids
                out["anyOf"] = [self.convert(item, stack) for item in value]
            else:
                out[key] = self._keyword(key, value, stack)
        _exclusive_bounds(out)
        if node.get("nullable") is True:  # 3.0 style, also found in TrueFoundry's 3.1 document
            out = _nullable(out)
        out = _flatten_single_all_of(out)
        self._bound(out, in_all_of=in_all_of)
        return out

    def _keyword(self, key: str, value: Any, stack: tuple[str, ...]) -> Any:
        """One keyword's value, its subschemas converted."""
        if key in _SCHEMA_LISTS:
            branch_in_all_of = key == "allOf" and len(value) > 1
            return [self.convert(item, stack, in_all_of=branch_in_all_of) for item in value]
        if key in _SCHEMA_MAPS:
            return {name: self.convert(item, stack) for name, item in value.items()}
        if key in _SCHEMA_VALUES:
            return self.convert(value, stack)
        return copy.deepcopy(value)

    def _inline(self, node: dict[str, Any], stack: tuple[str, ...]) -> dict[str, Any] | None:
        ref = node.pop("$ref")
        prefix = "#/components/schemas/"
        if not ref.startswith(prefix):
            msg = f"only local component references are supported, got {ref!r}"
            raise ValueError(msg)
        name = ref[len(prefix) :]
        if stack.count(name) > MAX_RECURSION:
            return None
        target = dict(self._schemas[name])
        # OpenAPI 3.1 lets a $ref carry siblings (usually a description); they refine the target
        target.update(node)
        target["$modelcatalog-ref"] = name
        return target

    def _bound(self, out: dict[str, Any], *, in_all_of: bool) -> None:
        if "items" in out or out.get("type") == "array":
            out["maxItems"] = max(min(out.get("maxItems", MAX_ITEMS), MAX_ITEMS), out.get("minItems", 0))
        is_object = out.get("type") == "object" or "properties" in out
        if not is_object:
            return
        open_object = out.get("additionalProperties", True) is not False or "patternProperties" in out
        unsaid = "additionalProperties" not in out and "patternProperties" not in out
        if self._closed and not in_all_of and "properties" in out and unsaid:
            out["additionalProperties"] = False
            open_object = False
        if open_object:
            # the typed model drawer draws every listed property; extras and free-form maps stay small
            ceiling = len(out.get("properties", {})) + MAX_EXTRA_PROPERTIES
            out["maxProperties"] = max(min(out.get("maxProperties", ceiling), ceiling), out.get("minProperties", 0))


def _exclusive_bounds(out: dict[str, Any]) -> None:
    """OpenAPI 3.0's boolean ``exclusiveMinimum``/``exclusiveMaximum`` -> JSON Schema's numbers."""
    for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(out.get(exclusive), bool) and out.pop(exclusive) and bound in out:
            out[exclusive] = out.pop(bound)


def _nullable(out: dict[str, Any]) -> dict[str, Any]:
    kind = out.get("type")
    if isinstance(kind, str):
        out["type"] = [kind, "null"]
    elif isinstance(kind, list) and "null" not in kind:
        out["type"] = [*kind, "null"]
    if "enum" in out and None not in out["enum"]:
        out["enum"] = [*out["enum"], None]
    if kind is None and "enum" not in out:
        return {"anyOf": [out, {"type": "null"}]}
    return out


def _flatten_single_all_of(out: dict[str, Any]) -> dict[str, Any]:
    """``allOf: [X]`` (how TrueFoundry attaches a description to a $ref) -> X merged in."""
    all_of = out.get("allOf")
    if isinstance(all_of, list) and len(all_of) == 1 and isinstance(all_of[0], dict):
        merged = {key: value for key, value in out.items() if key != "allOf"}
        clash = set(merged) & set(all_of[0])
        if not clash:
            merged.update(all_of[0])
            return merged
    return out


# -- generation ---------------------------------------------------------------------------


def rfc3339_datetimes() -> st.SearchStrategy[str]:
    """RFC 3339 date-times as providers write them: ``Z`` or an offset, optional fraction."""
    zones = st.sampled_from([UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-8, minutes=-30))])
    moments = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2100, 1, 1), timezones=zones)  # noqa: DTZ001 - bounds of naive draws
    precision = st.sampled_from(["seconds", "milliseconds", "microseconds"])
    return st.builds(
        lambda moment, spec: moment.isoformat(timespec=spec).replace("+00:00", "Z"),
        moments,
        precision,
    )


def json_values(case: ResponseCase) -> st.SearchStrategy[Any]:
    """JSON values valid against ``case.schema``."""
    return _strategy(json.dumps(case.schema, sort_keys=True))


@cache
def _strategy(schema_json: str) -> st.SearchStrategy[Any]:
    return _compile(json.loads(schema_json))


#: any JSON value, small: what a free-form ``{}`` or ``additionalProperties: true`` holds
ANY_JSON: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)
_STRUCTURE = frozenset(
    {"type", "properties", "required", "additionalProperties", "patternProperties", "propertyNames"}
    | {"maxProperties", "minProperties", "items", "maxItems", "minItems", "anyOf", "enum"}
)
_LEAF = frozenset({"pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})
_LEAF |= {"minLength", "maxLength", "multipleOf", "const"}


def _compile(schema: Any) -> st.SearchStrategy[Any]:  # noqa: PLR0911 - one return per JSON shape
    """A strategy for ``schema``, built once, structure first.

    hypothesis-jsonschema re-canonicalises every nested subschema on every draw (~80 ms
    an example for Scenario's model); building objects, arrays and unions here and
    handing it only the leaves (strings with patterns, bounded numbers) makes a draw
    about ten times cheaper. Anything outside this subset goes to it whole.
    """
    if schema is True or schema == {}:
        return ANY_JSON
    if schema is False:
        return st.nothing()
    kind = schema.get("type")
    if not set(schema) <= _STRUCTURE | _LEAF or ("anyOf" in schema and set(schema) != {"anyOf"}):
        return from_schema(schema)
    if "enum" in schema:
        return st.sampled_from(schema["enum"]).filter(lambda value: _type_ok(value, kind))
    if "anyOf" in schema:
        return st.one_of([_compile(branch) for branch in schema["anyOf"]])
    if isinstance(kind, list):
        return st.one_of([_compile({**schema, "type": one}) for one in kind])
    if kind == "object" or (kind is None and "properties" in schema):
        return _object(schema)
    if kind == "array":
        items = _compile(schema.get("items", True))
        return st.lists(items, min_size=schema.get("minItems", 0), max_size=schema.get("maxItems", MAX_ITEMS))
    if kind == "string" and schema.get("format") == "date-time" and set(schema) == {"type", "format"}:
        return rfc3339_datetimes()
    return from_schema(schema)  # a leaf: canonicalised once, cheap to draw


def _type_ok(value: Any, kind: Any) -> bool:
    if kind is None:
        return True
    kinds = kind if isinstance(kind, list) else [kind]
    python = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "null": type(None)}
    python |= {"object": dict, "array": list}
    numeric = {"integer", "number"}
    return any(isinstance(value, python[k]) and not (k in numeric and isinstance(value, bool)) for k in kinds)


def _object(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", ()))
    if not required <= set(properties) or schema.get("maxProperties", len(properties) + 1) < len(properties):
        return from_schema(schema)
    fixed = st.fixed_dictionaries(
        {name: _compile(sub) for name, sub in properties.items() if name in required},
        optional={name: _compile(sub) for name, sub in properties.items() if name not in required},
    )
    additional = schema.get("additionalProperties", True)
    patterns: dict[str, Any] = schema.get("patternProperties", {})
    extra_room = schema.get("maxProperties", len(properties) + MAX_EXTRA_PROPERTIES) - len(properties)
    minimum = max(schema.get("minProperties", 0) - len(required), 0)
    if additional is False and not patterns:
        return fixed if minimum == 0 else fixed.filter(lambda value: len(value) >= schema["minProperties"])
    entries: list[st.SearchStrategy[tuple[str, Any]]] = [
        st.tuples(st.from_regex(pattern).filter(lambda key: key not in properties), _compile(sub))
        for pattern, sub in patterns.items()
    ]
    if additional is not False:
        names = schema.get("propertyNames")
        keys = st.sampled_from(names["enum"]) if isinstance(names, dict) and "enum" in names else st.text(max_size=12)
        free = keys.filter(lambda key: key not in properties and not any(re.search(p, key) for p in patterns))
        entries.append(st.tuples(free, _compile(additional)))
    extras = st.lists(
        st.one_of(entries), min_size=minimum, max_size=max(extra_room, minimum), unique_by=lambda kv: kv[0]
    )
    return st.builds(lambda known, more: {**dict(more), **known}, fixed, extras)


def encode(value: Any, *, ascii_only: bool = False) -> bytes:
    """The value as a JSON body, the way a server would write it."""
    return json.dumps(value, ensure_ascii=ascii_only, allow_nan=False).encode("utf-8")


def bodies(case: ResponseCase) -> st.SearchStrategy[bytes]:
    """Encoded bodies valid against ``case.schema`` (UTF-8, with or without ``\\u`` escapes)."""
    return st.builds(lambda value, ascii_only: encode(value, ascii_only=ascii_only), json_values(case), st.booleans())


@cache
def cases(*, closed: bool = True) -> tuple[ResponseCase, ...]:
    """Every provider's every list operation, with its response schema."""
    return tuple(
        ResponseCase(name, operation, response_schema(name, operation, closed=closed))
        for name, provider in PROVIDERS.items()
        for operation in provider.operations
    )


def response(
    case: ResponseCase, body: bytes, *, content_type: str = "application/json", status: int = 200
) -> httpx.Response:
    """An httpx response as the client's transport would hand it over."""
    method, path = case.operation.name.split(" ", 1)
    headers = {"content-type": content_type} if content_type else {}
    request = httpx.Request(method, "https://127.0.0.1:9" + path)
    return httpx.Response(status, content=body, headers=headers, request=request)


# -- the response path -----------------------------------------------------------------------


@dataclass
class Outcome:
    """What one body did on the client's response path, and on normalization."""

    error: ModelCatalogError | None = None
    items: list[Any] = field(default_factory=list)
    records: list[ModelRecord] = field(default_factory=list)
    normalize_errors: list[ModelCatalogError] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "decoded" if self.error is None else type(self.error).__name__


def _refuse(request: httpx.Request) -> httpx.Response:
    msg = f"the property tests never send a request, got {request.method} {request.url}"
    raise AssertionError(msg)


@cache
def _client(provider: str) -> Client:
    """A client whose transport refuses to send: only its response path (``_finish``) is used."""
    credentials = {spec.argument: CANARY for spec in PROVIDERS[provider].credentials}
    settings = HTTPSettings(transport=httpx.MockTransport(_refuse))
    return Client(provider, base_url="https://127.0.0.1:9", http=settings, **credentials)


def run(
    case: ResponseCase, body: bytes, *, content_type: str = "application/json", status: int = 200, strict: bool = False
) -> Outcome:
    """``body`` through ``Client._finish`` (status, body check, decode, page), then ``normalize``.

    Only ``ModelCatalogError``s are caught: anything else escapes and fails the test.
    """
    outcome = Outcome()
    ctx = case.context(outcome.events)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            page = _client(case.provider)._finish(
                case.operation, response(case, body, content_type=content_type, status=status), None, ctx, strict=strict
            )
        except ModelCatalogError as error:
            outcome.error = error
        else:
            outcome.items = list(page.items)
            for item in outcome.items:
                try:
                    outcome.records.append(normalize(case.provider, item))
                except ModelCatalogError as error:
                    outcome.normalize_errors.append(error)
    outcome.warnings = [str(warning.message) for warning in caught]
    return outcome


def provider_reports_error(case: ResponseCase, value: Any) -> bool:
    """A ModelsLab body that says it failed: its own error by design, whatever else it holds.

    Any ``status`` but success; and a finetune list (``{"data": [...]}``) without data.
    """
    if case.provider != "modelslab" or not isinstance(value, dict):
        return False
    status = value.get("status", _ABSENT)
    if status is not _ABSENT and not (isinstance(status, str) and status.strip().lower() == "success"):
        return True
    return case.operation.records is not None and value.get(case.operation.records) is None


_ABSENT = object()


def leaks(outcome: Outcome, secret: str = CANARY) -> list[str]:
    """Everything a user could see of this outcome that contains ``secret``."""
    seen: list[tuple[str, str]] = [("warning", text) for text in outcome.warnings]
    seen += [("event", repr(event)) for event in outcome.events]
    for error in filter(None, [outcome.error, *outcome.normalize_errors]):
        seen += [
            ("str", str(error)),
            ("repr", repr(error)),
            ("traceback", "".join(traceback.format_exception(error))),
            ("body", bytes(getattr(error, "body", b"")).decode("utf-8", errors="replace")),
            ("body_excerpt", str(getattr(error, "body_excerpt", ""))),
            ("details", repr(getattr(error, "details", None))),
        ]
    return [f"{where}: {text[:200]!r}" for where, text in seen if secret in text]
