"""Spec tooling: read the manifest, apply our fixes, slice, and compare documents.

Everything here works on plain JSON-like data (``dict``/``list``/scalars) loaded from
the vendored documents, so it runs without the code generators installed.
"""
