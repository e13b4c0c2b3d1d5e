"""The catalog: every provider's models as one record type, one query, one listing.

- ``ModelRecord`` (generated from ``specs/catalog/model-record.schema.json``): the
  normalized record; ``record.source`` keeps the provider's own typed record.
- ``normalize(provider, record)``: one provider record -> ``ModelRecord``.
- ``Query`` / ``Sort``: what to list, applied on the client and pushed to the servers
  where that cannot change the result (``plan`` shows what is sent).
- ``list_catalog`` / ``stream_catalog`` and their async twins ``alist_catalog`` /
  ``astream_catalog``: several providers at once; a failing provider becomes a
  ``ProviderFailure`` next to the others' records.
"""

from __future__ import annotations

from modelcatalog_generated.catalog import ModelRecord, Owner

from modelcatalog.catalog.listing import (
    CatalogItem,
    CatalogResult,
    CatalogWarning,
    ProviderFailure,
    alist_catalog,
    astream_catalog,
    list_catalog,
    stream_catalog,
)
from modelcatalog.catalog.normalization import FIELD_SOURCES, UnidentifiedRecordError, normalize
from modelcatalog.catalog.query import Query, Request, Sort, plan

__all__ = [
    "FIELD_SOURCES",
    "CatalogItem",
    "CatalogResult",
    "CatalogWarning",
    "ModelRecord",
    "Owner",
    "ProviderFailure",
    "Query",
    "Request",
    "Sort",
    "UnidentifiedRecordError",
    "alist_catalog",
    "astream_catalog",
    "list_catalog",
    "normalize",
    "plan",
    "stream_catalog",
]
