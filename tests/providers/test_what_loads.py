"""What importing or listing one provider loads (issue 13): its own modules, and nothing it does not use.

Each case runs in a fresh interpreter against the loopback server and asserts on the
names in ``sys.modules``, never on a time: another provider's module, another
provider's generated packages, the generated attrs client's classes and models, the
catalog layer when only ``Client`` is used, and asyncio and httpcore for a sync listing
all stay out. Parametrized over the registry, so a new provider is held to the same.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from modelcatalog.providers import NAMES
from modelcatalog_generated.registry import PACKAGES
from support import payloads
from support.clients import PROVIDER_ENV, SERVER_CREDENTIALS, environment
from support.fault_server import FaultServer

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

#: imports a provider module, then lists one record with ``Client``; prints both module sets
LIBRARY = """
import json, sys
import modelcatalog.providers.{provider}
imported = sorted(sys.modules)
from modelcatalog import Client
with Client({provider!r}, base_url=sys.argv[1]) as client:
    records = list(client.list_models(limit=1))
print(json.dumps({{"imported": imported, "listed": sorted(sys.modules), "records": len(records)}}))
"""
#: runs ``python -m modelcatalog ARGS`` as the command does, then writes ``sys.modules`` to FILE
COMMAND = """
import json, runpy, sys
out = sys.argv.pop(1)
try:
    runpy.run_module("modelcatalog", run_name="__main__", alter_sys=True)
finally:
    with open(out, "w", encoding="utf-8") as file:
        json.dump(sorted(sys.modules), file)
"""


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with FaultServer(credentials=SERVER_CREDENTIALS) as running:
        for name in NAMES:
            payloads.fill(running, name, 3)
        yield running


def _run(argv: list[str], provider: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in PROVIDER_ENV and key != "MODELCATALOG_CONFIG"}
    env.update(environment(provider), **extra)
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120, check=False)  # noqa: S603


def _loaded_by_the_library(provider: str, url: str) -> dict[str, list[str]]:
    done = _run([sys.executable, "-c", LIBRARY.format(provider=provider), url], provider)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, list[str]] = json.loads(done.stdout)
    assert result["records"] == 1
    return result


def _loaded_by_the_command(provider: str, url: str, tmp_path: Path) -> set[str]:
    # sys.modules itself: ``-X importtime`` does not report a module imported by importlib.import_module
    modules = tmp_path / "modules.json"
    argv = ["list", "-p", provider, "--base-url", url, "--limit", "1", "--format", "ndjson"]
    # no configuration file where the command looks for one (an empty XDG_CONFIG_HOME)
    done = _run([sys.executable, "-c", COMMAND, str(modules), *argv], provider, XDG_CONFIG_HOME=str(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(done.stdout.splitlines()) == 1
    return set(json.loads(modules.read_text(encoding="utf-8")))


def _under(modules: set[str], package: str) -> set[str]:
    return {name for name in modules if name == package or name.startswith(f"{package}.")}


def _others(provider: str, modules: set[str]) -> set[str]:
    """Everything of another provider that is loaded: its module, its generated client and structs."""
    found: set[str] = set()
    for other in NAMES:
        if other != provider:
            package = PACKAGES[other]
            found |= _under(modules, f"modelcatalog.providers.{other}")
            found |= _under(modules, f"modelcatalog_generated.{package}")
            found |= _under(modules, f"modelcatalog_generated.structs.{package}")
    return found


def _attrs_client(provider: str, modules: set[str]) -> set[str]:
    """The generated attrs client's classes, errors and response handling: never needed to build a request."""
    generated = f"modelcatalog_generated.{PACKAGES[provider]}"
    return modules & {f"{generated}.client", f"{generated}.errors", "dateutil"}


@pytest.mark.parametrize("provider", NAMES)
def test_importing_a_provider_loads_it_alone(server: FaultServer, provider: str) -> None:
    imported = set(_loaded_by_the_library(provider, server.url)["imported"])
    assert f"modelcatalog.providers.{provider}" in imported
    assert f"modelcatalog_generated.structs.{PACKAGES[provider]}" in imported
    assert not _others(provider, imported)
    assert not _attrs_client(provider, imported)
    assert not _under(imported, "attr") | _under(imported, "attrs")  # no attrs model (only enums, for filters)
    assert not _under(imported, "modelcatalog.catalog")
    assert not _under(imported, "modelcatalog.client")
    assert "asyncio" not in imported


@pytest.mark.parametrize("provider", NAMES)
def test_listing_with_client_loads_no_other_provider_and_no_catalog(server: FaultServer, provider: str) -> None:
    listed = set(_loaded_by_the_library(provider, server.url)["listed"])
    assert not _others(provider, listed)
    assert not _attrs_client(provider, listed)
    assert not _under(listed, "attr") | _under(listed, "attrs")  # a request body is no attrs model either
    assert not _under(listed, "modelcatalog.catalog")
    assert "asyncio" not in listed
    assert not _under(listed, "httpcore") | _under(listed, "h11")  # a sync connection is http.client's


@pytest.mark.parametrize("provider", NAMES)
def test_the_command_lists_one_provider_with_its_modules_only(
    server: FaultServer, provider: str, tmp_path: Path
) -> None:
    loaded = _loaded_by_the_command(provider, server.url, tmp_path)
    assert {f"modelcatalog.providers.{provider}", "modelcatalog.catalog.listing"} <= loaded
    assert not _others(provider, loaded)
    assert not _attrs_client(provider, loaded)
    assert not _under(loaded, "attr") | _under(loaded, "attrs")
    assert "asyncio" not in loaded
    assert not _under(loaded, "httpcore") | _under(loaded, "h11")
    assert "tomllib" not in loaded  # read only when a configuration file exists
