"""Apply an OpenAPI Overlay 1.0 document: our fixes to a provider's published spec.

Each action selects nodes with an RFC 9535 JSONPath ``target`` and either merges an
``update`` into them or ``remove``s them. An action whose target selects nothing is an
error that names the action: it means the provider changed the document under the
fix, and someone has to look at it rather than ship a silently unfixed client.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import jsonpath

from modelcatalog.tooling.errors import OverlayError


@dataclass(frozen=True)
class Action:
    """One overlay action, as written in the overlay document."""

    index: int
    target: str
    description: str
    update: Any = None
    remove: bool = False

    @property
    def label(self) -> str:
        """How an error names this action: its position and its description."""
        return f"action {self.index} ({self.description or self.target})"


def actions_of(overlay: Any) -> list[Action]:
    """Read and check the actions of an overlay document."""
    if not isinstance(overlay, dict) or not str(overlay.get("overlay", "")).startswith("1."):
        msg = "not an OpenAPI Overlay 1.x document (missing 'overlay: 1.0.0')"
        raise OverlayError(msg)
    raw_actions = overlay.get("actions")
    if not isinstance(raw_actions, list) or not raw_actions:
        msg = "an overlay needs a non-empty 'actions' list"
        raise OverlayError(msg)
    actions = []
    for index, raw in enumerate(raw_actions):
        if not isinstance(raw, dict) or not isinstance(raw.get("target"), str):
            msg = f"action {index}: needs a 'target' JSONPath string"
            raise OverlayError(msg)
        action = Action(
            index=index,
            target=raw["target"],
            description=str(raw.get("description", "")).strip(),
            update=raw.get("update"),
            remove=bool(raw.get("remove", False)),
        )
        if action.remove == (action.update is not None):
            msg = f"{action.label}: needs exactly one of 'update' or 'remove: true'"
            raise OverlayError(msg)
        actions.append(action)
    return actions


def apply_overlay(document: Any, overlay: Any) -> Any:
    """Return a copy of ``document`` with every action of ``overlay`` applied in order."""
    result = copy.deepcopy(document)
    for action in actions_of(overlay):
        try:
            matches = list(jsonpath.finditer(action.target, result))
        except jsonpath.JSONPathError as exc:
            msg = f"{action.label}: target {action.target!r} is not valid JSONPath: {exc}"
            raise OverlayError(msg) from exc
        if not matches:
            msg = (
                f"{action.label}: target {action.target!r} selects nothing; "
                "the published document changed under this fix"
            )
            raise OverlayError(msg)
        if action.remove:
            # Remove from the end so that list indexes of later matches stay valid.
            for match in sorted(matches, key=lambda m: m.parts, reverse=True):
                _remove(match, action)
        else:
            for match in matches:
                _update(match, action)
    return result


def _remove(match: Any, action: Action) -> None:
    parent = match.parent.obj if match.parent is not None else None
    if parent is None:
        msg = f"{action.label}: cannot remove the document root"
        raise OverlayError(msg)
    key = match.parts[-1]
    del parent[key]


def _update(match: Any, action: Action) -> None:
    if isinstance(match.obj, dict) and isinstance(action.update, dict):
        _merge(match.obj, copy.deepcopy(action.update))
    elif isinstance(match.obj, list):
        match.obj.extend(copy.deepcopy(action.update if isinstance(action.update, list) else [action.update]))
    else:
        msg = f"{action.label}: can only update an object with an object or extend an array"
        raise OverlayError(msg)


def _merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    """Overlay 1.0 merge: objects merge recursively, arrays append, anything else replaces."""
    for key, value in update.items():
        current = target.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            _merge(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            current.extend(value)
        else:
            target[key] = value
