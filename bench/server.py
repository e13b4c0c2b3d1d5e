"""A loopback server for the benchmarks: each provider's list endpoints, a set latency, cached bodies.

Why not ``http.server``: one thread a connection, header parsing in Python, and a sleep
that holds its thread. This is one asyncio event loop with a minimal HTTP/1.1 keep-alive
parser: the latency is an ``asyncio.sleep`` (hundreds of requests wait at once without
blocking each other), and a body is built once per page and then served from a cache
with one ``transport.write``. It runs in its own process, so on two cores it never
competes with the client for the GIL. It answers only 127.0.0.1.

Paths (optionally behind ``/bench/<latency_ms>/<count>``, which sets the latency and the
number of models for that request; the command-line values are the defaults):

- Scenario ``GET /v1/models?pageSize=&paginationToken=`` (100 a page unless asked, 500 at most)
- TrueFoundry ``GET /api/ml/v1/models`` and ``/api/svc/v1/models?offset=&limit=`` (``pagination.total``)
- Open WebUI ``GET /api/v1/models/list?page=`` (30 a page, ``total``)
- ModelsLab ``POST /api/v3/finetune_list`` and ``POST /api/v4/dreambooth/model_list`` (one response)
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import payloads

SCENARIO_DEFAULT, SCENARIO_MAX = 100, 500
OPENWEBUI_PAGE = 30
CACHE_LIMIT = 50_000  # datasets larger than this are built per request (the 200,000-model memory run)


class Catalog:
    """Builds (and caches) page bodies for every provider."""

    def __init__(self) -> None:
        self._cache: dict[tuple[object, ...], bytes] = {}

    def _cached(self, key: tuple[object, ...], count: int, build: object) -> bytes:
        body = self._cache.get(key)
        if body is None:
            body = build()  # type: ignore[operator]
            if count <= CACHE_LIMIT:
                self._cache[key] = body
        return body

    def scenario(self, query: dict[str, list[str]], count: int) -> bytes:
        size = min(max(int(_first(query, "pageSize", SCENARIO_DEFAULT)), 1), SCENARIO_MAX)
        token = _first(query, "paginationToken", "")
        start = _decode_token(token) if token else 0
        stop = min(start + size, count)

        def build() -> bytes:
            items = payloads.records("scenario", start, stop)
            following = f',"nextPaginationToken":"{_encode_token(stop)}"' if stop < count else ""
            return b'{"models":[' + items + b"]" + following.encode() + b"}"

        return self._cached(("scenario", count, start, stop), count, build)

    def truefoundry(self, query: dict[str, list[str]], count: int) -> bytes:
        offset = max(int(_first(query, "offset", 0)), 0)
        limit = min(max(int(_first(query, "limit", 100)), 1), 1000)
        start, stop = min(offset, count), min(offset + limit, count)

        def build() -> bytes:
            items = payloads.records("truefoundry", start, stop)
            pagination = json.dumps({"total": count, "offset": offset, "limit": limit}).encode()
            return b'{"data":[' + items + b'],"pagination":' + pagination + b"}"

        return self._cached(("truefoundry", count, offset, limit), count, build)

    def openwebui(self, query: dict[str, list[str]], count: int) -> bytes:
        page = max(int(_first(query, "page", 1)), 1)
        start, stop = min((page - 1) * OPENWEBUI_PAGE, count), min(page * OPENWEBUI_PAGE, count)

        def build() -> bytes:
            return (
                b'{"items":[' + payloads.records("openwebui", start, stop) + b'],"total":' + str(count).encode() + b"}"
            )

        return self._cached(("openwebui", count, page), count, build)

    def modelslab_trained(self, count: int) -> bytes:
        def build() -> bytes:
            ids = [payloads.model_id("modelslab", i) for i in range(count)]
            return json.dumps({"status": "success", "messege": "model list", "data": ids}).encode()

        return self._cached(("modelslab-trained", count), count, build)

    def modelslab_public(self, count: int) -> bytes:
        return self._cached(
            ("modelslab-public", count), count, lambda: b"[" + payloads.records("modelslab", 0, count) + b"]"
        )

    def openai(self, count: int) -> bytes:
        def build() -> bytes:
            return b'{"object":"list","data":[' + payloads.records("openai", 0, count) + b"]}"

        return self._cached(("openai", count), count, build)


def _first(query: dict[str, list[str]], key: str, default: object) -> str:
    values = query.get(key)
    return values[0] if values else str(default)


def _encode_token(offset: int) -> str:
    """An opaque cursor about as long as Scenario's."""
    raw = json.dumps({"offset": offset, "createdAt": "2025-06-01T12:00:00.000Z", "teamId": "team_bench"})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_token(token: str) -> int:
    padded = token + "=" * (-len(token) % 4)
    return int(json.loads(base64.urlsafe_b64decode(padded))["offset"])


class Server:
    """Routes one request to its body, after the configured latency."""

    def __init__(self, latency: float, count: int) -> None:
        self.latency = latency
        self.count = count
        self.catalog = Catalog()
        self.requests = 0

    def route(self, method: str, target: str) -> tuple[int, bytes, float]:  # noqa: PLR0911 - one return a route
        """(status, body, latency in seconds) for one request."""
        url = urlsplit(target)
        path, latency, count = url.path, self.latency, self.count
        if path.startswith("/bench/"):
            _, _, latency_ms, count_text, rest = path.split("/", 4)
            latency, count, path = float(latency_ms) / 1000, int(count_text), "/" + rest
        query = parse_qs(url.query)
        if method == "GET" and path == "/v1/models":
            return 200, self.catalog.scenario(query, count), latency
        if method == "GET" and path in ("/api/ml/v1/models", "/api/svc/v1/models"):
            return 200, self.catalog.truefoundry(query, count), latency
        if method == "GET" and path == "/api/v1/models/list":
            return 200, self.catalog.openwebui(query, count), latency
        if method == "POST" and path == "/api/v3/finetune_list":
            return 200, self.catalog.modelslab_trained(count), latency
        if method == "POST" and path == "/api/v4/dreambooth/model_list":
            return 200, self.catalog.modelslab_public(count), latency
        if method == "GET" and path == "/models":  # OpenAI-compatible, under a base URL that ends before /models
            return 200, self.catalog.openai(count), latency
        if path == "/healthz":
            return 200, b'{"ok":true}', 0.0
        return 404, b'{"detail":"Not Found"}', latency

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One keep-alive connection: requests in, responses out, in order."""
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers = {
                    k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)
                }
                length = int(headers.get("content-length", "0") or 0)
                if length:
                    await reader.readexactly(length)
                self.requests += 1
                try:
                    status, body, latency = self.route(method, target)
                except (ValueError, KeyError):
                    status, body, latency = 400, b'{"detail":"bad request"}', 0.0
                if latency > 0:
                    await asyncio.sleep(latency)
                close = headers.get("connection", "").lower() == "close"
                reason = {200: "OK", 400: "Bad Request", 404: "Not Found"}[status]
                connection = "close" if close else "keep-alive"
                status_line = f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\n"
                status_line += f"content-length: {len(body)}\r\nconnection: {connection}\r\n\r\n"
                writer.write(status_line.encode() + body)
                await writer.drain()
                if close:
                    return
        finally:
            writer.close()


async def serve(port: int, latency: float, count: int) -> None:
    """Serve until killed; print the URL once listening (the parent waits for that line)."""
    app = Server(latency, count)
    server = await asyncio.start_server(app.handle, "127.0.0.1", port, backlog=512)
    bound = server.sockets[0].getsockname()[1]
    print(f"http://127.0.0.1:{bound}", flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0: any free port (printed on start)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="added before every response")
    parser.add_argument("--count", type=int, default=10_000, help="models each provider holds")
    args = parser.parse_args()
    try:
        import uvloop  # noqa: PLC0415

        uvloop.install()
    except ImportError:
        pass
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.port, args.latency_ms / 1000, args.count))


if __name__ == "__main__":
    main()
