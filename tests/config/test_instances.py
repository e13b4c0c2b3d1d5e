"""Named instances from Python: two servers of one provider listed side by side, each under its own name.

Real loopback servers (the project's fault server), one Open WebUI-style server per
name, each wanting its own key. Every record, event, error, failure and progress report
carries the name; names are checked.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import pytest
from modelcatalog import AsyncClient, Client
from modelcatalog.catalog import ProviderProgress, Query, alist_catalog, list_catalog
from modelcatalog.errors import AuthenticationError, ConfigurationError, IncompleteListingError
from modelcatalog.events import Event, OffSpecEvent, PaginationEvent
from modelcatalog.instances import Instance, parse_declaration
from support import payloads
from support.fault_server import EmptyPage, FaultServer
from support.providers import openwebui, scenario

if TYPE_CHECKING:
    from collections.abc import Iterator

KEY_A, KEY_B = "sk-key-of-a", "sk-key-of-b"


@pytest.fixture
def server_a() -> Iterator[FaultServer]:
    with FaultServer(credentials={"openwebui": KEY_A}) as running:
        running.models["openwebui"] = payloads.many(openwebui.model, 40)
        yield running


@pytest.fixture
def server_b() -> Iterator[FaultServer]:
    with FaultServer(credentials={"openwebui": KEY_B}) as running:
        running.models["openwebui"] = payloads.many(openwebui.model, 5, start=500)
        yield running


def instances(a: FaultServer, b: FaultServer) -> list[Instance]:
    return [
        Instance("webui_a", "openwebui", base_url=a.url, api_key_env="KEY_A"),
        Instance("webui_b", "openwebui", base_url=b.url, api_key_env="KEY_B"),
    ]


@pytest.fixture(autouse=True)
def keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEY_A", KEY_A)
    monkeypatch.setenv("KEY_B", KEY_B)
    monkeypatch.delenv("OPENWEBUI_API_KEY", raising=False)
    monkeypatch.delenv("OPENWEBUI_BASE_URL", raising=False)


def test_two_servers_of_one_provider_list_side_by_side(server_a: FaultServer, server_b: FaultServer) -> None:
    progress: list[ProviderProgress] = []
    result = list_catalog(Query(), instances(server_a, server_b), on_progress=progress.append)
    assert result.ok, [f.describe() for f in result.failures]
    assert [r.id for r in result.records if r.instance == "webui_a"] == payloads.ids(server_a, "openwebui")
    assert [r.id for r in result.records if r.instance == "webui_b"] == payloads.ids(server_b, "openwebui")
    assert {r.provider for r in result.records} == {"openwebui"}
    last = {state.instance: state.records for state in progress}
    assert last == {"webui_a": 40, "webui_b": 5}  # counted per server, not per provider


async def test_the_async_twin_names_each_server(server_a: FaultServer, server_b: FaultServer) -> None:
    result = await alist_catalog(Query(sort="id"), instances(server_a, server_b))
    assert result.ok
    assert sorted({r.instance for r in result.records}) == ["webui_a", "webui_b"]
    assert len(result.records) == 45


def test_a_failing_server_is_named_in_its_failure(
    server_a: FaultServer, server_b: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEY_B", "sk-wrong")
    result = list_catalog(Query(), instances(server_a, server_b))
    (failure,) = result.failures
    assert (failure.provider, failure.instance) == ("openwebui", "webui_b")
    assert isinstance(failure.error, AuthenticationError)
    assert failure.error.instance == "webui_b"
    assert failure.describe().startswith("webui_b (openwebui) GET /api/v1/models/list: ")
    assert len(result.records) == 40


def test_an_incomplete_listing_names_its_server(server_a: FaultServer, server_b: FaultServer) -> None:
    server_a.inject("openwebui", EmptyPage(), where={"page": "2"})  # an empty page before the promised total
    events: list[Event] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = list_catalog(Query(), instances(server_a, server_b), on_event=events.append)
    (failure,) = result.failures
    assert failure.instance == "webui_a"
    assert isinstance(failure.error, IncompleteListingError)
    assert str(failure.error).startswith("webui_a (openwebui) ")
    assert events
    assert all(e.instance == "webui_a" for e in events if isinstance(e, PaginationEvent))


def test_a_named_client_names_its_events_and_errors(server_a: FaultServer) -> None:
    server_a.models["openwebui"][0]["surprise"] = 1  # an unknown field: an off-spec event
    events: list[Event] = []
    with (
        pytest.warns(UserWarning, match=r"^webui_a \(openwebui\) GET /api/v1/models/list: unknown field 'surprise'"),
        Client("openwebui", name="webui_a", base_url=server_a.url, api_key=KEY_A, on_event=events.append) as client,
    ):
        assert len(list(client.list_models())) == 40
    (event,) = events
    assert isinstance(event, OffSpecEvent)
    assert (event.provider, event.instance) == ("openwebui", "webui_a")
    with (
        Client("openwebui", name="webui_a", base_url=server_a.url, api_key="sk-wrong") as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        list(client.list_models())
    assert (caught.value.provider, caught.value.instance) == ("openwebui", "webui_a")
    assert str(caught.value).startswith("webui_a (openwebui) GET /api/v1/models/list: ")


async def test_an_unnamed_client_is_its_provider(server_a: FaultServer) -> None:
    async with AsyncClient("openwebui", base_url=server_a.url, api_key="sk-wrong") as client:
        assert client.name == "openwebui"
        with pytest.raises(AuthenticationError) as caught:
            [m async for m in client.list_models()]
    assert caught.value.instance == "openwebui"
    assert str(caught.value).startswith("openwebui GET ")  # no "(openwebui)" when the name is the provider's


@pytest.mark.parametrize("name", ["Webui", "1st", "", "web ui", "x" * 64, "webüi"])
def test_a_name_that_is_not_identifier_like_is_refused(name: str) -> None:
    with pytest.raises(ConfigurationError, match="invalid instance name"):
        Client("openwebui", name=name, base_url="http://127.0.0.1:1", api_key="k")


def test_another_providers_name_is_refused_but_its_own_is_fine() -> None:
    with pytest.raises(ConfigurationError, match="the name 'scenario' is the provider scenario's own"):
        Client("openwebui", name="scenario", base_url="http://127.0.0.1:1", api_key="k")
    with Client("openwebui", name="openwebui", base_url="http://127.0.0.1:1", api_key="k") as client:
        assert client.name == "openwebui"


def test_two_sources_under_one_name_are_refused(server_a: FaultServer) -> None:
    twins = [Instance("lab", "openwebui", base_url=server_a.url), Instance("lab", "openwebui", base_url=server_a.url)]
    with pytest.raises(ConfigurationError, match="two sources are named 'lab'"):
        list_catalog(Query(), twins)


def test_a_setup_error_names_the_instance_and_the_variable() -> None:
    result = list_catalog(Query(), [Instance("lab", "openwebui", base_url="http://127.0.0.1:1", api_key_env="LAB_KEY")])
    (failure,) = result.failures
    assert failure.describe() == "lab (openwebui): missing credential: set LAB_KEY (or pass api_key=)"


def test_an_instance_of_another_provider_keeps_that_providers_credentials(
    server_a: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server_a.models["scenario"] = payloads.many(scenario.model, 3)
    server_a.credentials["scenario"] = "k:s"
    monkeypatch.setenv("WORK_KEY", "k")
    monkeypatch.setenv("WORK_SECRET", "s")
    work = Instance("work", "scenario", base_url=server_a.url, api_key_env="WORK_KEY", api_secret_env="WORK_SECRET")
    result = list_catalog(Query(), [work])
    assert result.ok, [f.describe() for f in result.failures]
    assert {(r.provider, r.instance) for r in result.records} == {("scenario", "work")}


def test_an_instance_refuses_a_credential_its_provider_does_not_take() -> None:
    with pytest.raises(ConfigurationError, match="api_secret_env: openwebui takes no api_secret"):
        Instance("lab", "openwebui", api_secret_env="X")


def test_declarations_parse_and_refuse_with_the_url_masked() -> None:
    assert parse_declaration("vllm=openwebui:http://127.0.0.1:8000/v1") == Instance(
        "vllm", "openwebui", base_url="http://127.0.0.1:8000/v1", declared_in="the --instance flag"
    )
    with pytest.raises(ConfigurationError) as caught:
        parse_declaration("https://user:hunter2@host")
    assert "hunter2" not in str(caught.value)
