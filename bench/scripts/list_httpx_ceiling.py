"""The command's own requests with nothing else: the fastest listing an httpx-based client reaches.

    python bench/scripts/list_httpx_ceiling.py PROVIDER BASE_URL   # prints every model's id

The same requests as ``modelcatalog list`` (its page sizes, the first page alone, then
the rest 16 at a time), sent as the command sends them, straight to httpx's transport
(no ``httpx.Client``: no cookie jar, redirect handling or event hooks, and the URL
parsed once), each thread with a transport of one connection of its own (the command
lends each connection whole to one request: no thread waits on a shared pool's lock),
answers decoded with msgspec into plain dicts and lists, one id printed a model. No
types, no validation, no normalization, no retries, no limits on what the server sends.
Whatever the command does on top of its requests costs time above this row, so a
whole-process target this row misses is out of reach for any client built on httpx on
the same machine. Only the providers whose first page gives a total, the ones the
command fetches concurrently.
"""

from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import httpx
import msgspec

if TYPE_CHECKING:
    from collections.abc import Iterator

#: the command's page sizes and concurrency (``tests/bench`` checks they still match)
PAGE_SIZES = {"truefoundry": 200, "openwebui": 30}
CONCURRENCY = 16
#: the list endpoint of each provider
PATHS = {"truefoundry": "/api/ml/v1/models", "openwebui": "/api/v1/models/list"}


def query(provider: str, index: int) -> dict[str, int]:
    """The query parameters of page ``index`` (0-based)."""
    size = PAGE_SIZES[provider]
    return {"offset": index * size, "limit": size} if provider == "truefoundry" else {"page": index + 1}


def records_and_total(provider: str, body: Any) -> tuple[list[Any], int]:
    if provider == "truefoundry":
        return body["data"], body["pagination"]["total"]
    return body["items"], body["total"]


def listing(provider: str, base_url: str) -> Iterator[list[Any]]:
    """Each page's records in order: the first page, then the rest ``CONCURRENCY`` at a time."""
    key = os.environ.get("BENCH_API_KEY", "bench-key")
    headers = {"Authorization": f"Bearer {key}"}
    url = httpx.URL(base_url + PATHS[provider])
    limits = httpx.Limits(max_connections=1)
    local = threading.local()
    opened: list[httpx.HTTPTransport] = []

    def page(index: int) -> tuple[list[Any], int]:
        transport = getattr(local, "transport", None)
        if transport is None:
            transport = local.transport = httpx.HTTPTransport(verify=url.scheme == "https", limits=limits)
            opened.append(transport)
        request = httpx.Request("GET", url, params=query(provider, index), headers=headers)
        answer = transport.handle_request(request)
        return records_and_total(provider, msgspec.json.decode(answer.read()))

    try:
        records, total = page(0)
        yield records
        pages = -(-total // PAGE_SIZES[provider])
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            for more, _ in pool.map(page, range(1, pages)):
                yield more
    finally:
        for transport in opened:
            transport.close()


def main() -> None:
    provider, base_url = sys.argv[1:3]
    if provider not in PATHS:
        raise SystemExit(f"no ceiling for {provider!r} (known: {', '.join(PATHS)})")
    write = sys.stdout.write
    for records in listing(provider, base_url):
        for record in records:
            write(record["id"] + "\n")


if __name__ == "__main__":
    main()
