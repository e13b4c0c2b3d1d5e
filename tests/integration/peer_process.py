"""Start a real server as a child process on 127.0.0.1, wait until it is ready, stop it cleanly.

Shared by the live peers (Open WebUI, LiteLLM): each passes the command and environment
for a port; this module picks the port, keeps the log in a file, retries when another
process took the port first, and always stops the whole process group. Standard library
only, so the peers' scripts run on a bare Python.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

LOOPBACK = "127.0.0.1"
POLL_S = 0.5
LOG_NAME = "server.log"


class ServerStartError(RuntimeError):
    """A peer did not become ready; the message carries the tail of its log."""


@dataclasses.dataclass(frozen=True)
class Started:
    """A peer process that answered its readiness check."""

    process: subprocess.Popen[bytes]
    port: int
    base_url: str
    seconds: float


def peer_environment(settings: dict[str, str]) -> dict[str, str]:
    """A peer's environment: a few harmless variables of ours, then the peer's ``settings``.

    Built this way rather than from ``os.environ``, so that a developer's own
    ``OPENAI_API_KEY``, ``DATABASE_URL`` or proxy can never reach a test server.
    """
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "SSL_CERT_FILE")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env.update({"DO_NOT_TRACK": "true", "PYTHONHASHSEED": "0", "PYTHONUNBUFFERED": "1"})
    env.update(settings)
    return env


def free_port() -> int:
    """A port the kernel just handed out on loopback (closed again, so a tiny race remains)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def log_tail(path: Path, lines: int = 60) -> str:
    """The last lines of a server log, for error messages."""
    try:
        text = path.read_text(errors="replace")
    except OSError as exc:
        return f"(no log at {path}: {exc})"
    return "\n".join(text.splitlines()[-lines:])


def answers_200(url: str) -> bool:
    """True when a GET of ``url`` answers 200 (no proxy: loopback traffic stays local)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=5) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def serve_until_interrupted() -> None:
    """Block until Ctrl-C or SIGTERM, for a peer's ``serve`` command.

    A shell's ``cmd &`` starts a process with SIGINT ignored: both signals are handled
    explicitly, so leaving the caller's ``with`` block always stops the server and deletes
    its data.
    """
    print("serving until Ctrl-C or SIGTERM", flush=True)  # noqa: T201
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    with contextlib.suppress(KeyboardInterrupt):
        while True:
            time.sleep(3600)


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def stop(proc: subprocess.Popen[bytes], grace: float = 20.0) -> None:
    """SIGTERM the whole process group (the server and any children), SIGKILL after ``grace``."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=grace)
    else:  # the leader is gone; make sure nothing it started lingers
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)


@dataclasses.dataclass(frozen=True)
class Peer:
    """How to run one server: its argv and environment for a port, and where it says it is ready."""

    name: str
    command: Callable[[int], list[str]]
    environment: Callable[[int], dict[str, str]]
    ready_path: str
    before_attempt: Callable[[], None] | None = None  # resets what a failed attempt left (a data dir)


def _start(peer: Peer, work: Path, timeout: float, attempts: int = 3) -> Started:
    """Start until ``GET ready_path`` answers 200; retry only when another process took the port.

    Output goes to ``work/server.log`` (appended, one header line per attempt).
    """
    log_path = work / LOG_NAME
    for attempt in range(1, attempts + 1):
        if peer.before_attempt is not None:
            peer.before_attempt()
        port = free_port()
        base_url = f"http://{LOOPBACK}:{port}"
        argv = peer.command(port)
        started = time.monotonic()
        with log_path.open("ab") as log:
            log.write(f"--- attempt {attempt}: {' '.join(argv)}\n".encode())
            log.flush()
            proc = subprocess.Popen(  # noqa: S603 - the peer's own fixed argv, no shell
                argv,
                cwd=work,
                env=peer.environment(port),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so stop() reaches every child
            )
        while time.monotonic() - started < timeout:
            if proc.poll() is not None or answers_200(base_url + peer.ready_path):
                break
            time.sleep(POLL_S)
        if proc.poll() is None and answers_200(base_url + peer.ready_path):
            return Started(proc, port, base_url, time.monotonic() - started)
        state = f"exited with {proc.returncode}" if proc.poll() is not None else "timed out"
        stop(proc)
        lost_port = "address already in use" in log_tail(log_path, 20).lower()
        if not lost_port or attempt == attempts:
            raise ServerStartError(
                f"{peer.name} {state} after {time.monotonic() - started:.0f}s (limit {timeout:.0f}s); "
                f"log {log_path}, last lines:\n{log_tail(log_path)}"
            )
    raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover


@contextlib.contextmanager
def running(peer: Peer, *, work: Path, timeout: float) -> Iterator[Started]:
    """Start ``peer`` in ``work`` (log in ``work/server.log``) and stop it, with every child, on exit.

    ``work`` is deleted after a clean run. It is kept when start-up fails (the error names the
    log) and when the body fails (the log's tail goes to stderr), for whoever looks next.
    """
    started = _start(peer, work, timeout)
    try:
        yield started
    except BaseException:
        stop(started.process)
        log_path = work / LOG_NAME
        print(f"{peer.name} log kept at {log_path}; last lines:\n{log_tail(log_path)}", file=sys.stderr)  # noqa: T201
        raise
    stop(started.process)
    shutil.rmtree(work, ignore_errors=True)
