"""Run Stoplight Prism (pinned, from npm) as a loopback mock of a derived spec.

Why: Prism validates every request against the OpenAPI document and answers with
spec-shaped bodies, so a generated client that builds a request the spec forbids, or
cannot parse what the spec allows, fails here without touching a provider.

Install: ``ensure_prism()`` runs ``npm ci --prefix .cache/prism --ignore-scripts`` from
the committed ``tests/contract/package.json`` + ``package-lock.json`` (only
``@scarf/scarf``, a telemetry pinger, has an install script: skipped). A stamp holding
the lock's hash makes it idempotent; an flock makes concurrent sessions safe.
``@stoplight/prism-cli`` 5.16.0 declares ``node >=24.18`` but runs on Node 20 (npm only
warns ``EBADENGINE``).

Facts measured with Prism 5.16.0 (checked again by test_generated_clients_prism.py):

* Paths: Prism routes on the path keys of ``paths`` only and ignores the path part of
  ``servers`` (root, path-item or operation level). It serves Scenario's ``GET /models``
  at ``/models`` (``/v1/models`` is 404), ModelsLab at ``/finetune_list`` and
  ``/model_list`` (``/api/v3/...``, ``/api/v4/dreambooth/...`` are 404), TrueFoundry at
  ``/api/ml/v1/models`` (its server ``https://{controlPlaneURL}`` has no path) and
  Open WebUI at ``/api/v1/models/list`` (no servers). One base URL therefore cannot
  reach both ModelsLab operations the way the wrapper addresses them, so
  ``running_prism`` serves a variant written to a temp dir in which each operation's
  server path is folded into its path key (``/v1/models``, ``/api/v3/finetune_list``,
  ``/api/v4/dreambooth/model_list``) and every ``servers`` is removed. With it, the
  root URL (``PrismServer.base_url``) is the wrapper's ``BASE`` for every provider, and
  a generated client takes ``PrismServer.server_url(method, path)``.
* Request validation is always on: a request that breaks the spec gets the declared
  400 (Scenario) or else 422, and a missing/wrong ``Authorization`` for a secured
  operation gets 401, each with an ``sl-violations`` header whose items have
  ``location[0] == "request"``. Valid requests get 200.
* ``--errors`` does not affect requests: it turns *response* violations into a 500
  problem+json. Prism's own body generators (static and ``Prefer: dynamic=true``) break
  our specs: they ignore OpenAPI 3.1 numeric ``exclusiveMinimum`` and ``maximum``
  (Scenario's ``learningRate*``, ``priorLossWeight``), TrueFoundry's patterns and
  ``oneOf`` framework variants. With ``--errors`` every Scenario and TrueFoundry 200
  becomes a 500, so it is off by default; check ``request_violations`` instead.
* When the spec declares no fitting error response (TrueFoundry has no 401, ModelsLab
  no 4xx for a bad body), Prism answers its own problem+json (``type`` ending in
  ``#UNAUTHORIZED`` / ``#UNPROCESSABLE_ENTITY``, violations in ``validation``) and sends
  no ``sl-violations`` header: ``request_violations`` reads both.
* ``--seed`` reseeds per request: every dynamic response is then the same body.
* ``sl-violations`` is JSON, request items first, cut at ~8 KB and then prefixed with
  ``Too many violations! ``: ``parse_violations`` reads the complete items only.
* ``style: form, explode: false`` arrays: for a repeated key (``types=a&types=b``)
  Prism keeps only the *last* value and splits it on commas; it never reports the
  repetition, so it cannot catch openapi-python-client sending exploded arrays.
"""

from __future__ import annotations

import contextlib
import copy
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx
import yaml

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[2]
TOOLS_DIR = Path(__file__).resolve().parent  # package.json + package-lock.json live here
CACHE_DIR = ROOT / ".cache" / "prism"
STAMP_NAME = ".modelcatalog-stamp"
INSTALL_TIMEOUT_S = 300.0
READY_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
TRUNCATED_PREFIX = "Too many violations! "
PRISM_PROBLEM_TYPE = "https://stoplight.io/prism/errors#"
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


class PrismError(RuntimeError):
    """Prism could not be installed, or did not start."""


@dataclass(frozen=True)
class PrismInstall:
    """Where the prism executable is, and what installing it cost."""

    executable: Path
    version: str
    installed_now: bool
    seconds: float


def pinned_version() -> str:
    """The exact @stoplight/prism-cli version in the committed package.json."""
    manifest = json.loads((TOOLS_DIR / "package.json").read_text())
    return str(manifest["dependencies"]["@stoplight/prism-cli"])


def _lock_digest() -> str:
    digest = hashlib.sha256()
    for name in ("package.json", "package-lock.json"):
        digest.update((TOOLS_DIR / name).read_bytes())
    return digest.hexdigest()


def _executable(cache_dir: Path) -> Path:
    return cache_dir / "node_modules" / ".bin" / "prism"


def is_installed(cache_dir: Path = CACHE_DIR) -> bool:
    """True when cache_dir holds Prism installed from exactly the committed lock."""
    stamp = cache_dir / STAMP_NAME
    return _executable(cache_dir).exists() and stamp.exists() and stamp.read_text() == _lock_digest()


def ensure_prism(cache_dir: Path = CACHE_DIR) -> PrismInstall:
    """Install the pinned Prism into cache_dir unless the same lock is installed already.

    An install says what it installs and how long it took on stderr (the fixture shows it).
    """
    executable = _executable(cache_dir)
    stamp = cache_dir / STAMP_NAME
    wanted = _lock_digest()
    started = time.perf_counter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    with (cache_dir.parent / "prism.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if is_installed(cache_dir):
            return PrismInstall(executable, pinned_version(), installed_now=False, seconds=0.0)
        print(  # noqa: T201
            f"Prism {pinned_version()}: installing from the committed package-lock.json into {cache_dir} (npm ci)",
            file=sys.stderr,
            flush=True,
        )
        npm = shutil.which("npm")
        if npm is None or shutil.which("node") is None:
            raise PrismError("node and npm must be on PATH to install Prism")
        stamp.unlink(missing_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(TOOLS_DIR / name, cache_dir / name)
        command = [npm, "ci", "--prefix", str(cache_dir), "--ignore-scripts", "--no-audit", "--no-fund"]
        try:
            result = subprocess.run(  # noqa: S603 - fixed argv, no shell
                command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise PrismError(f"npm ci timed out after {INSTALL_TIMEOUT_S:.0f} s") from exc
        if result.returncode != 0 or not executable.exists():
            raise PrismError(f"npm ci failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        stamp.write_text(wanted)
    seconds = time.perf_counter() - started
    summary = (result.stdout.strip().splitlines() or [""])[-1]  # npm's "added N packages in Ts"
    print(f"Prism {pinned_version()}: installed in {seconds:.0f} s ({summary})", file=sys.stderr, flush=True)  # noqa: T201
    return PrismInstall(executable, pinned_version(), installed_now=True, seconds=seconds)


def _server_path(servers: list[dict[str, Any]]) -> str:
    """The path part of the first server URL, variables replaced by their defaults."""
    if not servers:
        return ""
    server = servers[0]
    url = str(server["url"])
    for name, variable in (server.get("variables") or {}).items():
        url = url.replace("{" + name + "}", str(variable.get("default", "")))
    return urlsplit(url).path.rstrip("/")


def fold_servers_into_paths(document: dict[str, Any]) -> tuple[dict[str, Any], dict[tuple[str, str], str]]:
    """Prefix each path key with its operation's server path and drop every ``servers``.

    Returns the new document and ``(METHOD, original path) -> server path`` for each
    operation, so that a generated client (whose base URL is the server URL) can be
    pointed at the same route.
    """
    folded = copy.deepcopy(document)
    root_servers = folded.pop("servers", None) or []
    prefixes: dict[tuple[str, str], str] = {}
    paths: dict[str, Any] = {}
    for path, item in (folded.get("paths") or {}).items():
        item_servers = item.pop("servers", None) or root_servers
        shared = {key: value for key, value in item.items() if key not in HTTP_METHODS}
        for method in [key for key in item if key in HTTP_METHODS]:
            operation = item[method]
            prefix = _server_path(operation.pop("servers", None) or item_servers)
            target = paths.setdefault(prefix + path, copy.deepcopy(shared))
            if method in target:
                raise PrismError(f"{method.upper()} {prefix + path} appears twice after folding servers")
            target[method] = operation
            prefixes[(method.upper(), path)] = prefix
    folded["paths"] = paths
    return folded, prefixes


def free_port() -> int:
    """A port the kernel just handed out on 127.0.0.1 (Prism binds it a moment later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PrismServer:
    """A running Prism: its root URL, how long it took to start, and its log."""

    base_url: str
    port: int
    spec_path: Path
    served_spec: Path
    log_path: Path
    startup_seconds: float
    server_prefixes: dict[tuple[str, str], str] = field(default_factory=dict)

    def server_url(self, method: str, path: str) -> str:
        """The base URL a generated client needs for ``METHOD path`` (its server URL on Prism)."""
        return self.base_url + self.server_prefixes.get((method.upper(), path), "")

    def logs(self) -> str:
        """Everything Prism printed so far."""
        return self.log_path.read_text(errors="replace")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group we created for Prism, then SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_TIMEOUT_S)


def _wait_ready(process: subprocess.Popen[bytes], base_url: str, log_path: Path, started: float) -> None:
    """Poll until Prism answers HTTP (any status), it exits, or READY_TIMEOUT_S passes."""
    while time.perf_counter() - started < READY_TIMEOUT_S:
        if process.poll() is not None:
            raise PrismError(f"prism exited with {process.returncode}:\n{log_path.read_text(errors='replace')}")
        try:
            httpx.get(f"{base_url}/__modelcatalog_ready__", timeout=1.0)
        except httpx.TransportError:
            time.sleep(0.05)
            continue
        return
    raise PrismError(f"prism not ready after {READY_TIMEOUT_S:.0f} s:\n{log_path.read_text(errors='replace')}")


@contextlib.contextmanager
def running_prism(
    spec_path: Path,
    *,
    dynamic: bool = False,
    errors: bool = False,
    fold_servers: bool = True,
    seed: str | None = None,
    install: PrismInstall | None = None,
) -> Iterator[PrismServer]:
    """Serve spec_path with ``prism mock`` on a free 127.0.0.1 port until the block exits.

    dynamic: ``--dynamic`` (every response generated from the schema; without it a
    request can still ask for that with ``Prefer: dynamic=true``). errors: ``--errors``
    (response violations become 500s; see the module docstring). fold_servers: serve
    the variant with server paths folded into path keys (see the module docstring).
    """
    install = install or ensure_prism()
    with tempfile.TemporaryDirectory(prefix="modelcatalog-prism-") as workdir:
        served = spec_path
        prefixes: dict[tuple[str, str], str] = {}
        if fold_servers:
            document = yaml.safe_load(spec_path.read_text())
            folded, prefixes = fold_servers_into_paths(document)
            served = Path(workdir) / f"{spec_path.stem}.prism.json"
            served.write_text(json.dumps(folded))
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        command = [str(install.executable), "mock", str(served), "--host", "127.0.0.1", "--port", str(port)]
        command += ["--errors"] if errors else []
        command += ["--dynamic"] if dynamic else []
        command += ["--seed", seed] if seed is not None else []
        log_path = Path(workdir) / "prism.log"
        with log_path.open("wb") as log:
            started = time.perf_counter()
            process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
            )
            try:
                _wait_ready(process, base_url, log_path, started)
                yield PrismServer(
                    base_url=base_url,
                    port=port,
                    spec_path=spec_path,
                    served_spec=served,
                    log_path=log_path,
                    startup_seconds=time.perf_counter() - started,
                    server_prefixes=prefixes,
                )
            finally:
                _stop(process)


def parse_violations(header: str | None) -> list[dict[str, Any]]:
    """The complete items of an ``sl-violations`` header (Prism cuts long ones mid-item)."""
    if not header:
        return []
    text = header.removeprefix(TRUNCATED_PREFIX).strip()
    if not text.startswith("["):
        raise ValueError(f"not an sl-violations header: {header[:80]!r}")
    decoder = json.JSONDecoder()
    items: list[dict[str, Any]] = []
    position = 1
    while position < len(text):
        try:
            item, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            break  # the cut-off tail
        items.append(item)
        match = re.compile(r"\s*,\s*").match(text, position)
        if match is None:
            break
        position = match.end()
    return items


def violations(response: httpx.Response) -> list[dict[str, Any]]:
    """All violations Prism reported for this exchange."""
    return parse_violations(response.headers.get("sl-violations"))


def request_violations(response: httpx.Response) -> list[dict[str, Any]]:
    """The violations that blame the request (the client's fault, not Prism's generator).

    Read from ``sl-violations`` or, when the spec declares no fitting error response
    and Prism made up its own problem+json (no header then), from that body.
    """
    found = [item for item in violations(response) if item.get("location", [None])[0] == "request"]
    if found or not response.headers.get("content-type", "").startswith("application/problem+json"):
        return found
    problem = response.json()
    kind = str(problem.get("type", "")).removeprefix(PRISM_PROBLEM_TYPE)
    if kind == "UNPROCESSABLE_ENTITY":
        return [{**item, "location": ["request", *item["location"]]} for item in problem.get("validation", [])]
    if kind == "UNAUTHORIZED":
        return [{"location": ["request"], "severity": "Error", "code": 401, "message": problem.get("title")}]
    return []


def response_violations(response: httpx.Response) -> list[dict[str, Any]]:
    """The violations that blame the response body Prism generated."""
    return [item for item in violations(response) if item.get("location", [None])[0] == "response"]


if __name__ == "__main__":
    # `python tests/contract/prism.py` installs (or confirms) the pinned Prism and says how long it took.
    result = ensure_prism()
    how = f"installed in {result.seconds:.1f} s" if result.installed_now else "already installed"
    sys.stdout.write(f"prism {result.version} at {result.executable}: {how}\n")
