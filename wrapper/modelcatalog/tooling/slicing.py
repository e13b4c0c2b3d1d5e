"""Cut a document down to the operations we use and everything they reach.

Open WebUI publishes 533 paths; we use one. Slicing keeps the derived document small
enough to review, and keeps the generated client free of code nobody calls.
"""

from __future__ import annotations

from typing import Any

from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.refs import iter_refs, resolve, split_component_ref

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PATH_ITEM_KEYS = ("summary", "description", "servers", "parameters")


def parse_operation(operation: str) -> tuple[str, str]:
    """``"GET /models"`` -> ``("get", "/models")``."""
    method, _, path = operation.strip().partition(" ")
    if method.lower() not in HTTP_METHODS or not path.startswith("/"):
        msg = f"operation {operation!r} is not of the form 'METHOD /path'"
        raise SpecError(msg)
    return method.lower(), path.strip()


def slice_document(document: dict[str, Any], operations: list[str]) -> dict[str, Any]:
    """Keep ``operations`` and the components, tags and security schemes they use."""
    paths: dict[str, Any] = {}
    for operation in operations:
        method, path = parse_operation(operation)
        path_item = document.get("paths", {}).get(path)
        if not isinstance(path_item, dict) or method not in path_item:
            msg = f"operation {operation!r} is not in the document"
            raise SpecError(msg)
        kept = paths.setdefault(path, {key: path_item[key] for key in _PATH_ITEM_KEYS if key in path_item})
        kept[method] = path_item[method]

    sliced: dict[str, Any] = {}
    for key, value in document.items():
        if key == "paths":
            sliced["paths"] = paths
        elif key == "tags":
            used = {tag for item in paths.values() for op in _operations(item) for tag in op.get("tags", [])}
            sliced["tags"] = [tag for tag in value if tag.get("name") in used]
        elif key not in ("components", "webhooks"):
            sliced[key] = value

    components = _reachable_components(document, paths)
    if components:
        sliced["components"] = components
    return sliced


def _operations(path_item: dict[str, Any]) -> list[dict[str, Any]]:
    return [path_item[method] for method in HTTP_METHODS if method in path_item]


def _reachable_components(document: dict[str, Any], paths: dict[str, Any]) -> dict[str, Any]:
    wanted: set[tuple[str, str]] = set()
    pending = list(iter_refs(paths))
    while pending:
        ref = pending.pop()
        key = split_component_ref(ref)
        if key in wanted:
            continue
        wanted.add(key)
        pending.extend(iter_refs(resolve(document, ref)))

    security = list(document.get("security", []))
    for item in paths.values():
        for op in _operations(item):
            security.extend(op.get("security", []))
    wanted.update(("securitySchemes", name) for requirement in security for name in requirement)

    components: dict[str, Any] = {}
    for section, entries in document.get("components", {}).items():
        kept = {name: entry for name, entry in entries.items() if (section, name) in wanted}
        if kept:
            components[section] = kept
    return components
