"""diff.overlays: an overlay fix that no longer applies to the new document is named."""

from __future__ import annotations

from modelcatalog.tooling.documents import load
from modelcatalog.tooling.upstream.diff.overlays import overlay_changes
from modelcatalog.tooling.upstream.diff.rules import Level
from upstream_runs import SPECS, modelslab


def test_overlay_that_no_longer_applies_names_the_action() -> None:
    overlay = load(SPECS / "modelslab" / "overlay.yaml")
    doc = modelslab()
    assert overlay_changes(doc, overlay, "specs/modelslab/overlay.yaml") == []
    doc["components"]["schemas"]["ApiKeyRequest"]["properties"]["api_key"] = doc["components"]["schemas"][
        "ApiKeyRequest"
    ]["properties"].pop("key")
    (change,) = overlay_changes(doc, overlay, "specs/modelslab/overlay.yaml")
    assert (change.id, change.level, change.side) == ("overlay-action-not-applicable", Level.ERR, "overlay")
    assert change.location == "specs/modelslab/overlay.yaml#/actions/0"
    assert "action 0 (The API key travels in the JSON body" in change.text
    assert "ApiKeyRequest.properties.key" in change.text
