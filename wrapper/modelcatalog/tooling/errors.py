"""Errors of the tooling."""

from __future__ import annotations


class SpecError(Exception):
    """A vendored document, overlay or manifest entry cannot be used as it is."""


class OverlayError(SpecError):
    """An overlay action no longer applies to the document it fixes."""
