"""Classify what changed between two OpenAPI documents, as far as our operations see it.

- :mod:`.rules`: every change id, its grade, oasdiff's grade for the same id and why we
  differ; the README's table;
- :mod:`.walker`: :func:`~.walker.diff_documents` walks both documents operation by
  operation;
- :mod:`.schema_checks`: one schema against its old self, keyword by keyword;
- :mod:`.readers`: how a schema is seen (``$ref``, ``allOf``, the spellings of nullable),
  and an operation's servers, security and parameters;
- :mod:`.canonical`: the form that tells a change of meaning from a change of spelling;
- :mod:`.overlays`: which of our overlay fixes no longer apply to the new document.
"""
