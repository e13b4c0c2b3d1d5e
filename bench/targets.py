"""The targets the benchmarks check, each with the measured value, the goal and PASS or MISS.

A missed target is printed, never a failure: benchmarks never fail on time. ``n/a``
means the run did not measure it (``--quick``, ``--sections``, a crashed contender).
"""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from processes import Series
    from run import Contender

#: earlier issues, in-process: (comparison, contender, at least this many times slower than modelcatalog, what it is)
IN_PROCESS_RATIOS = (
    ("truefoundry @ 20 ms", "raw httpx loop, 100/page", 10, "a sequential client (raw httpx loop, 100/page)"),
    ("openwebui @ 20 ms", "raw httpx loop, 30/page", 10, "a sequential client (raw httpx loop, 30/page)"),
    ("truefoundry @ 20 ms", "truefoundry-sdk 0.6.0 pager", 10, "truefoundry-sdk (sequential)"),
    ("scenario @ 20 ms", "scenario-sdk 2.4.0 (defaults)", 2, "scenario-sdk defaults"),
    ("scenario @ 0 ms", "scenario-sdk 2.4.0 (defaults)", 5, "scenario-sdk defaults"),
    ("truefoundry @ 0 ms", "truefoundry-sdk 0.6.0 pager", 3, "truefoundry-sdk"),
)
#: issue 13: ``modelcatalog list -p <provider> --limit 1`` against loopback, whole process, at most (s)
FIRST_RECORD_SECONDS = {"scenario": 0.25}
FIRST_RECORD_SECONDS_DEFAULT = 0.20
#: issue 13: whole processes at 20 ms a request: (provider, the client compared with, at least this many times faster)
WHOLE_PROCESS_RATIOS = (
    ("truefoundry", "truefoundry-sdk", 10),
    ("openwebui", "raw-httpx", 10),
    ("scenario", "scenario-sdk", 4),
)
#: issue 13: "no loss elsewhere": the in-process figures stay within this fraction of the recorded run
NO_LOSS = 0.05


def check(target: str, value: float | None, goal: float, *, unit: str, op: str, source: str) -> dict[str, Any]:
    """One target; ``op`` is how the value must compare with the goal (``>=``, ``<=``, ``<``)."""
    if value is None:
        met = None
    elif op == ">=":
        met = value >= goal
    elif op == "<=":
        met = value <= goal
    else:
        met = value < goal
    return {"target": target, "value": value, "goal": goal, "unit": unit, "op": op, "met": met, "source": source}


def verdict(entry: dict[str, Any]) -> str:
    return {True: "PASS", False: "MISS", None: "n/a"}[entry["met"]]


def _median(rows: list[Contender], group: str, label: str) -> float | None:
    """The median of the in-process row ``label`` of ``group`` (None: not run, or it failed)."""
    return next((row.median for row in rows if row.group == group and row.label == label and not row.error), None)


def listing_targets(
    rows: list[Contender], parse: dict[str, Any], memory: dict[str, Any], startup: list[Series]
) -> list[dict[str, Any]]:
    """The targets of the in-process benchmarks (the issues before 13)."""

    def ratio(group: str, other: str, mine: str = "modelcatalog (defaults)") -> float | None:
        return _times(_median(rows, group, other), _median(rows, group, mine))

    checks = [
        check(f"{group}: >= {goal}x {what}", ratio(group, other), goal, unit="x", op=">=", source="in-process")
        for group, other, goal, what in IN_PROCESS_RATIOS
    ]
    for provider in ("scenario", "truefoundry"):
        result = parse.get(provider, {})
        value = result.get("decode_normalize_records_per_s", result.get("decode_records_per_s"))
        what = "parse+normalize" if "decode_normalize_records_per_s" in result else "parse only (no normalizer yet)"
        checks.append(
            check(
                f"{provider} {what} >= 50,000 records/s", value, 50_000, unit="records/s", op=">=", source="in-process"
            )
        )
    for provider, result in memory.items():
        growth = result.get("rss_growth_kib")
        checks.append(
            check(
                f"{provider}: RSS growth streaming the models < 64 MB (library)",
                None if growth is None else growth / 1024,
                64,
                unit="MB",
                op="<",
                source="in-process",
            )
        )
    help_ = next((row for row in startup if row.kind == "help"), None)
    checks.append(
        check(
            "`modelcatalog --help` starts in < 0.3 s",
            help_ and help_.median(),
            0.3,
            unit="s",
            op="<",
            source="start-up",
        )
    )
    return checks


def issue13_targets(startup: list[Series], whole: list[Series], parse: dict[str, Any]) -> list[dict[str, Any]]:
    """Issue 13: the first record in a fraction of today's time, and the whole-process ratios at 20 ms.

    Under each target, the same goal applied to the best an httpx client does in this run
    (the raw-httpx floor for the first record, the httpx ceiling for a listing): where that
    misses, no client built on httpx meets the target on this machine. Under a ratio, also
    the ceiling plus what normalizing its models costs (the parse section's decode+normalize
    time less its decode time): the least a client that hands out catalog records adds.
    """
    checks = []
    floors = first_record_floors(startup)
    for row in startup:
        if row.kind == "first-record" and row.provider is not None:
            goal = FIRST_RECORD_SECONDS.get(row.provider, FIRST_RECORD_SECONDS_DEFAULT)
            what = f"{row.provider}: `modelcatalog list --limit 1` (loopback, whole process) <= {goal} s"
            checks.append(check(what, row.median(), goal, unit="s", op="<=", source="issue 13"))
            if row.provider in floors:
                reach = f"{row.provider}, reachable with httpx? the raw-httpx floor <= {goal} s"
                checks.append(check(reach, floors[row.provider], goal, unit="s", op="<=", source="reach"))
    for provider, other, goal in WHOLE_PROCESS_RATIOS:
        group = f"{provider} @ 20 ms"
        theirs = _process_median(whole, group, other)
        what = f"{group}, 10,000 models, whole processes: the command >= {goal}x {other}"
        ours = _process_median(whole, group, "modelcatalog")
        checks.append(check(what, _times(theirs, ours), goal, unit="x", op=">=", source="issue 13"))
        ceiling_row = _process_row(whole, group, "httpx-ceiling")  # none for a listing fetched page after page
        ceiling = None if ceiling_row is None else ceiling_row.median()
        if ceiling_row is not None and ceiling is not None:
            reach = f"{group}, reachable with httpx? the httpx ceiling >= {goal}x {other}"
            checks.append(check(reach, _times(theirs, ceiling), goal, unit="x", op=">=", source="reach"))
            normalizing = normalizing_seconds(parse.get(provider, {}), ceiling_row.expect_lines or 0)
            if normalizing is not None:
                reach = f"{group}, reachable with httpx and normalizing? the ceiling + normalizing >= {goal}x {other}"
                value = _times(theirs, ceiling + normalizing)
                checks.append(check(reach, value, goal, unit="x", op=">=", source="reach"))
    return checks


def normalizing_seconds(parsed: dict[str, Any], models: int) -> float | None:
    """What normalizing ``models`` records takes by the parse section's rates (None: not measured)."""
    decode, both = parsed.get("decode_records_per_s"), parsed.get("decode_normalize_records_per_s")
    return models / both - models / decode if decode and both and models else None


def first_record_floors(startup: list[Series]) -> dict[str | None, float | None]:
    """Each provider's raw-httpx floor: the median of its ``first-record-floor`` row."""
    return {row.provider: row.median() for row in startup if row.kind == "first-record-floor" and not row.error}


def _process_row(whole: list[Series], group: str, client: str) -> Series | None:
    return next((row for row in whole if row.group == group and row.client == client and not row.error), None)


def _process_median(whole: list[Series], group: str, client: str) -> float | None:
    row = _process_row(whole, group, client)
    return None if row is None else row.median()


def _times(theirs: float | None, ours: float | None) -> float | None:
    """How many times ``ours`` fits in ``theirs`` (None when either was not measured)."""
    return None if theirs is None or ours is None else theirs / ours


def no_loss_targets(
    rows: list[Contender],
    parse: dict[str, Any],
    memory: dict[str, Any],
    baseline: dict[str, Any],
    base: tuple[str, dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Issue 13's "no loss elsewhere": in-process figures within ``NO_LOSS`` of the recorded run (``--baseline``).

    Times and rates are checked against the recorded figures as they are, scaled to this
    machine's speed (``machine_factor``), and, with ``base`` (``--base``: its name and its
    figures shaped like a recorded run), against that commit measured in this same run.
    """
    checks = _checks_against(rows, parse, memory, baseline, prefix="no loss", whose="the recorded ")
    factor = machine_factor(rows, parse, baseline)
    if factor is not None:
        prefix = f"no loss at this machine's speed ({factor:.2f}x the recorded run's time)"
        cpu_only = {key: value for key, value in baseline.items() if key != "memory"}
        checks += _checks_against(rows, parse, memory, cpu_only, prefix=prefix, whose="", factor=factor)
    if base is not None:
        ref, figures = base
        prefix = f"no loss against {ref}, in this run"
        checks += _checks_against(rows, parse, memory, figures, prefix=prefix, whose=f"{ref}'s ")
    return checks


def _checks_against(
    rows: list[Contender],
    parse: dict[str, Any],
    memory: dict[str, Any],
    reference: dict[str, Any],
    *,
    prefix: str,
    whose: str,
    factor: float | None = None,
) -> list[dict[str, Any]]:
    """In-process listing times, parse rates and streaming memory against ``reference``'s, or (``factor``) scaled.

    Scaled, only what is the CPU's is checked (0 ms listings, parse rates): a listing at
    20 ms waits on the server, which does not get slower with the machine.
    """
    slower, lower, scale = 1 + NO_LOSS, 1 - NO_LOSS, factor or 1.0
    checks = []
    for recorded in reference.get("listings", []):
        if recorded.get("client") != "modelcatalog" or recorded.get("options") or recorded.get("median") is None:
            continue
        if factor is not None and recorded.get("latency_ms") != 0:
            continue
        goal = recorded["median"] * scale
        checks.append(
            check(
                f"{prefix}: {recorded['group']} in-process <= {slower:.2f} x {whose}{goal:.3f} s",
                _median(rows, recorded["group"], recorded["label"]),
                goal * slower,
                unit="s",
                op="<=",
                source="issue 13",
            )
        )
    for provider, recorded in reference.get("parse", {}).items():
        before = recorded.get("decode_normalize_records_per_s")
        if before is None:
            continue
        goal = before / scale
        checks.append(
            check(
                f"{prefix}: {provider} decode+normalize >= {lower:.2f} x {whose}{goal:,.0f} records/s",
                parse.get(provider, {}).get("decode_normalize_records_per_s"),
                goal * lower,
                unit="records/s",
                op=">=",
                source="issue 13",
            )
        )
    for provider, recorded in reference.get("memory", {}).items():
        if "rss_growth_kib" not in recorded:
            continue
        before = recorded["rss_growth_kib"] / 1024
        growth = memory.get(provider, {}).get("rss_growth_kib")
        checks.append(
            check(
                f"{prefix}: {provider} streaming RSS growth <= {slower:.2f} x {whose}{before:.1f} MB",
                None if growth is None else growth / 1024,
                before * slower,
                unit="MB",
                op="<=",
                source="issue 13",
            )
        )
    return checks


def machine_factor(rows: list[Contender], parse: dict[str, Any], baseline: dict[str, Any]) -> float | None:
    """How many times slower this machine ran the references than the recorded run did (None: no reference).

    The references are everything that is not modelcatalog and does not wait on latency:
    the SDKs and raw loops listing at 0 ms, and the SDKs' own parse rates. Their median
    ratio is the machine's speed today against the day of the recorded run.
    """
    ratios = []
    for recorded in baseline.get("listings", []):
        if recorded.get("client") == "modelcatalog" or recorded.get("latency_ms") != 0 or not recorded.get("median"):
            continue
        now = _median(rows, recorded["group"], recorded["label"])
        if now:
            ratios.append(now / recorded["median"])
    for provider, recorded in baseline.get("parse", {}).items():
        before, now = recorded.get("sdk_parse_records_per_s"), parse.get(provider, {}).get("sdk_parse_records_per_s")
        if before and now:
            ratios.append(before / now)
    return statistics.median(ratios) if ratios else None
