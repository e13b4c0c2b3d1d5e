"""Run every benchmark comparison in one go, interleaved, and print times and ratios.

    python3 noxfile.py -s bench              # the full run recorded in BENCHMARKS.md
    python3 noxfile.py -s bench -- --quick   # small counts, one round (the smoke test)

Listings run against ``bench/server.py`` on 127.0.0.1, each measurement in a fresh
interpreter (``bench/contenders.py``). Rounds are interleaved (A, B, C, A, B, C, ...)
so drift in machine load hits every contender alike; the table shows medians. Results
also go to ``bench/results/latest.json``. Benchmarks never fail on time: the exit
status is non-zero only when a contender crashed or listed the wrong number of models.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from modelcatalog.providers import PROVIDERS as SPECS
from payloads import PAGED, PROVIDERS

if TYPE_CHECKING:
    from collections.abc import Iterator

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "latest.json"
BIN = Path(sys.executable).parent
CLI = BIN / "modelcatalog"
#: every provider's credential variables, for the command
ENV = {
    spec.env_var: "bench-secret" if spec.argument == "api_secret" else "bench-key"
    for provider in PROVIDERS
    for spec in SPECS[provider].credentials
}


@dataclass
class Contender:
    """One row of a comparison: who lists, with which options."""

    group: str  # e.g. "truefoundry @ 20 ms"
    provider: str
    latency_ms: int
    label: str
    client: str
    options: dict[str, Any] = field(default_factory=dict)
    seconds: list[float] = field(default_factory=list)
    items: int | None = None
    peak_rss_kib: int | None = None
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None


# -- the loopback server ----------------------------------------------------------------------


@contextlib.contextmanager
def loopback_server(count: int) -> Iterator[str]:
    """Start bench/server.py on a free port; yield its URL; stop it (by its own pid)."""
    process = subprocess.Popen(
        [sys.executable, str(HERE / "server.py"), "--port", "0", "--count", str(count)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None  # noqa: S101 - Popen with stdout=PIPE
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"bench server did not start (said {url!r})")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _measure(spec: dict[str, Any], timeout: float = 600) -> dict[str, Any]:
    """One measurement in a fresh interpreter; {"error": ...} when it failed."""
    completed = subprocess.run(
        [sys.executable, str(HERE / "contenders.py"), json.dumps(spec)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        tail = (completed.stderr or completed.stdout).strip().splitlines()[-3:]
        return {"error": " | ".join(tail) or f"exit {completed.returncode}"}
    return json.loads(completed.stdout.strip().splitlines()[-1])


# -- comparisons ------------------------------------------------------------------------------


def listing_contenders(latencies: list[int]) -> list[Contender]:
    rows: list[Contender] = []
    for latency in latencies:
        group = f"@ {latency} ms"
        rows += [
            Contender(f"scenario {group}", "scenario", latency, "modelcatalog (defaults)", "modelcatalog"),
            Contender(f"scenario {group}", "scenario", latency, "scenario-sdk 2.4.0 (defaults)", "scenario-sdk"),
            Contender(
                f"scenario {group}", "scenario", latency, "scenario-sdk 2.4.0 page_size=500", "scenario-sdk",
                {"page_size": 500},
            ),
            Contender(f"scenario {group}", "scenario", latency, "raw httpx loop, 100/page", "raw-httpx",
                      {"page_size": 100}),
            Contender(f"truefoundry {group}", "truefoundry", latency, "modelcatalog (defaults)", "modelcatalog"),
            Contender(f"truefoundry {group}", "truefoundry", latency, "modelcatalog concurrency=16", "modelcatalog",
                      {"concurrency": 16}),
            Contender(f"truefoundry {group}", "truefoundry", latency, "truefoundry-sdk 0.6.0 pager", "truefoundry-sdk"),
            Contender(f"truefoundry {group}", "truefoundry", latency, "raw httpx loop, 100/page", "raw-httpx",
                      {"page_size": 100}),
            Contender(f"openwebui {group}", "openwebui", latency, "modelcatalog (defaults)", "modelcatalog"),
            Contender(f"openwebui {group}", "openwebui", latency, "modelcatalog concurrency=16", "modelcatalog",
                      {"concurrency": 16}),
            Contender(f"openwebui {group}", "openwebui", latency, "raw httpx loop, 30/page", "raw-httpx"),
        ]  # fmt: skip
    return rows


def run_listings(url: str, count: int, rounds: int, latencies: list[int]) -> list[Contender]:
    rows = listing_contenders(latencies)
    for round_number in range(rounds):
        for row in rows:
            if row.error:
                continue
            spec = {
                "kind": "list",
                "client": row.client,
                "provider": row.provider,
                "base_url": f"{url}/bench/{row.latency_ms}/{count}",
                "options": row.options,
            }
            result = _measure(spec)
            if "error" in result:
                row.error = result["error"]
            elif result["items"] != count:
                row.error = f"listed {result['items']} of {count} models"
            else:
                row.seconds.append(result["seconds"])
                row.items = result["items"]
                row.peak_rss_kib = max(row.peak_rss_kib or 0, result["peak_rss_kib"])
            _progress(f"round {round_number + 1}/{rounds} {row.group:<22} {row.label:<34} {_fmt(row.seconds[-1:])}")
    return rows


def run_parse(count: int, rounds: int) -> dict[str, dict[str, Any]]:
    out = {}
    for provider in PROVIDERS:
        out[provider] = _measure({"kind": "parse", "provider": provider, "count": count, "rounds": rounds})
        _progress(f"parse {provider}: {out[provider]}")
    return out


def run_memory(url: str, count: int) -> dict[str, dict[str, Any]]:
    """Peak RSS growth while the library streams ``count`` models (each provider, 0 ms)."""
    out = {}
    for provider in PAGED:
        spec = {"kind": "list", "client": "modelcatalog", "provider": provider, "base_url": f"{url}/bench/0/{count}"}
        out[provider] = _measure(spec, timeout=900)
        _progress(f"memory {provider}: {out[provider]}")
    return out


# -- the command ------------------------------------------------------------------------------


def cli_available() -> str | None:
    """None when ``modelcatalog list`` exists, else why it cannot be measured."""
    if not CLI.exists():
        return f"{CLI} not installed"
    probe = subprocess.run([str(CLI), "list", "--help"], capture_output=True, text=True, check=False)
    if probe.returncode != 0 or "--provider" not in probe.stdout:
        return f"`modelcatalog list` not implemented yet ({(probe.stderr or probe.stdout).strip()[-120:]})"
    return None


def _run_cli(arguments: list[str]) -> dict[str, Any]:
    """Wall time and peak RSS of the whole process, start-up included."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(CLI), *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **ENV}
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        return {"error": f"exit {process.returncode}: {stderr.strip()[-200:]}"}
    return {"seconds": seconds, "peak_rss_kib": usage.ru_maxrss}


def run_cli(url: str, count: int, memory_count: int, rounds: int, latencies: list[int]) -> dict[str, Any]:
    out: dict[str, Any] = {"help": _startup(rounds=max(rounds * 2, 3))}
    why = cli_available()
    if why is not None:
        out["list"] = {"unavailable": why}
        _progress(f"cli: {why}")
        return out
    listing: dict[str, Any] = {}
    for latency in latencies:
        for _ in range(rounds):  # interleaved across providers
            for provider in PAGED:
                key = f"{provider} @ {latency} ms"
                result = _run_cli(_list_args(provider, f"{url}/bench/{latency}/{count}"))
                entry = listing.setdefault(key, {"seconds": []})
                if "error" in result:
                    entry["error"] = result["error"]
                else:
                    entry["seconds"].append(result["seconds"])
                    entry["peak_rss_kib"] = result["peak_rss_kib"]
                _progress(f"cli {key}: {result}")
    for provider in PAGED:
        result = _run_cli(_list_args(provider, f"{url}/bench/0/{memory_count}"))
        listing[f"{provider} stream {memory_count}"] = result
        _progress(f"cli stream {provider}: {result}")
    out["list"] = listing
    return out


def _list_args(provider: str, base_url: str) -> list[str]:
    return ["list", "--provider", provider, "--base-url", base_url, "--format", "ndjson"]


def _startup(rounds: int) -> dict[str, Any]:
    """``modelcatalog --help`` wall time, against a bare ``python -c pass`` for scale."""
    if not CLI.exists():
        return {"error": f"{CLI} not installed"}

    def timed(command: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - started

    timed([str(CLI), "--help"])  # warm the page cache and .pyc files
    help_times = [timed([str(CLI), "--help"]) for _ in range(rounds)]
    bare = [timed([sys.executable, "-c", "pass"]) for _ in range(rounds)]
    return {"seconds": help_times, "median": statistics.median(help_times), "python_bare": statistics.median(bare)}


# -- report -----------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = {}
    for name in ("modelcatalog", "httpx", "msgspec", "scenario-sdk", "truefoundry-sdk", "pydantic", "uvloop"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[name] = metadata.version(name)
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_at_start": os.getloadavg(),
        "versions": versions,
    }


def _fmt(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):7.3f} s" if seconds else "      -  "


def listing_table(rows: list[Contender]) -> str:
    lines = [
        "| comparison | contender | median | min | max | vs modelcatalog |",
        "|---|---|---:|---:|---:|---:|",
    ]
    groups: dict[str, list[Contender]] = {}
    for row in rows:
        groups.setdefault(row.group, []).append(row)
    for group, members in groups.items():
        ours = members[0].median
        for row in members:
            if row.error:
                lines.append(f"| {group} | {row.label} | error: {_clean(row.error)[:100]} | | | |")
                continue
            ratio = "" if row is members[0] or ours is None else f"{(row.median or 0) / ours:.1f}x slower"
            if row.client == "modelcatalog" and row is not members[0] and ours is not None:
                ratio = f"{ours / (row.median or 1):.2f}x the default's speed"
            lines.append(
                f"| {group} | {row.label} | {row.median:.3f} s | {min(row.seconds):.3f} "
                f"| {max(row.seconds):.3f} | {ratio} |"
            )
    return "\n".join(lines)


def targets(
    rows: list[Contender], parse: dict[str, Any], memory: dict[str, Any], cli: dict[str, Any]
) -> list[dict[str, Any]]:
    """The issue's targets, each with the measured value and whether it is met."""

    def median(group: str, label: str) -> float | None:
        for row in rows:
            if row.group == group and row.label == label and not row.error:
                return row.median
        return None

    def ratio(group: str, other: str, mine: str = "modelcatalog (defaults)") -> float | None:
        theirs, ours = median(group, other), median(group, mine)
        return None if theirs is None or ours is None else theirs / ours

    checks: list[tuple[str, float | None, float, str]] = []
    for provider, seq in (("truefoundry", "raw httpx loop, 100/page"), ("openwebui", "raw httpx loop, 30/page")):
        checks.append(
            (f"{provider} @ 20 ms: >= 10x a sequential client ({seq})", ratio(f"{provider} @ 20 ms", seq), 10, "x")
        )
    checks.append(("truefoundry @ 20 ms: >= 10x truefoundry-sdk (sequential)",
                   ratio("truefoundry @ 20 ms", "truefoundry-sdk 0.6.0 pager"), 10, "x"))  # fmt: skip
    checks.append(("scenario @ 20 ms: >= 2x scenario-sdk defaults",
                   ratio("scenario @ 20 ms", "scenario-sdk 2.4.0 (defaults)"), 2, "x"))  # fmt: skip
    checks.append(("scenario @ 0 ms: >= 5x scenario-sdk defaults",
                   ratio("scenario @ 0 ms", "scenario-sdk 2.4.0 (defaults)"), 5, "x"))  # fmt: skip
    checks.append(("truefoundry @ 0 ms: >= 3x truefoundry-sdk",
                   ratio("truefoundry @ 0 ms", "truefoundry-sdk 0.6.0 pager"), 3, "x"))  # fmt: skip
    for provider in ("scenario", "truefoundry"):
        result = parse.get(provider, {})
        value = result.get("decode_normalize_records_per_s", result.get("decode_records_per_s"))
        what = "parse+normalize" if "decode_normalize_records_per_s" in result else "parse only (no normalizer yet)"
        checks.append((f"{provider} {what} >= 50,000 records/s", value, 50_000, "records/s"))
    for provider, result in memory.items():
        growth = result.get("rss_growth_kib")
        checks.append((f"{provider}: RSS growth streaming the models < 64 MB (library)",
                       None if growth is None else growth / 1024, 64, "MB<"))  # fmt: skip
    help_median = cli.get("help", {}).get("median")
    checks.append(("`modelcatalog --help` starts in < 0.3 s", help_median, 0.3, "s<"))
    out = []
    for name, value, goal, unit in checks:
        met = None if value is None else (value < goal if unit.endswith("<") else value >= goal)
        out.append({"target": name, "value": value, "goal": goal, "unit": unit.rstrip("<"), "met": met})
    return out


def targets_table(checks: list[dict[str, Any]]) -> str:
    lines = ["| target | measured | met |", "|---|---:|:---:|"]
    for check in checks:
        value = "n/a" if check["value"] is None else f"{check['value']:,.2f} {check['unit']}"
        met = {True: "yes", False: "**no**", None: "n/a"}[check["met"]]
        lines.append(f"| {check['target']} | {value} | {met} |")
    return "\n".join(lines)


def other_tables(parse: dict[str, Any], memory: dict[str, Any], cli: dict[str, Any]) -> str:
    lines = [
        "| provider | records | MB | decode records/s | decode+normalize records/s | official SDK parse records/s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for provider, result in parse.items():
        if "error" in result:
            lines.append(f"| {provider} | error: {_clean(result['error'])[:100]} | | | | |")
            continue
        normalized = result.get("decode_normalize_records_per_s")
        sdk = result.get("sdk_parse_records_per_s")
        lines.append(
            f"| {provider} | {result['records']:,} | {result['bytes'] / 1e6:.1f} "
            f"| {result['decode_records_per_s']:,.0f} "
            f"| {'n/a' if normalized is None else f'{normalized:,.0f}'} | {'' if sdk is None else f'{sdk:,.0f}'} |"
        )
    lines += [
        "",
        "| library, streaming | models | time | RSS before | peak RSS | growth |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for provider, result in memory.items():
        if "error" in result:
            lines.append(f"| {provider} | error: {_clean(result['error'])[:100]} | | | | |")
            continue
        lines.append(
            f"| {provider} | {result['items']:,} | {result['seconds']:.2f} s "
            f"| {result['rss_before_kib'] / 1024:.1f} MB "
            f"| {result['peak_rss_kib'] / 1024:.1f} MB | {result['rss_growth_kib'] / 1024:.1f} MB |"
        )
    help_ = cli.get("help", {})
    lines += ["", "| command (whole process) | median | peak RSS |", "|---|---:|---:|"]
    if "median" in help_:
        lines.append(f"| `modelcatalog --help` | {help_['median']:.3f} s | |")
        lines.append(f"| `python -c pass` (for scale) | {help_['python_bare']:.3f} s | |")
    listing = cli.get("list", {})
    if "unavailable" in listing:
        lines.append(f"| `modelcatalog list ...` | not measured: {listing['unavailable']} | |")
    else:
        for key, entry in listing.items():
            if "error" in entry:
                lines.append(f"| `modelcatalog list` {key} | error: {_clean(entry['error'])[:100]} | |")
                continue
            seconds = entry["seconds"]
            shown = statistics.median(seconds) if isinstance(seconds, list) else seconds
            lines.append(f"| `modelcatalog list` {key} | {shown:.3f} s | {entry['peak_rss_kib'] / 1024:.1f} MB |")
    return "\n".join(lines)


def _clean(text: str) -> str:
    return " ".join(text.split()).replace("|", "/")


def _progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts and one round (the smoke test)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 5; 1 with --quick)")
    parser.add_argument("--count", type=int, help="models listed per comparison (default 10,000)")
    parser.add_argument("--memory-count", type=int, help="models streamed for peak RSS (default 200,000)")
    parser.add_argument("--latencies", default="0,20", help="per-request latencies in ms (default 0,20)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    rounds = args.rounds or (1 if args.quick else 5)
    count = args.count or (300 if args.quick else 10_000)
    memory_count = args.memory_count or (3_000 if args.quick else 200_000)
    latencies = [int(x) for x in args.latencies.split(",")]

    info = machine()
    print(f"machine: {info['nproc']} CPUs ({info['cpu']}), Python {info['python']}, {info['platform']}")
    started = time.perf_counter()
    with loopback_server(count) as url:
        rows = run_listings(url, count, rounds, latencies)
        parse = run_parse(count, rounds=max(rounds, 1) if args.quick else 5)
        memory = run_memory(url, memory_count)
        cli = run_cli(url, count, memory_count, rounds, latencies)
    checks = targets(rows, parse, memory, cli)
    report = "\n\n".join([
        f"Listing {count:,} models (median of {rounds} interleaved rounds, each in a fresh process):",
        listing_table(rows),
        f"Parse throughput ({count:,} records), memory ({memory_count:,} models), the command:",
        other_tables(parse, memory, cli),
        "Targets:",
        targets_table(checks),
    ])  # fmt: skip
    print(report)
    elapsed = time.perf_counter() - started
    print(f"\n(bench took {elapsed:.0f} s)")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "machine": info,
                "settings": {"count": count, "memory_count": memory_count, "rounds": rounds, "latencies_ms": latencies},
                "listings": [row.__dict__ | {"median": row.median} for row in rows],
                "parse": parse,
                "memory": memory,
                "cli": cli,
                "targets": checks,
                "elapsed_s": elapsed,
            },
            indent=2,
        )
        + "\n"
    )
    failures = [row for row in rows if row.error] + [r for r in [*parse.values(), *memory.values()] if "error" in r]
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
