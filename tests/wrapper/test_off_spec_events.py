"""Off-spec responses: unknown fields and enum values keep the record and are reported once each.

"Once" is per listing: the same unknown on every record of every page is one warning
and one ``OffSpecEvent``; two different unknowns are two.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import msgspec
import pytest
from modelcatalog import OffSpecEvent, OffSpecWarning
from modelcatalog.events import ExtensionFieldWarning
from support import payloads
from support.fault_server import Respond
from support.providers import modelslab, openai, openwebui, scenario, truefoundry

if TYPE_CHECKING:
    from support.fault_server import FaultServer


@pytest.fixture(params=["sync", "async"])
def listing(request: pytest.FixtureRequest, make_client: Any, make_async_client: Any) -> Any:
    """``await listing(provider, **options)`` -> (items, events, off-spec warnings)."""

    async def run(provider: str, **options: Any) -> tuple[list[Any], list[Any], list[str]]:
        events: list[Any] = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if request.param == "sync":
                items = list(make_client(provider, on_event=events.append).list_models(**options))
            else:
                client = await make_async_client(provider, on_event=events.append)
                items = [item async for item in client.list_models(**options)]
        off_spec = [str(w.message) for w in caught if issubclass(w.category, OffSpecWarning)]
        return items, events, off_spec

    return run


async def test_an_unknown_field_on_every_record_of_every_page_is_reported_once(
    server: FaultServer, listing: Any
) -> None:
    server.models["scenario"] = [scenario.model(n, licenseTier="pro") for n in range(7)]
    items, events, off_spec = await listing("scenario", page_size=3)
    assert len(items) == 7  # every record kept
    assert [item.id for item in items] == [model["id"] for model in server.models["scenario"]]
    assert events == [OffSpecEvent("scenario", "GET /v1/models", "unknown_field", "Model", "licenseTier")]
    assert off_spec == [
        "scenario GET /v1/models: unknown field 'licenseTier' at Model (off-spec)",
    ]
    assert len(server.requests) == 3


async def test_an_unknown_enum_value_keeps_the_value(server: FaultServer, listing: Any) -> None:
    server.models["scenario"] = [scenario.model(n, type="flux.3-ultra") for n in range(5)]
    server.models["scenario"][4]["status"] = "archived"
    items, events, off_spec = await listing("scenario", page_size=2)
    assert [item.type for item in items] == ["flux.3-ultra"] * 5
    assert items[4].status == "archived"
    assert events == [
        OffSpecEvent("scenario", "GET /v1/models", "unknown_enum_value", "Model.type", "flux.3-ultra"),
        OffSpecEvent("scenario", "GET /v1/models", "unknown_enum_value", "Model.status", "archived"),
    ]
    assert len(off_spec) == 2


async def test_unknown_values_in_enum_lists_and_nested_records(server: FaultServer, listing: Any) -> None:
    server.models["scenario"] = [scenario.model(0, capabilities=["txt2img", "txt2hologram"])]
    items, events, _ = await listing("scenario")
    assert items[0].capabilities == ["txt2img", "txt2hologram"]
    assert [(e.location, e.value) for e in events] == [("Model.capabilities", "txt2hologram")]

    robot = truefoundry.model(0)
    robot["created_by_subject"] = {**robot["created_by_subject"], "subjectType": "robot", "subjectTeam": "ml"}
    server.models["truefoundry"] = [robot, truefoundry.model(1)]
    items, events, off_spec = await listing("truefoundry")
    assert items[0].created_by_subject.subject_type == "robot"
    assert {(e.kind, e.location, e.value) for e in events} == {
        ("unknown_enum_value", "Subject.subjectType", "robot"),
        ("unknown_field", "Subject", "subjectTeam"),
    }
    assert len(off_spec) == 2


async def test_an_unknown_field_in_the_envelope(server: FaultServer, listing: Any) -> None:
    server.models["openwebui"] = [openwebui.model(n, pinned=True) for n in range(31)]
    items, events, _ = await listing("openwebui")
    assert len(items) == 31
    assert events == [
        OffSpecEvent("openwebui", "GET /api/v1/models/list", "unknown_field", "ModelAccessResponse", "pinned")
    ]


async def test_free_form_objects_are_not_off_spec(server: FaultServer, listing: Any) -> None:
    record = openwebui.model(0)
    record["meta"]["brand_new_key"] = {"anything": [1, 2]}
    server.models["openwebui"] = [record]
    items, events, off_spec = await listing("openwebui")
    assert items[0].meta["brand_new_key"] == {"anything": [1, 2]}
    assert events == []
    assert off_spec == []


async def test_modelslab_off_spec_is_named_by_operation(server: FaultServer, listing: Any) -> None:
    server.models["modelslab-trained"] = ["m1"]
    server.models["modelslab-public"] = [modelslab.public_model(n, nsfw=False) for n in range(3)]
    items, events, _ = await listing("modelslab")
    assert len(items) == 4
    assert events == [
        OffSpecEvent("modelslab", "POST /api/v4/dreambooth/model_list", "unknown_field", "PublicModel", "nsfw")
    ]


async def test_known_values_are_silent(server: FaultServer, listing: Any) -> None:
    server.models["scenario"] = payloads.many(scenario.model, 10)
    server.models["truefoundry"] = payloads.many(truefoundry.model, 10)
    for provider in ("scenario", "truefoundry"):
        items, events, off_spec = await listing(provider, page_size=4)
        assert len(items) == 10
        assert events == []
        assert off_spec == []


async def test_each_listing_reports_afresh(server: FaultServer, make_client: Any) -> None:
    server.models["scenario"] = [scenario.model(0, licenseTier="pro")]
    events: list[Any] = []
    client = make_client("scenario", on_event=events.append)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        list(client.list_models())
        list(client.list_models())
    assert len(events) == 2


def test_the_old_names_still_import_and_are_the_new_classes() -> None:
    import modelcatalog  # noqa: PLC0415
    from modelcatalog import DriftEvent, RuntimeDriftWarning  # noqa: PLC0415

    assert DriftEvent is OffSpecEvent
    assert RuntimeDriftWarning is OffSpecWarning
    assert {"DriftEvent", "RuntimeDriftWarning", "OffSpecEvent", "OffSpecWarning"} <= set(modelcatalog.__all__)


# -- OpenAI-compatible servers add fields by design -----------------------------------------------
async def test_extension_fields_are_kept_and_reported_once_each_per_listing(server: FaultServer, listing: Any) -> None:
    server.models["openai"] = [openai.model(n, **openai.VLLM_FIELDS) for n in range(50)]
    server.models["openai"][7]["pricing"] = {"prompt": "0"}
    items, events, off_spec = await listing("openai")
    assert [item.id for item in items] == [model["id"] for model in server.models["openai"]]
    assert items[0].extensions == openai.VLLM_FIELDS  # kept, values and all
    assert items[7].extensions == {**openai.VLLM_FIELDS, "pricing": {"prompt": "0"}}
    names = [*openai.VLLM_FIELDS, "pricing"]
    assert events == [OffSpecEvent("openai", "GET /models", "extension_field", "Model", name) for name in names]
    assert off_spec == [
        f"openai GET /models: field {name!r} at Model is this server's own (kept in extensions)" for name in names
    ]


async def test_extension_reports_can_be_silenced(server: FaultServer, make_client: Any) -> None:
    server.models["openai"] = [openai.model(n, **openai.OPENROUTER_FIELDS) for n in range(3)]
    events: list[Any] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        client = make_client("openai", on_event=events.append, report_extensions=False)
        items = list(client.list_models())
    assert [item.extensions for item in items] == [openai.OPENROUTER_FIELDS] * 3
    assert events == []
    assert not [w for w in caught if issubclass(w.category, OffSpecWarning)]


async def test_unknown_fields_of_the_envelope_stay_off_spec(server: FaultServer, listing: Any) -> None:
    # a field the envelope does not declare is still off-spec: only records are extensible
    server.models["openai"] = [openai.model(0, max_model_len=4096)]
    server.inject("openai", Respond(200, '{"object": "list", "data": [{"id": "a", "root": "/m"}], "has_more": false}'))
    items, events, _ = await listing("openai")
    assert [(item.id, item.extensions) for item in items] == [("a", {"root": "/m"})]
    assert {(event.kind, event.location, event.value) for event in events} == {
        ("extension_field", "Model", "root"),
        ("unknown_field", "ListModelsResponse", "has_more"),
    }


def test_extension_warnings_are_off_spec_warnings_of_their_own(server: FaultServer, make_client: Any) -> None:
    server.models["openai"] = [openai.model(0, max_model_len=4096), openai.model(1, root="/m", max_model_len=8)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        list(make_client("openai").list_models())
    assert [w.category for w in caught] == [ExtensionFieldWarning, ExtensionFieldWarning]
    assert issubclass(ExtensionFieldWarning, OffSpecWarning)  # a filter on OffSpecWarning still catches them


async def test_a_server_s_own_extensions_field_is_an_extension_too(server: FaultServer, listing: Any) -> None:
    server.models["openai"] = [openai.model(0, extensions="server-defined", max_model_len=8)]
    items, events, _ = await listing("openai")
    assert items[0].extensions == {"extensions": "server-defined", "max_model_len": 8}
    assert {event.value for event in events} == {"extensions", "max_model_len"}


async def test_records_without_created_or_owned_by_still_list(server: FaultServer, listing: Any) -> None:
    server.models["openai"] = [{"id": "bare"}, {"id": "nulls", "object": "model", "created": None, "owned_by": None}]
    items, events, _ = await listing("openai")
    assert [(item.id, item.created, item.owned_by) for item in items] == [
        ("bare", msgspec.UNSET, msgspec.UNSET),
        ("nulls", None, None),
    ]
    assert events == []
