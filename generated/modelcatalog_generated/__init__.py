"""Machine-written clients and types for modelcatalog. Never edit by hand.

Regenerate with ``nox -s generate``; ``nox -s drift`` fails on any hand edit.

- ``modelcatalog_generated.<provider>``: the openapi-python-client package for each provider.
- ``modelcatalog_generated.structs.<provider>``: msgspec Structs that decode each provider's responses fast.
- ``modelcatalog_generated.catalog``: the normalized model record (datamodel-code-generator).
- ``modelcatalog_generated.registry``: the providers of specs/providers.toml, in its order.
"""
