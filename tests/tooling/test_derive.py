"""The committed derived documents: valid OpenAPI, reproducible without generators, fixed where upstream breaks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from modelcatalog.tooling.derive import derive_bytes, sha256_of
from modelcatalog.tooling.documents import load
from modelcatalog.tooling.manifest import load_manifest
from modelcatalog.tooling.refs import resolve
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = load_manifest(ROOT / "specs")
PROVIDERS = {provider.name: provider for provider in MANIFEST.providers}


@pytest.mark.parametrize("name", PROVIDERS)
def test_derived_document_is_valid_openapi(name: str) -> None:
    validate(load(PROVIDERS[name].derived))


@pytest.mark.parametrize("name", PROVIDERS)
def test_derived_document_is_what_upstream_and_overlay_produce(name: str) -> None:
    """The generator-free half of `nox -s drift`: runs in tests-quick too."""
    provider = PROVIDERS[name]

    assert sha256_of(provider.upstream.read_bytes()) == provider.upstream_sha256
    assert derive_bytes(provider) == provider.derived.read_bytes()


@pytest.mark.parametrize("name", PROVIDERS)
def test_derived_document_keeps_only_the_manifest_operations(name: str) -> None:
    provider = PROVIDERS[name]
    paths = load(provider.derived)["paths"]

    kept = {f"{method.upper()} {path}" for path, item in paths.items() for method in item if method != "parameters"}
    assert kept == set(provider.operations)


def _mappings(node: Any) -> list[dict[str, Any]]:
    found = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            discriminator = current.get("discriminator")
            if isinstance(discriminator, dict) and "mapping" in discriminator:
                found.append(current)
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return found


def test_truefoundry_discriminator_mappings_are_reference_strings() -> None:
    document = load(PROVIDERS["truefoundry"].derived)
    unions = _mappings(document)

    values = [value for union in unions for value in union["discriminator"]["mapping"].values()]
    assert len(values) == 17
    assert all(isinstance(value, str) for value in values)
    for union in unions:
        variants = {variant["$ref"] for variant in union["oneOf"] if "$ref" in variant}
        for tag, ref in union["discriminator"]["mapping"].items():
            assert ref in variants, tag
            assert resolve(document, ref)["properties"]["type"]["enum"] == [tag]


def test_truefoundry_upstream_mappings_the_overlay_fixes_are_objects() -> None:
    """The published document's 17 object-valued mappings are the two the overlay rewrites."""
    upstream = load(PROVIDERS["truefoundry"].upstream)
    unions = _mappings(upstream)

    broken = [
        value for union in unions for value in union["discriminator"]["mapping"].values() if not isinstance(value, str)
    ]
    assert len(broken) == 17
    assert all(set(value) == {"$ref"} for value in broken)
    manifest = upstream["components"]["schemas"]["ModelManifest"]["properties"]
    fixed = [manifest["source"], manifest["framework"]]
    assert sum(len(union["discriminator"]["mapping"]) for union in fixed) == 17
