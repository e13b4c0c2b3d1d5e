"""The provider manifest, ``specs/providers.toml``: one entry a provider."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from modelcatalog.spec.errors import SpecError

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True)
class ProviderSpec:
    """Where one provider's documents live and how its client is generated."""

    name: str
    title: str
    specs_dir: Path
    upstream: Path
    upstream_sha256: str
    source: str
    source_extract: str
    mirror: Path | None
    overlay: Path
    derived: Path
    operations: tuple[str, ...]
    package: str
    open_response_enums: bool


@dataclass(frozen=True)
class Manifest:
    """The whole manifest: providers in file order, plus the catalog record schema."""

    specs_dir: Path
    providers: tuple[ProviderSpec, ...]
    catalog_schema: Path
    catalog_module: str

    def provider(self, name: str) -> ProviderSpec:
        """The entry called ``name``; the error lists the known ones."""
        for provider in self.providers:
            if provider.name == name:
                return provider
        known = ", ".join(p.name for p in self.providers)
        msg = f"no provider {name!r} in the manifest (known: {known})"
        raise SpecError(msg)


def load_manifest(specs_dir: Path) -> Manifest:
    """Read ``providers.toml`` from ``specs_dir``; every error names the entry and key."""
    path = specs_dir / "providers.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        msg = f"{path}: {exc}"
        raise SpecError(msg) from exc

    providers = []
    for name, entry in data.get("providers", {}).items():
        if not isinstance(entry, dict):
            msg = f"{path}: providers.{name} must be a table ([providers.{name}])"
            raise SpecError(msg)

        def field(key: str, entry: dict[str, object] = entry, name: str = name) -> str:
            value = entry.get(key)
            if not isinstance(value, str) or not value:
                msg = f"{path}: providers.{name}.{key} must be a non-empty string"
                raise SpecError(msg)
            return value

        operations = entry.get("operations")
        if not isinstance(operations, list) or not all(isinstance(op, str) for op in operations):
            msg = f"{path}: providers.{name}.operations must be a list of 'METHOD /path' strings"
            raise SpecError(msg)
        mirror = entry.get("mirror")
        providers.append(
            ProviderSpec(
                name=name,
                title=field("title"),
                specs_dir=specs_dir,
                upstream=specs_dir / field("upstream"),
                upstream_sha256=field("upstream_sha256"),
                source=field("source"),
                source_extract=field("source_extract"),
                mirror=(specs_dir / mirror) if isinstance(mirror, str) else None,
                overlay=specs_dir / field("overlay"),
                derived=specs_dir / field("derived"),
                operations=tuple(operations),
                package=field("package"),
                open_response_enums=bool(entry.get("open_response_enums", False)),
            )
        )
    catalog = data.get("catalog", {})
    return Manifest(
        specs_dir=specs_dir,
        providers=tuple(providers),
        catalog_schema=specs_dir / str(catalog.get("schema", "catalog/model-record.schema.json")),
        catalog_module=str(catalog.get("module", "catalog")),
    )
