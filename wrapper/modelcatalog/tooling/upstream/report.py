"""Render an upstream check: markdown for people and PR bodies, JSON for tools, GitHub annotations for CI.

Every format carries every source's status, so a source that failed never hides the
others, and the headline says how many sources were actually checked.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from modelcatalog.tooling.upstream.diff.rules import Level
from modelcatalog.tooling.upstream.statuses import (
    EXIT_BREAKING,
    EXIT_INVALID,
    EXIT_NO_CHANGE,
    EXIT_NON_BREAKING,
    EXIT_NOTHING_CHECKED,
    EXIT_UPDATE_FAILED,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from modelcatalog.tooling.upstream.check import SourceResult
    from modelcatalog.tooling.upstream.diff.rules import Change

_LEVEL_TITLES = {
    Level.ERR: "ERR: breaking",
    Level.WARN: "WARN: may break",
    Level.INFO: "INFO: non-breaking",
}
_ANNOTATION = {Level.ERR: "error", Level.WARN: "warning", Level.INFO: "notice"}
_VERDICTS = {
    EXIT_NO_CHANGE: "no change",
    EXIT_NON_BREAKING: "non-breaking changes only",
    EXIT_BREAKING: "breaking changes",
    EXIT_NOTHING_CHECKED: "nothing checked: every source was unreachable",
    EXIT_UPDATE_FAILED: "--update failed; the files it wrote were restored",
    EXIT_INVALID: "a source could not be checked",
}
_KINDS = {"document": "published document", "sdk": "SDK"}
_HEADINGS = {"document": "Published document", "sdk": "SDK"}


def headline(results: Sequence[SourceResult], status: int) -> str:
    """One line: the verdict, and how many sources it rests on."""
    total = len(results)
    checked = sum(1 for result in results if result.checked)
    unreachable = sum(1 for result in results if result.status == "unreachable")
    invalid = sum(1 for result in results if result.status == "invalid")
    verdict = _VERDICTS.get(status, str(status))
    if status == EXIT_NO_CHANGE and checked < total:
        verdict = "no change in the sources checked"
    counts = f"{checked} of {total} source{'s' if total != 1 else ''} checked"
    if unreachable:
        counts += f", {unreachable} unreachable"
    if invalid:
        counts += f", {invalid} invalid"
    return f"{verdict} ({counts})"


def render(results: Sequence[SourceResult], status: int, fmt: str) -> str:
    """The report in ``fmt`` (markdown, json or github), ending with a newline."""
    if fmt == "json":
        body = {
            "exit_code": status,
            "verdict": _VERDICTS.get(status, ""),
            "headline": headline(results, status),
            "checked": sum(1 for result in results if result.checked),
            "results": [result.as_dict() for result in results],
        }
        return json.dumps(body, indent=2) + "\n"
    if fmt == "github":
        return _github(results, status)
    return _markdown(results, status)


def _counts(changes: list[Change]) -> dict[Level, int]:
    return {level: sum(1 for change in changes if change.level is level) for level in Level}


def _markdown(results: Sequence[SourceResult], status: int) -> str:
    lines = [
        "# Upstream changes",
        "",
        f"Result: **{headline(results, status)}**, exit {status}.",
        "",
        "| provider | source | status | ERR | WARN | INFO | known |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for result in results:
        counts = _counts(result.changes)
        lines.append(
            f"| {result.title} (`{result.provider}`) | {_KINDS.get(result.kind, result.kind)}: "
            f"{_cell(_short_source(result))} | {result.status} | {counts[Level.ERR]} | {counts[Level.WARN]} "
            f"| {counts[Level.INFO]} | {len(result.known)} |"
        )
    provider = None
    for result in results:
        if result.provider != provider:
            provider = result.provider
            lines += ["", f"## {result.title} (`{result.provider}`)"]
        lines += ["", f"### {_HEADINGS.get(result.kind, result.kind)}: {_one_line(result.source)}", ""]
        lines += [f"{_one_line(note)}" for note in result.notes]
        if result.notes:
            lines.append("")
        lines.append(_summary(result))
        if result.update:
            lines += ["", f"Update: {_one_line(result.update)}"]
        for level in Level:
            changes = [change for change in result.changes if change.level is level]
            if changes:
                lines += ["", f"#### {_LEVEL_TITLES[level]} ({len(changes)})", ""]
                lines += [_item(change) for change in changes]
        if result.known:
            summary = (
                f"<details><summary>{len(result.known)} known difference(s), already there in "
                f"{result.recorded} (the release we last matched); they do not count</summary>"
            )
            lines += [
                "",
                summary,
                "",
                *[_item(change) for change in result.known],
                "",
                "</details>",
            ]
    return "\n".join(lines) + "\n"


def _summary(result: SourceResult) -> str:
    if result.status == "unreachable":
        return f"Unreachable, not checked: {_one_line(result.detail)}"
    if result.status == "invalid":
        return f"Invalid, not checked: {_one_line(result.detail)}"
    if result.kind == "sdk":
        matched = (
            "the release we last matched" if result.version == result.recorded else f"we last matched {result.recorded}"
        )
        verdict = "new differences from our document" if result.changes else "no new difference from our document"
        return f"{result.version} is the release read ({matched}): {verdict}."
    if not result.changes:
        return "No change: the published document is byte for byte the vendored one."
    return f"sha256 `{result.old_sha256[:12]}` (vendored) -> `{result.new_sha256[:12]}` (published)"


def _item(change: Change) -> str:
    return f"- `{change.id}` ({change.side}) {_one_line(change.text)} <sub>`{change.location}`</sub>"


def _short_source(result: SourceResult) -> str:
    if result.kind == "sdk" and result.version:
        return f"{result.source.split(' ', 1)[0]} {result.version}"
    return result.source


def _cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


def _github(results: Sequence[SourceResult], status: int) -> str:
    lines = []
    for result in results:
        name = f"{result.provider} {result.kind}"
        if result.status == "unreachable":
            lines.append(f"::warning title={_property(name + ': unreachable')}::{_data(result.detail)}")
        elif result.status == "invalid":
            lines.append(f"::error title={_property(name + ': invalid')}::{_data(result.detail)}")
        for change in result.changes:
            title = _property(f"{name}: {change.id}")
            lines.append(f"::{_ANNOTATION[change.level]} title={title}::{_data(change.text)}")
        if result.known:
            text = f"{len(result.known)} known difference(s) from our document, already there in {result.recorded}"
            lines.append(f"::notice title={_property(name + ': known')}::{_data(text)}")
        if result.update:
            lines.append(f"::notice title={_property(name + ': update')}::{_data(result.update)}")
    lines.append(f"upstream: {headline(results, status)}, exit {status}")
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _data(text: str) -> str:
    """Escape a workflow command's message, as the GitHub Actions toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a workflow command's property value (``title=...``)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
