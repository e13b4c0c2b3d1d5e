"""Whole processes, start-up included: what a person at a shell or a CI job waits for.

Each command runs as a child of this process; its wall time is taken around
``Popen`` .. ``os.wait4`` (``time.perf_counter``), and ``os.wait4`` returns that child's
own resource usage: peak RSS (``ru_maxrss``) and CPU time (user + system). CPU time is
shown because it is less sensitive than wall time to other load on the machine. Output
goes to /dev/null; the untimed warm-up run of every command writes to a file instead,
so the number of lines (one a model) is checked, and compiles the ``.pyc`` files the
timed runs load.

Bytecode: every import loads cached bytecode, as after a ``pip install`` (``run.py``
compiles the packages first and drops ``PYTHONDONTWRITEBYTECODE``; see
``child_environment``). Without bytecode, every import compiles its source and
start-up is several times slower.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "scripts"))

import list_httpx_ceiling

HERE = Path(__file__).resolve().parent
SCRIPTS = HERE / "scripts"
PYTHON = sys.executable
CLI = str(Path(sys.executable).parent / "modelcatalog")

#: provider -> (package, script): the official SDKs a user of that provider would reach for
SDK_SCRIPTS = {
    "scenario": ("scenario-sdk", "list_scenario_sdk.py"),
    "truefoundry": ("truefoundry-sdk", "list_truefoundry_sdk.py"),
}
#: what a user imports for one provider; ``{provider}`` is replaced (``run.py --provider-import``)
PROVIDER_IMPORT = "import modelcatalog.providers.{provider}"
#: whole-process imports of the public API and, for scale, of its foundations
PUBLIC_IMPORTS = (
    "import modelcatalog; modelcatalog.Client",
    "import modelcatalog.catalog",
)
REFERENCE_IMPORTS = ("pass", "import httpx", "import msgspec")


@dataclass
class Series:
    """One command, measured several times: a row of a table."""

    group: str  # "truefoundry @ 20 ms", or "start-up"
    label: str
    client: str  # modelcatalog, scenario-sdk, truefoundry-sdk, raw-httpx, httpx-ceiling, python
    argv: list[str]
    kind: str  # list (every model), first-record (--limit 1), first-record-floor, provider-import, help, import
    provider: str | None = None
    latency_ms: int | None = None
    expect_lines: int | None = None  # checked on the warm-up run
    runs: list[dict[str, float]] = field(default_factory=list)
    error: str | None = None

    def median(self, what: str = "seconds") -> float | None:
        values = [run[what] for run in self.runs]
        return statistics.median(values) if values else None

    def summary(self) -> dict[str, Any]:
        seconds = [run["seconds"] for run in self.runs]
        return {
            "group": self.group,
            "label": self.label,
            "client": self.client,
            "kind": self.kind,
            "provider": self.provider,
            "latency_ms": self.latency_ms,
            "argv": [Path(part).name if part in (PYTHON, CLI) else part for part in self.argv],
            "runs": self.runs,
            "error": self.error,
            "median": self.median(),
            "min": min(seconds) if seconds else None,
            "max": max(seconds) if seconds else None,
            "cpu_median": self.median("cpu_seconds"),
            "peak_rss_kib_median": self.median("peak_rss_kib"),
        }


def run_process(argv: list[str], stdout: Any = subprocess.DEVNULL) -> dict[str, Any]:
    """Wall time, CPU time and peak RSS of one child process; {"error": ...} when it failed."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    assert process.stderr is not None  # noqa: S101 - Popen with stderr=PIPE
    stderr = process.stderr.read()  # the child cannot block on a full pipe; EOF when it exits
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        return {"error": f"exit {process.returncode}: {stderr.decode(errors='replace').strip()[-300:]}"}
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_kib": usage.ru_maxrss}


def warm_up(series: Series) -> None:
    """One untimed run: compiles bytecode, and checks the exit status and the number of lines."""
    with tempfile.TemporaryFile() as output:
        result = run_process(series.argv, stdout=output)
        output.seek(0)
        lines = sum(1 for _ in output)
    if "error" in result:
        series.error = result["error"]
    elif series.expect_lines is not None and lines != series.expect_lines:
        series.error = f"printed {lines} lines, expected {series.expect_lines}"


def measure(series: list[Series], rounds: int, progress: Any) -> None:
    """Warm every command up, then ``rounds`` interleaved rounds (A, B, C, A, B, C, ...)."""
    for row in series:
        warm_up(row)
        if row.error:
            progress(f"{row.group:<22} {row.label:<44} {row.error}")
    for round_number in range(rounds):
        for row in series:
            if row.error:
                continue
            result = run_process(row.argv)
            if "error" in result:
                row.error = result["error"]
                continue
            row.runs.append(result)
            progress(
                f"round {round_number + 1}/{rounds} {row.group:<22} {row.label:<44} "
                f"{result['seconds']:7.3f} s {result['peak_rss_kib'] / 1024:6.1f} MB"
            )


def _version(package: str) -> str:
    try:
        return f"{package} {metadata.version(package)}"
    except metadata.PackageNotFoundError:
        return package


def list_command(provider: str, base_url: str, *options: str) -> list[str]:
    """``modelcatalog list`` of one provider against the bench server, ndjson out."""
    return [CLI, "list", "--provider", provider, "--base-url", base_url, "--format", "ndjson", *options]


def listing_series(url: str, count: int, latencies: list[int], providers: list[str]) -> list[Series]:
    """Per provider and latency: the command, the provider's SDK as a user's script, the raw httpx loop.

    And, where the command fetches pages concurrently, the httpx ceiling: its own requests with nothing else.
    """
    rows: list[Series] = []
    for latency in latencies:
        for provider in providers:
            group, base = f"{provider} @ {latency} ms", f"{url}/bench/{latency}/{count}"
            where = {"provider": provider, "latency_ms": latency, "expect_lines": count}
            command = list_command(provider, base)
            rows.append(Series(group, "`modelcatalog list --format ndjson`", "modelcatalog", command, "list", **where))
            if provider in SDK_SCRIPTS:
                package, script = SDK_SCRIPTS[provider]
                rows.append(
                    Series(
                        group,
                        f"{_version(package)} (defaults), a user's script",
                        package,
                        [PYTHON, str(SCRIPTS / script), base],
                        "list",
                        **where,
                    )
                )
            rows.append(
                Series(
                    group,
                    "raw httpx loop (sequential), a script",
                    "raw-httpx",
                    [PYTHON, str(SCRIPTS / "list_raw_httpx.py"), provider, base],
                    "list",
                    **where,
                )
            )
            if provider in list_httpx_ceiling.PATHS:
                rows.append(
                    Series(
                        group,
                        f"httpx ceiling: the command's requests ({list_httpx_ceiling.CONCURRENCY} at a time) alone",
                        "httpx-ceiling",
                        [PYTHON, str(SCRIPTS / "list_httpx_ceiling.py"), provider, base],
                        "list",
                        **where,
                    )
                )
    return rows


def startup_series(url: str, count: int, providers: list[str], provider_imports: list[str]) -> list[Series]:
    """Per provider: ``list --limit 1``, its raw-httpx floor, a one-provider import; then the help and references."""
    rows: list[Series] = []
    for provider in providers:
        base = f"{url}/bench/0/{count}"
        command = list_command(provider, base, "--limit", "1")
        rows.append(
            Series(
                "start-up",
                f"`modelcatalog list -p {provider} --limit 1`",
                "modelcatalog",
                command,
                "first-record",
                provider,
                0,
                1,
            )
        )
        rows.append(
            Series(
                "start-up",
                f"raw httpx loop, first record ({provider})",
                "raw-httpx",
                [PYTHON, str(SCRIPTS / "list_raw_httpx.py"), provider, base, "--first", "1"],
                "first-record-floor",
                provider,
                0,
                1,
            )
        )
        for template in provider_imports:
            statement = template.format(provider=provider)
            rows.append(
                Series(
                    "start-up",
                    f"`python -c '{statement}'`",
                    "python",
                    [PYTHON, "-c", statement],
                    "provider-import",
                    provider,
                    None,
                    0,
                )
            )
    rows.append(Series("start-up", "`modelcatalog --help`", "modelcatalog", [CLI, "--help"], "help"))
    rows.extend(
        Series("start-up", f"`python -c '{statement}'`", "python", [PYTHON, "-c", statement], "import", expect_lines=0)
        for statement in (*PUBLIC_IMPORTS, *REFERENCE_IMPORTS)
    )
    return rows
