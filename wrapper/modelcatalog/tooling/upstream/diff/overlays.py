"""Our overlay against a new document: every fix that no longer applies is a breaking change.

The documents are diffed as published, not as fixed by our overlay: the report is about
what the provider changed. Whether our fixes still apply is this separate check, because
a fix that silently stops applying is exactly what must not go unnoticed.
"""

from __future__ import annotations

from typing import Any

from modelcatalog.tooling.errors import OverlayError
from modelcatalog.tooling.overlay import actions_of, apply_overlay
from modelcatalog.tooling.upstream.diff.rules import RULES, Change


def overlay_changes(new: dict[str, Any], overlay: Any, overlay_name: str) -> list[Change]:
    """One ERR change for every overlay action that no longer applies to ``new``.

    A first pass applies the whole overlay; only when that fails are the actions tried
    one by one, so that every broken action is named, not just the first.
    """
    try:
        apply_overlay(new, overlay)
    except OverlayError:
        pass
    else:
        return []
    actions = actions_of(overlay)
    raw_actions = overlay["actions"]
    changes = []
    current = new
    for action, raw in zip(actions, raw_actions, strict=True):
        single = {**overlay, "actions": [raw]}
        try:
            current = apply_overlay(current, single)
        except OverlayError as exc:
            reason = str(exc).removeprefix(actions_of(single)[0].label + ": ")
            rule = RULES["overlay-action-not-applicable"]
            changes.append(
                Change(
                    id=rule.id,
                    level=rule.level,
                    side="overlay",
                    operation="",
                    location=f"{overlay_name}#/actions/{action.index}",
                    text=f"{overlay_name}: {action.label} no longer applies: {reason}",
                )
            )
    return changes
