"""The command against hostile servers: the limits' flags, one clear line, and no credential anywhere.

Each run is a real ``python -m modelcatalog`` with the canary credentials in its
environment; stdout and stderr (with ``--debug``: tracebacks and httpx's debug log)
are searched for every form of the canary.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from support.clients import PROVIDER_ENV
from support.hostile import (
    BASE_URL_ENV,
    ENVIRONMENT,
    KEY,
    PROVIDERS,
    assert_clean,
    first,
    operations,
    page,
    processing_forever,
    wire_credential,
)
from support.raw_server import RawRequest, Wire, json_answer

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from support.raw_server import RawServer

EXIT_ERROR, EXIT_USAGE, EXIT_AUTH = 1, 2, 3


def run(*args: str, provider: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key not in PROVIDER_ENV}
    environment.update(ENVIRONMENT[provider])
    environment.update(env or {})
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "modelcatalog", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert_clean(result.stdout + result.stderr)
    return result


def big_page(request: RawRequest, wire: Wire) -> bool:
    wire.send(json_answer(page(request.path, count=40)))
    return True


@pytest.mark.parametrize("provider", PROVIDERS)
def test_max_body_size_refuses_a_larger_page_in_one_line(serve: Callable[..., RawServer], provider: str) -> None:
    server = serve(big_page)
    result = run("list", "-p", provider, "--base-url", server.url, "--max-body-size", "4KiB", provider=provider)
    assert result.returncode == EXIT_ERROR
    assert "is larger than the cap of 4,096 bytes after decompression" in result.stderr
    assert "--max-body-size" in result.stderr
    # not retried: one request an operation (ModelsLab's trained list, ids only, fits; its public list does not)
    assert len(server.requests) == operations(provider)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_attempt_deadline_ends_a_server_that_never_finishes(serve: Callable[..., RawServer], provider: str) -> None:
    server = serve(first(processing_forever(0.05), times=None))
    result = run("list", "-p", provider, "--base-url", server.url, "--attempt-deadline", "0.3", provider=provider)
    assert result.returncode == EXIT_ERROR
    assert "within the attempt deadline of 0.3s" in result.stderr
    assert "after 4 attempts" in result.stderr  # the default retry policy, all within the deadline each


def echo_everywhere(request: RawRequest, wire: Wire) -> bool:
    credential = wire_credential(request)
    wire.send(json_answer({"detail": f"rejected {credential}"}, status=401, headers={"X-Echo": credential}))
    return True


@pytest.mark.parametrize("provider", PROVIDERS)
def test_debug_output_of_an_echoing_server_holds_no_credential(serve: Callable[..., RawServer], provider: str) -> None:
    server = serve(echo_everywhere)
    result = run("--debug", "list", "-p", provider, "--base-url", server.url, provider=provider)
    assert result.returncode == EXIT_AUTH
    assert "Traceback" in result.stderr  # --debug printed the chain
    assert "modelcatalog.connection: answer:" in result.stderr  # and the connection's debug log, headers included
    assert "x-echo" in result.stderr.lower()


def test_a_credential_with_a_newline_is_refused_by_name() -> None:
    result = run("list", "-p", "openwebui", provider="openwebui", env={"OPENWEBUI_API_KEY": f"{KEY}\nX-Injected: 1"})
    assert result.returncode == EXIT_USAGE
    assert f"OPENWEBUI_API_KEY holds a control character at position {len(KEY)}" in result.stderr


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_base_url_with_user_info_is_refused_masked(serve: Callable[..., RawServer], provider: str) -> None:
    server = serve(big_page)
    url = server.url.replace("://", f"://admin:{KEY}@")
    result = run("list", "-p", provider, provider=provider, env={BASE_URL_ENV[provider]: url})
    assert result.returncode == EXIT_USAGE
    assert f"{BASE_URL_ENV[provider]} holds user info (http://***@127.0.0.1:" in result.stderr
    described = run("providers", provider=provider, env={BASE_URL_ENV[provider]: url})
    assert "http://***@127.0.0.1:" in described.stdout
    assert "refused: it holds user info" in described.stdout
    assert server.requests == []


@pytest.mark.parametrize(
    ("flag", "value", "says"),
    [
        ("--max-body-size", "lots", "expected a size such as"),
        ("--max-body-size", "0", "at least 1 byte"),
        ("--attempt-deadline", "nan", "expected a positive number of seconds"),
        ("--attempt-deadline", "-1", "expected a positive number of seconds"),
    ],
)
def test_limits_given_badly_are_usage_errors(flag: str, value: str, says: str) -> None:
    result = run("list", "-p", "openwebui", f"{flag}={value}", provider="openwebui")
    assert result.returncode == EXIT_USAGE
    assert says in result.stderr
