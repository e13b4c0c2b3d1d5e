"""Run every benchmark comparison in one go, interleaved, and print times and ratios.

    python3 noxfile.py -s bench              # the full run recorded in BENCHMARKS.md
    python3 noxfile.py -s bench -- --quick   # small counts, one round (the smoke test)
    python3 noxfile.py -s bench -- --sections startup   # start-up only (issue 13's inner loop)

Listings run against ``bench/server.py`` on 127.0.0.1. In-process, each measurement
runs in a fresh interpreter (``bench/contenders.py``); whole processes (the command, each
SDK and a raw loop as a user's script, start-up) are run and timed by
``bench/processes.py``; start-up is taken apart by ``bench/importtime.py`` and
``bench/startup_costs.py``. Rounds are interleaved (A, B, C, A, B, C, ...) so drift in
machine load hits every contender alike; the tables show medians. Results also go to
``bench/results/latest.json``; the targets compare with the run recorded there before
(``--baseline``) and, with ``--base REF``, with the library at commit REF measured in the same
run, which a machine that is faster or slower than on the recorded day cannot mislead.
Benchmarks never fail on time: the exit status is non-zero only when a contender crashed or
listed the wrong number of models.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import importtime
import payloads
import processes
import report
import targets
from modelcatalog.providers import PROVIDERS as SPECS
from modelcatalog_generated.registry import PROVIDERS

if TYPE_CHECKING:
    from collections.abc import Iterator

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "latest.json"
#: every provider's credential variables, for the command
ENV = {
    spec.env_var: "bench-secret" if spec.argument == "api_secret" else "bench-key"
    for provider in PROVIDERS
    for spec in SPECS[provider].credentials
}
SECTIONS = ("listings", "parse", "memory", "processes", "startup", "stream")


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
    #: the ``--base`` tree this row measures (None: this checkout)
    tree: str | None = None

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


def _measure(spec: dict[str, Any], timeout: float = 600, tree: str | None = None) -> dict[str, Any]:
    """One measurement in a fresh interpreter; {"error": ...} when it failed.

    With ``tree`` (a ``--base`` commit's files), that commit's own contenders measure that
    commit's library.
    """
    env = None
    contenders = HERE / "contenders.py"
    if tree is not None:
        root = Path(tree)
        env = os.environ | {"PYTHONPATH": os.pathsep.join(str(root / part) for part in ("wrapper", "generated"))}
        contenders = root / "bench" / "contenders.py"
    completed = subprocess.run(
        [sys.executable, str(contenders), json.dumps(spec)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env,
    )
    if completed.returncode != 0:
        tail = (completed.stderr or completed.stdout).strip().splitlines()[-3:]
        return {"error": " | ".join(tail) or f"exit {completed.returncode}"}
    return json.loads(completed.stdout.strip().splitlines()[-1])


# -- comparisons ------------------------------------------------------------------------------


def listing_contenders(latencies: list[int], base: Base | None = None) -> list[Contender]:
    """Every in-process row; with ``base``, each "modelcatalog (defaults)" row has a twin measuring that commit."""
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
    if base is None:
        return rows
    twinned: list[Contender] = []
    for row in rows:
        twinned.append(row)
        if row.client == "modelcatalog" and not row.options:
            label = f"modelcatalog at {base.ref} (defaults)"
            twinned.append(Contender(row.group, row.provider, row.latency_ms, label, row.client, tree=str(base.tree)))
    return twinned


def run_listings(url: str, count: int, rounds: int, latencies: list[int], base: Base | None) -> list[Contender]:
    rows = listing_contenders(latencies, base)
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
            result = _measure(spec, tree=row.tree)
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


def run_parse(count: int, rounds: int, base: Base | None) -> dict[str, dict[str, Any]]:
    """Decode (and normalize) rates per provider; with ``base``, that commit's right after each."""
    out: dict[str, dict[str, Any]] = {}
    for provider in payloads.PROVIDERS:
        spec = {"kind": "parse", "provider": provider, "count": count, "rounds": rounds}
        out[provider] = _measure(spec)
        _progress(f"parse {provider}: {out[provider]}")
        if base is not None:
            base.parse[provider] = _measure(spec, tree=str(base.tree))
            _progress(f"parse {provider} at {base.ref}: {base.parse[provider]}")
    return out


def run_memory(url: str, count: int, base: Base | None) -> dict[str, dict[str, Any]]:
    """Peak RSS growth while the library streams ``count`` models (each provider, 0 ms); ``base``'s after each."""
    out: dict[str, dict[str, Any]] = {}
    for provider in payloads.PAGED:
        spec = {"kind": "list", "client": "modelcatalog", "provider": provider, "base_url": f"{url}/bench/0/{count}"}
        out[provider] = _measure(spec, timeout=900)
        _progress(f"memory {provider}: {out[provider]}")
        if base is not None:
            base.memory[provider] = _measure(spec, timeout=900, tree=str(base.tree))
            _progress(f"memory {provider} at {base.ref}: {base.memory[provider]}")
    return out


@dataclass
class Base:
    """``--base REF``: the library, its generated clients and its bench contenders as they were at a commit."""

    ref: str
    commit: str
    tree: Path
    parse: dict[str, dict[str, Any]] = field(default_factory=dict)
    memory: dict[str, dict[str, Any]] = field(default_factory=dict)

    def reference(self, rows: list[Contender]) -> dict[str, Any]:
        """What it measured, shaped like a recorded run (``--baseline``), for the no-loss checks."""
        listings = [
            {"group": row.group, "label": "modelcatalog (defaults)", "client": row.client, "options": {}}
            | {"latency_ms": row.latency_ms, "median": row.median}
            for row in rows
            if row.tree is not None and not row.error
        ]
        parse = {provider: result for provider, result in self.parse.items() if "error" not in result}
        memory = {provider: result for provider, result in self.memory.items() if "error" not in result}
        return {"listings": listings, "parse": parse, "memory": memory}

    def summary(self) -> dict[str, Any]:
        return {"ref": self.ref, "commit": self.commit, "parse": self.parse, "memory": self.memory}


@contextlib.contextmanager
def base_tree(ref: str | None) -> Iterator[Base | None]:
    """``ref``'s ``wrapper/``, ``generated/`` and ``bench/`` in a temporary directory (``git archive``), compiled."""
    if ref is None:
        yield None
        return
    git = ["git", "-C", str(HERE.parent)]
    verify = [*git, "rev-parse", "--verify", f"{ref}^{{commit}}"]
    resolved = subprocess.run(verify, capture_output=True, text=True, check=False)
    if resolved.returncode != 0:
        raise SystemExit(f"bench: --base {ref!r} is not a commit of this repository: {resolved.stderr.strip()}")
    commit = resolved.stdout.strip()
    with tempfile.TemporaryDirectory(prefix="modelcatalog-base-") as tree:
        archive = subprocess.run(
            [*git, "archive", "--format=tar", commit, "wrapper", "generated", "bench"], capture_output=True, check=True
        )
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tree, filter="data")
        compile_all = [sys.executable, "-m", "compileall", "-q", "-j", "0", tree]
        subprocess.run(compile_all, stdout=subprocess.DEVNULL, check=False)
        yield Base(ref, commit, Path(tree))


# -- whole processes and start-up -------------------------------------------------------------


def served_providers() -> list[str]:
    """The registry's providers that the bench server serves (a new provider needs payloads first)."""
    missing = [p for p in PROVIDERS if p not in payloads.PROVIDERS]
    if missing:
        _progress(f"not served by bench/server.py, so not measured: {', '.join(missing)}")
    return [p for p in PROVIDERS if p in payloads.PROVIDERS]


def run_whole_processes(url: str, count: int, rounds: int, latencies: list[int]) -> list[processes.Series]:
    series = processes.listing_series(url, count, latencies, served_providers())
    processes.measure(series, rounds, _progress)
    return series


def run_startup(url: str, count: int, rounds: int, provider_imports: list[str]) -> list[processes.Series]:
    series = processes.startup_series(url, count, served_providers(), provider_imports)
    processes.measure(series, rounds, _progress)
    return series


def run_importtime(url: str, count: int, rounds: int, provider_imports: list[str]) -> dict[str, dict[str, Any]]:
    """``-X importtime`` of the help, each provider's import and its ``list --limit 1``."""
    commands = {"`modelcatalog --help`": [processes.CLI, "--help"]}
    for provider in served_providers():
        statement = provider_imports[0].format(provider=provider)
        commands[f"`{statement}`"] = ["-c", statement]
        commands[f"`list -p {provider} --limit 1`"] = processes.list_command(
            provider, f"{url}/bench/0/{count}", "--limit", "1"
        )
    out = {}
    for name, argv in commands.items():
        out[name] = importtime.profile(argv, rounds)
        _progress(f"importtime {name}: {out[name].get('total_ms', out[name].get('error'))}")
    return out


def run_costs(url: str, count: int, rounds: int) -> dict[str, dict[str, Any]]:
    """Per provider, medians over ``rounds`` fresh interpreters of each ``bench/startup_costs.py`` mode."""
    out: dict[str, dict[str, Any]] = {}
    for provider in served_providers():
        runs: dict[str, list[dict[str, Any]]] = {"phases": [], "profile": [], "pieces": []}
        entry: dict[str, Any] = {}
        for _ in range(rounds):
            for mode, results in runs.items():
                completed = subprocess.run(
                    [sys.executable, str(HERE / "startup_costs.py"), mode, provider, f"{url}/bench/0/{count}"],
                    capture_output=True,
                    text=True,
                    timeout=300,
                    check=False,
                )
                if completed.returncode != 0:
                    entry["error"] = f"{mode}: {(completed.stderr or completed.stdout).strip()[-300:]}"
                    continue
                results.append(json.loads(completed.stdout.strip().splitlines()[-1]))
        entry["phases"] = _medians([run["steps_ms"] for run in runs["phases"]])
        entry["profile"] = _medians([run["pieces_ms"] for run in runs["profile"]])
        entry["pieces"] = _medians([run["pieces_ms"] for run in runs["pieces"]])
        if runs["pieces"]:
            entry["pieces"]["structs in the generated module (a count)"] = runs["pieces"][0]["structs"]
        if runs["profile"]:
            typical = sorted(runs["profile"], key=lambda run: run["profiled_ms"])[len(runs["profile"]) // 2]
            entry["profile"] = {"profiled in all": typical["profiled_ms"], **entry["profile"]}
            entry["profile_top"] = typical["top"]
        out[provider] = entry
        _progress(f"costs {provider}: {entry['phases']}")
    return out


def _medians(runs: list[dict[str, float]]) -> dict[str, float]:
    names = [name for run in runs for name in run]
    return {name: statistics.median(run[name] for run in runs if name in run) for name in dict.fromkeys(names)}


def run_stream(url: str, memory_count: int) -> dict[str, Any]:
    """The command streaming ``memory_count`` models: wall time and peak RSS of the whole process."""
    out = {}
    for provider in ("scenario", "truefoundry", "openwebui"):
        argv = processes.list_command(provider, f"{url}/bench/0/{memory_count}")
        out[f"{provider} stream {memory_count}"] = processes.run_process(argv)
        _progress(f"stream {provider}: {out[f'{provider} stream {memory_count}']}")
    return out


# -- the run ----------------------------------------------------------------------------------


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
        "uptime_at_start": _uptime(),
        "versions": versions,
    }


def _version_note(recorded: dict[str, str], now: dict[str, str]) -> str:
    """Which packages differ from the recorded run (the no-loss targets compare across them)."""
    changed = [
        f"{name} {recorded[name]} -> {now.get(name, 'absent')}" for name in recorded if recorded[name] != now.get(name)
    ]
    return (
        f"Versions differ from the recorded run: {', '.join(changed)}"
        if changed
        else "Versions as in the recorded run."
    )


def _uptime() -> str:
    with contextlib.suppress(OSError):
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


@contextlib.contextmanager
def child_environment() -> Iterator[None]:
    """Children get the providers' (dummy) credentials and load cached bytecode, as after a ``pip install``.

    uv installs packages without compiling them, and with ``PYTHONDONTWRITEBYTECODE=1`` Python
    never caches what it compiles: every import of every run would compile its source, which
    makes start-up several times slower than a user's. So the bench venv's packages and
    modelcatalog's own source are compiled first (``compileall`` skips what is up to date) and
    the children may write what is still missing.
    """
    saved = os.environ.copy()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.update(ENV)
    paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    for package in ("modelcatalog", "modelcatalog_generated"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.submodule_search_locations:
            paths.update(spec.submodule_search_locations)
    compile_all = [sys.executable, "-m", "compileall", "-q", "-j", "0", *sorted(paths)]
    subprocess.run(compile_all, stdout=subprocess.DEVNULL, check=False)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _fmt(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):7.3f} s" if seconds else "      -  "


def _progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts and one round (the smoke test)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 5; 1 with --quick)")
    parser.add_argument("--count", type=int, help="models listed per comparison (default 10,000)")
    parser.add_argument("--memory-count", type=int, help="models streamed for peak RSS (default 200,000)")
    parser.add_argument("--latencies", default="0,20", help="per-request latencies in ms (default 0,20)")
    parser.add_argument(
        "--process-latencies",
        help="latencies of the whole-process rows (default: --latencies; the first of them with --quick)",
    )
    parser.add_argument("--sections", default=",".join(SECTIONS), help=f"what to run (default: {','.join(SECTIONS)})")
    parser.add_argument(
        "--provider-import",
        action="append",
        metavar="STATEMENT",
        help="what a user runs to import one provider, {provider} replaced; repeatable "
        f"(default: {processes.PROVIDER_IMPORT!r})",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        default=RESULTS,
        help="the recorded run the no-loss targets compare with (default: the results file, "
        "read before it is overwritten)",
    )
    parser.add_argument(
        "--base",
        metavar="REF",
        help="also measure the library at this git commit (listings, parse, memory: interleaved with this "
        "checkout's) and check for no loss against it",
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    unknown = set(args.sections.split(",")) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))} (known: {', '.join(SECTIONS)})")
    return args


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 - one run, section after section
    args = _arguments(argv)
    rounds = args.rounds or (1 if args.quick else 5)
    count = args.count or (300 if args.quick else 10_000)
    memory_count = args.memory_count or (3_000 if args.quick else 200_000)
    latencies = [int(x) for x in args.latencies.split(",")]
    process_latencies = (
        [int(x) for x in args.process_latencies.split(",")]
        if args.process_latencies
        else latencies[:1]
        if args.quick
        else latencies
    )
    sections = set(args.sections.split(","))
    provider_imports = args.provider_import or [processes.PROVIDER_IMPORT]
    baseline = json.loads(args.baseline.read_text()) if args.baseline.exists() else {}

    info = machine()
    print(f"machine: {info['nproc']} CPUs ({info['cpu']}), Python {info['python']}, {info['platform']}")
    print(f"load at start: {info['uptime_at_start']}")
    started = time.perf_counter()
    load: dict[str, dict[str, Any]] = {}

    @contextlib.contextmanager
    def section(name: str) -> Iterator[bool]:
        before = os.getloadavg()
        yield name in sections
        if name in sections:
            load[name] = {"start": before, "end": os.getloadavg()}

    rows: list[Contender] = []
    parse: dict[str, Any] = {}
    memory: dict[str, Any] = {}
    whole: list[processes.Series] = []
    startup: list[processes.Series] = []
    breakdown: dict[str, Any] = {}
    costs: dict[str, Any] = {}
    stream: dict[str, Any] = {}
    with child_environment(), loopback_server(count) as url, base_tree(args.base) as base:
        with section("listings") as wanted:
            rows = run_listings(url, count, rounds, latencies, base) if wanted else []
        with section("parse") as wanted:
            parse = run_parse(count, max(rounds, 1) if args.quick else 5, base) if wanted else {}
        with section("memory") as wanted:
            memory = run_memory(url, memory_count, base) if wanted else {}
        with section("processes") as wanted:
            whole = run_whole_processes(url, count, rounds, process_latencies) if wanted else []
        with section("startup") as wanted:
            if wanted:
                startup = run_startup(url, count, rounds, provider_imports)
                breakdown = run_importtime(url, count, min(rounds, 3), provider_imports)
                costs = run_costs(url, count, rounds)
        with section("stream") as wanted:
            stream = run_stream(url, memory_count) if wanted else {}
    checks = [
        *targets.listing_targets(rows, parse, memory, startup),
        *targets.issue13_targets(startup, whole, parse),
        *targets.no_loss_targets(rows, parse, memory, baseline, base and (base.ref, base.reference(rows))),
    ]
    elapsed = time.perf_counter() - started
    whole_title = (
        f"Listing {count:,} models, whole processes (median of {rounds} interleaved rounds, output to /dev/null;"
        " in-process: the same client timed inside one process, above):"
    )
    text = "\n\n".join(
        [
            f"Listing {count:,} models in-process (median of {rounds} interleaved rounds, each in a fresh process):",
            report.listing_table(rows),
            whole_title,
            report.whole_process_table(whole, rows),
            f"Parse throughput ({count:,} records), memory ({memory_count:,} models):",
            report.other_tables(parse, memory, stream, base and (base.ref, base.parse, base.memory)),
            f"Start-up, whole processes against loopback (median of {rounds}):",
            report.startup_table(startup),
            f"Where start-up goes: python -X importtime (median of {min(rounds, 3)}):",
            report.importtime_tables(breakdown),
            f"What a listing pays before its first record, in-process (median of {rounds}):",
            report.costs_tables(costs),
            "Targets:",
            report.targets_table(checks),
            _version_note(baseline.get("machine", {}).get("versions", {}), info["versions"]),
            f"Load (1/5/15-minute averages) per section: {report.load_line(load)}",
            f"Load at the end: {_uptime()}",
        ]
    )
    print(text)
    print(f"\n(bench took {elapsed:.0f} s)")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "machine": info,
                "settings": {
                    "count": count,
                    "memory_count": memory_count,
                    "rounds": rounds,
                    "latencies_ms": latencies,
                    "process_latencies_ms": process_latencies,
                    "sections": sorted(sections),
                    "provider_imports": provider_imports,
                },
                "listings": [row.__dict__ | {"median": row.median} for row in rows],
                "parse": parse,
                "memory": memory,
                "processes": [row.summary() for row in whole],
                "startup": [row.summary() for row in startup],
                "importtime": breakdown,
                "startup_costs": costs,
                "stream": stream,
                "base": base and base.summary(),
                "targets": checks,
                "load": load,
                "uptime_at_end": _uptime(),
                "elapsed_s": elapsed,
            },
            indent=2,
        )
        + "\n"
    )
    failures = [
        *[row for row in rows if row.error and row.tree is None],  # a --base commit's failures are only shown
        *[row for row in [*whole, *startup] if row.error],
        *[r for r in [*parse.values(), *memory.values(), *stream.values(), *costs.values()] if "error" in r],
    ]
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
