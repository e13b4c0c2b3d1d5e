"""Adding a provider touches its own files only: the README's "Adding a provider", done in a copy of the repository.

A throwaway provider, Acme, is added to a copy of the checkout in a temporary directory
exactly as the README says: ``specs/acme/`` (its published document and our overlay),
one entry in ``specs/providers.toml``, one module under ``wrapper/modelcatalog/providers/``
and its test data under ``tests/support/providers/``. ``generate`` then writes the
derived document and the generated clients; nothing else changes. In a fresh interpreter
that imports the copy, Acme is a provider like the others: listed through the loopback
fault server (which finds its routes by name), normalized, listed by the catalog, and
shown by ``modelcatalog providers`` and ``modelcatalog list -p acme``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from modelcatalog.providers import NAMES

ROOT = Path(__file__).resolve().parents[2]
#: what the copy holds: the inputs, the library, the generated code, and the test support
COPIED = ("specs", "wrapper", "generated", "tests/support", "pyproject.toml")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ruff_cache", ".mypy_cache")

UPSTREAM = """\
openapi: 3.0.3
info:
  title: Acme models
  version: "1"
servers:
  - url: https://api.acme.test
paths:
  /v1/models:
    get:
      operationId: listModels
      parameters:
        - name: offset
          in: query
          schema: {type: integer, minimum: 0}
        - name: limit
          in: query
          schema: {type: integer, minimum: 1, maximum: 100}
      security:
        - bearer: []
      responses:
        "200":
          description: A page of models
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/ModelList"
components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
  schemas:
    ModelList:
      type: object
      required: [data, total]
      properties:
        data:
          type: array
          items:
            $ref: "#/components/schemas/Model"
        total:
          type: integer
    Model:
      type: object
      required: [id]
      properties:
        id: {type: string}
        name: {type: string}
        created: {type: integer}
"""

OVERLAY = """\
overlay: 1.0.0
info:
  title: modelcatalog fixes for the Acme document
  version: 1.0.0
actions:
  - description: a summary for the generated function's docstring
    target: $.paths['/v1/models'].get
    update:
      summary: List models
"""

MANIFEST_ENTRY = """
[providers.acme]
title = "Acme"
upstream = "acme/upstream.yaml"
upstream_sha256 = "{sha256}"
source_note = "A throwaway provider: the test that adds a provider wrote this document."
overlay = "acme/overlay.yaml"
derived = "acme/openapi.yaml"
operations = ["GET /v1/models"]
package = "acme"
open_response_enums = true
"""

PROVIDER_MODULE = '''\
"""Acme: ``GET {base}/v1/models``, offset/limit with a total, Bearer auth (a throwaway provider)."""

from __future__ import annotations

from typing import Final

from modelcatalog_generated.acme.api.default import list_models
from modelcatalog_generated.catalog import ModelRecord
from modelcatalog_generated.structs import acme as structs

from modelcatalog.catalog.normalization import as_text, from_epoch
from modelcatalog.pagination import OffsetStyle, Page, Position
from modelcatalog.providers._base import (
    BearerAuth,
    Credentials,
    CredentialSpec,
    Filters,
    ListOperation,
    Provider,
    RequestKwargs,
    check_filters,
    generated_kwargs,
)

FIELD_SOURCES: Final = {
    "id": "id",
    "name": "name",
    "description": "null",
    "kind": "null",
    "base_model": "null",
    "status": "null",
    "visibility": "null",
    "owner": "null",
    "created_at": "created (epoch seconds -> UTC)",
    "updated_at": "null",
    "tags": "null",
    "capabilities": "null",
    "context_length": "null",
    "version": "null",
    "url": "null",
    "fqn": "null",
    "namespace": "null",
}


def _build(position: Position, page_size: int, filters: Filters, _: Credentials) -> RequestKwargs:
    check_filters("Acme", filters, ())
    offset = position if isinstance(position, int) else 0
    return generated_kwargs(list_models._get_kwargs, offset=offset, limit=page_size)  # noqa: SLF001


def _page(envelope: structs.ModelList, position: Position) -> Page[structs.Model]:
    return Page(list(envelope.data), position, total=envelope.total)


def normalize(model: structs.Model) -> ModelRecord:
    """Acme ``Model`` -> ``ModelRecord``."""
    return ModelRecord(
        provider="acme",
        instance="acme",
        id=model.id,
        name=as_text(model.name),
        description=None,
        kind=None,
        base_model=None,
        status=None,
        visibility=None,
        owner=None,
        created_at=from_epoch(model.created),
        updated_at=None,
        tags=None,
        capabilities=None,
        context_length=None,
        version=None,
        url=None,
        fqn=None,
        namespace=None,
        source=model,
    )


PROVIDER = Provider(
    name="acme",
    title="Acme",
    cloud=False,
    default_base_url=None,
    base_url_env="ACME_BASE_URL",
    credentials=(CredentialSpec("api_key", "ACME_API_KEY"),),
    operations=(
        ListOperation(
            name="GET /v1/models",
            prefix="",
            style=OffsetStyle(),
            build_request=_build,
            envelope=structs.ModelList,
            page_of=_page,
            item_key=lambda model: model.id,
            records="data",
            record_type=structs.Model,
            normalize=normalize,
            max_page_size=100,
        ),
    ),
    field_sources=FIELD_SOURCES,
    auth=lambda credentials: BearerAuth(credentials["api_key"]),
)
'''

TEST_DATA = '''\
"""Acme's test data: models with epoch seconds, offset/limit with a total, Bearer."""

from __future__ import annotations

from typing import Any

from support.providers import Bearer, Invalid, Offset, PageInfo, Record, Route


def model(n: int, **extra: Any) -> Record:
    """An Acme model as ``GET /v1/models`` returns it."""
    record: Record = {"id": f"acme-{n:04d}", "name": f"Acme model {n}", "created": 1704067200 + n * 3600}
    record.update(extra)
    return record


def _envelope(records: list[Any], info: PageInfo) -> Any:
    return {"data": records, "total": info.total}


ROUTES = (
    Route(
        "acme",
        "GET",
        "/v1/models",
        Offset(offset="offset", limit="limit", default_limit=100),
        _envelope,
        model,
        named=lambda n, text: model(n, name=text),
        invalid=lambda record_id: Invalid(
            model(1, id=record_id, name=7), "$.data[1].name", "Expected `str`, got `int`"
        ),
    ),
)
AUTH = Bearer()
CREDENTIALS = {"api_key": "acme-key-0001"}
EVERY_FILTER: dict[str, Any] = {}
'''

#: run in the copy: everything a user does with a provider, printed as JSON for the test to judge
SCRIPT = """\
import json, os, subprocess, sys

import modelcatalog
from modelcatalog import Client
from modelcatalog.catalog import Query, list_catalog, normalize
from modelcatalog.providers import NAMES, get_provider
from support import payloads
from support.clients import CREDENTIALS, SERVER_CREDENTIALS, fast_http
from support.fault_server import FaultServer

out = {"library": modelcatalog.__file__, "names": list(NAMES), "title": get_provider("acme").title}
with FaultServer(credentials=SERVER_CREDENTIALS) as server:
    out["served"] = payloads.fill(server, "acme", 7)
    with Client("acme", base_url=server.url, http=fast_http(), **CREDENTIALS["acme"]) as client:
        pager = client.list_models(page_size=3)
        records = [normalize("acme", item) for item in pager]
        out["incomplete"] = [event.describe() for event in pager.incomplete]
    out["listed"] = [record.id for record in records]
    out["record"] = {"provider": records[0].provider, "name": records[0].name, "created": str(records[0].created_at)}
    out["requests"] = [request.query for request in server.requests]
    options = {"acme": {"base_url": server.url, "http": fast_http(), **CREDENTIALS["acme"]}}
    result = list_catalog(Query(providers=["acme"], sort="-created_at", limit=2), client_options=options)
    out["catalog"] = [record.id for record in result.records]
    out["catalog_ok"] = result.ok
    env = {**os.environ, "ACME_API_KEY": CREDENTIALS["acme"]["api_key"]}
    command = [sys.executable, "-m", "modelcatalog"]
    shown = subprocess.run([*command, "providers", "--format", "json"], capture_output=True, text=True, env=env)
    out["providers"] = [entry for entry in json.loads(shown.stdout) if entry["name"] == "acme"]
    listed = subprocess.run(
        [*command, "list", "-p", "acme", "--base-url", server.url, "--format", "ndjson"],
        capture_output=True, text=True, env=env,
    )
    out["command"] = {"status": listed.returncode, "stderr": listed.stderr,
                      "ids": [json.loads(line)["id"] for line in listed.stdout.splitlines()]}
print(json.dumps(out))
"""


def _tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` -> its sha256."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def _copy(target: Path) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=IGNORED)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _add_acme(repo: Path) -> set[str]:
    """What the README's "Adding a provider" asks for; the files written or changed."""
    upstream = repo / "specs" / "acme" / "upstream.yaml"
    upstream.parent.mkdir()
    upstream.write_text(UPSTREAM, encoding="utf-8")
    (repo / "specs" / "acme" / "overlay.yaml").write_text(OVERLAY, encoding="utf-8")
    manifest = repo / "specs" / "providers.toml"
    sha256 = hashlib.sha256(upstream.read_bytes()).hexdigest()
    manifest.write_text(manifest.read_text(encoding="utf-8") + MANIFEST_ENTRY.format(sha256=sha256), encoding="utf-8")
    (repo / "wrapper" / "modelcatalog" / "providers" / "acme.py").write_text(PROVIDER_MODULE, encoding="utf-8")
    (repo / "tests" / "support" / "providers" / "acme.py").write_text(TEST_DATA, encoding="utf-8")
    return {
        "specs/acme/upstream.yaml",
        "specs/acme/overlay.yaml",
        "specs/providers.toml",
        "wrapper/modelcatalog/providers/acme.py",
        "tests/support/providers/acme.py",
    }


def _readme_files(provider: str) -> set[str]:
    """The files the README's "Adding a provider" table says to write by hand, for ``provider``."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Adding a provider\n", 1)[1]
    rows = [line for line in section.split("\n\n", 2)[1].splitlines() if line.startswith("| `")]
    return {row.split("`", 2)[1].replace("<p>", provider) for row in rows}


def test_the_readme_lists_the_files_this_test_writes(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "specs").mkdir(parents=True)
    (repo / "specs" / "providers.toml").write_text("", encoding="utf-8")
    for folder in ("wrapper/modelcatalog/providers", "tests/support/providers"):
        (repo / folder).mkdir(parents=True)
    assert _readme_files("acme") == _add_acme(repo)


def _in_copy(repo: Path) -> dict[str, str]:
    """An environment whose imports come from the copy (ahead of the editable install of this checkout)."""
    paths = [repo / "wrapper", repo / "generated", repo / "tests"]
    env = {key: value for key, value in os.environ.items() if not key.startswith(("ACME_", "PYTHONPATH"))}
    return {**env, "PYTHONPATH": os.pathsep.join(map(str, paths)), "PYTHONHASHSEED": "0"}


@pytest.mark.generators
@pytest.mark.slow
def test_a_provider_is_its_specs_one_manifest_entry_one_module_and_its_test_data(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    _copy(repo)
    before = _tree(repo)
    written = _add_acme(repo)

    generate = [sys.executable, "-m", "modelcatalog.tooling", "generate", "--repo", str(repo)]
    done = subprocess.run(generate, capture_output=True, text=True, env=_in_copy(repo), timeout=900, check=False)  # noqa: S603
    assert done.returncode == 0, done.stdout + done.stderr

    after = _tree(repo)
    changed = {path for path in after if before.get(path) != after[path]} | (set(before) - set(after))
    by_hand = {path for path in changed if not path.startswith("generated/") and path != "specs/acme/openapi.yaml"}
    assert by_hand == written  # generate wrote only generated/ and the derived document
    assert "generated/modelcatalog_generated/acme/api/default/list_models.py" in changed
    assert "generated/modelcatalog_generated/structs/acme.py" in changed
    assert "generated/modelcatalog_generated/registry.py" in changed
    unchanged_providers = {p for p in changed if p.startswith("generated/modelcatalog_generated/") and "acme" not in p}
    assert unchanged_providers <= {
        "generated/modelcatalog_generated/registry.py",
        "generated/modelcatalog_generated/structs/known_values.py",
    }  # the other providers' clients are regenerated byte for byte

    run = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=_in_copy(repo),
        cwd=repo,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["library"].startswith(str(repo))  # the copy, not this checkout
    assert out["names"] == [*NAMES, "acme"]  # this checkout's providers, then the one added
    assert out["title"] == "Acme"
    assert out["listed"] == out["served"] == [f"acme-{n:04d}" for n in range(7)]
    assert out["incomplete"] == []
    assert out["record"] == {"provider": "acme", "name": "Acme model 0", "created": "2024-01-01 00:00:00+00:00"}
    # pages after the first are fetched concurrently: they reach the server in any order
    assert sorted((query.get("offset") for query in out["requests"]), key=int) == ["0", "3", "6"]
    assert out["catalog"] == ["acme-0006", "acme-0005"]
    assert out["catalog_ok"] is True
    [shown] = out["providers"]
    assert shown["operations"] == [{"method": "GET", "path": "/v1/models"}]
    assert shown["credentials"] == [{"env": "ACME_API_KEY", "status": "found", "from": "default"}]
    assert shown["base_url_env"] == "ACME_BASE_URL"
    assert out["command"] == {"status": 0, "stderr": "", "ids": out["served"]}
