"""Keep a developer's real provider environment out of the catalog tests."""

from __future__ import annotations

import pytest

PROVIDER_ENV = (
    "SCENARIO_SDK_API_KEY",
    "SCENARIO_SDK_API_SECRET",
    "SCENARIO_BASE_URL",
    "TFY_API_KEY",
    "TFY_HOST",
    "OPENWEBUI_API_KEY",
    "OPENWEBUI_BASE_URL",
    "MODELSLAB_API_KEY",
    "MODELSLAB_BASE_URL",
)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROVIDER_ENV:
        monkeypatch.delenv(name, raising=False)
