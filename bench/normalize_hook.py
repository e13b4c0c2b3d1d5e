"""Where the benchmarks plug in normalization: ``find()`` -> (callable(provider, record), how).

Normalization (``modelcatalog.catalog``) is written alongside the benchmarks. When it is
importable, the bench times decode + normalize; otherwise it times decode alone and says
so. The first entry point found that accepts a decoded record of the provider is used;
to change the convention, change ``_CANDIDATES`` here and nothing else.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from typing import Any

Normalizer = Callable[[str, Any], Any]

# (module, attribute, how it is called): the first that imports and is callable wins
_CANDIDATES: tuple[tuple[str, str, str], ...] = (
    ("modelcatalog.catalog", "normalize", "provider_first"),
    ("modelcatalog.catalog", "normalize_record", "provider_first"),
    ("modelcatalog.catalog", "to_catalog", "provider_first"),
    ("modelcatalog.catalog.normalize", "normalize", "provider_first"),
)


def _adapt(function: Callable[..., Any], style: str) -> Normalizer:
    if style == "provider_first":
        return function
    return lambda provider, record: function(record, provider=provider)


@cache
def find() -> tuple[Normalizer | None, str]:
    """The normalizer, and a note of which one (or why there is none)."""
    for module_name, attribute, style in _CANDIDATES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, attribute, None)
        if callable(function):
            return _adapt(function, style), f"{module_name}.{attribute}"
    return None, "not available (modelcatalog.catalog has no normalize entry point yet): decode only"
