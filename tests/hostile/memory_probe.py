"""Run by ``test_memory.py`` in a fresh process: list providers against a hostile server, report peak RSS.

    python memory_probe.py URL MAX_BODY_SIZE PROVIDER[,PROVIDER...] [MODE[,MODE...]]

Credentials come from the environment. For each (provider, mode) it resets the
process's peak RSS (``/proc/self/clear_refs``), lists, and prints one JSON line: the
RSS before the listing, the peak during it (KiB), the error's class and message.
"""

from __future__ import annotations

import asyncio
import gc
import json
import re
import sys
from pathlib import Path
from typing import Any

from modelcatalog import AsyncClient, Client, HTTPSettings, ModelCatalogError, RetryPolicy


def status_kib(field: str) -> int:
    match = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.MULTILINE)
    return int(match.group(1)) if match else 0


def reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


async def listing(provider: str, mode: str, url: str, cap: int) -> tuple[int, str]:
    http = HTTPSettings(max_body_size=cap, retry=RetryPolicy(max_attempts=1))
    if mode == "sync":
        with Client(provider, base_url=url, http=http) as client:
            return sum(1 for _ in client.list_models()), ""
    async with AsyncClient(provider, base_url=url, http=http) as client:
        return sum([1 async for _ in client.list_models()]), ""


def main(argv: list[str]) -> None:
    url, cap, providers = argv[0], int(argv[1]), argv[2].split(",")
    modes = argv[3].split(",") if len(argv) > 3 else ["sync"]
    for provider in providers:
        for mode in modes:
            gc.collect()
            resettable = reset_peak()
            before = status_kib("VmRSS")
            report: dict[str, Any] = {"provider": provider, "mode": mode, "resettable": resettable}
            try:
                report["items"] = asyncio.run(listing(provider, mode, url, cap))[0]
            except ModelCatalogError as error:
                report["error"] = type(error).__name__
                report["message"] = str(error)
            report.update(before_kib=before, peak_kib=status_kib("VmHWM"))
            print(json.dumps(report), flush=True)  # noqa: T201 - the report is the output


if __name__ == "__main__":
    main(sys.argv[1:])
