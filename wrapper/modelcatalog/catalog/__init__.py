"""The catalog: every provider's models as one record type, one query, one listing.

- ``ModelRecord`` (generated from ``specs/catalog/model-record.schema.json``): the
  normalized record; ``record.source`` keeps the provider's own typed record.
- ``normalize(provider, record)``: one provider record -> ``ModelRecord`` (each
  provider module holds its own normalizer; ``FIELD_SOURCES`` says where every field
  comes from).
- ``Query`` / ``Sort``: what to list, applied on the client and pushed to the servers
  where that cannot change the result (``plan`` shows what is sent).
- ``list_catalog`` / ``stream_catalog`` and their async twins ``alist_catalog`` /
  ``astream_catalog``: several providers at once; a failing provider becomes a
  ``ProviderFailure`` next to the others' records.

Names are imported on first use, so that a provider module can use the catalog's
helpers without loading the listing machinery (and every provider with it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelcatalog._exports import lazy

_EXPORTS = {
    "ModelRecord": "modelcatalog_generated.catalog",
    "Owner": "modelcatalog_generated.catalog",
    "CatalogItem": "modelcatalog.catalog.listing",
    "CatalogResult": "modelcatalog.catalog.listing",
    "CatalogWarning": "modelcatalog.catalog.listing",
    "ProviderFailure": "modelcatalog.catalog.listing",
    "ProviderProgress": "modelcatalog.catalog.listing",
    "alist_catalog": "modelcatalog.catalog.listing",
    "astream_catalog": "modelcatalog.catalog.listing",
    "list_catalog": "modelcatalog.catalog.listing",
    "stream_catalog": "modelcatalog.catalog.listing",
    "FIELD_SOURCES": "modelcatalog.catalog.normalization",
    "UnidentifiedRecordError": "modelcatalog.catalog.normalization",
    "normalize": "modelcatalog.catalog.normalization",
    "Query": "modelcatalog.catalog.query",
    "Request": "modelcatalog.catalog.query",
    "Sort": "modelcatalog.catalog.query",
    "plan": "modelcatalog.catalog.query",
}

__all__ = [
    "FIELD_SOURCES",
    "CatalogItem",
    "CatalogResult",
    "CatalogWarning",
    "ModelRecord",
    "Owner",
    "ProviderFailure",
    "ProviderProgress",
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


__getattr__ = lazy(__name__, _EXPORTS, globals())


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


if TYPE_CHECKING:
    from modelcatalog_generated.catalog import ModelRecord, Owner

    from modelcatalog.catalog.listing import (
        CatalogItem,
        CatalogResult,
        CatalogWarning,
        ProviderFailure,
        ProviderProgress,
        alist_catalog,
        astream_catalog,
        list_catalog,
        stream_catalog,
    )
    from modelcatalog.catalog.normalization import FIELD_SOURCES, UnidentifiedRecordError, normalize
    from modelcatalog.catalog.query import Query, Request, Sort, plan
