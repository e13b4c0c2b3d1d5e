"""Keep the upstream check offline in every spec test: no package index, no Open WebUI unless a test gives one."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

OPENWEBUI_VENV = "MODELCATALOG_OPENWEBUI_VENV"
_AS_THE_USER_SET_IT = os.environ.get(OPENWEBUI_VENV)


@pytest.fixture(autouse=True)
def offline_sources(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty local package index, and no Open WebUI environment or server, unless a test sets its own.

    ``modelcatalog spec diff`` reads PyPI and an installed Open WebUI by default; a test
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
