"""One measurement per process: ``python bench/contenders.py JSON`` prints one JSON result line.

Every contender runs in a fresh interpreter so none inherits another's imports, warm
connection pools, heap or GC state. Timed: building the client and iterating every
item of the listing (imports are not timed; the CLI runs time those separately).
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import list_raw_httpx
import normalize_hook
import payloads

KEY, SECRET = "bench-key", "bench-secret"  # the loopback server ignores them


def _status(field: str) -> int:
    """A /proc/self/status value in KiB (VmRSS: now, VmHWM: peak so far)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


# -- listing contenders ----------------------------------------------------------------------


def modelcatalog_list(provider: str, base_url: str, options: dict[str, Any]) -> int:
    from modelcatalog import Client  # noqa: PLC0415

    normalizer = normalize_hook.find()[0] if options.pop("normalize", False) else None
    with Client(provider, base_url=base_url, api_key=KEY, api_secret=SECRET) as client:
        count = 0
        if normalizer is None:
            for _ in client.list_models(**options):
                count += 1
        else:
            for item in client.list_models(**options):
                normalizer(provider, item)
                count += 1
        return count


def scenario_sdk_list(provider: str, base_url: str, options: dict[str, Any]) -> int:
    del provider
    from scenario_sdk import Scenario  # noqa: PLC0415

    client = Scenario(api_key=KEY, api_secret=SECRET, base_url=base_url + "/v1")
    try:
        return sum(1 for _ in client.models.list(**options))
    finally:
        client.close()


def truefoundry_sdk_list(provider: str, base_url: str, options: dict[str, Any]) -> int:
    del provider
    from truefoundry_sdk import TrueFoundry  # noqa: PLC0415

    client = TrueFoundry(base_url=base_url, api_key=KEY)
    return sum(1 for _ in client.models.list(**options))


def raw_httpx_list(provider: str, base_url: str, options: dict[str, Any]) -> int:
    """The floor a hand-written sequential loop reaches: stdlib json, no validation (``scripts/list_raw_httpx.py``)."""
    return sum(len(page) for page in list_raw_httpx.pages(provider, base_url, options.get("page_size")))


LISTERS = {
    "modelcatalog": modelcatalog_list,
    "scenario-sdk": scenario_sdk_list,
    "truefoundry-sdk": truefoundry_sdk_list,
    "raw-httpx": raw_httpx_list,
}


def run_listing(spec: dict[str, Any]) -> dict[str, Any]:
    lister = LISTERS[spec["client"]]
    options = dict(spec.get("options", {}))
    if spec["client"] == "modelcatalog":
        modelcatalog_list(spec["provider"], spec["base_url"], {"limit": 1})  # imports and first decode, untimed
    else:
        # import the SDK untimed; the listing itself is what is compared
        _import_for(spec["client"])
    gc.collect()
    rss_before = _status("VmRSS")
    started = time.perf_counter()
    items = lister(spec["provider"], spec["base_url"], options)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "items": items,
        "rss_before_kib": rss_before,
        "peak_rss_kib": _status("VmHWM"),
        "rss_growth_kib": _status("VmHWM") - rss_before,
    }


def _import_for(client: str) -> None:
    if client == "scenario-sdk":
        import scenario_sdk  # noqa: F401, PLC0415
    elif client == "truefoundry-sdk":
        import truefoundry_sdk  # noqa: F401, PLC0415
    else:
        import httpx  # noqa: F401, PLC0415


# -- parse and normalize throughput -------------------------------------------------------


def _pages(provider: str, count: int, size: int) -> list[bytes]:
    if provider == "scenario":
        return [
            b'{"models":[' + payloads.records(provider, a, min(a + size, count)) + b"]}" for a in range(0, count, size)
        ]
    if provider == "truefoundry":
        tail = f',"pagination":{{"total":{count}}}}}'.encode()
        return [
            b'{"data":[' + payloads.records(provider, a, min(a + size, count)) + b"]" + tail
            for a in range(0, count, size)
        ]
    if provider == "openwebui":
        tail = f',"total":{count}}}'.encode()
        return [
            b'{"items":[' + payloads.records(provider, a, min(a + size, count)) + b"]" + tail
            for a in range(0, count, size)
        ]
    if provider == "openai":
        return [b'{"object":"list","data":[' + payloads.records(provider, 0, count) + b"]}"]
    return [b"[" + payloads.records(provider, 0, count) + b"]"]


PAGE_SIZES = {"scenario": 500, "truefoundry": 100, "openwebui": 30, "modelslab": 10**9, "openai": 10**9}


def run_parse(spec: dict[str, Any]) -> dict[str, Any]:
    """Records/s decoding pages with modelcatalog's decoder (and normalizing, when available)."""
    from modelcatalog.context import OperationContext  # noqa: PLC0415
    from modelcatalog.decoding import ResponseDecoder  # noqa: PLC0415
    from modelcatalog.events import EventSink  # noqa: PLC0415
    from modelcatalog.providers import get_provider  # noqa: PLC0415
    from modelcatalog_generated.structs.known_values import KNOWN_VALUES  # noqa: PLC0415

    provider, count, rounds = spec["provider"], spec["count"], spec.get("rounds", 3)
    operation = get_provider(provider).operations[-1]  # ModelsLab: the public list, which has records
    pages = _pages(provider, count, PAGE_SIZES[provider])
    decoder = ResponseDecoder(operation.envelope, KNOWN_VALUES.get(provider, {}))
    drift: list[object] = []
    ctx = OperationContext(provider, operation.name, EventSink(drift.append))
    normalizer, how = normalize_hook.find()

    def decode_all() -> list[Any]:
        items: list[Any] = []
        for position, body in enumerate(pages):
            items += operation.page_of(decoder.decode(body, ctx), position).items
        return items

    result: dict[str, Any] = {"records": count, "bytes": sum(map(len, pages)), "normalizer": how}
    decode_times, total_times = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        items = decode_all()
        decode_times.append(time.perf_counter() - started)
        if normalizer is not None:
            started = time.perf_counter()
            items = decode_all()
            for item in items:
                normalizer(provider, item)
            total_times.append(time.perf_counter() - started)
        del items
    result["decode_records_per_s"] = count / min(decode_times)
    result["drift_events"] = len(drift)  # 0: every page took the one-pass fast path
    if total_times:
        result["decode_normalize_records_per_s"] = count / min(total_times)
    result.update(_sdk_parse(provider, pages, count, rounds))
    return result


def _sdk_parse(provider: str, pages: list[bytes], count: int, rounds: int) -> dict[str, Any]:
    """The official SDK's own parsing of the same pages, for context (where there is one)."""
    try:
        if provider == "scenario":
            from scenario_sdk._models import construct_type  # noqa: PLC0415
            from scenario_sdk.types.model_list_response import ModelListResponse  # noqa: PLC0415

            def parse(body: bytes) -> int:
                return len([construct_type(type_=ModelListResponse, value=m) for m in json.loads(body)["models"]])

        elif provider == "truefoundry":
            from truefoundry_sdk.core.pydantic_utilities import parse_obj_as  # noqa: PLC0415
            from truefoundry_sdk.types.list_models_response import ListModelsResponse  # noqa: PLC0415

            def parse(body: bytes) -> int:
                return len(parse_obj_as(ListModelsResponse, json.loads(body)).data)

        else:
            return {}
    except ImportError:
        return {}
    best = min(_timed(lambda: sum(parse(body) for body in pages)) for _ in range(max(rounds - 1, 1)))
    return {"sdk_parse_records_per_s": count / best}


def _timed(work: Any) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    spec = json.loads(sys.argv[1])
    result = run_parse(spec) if spec["kind"] == "parse" else run_listing(spec)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
