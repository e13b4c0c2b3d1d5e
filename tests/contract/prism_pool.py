"""The session's Prism servers and where the derived documents are, shared by the contract tests.

Kept out of ``conftest.py`` so test modules can import them by a name no other test
folder uses (``from conftest import ...`` picks whichever conftest loaded first).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from modelcatalog.tooling.manifest import load_manifest
from prism import PrismError, PrismInstall, PrismServer, running_prism
from support.live_peers import unavailable

if TYPE_CHECKING:
    import contextlib

ROOT = Path(__file__).resolve().parents[2]


def derived_spec(provider: str) -> Path:
    """The derived document the generated client for ``provider`` was made from."""
    for entry in load_manifest(ROOT / "specs").providers:
        if entry.name == provider:
            return entry.derived
    raise KeyError(provider)


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
                unavailable(f"cannot start Prism for {provider}: {exc}", "Prism")
            self._servers[provider] = server
        return self._servers[provider]
