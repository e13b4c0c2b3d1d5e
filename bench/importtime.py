"""Where a command's start-up goes: ``python -X importtime``, grouped by what the modules are for.

Each import's *self* time belongs to exactly one group, so a command's groups add up to
its total import time; *cumulative* times (a module and everything it imported first)
overlap and are shown only for the top modules. Groups are matched by module-name
prefix, first match wins, so a module moved inside ``modelcatalog`` (issue 11) still
lands in a ``modelcatalog`` group. Failed optional imports (``nt``, ``trio``, ...) count:
the attempt costs time too.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from typing import Any

#: (group, module-name prefixes): the first group with a matching prefix wins
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("generated structs (msgspec)", ("modelcatalog_generated.structs",)),
    ("generated attrs clients", ("modelcatalog_generated",)),
    ("modelcatalog.catalog", ("modelcatalog.catalog",)),
    ("modelcatalog.providers", ("modelcatalog.providers",)),
    (
        "modelcatalog command",
        ("modelcatalog.cli", "modelcatalog.__main__", "modelcatalog._console", "modelcatalog._formats"),
    ),
    ("modelcatalog (other)", ("modelcatalog",)),
    (
        "httpx + httpcore (h11, h2, anyio, idna, certifi)",
        (
            "httpx",
            "httpcore",
            "h11",
            "h2",
            "hpack",
            "hyperframe",
            "anyio",
            "sniffio",
            "idna",
            "certifi",
            "socksio",
            "trio",
            "zstandard",
            "brotli",
            "brotlicffi",
        ),
    ),
    ("ssl", ("ssl", "_ssl")),
    ("msgspec", ("msgspec",)),
    ("attrs + dateutil (for the generated clients)", ("attr", "attrs", "dateutil", "six")),
    ("stdlib: asyncio, concurrent", ("asyncio", "concurrent", "selectors")),
    ("stdlib: email, http, urllib", ("email", "http", "urllib")),
)
STDLIB = "stdlib (other)"
OTHER = "other third-party"


def group_of(module: str) -> str:
    for group, prefixes in GROUPS:
        if any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes):
            return group
    return STDLIB if module.split(".", 1)[0] in sys.stdlib_module_names else OTHER


def parse(stderr: str) -> dict[str, tuple[int, int]]:
    """module -> (self µs, cumulative µs) from one ``-X importtime`` run (repeated attempts: self summed)."""
    out: dict[str, tuple[int, int]] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|", 2)
        module = name.strip()
        before = out.get(module, (0, 0))
        out[module] = (before[0] + int(own), max(before[1], int(cumulative)))
    return out


def profile(argv: list[str], rounds: int, top: int = 15) -> dict[str, Any]:
    """Median over ``rounds`` runs of ``python -X importtime <argv...>``: total, groups, top modules (ms)."""
    runs = []
    for _ in range(rounds):
        completed = subprocess.run(
            [sys.executable, "-X", "importtime", *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            return {"error": f"exit {completed.returncode}: {completed.stderr.strip()[-200:]}"}
        runs.append(parse(completed.stderr))
    modules = set().union(*runs)

    def median(module: str, index: int) -> float:
        return statistics.median(run.get(module, (0, 0))[index] for run in runs) / 1000

    groups: dict[str, float] = {}
    for module in modules:
        groups[group_of(module)] = groups.get(group_of(module), 0.0) + median(module, 0)
    totals = [sum(own for own, _ in run.values()) / 1000 for run in runs]
    ranked = sorted(modules, key=lambda module: median(module, 1), reverse=True)[:top]
    return {
        "total_ms": statistics.median(totals),
        "modules": len(modules),
        "groups_ms": dict(sorted(groups.items(), key=lambda item: -item[1])),
        "top_cumulative_ms": [
            {"module": module, "cumulative_ms": median(module, 1), "self_ms": median(module, 0)} for module in ranked
        ],
    }
