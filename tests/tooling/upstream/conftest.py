"""Copies of specs/ for the upstream tests that vendor a different document or accept one."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import pytest
from acme_provider import build_wheel
from upstream_runs import SPECS

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the checkout's specs/ (what the upstream check reads and --update writes)."""
    shutil.copytree(SPECS, tmp_path / "specs", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


@pytest.fixture
def openwebui_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of specs/ whose Open WebUI document the stand-in app serves, edited: `offset` is a new parameter."""
    repo = tmp_path / "repo"
    shutil.copytree(SPECS, repo / "specs", ignore=shutil.ignore_patterns("__pycache__"))
    document = json.loads((SPECS / "openwebui" / "upstream.json").read_bytes())
    document["paths"]["/api/v1/models/list"]["get"]["parameters"].append(
        {"name": "offset", "in": "query", "required": False, "schema": {"type": "integer"}}
    )
    served = tmp_path / "served.json"
    served.write_text(json.dumps(document))
    monkeypatch.setenv("ACME_DOCUMENT", str(served))
    build_wheel(tmp_path / "index", "open-webui", "0.13.0", {"open_webui/__init__.py": ""})
    build_wheel(tmp_path / "index", "open-webui", "0.12.4", {"open_webui/__init__.py": ""})
    return repo
