"""Serve recorded provider payloads to the generated clients through ``httpx.MockTransport``.

The clients keep their real base-URL handling, auth headers and query building; only the
network is replaced, so a test sees exactly the request the client would send. Base URLs
point at 127.0.0.1 so that a transport left out by mistake cannot reach the internet.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

PAYLOADS = Path(__file__).resolve().parents[1] / "fixtures" / "payloads"


@dataclass
class Served:
    """One canned response, and every request the client made for it."""

    body: Any
    status: int = 200
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status, json=self.body)

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    @property
    def request(self) -> httpx.Request:
        """The only request made (a list call is one request)."""
        assert len(self.requests) == 1, self.requests
        return self.requests[0]


@pytest.fixture
def payload() -> Callable[[str, str], Any]:
    """``payload("scenario", "list_models.json")``: a fresh copy a test may change."""

    def load(provider: str, name: str) -> Any:
        return copy.deepcopy(json.loads((PAYLOADS / provider / name).read_text(encoding="utf-8")))

    return load


@pytest.fixture
def serve() -> Callable[..., Served]:
    """``serve(body, status=200)``: a recording handler; pass ``.transport`` to the client."""

    def make(body: Any, status: int = 200) -> Served:
        return Served(body=body, status=status)

    return make
