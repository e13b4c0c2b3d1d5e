"""Render an upstream check: markdown for people and PR bodies, JSON for tools, GitHub annotations for CI."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from modelcatalog.spec.diff import Level

if TYPE_CHECKING:
    from collections.abc import Sequence

    from modelcatalog.spec.upstream import ProviderResult

_LEVEL_TITLES = {
    Level.ERR: "ERR: breaking",
    Level.WARN: "WARN: may break",
    Level.INFO: "INFO: non-breaking",
}
_ANNOTATION = {Level.ERR: "error", Level.WARN: "warning", Level.INFO: "notice"}
_VERDICTS = {
    0: "no change",
    1: "non-breaking changes only",
    2: "breaking changes",
    3: "nothing checked: every source was unreachable",
    4: "--update failed; the files it wrote were restored",
}


def render(results: Sequence[ProviderResult], status: int, fmt: str) -> str:
    """The report in ``fmt`` (markdown, json or github), ending with a newline."""
    if fmt == "json":
        body = {"exit_code": status, "verdict": _VERDICTS.get(status, ""), "providers": [r.as_dict() for r in results]}
        return json.dumps(body, indent=2) + "\n"
    if fmt == "github":
        return _github(results, status)
    return _markdown(results, status)


def _counts(result: ProviderResult) -> dict[Level, int]:
    return {level: sum(1 for change in result.changes if change.level is level) for level in Level}


def _markdown(results: Sequence[ProviderResult], status: int) -> str:
    lines = [
        "# Upstream spec drift",
        "",
        f"Result: **{_VERDICTS.get(status, status)}** (exit {status}).",
        "",
        "| provider | status | ERR | WARN | INFO | source |",
        "|---|---|---:|---:|---:|---|",
    ]
    for result in results:
        counts = _counts(result)
        lines.append(
            f"| {result.title} (`{result.name}`) | {result.status} | {counts[Level.ERR]} | {counts[Level.WARN]} "
            f"| {counts[Level.INFO]} | `{result.source}` |"
        )
    for result in results:
        lines += ["", f"## {result.title} (`{result.name}`)", ""]
        if result.status == "unreachable":
            lines.append(f"Unreachable, not checked: {result.detail}")
        elif not result.changes:
            lines.append("No change in the published document.")
        else:
            lines.append(f"sha256 `{result.old_sha256[:12]}` (vendored) -> `{result.new_sha256[:12]}` (published)")
        if result.update:
            lines += ["", f"Update: {result.update}"]
        for level in Level:
            changes = [change for change in result.changes if change.level is level]
            if not changes:
                continue
            lines += ["", f"### {_LEVEL_TITLES[level]} ({len(changes)})", ""]
            lines += [
                f"- `{change.id}` ({change.side}) {_one_line(change.text)} <sub>`{change.location}`</sub>"
                for change in changes
            ]
    return "\n".join(lines) + "\n"


def _github(results: Sequence[ProviderResult], status: int) -> str:
    lines = []
    for result in results:
        if result.status == "unreachable":
            title = _property(f"{result.name}: unreachable")
            lines.append(f"::warning title={title}::{_data(result.detail)}")
        for change in result.changes:
            title = _property(f"{result.name}: {change.id}")
            lines.append(f"::{_ANNOTATION[change.level]} title={title}::{_data(change.text)}")
        if result.update:
            lines.append(f"::notice title={_property(result.name + ': update')}::{_data(result.update)}")
    lines.append(f"upstream: {_VERDICTS.get(status, status)} (exit {status})")
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _data(text: str) -> str:
    """Escape a workflow command's message, as the GitHub Actions toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a workflow command's property value (``title=...``)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
