"""The progress line on a terminal (a pty): records, pages, rate, and a wait on ``Retry-After`` as it counts down."""

from __future__ import annotations

import re

from support.fault_server import Delay, FaultServer, Respond
from test_cli import ENV_FOR, run, run_with_terminal_stderr, server

__all__ = ["server"]  # the fixture, shared with test_cli


def test_a_listing_waiting_on_retry_after_says_so(server: FaultServer) -> None:
    server.inject("openwebui", Respond(429, "{}", headers={"Retry-After": "3"}), where={"page": "2"})
    args = ["list", "-p", "openwebui", "--base-url", server.url, "--format", "ndjson"]
    status, out, err = run_with_terminal_stderr(*args, env=ENV_FOR["openwebui"])
    assert status == 0, err
    assert len(out.splitlines()) == 35
    drawn = err.split("\r")
    waiting = [text.strip() for text in drawn if "waiting" in text]
    assert waiting, drawn
    expected = r"listing… openwebui 30 \(1 page(, \d+/s)?, waiting [0-3] s \(Retry-After\)\) · \d+s"
    assert re.fullmatch(expected, waiting[0])
    assert len({text.split("waiting ")[1][0] for text in waiting}) >= 2  # it counts down
    assert "\n" not in err


def test_the_rate_is_shown_once_a_provider_has_listed_for_a_second(server: FaultServer) -> None:
    server.inject("openwebui", Delay(1.2), where={"page": "1"})
    server.inject("openwebui", Delay(1.0), where={"page": "2"})
    args = ["list", "-p", "openwebui", "--base-url", server.url, "--format", "ndjson"]
    status, _, err = run_with_terminal_stderr(*args, env=ENV_FOR["openwebui"])
    assert status == 0, err
    assert re.search(r"openwebui 30 \(1 page, \d+/s\)", err), err


def test_a_pipe_never_gets_the_wait(server: FaultServer) -> None:
    server.inject("openwebui", Respond(429, "{}", headers={"Retry-After": "1"}), where={"page": "2"})
    result = run("list", "-p", "openwebui", "--base-url", server.url, env=ENV_FOR["openwebui"])
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
