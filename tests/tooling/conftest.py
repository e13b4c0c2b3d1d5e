"""Keep the upstream check offline in every spec test: no package index, no Open WebUI unless a test gives one."""

from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

OPENWEBUI_VENV = "MODELCATALOG_OPENWEBUI_VENV"
_AS_THE_USER_SET_IT = os.environ.get(OPENWEBUI_VENV)


@pytest.fixture(autouse=True)
def offline_sources(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty local package index, and no Open WebUI environment or server, unless a test sets its own.

    ``modelcatalog upstream`` reads PyPI and an installed Open WebUI by default; a test
    that forgot to say where would otherwise reach the internet or start the real app.
    """
    empty = tmp_path_factory.mktemp("empty-index")
    monkeypatch.setenv("PIP_INDEX_URL", str(empty))
    monkeypatch.setenv(OPENWEBUI_VENV, str(empty / "no-environment"))
    monkeypatch.delenv("MODELCATALOG_OPENWEBUI_URL", raising=False)
    return empty


@pytest.fixture
def real_openwebui_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """For a test that installs the real Open WebUI: the environment variable as the user set it."""
    if _AS_THE_USER_SET_IT:
        monkeypatch.setenv(OPENWEBUI_VENV, _AS_THE_USER_SET_IT)
    else:
        monkeypatch.delenv(OPENWEBUI_VENV, raising=False)


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]]

    def do_GET(self) -> None:
        status, content_type, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def serve() -> Iterator[Callable[..., str]]:
    """``serve(path, body, status=200, content_type=...)`` -> the URL it is served at on 127.0.0.1.

    Published documents, package index pages and wheels, an Open WebUI ``/openapi.json``.
    """
    routes: dict[str, tuple[int, str, bytes]] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Handler", (_Handler,), {"routes": routes}))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def add(path: str, body: bytes, status: int = 200, content_type: str = "application/octet-stream") -> str:
        routes[path] = (status, content_type, body)
        return base + path

    yield add
    server.shutdown()
    server.server_close()
