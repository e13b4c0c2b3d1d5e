"""Bodies generated from each derived document go through the client's response path and normalize.

The property: whatever the spec allows, the library answers with records or with one of
its own errors, never another exception. And the spec's own bodies should mostly
decode: each test counts decoded bodies against rejected ones and fails when fewer than
``MIN_DECODED`` of the schema-valid bodies decode, naming the rejections, because that
would mean the decoding Structs disagree with the document they were generated from.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

import jsonschema
import msgspec
import pytest
from hypothesis import given, settings
from modelcatalog.catalog import UnidentifiedRecordError
from modelcatalog.errors import AuthenticationError, ProviderReportedError
from modelcatalog.providers import PROVIDERS
from modelcatalog_generated.structs.known_values import KNOWN_VALUES
from strategies import ROOT, ResponseCase, bodies, cases, provider_reports_error, run

if TYPE_CHECKING:
    from strategies import Outcome

#: the share of schema-valid bodies that must decode (the rest: e.g. integers past 64 bits)
MIN_DECODED = 0.9
#: examples a provider's operation gets (ModelsLab's two operations share a budget)
EXAMPLES = defaultdict(lambda: 60, {"modelslab": 40})
CATALOG = jsonschema.Draft202012Validator(json.loads((ROOT / "specs/catalog/model-record.schema.json").read_text()))


def _ids(case: ResponseCase) -> str:
    return case.id


def _items(case: ResponseCase, value: Any) -> list[Any]:
    key = case.operation.records  # where the operation's records sit in its body (None: the body is the list)
    if key is None:
        return list(value)
    return list(value.get(key, [])) if isinstance(value, dict) else []


def _keys(value: Any) -> set[str]:
    """Every object key anywhere in ``value``."""
    if isinstance(value, dict):
        return set(value).union(*map(_keys, value.values()))
    if isinstance(value, list):
        return set().union(*map(_keys, value))
    return set()


def _known(provider: str, location: str) -> frozenset[object]:
    struct, wire = location.split(".", 1)
    return KNOWN_VALUES[provider][struct][wire]


def _check_decoded(case: ResponseCase, value: Any, outcome: Outcome, *, closed: bool) -> None:
    """Every record kept and normalized into a valid catalog record; off-spec events are true."""
    assert len(outcome.items) == len(_items(case, value))
    assert len(outcome.records) + len(outcome.normalize_errors) == len(outcome.items)
    for record in outcome.records:
        CATALOG.validate(json.loads(msgspec.json.encode(record)))
    unidentified = [item for item in outcome.items if getattr(item, "model_id", "") is msgspec.UNSET]
    assert len(outcome.normalize_errors) == len(unidentified)  # ModelsLab's model_id is optional in its spec
    assert all(isinstance(error, UnidentifiedRecordError) for error in outcome.normalize_errors)
    for event in outcome.events:
        assert (event.provider, event.operation) == (case.provider, case.operation.name)
        if event.kind == "unknown_enum_value":
            assert event.value not in {str(known) for known in _known(case.provider, event.location)}
        else:
            assert not closed, f"a body the spec describes exactly reported {event}"
            assert event.value in _keys(value), event


def _tally_and_check(case: ResponseCase, *, closed: bool) -> Counter[str]:
    tally: Counter[str] = Counter()
    rejected: dict[str, str] = {}
    seen: Counter[str] = Counter()  # records and off-spec events, for the printed report
    validator = jsonschema.Draft202012Validator(case.schema)

    @settings(max_examples=EXAMPLES[case.provider])
    @given(body=bodies(case))
    def check(body: bytes) -> None:
        value = json.loads(body)
        validator.validate(value)  # the generator keeps to the schema it was built from
        outcome = run(case, body)
        if provider_reports_error(case, value):  # the spec allows ModelsLab's own errors
            assert isinstance(outcome.error, ProviderReportedError | AuthenticationError), outcome.kind
            tally["provider error (by design)"] += 1
            return
        tally[outcome.kind] += 1
        if outcome.error is not None:
            assert (outcome.error.provider, outcome.error.operation) == (case.provider, case.operation.name)
            rejected.setdefault(outcome.kind, f"{outcome.error} <- {body[:400]!r}")
            return
        _check_decoded(case, value, outcome, closed=closed)
        seen["records"] += len(outcome.records)
        seen.update(event.kind for event in outcome.events)

    check()
    judged = sum(count for kind, count in tally.items() if kind != "provider error (by design)")
    decoded = tally["decoded"]
    print(f"{case.id} ({'closed' if closed else 'open'}): {dict(tally)}; decoded {decoded}/{judged}, {dict(seen)}")  # noqa: T201
    assert judged == 0 or decoded / judged >= MIN_DECODED, f"{case.id}: {dict(tally)}; first rejections: {rejected}"
    return tally


@pytest.mark.parametrize("case", cases(closed=True), ids=_ids)
def test_bodies_the_spec_describes_decode_and_normalize(case: ResponseCase) -> None:
    """Objects closed to extra keys: every key is one the spec lists, so no unknown field is reported."""
    tally = _tally_and_check(case, closed=True)
    assert sum(tally.values()) >= EXAMPLES[case.provider] // 2


@pytest.mark.parametrize("case", cases(closed=False), ids=_ids)
def test_bodies_with_extra_keys_report_off_spec_fields_and_keep_records(case: ResponseCase) -> None:
    """JSON Schema's default lets objects carry keys the spec does not list: off-spec, never a lost record."""
    tally = _tally_and_check(case, closed=False)
    assert sum(tally.values()) >= EXAMPLES[case.provider] // 2


def test_every_list_operation_has_a_schema() -> None:
    """Each adapter operation found its 200 response in its provider's derived document."""
    found = {case.id for case in cases()}
    assert found == {f"{name}:{op.name}" for name, provider in PROVIDERS.items() for op in provider.operations}
    assert "modelslab:POST /api/v4/dreambooth/model_list" in found  # as the registry names them
    for case in cases():
        assert "$ref" not in json.dumps(case.schema), case.id
        assert "nullable" not in json.dumps(case.schema), case.id
        jsonschema.Draft202012Validator.check_schema(case.schema)
