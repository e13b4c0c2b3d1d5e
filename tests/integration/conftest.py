"""A real Open WebUI 0.12.4, installed on first use, started and seeded once per session.

Install, start and seed live in ``openwebui_env.py`` (also a script: ``install|serve``).
When the install or the start fails the tests fail, unless ``MODELCATALOG_SKIP_LIVE=1``
says this machine cannot run real peers, in which case they skip. Every test that asks
for the ``openwebui`` fixture is marked ``slow`` here, so ``-m "not slow"`` never starts it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from openwebui_env import SeededServer, ServerStartError, install, running_openwebui, seed

if TYPE_CHECKING:
    from collections.abc import Iterator

FIXTURE = "openwebui"


def _unavailable(reason: str) -> None:
    if os.environ.get("MODELCATALOG_SKIP_LIVE") == "1":
        pytest.skip(f"{reason} (MODELCATALOG_SKIP_LIVE=1)")
    pytest.fail(f"{reason}; set MODELCATALOG_SKIP_LIVE=1 to skip tests that need Open WebUI", pytrace=False)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the live server ``slow`` (it costs ~20 s to start and seed)."""
    for item in items:
        if FIXTURE in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def openwebui() -> Iterator[SeededServer]:
    """Open WebUI on 127.0.0.1 with two users, their API keys and 216 models (see ``seed``)."""
    try:
        result = install()
    except (subprocess.CalledProcessError, OSError) as exc:
        _unavailable(f"cannot install open-webui: {exc}")
        raise  # unreachable: skip/fail raise
    # said either way, so a CI log shows whether this run installed from nothing or reused a venv
    how = "reused" if result.reused else f"installed in {result.seconds:.0f}s, {result.size_bytes / 1e6:.0f} MB"
    print(f"open-webui venv {result.venv}: {how}", file=sys.stderr)  # noqa: T201
    try:
        with running_openwebui() as server:
            yield seed(server)
    except ServerStartError as exc:
        _unavailable(f"cannot start open-webui: {exc}")
