"""The tooling behind ``specs/`` and ``generated/``: never imported by the library at run time.

From the manifest (:mod:`.manifest`) and each provider's published document, it applies
our overlay fixes (:mod:`.overlay`), slices (:mod:`.slicing`), opens response enums
(:mod:`.open_enums`) and runs the generators (:mod:`.codegen`); :mod:`.pipeline` is
``nox -s generate`` and the drift check, ``nox -s drift`` (``generated/`` against what
``specs/`` produces); :mod:`.upstream` is the upstream check, ``modelcatalog upstream``
(what a provider publishes now against what we vendored). It works on plain JSON-like
data loaded from the documents, so only the ``generate`` job needs the generators.
"""
