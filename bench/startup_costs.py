"""What one listing pays before its first record, in-process: ``python bench/startup_costs.py MODE PROVIDER URL``.

Prints one JSON line. Each mode runs in a fresh interpreter (``bench/run.py`` runs
every mode several times and takes medians), and uses only the public API
(``modelcatalog.Client``, ``modelcatalog.catalog``), so moving modules inside the
library does not break it:

- ``phases``: the steps of a ``limit=1`` listing, timed one after another: import the
  package, resolve ``modelcatalog.Client`` (its imports), build the client, the first
  record, a second ``limit=1`` listing on the same client (what stays once the one-time
  costs are paid), importing ``modelcatalog.catalog`` on top (the command needs it).
- ``profile``: cProfile of building the client and the first listing (imports done
  before): the named pieces below (cumulative) when the profile has them, and the top
  functions by their own time.
- ``pieces``: the third-party work issue 13 names, each on its own, cold: an httpx
  client and transport (each makes an SSL context, even for a plain-http URL), the SSL
  context itself, and msgspec decoders for every Struct of the provider's generated
  module (what a listing's decoder compiles on first use).
"""

from __future__ import annotations

import cProfile
import importlib
import json
import pstats
import sys
import time
from typing import Any

KEY, SECRET = "bench-key", "bench-secret"  # the loopback server ignores them

#: (piece, substrings of a profiled function "file:line(name)"); a piece missing from a profile is left out
NAMED_PIECES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("httpx client construction", ("httpx/_client.py", "(__init__)")),
    ("httpx transport construction", ("_transports/default.py", "(__init__)")),
    ("SSL context (httpx.create_ssl_context)", ("(create_ssl_context)",)),
    ("SSL: load the CA bundle", ("load_verify_locations",)),
    ("response decoder construction", ("decoding.py", "(__init__)")),
    ("msgspec type_info (decoder set-up)", ("(type_info)",)),
    ("imports during the listing", ("(_find_and_load)",)),
)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def phases(provider: str, url: str) -> dict[str, Any]:
    steps: dict[str, float] = {}
    mark = time.perf_counter()

    def step(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        steps[name] = _ms(now - mark)
        mark = now

    import modelcatalog  # noqa: PLC0415

    step("import modelcatalog")
    client_class = modelcatalog.Client
    step("resolve modelcatalog.Client (imports)")
    client = client_class(provider, base_url=url, api_key=KEY, api_secret=SECRET)
    step("build the Client")
    pager = iter(client.list_models(limit=1))
    next(pager)
    step("first record")
    for _ in pager:
        pass
    step("rest of the limit=1 listing")
    for _ in client.list_models(limit=1):
        pass
    step("a second limit=1 listing (warm)")
    client.close()
    step("close")
    importlib.import_module("modelcatalog.catalog")
    step("import modelcatalog.catalog on top")
    return {"steps_ms": steps}


def profile(provider: str, url: str, top: int = 25) -> dict[str, Any]:
    import modelcatalog  # noqa: PLC0415

    client_class = modelcatalog.Client
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    with client_class(provider, base_url=url, api_key=KEY, api_secret=SECRET) as client:
        for _ in client.list_models(limit=1):
            pass
    profiler.disable()
    elapsed = time.perf_counter() - started
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = []
    for (filename, line, name), (_, calls, own, cumulative, _) in stats.items():
        rows.append(
            {
                "function": f"{_short(filename)}:{line}({name})",
                "calls": calls,
                "cumulative_ms": _ms(cumulative),
                "own_ms": _ms(own),
            }
        )
    pieces = {}
    for piece, needles in NAMED_PIECES:
        matches = [row for row in rows if all(needle in row["function"] for needle in needles)]
        if matches:
            pieces[piece] = max(row["cumulative_ms"] for row in matches)
    rows.sort(key=lambda row: -row["own_ms"])  # where the time is spent, not the callers it passes through
    return {"profiled_ms": _ms(elapsed), "pieces_ms": pieces, "top": rows[:top]}


def pieces(provider: str, url: str) -> dict[str, Any]:
    del url
    import httpx  # noqa: PLC0415
    import msgspec  # noqa: PLC0415

    out: dict[str, float] = {}
    started = time.perf_counter()
    httpx.create_ssl_context()
    out["httpx.create_ssl_context() (first)"] = _ms(time.perf_counter() - started)
    started = time.perf_counter()
    httpx.create_ssl_context()
    out["httpx.create_ssl_context() (again)"] = _ms(time.perf_counter() - started)
    started = time.perf_counter()
    httpx.HTTPTransport()
    out["httpx.HTTPTransport()"] = _ms(time.perf_counter() - started)
    started = time.perf_counter()
    httpx.Client().close()
    out["httpx.Client()"] = _ms(time.perf_counter() - started)
    started = time.perf_counter()
    httpx.Client(transport=httpx.MockTransport(lambda _: httpx.Response(200))).close()
    out["httpx.Client(transport=...) (its own transport unused)"] = _ms(time.perf_counter() - started)

    from modelcatalog_generated.registry import PACKAGES  # noqa: PLC0415 - the generated registry, public

    started = time.perf_counter()
    module = importlib.import_module(f"modelcatalog_generated.structs.{PACKAGES[provider]}")
    out["import the generated structs"] = _ms(time.perf_counter() - started)
    structs = [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, msgspec.Struct) and value.__module__ == module.__name__
    ]
    started = time.perf_counter()
    for struct in structs:
        msgspec.json.Decoder(struct)
    out["msgspec decoders for every struct (cold)"] = _ms(time.perf_counter() - started)
    started = time.perf_counter()
    for struct in structs:
        msgspec.inspect.type_info(struct)
    out["msgspec.inspect.type_info of each struct"] = _ms(time.perf_counter() - started)
    return {"pieces_ms": out, "structs": len(structs)}


def _short(filename: str) -> str:
    """The last two parts of a path (``httpx/_client.py``); built-ins as they are."""
    parts = filename.replace("\\", "/").split("/")
    return "/".join(parts[-2:]) if len(parts) > 1 else filename


MODES = {"phases": phases, "profile": profile, "pieces": pieces}


def main() -> None:
    mode, provider, url = sys.argv[1:4]
    print(json.dumps(MODES[mode](provider, url)), flush=True)


if __name__ == "__main__":
    main()
