"""Names a package exports but imports on first use, so that importing the package stays cheap.

``modelcatalog`` and ``modelcatalog.catalog`` list their public names with the module
each lives in; ``import modelcatalog`` then loads neither httpx nor the generated
clients, and a provider module can use the catalog's helpers without loading the
listing machinery.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


def lazy(package: str, exports: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``exports[name]`` imported on first use and kept in ``namespace``."""

    def load(name: str) -> Any:  # noqa: ANN401 - whatever the package exports
        module = exports.get(name)
        if module is None:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return load
