"""The credentials the loopback server expects, and HTTP settings that keep retries fast."""

from __future__ import annotations

from typing import Any

import httpx
from modelcatalog import HTTPSettings, RetryPolicy

#: the credentials each provider's client sends, and the server expects
CREDENTIALS: dict[str, dict[str, str]] = {
    "scenario": {"api_key": "sc-key-0001", "api_secret": "sc-secret-0001"},
    "truefoundry": {"api_key": "tfy-token-0001"},
    "openwebui": {"api_key": "sk-owui-0001"},
    "modelslab": {"api_key": "ml-key-0001"},
}
SERVER_CREDENTIALS = {
    "scenario": "sc-key-0001:sc-secret-0001",
    "truefoundry": "tfy-token-0001",
    "openwebui": "sk-owui-0001",
    "modelslab": "ml-key-0001",
}
#: every variable a provider reads: cleared so a developer's real environment never leaks in
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


def fast_http(**retry: Any) -> HTTPSettings:
    """Tiny backoffs and a short timeout: retries are exercised without slowing the suite."""
    options: dict[str, Any] = {"backoff_initial": 0.001, "backoff_max": 0.005, "retry_after_cap": 1.0}
    options.update(retry)
    return HTTPSettings(retry=RetryPolicy(**options), timeout=httpx.Timeout(2.0))
