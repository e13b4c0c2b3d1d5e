"""The provider manifest, ``specs/providers.toml``: one entry a provider."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from modelcatalog.tooling.errors import SpecError

if TYPE_CHECKING:
    from pathlib import Path

# how a document is cut out of what its source serves (see documents.extract)
EXTRACTS = ("none", "fenced-yaml")


@dataclass(frozen=True)
class SdkSource:
    """An official SDK on a package index, read to see the provider's API as its generator saw it."""

    package: str  # the project on the index (PyPI): "scenario-sdk"
    version: str  # the release whose differences from our document we last reviewed
    generator: str  # "stainless" or "fern": how its code is laid out
    method: str  # "<file in the wheel>:<Class>.<method>" that makes the request
    operation: str  # the operation of ours it corresponds to, "METHOD /path" as in `operations`


@dataclass(frozen=True)
class ProviderSpec:
    """Where one provider's documents live and how its client is generated."""

    name: str
    title: str
    specs_dir: Path
    upstream: Path
    upstream_sha256: str
    source: str | None  # None: the provider publishes no document (source_note says what `upstream` is)
    source_extract: str
    source_note: str
    overlay: Path
    derived: Path
    operations: tuple[str, ...]
    package: str
    open_response_enums: bool
    sdk: SdkSource | None = None


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
        source = entry.get("source")
        if source is not None and (not isinstance(source, str) or not source):
            msg = f"{path}: providers.{name}.source must be a non-empty string, or absent when nothing is published"
            raise SpecError(msg)
        extract = entry.get("source_extract", "none")
        if extract not in EXTRACTS:
            msg = f"{path}: providers.{name}.source_extract must be one of {', '.join(map(repr, EXTRACTS))}"
            raise SpecError(msg)
        providers.append(
            ProviderSpec(
                name=name,
                title=field("title"),
                specs_dir=specs_dir,
                upstream=specs_dir / field("upstream"),
                upstream_sha256=field("upstream_sha256"),
                source=source,
                source_extract=extract,
                source_note=" ".join(str(entry.get("source_note", "")).split()),
                overlay=specs_dir / field("overlay"),
                derived=specs_dir / field("derived"),
                operations=tuple(operations),
                package=field("package"),
                open_response_enums=bool(entry.get("open_response_enums", False)),
                sdk=_sdk(path, name, entry.get("sdk"), tuple(operations)),
            )
        )
    catalog = data.get("catalog", {})
    return Manifest(
        specs_dir=specs_dir,
        providers=tuple(providers),
        catalog_schema=specs_dir / str(catalog.get("schema", "catalog/model-record.schema.json")),
        catalog_module=str(catalog.get("module", "catalog")),
    )


def specs_name(path: Path, specs_dir: Path) -> str:
    """How messages name a file of the manifest: ``specs/<provider>/overlay.yaml`` (the path itself if outside)."""
    try:
        return f"specs/{path.relative_to(specs_dir).as_posix()}"
    except ValueError:
        return str(path)


def _sdk(path: Path, provider: str, entry: object, operations: tuple[str, ...]) -> SdkSource | None:
    """``[providers.<provider>.sdk]``, checked: every key present, the operation one of ours."""
    if entry is None:
        return None
    where = f"{path}: providers.{provider}.sdk"
    if not isinstance(entry, dict):
        msg = f"{where} must be a table ([providers.{provider}.sdk])"
        raise SpecError(msg)
    values = {}
    for key in ("package", "version", "generator", "method", "operation"):
        value = entry.get(key)
        if not isinstance(value, str) or not value:
            msg = f"{where}.{key} must be a non-empty string"
            raise SpecError(msg)
        values[key] = value
    if values["operation"] not in operations:
        msg = f"{where}.operation {values['operation']!r} is not one of the provider's operations"
        raise SpecError(msg)
    if ":" not in values["method"] or "." not in values["method"].partition(":")[2]:
        msg = f"{where}.method must be '<file in the wheel>:<Class>.<method>'"
        raise SpecError(msg)
    return SdkSource(**values)
