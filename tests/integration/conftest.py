"""Real servers, installed on first use, started (and seeded) once per session.

Open WebUI 0.12.4 (``openwebui_env.py``) and a LiteLLM proxy (``litellm_env.py``), each
from a hash-locked requirements file into ``.cache/``; both files are also scripts
(``install|serve``). When an install or a start fails the tests fail, unless
``MODELCATALOG_SKIP_LIVE=1`` says this machine cannot run real peers, in which case they
skip. An install happens in view of the person running the tests. Every test that asks
for one of these fixtures is marked ``slow`` here, so ``-m "not slow"`` never starts them.
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

import litellm_env
import openwebui_env
import pytest
from locked_venv import InstallError, LockedVenv
from openwebui_env import SeededServer, running_openwebui, seed
from peer_process import ServerStartError
from support.live_peers import install_in_view, unavailable

if TYPE_CHECKING:
    from collections.abc import Iterator

LIVE_FIXTURES = frozenset({"openwebui", "litellm"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a live server ``slow`` (each costs seconds to start)."""
    for item in items:
        if LIVE_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def _install(request: pytest.FixtureRequest, venv: LockedVenv, peer: str) -> None:
    try:
        with install_in_view(request.config, installing=not venv.is_installed()):
            venv.install()
    except (InstallError, subprocess.CalledProcessError, OSError) as exc:
        unavailable(f"cannot install {venv.label}: {exc}", peer)


@pytest.fixture(scope="session")
def openwebui(request: pytest.FixtureRequest) -> Iterator[SeededServer]:
    """Open WebUI on 127.0.0.1 with two users, their API keys and 216 models (see ``seed``)."""
    _install(request, openwebui_env.locked_venv(), "Open WebUI")
    try:
        with running_openwebui() as server:
            yield seed(server)
    except ServerStartError as exc:
        unavailable(f"cannot start open-webui: {exc}", "Open WebUI")


@pytest.fixture(scope="session")
def litellm(request: pytest.FixtureRequest) -> Iterator[litellm_env.RunningLiteLLM]:
    """A LiteLLM proxy on 127.0.0.1 declaring ``MODEL_COUNT`` models, with a master key made for the run."""
    _install(request, litellm_env.locked_venv(), "LiteLLM")
    try:
        with litellm_env.running_litellm() as server:
            yield server
    except ServerStartError as exc:
        unavailable(f"cannot start litellm: {exc}", "LiteLLM")
