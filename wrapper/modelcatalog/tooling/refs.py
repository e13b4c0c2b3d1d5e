"""Walk the ``$ref`` graph of an OpenAPI document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from modelcatalog.tooling.errors import SpecError

if TYPE_CHECKING:
    from collections.abc import Iterator

COMPONENTS_PREFIX = "#/components/"


def iter_refs(node: Any) -> Iterator[str]:
    """Yield every ``$ref`` string found anywhere below ``node``."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str):
                yield ref
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def split_component_ref(ref: str) -> tuple[str, str]:
    """``#/components/schemas/A~1B`` -> ``("schemas", "A/B")`` (JSON Pointer unescaped)."""
    if not ref.startswith(COMPONENTS_PREFIX):
        msg = f"only local component references are supported, got {ref!r}"
        raise SpecError(msg)
    section, _, name = ref[len(COMPONENTS_PREFIX) :].partition("/")
    if not name or "/" in name:
        msg = f"malformed component reference {ref!r}"
        raise SpecError(msg)
    return section, name.replace("~1", "/").replace("~0", "~")


def component_ref(section: str, name: str) -> str:
    """The inverse of :func:`split_component_ref`."""
    return f"{COMPONENTS_PREFIX}{section}/{name.replace('~', '~0').replace('/', '~1')}"


def resolve(document: dict[str, Any], ref: str) -> Any:
    """The component a reference points at; a clear error when it does not exist."""
    section, name = split_component_ref(ref)
    try:
        return document["components"][section][name]
    except (KeyError, TypeError):
        msg = f"reference {ref!r} points at nothing"
        raise SpecError(msg) from None


MAX_REF_DEPTH = 64


def deref(document: dict[str, Any], node: Any) -> dict[str, Any]:
    """``node`` with its ``$ref`` chain followed (at most :data:`MAX_REF_DEPTH` links); ``{}`` for a non-object."""
    depth = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < MAX_REF_DEPTH:
        node = resolve(document, node["$ref"])
        depth += 1
    return node if isinstance(node, dict) else {}
