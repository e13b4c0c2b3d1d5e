"""The providers modelcatalog knows, by name."""

from __future__ import annotations

from modelcatalog.providers._base import Provider
from modelcatalog.providers.modelslab import PROVIDER as MODELSLAB
from modelcatalog.providers.openwebui import PROVIDER as OPENWEBUI
from modelcatalog.providers.scenario import PROVIDER as SCENARIO
from modelcatalog.providers.truefoundry import PROVIDER as TRUEFOUNDRY

PROVIDERS: dict[str, Provider] = {p.name: p for p in (SCENARIO, TRUEFOUNDRY, OPENWEBUI, MODELSLAB)}


def get_provider(name: str) -> Provider:
    """The provider called ``name``; the error lists the known ones."""
    try:
        return PROVIDERS[name.lower()]
    except KeyError:
        known = ", ".join(PROVIDERS)
        msg = f"unknown provider {name!r} (known: {known})"
        raise ValueError(msg) from None


__all__ = ["PROVIDERS", "Provider", "get_provider"]
