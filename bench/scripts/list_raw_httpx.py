"""A hand-written sequential listing with httpx and the stdlib's json: the floor a user's own loop reaches.

    python bench/scripts/list_raw_httpx.py PROVIDER BASE_URL [PAGE_SIZE]   # prints every model's id
    python bench/scripts/list_raw_httpx.py PROVIDER BASE_URL --first 1    # the first id, then stop

No validation, no retries, one request at a time. ``--first 1`` is the floor that
``modelcatalog list --limit 1`` is compared with: a Python process that imports httpx,
asks for the first page and prints one id. ``pages()`` is also the in-process
"raw httpx loop" contender of ``bench/contenders.py``, so both rows measure the same loop.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from collections.abc import Iterator

#: the providers this loop knows how to page (the bench server serves the same)
PROVIDERS = ("scenario", "truefoundry", "openwebui", "modelslab", "openai")
#: page sizes of the recorded in-process rows (Scenario's SDK default; Open WebUI's server fixes 30)
PAGE_SIZES = {"scenario": 100, "truefoundry": 100, "openwebui": 30}


def pages(provider: str, base_url: str, page_size: int | None = None) -> Iterator[list[Any]]:  # noqa: C901, PLR0912 - one loop a provider, side by side
    """Each page's records (ModelsLab: each list's ids, a model in both lists once)."""
    key = os.environ.get("BENCH_API_KEY", "bench-key")
    size = page_size or PAGE_SIZES.get(provider, 100)
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {key}"}) as client:
        if provider == "scenario":
            token: str | None = None
            while True:
                params: dict[str, Any] = {"pageSize": size}
                if token:
                    params["paginationToken"] = token
                body = client.get("/v1/models", params=params).json()
                yield body["models"]
                token = body.get("nextPaginationToken")
                if not token:
                    return
        elif provider == "truefoundry":
            offset = 0
            while True:
                body = client.get("/api/ml/v1/models", params={"offset": offset, "limit": size}).json()
                yield body["data"]
                offset += len(body["data"])
                if not body["data"] or offset >= body["pagination"]["total"]:
                    return
        elif provider == "openwebui":
            page, listed = 1, 0
            while True:
                body = client.get("/api/v1/models/list", params={"page": page}).json()
                yield body["items"]
                listed += len(body["items"])
                if not body["items"] or listed >= body["total"]:
                    return
                page += 1
        elif provider == "modelslab":
            trained = client.post("/api/v3/finetune_list", json={"key": key}).json()["data"]
            yield trained
            seen = set(trained)
            public = client.post("/api/v4/dreambooth/model_list", json={"key": key}).json()
            yield [record["model_id"] for record in public if record["model_id"] not in seen]
        elif provider == "openai":
            yield client.get("/models").json()["data"]
        else:
            raise ValueError(f"no raw loop for {provider!r} (known: {', '.join(PROVIDERS)})")


def model_id(record: Any) -> str:
    return record if isinstance(record, str) else record["id"]


def main() -> None:
    provider, base_url, *rest = sys.argv[1:]
    first = int(rest[1]) if rest[:1] == ["--first"] else None
    size = int(rest[0]) if rest and first is None else None
    printed = 0
    for page in pages(provider, base_url, size):
        for record in page:
            if printed == first:
                return
            print(model_id(record))
            printed += 1


if __name__ == "__main__":
    main()
