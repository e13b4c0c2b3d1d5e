"""The command reads a configuration file: keep the developer's own (and its variables) out of every test."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(autouse=True)
def no_configuration_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An empty XDG configuration home and no MODELCATALOG_* variable (commands run as subprocesses inherit it)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for variable in ("MODELCATALOG_CONFIG", "MODELCATALOG_PROFILE"):
        monkeypatch.delenv(variable, raising=False)
