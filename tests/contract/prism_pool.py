"""The session's Prism servers and where the derived documents are, shared by the contract tests.

Kept out of ``conftest.py`` so test modules can import them by a name no other test
folder uses (``from conftest import ...`` picks whichever conftest loaded first).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from modelcatalog.tooling.manifest import load_manifest
from prism import PrismError, PrismInstall, PrismServer, running_prism

if TYPE_CHECKING:
    import contextlib

ROOT = Path(__file__).resolve().parents[2]


def derived_spec(provider: str) -> Path:
    """The derived document the generated client for ``provider`` was made from."""
    for entry in load_manifest(ROOT / "specs").providers:
        if entry.name == provider:
            return entry.derived
    raise KeyError(provider)


def unavailable(reason: str) -> None:
    if os.environ.get("MODELCATALOG_SKIP_LIVE") == "1":
        pytest.skip(f"{reason} (MODELCATALOG_SKIP_LIVE=1)")
    pytest.fail(f"{reason}; set MODELCATALOG_SKIP_LIVE=1 to skip tests that need Prism", pytrace=False)


class PrismPool:
    """Starts one Prism a provider on first use and stops them all at session end."""

    def __init__(self, install: PrismInstall, stack: contextlib.ExitStack) -> None:
        self._install = install
        self._stack = stack
        self._servers: dict[str, PrismServer] = {}

    def get(self, provider: str) -> PrismServer:
        """The running Prism for ``provider`` (started now if it is the first ask)."""
        if provider not in self._servers:
            try:
                server = self._stack.enter_context(running_prism(derived_spec(provider), install=self._install))
            except PrismError as exc:
                unavailable(f"cannot start Prism for {provider}: {exc}")
                raise
            self._servers[provider] = server
        return self._servers[provider]
