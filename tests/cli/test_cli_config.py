"""The command with a configuration file, named instances and profiles: real processes, real loopback servers.

Two Open WebUI-style servers (the project's fault server, each with its own key) are
listed under two names in one ``modelcatalog list`` call, next to another provider;
every record says which server it came from. Precedence (flag > environment variable >
file > default), profiles, every refusal (exit 2, one line naming file and key) and a
canary credential searched in every output.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from modelcatalog.providers import NAMES
from support import payloads
from support.clients import PROVIDER_ENV, SERVER_CREDENTIALS, environment
from support.fault_server import FaultServer
from support.hostile import KEY, assert_clean
from support.providers import openwebui, scenario

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path

KEY_A, KEY_B = "sk-server-a-key", "sk-server-b-key"
DEAD = "http://127.0.0.1:9"  # nothing listens on the discard port: a URL that must not be used


@pytest.fixture
def server_a() -> Iterator[FaultServer]:
    with FaultServer(credentials={**SERVER_CREDENTIALS, "openwebui": KEY_A}) as running:
        running.models["openwebui"] = payloads.many(openwebui.model, 4)
        running.models["scenario"] = payloads.many(scenario.model, 3)
        yield running


@pytest.fixture
def server_b() -> Iterator[FaultServer]:
    with FaultServer(credentials={"openwebui": KEY_B}) as running:
        running.models["openwebui"] = payloads.many(openwebui.model, 6, start=100)
        yield running


def config_file(tmp_path: Path, a: FaultServer, b: FaultServer, extra: str = "") -> Path:
    path = tmp_path / "modelcatalog.toml"
    path.write_text(
        f"""
[instances.webui_a]
provider = "openwebui"
base_url = "{a.url}"
api_key_env = "WEBUI_A_KEY"

[instances.webui_b]
provider = "openwebui"
base_url = "{b.url}"
api_key_env = "WEBUI_B_KEY"

[providers.scenario]
base_url = "{a.url}"

[profiles.both]
providers = ["webui_a", "webui_b"]

[profiles.broken_b]
providers = ["webui_a", "webui_b"]
[profiles.broken_b.override.webui_b]
api_key_env = "WEBUI_B_WRONG"
{extra}""",
        encoding="utf-8",
    )
    return path


KEYS = {"WEBUI_A_KEY": KEY_A, "WEBUI_B_KEY": KEY_B, "WEBUI_B_WRONG": "sk-wrong", **environment("scenario")}


def run(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command in a fresh interpreter, with only the provider variables passed (and no terminal width)."""
    clean = {k: v for k, v in os.environ.items() if k not in {*PROVIDER_ENV, "COLUMNS", "LINES"}}
    clean.update(env or {}, PYTHONFAULTHANDLER="1")  # a crash of the interpreter shows its threads' stacks
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "modelcatalog", *args],
        capture_output=True,
        text=True,
        env=clean,
        timeout=60,
        check=False,
    )


def ndjson(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_two_open_webui_servers_under_two_names_in_one_listing(
    tmp_path: Path, server_a: FaultServer, server_b: FaultServer
) -> None:
    path = config_file(tmp_path, server_a, server_b)
    result = run("list", "--config", str(path), "-p", "webui_a", "-p", "webui_b", "-p", "scenario", env=KEYS)
    assert result.returncode == 0, result.stderr
    records = ndjson(result.stdout)
    by_instance: dict[object, list[object]] = {}
    for record in records:
        by_instance.setdefault(record["instance"], []).append(record["id"])
    assert by_instance == {
        "webui_a": payloads.ids(server_a, "openwebui"),
        "webui_b": payloads.ids(server_b, "openwebui"),
        "scenario": payloads.ids(server_a, "scenario"),
    }
    assert {record["provider"] for record in records if record["instance"] != "scenario"} == {"openwebui"}
    # each server saw only its own key
    assert server_b.requests
    assert all(KEY_A not in str(r.headers) for r in server_b.requests)


def test_csv_and_table_say_which_server(tmp_path: Path, server_a: FaultServer, server_b: FaultServer) -> None:
    path = config_file(tmp_path, server_a, server_b)
    as_csv = run("list", "--config", str(path), "--profile", "both", "--format", "csv", env=KEYS)
    assert as_csv.returncode == 0, as_csv.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert {row["instance"] for row in rows} == {"webui_a", "webui_b"}
    table = run("list", "--config", str(path), "--profile", "both", "--format", "table", env={**KEYS, "COLUMNS": "200"})
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split()[:3] == ["PROVIDER", "INSTANCE", "ID"]
    assert [line.split()[1] for line in lines[1:]] == ["webui_a"] * 4 + ["webui_b"] * 6  # grouped, in the order asked


def test_instances_declared_on_the_command_line_without_a_file(server_a: FaultServer, server_b: FaultServer) -> None:
    result = run(
        "list",
        "--instance", f"lab_a=openwebui:{server_a.url}",
        "--instance", f"lab_b=openwebui:{server_b.url}",
        "-p", "lab_a", "-p", "lab_b",
        env={"OPENWEBUI_API_KEY": KEY_A},  # an instance without its own variable uses the provider's
    )  # fmt: skip
    assert result.returncode == 1  # lab_b's server wants another key
    assert {record["instance"] for record in ndjson(result.stdout)} == {"lab_a"}
    assert "lab_b (openwebui) GET /api/v1/models/list: " in result.stderr
    assert result.stderr.count("\n") == 1


def test_the_profile_comes_from_the_flag_then_the_variable_then_default_profile(
    tmp_path: Path, server_a: FaultServer, server_b: FaultServer
) -> None:
    path = config_file(tmp_path, server_a, server_b)
    text = path.read_text(encoding="utf-8")
    path.write_text('default_profile = "both"\n' + text, encoding="utf-8")
    env = {**KEYS, "MODELCATALOG_CONFIG": str(path)}
    by_default = run("list", env=env)
    assert by_default.returncode == 0, by_default.stderr
    assert {r["instance"] for r in ndjson(by_default.stdout)} == {"webui_a", "webui_b"}
    by_variable = run("list", env={**env, "MODELCATALOG_PROFILE": "broken_b"})
    assert by_variable.returncode == 1  # its override names a variable holding a wrong key
    assert "webui_b (openwebui)" in by_variable.stderr
    by_flag = run("list", "--profile", "both", env={**env, "MODELCATALOG_PROFILE": "broken_b"})
    assert by_flag.returncode == 0, by_flag.stderr


def test_flag_beats_environment_variable_beats_file(
    tmp_path: Path, server_a: FaultServer, server_b: FaultServer
) -> None:
    path = config_file(tmp_path, server_a, server_b, f'[providers.openwebui]\nbase_url = "{DEAD}"\n')
    env = {"OPENWEBUI_API_KEY": KEY_A, "MODELCATALOG_CONFIG": str(path)}
    from_env = run("list", "-p", "openwebui", env={**env, "OPENWEBUI_BASE_URL": server_a.url})
    assert from_env.returncode == 0, from_env.stderr
    from_flag = run("list", "-p", "openwebui", "--base-url", server_a.url, env={**env, "OPENWEBUI_BASE_URL": DEAD})
    assert from_flag.returncode == 0, from_flag.stderr
    from_file = run("list", "-p", "openwebui", "--attempt-deadline", "2", env=env)
    assert from_file.returncode == 1
    assert "127.0.0.1:9" in from_file.stderr  # the file's URL was used: nothing listens there
    # a --base-url NAME=URL reaches a named instance too
    named = run("list", "-p", "webui_a", "-p", "webui_b", f"--base-url=webui_b={server_a.url}",
                env={**env, "WEBUI_A_KEY": KEY_A, "WEBUI_B_KEY": KEY_A})  # fmt: skip
    assert named.returncode == 0, named.stderr


def test_the_xdg_configuration_file_is_found(tmp_path: Path, server_a: FaultServer, server_b: FaultServer) -> None:
    home = tmp_path / "xdg"
    (home / "modelcatalog").mkdir(parents=True)
    config_file(tmp_path, server_a, server_b).rename(home / "modelcatalog" / "config.toml")
    result = run("list", "-p", "webui_b", env={**KEYS, "XDG_CONFIG_HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert {r["instance"] for r in ndjson(result.stdout)} == {"webui_b"}


def test_a_named_instance_without_its_key_is_named_as_the_server(
    tmp_path: Path, server_a: FaultServer, server_b: FaultServer
) -> None:
    env = {key: value for key, value in KEYS.items() if key != "WEBUI_B_KEY"}
    result = run("list", "--config", str(config_file(tmp_path, server_a, server_b)), "-p", "webui_b", env=env)
    assert result.returncode == 2
    expected = "modelcatalog: error: webui_b (openwebui): missing credential: set WEBUI_B_KEY"
    assert result.stderr.splitlines() == [expected]


@pytest.mark.parametrize(
    ("args", "file", "expected"),
    [
        (
            (),
            "[providers.openwebui]\nregion = 'eu'\n",
            "providers.openwebui.region: unknown key in [providers.openwebui] (valid: base_url, api_key_env)",
        ),
        ((), "[instances\n", "not valid TOML"),
        (("--config", "/nonexistent/modelcatalog.toml"), None, "/nonexistent/modelcatalog.toml: no such file"),
        (("--instance", "webui_b"), None, "--instance 'webui_b': expected NAME=PROVIDER:BASE_URL"),
        (
            ("--instance", "scenario=openwebui:http://127.0.0.1:1"),
            None,
            "the name 'scenario' is the provider scenario's own",
        ),
        (
            ("--instance", "x=openwebui:http://127.0.0.1:1", "--instance", "x=openwebui:http://127.0.0.1:2"),
            None,
            "declares 'x' twice",
        ),
        (
            ("-p", "nope"),
            None,
            f"unknown provider or instance 'nope' (known: {', '.join(NAMES)})",
        ),
        (("--profile", "nope"), None, "unknown profile 'nope'"),
        ((), None, "nothing to list"),
    ],
)
def test_every_configuration_error_is_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], file: str | None, expected: str
) -> None:
    env = {}
    if file is not None:
        path = tmp_path / "config.toml"
        path.write_text(file, encoding="utf-8")
        env["MODELCATALOG_CONFIG"] = str(path)
    result = run("list", *args, env=env)
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr.splitlines()[-1]
    assert "Traceback" not in result.stderr
    if file is not None or "--config" in args:  # the file's own error: one line
        assert result.stderr.count("\n") == 1, result.stderr
    else:  # a usage error: the usage line first
        assert result.stderr.startswith("usage: modelcatalog list")
    if file is not None:
        assert str(tmp_path / "config.toml") in result.stderr


def test_a_literal_secret_is_refused_and_never_printed(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    for text in (
        f"[providers.openwebui]\napi_key = '{KEY}'\n",
        f"[instances.x]\nprovider='openwebui'\napi_key_env = '{KEY}'\n",
    ):
        path.write_text(text, encoding="utf-8")
        for command in (("list", "-p", "openwebui"), ("providers",), ("providers", "--format", "json")):
            result = run(*command, "--config", str(path), "--debug")  # tracebacks too
            assert result.returncode == 2, result.stderr
            assert "not shown" in result.stderr
            assert_clean(result.stdout + result.stderr)


def test_a_password_in_an_instances_url_is_refused_and_never_printed() -> None:
    url = f"https://robot:{KEY}@chat.example.com"
    for command in (("list", "-p", "lab"), ("providers",)):
        result = run(*command, "--instance", f"lab=openwebui:{url}", "--debug")
        assert result.returncode == 2, result.stderr
        assert "https://***@chat.example.com holds user info" in result.stderr
        assert_clean(result.stdout + result.stderr)


def test_providers_lists_instances_and_where_each_setting_comes_from(
    tmp_path: Path, server_a: FaultServer, server_b: FaultServer
) -> None:
    path = config_file(tmp_path, server_a, server_b)
    env = {"MODELCATALOG_CONFIG": str(path), "WEBUI_A_KEY": KEY, "OPENWEBUI_BASE_URL": "https://env.example.com",
           "OPENWEBUI_API_KEY": KEY, "SCENARIO_BASE_URL": ""}  # fmt: skip
    table = run("providers", "--instance", f"vllm=openwebui:{server_a.url}", env=env)
    assert table.returncode == 0, table.stderr
    out = table.stdout
    assert f"configuration file: {path}" in out
    assert f"webui_a (openwebui instance, declared in config file {path})" in out
    assert f"{server_a.url} (from config file {path})" in out
    assert f"WEBUI_A_KEY found (variable named in config file {path})" in out
    assert "WEBUI_B_KEY missing" in out
    assert "https://env.example.com (from environment variable OPENWEBUI_BASE_URL)" in out
    assert "https://modelslab.com (default; MODELSLAB_BASE_URL overrides)" in out
    assert "vllm (openwebui instance, declared in the --instance flag)" in out
    assert f"{server_a.url} (from the --instance flag)" in out
    as_json = run("providers", "--format", "json", "--profile", "broken_b", env=env)
    assert as_json.returncode == 0, as_json.stderr
    described = {entry["name"]: entry for entry in json.loads(as_json.stdout)}
    assert described["webui_b"]["credentials"] == [
        {"env": "WEBUI_B_WRONG", "status": "missing", "from": f"profile broken_b in config file {path}"}
    ]
    assert described["scenario"]["base_url_from"] == f"config file {path}"
    assert described["openwebui"]["base_url_from"] == "OPENWEBUI_BASE_URL"
    assert_clean(table.stdout + table.stderr + as_json.stdout + as_json.stderr)


def test_a_canary_credential_appears_in_no_output_of_a_named_listing(
    tmp_path: Path, server_a: FaultServer, server_b: FaultServer
) -> None:
    path = config_file(tmp_path, server_a, server_b)
    env = {"WEBUI_A_KEY": KEY, "WEBUI_B_KEY": KEY_B}  # server A refuses the canary: its failure is printed
    for fmt in ("ndjson", "json", "csv", "table"):
        result = run("list", "--config", str(path), "--profile", "both", "--format", fmt, "--debug", env=env)
        assert result.returncode == 1, result.stderr
        assert "webui_a (openwebui) GET /api/v1/models/list: " in result.stderr
        assert_clean(result.stdout + result.stderr)
    assert any(KEY in str(request.headers) for request in server_a.requests)  # the canary was really sent
