"""Listing against a hostile server the way a user would: ``Client``, ``AsyncClient``, the catalog, the command.

Every listing runs with a canary credential that the loopback server expects (so a test
cannot pass without really sending it), and returns everything a user could see: the
items or records, the events, the warnings, ``incomplete``, the error; or, for the
command, stdout, stderr and the exit status. Each helper searches all of it for the
canary, plain and in the forms it travels in, before handing it back.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import traceback
import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from modelcatalog import AsyncClient, Client, ModelCatalogError
from modelcatalog.catalog import CatalogResult, Query, alist_catalog, list_catalog, normalize
from modelcatalog.providers import NAMES
from modelcatalog.providers import PROVIDERS as SPECS

from support import providers
from support.clients import PROVIDER_ENV, environment, fast_http
from support.fault_server import FaultServer

if TYPE_CHECKING:
    from modelcatalog.events import Event

CANARY = "CANARY-d41b7e"
KEY = f"{CANARY}-key"
SECRET = f"{CANARY}-secret"
PROVIDERS = NAMES
_CANARIES = {"api_key": KEY, "api_secret": SECRET}
CREDENTIALS: dict[str, dict[str, str]] = {
    name: {spec.argument: _CANARIES[spec.argument] for spec in SPECS[name].credentials} for name in PROVIDERS
}
#: what the server expects of each provider's client
SERVER_CREDENTIALS = {name: providers.server_credential(name, CREDENTIALS[name]) for name in PROVIDERS}
ENV = {name: environment(name, CREDENTIALS[name]) for name in PROVIDERS}
#: the forms a credential takes on the wire and in text
FORMS = (
    CANARY,
    CANARY.lower(),
    base64.b64encode(f"{KEY}:{SECRET}".encode()).decode(),
    base64.b64encode(KEY.encode()).decode()[:12],
    quote(KEY, safe=""),
)


def assert_clean(text: str) -> None:
    """No form of the canary in ``text``."""
    for form in FORMS:
        assert form not in text, f"credential leaked ({form!r}): {text[:300]!r}"


def assert_sent(server: FaultServer) -> None:
    """The canary really reached the server (so a clean output is not clean by accident)."""
    received = server.received_bytes()
    assert KEY.encode() in received or FORMS[2].encode() in received


def _everything_about(error: BaseException) -> str:
    parts = [str(error), repr(error), "".join(traceback.format_exception(error)), repr(error.args)]
    parts.extend(repr(value) for value in vars(error).values())
    return "\n".join(parts)


@dataclass
class Listed:
    """What one ``list_models`` produced, as a user could see it."""

    provider: str
    items: list[Any] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    incomplete: tuple[Event, ...] = ()
    error: ModelCatalogError | None = None

    @property
    def ids(self) -> list[str]:
        return [normalize(self.provider, item).id for item in self.items]

    def kinds(self) -> list[str]:
        return [event.kind for event in self.events]


async def list_models(mode: str, provider: str, server: FaultServer, **options: Any) -> Listed:
    """``Client`` (``mode`` "sync") or ``AsyncClient`` ("async") ``.list_models(**options)`` against ``server``."""
    listed = Listed(provider)
    arguments: dict[str, Any] = {"base_url": server.url, "http": fast_http(), **CREDENTIALS[provider]}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if mode == "sync":
                with Client(provider, on_event=listed.events.append, **arguments) as client:
                    pager = client.list_models(**options)
                    try:
                        listed.items = list(pager)
                    finally:
                        listed.incomplete = pager.incomplete
            else:
                async with AsyncClient(provider, on_event=listed.events.append, **arguments) as async_client:
                    async_pager = async_client.list_models(**options)
                    try:
                        listed.items = [item async for item in async_pager]
                    finally:
                        listed.incomplete = async_pager.incomplete
        except ModelCatalogError as error:
            listed.error = error
    listed.warnings = [f"{w.category.__name__}: {w.message}" for w in caught]
    seen = [*listed.warnings, *map(repr, listed.events), *map(repr, listed.items)]
    if listed.error is not None:
        seen.append(_everything_about(listed.error))
    assert_clean("\n".join(seen))
    assert_sent(server)
    return listed


@dataclass
class Cataloged:
    """What one catalog listing produced."""

    result: CatalogResult
    events: list[Event]
    warnings: list[str]


async def catalog(mode: str, server: FaultServer, providers: list[str], **options: Any) -> Cataloged:
    """``list_catalog`` ("sync") or ``alist_catalog`` ("async") of ``providers`` against ``server``."""
    client_options = {p: {"base_url": server.url, "http": fast_http(), **CREDENTIALS[p]} for p in providers}
    events: list[Event] = []
    query = Query(providers=providers)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if mode == "sync":
            result = list_catalog(query, client_options=client_options, on_event=events.append, **options)
        else:
            result = await alist_catalog(query, client_options=client_options, on_event=events.append, **options)
    shown = [f"{w.category.__name__}: {w.message}" for w in caught]
    seen = [*shown, *map(repr, events), *map(repr, result.records), *(f.describe() for f in result.failures)]
    seen.extend(_everything_about(failure.error) for failure in result.failures)
    assert_clean("\n".join(seen))
    assert_sent(server)
    return Cataloged(result, events, shown)


@dataclass
class Command:
    """What ``modelcatalog list`` printed, and its exit status."""

    stdout: str
    stderr: str
    status: int

    @property
    def errors(self) -> list[str]:
        """stderr's lines, one message each."""
        return self.stderr.splitlines()


def run_command(server: FaultServer, providers: list[str], *args: str, sent: bool = True) -> Command:
    """``python -m modelcatalog list -p P ... --base-url P=URL ... ARGS`` with only the canary credentials set.

    ``sent``: whether the command must have reached the server (not for usage errors).
    """
    env = {key: value for key, value in os.environ.items() if key not in PROVIDER_ENV}
    for provider in providers:
        env.update(ENV[provider])
    command = [sys.executable, "-m", "modelcatalog", "list"]
    for provider in providers:
        command += ["-p", provider, f"--base-url={provider}={server.url}"]
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [*command, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert_clean(done.stdout + done.stderr)
    if sent:
        assert_sent(server)
    return Command(done.stdout, done.stderr, done.returncode)


def canary_server() -> FaultServer:
    """A fault server that refuses every request not carrying the canary credentials."""
    return FaultServer(credentials=SERVER_CREDENTIALS)


def assert_lines(lines: list[str], expected: list[str]) -> None:
    """``lines`` are exactly as many as ``expected``, each starting with its counterpart."""
    assert len(lines) == len(expected), "\n".join(lines)
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start), f"{line!r} does not start with {start!r}"
