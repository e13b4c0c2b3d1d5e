"""Which installed distributions a Python server really imports: the input of a peer's lock.

Run by the full (resolved) install's own Python, never by the tests::

    python import_trace.py run TRACE BLOCKED ENTRY [ARG ...]   # run ENTRY ("module:callable")
    python import_trace.py distributions TRACE                  # {name: version} it imported, as JSON

``run`` makes every top-level module named in BLOCKED (comma-separated) fail to import as if
it were not installed, so optional heavy dependencies (torch) stay out, and writes the file
of every imported module to TRACE once a second (a server stopped by a signal may never
reach ``atexit``). ``distributions`` maps those files to the distributions whose RECORD
lists them. Standard library only.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.metadata
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

DUMP_EVERY_S = 1.0


class _Blocked(importlib.abc.MetaPathFinder):
    """Imports of the blocked top-level names fail the way a missing package fails."""

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> None:  # noqa: ARG002
        if fullname.partition(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {fullname!r} (blocked by import_trace)", name=fullname)


def _imported_files() -> list[str]:
    files = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if file:
            files.add(os.path.realpath(file))
    return sorted(files)


def _dump_forever(trace: Path) -> None:
    while True:
        time.sleep(DUMP_EVERY_S)
        partial = trace.with_suffix(".partial")
        partial.write_text(json.dumps(_imported_files()))
        partial.replace(trace)


def run(trace: Path, blocked: str, entry: str, args: list[str]) -> object:
    sys.meta_path.insert(0, _Blocked({name for name in blocked.split(",") if name}))
    threading.Thread(target=_dump_forever, args=(trace,), daemon=True).start()
    module, _, attribute = entry.partition(":")
    sys.argv = [module.replace("_", "-"), *args]
    return getattr(importlib.import_module(module), attribute)()


def distributions(trace: Path) -> dict[str, str]:
    imported = set(json.loads(trace.read_text()))
    found: dict[str, str] = {}
    for dist in importlib.metadata.distributions():
        for file in dist.files or ():
            if os.path.realpath(dist.locate_file(file)) in imported:
                found[dist.metadata["Name"]] = dist.version
                break
    return dict(sorted(found.items()))


if __name__ == "__main__":
    command, trace_path, *rest = sys.argv[1:]
    if command == "run":
        sys.exit(run(Path(trace_path), rest[0], rest[1], rest[2:]))
    if command == "distributions":
        print(json.dumps(distributions(Path(trace_path)), indent=1))  # noqa: T201
        sys.exit(0)
    sys.exit(f"unknown command {command!r}: run or distributions")
