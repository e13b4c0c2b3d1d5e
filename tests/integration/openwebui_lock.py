"""Refresh ``openwebui-requirements.txt``: the wheels an Open WebUI server imports, hash-locked.

    python tests/integration/openwebui_lock.py [--version 0.12.4] [--full-venv DIR]

Why: open-webui declares about 90 dependencies (torch, transformers, chromadb, ...) for
features the tests never touch; resolving them installs some 240 distributions, gigabytes.
What the server imports to start offline and serve the models API and ``/openapi.json``
is much less, and it starts without torch: every import of torch and its circle is
guarded. So the lock holds what the server *imports*, found by running it:

1. a full install (``pip install open-webui==V`` with resolution; torch first, from the
   machine's own wheels if it has them) in ``.cache/openwebui-<V>/full``, kept for reuse;
2. the server, started from it under ``import_trace.py`` with ``BLOCKED`` made
   unimportable, is seeded exactly as the tests seed it and asked for ``/openapi.json``;
3. the distributions whose files it imported (RECORD), minus the venv's own installer,
   are pinned with their PyPI hashes by ``locked_venv.write_lock``.

Then ``python3 noxfile.py -s openwebui`` installs the new lock (the marker sees the change)
and the live tests (``tests/integration``) prove it: a module imported only on a path the
seed does not take would fail them. Needs the network (PyPI) and python3.11; minutes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openwebui_env
from import_trace import DUMP_EVERY_S
from locked_venv import LOCK_INDEX, LOCK_WHEEL_PLATFORM, MARKER_NAME, lock_interpreter, write_lock

HERE = Path(__file__).resolve().parent
TRACER = HERE / "import_trace.py"
# Optional for a server that loads no local model (RAG_EMBEDDING_MODEL="", no reranker):
# open-webui and langchain import them inside try/except ImportError.
BLOCKED = ("torch", "transformers", "sentence_transformers", "accelerate")
# pip and setuptools come with every venv; they are not the server's.
INSTALLER = frozenset({"pip", "setuptools", "wheel"})
TORCH = "torch==2.13.0"  # the version open-webui's resolution picked when this was written


def full_install(version: str, directory: Path) -> Path:
    """A venv with open-webui==version and everything it declares (resolved), reused when present."""
    python = directory / "bin" / "python"
    marker = directory / MARKER_NAME
    wanted = f"open-webui=={version}\n"
    if python.exists() and marker.exists() and marker.read_text() == wanted:
        return python
    print(f"full install of open-webui {version} into {directory} (resolves; several minutes)", file=sys.stderr)  # noqa: T201
    subprocess.run([lock_interpreter(), "-m", "venv", "--clear", str(directory)], check=True)  # noqa: S603
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check"]
    # torch on its own first: pip then takes a CPU wheel the machine has (find-links) instead
    # of letting sentence-transformers' requirement pull the CUDA build and its nvidia wheels.
    subprocess.run([*pip, TORCH], check=True)  # noqa: S603
    subprocess.run([*pip, f"open-webui=={version}"], check=True)  # noqa: S603
    marker.write_text(wanted)
    return python


def traced_distributions(python: Path) -> dict[str, str]:
    """Run and seed the server from the full venv with BLOCKED unimportable; what did it import?"""
    with tempfile.TemporaryDirectory(prefix="modelcatalog-trace-") as tmp:
        trace = Path(tmp) / "imports.json"
        launcher = [str(python), str(TRACER), "run", str(trace), ",".join(BLOCKED), "open_webui:app"]
        with openwebui_env.running_openwebui(launcher=launcher) as server:
            seeded = openwebui_env.seed(server)  # every route the tests use: auth, keys, create, list
            print(f"seeded {len(seeded.models)} models; /openapi.json sha256 {seeded.openapi_sha256}", file=sys.stderr)  # noqa: T201
            import httpx  # noqa: PLC0415 - only this step needs it

            with httpx.Client(base_url=server.base_url, trust_env=False) as client:  # the filters too
                params = {"query": "atlas", "tag": "chat", "order_by": "name", "direction": "asc"}
                key = {"Authorization": f"Bearer {seeded.admin_key}"}
                client.get("/api/v1/models/list", params=params, headers=key).raise_for_status()
            time.sleep(2 * DUMP_EVERY_S)  # the tracer writes once more after the last request
        found = subprocess.run(  # noqa: S603
            [str(python), str(TRACER), "distributions", str(trace)], check=True, capture_output=True, text=True
        )
    return {name: version for name, version in json.loads(found.stdout).items() if name.lower() not in INSTALLER}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", default=openwebui_env.OPENWEBUI_VERSION, help="open-webui version to lock")
    parser.add_argument(
        "--full-venv", type=Path, help="an existing full install to trace as it is (default: make one in .cache/)"
    )
    args = parser.parse_args(argv)
    if args.full_venv:
        python = args.full_venv / "bin" / "python"
    else:
        python = full_install(args.version, openwebui_env.ROOT / ".cache" / f"openwebui-{args.version}" / "full")
    found = traced_distributions(python)
    if any(name.lower() in BLOCKED for name in found):
        raise SystemExit(f"a blocked package was imported anyway: {sorted(found)}")
    header = f"""\
open-webui {args.version} and what its server imports to start offline and serve the models API
and /openapi.json: {len(found)} distributions, no torch, no CUDA. Wheels from {LOCK_INDEX} for
CPython 3.11 on {LOCK_WHEEL_PLATFORM}, each by URL and SHA-256; installed by
tests/integration/locked_venv.py with `pip install --no-deps --require-hashes -r <this file>`.
Made by `python tests/integration/openwebui_lock.py` (see its docstring): a full install with
resolution, its server run and seeded with {", ".join(BLOCKED)}
made unimportable, and the distributions whose files it imported pinned.
Refresh: run that again (for another open-webui: `--version V`, and OPENWEBUI_VERSION in
openwebui_env.py), then `python3 noxfile.py -s openwebui`
and the live tests (`python3 noxfile.py -s tests -- tests/integration`). Never edit by hand."""
    locked = write_lock(
        openwebui_env.LOCK, [f"{name}=={version}" for name, version in found.items()], header=header, resolve=False
    )
    print(f"wrote {openwebui_env.LOCK}: {len(locked)} wheels", file=sys.stderr)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
