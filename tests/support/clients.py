"""The credentials the loopback server expects, every variable a provider reads, and HTTP settings for fast retries."""

from __future__ import annotations

from typing import Any

import httpx
from modelcatalog import HTTPSettings, RetryPolicy
from modelcatalog.providers import NAMES, PROVIDERS

from support import providers

#: the credentials each provider's client sends, and the server expects
CREDENTIALS: dict[str, dict[str, str]] = {name: providers.credentials(name) for name in NAMES}
#: what the fault server expects of each provider's client, decoded ("key:secret" for Basic)
SERVER_CREDENTIALS: dict[str, str] = {name: providers.server_credential(name) for name in NAMES}
#: every variable a provider reads: cleared so a developer's real environment never leaks in
PROVIDER_ENV: tuple[str, ...] = tuple(
    variable
    for provider in PROVIDERS.values()
    for variable in (*(spec.env_var for spec in provider.credentials), provider.base_url_env)
    if variable
)


def environment(provider: str, credentials: dict[str, str] | None = None) -> dict[str, str]:
    """The variables that hold ``provider``'s credentials (default: the ones the server expects)."""
    given = CREDENTIALS[provider] if credentials is None else credentials
    return {spec.env_var: given[spec.argument] for spec in PROVIDERS[provider].credentials}


def fast_http(**retry: Any) -> HTTPSettings:
    """Tiny backoffs and a short timeout: retries are exercised without slowing the suite."""
    options: dict[str, Any] = {"backoff_initial": 0.001, "backoff_max": 0.005, "retry_after_cap": 1.0}
    options.update(retry)
    return HTTPSettings(retry=RetryPolicy(**options), timeout=httpx.Timeout(2.0))
