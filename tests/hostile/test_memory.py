"""Bounded memory, measured: a listing's peak RSS while a server sends gigabytes.

Each test runs ``memory_probe.py`` in a fresh interpreter, which lists every provider,
sync and async, against a raw server here and reports the RSS before each listing and
the peak during it. The bound asserted: every peak stays below the RSS before the
process's first listing plus one body cap per page in flight plus ``SLACK`` (the
inflater's step, httpcore's read buffers, the interpreter's own growth). With the
default cap of 64 MiB and one page in flight, that is under 112 MiB above where the
process started listing, while each server offers 2 GiB or more."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest
from modelcatalog.transport import DEFAULT_MAX_BODY_SIZE
from support import payloads
from support.clients import PROVIDER_ENV
from support.hostile import (
    ENVIRONMENT,
    MODES,
    PROVIDERS,
    assert_clean,
    chunked,
    content_length,
    deflate_bomb,
    endless_chunked,
    first,
    gzip_bomb,
    until_close,
)
from support.providers import openwebui, truefoundry
from support.raw_server import GiB, MiB, RawRequest, Wire, json_answer

if TYPE_CHECKING:
    from collections.abc import Callable

    from support.raw_server import RawServer

PROBE = Path(__file__).with_name("memory_probe.py")
SLACK = 48 * MiB


GIGABYTES = {
    "2 GiB body until the connection closes": until_close(2 * GiB),
    "2 GiB chunked body": chunked(2 * GiB),
    "2 GiB Content-Length": content_length(2 * GiB),
    "endless chunked body": endless_chunked,
    "gzip bomb, 10 MB inflating to 10 GiB": gzip_bomb(10 * GiB),
    "deflate bomb inflating to 10 GiB": deflate_bomb(10 * GiB),
}


def probe(url: str, cap: int, providers: tuple[str, ...], modes: tuple[str, ...]) -> list[dict[str, Any]]:
    env = {key: value for key, value in os.environ.items() if key not in PROVIDER_ENV}
    for provider in providers:
        env.update(ENVIRONMENT[provider])
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(PROBE), url, str(cap), ",".join(providers), ",".join(modes)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert_clean(result.stdout + result.stderr)
    return [json.loads(line) for line in result.stdout.splitlines()]


def grew(report: dict[str, Any], since: dict[str, Any]) -> int:
    """Bytes from the RSS before the process's first listing to this listing's peak.

    Measured from the first listing, not this one: memory a listing freed may stay
    with the process, and counting from there would hide it.
    """
    return (report["peak_kib"] - since["before_kib"]) * 1024


@pytest.mark.parametrize("behaviour", list(GIGABYTES))
def test_peak_memory_stays_under_one_cap_while_the_server_sends_gigabytes(
    serve: Callable[..., RawServer], behaviour: str
) -> None:
    server = serve(first(GIGABYTES[behaviour], times=None))
    reports = probe(server.url, DEFAULT_MAX_BODY_SIZE, PROVIDERS, MODES)
    assert len(reports) == len(PROVIDERS) * len(MODES)
    for report in reports:
        assert report.get("error") == "BodyTooLargeError", report
        assert grew(report, since=reports[0]) < DEFAULT_MAX_BODY_SIZE + SLACK, report


PAGES_IN_FLIGHT = 16
SMALL_CAP = 4 * MiB


def first_page_then_bombs(request: RawRequest, wire: Wire) -> bool | None:
    """The first page promises 17 pages; the 16 fetched at once after it are bombs."""
    query = parse_qs(urlsplit(request.target).query)
    if request.path == "/api/ml/v1/models" and query.get("offset", ["0"]) == ["0"]:
        size = int(query["limit"][0])
        models = payloads.many(truefoundry.model, size)
        total = size * (PAGES_IN_FLIGHT + 1)
        wire.send(json_answer({"data": models, "pagination": {"total": total, "offset": 0, "limit": size}}))
        return True
    if request.path == "/api/v1/models/list" and query.get("page", ["1"]) == ["1"]:
        models = payloads.many(openwebui.model, 30)
        wire.send(json_answer({"items": models, "total": 30 * (PAGES_IN_FLIGHT + 1)}))
        return True
    return gzip_bomb(10 * GiB)(request, wire)


def test_peak_memory_stays_under_pages_in_flight_times_the_cap(serve: Callable[..., RawServer]) -> None:
    server = serve(first_page_then_bombs)
    reports = probe(server.url, SMALL_CAP, ("truefoundry", "openwebui"), MODES)
    for report in reports:
        assert report.get("error") == "BodyTooLargeError", report
        assert grew(report, since=reports[0]) < PAGES_IN_FLIGHT * SMALL_CAP + SLACK, report
    assert len(server.requests) > len(reports) * 2  # pages really were fetched at once after the first
