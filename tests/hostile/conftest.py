"""Fixtures for the hostile-server suite: raw loopback servers and a clean environment."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

import pytest
from support.clients import PROVIDER_ENV
from support.raw_server import RawServer

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROVIDER_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def serve() -> Iterator[Callable[..., RawServer]]:
    """``serve(handler)``: a started raw server, stopped (every connection closed) after the test."""
    with contextlib.ExitStack() as stack:

        def start(handler: Any = None, **options: Any) -> RawServer:
            return stack.enter_context(RawServer(handler, **options))

        yield start
