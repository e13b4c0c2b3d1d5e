"""``python -m modelcatalog list`` as a user runs it: a real process against the loopback server."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from modelcatalog.cli import main
from modelcatalog.providers import NAMES
from support import payloads
from support.clients import PROVIDER_ENV, SERVER_CREDENTIALS, environment
from support.fault_server import FaultServer, Respond, ShortPage

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping


@pytest.fixture
def server() -> Iterator[FaultServer]:
    """A started fault server that checks every provider's credentials."""
    with FaultServer(credentials=SERVER_CREDENTIALS) as running:
        yield running


ENV_FOR = {name: environment(name) for name in NAMES}


def run(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command in a fresh interpreter, with only the provider variables we pass."""
    clean = {key: value for key, value in os.environ.items() if key not in PROVIDER_ENV}
    clean.update(env or {})
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "modelcatalog", *args],
        capture_output=True,
        text=True,
        env=clean,
        timeout=60,
        check=False,
    )


def fill_all(server: FaultServer) -> dict[str, list[str]]:
    """35 records on every route (two pages of Open WebUI's 30); the ids each provider lists."""
    return {name: payloads.fill(server, name, 35) for name in NAMES}


class CountingOutput(io.StringIO):
    """Standard output that remembers how many lines it held at each flush."""

    def __init__(self) -> None:
        super().__init__()
        self.flushes: list[int] = []

    def flush(self) -> None:
        self.flushes.append(self.getvalue().count("\n"))
        super().flush()


def test_the_output_is_flushed_a_page_at_a_time(server: FaultServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each page's records reach the reader together, before the next page is waited for; not a flush a record."""
    expected = payloads.fill(server, "openwebui", 65)  # pages of 30, 30 and 5
    for variable in PROVIDER_ENV:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in ENV_FOR["openwebui"].items():
        monkeypatch.setenv(variable, value)
    out = CountingOutput()
    monkeypatch.setattr(sys, "stdout", out)
    status = main(["list", "-p", "openwebui", "--base-url", server.url, "--format", "ndjson", "--no-progress"])
    assert status == 0
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == expected
    assert out.flushes == [30, 60, 65]  # a flush a page


@pytest.mark.parametrize("provider", NAMES)
def test_list_prints_every_model_as_ndjson(server: FaultServer, provider: str) -> None:
    expected = fill_all(server)[provider]
    result = run("list", "--provider", provider, "--base-url", server.url, "--format", "ndjson", env=ENV_FOR[provider])
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == expected
    assert {line["provider"] for line in lines} == {provider}
    assert all(isinstance(line["source"], dict) for line in lines)  # issue 4: catalog records, source = wire record


def test_the_record_is_the_provider_record_on_the_wire(server: FaultServer) -> None:
    fill_all(server)
    result = run("list", "-p", "scenario", "--base-url", server.url, env=ENV_FOR["scenario"])
    first = json.loads(result.stdout.splitlines()[0])
    assert first["source"]["id"] == server.models["scenario"][0]["id"]
    assert first["source"]["trainingImagesNumber"] == 12  # wire names, not Python attribute names


def test_base_url_from_the_environment_and_limit(server: FaultServer) -> None:
    expected = fill_all(server)["truefoundry"]
    env = {**ENV_FOR["truefoundry"], "TFY_HOST": server.url}
    result = run("list", "--provider", "truefoundry", "--limit", "3", env=env)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == expected[:3]


def test_failed_authentication_exits_3(server: FaultServer) -> None:
    fill_all(server)
    for provider in NAMES:
        wrong = dict.fromkeys(ENV_FOR[provider], "wrong-credential")
        result = run("list", "-p", provider, "--base-url", server.url, env=wrong)
        assert result.returncode == 3, (provider, result.stderr)
        assert result.stdout == ""
        [line] = result.stderr.splitlines()
        assert line.startswith(f"modelcatalog: error: {provider} ")
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("fault", "needle"),
    [
        (Respond(404, '{"detail": "Not Found"}'), "not found (HTTP 404)"),
        (Respond(200, "<!doctype html><html></html>", content_type="text/html"), "HTML page"),
        (Respond(200, '{"data": [', content_type="application/json"), "not valid JSON"),
        (Respond(422, '{"detail": [{"loc": ["query", "limit"], "msg": "bad"}]}'), "request rejected (HTTP 422)"),
    ],
)
def test_other_errors_are_one_line_without_a_traceback(server: FaultServer, fault: Respond, needle: str) -> None:
    server.inject("truefoundry", fault)
    result = run("list", "-p", "truefoundry", "--base-url", server.url, env=ENV_FOR["truefoundry"])
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert needle in line
    assert "GET /api/ml/v1/models" in line


def test_missing_credential_names_the_variable_and_exits_2() -> None:
    result = run("list", "-p", "scenario", env={"SCENARIO_SDK_API_KEY": "k"})
    assert result.returncode == 2
    assert result.stderr.strip() == ("modelcatalog: error: scenario: missing credential: set SCENARIO_SDK_API_SECRET")


def test_debug_adds_the_traceback(server: FaultServer) -> None:
    server.inject("truefoundry", Respond(404, '{"detail": "Not Found"}'))
    result = run("--debug", "list", "-p", "truefoundry", "--base-url", server.url, env=ENV_FOR["truefoundry"])
    assert result.returncode == 1
    assert "Traceback" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("modelcatalog: error: truefoundry GET /api/ml/v1/models: ")


def test_pagination_anomalies_are_one_warning_line_each(server: FaultServer) -> None:
    expected = fill_all(server)["openwebui"]
    server.inject("openwebui", ShortPage(1), where={"page": "1"})
    result = run("list", "-p", "openwebui", "--base-url", server.url, env=ENV_FOR["openwebui"])
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == len(expected) - 1
    warning = "PaginationWarning: openwebui GET /api/v1/models/list: short page: page at 1 has 29 of 30 items"
    assert result.stderr.splitlines() == [f"modelcatalog: warning: {warning}"]


def test_usage_errors_exit_2() -> None:
    result = run("list", "--provider", "nope")
    assert result.returncode == 2
    assert "unknown provider or instance 'nope'" in result.stderr
    assert run().returncode == 2
