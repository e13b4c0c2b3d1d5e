"""The generated Open WebUI client against a real 0.12.4 server (``openwebui`` fixture).

What the server does was read from its source (routers/models.py ``get_models``,
models/models.py ``search_models``) and is predicted here from the seed: 30 a page,
``total`` counts every match, models without ``base_model_id`` are never listed, the
admin bypasses access control, a ``write``-only grant does not list, read-only callers
get ``params == {}``, ``query`` searches name, base model and the owner's name and
email, ``tag`` searches the whole meta JSON text, ``order_by`` is ``name``,
``created_at`` or ``updated_at`` and sorts descending unless ``direction=asc``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from modelcatalog_generated.openwebui import AuthenticatedClient
from modelcatalog_generated.openwebui.api.models import list_models
from modelcatalog_generated.openwebui.errors import UnexpectedStatus
from modelcatalog_generated.openwebui.models.model_access_list_response import ModelAccessListResponse
from modelcatalog_generated.openwebui.types import UNSET
from openwebui_env import (
    ADMIN,
    PAGE_SIZE,
    READER,
    SeededModel,
    SeededServer,
    server_environment,
)

if TYPE_CHECKING:
    from modelcatalog_generated.openwebui.models.model_access_response import ModelAccessResponse

ROOT = Path(__file__).resolve().parents[2]
USERS = (ADMIN, READER)


def client_for(openwebui: SeededServer, who: str) -> AuthenticatedClient:
    # trust_env=False: a proxy from the environment must never see loopback traffic
    return AuthenticatedClient(
        base_url=openwebui.base_url, token=openwebui.key_for(who), httpx_args={"trust_env": False}
    )


def list_pages(client: AuthenticatedClient, **params: Any) -> list[ModelAccessListResponse]:
    """Every page through the generated client, stopping at the first short page."""
    pages: list[ModelAccessListResponse] = []
    for page in range(1, 100):
        response = list_models.sync_detailed(client=client, page=page, **params)
        assert response.status_code == 200, response.content[:300]
        assert isinstance(response.parsed, ModelAccessListResponse)
        pages.append(response.parsed)
        if len(response.parsed.items) < PAGE_SIZE:
            return pages
    pytest.fail("more than 99 pages")


def list_items(openwebui: SeededServer, who: str, **params: Any) -> list[ModelAccessResponse]:
    pages = list_pages(client_for(openwebui, who), **params)
    items = [item for page in pages for item in page.items]
    assert {page.total for page in pages} == {len(items)}, "total must count exactly what the pages hold"
    assert all(len(page.items) == PAGE_SIZE for page in pages[:-1])
    assert len({item.id for item in items}) == len(items), "a model came back on two pages"
    return items


def by_id(openwebui: SeededServer) -> dict[str, SeededModel]:
    return {model.id: model for model in openwebui.models}


# --------------------------------------------------------------------------- listing


@pytest.mark.parametrize("who", USERS)
def test_all_pages_hold_exactly_what_the_server_holds_for_each_user(openwebui: SeededServer, who: str) -> None:
    items = list_items(openwebui, who)
    ids = [item.id for item in items]
    assert set(ids) == openwebui.expected_ids(who)
    # the generated client returns what raw httpx saw, page for page, in the same order
    assert ids == openwebui.raw_listing[who].ids
    assert len(ids) == openwebui.raw_listing[who].total


def test_the_seed_covers_what_the_tests_claim(openwebui: SeededServer) -> None:
    assert len(openwebui.models) >= 200
    unlisted = [m for m in openwebui.models if not m.listed]
    assert len(unlisted) == 21
    assert len(openwebui.expected_ids(ADMIN)) == 195
    assert len(openwebui.expected_ids(READER)) == 75
    assert len(openwebui.raw_listing[ADMIN].pages) == 7


@pytest.mark.parametrize("who", USERS)
def test_models_without_base_model_id_are_never_listed(openwebui: SeededServer, who: str) -> None:
    listed = {item.id for item in list_items(openwebui, who)}
    unlisted = {m.id for m in openwebui.models if m.base_model_id is None}
    assert unlisted
    assert not unlisted & listed
    # ...even when a filter names them exactly
    named = {item.id for item in list_items(openwebui, who, query="Cirrus 007")}
    assert named == set()


def test_records_carry_the_seeded_fields(openwebui: SeededServer) -> None:
    seeded = by_id(openwebui)
    for item in list_items(openwebui, ADMIN):
        model = seeded[item.id]
        assert item.name == model.name
        assert item.base_model_id == model.base_model_id
        assert item.meta.description == model.description
        assert [t["name"] for t in item.meta.additional_properties.get("tags", [])] == list(model.tags)
        assert (item.meta.capabilities.to_dict() if item.meta.capabilities else None) == model.capabilities
        # the list endpoint strips the image; it is served from /model/profile/image instead
        assert item.meta.profile_image_url is UNSET
        assert isinstance(item.created_at, int)
        assert item.created_at > 1_600_000_000
        assert item.write_access is True  # the admin may edit everything


def test_read_only_callers_get_no_params_and_write_grants_keep_them(openwebui: SeededServer) -> None:
    seeded = by_id(openwebui)
    items = list_items(openwebui, READER)
    writable = {"mc-009", "mc-021", "mc-033"}  # i % 12 == 9: read and write grants
    assert writable <= {item.id for item in items}
    for item in items:
        model = seeded[item.id]
        can_write = model.owner == READER or any(g.permission == "write" for g in model.grants)
        assert item.write_access is can_write, item.id
        assert item.params.additional_properties == (model.params if can_write else {}), item.id


def test_write_only_grant_does_not_list(openwebui: SeededServer) -> None:
    # i % 12 == 6 carries a write grant for the reader; those that are not also public stay hidden
    write_only = [
        m
        for m in openwebui.models
        if m.listed and {(g.principal_id, g.permission) for g in m.grants} == {("reader", "write")}
    ]
    assert len(write_only) == 9
    listed = {item.id for item in list_items(openwebui, READER)}
    assert not {m.id for m in write_only} & listed


def test_admin_unfiltered_listing_is_newest_first(openwebui: SeededServer) -> None:
    # with no parameter at all search_models falls back to ORDER BY created_at DESC
    stamps = [item.created_at for item in list_items(openwebui, ADMIN)]
    assert stamps == sorted(stamps, reverse=True)


@pytest.mark.parametrize("page", [0, -3])
def test_pages_below_one_are_page_one(openwebui: SeededServer, page: int) -> None:
    client = client_for(openwebui, READER)
    first = list_models.sync(client=client, page=1)
    odd = list_models.sync(client=client, page=page)
    assert isinstance(first, ModelAccessListResponse)
    assert isinstance(odd, ModelAccessListResponse)
    assert [i.id for i in odd.items] == [i.id for i in first.items]


def test_a_page_past_the_end_is_empty_but_keeps_total(openwebui: SeededServer) -> None:
    parsed = list_models.sync(client=client_for(openwebui, ADMIN), page=50)
    assert isinstance(parsed, ModelAccessListResponse)
    assert parsed.items == []
    assert parsed.total == len(openwebui.expected_ids(ADMIN))


async def test_async_twin_returns_the_same_first_page(openwebui: SeededServer) -> None:
    client = client_for(openwebui, READER)
    async with client:
        response = await list_models.asyncio_detailed(client=client, page=1)
    assert isinstance(response.parsed, ModelAccessListResponse)
    assert [i.id for i in response.parsed.items] == list(openwebui.raw_listing[READER].pages[0])


# --------------------------------------------------------------------------- filters


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("query", ["borealis", "QWEN", "catalog", "Second", "notebook", "zzz-nothing"])
def test_query_matches_name_base_model_and_owner(openwebui: SeededServer, who: str, query: str) -> None:
    expected = {m.id for m in openwebui.visible(who) if openwebui.matches_query(m, query)}
    assert {item.id for item in list_items(openwebui, who, query=query)} == expected


def test_query_on_the_owner_matches_every_model_they_own(openwebui: SeededServer) -> None:
    # "Catalog Admin" <admin@modelcatalog.test> owns every mc-* model: none has "catalog" in its name
    ids = {item.id for item in list_items(openwebui, ADMIN, query="Catalog Admin")}
    assert ids == {m.id for m in openwebui.visible(ADMIN) if m.owner == ADMIN}
    assert not any("catalog" in m.name.lower() for m in openwebui.models)


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("tag", ["chat", "CODE", "mine", "vision", "description"])
def test_tag_matches_any_json_string_in_meta(openwebui: SeededServer, who: str, tag: str) -> None:
    expected = {m.id for m in openwebui.visible(who) if m.matches_tag(tag)}
    assert expected
    assert {item.id for item in list_items(openwebui, who, tag=tag)} == expected


def test_tag_also_matches_capability_keys(openwebui: SeededServer) -> None:
    # no model is tagged "vision", yet every model with a capabilities dict matches it
    assert not any("vision" in (t.lower() for t in m.tags) for m in openwebui.models)
    ids = {item.id for item in list_items(openwebui, ADMIN, tag="vision")}
    assert ids == {m.id for m in openwebui.visible(ADMIN) if m.capabilities is not None}


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize(("direction", "descending"), [(None, True), ("asc", False), ("desc", True), ("ASC", True)])
def test_order_by_name(openwebui: SeededServer, who: str, direction: str | None, descending: bool) -> None:
    names = [item.name for item in list_items(openwebui, who, order_by="name", direction=direction)]
    assert names == sorted(names, reverse=descending)
    assert len(names) == len(openwebui.expected_ids(who))


@pytest.mark.parametrize("order_by", ["created_at", "updated_at"])
@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_order_by_timestamps(openwebui: SeededServer, order_by: str, direction: str) -> None:
    items = list_items(openwebui, READER, order_by=order_by, direction=direction)
    stamps = [getattr(item, order_by) for item in items]
    assert stamps == sorted(stamps, reverse=direction == "desc")
    assert {item.id for item in items} == openwebui.expected_ids(READER)


@pytest.mark.parametrize("params", [{"order_by": "bogus"}, {"direction": "asc"}, {"view_option": "bogus"}])
def test_unknown_values_filter_nothing(openwebui: SeededServer, params: dict[str, str]) -> None:
    assert {item.id for item in list_items(openwebui, READER, **params)} == openwebui.expected_ids(READER)


def test_query_tag_and_order_combine(openwebui: SeededServer) -> None:
    items = list_items(openwebui, ADMIN, query="ember", tag="chat", order_by="name", direction="asc")
    expected = sorted(
        (m for m in openwebui.visible(ADMIN) if openwebui.matches_query(m, "ember") and m.matches_tag("chat")),
        key=lambda m: m.name,
    )
    assert [item.id for item in items] == [m.id for m in expected]
    assert expected


@pytest.mark.parametrize("who", USERS)
def test_view_option_created_and_shared_split_by_owner(openwebui: SeededServer, who: str) -> None:
    created = {item.id for item in list_items(openwebui, who, view_option="created")}
    shared = {item.id for item in list_items(openwebui, who, view_option="shared")}
    assert created == {m.id for m in openwebui.visible(who) if m.owner == who}
    assert shared == {m.id for m in openwebui.visible(who) if m.owner != who}
    assert created
    assert shared


# --------------------------------------------------------------------------- auth, docs, spec


def test_an_unknown_key_is_401_and_the_client_can_raise(openwebui: SeededServer) -> None:
    client = AuthenticatedClient(
        base_url=openwebui.base_url,
        token="sk-not-a-key",
        raise_on_unexpected_status=True,
        httpx_args={"trust_env": False},
    )
    with pytest.raises(UnexpectedStatus) as caught:
        list_models.sync_detailed(client=client)
    assert caught.value.status_code == 401


@pytest.mark.parametrize("who", USERS)
def test_the_documented_path_returns_the_web_ui_html_with_200(openwebui: SeededServer, who: str) -> None:
    # The docs say GET /api/models/list; the server answers with its SPA page, status 200.
    with httpx.Client(base_url=openwebui.base_url, trust_env=False) as client:
        response = client.get("/api/models/list", headers={"Authorization": f"Bearer {openwebui.key_for(who)}"})
        real = client.get("/api/v1/models/list", headers={"Authorization": f"Bearer {openwebui.key_for(who)}"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.text.lstrip().lower().startswith("<!doctype html")
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert real.headers["content-type"] == "application/json"
    assert real.json()["total"] == len(openwebui.expected_ids(who))


def test_served_openapi_is_byte_identical_to_the_vendored_upstream(openwebui: SeededServer) -> None:
    vendored = (ROOT / "specs" / "openwebui" / "upstream.json").read_bytes()
    manifest = tomllib.loads((ROOT / "specs" / "providers.toml").read_text())
    assert openwebui.openapi_sha256 == hashlib.sha256(vendored).hexdigest()
    assert openwebui.openapi_sha256 == manifest["providers"]["openwebui"]["upstream_sha256"]
    assert openwebui.openapi_bytes == vendored


# --------------------------------------------------------------------------- the harness itself (fast)


def test_server_environment_is_offline_and_loopback_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-leak")
    monkeypatch.setenv("DATABASE_URL", "postgresql://elsewhere/db")
    env = server_environment(tmp_path, 1234)
    assert "OPENAI_API_KEY" not in env
    assert "DATABASE_URL" not in env
    assert env["DATA_DIR"] == str(tmp_path)
    assert env["OFFLINE_MODE"] == "true"
    assert env["HF_HUB_OFFLINE"] == "1"
    assert env["ENABLE_OLLAMA_API"] == env["ENABLE_OPENAI_API"] == "false"
    assert env["OLLAMA_BASE_URL"] == "http://127.0.0.1:9"
    assert env["RAG_EMBEDDING_MODEL"] == ""
    assert env["ENABLE_API_KEYS"] == "true"


def test_script_refuses_an_unknown_command() -> None:
    script = Path(__file__).with_name("openwebui_env.py")
    result = subprocess.run([sys.executable, str(script), "bogus"], capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
