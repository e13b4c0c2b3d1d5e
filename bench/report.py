"""The tables ``bench/run.py`` prints (Markdown, pasted into BENCHMARKS.md as they are)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targets import first_record_floors, verdict

if TYPE_CHECKING:
    from processes import Series
    from run import Contender


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
                lines.append(error_row([group, row.label], row.error, columns=6))
                continue
            ratio = "" if row is members[0] or ours is None else f"{(row.median or 0) / ours:.1f}x slower"
            if row.client == "modelcatalog" and row is not members[0] and ours is not None:
                ratio = f"{ours / (row.median or 1):.2f}x the default's speed"
            if row.tree is not None and ours is not None:  # --base: the same client at an earlier commit
                ratio = f"{(row.median or 0) / ours:.2f}x this checkout's time"
            lines.append(
                f"| {group} | {row.label} | {row.median:.3f} s | {min(row.seconds):.3f} "
                f"| {max(row.seconds):.3f} | {ratio} |"
            )
    return "\n".join(lines)


def _in_process(rows: list[Contender], series: Series) -> float | None:
    """The in-process median of the same client in the same comparison (its defaults), if measured."""
    for row in rows:
        same = row.provider == series.provider and row.latency_ms == series.latency_ms and row.client == series.client
        same = same and row.tree is None  # not a --base commit's row
        if same and not row.error and (not row.options or row.client == "raw-httpx"):
            return row.median
    return None


def _times(row: Series) -> str:
    seconds = [run["seconds"] for run in row.runs]
    return (
        f"{row.median():.3f} s | {min(seconds):.3f} | {max(seconds):.3f} | {row.median('cpu_seconds'):.3f} s "
        f"| {(row.median('peak_rss_kib') or 0) / 1024:.1f} MB"
    )


def whole_process_table(series: list[Series], rows: list[Contender]) -> str:
    lines = [
        "| comparison | contender | median | min | max | CPU | peak RSS | in-process | vs the command |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ours: dict[str, float | None] = {}
    for row in series:
        if row.client == "modelcatalog":
            ours[row.group] = row.median()
        if row.error:
            lines.append(error_row([row.group, row.label], row.error, columns=9))
            continue
        inside = _in_process(rows, row)
        mine = ours.get(row.group)
        ratio = ""
        if row.client != "modelcatalog" and mine:
            times = (row.median() or 0) / mine
            ratio = f"{times:.1f}x slower" if times >= 1 else f"{1 / times:.1f}x faster"
        shown = "" if inside is None else f"{inside:.3f} s"
        lines.append(f"| {row.group} | {row.label} | {_times(row)} | {shown} | {ratio} |")
    return "\n".join(lines)


def startup_table(series: list[Series]) -> str:
    """Every start-up row; a ``list --limit 1`` row also says how far above its raw-httpx floor it is."""
    floors = first_record_floors(series)
    lines = [
        "| command (whole process) | median | min | max | CPU | peak RSS | above the raw-httpx floor |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in series:
        if row.error:
            lines.append(error_row([row.label], row.error, columns=7))
            continue
        floor, ours = floors.get(row.provider), row.median()
        above = ""
        if row.kind == "first-record" and floor and ours is not None:
            above = f"{ours - floor:+.3f} s ({ours / floor:.2f}x)"
        lines.append(f"| {row.label} | {_times(row)} | {above} |")
    return "\n".join(lines)


def importtime_tables(profiles: dict[str, dict[str, Any]], top: int = 12) -> str:
    """Import time by group (ms, median self times; columns: commands), then the top modules of each listing."""
    ok = {name: profile for name, profile in profiles.items() if "error" not in profile}
    lines = [f"| group (ms) | {' | '.join(ok)} |", "|---" + "|---:" * len(ok) + "|"]
    groups: list[str] = []
    for profile in ok.values():
        groups += [group for group in profile["groups_ms"] if group not in groups]
    groups.sort(key=lambda group: -max(profile["groups_ms"].get(group, 0) for profile in ok.values()))
    lines.extend(
        f"| {group} | " + " | ".join(f"{p['groups_ms'].get(group, 0):.1f}" for p in ok.values()) + " |"
        for group in groups
    )
    lines.append("| **total import time** | " + " | ".join(f"**{p['total_ms']:.1f}**" for p in ok.values()) + " |")
    lines.append("| modules imported | " + " | ".join(str(p["modules"]) for p in ok.values()) + " |")
    lines += [
        f"- {name}: error: {clean(profile['error'])[:200]}" for name, profile in profiles.items() if "error" in profile
    ]
    for name, profile in ok.items():
        if "--limit 1" not in name:
            continue
        lines += [
            "",
            f"Top modules by cumulative import time, {name}:",
            "",
            "| module | cumulative ms | self ms |",
            "|---|---:|---:|",
        ]
        lines += [
            f"| `{m['module']}` | {m['cumulative_ms']:.1f} | {m['self_ms']:.1f} |"
            for m in profile["top_cumulative_ms"][:top]
        ]
    return "\n".join(lines)


def costs_tables(costs: dict[str, dict[str, Any]], top: int = 12) -> str:
    """The pre-request costs: phases of a limit=1 listing, the profiled pieces, the pieces alone (ms, medians)."""
    providers = list(costs)
    header = [f"| {{what}} (ms) | {' | '.join(providers)} |", "|---" + "|---:" * len(providers) + "|"]
    out = []
    for title, key in (
        ("step of a `limit=1` listing, in-process", "phases"),
        ("profiled: building the Client + the first listing", "profile"),
        ("a piece alone, cold", "pieces"),
    ):
        names: list[str] = []
        for provider in providers:
            names += [name for name in costs[provider].get(key, {}) if name not in names]
        lines = [header[0].format(what=title), header[1]]
        for name in names:
            cells = [costs[p].get(key, {}).get(name) for p in providers]
            lines.append(f"| {name} | " + " | ".join(_cell(c) for c in cells) + " |")
        out.append("\n".join(lines))
    for provider in providers:
        rows = costs[provider].get("profile_top", [])[:top]
        if rows:
            out.append(
                "\n".join(
                    [
                        f"Profile: building the Client and a first `limit=1` listing, {provider} (top by own time):",
                        "",
                        "| function | calls | cumulative ms | own ms |",
                        "|---|---:|---:|---:|",
                    ]
                    + [
                        f"| `{r['function']}` | {r['calls']} | {r['cumulative_ms']:.1f} | {r['own_ms']:.1f} |"
                        for r in rows
                    ]
                )
            )
    errors = [f"- {p}: {clean(c['error'])[:200]}" for p, c in costs.items() if "error" in c]
    return "\n\n".join(out + (["\n".join(errors)] if errors else []))


def _cell(value: float | None) -> str:
    return "" if value is None else str(value) if isinstance(value, int) else f"{value:.1f}"


def other_tables(
    parse: dict[str, Any],
    memory: dict[str, Any],
    stream: dict[str, Any],
    base: tuple[str, dict[str, Any], dict[str, Any]] | None = None,
) -> str:
    """Parse rates and streaming memory (with ``base``, that commit's row under each provider's), then streaming."""
    ref, base_parse, base_memory = base or ("", {}, {})
    lines = [
        "| provider | records | MB | decode records/s | decode+normalize records/s | official SDK parse records/s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for provider, result in parse.items():
        lines.append(_parse_row(provider, result))
        if provider in base_parse:
            lines.append(_parse_row(f"{provider} at {ref}", base_parse[provider]))
    lines += [
        "",
        "| library, streaming | models | time | RSS before | peak RSS | growth |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for provider, result in memory.items():
        lines.append(_memory_row(provider, result))
        if provider in base_memory:
            lines.append(_memory_row(f"{provider} at {ref}", base_memory[provider]))
    if stream:
        lines += ["", "| command, streaming (whole process) | time | CPU | peak RSS |", "|---|---:|---:|---:|"]
        for key, entry in stream.items():
            if "error" in entry:
                lines.append(error_row([f"`modelcatalog list` {key}"], entry["error"], columns=4))
                continue
            lines.append(
                f"| `modelcatalog list` {key} | {entry['seconds']:.3f} s | {entry['cpu_seconds']:.3f} s "
                f"| {entry['peak_rss_kib'] / 1024:.1f} MB |"
            )
    return "\n".join(lines)


def _parse_row(label: str, result: dict[str, Any]) -> str:
    if "error" in result:
        return error_row([label], result["error"], columns=6)
    normalized = result.get("decode_normalize_records_per_s")
    sdk = result.get("sdk_parse_records_per_s")
    return (
        f"| {label} | {result['records']:,} | {result['bytes'] / 1e6:.1f} "
        f"| {result['decode_records_per_s']:,.0f} "
        f"| {'n/a' if normalized is None else f'{normalized:,.0f}'} | {'' if sdk is None else f'{sdk:,.0f}'} |"
    )


def _memory_row(label: str, result: dict[str, Any]) -> str:
    if "error" in result:
        return error_row([label], result["error"], columns=6)
    return (
        f"| {label} | {result['items']:,} | {result['seconds']:.2f} s "
        f"| {result['rss_before_kib'] / 1024:.1f} MB "
        f"| {result['peak_rss_kib'] / 1024:.1f} MB | {result['rss_growth_kib'] / 1024:.1f} MB |"
    )


def targets_table(checks: list[dict[str, Any]]) -> str:
    lines = ["| target | measured | goal | verdict |", "|---|---:|---:|:---:|"]
    for entry in checks:
        value = "n/a" if entry["value"] is None else _number(entry["value"], entry["unit"])
        goal = f"{entry['op']} {_number(entry['goal'], entry['unit'])}"
        lines.append(f"| {entry['target']} | {value} | {goal} | {verdict(entry)} |")
    return "\n".join(lines)


def _number(value: float, unit: str) -> str:
    if unit == "records/s":
        return f"{value:,.0f} {unit}"
    if unit == "s":
        return f"{value:.3f} s"
    return f"{value:.2f} {unit}"


def load_line(load: dict[str, Any]) -> str:
    return "; ".join(
        f"{section}: {' '.join(f'{x:.2f}' for x in values['start'])} -> {' '.join(f'{x:.2f}' for x in values['end'])}"
        for section, values in load.items()
    )


def error_row(first: list[str], error: str, *, columns: int) -> str:
    """A table row that says what failed instead of the numbers."""
    cells = [*first, f"error: {clean(error)[:100]}"]
    return "| " + " | ".join(cells + [""] * (columns - len(cells))) + " |"


def clean(text: str) -> str:
    return " ".join(text.split()).replace("|", "/")
