"""Records in bulk, for any provider: each provider's factories live with its test data (``support.providers``).

``many(factory, count)`` numbers records from ``start``; ``fill(server, provider, count)``
puts ``count`` records on each of a provider's routes of a fault server and returns the
ids a listing yields, in the provider's order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from support import providers

if TYPE_CHECKING:
    from support.fault_server import FaultServer


def many(factory: Any, count: int, start: int = 0) -> list[Any]:
    """``count`` records from ``factory``, numbered from ``start``."""
    return [factory(n) for n in range(start, start + count)]


def fill(server: FaultServer, provider: str, count: int) -> list[str]:
    """``count`` records on each of ``provider``'s routes; the ids a listing of it yields."""
    return providers.fill(server.models, provider, count)


def ids(server: FaultServer, provider: str) -> list[str]:
    """The ids a listing of ``provider`` yields from what ``server`` holds."""
    return providers.ids(provider, server.models)
