"""A real LiteLLM proxy for the tests: an OpenAI-compatible ``GET /v1/models`` on 127.0.0.1.

    python tests/integration/litellm_env.py install        # into .cache/ (idempotent)
    python tests/integration/litellm_env.py serve [--once] # start it and wait for Ctrl-C
    python tests/integration/litellm_env.py lock           # refresh litellm-requirements.txt

What is installed: ``litellm-requirements.txt``, the hash-locked resolution of
``litellm[proxy]==1.108.7`` (the newest whose ``proxy`` extra resolves from PyPI: later
releases pin ``litellm-proxy-extras``/``litellm-enterprise`` versions never published) plus
``prisma==0.15.0`` (the Python client only, no database: without it an authentication
failure is a 500), into ``.cache/litellm-<version>/venv`` or ``MODELCATALOG_LITELLM_VENV``.

How it runs: a config declaring ``MODEL_COUNT`` models (deterministic names; every model
points at a closed port, nothing is ever called), a master key made for the run, no
database, ``LITELLM_LOCAL_MODEL_COST_MAP=True`` (otherwise importing litellm blocks on
fetching a price map from the internet) and no proxy for loopback. Ready when
``/health/liveliness`` answers 200. Standard library only for ``install``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import secrets
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from locked_venv import LOCK_INDEX, LOCK_WHEEL_PLATFORM, InstallResult, LockedVenv, peer_venv, write_lock
from peer_process import (
    LOG_NAME,
    LOOPBACK,
    Peer,
    ServerStartError,
    peer_environment,
    running,
    serve_until_interrupted,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LOCK = HERE / "litellm-requirements.txt"
LITELLM_VERSION = "1.108.7"
REQUIREMENTS = (f"litellm[proxy]=={LITELLM_VERSION}", "prisma==0.15.0")  # what the lock resolves
VENV_ENV = "MODELCATALOG_LITELLM_VENV"
START_TIMEOUT_S = 180.0
READY_PATH = "/health/liveliness"
CLOSED_PORT_URL = f"http://{LOOPBACK}:9/v1"  # discard: a model that is ever called fails at once
CLOSED_PORT_PROXY = f"http://{LOOPBACK}:9"

MODEL_COUNT = 300
FAMILIES = ("atlas", "borealis", "cirrus", "dune", "ember", "fjord")
SIZES = ("3b", "8b", "70b")
# Every INFO_EVERY-th model declares model_info: what an OpenAI-compatible server adds
INFO_EVERY = 4


def locked_venv(env_dir: Path | None = None) -> LockedVenv:
    """The LiteLLM venv: ``env_dir``, else ``$MODELCATALOG_LITELLM_VENV``, else one in ``.cache/``."""
    return peer_venv(
        f"litellm {LITELLM_VERSION}", LOCK, ROOT / ".cache" / f"litellm-{LITELLM_VERSION}" / "venv", VENV_ENV, env_dir
    )


def install(env_dir: Path | None = None) -> InstallResult:
    """Create the venv and install the lock into it, unless it holds it already."""
    return locked_venv(env_dir).install()


# --------------------------------------------------------------------------- configuration


@dataclasses.dataclass(frozen=True)
class DeclaredModel:
    """One ``model_list`` entry of the config: the id clients see and what it declares."""

    id: str
    upstream: str  # litellm_params.model: LiteLLM keys model_info by it, so each model has its own
    info: dict[str, Any] | None  # model_info, when declared


def declared_models(count: int = MODEL_COUNT) -> tuple[DeclaredModel, ...]:
    """``count`` models named ``<family>-<size>-<nnn>``; every ``INFO_EVERY``-th declares model_info."""
    models = []
    for i in range(count):
        family = FAMILIES[i % len(FAMILIES)]
        size = SIZES[i % len(SIZES)]
        info = None
        if i % INFO_EVERY == 0:
            info = {
                "mode": "chat",
                "max_input_tokens": 8192 * (1 + (i // INFO_EVERY) % 4),
                "max_output_tokens": 4096,
                "description": f"{family.title()} {size} number {i}, declared for the modelcatalog tests",
            }
        model_id = f"{family}-{size}-{i:03d}"
        models.append(DeclaredModel(model_id, f"openai/{model_id}", info))
    return tuple(models)


def config_document(models: tuple[DeclaredModel, ...], master_key: str) -> dict[str, Any]:
    """The proxy config: the models, the master key, no database and no background refresh."""
    model_list = []
    for model in models:
        entry: dict[str, Any] = {
            "model_name": model.id,
            "litellm_params": {"model": model.upstream, "api_base": CLOSED_PORT_URL, "api_key": "unused"},
        }
        if model.info is not None:
            entry["model_info"] = model.info
        model_list.append(entry)
    return {
        "model_list": model_list,
        "general_settings": {"master_key": master_key, "disable_model_info_refresh": True},
        "litellm_settings": {"telemetry": False},
    }


def server_environment(port: int) -> dict[str, str]:
    """Offline and loopback-only; nothing else of ``os.environ`` (``peer_environment``).

    So a developer's own ``OPENAI_API_KEY``, ``DATABASE_URL`` or ``LITELLM_MASTER_KEY`` never
    reaches the test server.
    """
    return peer_environment(
        {
            "PORT": str(port),
            "LITELLM_LOCAL_MODEL_COST_MAP": "True",  # no price map from the internet at import
            # loopback goes direct; anything else that honours a proxy meets a closed port
            "NO_PROXY": f"{LOOPBACK},localhost",
            "no_proxy": f"{LOOPBACK},localhost",
            "HTTP_PROXY": CLOSED_PORT_PROXY,
            "HTTPS_PROXY": CLOSED_PORT_PROXY,
            "LITELLM_TELEMETRY": "False",
        }
    )


# --------------------------------------------------------------------------- server


@dataclasses.dataclass(frozen=True)
class RunningLiteLLM:
    """A started LiteLLM proxy and what it was configured with."""

    base_url: str
    master_key: str
    models: tuple[DeclaredModel, ...]
    config_path: Path
    log_path: Path
    start_seconds: float

    @property
    def model_ids(self) -> list[str]:
        return [model.id for model in self.models]


@contextlib.contextmanager
def running_litellm(
    env_dir: Path | None = None, *, model_count: int = MODEL_COUNT, timeout: float = START_TIMEOUT_S
) -> Iterator[RunningLiteLLM]:
    """Start ``litellm --config`` on 127.0.0.1 with a fresh config and master key; stop it on exit.

    The work directory (config, log) is deleted after a clean run and kept when start-up or
    the body fails (``peer_process.running``).
    """
    exe = locked_venv(env_dir).script("litellm")
    if not exe.exists():
        raise ServerStartError(f"{exe} is missing: run `python tests/integration/litellm_env.py install` first")
    work = Path(tempfile.mkdtemp(prefix="modelcatalog-litellm-"))
    models = declared_models(model_count)
    master_key = f"sk-{secrets.token_hex(16)}"
    config_path = work / "config.json"  # LiteLLM reads its config with a YAML parser: JSON is YAML
    config_path.write_text(json.dumps(config_document(models, master_key), indent=1))
    command = [str(exe), "--config", str(config_path), "--host", LOOPBACK]
    peer = Peer("litellm", lambda port: [*command, "--port", str(port)], server_environment, READY_PATH)
    with running(peer, work=work, timeout=timeout) as started:
        yield RunningLiteLLM(started.base_url, master_key, models, config_path, work / LOG_NAME, started.seconds)


# --------------------------------------------------------------------------- command line


def refresh_lock() -> None:
    """Resolve REQUIREMENTS on PyPI and write LOCK (URLs and hashes of every wheel)."""
    header = f"""\
{" + ".join(REQUIREMENTS)} and every distribution pip resolves them to:
CPython 3.11 on {LOCK_WHEEL_PLATFORM}, wheels from {LOCK_INDEX}, each by URL and SHA-256;
installed by tests/integration/locked_venv.py with `pip install --no-deps --require-hashes -r <this file>`.
Made by `python tests/integration/litellm_env.py lock` (pip install --dry-run --report, without
this machine's pip configuration).
Refresh: run that again (for another litellm: LITELLM_VERSION in litellm_env.py first), then
`python3 noxfile.py -s litellm` and the live tests (`python3 noxfile.py -s tests -- tests/integration`).
Never edit by hand."""
    locked = write_lock(LOCK, REQUIREMENTS, header=header, resolve=True)
    print(f"wrote {LOCK}: {len(locked)} wheels", file=sys.stderr)  # noqa: T201


def _serve(*, once: bool) -> int:
    install()
    with running_litellm() as server:
        print(  # noqa: T201
            f"started {server.base_url} in {server.start_seconds:.1f}s with {len(server.models)} models\n"
            f"  master key {server.master_key}\n  config {server.config_path}\n  log {server.log_path}",
            flush=True,
        )
        if once:
            return 0
        serve_until_interrupted()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("install", help="create the venv and install the locked litellm (idempotent)")
    serve = sub.add_parser("serve", help="install if needed, start on 127.0.0.1, wait for Ctrl-C")
    serve.add_argument("--once", action="store_true", help="stop as soon as it is ready (a smoke test)")
    sub.add_parser("lock", help=f"resolve {' '.join(REQUIREMENTS)} on PyPI and rewrite {LOCK.name}")
    args = parser.parse_args(argv)
    if args.command == "install":
        install()  # says what it did
        return 0
    if args.command == "lock":
        refresh_lock()
        return 0
    return _serve(once=args.once)


if __name__ == "__main__":
    sys.exit(main())
