"""published document + our overlay -> the sliced, validated document we generate from."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from modelcatalog.tooling.documents import dump_yaml, load, parse
from modelcatalog.tooling.errors import OverlayError, SpecError
from modelcatalog.tooling.open_enums import open_response_enums
from modelcatalog.tooling.overlay import apply_overlay
from modelcatalog.tooling.slicing import slice_document

if TYPE_CHECKING:
    from modelcatalog.tooling.manifest import ProviderSpec


def sha256_of(data: bytes) -> str:
    """Hex SHA-256, the form the manifest records."""
    return hashlib.sha256(data).hexdigest()


def derive_document(provider: ProviderSpec, upstream: bytes | None = None) -> dict[str, Any]:
    """Apply the provider's overlay to its published document, slice it, open its enums.

    ``upstream`` replaces the vendored bytes (used to try a newer published document).
    """
    raw = provider.upstream.read_bytes() if upstream is None else upstream
    document = parse(raw, str(provider.upstream))
    try:
        fixed = apply_overlay(document, load(provider.overlay))
    except OverlayError as exc:
        msg = f"{provider.name}: {provider.overlay.name}: {exc}"
        raise OverlayError(msg) from exc
    sliced = slice_document(fixed, list(provider.operations))
    if provider.open_response_enums:
        open_response_enums(sliced)
    validate(sliced, provider.name)
    return sliced


def derive_bytes(provider: ProviderSpec, upstream: bytes | None = None) -> bytes:
    """The derived document exactly as it is committed."""
    return dump_yaml(derive_document(provider, upstream))


def validate(document: dict[str, Any], name: str) -> None:
    """Run openapi-spec-validator; its first error becomes one readable line."""
    from openapi_spec_validator import validate as _validate  # noqa: PLC0415 - heavy: only validating needs it
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError  # noqa: PLC0415

    try:
        _validate(document)
    except OpenAPIValidationError as exc:
        path = "/".join(str(part) for part in getattr(exc, "path", ()))
        msg = f"{name}: derived document is not valid OpenAPI at {path or '<root>'}: {exc.message}"
        raise SpecError(msg) from exc
