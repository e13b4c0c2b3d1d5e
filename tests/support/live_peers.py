"""What every real-peer fixture shares (Prism, Open WebUI, LiteLLM).

A peer that cannot be installed or started fails its tests, unless
``MODELCATALOG_SKIP_LIVE=1`` says this machine cannot run real peers; then they skip.

Installing a peer takes minutes the first time. pytest captures output, so without help a
person running the tests would watch nothing happen: ``install_in_view`` lifts the
capture around an install, so its progress and timing reach the terminal.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, NoReturn

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

SKIP_ENV = "MODELCATALOG_SKIP_LIVE"


def unavailable(reason: str, peer: str) -> NoReturn:
    """Skip when the machine says it cannot run real peers, else fail with how to skip."""
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{reason} ({SKIP_ENV}=1)")
    pytest.fail(f"{reason}; set {SKIP_ENV}=1 to skip tests that need {peer}", pytrace=False)


@contextlib.contextmanager
def install_in_view(config: pytest.Config, *, installing: bool) -> Iterator[None]:
    """Show what happens inside to the person at the terminal, when ``installing``.

    A reused install says nothing, so a warm run's output stays the usual dots.
    """
    capture = config.pluginmanager.getplugin("capturemanager")
    if not installing or capture is None:
        yield
        return
    with capture.global_and_fixture_disabled():
        sys.stderr.write("\n")  # below the line of progress dots
        sys.stderr.flush()
        yield
