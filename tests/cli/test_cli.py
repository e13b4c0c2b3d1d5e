"""``modelcatalog`` as a user runs it: a real process (``python -m modelcatalog``) against loopback servers.

Covers issue 4's command: every output format, several providers at once with one
failing, the exit statuses, ``--debug``, the progress line (only on a terminal),
``providers`` (never a credential's value), filters reaching the server (and the same
result without pushdown), and ``spec diff`` passing its exit status through.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog.catalog import ProviderFailure
from modelcatalog.catalog.query import SORT_FIELDS, VISIBILITIES
from modelcatalog.cli import formats
from modelcatalog.cli import list as list_command
from modelcatalog.cli.list import exit_status
from modelcatalog.errors import AuthenticationError, MissingCredentialError, ServerError
from modelcatalog.providers import PROVIDERS
from modelcatalog.tooling.upstream import main as upstream_main
from support import payloads
from support.clients import PROVIDER_ENV, SERVER_CREDENTIALS
from support.clients import environment as environment_of
from support.fault_server import Delay, FaultServer, Respond
from support.providers import modelslab, openwebui, scenario, truefoundry

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "specs" / "catalog" / "model-record.schema.json").read_text(encoding="utf-8"))
ENV_FOR = {name: environment_of(name) for name in PROVIDERS}
ALL_ENV = {key: value for env in ENV_FOR.values() for key, value in env.items()}
COMMAND = [sys.executable, "-m", "modelcatalog"]


def environment(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """This interpreter's environment without any provider variable or COLUMNS, plus ``env``."""
    clean = {key: value for key, value in os.environ.items() if key not in {*PROVIDER_ENV, "COLUMNS", "LINES"}}
    clean.update(env or {})
    return clean


def run(*args: str, env: Mapping[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [*COMMAND, *args], capture_output=True, text=True, env=environment(env), timeout=timeout, check=False
    )


def urls(server: FaultServer, *providers: str) -> list[str]:
    """``--base-url P=URL`` for each provider."""
    return [f"--base-url={provider}={server.url}" for provider in providers]


def providers_args(*providers: str) -> list[str]:
    return [arg for provider in providers for arg in ("-p", provider)]


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer(credentials=SERVER_CREDENTIALS) as running:
        running.models["scenario"] = payloads.many(scenario.model, 7)
        running.models["truefoundry"] = payloads.many(truefoundry.model, 5)
        running.models["openwebui"] = payloads.many(openwebui.model, 35)
        running.models["modelslab-trained"] = [modelslab.trained_id(n) for n in range(2)]
        running.models["modelslab-public"] = payloads.many(modelslab.public_model, 3)
        yield running


def ids_of(server: FaultServer, provider: str) -> list[str]:
    return payloads.ids(server, provider)


# ----------------------------------------------------------------------------------
# formats


def test_ndjson_lines_are_catalog_records_with_the_schemas_keys(server: FaultServer) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    every = list(PROVIDERS)
    result = run("list", *providers_args(*every), *urls(server, *every), "--format", "ndjson", env=ALL_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    for line in lines:
        assert list(line) == SCHEMA["required"]  # exactly the schema's keys, in its order
        validator.validate(line)
    for provider in every:  # each provider's records in its own order (they interleave across providers)
        assert [line["id"] for line in lines if line["provider"] == provider] == ids_of(server, provider)
    scenario = next(line for line in lines if line["provider"] == "scenario")
    assert scenario["source"]["trainingImagesNumber"] == 12  # the provider's wire record, wire names
    assert scenario["created_at"] == "2024-01-01T00:00:00Z"


def test_no_source_drops_the_key_from_ndjson_and_json(server: FaultServer) -> None:
    for fmt in ("ndjson", "json"):
        result = run(
            "list",
            "-p",
            "truefoundry",
            "--base-url",
            server.url,
            "--format",
            fmt,
            "--no-source",
            env=ENV_FOR["truefoundry"],
        )
        assert result.returncode == 0, result.stderr
        records = json.loads(result.stdout) if fmt == "json" else [json.loads(x) for x in result.stdout.splitlines()]
        assert [r["id"] for r in records] == ids_of(server, "truefoundry")
        assert all(list(r) == [k for k in SCHEMA["required"] if k != "source"] for r in records)


def test_json_is_one_array_across_providers(server: FaultServer) -> None:
    result = run(
        "list",
        *providers_args("openwebui", "modelslab"),
        *urls(server, "openwebui", "modelslab"),
        "--format",
        "json",
        env=ALL_ENV,
    )
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert isinstance(records, list)
    assert sorted(r["id"] for r in records) == sorted(ids_of(server, "openwebui") + ids_of(server, "modelslab"))


def test_json_with_nothing_to_list_is_an_empty_array(server: FaultServer) -> None:
    result = run(
        "list",
        "-p",
        "openwebui",
        "--base-url",
        server.url,
        "--format",
        "json",
        "--text",
        "no such model",
        env=ENV_FOR["openwebui"],
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_csv_has_a_header_and_flattened_scalar_fields(server: FaultServer) -> None:
    server.models["scenario"][1]["tags"] = ["sci-fi", "landscape, wide"]  # a comma inside a value
    result = run(
        "list",
        "-p",
        "scenario",
        "-p",
        "truefoundry",
        *urls(server, "scenario", "truefoundry"),
        "--format",
        "csv",
        env=ALL_ENV,
    )
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == list(formats.CSV_FIELDS)
    assert "source" not in reader.fieldnames
    expected = [key for key in SCHEMA["required"] if key not in ("owner", "source")]
    assert [f for f in reader.fieldnames if f not in ("owner_id", "owner_name")] == expected
    rows = {row["id"]: row for row in reader}
    assert set(rows) == set(ids_of(server, "scenario") + ids_of(server, "truefoundry"))
    scenario = rows[ids_of(server, "scenario")[1]]
    assert scenario["tags"] == "sci-fi;landscape, wide"
    assert scenario["capabilities"] == "txt2img;img2img;txt2img_ip_adapter"
    assert scenario["owner_id"] == "team_VFhihHKMRZyDDnZAJwLb2Q"
    assert scenario["owner_name"] == ""  # null is empty
    assert scenario["created_at"] == "2024-01-01T01:00:00Z"
    truefoundry = rows[ids_of(server, "truefoundry")[0]]
    assert (truefoundry["owner_id"], truefoundry["owner_name"]) == ("u-42", "Jane Doe")


@pytest.mark.parametrize("columns", [40, 60, 100, 250])
def test_the_table_fits_the_terminal_width(server: FaultServer, columns: int) -> None:
    server.models["openwebui"][0]["name"] = "日本語のとても長いモデルの名前" * 3  # wide characters: two columns each
    result = run(
        "list",
        "-p",
        "openwebui",
        "-p",
        "scenario",
        *urls(server, "openwebui", "scenario"),
        "--format",
        "table",
        env={**ALL_ENV, "COLUMNS": str(columns)},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + 35 + 7
    assert lines[0].startswith("PROVIDER")
    assert all(formats.display_width(line) <= columns for line in lines), max(map(formats.display_width, lines))
    # rows grouped by provider in the order asked for
    assert [line.split()[0] for line in lines[1:]] == ["openwebui"] * 35 + ["scenario"] * 7
    assert "2024-01-01" in lines[-1] or columns < 60
    if columns >= 250:
        assert ids_of(server, "scenario")[0] in result.stdout  # room enough: ids are whole
    if columns <= 60:
        assert "…" in result.stdout


def test_the_table_never_passes_control_characters_to_the_terminal(server: FaultServer) -> None:
    server.models["openwebui"][0]["name"] = "evil\x1b]0;owned\x07\x1b[31mred\nnext"
    result = run(
        "list",
        "-p",
        "openwebui",
        "--base-url",
        server.url,
        "--format",
        "table",
        env={**ENV_FOR["openwebui"], "COLUMNS": "200"},
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "\x07" not in result.stdout
    assert len(result.stdout.splitlines()) == 1 + 35


def test_piped_output_defaults_to_ndjson(server: FaultServer) -> None:
    result = run("list", "-p", "modelslab", "--base-url", server.url, env=ENV_FOR["modelslab"])
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ids_of(server, "modelslab")


def test_ndjson_streams_records_while_a_page_is_still_pending(server: FaultServer) -> None:
    server.inject("openwebui", Delay(2.0), where={"page": "2"})
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [*COMMAND, "list", "-p", "openwebui", "--base-url", server.url, "--format", "ndjson"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(ENV_FOR["openwebui"]),
        text=True,
    )
    try:
        assert process.stdout is not None
        first = json.loads(process.stdout.readline())
        assert first["id"] == "custom-gpt-0"
        assert process.poll() is None  # still waiting for page 2
        assert ("openwebui", {"page": "2"}) not in [(r, {"page": q.get("page")}) for r, q in server.completed]
        rest = process.stdout.read()  # from the same buffered reader: nothing read ahead is lost
        assert process.stderr is not None
        err = process.stderr.read()
        process.wait(timeout=30)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 0, err
    assert len(rest.splitlines()) == 35 - 1


def test_a_closed_pipe_ends_quietly(server: FaultServer) -> None:
    server.models["scenario"] = payloads.many(scenario.model, 3000)
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [*COMMAND, "list", "-p", "scenario", "--base-url", server.url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(ENV_FOR["scenario"]),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    assert json.loads(process.stdout.readline())["provider"] == "scenario"
    process.stdout.close()  # like `| head -1`: ~3 MB more cannot fit in the pipe
    err = process.stderr.read()
    assert process.wait(timeout=30) == 0
    assert err == b""


# ----------------------------------------------------------------------------------
# several providers, failures and exit statuses


def test_one_failing_provider_exits_1_with_one_line_and_the_others_records(server: FaultServer) -> None:
    server.inject("truefoundry", Respond(404, '{"detail": "Not Found"}'), times=None)
    result = run(
        "list",
        *providers_args("scenario", "truefoundry", "modelslab"),
        *urls(server, "scenario", "truefoundry", "modelslab"),
        env=ALL_ENV,
    )
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("modelcatalog: error: truefoundry GET /api/ml/v1/models: ")
    assert "not found (HTTP 404)" in line
    records = [json.loads(x) for x in result.stdout.splitlines()]
    assert sorted(r["id"] for r in records) == sorted(ids_of(server, "scenario") + ids_of(server, "modelslab"))


def test_a_missing_credential_for_one_of_several_is_a_failure_line_and_exit_1(server: FaultServer) -> None:
    result = run(
        "list",
        *providers_args("scenario", "openwebui"),
        *urls(server, "scenario", "openwebui"),
        env=ENV_FOR["scenario"],
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["modelcatalog: error: openwebui: missing credential: set OPENWEBUI_API_KEY"]
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ids_of(server, "scenario")


def test_configuration_errors_for_every_provider_exit_2(server: FaultServer) -> None:
    only = run("list", "-p", "openwebui", env=ENV_FOR["openwebui"])  # no base URL anywhere
    assert only.returncode == 2
    assert only.stderr.splitlines() == [
        "modelcatalog: error: openwebui: missing base URL: set OPENWEBUI_BASE_URL (or pass --base-url)"
    ]
    both = run("list", *providers_args("scenario", "truefoundry"), *urls(server, "scenario", "truefoundry"))
    assert both.returncode == 2
    assert len(both.stderr.splitlines()) == 2


def test_authentication_failures(server: FaultServer) -> None:
    wrong = dict.fromkeys(ALL_ENV, "wrong-credential")
    every = ("scenario", "truefoundry", "openwebui", "modelslab")
    all_wrong = run("list", *providers_args(*every), *urls(server, *every), env=wrong)
    assert all_wrong.returncode == 3
    assert sorted(line.split()[2] for line in all_wrong.stderr.splitlines()) == sorted(every)
    assert all_wrong.stdout == ""
    # one provider refused, another listed: partial, so 1 (the output is usable but incomplete)
    mixed = run(
        "list",
        *providers_args("scenario", "truefoundry"),
        *urls(server, "scenario", "truefoundry"),
        env={**ENV_FOR["scenario"], "TFY_API_KEY": "wrong"},
    )
    assert mixed.returncode == 1
    [line] = mixed.stderr.splitlines()
    assert line.startswith("modelcatalog: error: truefoundry ")
    assert len(mixed.stdout.splitlines()) == len(ids_of(server, "scenario"))


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["list"], "nothing to list"),
        (["list", "-p", "nope"], "unknown provider or instance 'nope'"),
        (["list", "-p", "scenario", "--format", "xml"], "invalid choice"),
        (["list", "-p", "scenario", "--limit", "-1"], "must be 0 or more"),
        (["list", "-p", "scenario", "--created-since", "last week"], "expected an ISO date"),
        (["list", "-p", "scenario", "--sort", "size"], "cannot sort by 'size'"),
        (["list", "-p", "scenario", "--sort", "name:up"], "sort direction must be asc or desc"),
        (["list", "-p", "scenario", "--visibility", "secret"], "invalid choice"),
        (["list", "-p", "scenario", "-p", "openwebui", "--base-url", "http://127.0.0.1:9"], "NAME=URL"),
        (
            ["list", "-p", "scenario", "--base-url", "openwebui=http://127.0.0.1:9"],
            "not one of the providers or instances listed",
        ),
        (["list", "-p", "scenario", "--base-url", "http://a", "--base-url", "http://b"], "given twice"),
        (["list", "-p", "scenario", "--bogus"], "unrecognized arguments: --bogus"),
        (["providers", "--format", "csv"], "invalid choice"),
        (["spec"], "required: JOB"),
        ([], "required: COMMAND"),
    ],
)
def test_usage_errors_exit_2_with_the_usage_and_no_traceback(args: list[str], needle: str) -> None:
    result = run(*args, env=ALL_ENV)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("usage: modelcatalog")
    assert needle in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_debug_adds_a_traceback_and_without_it_there_is_none(server: FaultServer) -> None:
    server.inject("openwebui", Respond(200, "<!doctype html><html></html>", content_type="text/html"), times=None)
    args = ["list", *providers_args("openwebui", "modelslab"), *urls(server, "openwebui", "modelslab")]
    plain = run(*args, env=ALL_ENV)
    debug = run("--debug", *args, env=ALL_ENV)
    assert plain.returncode == debug.returncode == 1
    [line] = plain.stderr.splitlines()
    assert "openwebui GET /api/v1/models/list" in line
    assert "HTML page" in line
    assert "Traceback" not in plain.stderr
    assert "Traceback (most recent call last)" in debug.stderr
    assert "HTMLPageError" in debug.stderr
    assert line in debug.stderr.splitlines()


# ----------------------------------------------------------------------------------
# progress


def run_with_terminal_stderr(*args: str, env: Mapping[str, str]) -> tuple[int, str, str]:
    """Run with stderr on a pseudo-terminal (stdout stays a pipe); drain the terminal as it is written."""
    leader, follower = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO once the child has exited and the last follower fd is closed
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [*COMMAND, *args], stdout=subprocess.PIPE, stderr=follower, env=environment(env)
        )
        os.close(follower)
        out, _ = process.communicate(timeout=60)
        reader.join(timeout=10)
    finally:
        os.close(leader)
    return process.returncode, out.decode(), b"".join(chunks).decode(errors="replace")


def test_progress_is_drawn_on_a_terminal_while_a_long_listing_runs(server: FaultServer) -> None:
    server.inject("openwebui", Delay(1.5), where={"page": "2"})
    args = ["list", *providers_args("openwebui", "scenario"), *urls(server, "openwebui", "scenario")]
    status, out, err = run_with_terminal_stderr(*args, "--format", "ndjson", env=ALL_ENV)
    assert status == 0, err
    assert len(out.splitlines()) == 35 + 7
    # records and pages per provider, while page 2 waits (a rate too, once a provider has listed for a second)
    assert re.search(r"listing… openwebui 30 \(1 page(, \d+/s)?\) · scenario 7 \(1 page(, \d+/s)?\)", err), err
    assert "\r" in err
    assert "\n" not in err  # one line, updated in place
    drawn = err.rsplit("\r", 2)
    assert drawn[-1] == ""  # and blanked at the end
    assert drawn[-2].strip() == ""
    assert "\r" not in out
    assert "listing" not in out


def test_progress_and_messages_share_the_terminal_cleanly(server: FaultServer) -> None:
    server.inject("openwebui", Delay(2.0), where={"page": "2"})  # still listing after truefoundry failed
    server.inject("truefoundry", Delay(0.8))  # fails once the progress line is up
    server.inject("truefoundry", Respond(404, "{}"), times=None)
    args = ["list", *providers_args("openwebui", "truefoundry"), *urls(server, "openwebui", "truefoundry")]
    status, _, err = run_with_terminal_stderr(*args, "--format", "ndjson", env=ALL_ENV)
    assert status == 1
    [line] = [line for line in err.replace("\r\n", "\n").split("\n") if "error" in line]
    *_, before, message = line.split("\r")
    # the progress line was blanked and the cursor put back before the message was written
    assert before.strip() == ""
    assert message.startswith("modelcatalog: error: truefoundry GET /api/ml/v1/models: ")
    assert "truefoundry 0 (failed)" in err


def test_no_progress_when_stderr_is_not_a_terminal(server: FaultServer) -> None:
    server.inject("openwebui", Delay(1.0), where={"page": "2"})
    result = run(
        "list",
        "-p",
        "openwebui",
        "--base-url",
        server.url,
        "--format",
        "table",
        env={**ENV_FOR["openwebui"], "COLUMNS": "120"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "\r" not in result.stdout
    assert "listing" not in result.stdout


# ----------------------------------------------------------------------------------
# filters


def test_filters_are_pushed_to_the_server_and_applied_on_the_client(server: FaultServer) -> None:
    for n, model in enumerate(server.models["openwebui"]):
        model["meta"]["tags"] = [{"name": "prod"}] if n % 3 == 0 else [{"name": "dev"}]
    expected = sorted(m["id"] for n, m in enumerate(server.models["openwebui"]) if n % 3 == 0)
    since = "2024-01-01T03:00:00"  # no offset: UTC
    expected_scenario = [m["id"] for m in server.models["scenario"] if m["createdAt"] >= "2024-01-01T03:00:00"]
    args = ["list", *providers_args("openwebui", "scenario"), *urls(server, "openwebui", "scenario")]

    pushed = run(*args, "--tag", "prod", env=ALL_ENV)
    assert pushed.returncode == 0, pushed.stderr
    assert sorted(json.loads(x)["id"] for x in pushed.stdout.splitlines()) == expected
    assert {r.query.get("tag") for r in server.requests_to("openwebui")} == {"prod"}

    dated = run(*args, "--created-since", since, env=ALL_ENV)
    assert dated.returncode == 0, dated.stderr
    assert [json.loads(x)["id"] for x in dated.stdout.splitlines() if '"scenario"' in x] == expected_scenario
    [request] = server.requests_to("scenario")[-1:]
    assert request.query["sortBy"] == "createdAt"
    after = datetime.fromisoformat(request.query["createdAfter"])
    assert after.tzinfo is not None
    assert after < datetime(2024, 1, 1, 3, tzinfo=UTC)  # widened: Scenario's bound is exclusive

    server.requests.clear()
    plain = run(*args, "--tag", "prod", "--created-since", since, "--no-pushdown", env=ALL_ENV)
    assert plain.returncode == 0, plain.stderr
    assert all("tag" not in r.query for r in server.requests_to("openwebui"))
    assert all("createdAfter" not in r.query for r in server.requests_to("scenario"))
    both = run(*args, "--tag", "prod", "--created-since", since, env=ALL_ENV)
    assert sorted(plain.stdout.splitlines()) == sorted(both.stdout.splitlines())  # same records either way


def test_text_kind_status_and_visibility_filter_on_the_client(server: FaultServer) -> None:
    result = run(
        "list",
        "-p",
        "scenario",
        "--base-url",
        server.url,
        "--kind",
        "flux.1-lora",
        "--kind",
        "sd-1_5",
        "--status",
        "training",
        "--status",
        "new",
        "--visibility",
        "private",
        "--text",
        "REALISM",
        env=ENV_FOR["scenario"],
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(x) for x in result.stdout.splitlines()]
    expected = [
        m["id"]
        for m in server.models["scenario"]
        if m["type"] in ("flux.1-lora", "sd-1_5") and m["status"] in ("training", "new")
    ]
    assert [r["id"] for r in records] == expected
    assert expected


@pytest.mark.parametrize("sort", [["--sort", "-created_at"], ["--sort=created_at:desc"]])
def test_sort_and_limit_across_providers(server: FaultServer, sort: list[str]) -> None:
    args = ["list", *providers_args("scenario", "openwebui"), *urls(server, "scenario", "openwebui")]
    result = run(*args, *sort, "--limit", "5", env=ALL_ENV)
    assert result.returncode == 0, result.stderr
    records = [json.loads(x) for x in result.stdout.splitlines()]
    everything = [json.loads(x) for x in run(*args, env=ALL_ENV).stdout.splitlines()]
    ranked = sorted(everything, key=lambda r: (r["provider"], r["id"]))
    ranked.sort(key=lambda r: datetime.fromisoformat(r["created_at"]), reverse=True)
    assert [(r["provider"], r["id"]) for r in records] == [(r["provider"], r["id"]) for r in ranked[:5]]


def test_limit_stops_early(server: FaultServer) -> None:
    result = run("list", "-p", "openwebui", "--base-url", server.url, "--limit", "3", env=ENV_FOR["openwebui"])
    assert result.returncode == 0, result.stderr
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ids_of(server, "openwebui")[:3]
    assert len(server.requests_to("openwebui")) == 1  # one page was enough


# ----------------------------------------------------------------------------------
# providers


CANARY = "CANARY-5be1d0"


def test_providers_says_found_or_missing_and_never_a_value() -> None:
    env = {
        "SCENARIO_SDK_API_KEY": f"{CANARY}-key",
        "TFY_API_KEY": f"{CANARY}-token",
        "TFY_HOST": f"https://robot:{CANARY}-password@tfy.example.com/prefix",
        "OPENWEBUI_API_KEY": "   ",  # blank counts as missing, as the client treats it
    }
    table = run("providers", env=env)
    as_json = run("providers", "--format", "json", env=env)
    for result in (table, as_json):
        assert result.returncode == 0, result.stderr
        assert CANARY not in result.stdout + result.stderr
    described = {entry["name"]: entry for entry in json.loads(as_json.stdout)}
    assert list(described) == list(PROVIDERS)
    assert described["scenario"]["credentials"] == [
        {"env": "SCENARIO_SDK_API_KEY", "status": "found", "from": "default"},
        {"env": "SCENARIO_SDK_API_SECRET", "status": "missing", "from": "default"},
    ]
    assert described["truefoundry"]["credentials"] == [{"env": "TFY_API_KEY", "status": "found", "from": "default"}]
    assert described["openwebui"]["credentials"] == [
        {"env": "OPENWEBUI_API_KEY", "status": "missing", "from": "default"}
    ]
    assert described["truefoundry"]["base_url"] == "https://***@tfy.example.com/prefix"
    assert "user info" in described["truefoundry"]["base_url_problem"]
    assert "refused: it holds user info" in table.stdout
    assert described["truefoundry"]["base_url_from"] == "TFY_HOST"
    assert described["scenario"]["base_url"] == "https://api.cloud.scenario.com"
    assert described["openwebui"]["base_url"] is None
    assert described["modelslab"]["operations"] == [
        {"method": "POST", "path": "/api/v3/finetune_list"},
        {"method": "POST", "path": "/api/v4/dreambooth/model_list"},
    ]
    assert "  credentials  SCENARIO_SDK_API_KEY found, SCENARIO_SDK_API_SECRET missing" in table.stdout
    assert "(unset: set OPENWEBUI_BASE_URL)" in table.stdout
    assert "GET /api/v1/models/list" in table.stdout


# ----------------------------------------------------------------------------------
# spec


def test_spec_diff_passes_run_upstreams_exit_status_through(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vendored = ROOT / "specs" / "scenario" / "upstream.yaml"
    offline = ["--index", str(tmp_path)]  # an empty package index: the SDK source is unreachable, not fetched
    same = run(
        "spec", "diff", "--repo", str(ROOT), "--provider", "scenario", "--source", f"scenario={vendored}", *offline
    )
    assert same.returncode == 0, same.stderr
    assert "no change in the sources checked" in same.stdout

    changed = tmp_path / "upstream.yaml"  # a published document that lost every operation: breaking
    changed.write_text("openapi: 3.0.3\ninfo: {title: Scenario, version: '2'}\npaths: {}\n", encoding="utf-8")
    args = ["--repo", str(ROOT), "--provider", "scenario", "--source", f"scenario={changed}", "--format", "json"]
    args += offline
    expected = upstream_main(args)
    capsys.readouterr()
    result = run("spec", "diff", *args)
    assert expected != 0
    assert result.returncode == expected, result.stderr
    assert json.loads(result.stdout)


@pytest.mark.parametrize("command", [["upstream"], ["spec", "diff"]])
def test_the_upstream_check_and_its_old_name_run_the_same_tool(tmp_path: Path, command: list[str]) -> None:
    vendored = ROOT / "specs" / "scenario" / "upstream.yaml"
    args = ["--repo", str(ROOT), "--provider", "scenario", "--source", f"scenario={vendored}", "--index", str(tmp_path)]
    result = run(*command, *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)
    helped = run(*command, "--help")
    assert helped.returncode == 0
    assert "--source PROVIDER=URL_OR_PATH" in helped.stdout


def test_help_names_upstream_and_hides_spec() -> None:
    result = run("--help")
    assert result.returncode == 0
    listed = result.stdout.split("positional arguments:", 1)[1].split("options:", 1)[0]
    assert re.findall(r"^    (\w+)", listed, re.MULTILINE) == ["list", "providers", "upstream", "completion"]


# ----------------------------------------------------------------------------------
# start-up and consistency


HEAVY_IMPORTS = {"httpx", "msgspec", "modelcatalog.catalog", "modelcatalog.providers._base", "yaml"}


def imported_by(*args: str) -> set[str]:
    """Every module the command imports to run ``args`` (``python -X importtime``)."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-X", "importtime", "-m", "modelcatalog", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}


def test_help_starts_without_the_heavy_imports() -> None:
    imported = imported_by("--help")
    assert not imported & HEAVY_IMPORTS
    # the provider names come from the generated registry, which imports nothing else
    assert {name for name in imported if name.startswith("modelcatalog_generated")} == {
        "modelcatalog_generated",
        "modelcatalog_generated.registry",
    }
    assert not {f"modelcatalog.providers.{name}" for name in PROVIDERS} & imported
    assert {"modelcatalog.cli", "modelcatalog.cli.list", "modelcatalog.providers"} <= imported


def test_version_prints_the_installed_metadata_version() -> None:
    from importlib.metadata import version  # noqa: PLC0415

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout == f"modelcatalog {version('modelcatalog')}\n"
    assert result.stderr == ""


def test_only_version_reads_the_package_metadata() -> None:
    assert "importlib.metadata" not in imported_by("--help")
    with_version = imported_by("--version")
    assert "importlib.metadata" in with_version
    assert not with_version & HEAVY_IMPORTS


def test_the_commands_lists_match_the_librarys() -> None:
    assert list_command.VISIBILITIES == VISIBILITIES
    assert list_command.SORT_FIELDS == SORT_FIELDS
    assert list_command.FORMATS == formats.FORMATS
    assert list_command.FIELDS == formats.FIELDS == tuple(SCHEMA["required"])


def test_layout_helpers() -> None:
    assert formats.clip("abcdef", 4) == "abc…"
    assert formats.clip("abc", 4) == "abc"
    assert formats.clip("日本語", 4) == "日…"
    assert formats.display_width("日本語") == 6
    assert formats.fit([20, 20], [3, 3], 30) == [14, 14]  # 14 + 2 (gap) + 14
    assert formats.fit([20, 4], [3, 4], 20) == [14, 4]  # the narrow column keeps its width
    assert formats.fit([20, 5], [3, 5], 30) == [20, 5]  # fits as it is
    assert formats.fit([20, 5], [10, 5], 12) is None  # not even the minimums fit
    assert formats.fit([9, 30, 30], [9, 3, 3], 40) == [9, 14, 13]  # the spare column goes to a cut one


def test_exit_status_rules() -> None:
    auth = AuthenticationError("no", status_code=401, provider="scenario")
    server_error = ServerError("down", status_code=503, provider="openwebui")
    missing = MissingCredentialError("TFY_API_KEY", provider="truefoundry")
    failure: Any = ProviderFailure
    assert exit_status(["scenario"], []) == 0
    assert exit_status(["scenario"], [failure("scenario", auth)]) == 3
    assert exit_status(["scenario", "openwebui"], [failure("scenario", auth)]) == 1
    assert exit_status(["scenario", "openwebui"], [failure("scenario", auth), failure("openwebui", auth)]) == 3
    assert exit_status(["scenario", "openwebui"], [failure("scenario", auth), failure("openwebui", server_error)]) == 1
    assert exit_status(["truefoundry"], [failure("truefoundry", missing)]) == 2
    assert exit_status(["truefoundry", "scenario"], [failure("truefoundry", missing)]) == 1
