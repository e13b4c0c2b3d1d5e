"""The command's own requests with nothing else: the fastest listing an httpx-based client reaches.

    python bench/scripts/list_httpx_ceiling.py PROVIDER BASE_URL   # prints every model's id

The same requests as ``modelcatalog list`` (its page sizes, the first page alone, then
the rest 16 at a time), answers decoded with msgspec into plain dicts and lists, one id
printed a model. No types, no validation, no normalization, no retries, no limits on
what the server sends. Whatever the command does on top of its requests costs time
above this row, so a whole-process target this row misses is out of reach for any
client built on httpx on the same machine. Only the providers whose first page gives a
total, the ones the command fetches concurrently.
"""

from __future__ import annotations

import os
import sys
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
    limits = httpx.Limits(max_connections=CONCURRENCY)
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {key}"}, limits=limits) as client:

        def page(index: int) -> tuple[list[Any], int]:
            answer = client.get(PATHS[provider], params=query(provider, index))
            return records_and_total(provider, msgspec.json.decode(answer.content))

        records, total = page(0)
        yield records
        pages = -(-total // PAGE_SIZES[provider])
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            for more, _ in pool.map(page, range(1, pages)):
                yield more


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
