"""Damaged responses give the library's typed errors or off-spec reports, never a crash or a leaked key.

Every test starts from bodies that decode (generated from the derived documents, or the
recorded payloads in ``tests/fixtures/payloads/``), damages them one way, and runs them
through the client's response path and ``normalize`` (``strategies.run``). Whatever
happens, only ``ModelCatalogError``s may come out, naming the provider and operation,
and the canary credential of the operation must appear in no error, repr, traceback,
warning or event, even when the body carries it (servers echo keys back).

Damage that only adds (an unknown field, an unknown enum value) must keep every record
and say what it saw; damage that breaks the body must say which way (``NotJSONError``,
``HTMLPageError``, ``SchemaMismatchError``, ModelsLab's ``ProviderReportedError``).
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

import msgspec
import pytest
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st
from modelcatalog.errors import (
    APIError,
    AuthenticationError,
    HTMLPageError,
    ModelCatalogError,
    NotJSONError,
    ProviderReportedError,
    SchemaMismatchError,
)
from modelcatalog_generated.structs.known_values import KNOWN_VALUES
from strategies import (
    ANY_JSON,
    CANARY,
    ROOT,
    ResponseCase,
    cases,
    encode,
    json_values,
    leaks,
    provider_reports_error,
    run,
)

if TYPE_CHECKING:
    from types import UnionType

    from strategies import Outcome

CASES = cases()
EXAMPLES = 15
FIXTURES = ROOT / "tests" / "fixtures" / "payloads"
#: the recorded payloads of each operation that decode (off-spec ones included)
RECORDED = {
    "GET /v1/models": ["scenario/list_models.json", "scenario/list_models_off_spec.json"],
    "GET /api/ml/v1/models": ["truefoundry/list_models.json", "truefoundry/list_models_off_spec.json"],
    "GET /api/v1/models/list": ["openwebui/list_models.json"],
    "POST /api/v3/finetune_list": ["modelslab/finetune_list.json"],
    "POST /api/v4/dreambooth/model_list": ["modelslab/model_list.json"],
    "GET /models": ["openai/list_models.json", "openai/list_models_compatible.json"],
}
DEEP = 10_000
MEGABYTE = 1 << 20
#: JSON values of every type, to put where another type belongs
WRONG_TYPES = (None, True, 0, -1, 2**70, 1.5, -1e308, "", "text", CANARY, [], [1, "a"], {}, {"k": CANARY})
INVALID_UTF8 = (b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xa0\xa1", b"\xe2\x28\xa1", b"\xf0\x28\x8c\x28", b"\xed\xa0\x80")
_SENTINEL = "@@modelcatalog-splice@@"

ids = pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
examples = settings(max_examples=EXAMPLES)


# -- what every outcome must satisfy ------------------------------------------------------------


def checked(case: ResponseCase, body: bytes, **kwargs: Any) -> Outcome:
    """Run ``body``; errors must be typed, name where they came from, and leak no credential."""
    outcome = run(case, body, **kwargs)
    if outcome.error is not None:
        assert isinstance(outcome.error, ModelCatalogError)
        assert (outcome.error.provider, outcome.error.operation) == (case.provider, case.operation.name)
        assert outcome.error.message
    assert not leaks(outcome), leaks(outcome)
    return outcome


# -- bodies that decode, to damage ------------------------------------------------------------


@cache
def _recorded(case: ResponseCase) -> tuple[Any, ...]:
    return tuple(json.loads((FIXTURES / name).read_text()) for name in RECORDED[case.operation.name])


def valid_values(case: ResponseCase) -> st.SearchStrategy[Any]:
    """Recorded payloads and generated bodies; ModelsLab's own error shapes are left to their tests."""
    values = st.sampled_from(_recorded(case)) | json_values(case)
    return values.filter(lambda value: not provider_reports_error(case, value))


def damage_error(case: ResponseCase, damaged: Any) -> type | UnionType:
    """The error damage may cause: a schema mismatch, or ModelsLab's own error when it now says it failed."""
    return ProviderReportedError | AuthenticationError if provider_reports_error(case, damaged) else SchemaMismatchError


def _paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every location in a JSON value, the root first."""
    found = [here]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*here, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*here, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = msgspec.json.decode(msgspec.json.encode(value))
    parent = copy
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = new
    return copy


def _splice(value: Any, raw: bytes) -> bytes:
    """Encode ``value`` with the JSON text of the sentinel string replaced by ``raw`` bytes."""
    body = encode(value)
    marker = json.dumps(_SENTINEL).encode()
    assert marker in body
    return body.replace(marker, raw)


def _items(case: ResponseCase, value: Any) -> list[Any]:
    name = case.operation.records  # where the operation's records sit in its body (None: the body is the list)
    if name is None:
        return value if isinstance(value, list) else []
    return value.get(name, []) if isinstance(value, dict) else []


# -- the Struct each JSON object of a body decodes into --------------------------------------------


def _unwrap(info: Any) -> Any:
    while isinstance(info, msgspec.inspect.Metadata):
        info = info.type
    return info


def struct_sites(value: Any, info: Any) -> list[tuple[dict[str, Any], Any]]:
    """(JSON object, the StructType it decodes into) for every object the Structs type."""
    info = _unwrap(info)
    found: list[tuple[dict[str, Any], Any]] = []
    if isinstance(info, msgspec.inspect.UnionType):
        for option in info.types:
            found += struct_sites(value, option)
    elif isinstance(info, msgspec.inspect.StructType) and isinstance(value, dict):
        found.append((value, info))
        fields = {f.encode_name: f.type for f in info.fields}
        for key, child in value.items():
            if key in fields:
                found += struct_sites(child, fields[key])
    elif isinstance(info, msgspec.inspect.ListType) and isinstance(value, list):
        for child in value:
            found += struct_sites(child, info.item_type)
    return found


def envelope_info(case: ResponseCase) -> Any:
    return msgspec.inspect.type_info(case.operation.envelope)


# -- additions: kept, and reported ----------------------------------------------------------------


@st.composite
def extra_field(draw: st.DrawFn, case: ResponseCase) -> tuple[Any, str, str, bytes]:
    """A body with one key added to an object a Struct types: (value, Struct name, key, body)."""
    value = draw(valid_values(case))
    value = msgspec.json.decode(msgspec.json.encode(value))  # a private copy
    sites = struct_sites(value, envelope_info(case))
    assume(sites)
    target, info = draw(st.sampled_from(sites))
    known = {f.encode_name for f in info.fields} | set(target)
    key = draw(
        st.sampled_from([CANARY, f"x-{CANARY}", "\u00e9t\u00e9", "__proto__"]) | st.text(min_size=1, max_size=20)
    )
    assume(key not in known)
    kind = draw(st.sampled_from(["json", "deep-array", "deep-object", "huge", "canary"]))
    extra = {"json": draw(ANY_JSON), "huge": "\u00e9" * MEGABYTE, "canary": {"key": CANARY}}
    target[key] = extra.get(kind, _SENTINEL)
    event(kind)
    nests = {"deep-array": b"[" * DEEP + b"]" * DEEP, "deep-object": b'{"a":' * DEEP + b"1" + b"}" * DEEP}
    body = _splice(value, nests[kind]) if kind in nests else encode(value)
    return value, info.cls.__name__, key, body


@ids
@examples
@given(data=st.data())
def test_an_extra_field_is_reported_and_the_record_kept(case: ResponseCase, data: st.DataObject) -> None:
    value, struct, key, body = data.draw(extra_field(case))
    outcome = checked(case, body)
    if outcome.error is not None:
        # only nesting past what the decoder can recurse into may fail, and it says so
        assert b"[" * 1000 in body or b'{"a":' * 1000 in body, outcome.error
        assert isinstance(outcome.error, SchemaMismatchError)
        return
    assert len(outcome.items) == len(_items(case, value))
    # on a record whose servers add fields by design (OpenAI-compatible), an extension field, kept
    kinds = {"unknown_field", "extension_field"}
    reported = {(event.location, event.value) for event in outcome.events if event.kind in kinds}
    assert (struct, key.replace(CANARY, "***")) in reported


@st.composite
def unknown_enum_value(draw: st.DrawFn, case: ResponseCase) -> tuple[Any, str, object, bytes]:
    """A body with one opened enum set to a value the spec does not list."""
    value = msgspec.json.decode(msgspec.json.encode(draw(valid_values(case))))
    table = KNOWN_VALUES.get(case.provider, {})
    sites = [
        (target, info, f)
        for target, info in struct_sites(value, envelope_info(case))
        for f in info.fields
        if f.encode_name in table.get(info.cls.__name__, {})
    ]
    assume(sites)
    target, info, f = draw(st.sampled_from(sites))
    known = table[info.cls.__name__][f.encode_name]
    if all(isinstance(item, int) for item in known):
        new: object = draw(st.integers(-(2**31), 2**31).filter(lambda n: n not in known))
    else:
        new = draw(st.sampled_from([CANARY, "", "new-" + CANARY[:3]]) | st.text(max_size=30))
        assume(new not in known)
    is_list = isinstance(_unwrap(f.type), msgspec.inspect.ListType) or (
        isinstance(_unwrap(f.type), msgspec.inspect.UnionType)
        and any(isinstance(_unwrap(t), msgspec.inspect.ListType) for t in _unwrap(f.type).types)
    )
    target[f.encode_name] = [*target.get(f.encode_name, []), new] if is_list else new
    return value, f"{info.cls.__name__}.{f.encode_name}", new, encode(value)


ENUM_CASES = [case for case in CASES if KNOWN_VALUES.get(case.provider)]


@pytest.mark.parametrize("case", ENUM_CASES, ids=lambda case: case.id)
@examples
@given(data=st.data())
def test_an_unknown_enum_value_is_reported_and_the_record_kept(case: ResponseCase, data: st.DataObject) -> None:
    value, location, new, body = data.draw(unknown_enum_value(case))
    outcome = checked(case, body)
    assert outcome.error is None, outcome.error
    assert len(outcome.items) == len(_items(case, value))
    reported = {(event.location, event.value) for event in outcome.events if event.kind == "unknown_enum_value"}
    assert (location, str(new).replace(CANARY, "***")) in reported


# -- damage: a typed error (or, where the spec leaves room, records) -------------------------------


@ids
@examples
@given(data=st.data())
def test_a_wrong_type_anywhere_is_a_typed_error_or_fits(case: ResponseCase, data: st.DataObject) -> None:
    value = data.draw(valid_values(case))
    path = data.draw(st.sampled_from(_paths(value)))
    current = _at(value, path)
    new = data.draw(st.sampled_from([v for v in WRONG_TYPES if type(v) is not type(current)]))
    damaged = _replace(value, path, new)
    outcome = checked(case, encode(damaged))
    event(outcome.kind)
    if outcome.error is not None:
        assert isinstance(outcome.error, damage_error(case, damaged)), outcome.kind


@ids
@examples
@given(data=st.data())
def test_a_removed_field_is_a_typed_error_or_was_optional(case: ResponseCase, data: st.DataObject) -> None:
    value = data.draw(valid_values(case))
    objects = [path for path in _paths(value) if isinstance(_at(value, path), dict) and _at(value, path)]
    assume(objects)
    path = data.draw(st.sampled_from(objects))
    damaged = msgspec.json.decode(msgspec.json.encode(value))
    target = _at(damaged, path)
    del target[data.draw(st.sampled_from(sorted(target)))]
    outcome = checked(case, encode(damaged))
    if isinstance(outcome.error, SchemaMismatchError):
        assert outcome.error.path.startswith("$")
    elif outcome.error is not None:
        assert isinstance(outcome.error, damage_error(case, damaged)), outcome.kind


#: JSON values no record type accepts (ModelsLab's trained records are strings: not "text" there)
NOT_A_RECORD = (None, 0, 1.5, True, [], "text")


@ids
@examples
@given(data=st.data())
def test_a_broken_record_costs_that_record_only(case: ResponseCase, data: st.DataObject) -> None:
    value = msgspec.json.decode(msgspec.json.encode(data.draw(valid_values(case))))
    records = _items(case, value)
    assume(records)
    index = data.draw(st.integers(0, len(records) - 1))
    wrong = [v for v in NOT_A_RECORD if not (isinstance(v, str) and isinstance(records[index], str))]
    records[index] = data.draw(st.sampled_from(wrong))
    field = case.operation.records
    damaged = records if field is None else {**value, field: records}
    outcome = checked(case, encode(damaged))
    assert outcome.error is None, outcome.kind
    assert len(outcome.items) == len(records) - 1
    where = f"$[{index}]" if field is None else f"$.{field}[{index}]"
    assert [(e.kind, e.location) for e in outcome.events if e.kind == "invalid_record"] == [("invalid_record", where)]
    strict = checked(case, encode(damaged), strict=True)
    assert isinstance(strict.error, SchemaMismatchError), strict.kind
    assert strict.error.path == where


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


@ids
@examples
@given(data=st.data())
def test_huge_strings_are_decoded_or_a_typed_error(case: ResponseCase, data: st.DataObject) -> None:
    value = data.draw(valid_values(case))
    strings = [path for path in _paths(value) if isinstance(_at(value, path), str)]
    assume(strings)
    path = data.draw(st.sampled_from(strings))
    filler = data.draw(st.sampled_from(["x", "\u00e9", "\U0001f600", CANARY, '"\\']))
    huge = filler * (MEGABYTE // len(filler.encode()))
    damaged = _replace(value, path, huge)
    outcome = checked(case, encode(damaged))
    if outcome.error is not None:  # a date-time field cannot hold a megabyte of text
        assert isinstance(outcome.error, damage_error(case, damaged)), outcome.error


@ids
@examples
@given(data=st.data())
def test_deep_nesting_in_a_known_field_is_a_typed_error(case: ResponseCase, data: st.DataObject) -> None:
    value = data.draw(valid_values(case))
    path = data.draw(st.sampled_from(_paths(value)))
    depth = data.draw(st.sampled_from([64, 2_000, DEEP]))
    nest = data.draw(st.sampled_from([b"[" * depth + b"]" * depth, b'{"a":' * depth + b"null" + b"}" * depth]))
    outcome = checked(case, _splice(_replace(value, path, _SENTINEL), nest))
    if outcome.error is not None:
        assert isinstance(outcome.error, SchemaMismatchError | ProviderReportedError), outcome.error


@ids
@examples
@given(data=st.data())
def test_invalid_utf8_is_not_json(case: ResponseCase, data: st.DataObject) -> None:
    value = data.draw(valid_values(case))
    bad = data.draw(st.sampled_from(INVALID_UTF8))
    where = data.draw(st.sampled_from(["string", "key", "anywhere"]))
    if where == "anywhere":
        body = encode(value)
        offset = data.draw(st.integers(0, len(body)))
        body = body[:offset] + bad + body[offset:]
    else:
        paths = [p for p in _paths(value) if isinstance(_at(value, p), str if where == "string" else dict)]
        assume(paths)
        path = data.draw(st.sampled_from(paths))
        text = f"{CANARY}{_SENTINEL}"
        damaged = _replace(value, path, text) if where == "string" else _replace(value, path, {text: 1})
        body = encode(damaged).replace(_SENTINEL.encode(), bad)
    outcome = checked(case, body)
    assert isinstance(outcome.error, NotJSONError), outcome.kind


@ids
@examples
@given(data=st.data())
def test_a_lone_surrogate_escape_is_not_json(case: ResponseCase, data: st.DataObject) -> None:
    value = data.draw(valid_values(case))
    strings = [path for path in _paths(value) if isinstance(_at(value, path), str)]
    assume(strings)
    escape = data.draw(st.sampled_from([b"\\ud800", b"\\udfff", b"\\ud83d"]))
    body = _splice(_replace(value, data.draw(st.sampled_from(strings)), _SENTINEL), b'"' + escape + b'"')
    outcome = checked(case, body)
    assert isinstance(outcome.error, NotJSONError), outcome.kind


@ids
@examples
@given(data=st.data())
def test_a_truncated_body_is_not_json(case: ResponseCase, data: st.DataObject) -> None:
    body = encode(data.draw(valid_values(case)))
    outcome = checked(case, body[: data.draw(st.integers(0, len(body) - 1))])
    assert isinstance(outcome.error, NotJSONError), outcome.kind


HTML_PAGES = (
    b"<!DOCTYPE html><html><head><title>Open WebUI</title></head><body><div id=app></div></body></html>",
    b"\n  <html><body><h1>502 Bad Gateway</h1></body></html>",
    b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'></html>",
    b"<head><meta charset=utf-8></head>",
    b"<body>key " + CANARY.encode() + b" rejected</body>",
)


@ids
@examples
@given(
    page=st.sampled_from(HTML_PAGES), content_type=st.sampled_from(["text/html; charset=utf-8", "", "application/json"])
)
def test_an_html_page_is_an_html_page_error(case: ResponseCase, page: bytes, content_type: str) -> None:
    outcome = checked(case, page, content_type=content_type)
    assert isinstance(outcome.error, HTMLPageError), outcome.kind
    assert outcome.error.status_code == 200


@ids
@examples
@given(data=st.data())
def test_json_served_as_html_is_an_html_page_error(case: ResponseCase, data: st.DataObject) -> None:
    outcome = checked(case, encode(data.draw(valid_values(case))), content_type="text/html")
    assert isinstance(outcome.error, HTMLPageError), outcome.kind


@ids
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"", NotJSONError),
        (b"   \n", NotJSONError),
        (b"null", SchemaMismatchError),
        (b"0", SchemaMismatchError),
        (b'"' + CANARY.encode() + b'"', SchemaMismatchError),
        (b"true", SchemaMismatchError),
        (b"[[]]", SchemaMismatchError),
        (b"{} {}", NotJSONError),
        (b"\xef\xbb\xbf{}", NotJSONError),  # a byte-order mark is not JSON (RFC 8259 section 8.1)
    ],
    ids=["empty", "blank", "null", "zero", "string", "true", "nested-array", "two-documents", "bom"],
)
def test_bodies_that_are_no_envelope(case: ResponseCase, body: bytes, expected: type[Exception]) -> None:
    outcome = checked(case, body)
    if body == b"[[]]" and case.operation.records is None:  # a list of records: one bad record, left out
        assert outcome.error is None, outcome.kind
        assert outcome.items == []
        assert [(e.kind, e.location) for e in outcome.events] == [("invalid_record", "$[0]")]
        return
    assert isinstance(outcome.error, expected), outcome.kind


@ids
@examples
@given(data=st.data())
def test_an_array_for_an_object_and_an_object_for_an_array(case: ResponseCase, data: st.DataObject) -> None:
    value = data.draw(valid_values(case))
    if isinstance(value, list):
        swapped: Any = data.draw(st.sampled_from([{"items": value}, {"data": value}, dict(enumerate(map(str, value)))]))
        swapped = {str(key): item for key, item in swapped.items()}
    else:
        swapped = data.draw(st.sampled_from([[value], list(value.values()), list(value)]))
    outcome = checked(case, encode(swapped))
    if outcome.error is None:  # only an object whose every field is optional can take any object
        assert case.operation.name == "POST /api/v3/finetune_list", swapped
        assert isinstance(swapped, dict)
    else:
        assert isinstance(outcome.error, SchemaMismatchError), outcome.kind


# -- ModelsLab's {"status": "error"} ---------------------------------------------------------------

_MESSAGES = st.sampled_from(
    ["Invalid Api Key", "Request failed", f"key {CANARY} not authorized", "", "Not authenticated", "rate limit"]
) | st.one_of(st.none(), st.integers(), st.text(max_size=40), st.lists(st.text(max_size=5), max_size=2))


@ids
@examples
@given(
    message=_MESSAGES,
    spelling=st.sampled_from(["message", "messege"]),
    extra=st.dictionaries(st.sampled_from(["code", "data", "tip", "id"]), ANY_JSON, max_size=2),
)
def test_modelslab_status_error(case: ResponseCase, message: object, spelling: str, extra: dict[str, Any]) -> None:
    body = encode({"status": "error", spelling: message, **extra})
    outcome = checked(case, body)
    if case.provider == "modelslab":
        assert isinstance(outcome.error, ProviderReportedError | AuthenticationError), outcome.kind
        assert outcome.error.status_code == 200 if isinstance(outcome.error, ProviderReportedError) else True
    elif outcome.error is None:  # also a whole envelope: an OpenAI-compatible one requires only its record list
        assert case.operation.records in extra, outcome.kind
    else:
        assert isinstance(outcome.error, SchemaMismatchError), outcome.kind


def test_recorded_modelslab_error_is_an_authentication_error() -> None:
    body = (FIXTURES / "modelslab" / "error_invalid_key.json").read_bytes()
    for case in CASES:
        if case.provider == "modelslab":
            outcome = checked(case, body)
            assert isinstance(outcome.error, AuthenticationError), outcome.kind


# -- regressions: the examples these properties found, kept as plain tests ----------------------

_FIRST_RECORD_KEY = {
    "GET /v1/models": "models",
    "GET /api/ml/v1/models": "data",
    "GET /api/v1/models/list": "items",
    "GET /models": "data",
}
#: a field each record has whose type is free-form JSON (msgspec decodes it as Any), or a plain string
_KNOWN_FIELD = {
    "GET /v1/models": "name",
    "GET /api/ml/v1/models": "name",
    "GET /api/v1/models/list": "meta",
    "POST /api/v4/dreambooth/model_list": "model_name",
    "GET /models": "owned_by",
}


def _recorded_with(case: ResponseCase, record_key: str, raw: object) -> bytes:
    """The first recorded payload with ``record_key`` of its first record (or of the envelope) set to ``raw``."""
    value = msgspec.json.decode(msgspec.json.encode(_recorded(case)[0]))
    target = value[0] if isinstance(value, list) else value
    if case.operation.name in _FIRST_RECORD_KEY:
        target = target[_FIRST_RECORD_KEY[case.operation.name]][0]
    target[record_key] = _SENTINEL
    return _splice(value, raw if isinstance(raw, bytes) else json.dumps(raw).encode())


@ids
@pytest.mark.parametrize("where", ["extra-field", "known-field"])
@pytest.mark.parametrize(
    "nest", [b"[" * DEEP + b"]" * DEEP, b'{"a":' * DEEP + b"1" + b"}" * DEEP], ids=["arrays", "objects"]
)
def test_regression_10000_deep_nesting_is_a_schema_mismatch(case: ResponseCase, where: str, nest: bytes) -> None:
    """Was a raw RecursionError from msgspec (fast path: a free-form field; slow path: an unknown field)."""
    key = _KNOWN_FIELD.get(case.operation.name, "data") if where == "known-field" else "x_unknown"
    outcome = checked(case, _recorded_with(case, key, nest))
    assert isinstance(outcome.error, SchemaMismatchError), outcome.kind
    assert "too deeply" in outcome.error.message
    assert outcome.error.path == "$"


@ids
@pytest.mark.parametrize("where", ["extra-field", "known-field"])
def test_regression_invalid_utf8_in_a_string_is_not_json(case: ResponseCase, where: str) -> None:
    """Was a raw UnicodeDecodeError from msgspec (and from ModelsLab's status probe before the decoder)."""
    key = _KNOWN_FIELD.get(case.operation.name, "messege") if where == "known-field" else "x_unknown"
    outcome = checked(case, _recorded_with(case, key, b'"caf\xe9 ' + CANARY.encode() + b'"'))
    assert isinstance(outcome.error, NotJSONError), outcome.kind
    assert CANARY.encode() not in outcome.error.body


def test_regression_a_credential_echoed_as_a_field_name_or_enum_value_is_scrubbed_from_off_spec_events() -> None:
    """Was the canary verbatim in the OffSpecWarning text and the OffSpecEvent handed to on_event."""
    (case,) = [case for case in CASES if case.provider == "scenario"]
    value = msgspec.json.decode(msgspec.json.encode(_recorded(case)[0]))
    value["models"][0][f"echo-{CANARY}"] = 1
    value["models"][0]["type"] = CANARY
    outcome = checked(case, encode(value))
    assert outcome.error is None
    reported = {(event.kind, event.value) for event in outcome.events}
    assert {("unknown_field", "echo-***"), ("unknown_enum_value", "***")} <= reported
    assert len(outcome.records) == len(value["models"])


@ids
@examples
@given(data=st.data(), status=st.sampled_from([101, 204, 206, 301, 304, 400, 401, 403, 404, 409, 422, 429, 500, 503]))
def test_any_status_is_a_typed_error_or_a_page(case: ResponseCase, data: st.DataObject, status: int) -> None:
    """Retries are the transport's business; what reaches the response path is judged by status first."""
    value = {"detail": CANARY, "key": CANARY}
    body = data.draw(st.sampled_from([b"", encode(value)]) | st.just(b"<html></html>"))
    outcome = checked(case, body, status=status)
    if 200 <= status < 300:  # a body to decode (ModelsLab's finetune list: an object without data is its error)
        if body == encode(value) and provider_reports_error(case, value):
            assert isinstance(outcome.error, ProviderReportedError), outcome.kind
        else:
            expected = NotJSONError | HTMLPageError | SchemaMismatchError
            assert outcome.error is None or isinstance(outcome.error, expected)
    else:
        assert isinstance(outcome.error, APIError), outcome.kind
        assert outcome.error.status_code == status
