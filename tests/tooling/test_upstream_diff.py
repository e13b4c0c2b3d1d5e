"""Upstream drift classification: every change class, the providers' real history, the CLI, --update.

Changed documents are served from 127.0.0.1 (``serve``, in conftest.py; never the internet); the old side is
vendored into a copy of ``specs/`` when a test needs a different one.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog.tooling.command import main as tooling_main
from modelcatalog.tooling.derive import sha256_of
from modelcatalog.tooling.documents import dump_yaml, load
from modelcatalog.tooling.upstream import main as upstream_main
from modelcatalog.tooling.upstream.diff.overlays import overlay_changes
from modelcatalog.tooling.upstream.diff.rules import Change, Level
from modelcatalog.tooling.upstream.diff.walker import diff_documents
from modelcatalog.tooling.upstream.update import set_manifest_value

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"

# The `type` values listed on docs.scenario.com's API reference page, the older of its two pages
# (the Python SDK reference page lists the 37 of specs/scenario/upstream.yaml).
SCENARIO_18_TYPES = [
    "sd-1_5",
    "sd-1_5-lora",
    "sd-1_5-composition",
    "sd-xl",
    "sd-xl-lora",
    "sd-xl-composition",
    "flux.1",
    "flux.1-lora",
    "flux.1-kontext-dev",
    "flux.1-krea-dev",
    "flux.1-kontext-lora",
    "flux.1-krea-lora",
    "flux.1-composition",
    "flux.1-pro",
    "flux1.1-pro",
    "flux.1.1-pro-ultra",
    "gpt-image-1",
    "custom",
]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the checkout's specs/ (what the upstream check reads and --update writes)."""
    shutil.copytree(SPECS, tmp_path / "specs", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def vendor(repo: Path, provider: str, filename: str, raw: bytes) -> None:
    """Make ``raw`` the vendored published document of ``provider`` in ``repo``."""
    (repo / "specs" / provider / filename).write_bytes(raw)
    toml = repo / "specs" / "providers.toml"
    toml.write_text(
        set_manifest_value(
            toml.read_text(encoding="utf-8"), f"providers.{provider}", "upstream_sha256", sha256_of(raw)
        ),
        encoding="utf-8",
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = upstream_main(list(argv))
    return code, capsys.readouterr().out


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out = run(capsys, *argv, "--format", "json")
    return code, json.loads(out)


def modelslab() -> dict[str, Any]:
    return json.loads((SPECS / "modelslab" / "upstream.json").read_bytes())


def as_json(document: dict[str, Any]) -> bytes:
    return json.dumps(document, indent=2).encode()


def only(changes: list[Change], change_id: str, operation: str | None = None) -> Change:
    found = [c for c in changes if c.id == change_id and (operation is None or c.operation == operation)]
    assert len(found) == 1, (change_id, [(c.id, c.operation, c.text) for c in changes])
    return found[0]


# -- every change class on a small document -------------------------------------------


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


def _schemas(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["components"]["schemas"]


def _get(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["paths"]["/things"]["get"]


def _thing(doc: dict[str, Any]) -> dict[str, Any]:
    return _schemas(doc)["Thing"]["allOf"][1]["properties"]


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
    ("parameter removed", lambda d: _get(d)["parameters"].pop(0), "request-parameter-removed", Level.ERR, "request"),
    (
        "parameter made required",
        lambda d: _get(d)["parameters"][0].update(required=True),
        "request-parameter-became-required",
        Level.ERR,
        "request",
    ),
    (
        "parameter type changed",
        lambda d: _get(d)["parameters"][0].update(schema={"type": "integer"}),
        "request-parameter-type-changed",
        Level.ERR,
        "request",
    ),
    (
        "parameter type widened",
        lambda d: _get(d)["parameters"][1]["schema"].update(type="number"),
        "request-parameter-type-generalized",
        Level.INFO,
        "request",
    ),
    (
        "parameter maximum lowered",
        lambda d: _get(d)["parameters"][1]["schema"].update(maximum=50),
        "request-parameter-max-decreased",
        Level.ERR,
        "request",
    ),
    (
        "new required parameter",
        lambda d: _get(d)["parameters"].append(
            {"name": "org", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        "new-required-request-parameter",
        Level.ERR,
        "request",
    ),
    (
        "new optional parameter",
        lambda d: _get(d)["parameters"].append({"name": "org", "in": "query", "schema": {"type": "string"}}),
        "new-optional-request-parameter",
        Level.INFO,
        "request",
    ),
    (
        "parameter serialization changed",
        lambda d: _get(d)["parameters"][0].update(explode=False),
        "request-parameter-style-changed",
        Level.ERR,
        "request",
    ),
    (
        "request body type narrowed",
        lambda d: _schemas(d)["NewThing"]["properties"]["weight"].update(type="string"),
        "request-property-type-changed",
        Level.ERR,
        "request",
    ),
    (
        "request type widened",
        lambda d: _schemas(d)["NewThing"]["properties"]["weight"].update(type="number"),
        "request-property-type-generalized",
        Level.INFO,
        "request",
    ),
    (
        "new required request property",
        lambda d: _schemas(d)["NewThing"].update(required=["name", "weight"]),
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
        lambda d: _thing(d).pop("size"),
        "response-optional-property-removed",
        Level.ERR,
        "response",
    ),
    (
        "required response property removed",
        lambda d: _thing(d).pop("id"),
        "response-required-property-removed",
        Level.ERR,
        "response",
    ),
    (
        "response property removed from an allOf base",
        lambda d: _schemas(d)["Base"]["properties"].pop("created"),
        "response-optional-property-removed",
        Level.ERR,
        "response",
    ),
    (
        "response property type changed",
        lambda d: _thing(d)["size"].update(type="string"),
        "response-property-type-changed",
        Level.ERR,
        "response",
    ),
    (
        "response format changed",
        lambda d: _schemas(d)["Base"]["properties"]["created"].pop("format"),
        "response-property-type-generalized",
        Level.ERR,
        "response",
    ),
    (
        "response property became nullable",
        lambda d: _thing(d)["size"].update(nullable=True),
        "response-property-became-nullable",
        Level.ERR,
        "response",
    ),
    (
        "response property became optional",
        lambda d: _schemas(d)["Thing"]["allOf"][1].update(required=[]),
        "response-property-became-optional",
        Level.ERR,
        "response",
    ),
    (
        "new response property",
        lambda d: _thing(d).update(colour={"type": "string"}),
        "response-optional-property-added",
        Level.INFO,
        "response",
    ),
    (
        "new value in an array item enum of a response",
        lambda d: _thing(d)["tags"]["items"]["enum"].append("z"),
        "response-property-enum-value-added",
        Level.ERR,
        "response",
    ),
    (
        "new oneOf variant in a response",
        lambda d: _thing(d)["source"]["oneOf"].append({"$ref": "#/components/schemas/Base"}),
        "response-property-one-of-added",
        Level.ERR,
        "response",
    ),
    (
        "oneOf variant gone from a response",
        lambda d: _thing(d)["source"]["oneOf"].pop(),
        "response-property-one-of-removed",
        Level.INFO,
        "response",
    ),
    (
        "change below a recursive schema",
        lambda d: _thing(d)["size"].update(minimum=1),
        "response-property-min-set",
        Level.INFO,
        "response",
    ),
    (
        "success status removed",
        lambda d: _get(d)["responses"].pop("200"),
        "response-success-status-removed",
        Level.ERR,
        "response",
    ),
    (
        "error status removed",
        lambda d: _get(d)["responses"].pop("401"),
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
            _get(d).update(security=[{"other": []}])
            or d["components"]["securitySchemes"].update(other={"type": "apiKey", "in": "header", "name": "X-Key"})
        ),
        "api-security-removed",
        Level.ERR,
        "request",
    ),
    (
        "per-operation server changed",
        lambda d: _get(d).update(servers=[{"url": "https://api.example.test/v2"}]),
        "api-server-removed",
        Level.ERR,
        "request",
    ),
    (
        "operationId changed",
        lambda d: _get(d).update(operationId="things_list"),
        "api-operation-id-changed",
        Level.WARN,
        "request",
    ),
    (
        "request default changed",
        lambda d: _get(d)["parameters"][1]["schema"].update(default=10),
        "request-parameter-default-value-changed",
        Level.WARN,
        "request",
    ),
    (
        "summary changed",
        lambda d: _get(d).update(summary="List all the things"),
        "api-summary-changed",
        Level.INFO,
        "request",
    ),
    (
        "schema description changed",
        lambda d: _thing(d)["id"].update(description="the identifier"),
        "response-property-description-changed",
        Level.INFO,
        "response",
    ),
    (
        "example changed",
        lambda d: _schemas(d)["NewThing"]["properties"]["note"].update(example="hello"),
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
    _get(new)["parameters"][0]["name"] = "query"
    changes = diff_documents(old, new, OPS)
    removed = only(changes, "request-parameter-removed")
    assert removed.level is Level.ERR
    assert "`q`" in removed.text
    assert "renamed to `query`" in removed.text
    assert only(changes, "new-optional-request-parameter").level is Level.INFO


def test_enum_on_both_sides_is_graded_by_side() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    _schemas(new)["Kind"]["enum"] = ["a", "c"]
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
    _thing(old)["source"] = {"$ref": "#/components/schemas/Local"}
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in changes] == [("response-property-one-of-added", Level.ERR)]
    assert "oneOf variant Remote added" in changes[0].text
    reverse = diff_documents(new, old, OPS)
    assert [(c.id, c.level) for c in reverse] == [("response-property-one-of-removed", Level.INFO)]


def test_identical_documents_have_no_changes() -> None:
    assert diff_documents(base_document(), base_document(), OPS) == []


@pytest.mark.parametrize(
    "rewrite",
    [
        pytest.param(lambda s: s.update(type=["string", "null"]) or s.pop("nullable"), id="3.1 type list"),
        pytest.param(lambda s: s.clear() or s.update(anyOf=[{"type": "string"}, {"type": "null"}]), id="anyOf null"),
    ],
)
def test_nullable_spellings_are_equivalent(rewrite: Callable[[dict[str, Any]], None]) -> None:
    old = base_document()
    new = copy.deepcopy(old)
    rewrite(_get(new)["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["next"])
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in changes] == [("api-document-changed-elsewhere", Level.INFO)]


def test_inlining_a_ref_changes_no_schema_verdict() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    _schemas(new)["NewThing"]["properties"]["kind"] = copy.deepcopy(_schemas(new)["Kind"])
    changes = diff_documents(old, new, OPS)
    assert not [c for c in changes if c.level is Level.ERR], [c.text for c in changes]


# -- constraints, security and meaning-preserving rewrites ---------------------------------


def _q(doc: dict[str, Any]) -> dict[str, Any]:
    """The schema of query parameter `q` (a string)."""
    return _get(doc)["parameters"][0]["schema"]


def _limit(doc: dict[str, Any]) -> dict[str, Any]:
    """The schema of query parameter `limit` (an integer, maximum 100)."""
    return _get(doc)["parameters"][1]["schema"]


def _weight(doc: dict[str, Any]) -> dict[str, Any]:
    """A request body property (an integer)."""
    return _schemas(doc)["NewThing"]["properties"]["weight"]


def _size(doc: dict[str, Any]) -> dict[str, Any]:
    """A response property (an integer)."""
    return _thing(doc)["size"]


def _id(doc: dict[str, Any]) -> dict[str, Any]:
    """A response property (a string)."""
    return _thing(doc)["id"]


CONSTRAINT_CASES: list[tuple[str, Callable[[dict[str, Any]], None], str, Level, str]] = [
    # pattern
    (
        "request parameter gains a pattern",
        lambda d: _q(d).update(pattern="^[a-z]+$"),
        "request-parameter-pattern-added",
        Level.ERR,
        "request",
    ),
    (
        "response property gains a pattern",
        lambda d: _id(d).update(pattern="^t_"),
        "response-property-pattern-added",
        Level.INFO,
        "response",
    ),
    # multipleOf
    (
        "request parameter gains multipleOf",
        lambda d: _limit(d).update(multipleOf=10),
        "request-parameter-multiple-of-set",
        Level.ERR,
        "request",
    ),
    (
        "request property gains multipleOf",
        lambda d: _weight(d).update(multipleOf=5),
        "request-property-multiple-of-set",
        Level.ERR,
        "request",
    ),
    (
        "response property gains multipleOf",
        lambda d: _size(d).update(multipleOf=5),
        "response-property-multiple-of-set",
        Level.INFO,
        "response",
    ),
    # format
    (
        "request parameter gains a format",
        lambda d: _q(d).update(format="uuid"),
        "request-parameter-type-changed",
        Level.ERR,
        "request",
    ),
    (
        "request property gains a format",
        lambda d: _weight(d).update(format="int64"),
        "request-property-type-changed",
        Level.ERR,
        "request",
    ),
    (
        "response property gains a format",
        lambda d: _id(d).update(format="uuid"),
        "response-property-type-specialized",
        Level.INFO,
        "response",
    ),
    # lengths and sizes
    (
        "request parameter gains maxLength",
        lambda d: _q(d).update(maxLength=20),
        "request-parameter-max-length-set",
        Level.ERR,
        "request",
    ),
    (
        "request parameter gains minLength",
        lambda d: _q(d).update(minLength=2),
        "request-parameter-min-length-set",
        Level.ERR,
        "request",
    ),
    (
        "response property gains maxLength",
        lambda d: _id(d).update(maxLength=64),
        "response-property-max-length-set",
        Level.INFO,
        "response",
    ),
    (
        "response array gains minItems",
        lambda d: _thing(d)["tags"].update(minItems=1),
        "response-property-min-items-set",
        Level.INFO,
        "response",
    ),
    # exclusive bounds, in both spellings
    (
        "request parameter gains exclusiveMaximum (3.1)",
        lambda d: _limit(d).update(exclusiveMaximum=50),
        "request-parameter-exclusive-max-decreased",
        Level.ERR,
        "request",
    ),
    (
        "request parameter maximum made exclusive (3.0)",
        lambda d: _limit(d).update(exclusiveMaximum=True),
        "request-parameter-exclusive-max-set",
        Level.ERR,
        "request",
    ),
    (
        "request property gains exclusiveMinimum",
        lambda d: _weight(d).update(exclusiveMinimum=0),
        "request-property-exclusive-min-set",
        Level.ERR,
        "request",
    ),
    (
        "response property gains exclusiveMinimum",
        lambda d: _size(d).update(exclusiveMinimum=0),
        "response-property-exclusive-min-set",
        Level.INFO,
        "response",
    ),
]


# (name, old side, new side, id, level): constraints that were there and went or changed
LOOSENED_CASES: list[tuple[str, Callable[[dict[str, Any]], None], Callable[[dict[str, Any]], None], str, Level]] = [
    (
        "request parameter loses its pattern",
        lambda d: _q(d).update(pattern="^a"),
        lambda _: None,
        "request-parameter-pattern-removed",
        Level.INFO,
    ),
    (
        "response property loses its pattern",
        lambda d: _id(d).update(pattern="^t_"),
        lambda _: None,
        "response-property-pattern-removed",
        Level.WARN,
    ),
    (
        "request parameter pattern changed",
        lambda d: _q(d).update(pattern="^a"),
        lambda d: _q(d).update(pattern="^b"),
        "request-parameter-pattern-changed",
        Level.WARN,
    ),
    (
        "request multipleOf 10 -> 5 accepts more",
        lambda d: _limit(d).update(multipleOf=10),
        lambda d: _limit(d).update(multipleOf=5),
        "request-parameter-multiple-of-generalized",
        Level.INFO,
    ),
    (
        "request multipleOf 5 -> 10 accepts less",
        lambda d: _limit(d).update(multipleOf=5),
        lambda d: _limit(d).update(multipleOf=10),
        "request-parameter-multiple-of-specialized",
        Level.ERR,
    ),
    (
        "request multipleOf 0.2 -> 0.3 is neither",
        lambda d: _weight(d).update(type="number", multipleOf=0.2),
        lambda d: _weight(d).update(type="number", multipleOf=0.3),
        "request-property-multiple-of-changed",
        Level.ERR,
    ),
    (
        "response multipleOf dropped",
        lambda d: _size(d).update(multipleOf=5),
        lambda _: None,
        "response-property-multiple-of-unset",
        Level.WARN,
    ),
    (
        "response maxLength raised",
        lambda d: _id(d).update(maxLength=10),
        lambda d: _id(d).update(maxLength=20),
        "response-property-max-length-increased",
        Level.WARN,
    ),
    (
        "request minLength lowered",
        lambda d: _q(d).update(minLength=3),
        lambda d: _q(d).update(minLength=1),
        "request-parameter-min-length-decreased",
        Level.INFO,
    ),
    (
        "request maxItems lowered",
        lambda d: _schemas(d)["NewThing"]["properties"].update(
            labels={"type": "array", "items": {"type": "string"}, "maxItems": 10}
        ),
        lambda d: _schemas(d)["NewThing"]["properties"].update(
            labels={"type": "array", "items": {"type": "string"}, "maxItems": 3}
        ),
        "request-property-max-items-decreased",
        Level.ERR,
    ),
    (
        "response exclusive minimum lowered",
        lambda d: _size(d).update(exclusiveMinimum=5),
        lambda d: _size(d).update(exclusiveMinimum=1),
        "response-property-exclusive-min-decreased",
        Level.WARN,
    ),
    (
        "request int64 becomes int32",
        lambda d: _weight(d).update(format="int64"),
        lambda d: _weight(d).update(format="int32"),
        "request-property-type-changed",
        Level.ERR,
    ),
    (
        "request int32 becomes int64",
        lambda d: _weight(d).update(format="int32"),
        lambda d: _weight(d).update(format="int64"),
        "request-property-type-generalized",
        Level.INFO,
    ),
]


@pytest.mark.parametrize(
    ("mutate", "change_id", "level", "side"),
    [pytest.param(*case[1:], id=case[0]) for case in CONSTRAINT_CASES],
)
def test_constraint_set(mutate: Callable[[dict[str, Any]], None], change_id: str, level: Level, side: str) -> None:
    old = base_document()
    new = copy.deepcopy(old)
    mutate(new)
    changes = diff_documents(old, new, OPS)
    assert [c.id for c in changes if c.id == "api-unclassified-change"] == []
    change = next((c for c in changes if c.id == change_id), None)
    assert change is not None, [(c.id, c.text) for c in changes]
    assert (change.level, change.side) == (level, side)


@pytest.mark.parametrize(
    ("before", "after", "change_id", "level"),
    [pytest.param(*case[1:], id=case[0]) for case in LOOSENED_CASES],
)
def test_constraint_changed_or_dropped(
    before: Callable[[dict[str, Any]], None], after: Callable[[dict[str, Any]], None], change_id: str, level: Level
) -> None:
    old = base_document()
    before(old)
    new = base_document()
    after(new)
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in changes if c.id == change_id] == [(change_id, level)], [
        (c.id, c.level, c.text) for c in changes
    ]
    assert not [c for c in changes if c.id == "api-unclassified-change"]


@pytest.mark.parametrize(
    ("old_spelling", "new_spelling"),
    [
        pytest.param({"minimum": 5, "exclusiveMinimum": True}, {"exclusiveMinimum": 5}, id="3.0 -> 3.1"),
        pytest.param({"exclusiveMaximum": 9}, {"maximum": 9, "exclusiveMaximum": True}, id="3.1 -> 3.0"),
    ],
)
def test_the_two_spellings_of_an_exclusive_bound_are_the_same_bound(
    old_spelling: dict[str, Any], new_spelling: dict[str, Any]
) -> None:
    old, new = base_document(), base_document()
    _size(old).update(old_spelling)
    _size(new).update(new_spelling)
    assert [c.id for c in diff_documents(old, new, OPS)] == ["api-document-changed-elsewhere"]


def test_an_operation_that_became_public_is_not_breaking() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    _get(new)["security"] = []
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level, c.operation) for c in changes] == [
        ("api-security-no-longer-required", Level.INFO, "GET /things")
    ]
    assert "no authentication required any more (was bearer)" in changes[0].text


def test_an_anonymous_alternative_is_public_too() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    _get(new)["security"] = [{}, {"bearer": []}]
    assert [(c.id, c.level) for c in diff_documents(old, new, OPS)] == [("api-security-no-longer-required", Level.INFO)]


def test_two_ways_to_say_public_are_the_same() -> None:
    old = base_document()
    _get(old)["security"] = []
    new = base_document()
    _get(new)["security"] = [{}]
    assert [c.id for c in diff_documents(old, new, OPS)] == ["api-document-changed-elsewhere"]


def test_authentication_where_none_was_needed_is_breaking() -> None:
    old = base_document()
    _get(old)["security"] = []
    new = base_document()
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in changes] == [("api-security-added", Level.ERR)]
    assert "authentication now required: bearer" in changes[0].text


def test_a_new_way_to_authenticate_is_an_alternative() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    _get(new)["security"] = [{"bearer": []}, {"key": []}]
    new["components"]["securitySchemes"]["key"] = {"type": "apiKey", "in": "header", "name": "X-Key"}
    assert [(c.id, c.level) for c in diff_documents(old, new, OPS)] == [("api-security-alternative-added", Level.INFO)]


def _rename_component(old_name: str, new_name: str) -> Callable[[dict[str, Any]], None]:
    def rename(doc: dict[str, Any]) -> None:
        schemas = doc["components"]["schemas"]
        schemas[new_name] = schemas.pop(old_name)
        text = json.dumps(doc).replace(f'"#/components/schemas/{old_name}"', f'"#/components/schemas/{new_name}"')
        doc.clear()
        doc.update(json.loads(text))

    return rename


@pytest.mark.parametrize(
    "rewrite",
    [
        pytest.param(lambda d: d["info"].update(version="2"), id="info.version bumped"),
        pytest.param(lambda d: d["info"].update(description="New words"), id="info.description"),
        pytest.param(lambda d: _thing(d)["size"].update({"x-internal-owner": "team-a"}), id="an x- extension"),
        pytest.param(lambda d: _get(d).update({"x-codeSamples": [{"lang": "sh"}]}), id="an x- on the operation"),
        pytest.param(
            lambda d: (
                _get(d)["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["next"].update(
                    type=["string", "null"]
                )
                or _get(d)["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["next"].pop(
                    "nullable"
                )
            ),
            id="nullable as a type list",
        ),
        pytest.param(_rename_component("Local", "LocalSource"), id="a oneOf variant's schema renamed"),
        pytest.param(_rename_component("Kind", "ThingKind"), id="an enum's schema renamed"),
        pytest.param(_rename_component("Thing", "Item"), id="a recursive schema renamed"),
        pytest.param(lambda d: d.update(json.loads(json.dumps(d, sort_keys=True))), id="key order"),
    ],
)
def test_rewrites_that_do_not_change_meaning_are_not_changes_to_our_operations(
    rewrite: Callable[[dict[str, Any]], None],
) -> None:
    old = base_document()
    new = copy.deepcopy(old)
    rewrite(new)
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level, c.side) for c in changes] in (
        [("api-document-changed-elsewhere", Level.INFO, "document")],
        [],  # key order alone: the parsed documents are equal
    ), [(c.id, c.text) for c in changes]


def test_an_extension_the_generators_read_is_a_change() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    _schemas(new)["Kind"]["x-enum-varnames"] = ["ALPHA", "BETA"]
    graded = {(c.id, c.level) for c in diff_documents(old, new, OPS)}
    assert ("response-property-extension-changed", Level.WARN) in graded
    assert ("request-parameter-extension-changed", Level.WARN) in graded


def test_a_response_enum_value_is_a_warning_where_the_client_opens_the_enum() -> None:
    old = base_document()
    new = copy.deepcopy(old)
    _schemas(new)["Kind"]["enum"].append("c")
    opened = {(c.id, c.level) for c in diff_documents(old, new, OPS, open_response_enums=True) if c.side == "response"}
    closed = {(c.id, c.level) for c in diff_documents(old, new, OPS) if c.side == "response"}
    assert opened == {("response-property-enum-value-added", Level.WARN)}
    assert closed == {("response-property-enum-value-added", Level.ERR)}


def _tagged_union(doc: dict[str, Any]) -> None:
    """`source` becomes a discriminated union: Local and Remote each pinned by `kind`."""
    _schemas(doc)["Local"]["properties"]["kind"] = {"type": "string", "enum": ["local"]}
    _schemas(doc)["Remote"]["properties"]["kind"] = {"type": "string", "enum": ["remote"]}
    _thing(doc)["source"]["discriminator"] = {"propertyName": "kind"}


def test_a_discriminator_tag_stays_closed_so_a_new_tag_value_breaks() -> None:
    old = base_document()
    _tagged_union(old)
    new = copy.deepcopy(old)
    _schemas(new)["Local"]["properties"]["kind"]["enum"].append("file")
    changes = diff_documents(old, new, OPS, open_response_enums=True)
    assert [(c.id, c.level) for c in changes if c.side == "response"] == [
        ("response-property-enum-value-added", Level.ERR)
    ]


def test_a_new_variant_of_a_discriminated_union_is_a_warning_where_the_client_opens_it() -> None:
    old = base_document()
    _tagged_union(old)
    new = copy.deepcopy(old)
    _schemas(new)["Archive"] = {"type": "object", "properties": {"kind": {"type": "string", "enum": ["archive"]}}}
    _thing(new)["source"]["oneOf"].append({"$ref": "#/components/schemas/Archive"})
    opened = diff_documents(old, new, OPS, open_response_enums=True)
    assert [(c.id, c.level) for c in opened] == [("response-property-one-of-added", Level.WARN)]
    closed = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in closed] == [("response-property-one-of-added", Level.ERR)]


def test_a_variant_renamed_is_matched_by_its_tag() -> None:
    old = base_document()
    _tagged_union(old)
    new = copy.deepcopy(old)
    _rename_component("Remote", "RemoteSource")(new)
    _schemas(new)["RemoteSource"]["properties"]["url"]["description"] = "where it lives"
    changes = diff_documents(old, new, OPS)
    assert [(c.id, c.level) for c in changes] == [("response-property-description-changed", Level.INFO)]


def test_overlay_that_no_longer_applies_names_the_action() -> None:
    overlay = load(SPECS / "modelslab" / "overlay.yaml")
    doc = modelslab()
    assert overlay_changes(doc, overlay, "specs/modelslab/overlay.yaml") == []
    doc["components"]["schemas"]["ApiKeyRequest"]["properties"]["api_key"] = doc["components"]["schemas"][
        "ApiKeyRequest"
    ]["properties"].pop("key")
    (change,) = overlay_changes(doc, overlay, "specs/modelslab/overlay.yaml")
    assert (change.id, change.level, change.side) == ("overlay-action-not-applicable", Level.ERR, "overlay")
    assert change.location == "specs/modelslab/overlay.yaml#/actions/0"
    assert "action 0 (The API key travels in the JSON body" in change.text
    assert "ApiKeyRequest.properties.key" in change.text


# -- the providers' real history, served from 127.0.0.1 -------------------------------


def test_modelslab_model_category_values_replaced_and_subcategory_added(
    repo: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    """ModelsLab swapped model_category values and gained model_subcategory; here on model_list."""
    old, new = modelslab(), modelslab()
    for doc, values in ((old, ["stable_diffusion", "stable_diffusion_xl", "controlnet"]), (new, None)):
        category = {"type": "string", "enum": values or ["stable_diffusion", "stable_diffusion_xl", "flux", "z_image"]}
        doc["components"]["schemas"]["PublicModel"]["properties"]["model_category"] = dict(category)
        doc["components"]["schemas"]["ApiKeyRequest"]["properties"]["model_category"] = dict(category)
    subcategory = {"type": "string", "enum": ["lora"]}
    new["components"]["schemas"]["PublicModel"]["properties"]["model_subcategory"] = subcategory
    new["components"]["schemas"]["ApiKeyRequest"]["properties"]["model_subcategory"] = subcategory
    vendor(repo, "modelslab", "upstream.json", as_json(old))
    url = serve("/model-operation.openapi.json", as_json(new))

    code, report = run_json(capsys, "--repo", str(repo), "--provider", "modelslab", "--source", f"modelslab={url}")

    assert code == 2
    (provider,) = report["results"]
    assert provider["status"] == "changed"
    seen = {(c["id"], c["level"], c["side"]) for c in provider["changes"] if c["operation"] == "POST /model_list"}
    assert seen == {
        ("request-property-enum-value-removed", "ERR", "request"),
        ("request-property-enum-value-added", "INFO", "request"),
        ("new-optional-request-property", "INFO", "request"),
        # the derived document opens every response enum: the client keeps the new value
        ("response-property-enum-value-added", "WARN", "response"),
        ("response-property-enum-value-removed", "INFO", "response"),
        ("response-optional-property-added", "INFO", "response"),
    }
    texts = " ".join(c["text"] for c in provider["changes"])
    assert '"controlnet"' in texts
    assert '"flux", "z_image"' in texts
    assert "model_subcategory" in texts


def test_modelslab_change_outside_our_operations_is_non_breaking(
    serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The real history happened in load_model's ModelUploadRequest, which we do not use."""
    new = modelslab()
    upload = new["components"]["schemas"]["ModelUploadRequest"]["properties"]
    upload["model_category"]["enum"] = ["stable_diffusion", "controlnet"]
    upload.pop("model_subcategory")
    url = serve("/doc.json", as_json(new))
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 1
    assert [c["id"] for c in report["results"][0]["changes"]] == ["api-document-changed-elsewhere"]


def test_scenario_type_enum_grew_from_18_to_37(
    repo: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Response side: our client opened the enum, so 19 new values are a warning; request side: more choice."""
    new_raw = (SPECS / "scenario" / "upstream.yaml").read_bytes()
    old = load(SPECS / "scenario" / "upstream.yaml")
    assert len(old["components"]["schemas"]["ModelType"]["enum"]) == 37
    old["components"]["schemas"]["ModelType"]["enum"] = SCENARIO_18_TYPES
    vendor(repo, "scenario", "upstream.yaml", dump_yaml(old))
    url = serve("/scenario.yaml", new_raw)

    code, report = run_json(capsys, "--repo", str(repo), "--provider", "scenario", "--source", f"scenario={url}")

    assert code == 1
    document, sdk = report["results"]
    assert (document["kind"], sdk["kind"], sdk["status"]) == ("document", "sdk", "unreachable")
    changes = document["changes"]
    by_side = {(c["side"], c["id"], c["level"]) for c in changes}
    assert by_side == {
        ("request", "request-parameter-enum-value-added", "INFO"),
        ("response", "response-property-enum-value-added", "WARN"),
    }
    response = next(c for c in changes if c["side"] == "response")
    assert "19 enum value(s) added" in response["text"]
    assert "models[].type" in " ".join(c["text"] for c in changes)
    assert {c["text"].split(": ")[1] for c in changes if c["side"] == "request"} == {
        "query parameter `type`",
        "query parameter `types` property `[]`",
    }


def test_the_older_pages_18_values_are_kept_in_order_among_the_37() -> None:
    """The history above is a pure addition: the older page's values, in order, within today's document."""
    values = load(SPECS / "scenario" / "upstream.yaml")["components"]["schemas"]["ModelType"]["enum"]
    assert [value for value in values if value in SCENARIO_18_TYPES] == SCENARIO_18_TYPES


def test_openwebui_documented_path_is_not_the_servers(
    repo: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The docs say /api/models/list; the server's own /openapi.json says /api/v1/models/list."""
    served = (SPECS / "openwebui" / "upstream.json").read_bytes()
    documented = json.loads(served)
    documented["paths"]["/api/models/list"] = documented["paths"].pop("/api/v1/models/list")
    vendor(repo, "openwebui", "upstream.json", as_json(documented))
    toml = repo / "specs" / "providers.toml"
    toml.write_text(toml.read_text().replace('"GET /api/v1/models/list"', '"GET /api/models/list"'))
    url = serve("/openapi.json", served)

    code, report = run_json(
        capsys, "--repo", str(repo), "--provider", "openwebui", "--openwebui-url", url.removesuffix("/openapi.json")
    )

    assert code == 2
    provider = report["results"][0]
    assert provider["source"] == url
    (change,) = provider["changes"]
    assert (change["id"], change["level"]) == ("api-path-removed-without-deprecation", "ERR")
    assert "path /api/models/list is no longer published" in change["text"]
    assert "now published as GET /api/v1/models/list" in change["text"]


def test_truefoundry_sdk_path_moved(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    """truefoundry-sdk 0.6.0 calls /api/svc/v1/models; the page is Markdown with a fenced YAML block."""
    document = (SPECS / "truefoundry" / "upstream.yaml").read_text()
    moved = document.replace("/api/ml/v1/models:", "/api/svc/v1/models:")
    assert moved != document
    page = f"# List models\n\nSome prose.\n\n```yaml\n{moved}```\n\nMore prose.\n".encode()
    url = serve("/docs/list-models.md", page)

    code, out = run(capsys, "--repo", str(ROOT), "--provider", "truefoundry", "--source", f"truefoundry={url}")

    assert code == 2
    assert "api-path-removed-without-deprecation" in out
    assert "now published as GET /api/svc/v1/models" in out
    assert "overlay-action-not-applicable" not in out  # our fixes target components, which stayed


# -- outcomes of the command ------------------------------------------------------------


def test_no_change_exits_0(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    url = serve("/doc.json", (SPECS / "modelslab" / "upstream.json").read_bytes())
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 0
    assert report["results"][0]["status"] == "unchanged"
    assert report["results"][0]["changes"] == []


def test_description_only_change_exits_1(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    new = modelslab()
    new["components"]["schemas"]["PublicModel"]["properties"]["model_name"]["description"] = "Display name"
    new["paths"]["/model_list"]["post"]["summary"] = "List public models"
    url = serve("/doc.json", as_json(new))
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 1
    changes = report["results"][0]["changes"]
    assert {c["level"] for c in changes} == {"INFO"}
    assert {c["id"] for c in changes} == {"response-property-description-changed", "api-summary-changed"}


def test_unreachable_sources_are_reported_not_changes(
    serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    closed = serve("/gone.json", b"not here", status=404)
    same = serve("/doc.json", (SPECS / "modelslab" / "upstream.json").read_bytes())
    code, out = run(
        capsys,
        "--repo",
        str(ROOT),
        "--provider",
        "truefoundry",
        "--provider",
        "openwebui",
        "--provider",
        "modelslab",
        "--source",
        f"truefoundry={closed}",
        "--source",
        f"modelslab={same}",
    )
    assert code == 0  # the one reachable source is unchanged; unreachable ones do not count...
    # ...but the headline does not claim "no change" for what was not checked
    assert "Result: **no change in the sources checked (1 of 4 sources checked, 3 unreachable)**, exit 0." in out
    assert "| TrueFoundry (`truefoundry`) | published document: " in out
    assert "| unreachable |" in out
    assert "HTTP 404" in out
    assert "--openwebui-env DIR" in out  # what to do about the open-webui==X source
    assert "--openwebui-url" in out


def test_every_source_checked_and_unchanged_says_no_change(
    serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    same = serve("/doc.json", (SPECS / "modelslab" / "upstream.json").read_bytes())
    code, out = run(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={same}")
    assert code == 0
    assert "Result: **no change (1 of 1 source checked)**, exit 0." in out
    assert "byte for byte the vendored one" in out


def test_all_unreachable_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(
        capsys,
        "--repo",
        str(ROOT),
        "--provider",
        "modelslab",
        "--source",
        "modelslab=http://127.0.0.1:9/x.json",
        "--timeout",
        "2",
        "--format",
        "github",
    )
    assert code == 3
    first, last = out.splitlines()
    assert first.startswith(
        "::warning title=modelslab document%3A unreachable::http://127.0.0.1:9/x.json: ConnectError"
    )
    assert (
        last == "upstream: nothing checked: every source was unreachable (0 of 1 source checked, 1 unreachable), exit 3"
    )


def test_scenario_has_no_published_document_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "scenario")
    assert code == 3  # its only source, the SDK, is not on the (empty) index
    (sdk,) = report["results"]
    assert (sdk["kind"], sdk["status"]) == ("sdk", "unreachable")
    assert "scenario-sdk has no final release with a pure-Python wheel" in sdk["detail"]
    (note,) = sdk["notes"]
    assert note.startswith("No published document: Scenario publishes no OpenAPI document we can reach")
    assert "unchanged" not in json.dumps(report)


def test_an_html_page_is_an_invalid_document(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    """Open WebUI answers its documented path with the web UI's HTML and status 200."""
    url = serve("/api/models/list", b"<!doctype html><html></html>")
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 5
    (result,) = report["results"]
    assert result["status"] == "invalid"
    assert "not an OpenAPI document (no 'paths')" in result["detail"]


def _with_dangling_ref() -> bytes:
    broken = modelslab()
    schemas = broken["components"]["schemas"]
    schemas["PublicModel"]["properties"]["owner"] = {"$ref": "#/components/schemas/Owner"}
    return as_json(broken)


@pytest.mark.parametrize("fmt", ["markdown", "json", "github"])
def test_a_dangling_ref_is_one_providers_status_and_the_others_are_still_checked(
    fmt: str, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = serve("/modelslab.json", _with_dangling_ref())
    truefoundry_page = (SPECS / "truefoundry" / "upstream.yaml").read_text()
    page = serve("/tfy.md", f"# List models\n\n```yaml\n{truefoundry_page}```\n".encode())
    code, out = run(
        capsys,
        "--repo",
        str(ROOT),
        "--provider",
        "modelslab",
        "--provider",
        "truefoundry",
        "--source",
        f"modelslab={broken}",
        "--source",
        f"truefoundry={page}",
        "--format",
        fmt,
    )
    assert code == 5
    assert "invalid document: dangling $ref #/components/schemas/Owner" in out
    if fmt == "json":
        statuses = [(r["provider"], r["kind"], r["status"]) for r in json.loads(out)["results"]]
        assert statuses == [
            ("modelslab", "document", "invalid"),
            ("truefoundry", "document", "unchanged"),
            ("truefoundry", "sdk", "unreachable"),
        ]
    elif fmt == "github":
        assert out.startswith("::error title=modelslab document%3A invalid::invalid document: dangling $ref")
        assert out.endswith(
            "a source could not be checked (1 of 3 sources checked, 1 unreachable, 1 invalid), exit 5\n"
        )
    else:
        assert "| ModelsLab (`modelslab`) | published document: " in out
        assert "| invalid |" in out
        assert "| TrueFoundry (`truefoundry`) | published document: " in out
        assert "| unchanged |" in out


def test_an_external_ref_is_an_invalid_document(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    document = modelslab()
    document["components"]["schemas"]["PublicModel"]["properties"]["owner"] = {"$ref": "owners.yaml#/Owner"}
    url = serve("/doc.json", as_json(document))
    code, report = run_json(capsys, "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 5
    assert report["results"][0]["detail"] == (
        "invalid document: external $ref owners.yaml#/Owner (only references inside the document are supported)"
    )


def test_a_breaking_change_outranks_an_invalid_document(
    serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = serve("/modelslab.json", _with_dangling_ref())
    moved = (SPECS / "truefoundry" / "upstream.yaml").read_text().replace("/api/ml/v1/models:", "/api/svc/v1/models:")
    page = serve("/tfy.md", f"```yaml\n{moved}```\n".encode())
    args = ["--repo", str(ROOT), "--provider", "modelslab", "--provider", "truefoundry"]
    code, report = run_json(capsys, *args, "--source", f"modelslab={broken}", "--source", f"truefoundry={page}")
    assert code == 2
    assert [r["status"] for r in report["results"]] == ["invalid", "changed", "unreachable"]


def test_github_annotations_and_markdown(
    tmp_path: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    new = modelslab()
    new["components"]["schemas"]["PublicModel"]["properties"].pop("model_name")
    new["paths"]["/model_list"]["post"]["summary"] = "Public models, 100%"
    url = serve("/doc.json", as_json(new))
    markdown = tmp_path / "report.md"
    code, out = run(
        capsys,
        "--repo",
        str(ROOT),
        "--provider",
        "modelslab",
        "--source",
        f"modelslab={url}",
        "--format",
        "github",
        "--markdown",
        str(markdown),
    )
    assert code == 2
    lines = out.splitlines()
    assert any(
        line.startswith("::error title=modelslab document%3A response-optional-property-removed::POST /model_list")
        for line in lines
    )
    assert any(line.startswith("::notice title=modelslab document%3A api-summary-changed::") for line in lines)
    assert lines[-1] == "upstream: breaking changes (1 of 1 source checked), exit 2"
    text = markdown.read_text()
    assert text.index("#### ERR: breaking") < text.index("#### INFO: non-breaking")
    assert "property `[].model_name`: removed" in text
    assert "| changed | 1 | 0 | 1 | 0 |" in text


def test_the_tooling_command_dispatches_upstream(serve: Callable[..., str], capsys: pytest.CaptureFixture[str]) -> None:
    url = serve("/doc.json", (SPECS / "modelslab" / "upstream.json").read_bytes())
    argv = ["upstream", "--repo", str(ROOT), "--provider", "modelslab", "--source", f"modelslab={url}"]
    assert tooling_main(argv) == 0
    assert "no change" in capsys.readouterr().out


def test_set_manifest_value_edits_one_upstream_sha256_line() -> None:
    text = (SPECS / "providers.toml").read_text()
    edited = set_manifest_value(text, "providers.truefoundry", "upstream_sha256", "0" * 64)
    changed = [(a, b) for a, b in zip(text.splitlines(), edited.splitlines(), strict=True) if a != b]
    assert changed == [(f'upstream_sha256 = "{_recorded(text, "truefoundry")}"', f'upstream_sha256 = "{"0" * 64}"')]


def _recorded(text: str, provider: str) -> str:
    section = text.split(f"[providers.{provider}]", 1)[1]
    match = re.search(r'upstream_sha256 = "([0-9a-f]+)"', section)
    assert match is not None
    return match.group(1)


# -- --update -----------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_update_refuses_a_document_that_breaks_an_overlay_target(
    repo: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    new = modelslab()
    properties = new["components"]["schemas"]["ApiKeyRequest"]["properties"]
    properties["api_key"] = properties.pop("key")
    url = serve("/doc.json", as_json(new))
    before = _tree(repo)

    code, out = run(capsys, "--repo", str(repo), "--provider", "modelslab", "--source", f"modelslab={url}", "--update")

    assert code == 2
    assert _tree(repo) == before
    assert "overlay-action-not-applicable" in out
    assert "Update: not accepted, specs/ left unchanged" in out
    assert "action 0 (The API key travels in the JSON body" in out


@pytest.mark.generators
def test_update_accepts_a_change_and_regenerates(
    repo: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "generated", repo / "generated", ignore=shutil.ignore_patterns("__pycache__"))
    new = modelslab()
    new["components"]["schemas"]["PublicModel"]["properties"]["model_name"]["description"] = "Display name"
    raw = as_json(new)
    url = serve("/doc.json", raw)
    toml_before = (repo / "specs" / "providers.toml").read_text()
    derived_before = (repo / "specs" / "modelslab" / "openapi.yaml").read_bytes()

    code, out = run(capsys, "--repo", str(repo), "--provider", "modelslab", "--source", f"modelslab={url}", "--update")

    assert code == 1, out
    assert (repo / "specs" / "modelslab" / "upstream.json").read_bytes() == raw
    toml_after = (repo / "specs" / "providers.toml").read_text()
    assert toml_after == set_manifest_value(toml_before, "providers.modelslab", "upstream_sha256", sha256_of(raw))
    assert toml_after.startswith("# One entry a provider")  # comments kept
    derived_after = (repo / "specs" / "modelslab" / "openapi.yaml").read_bytes()
    assert derived_after != derived_before
    assert b"Display name" in derived_after
    assert "Update: accepted: specs/modelslab/upstream.json" in out

    code, out = run(capsys, "--repo", str(repo), "--provider", "modelslab", "--source", f"modelslab={url}")
    assert code == 0, out
