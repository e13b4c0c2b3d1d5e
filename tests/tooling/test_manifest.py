"""``specs/providers.toml``: loading, and errors that name the entry and key at fault."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.manifest import load_manifest

if TYPE_CHECKING:
    from pathlib import Path

ENTRY = """\
[providers.acme]
title = "Acme"
upstream = "acme/upstream.yaml"
upstream_sha256 = "0123abcd"
source = "https://acme.example.test/openapi.yaml"
source_extract = "none"
overlay = "acme/overlay.yaml"
derived = "acme/openapi.yaml"
operations = ["GET /models", "POST /models/search"]
package = "acme"
"""


def _write(specs: Path, text: str) -> Path:
    specs.mkdir(exist_ok=True)
    (specs / "providers.toml").write_text(text, encoding="utf-8")
    return specs


def _without(key: str) -> str:
    return "".join(line for line in ENTRY.splitlines(keepends=True) if not line.startswith(f"{key} "))


def _replace(key: str, value: str) -> str:
    return "".join(
        f"{key} = {value}\n" if line.startswith(f"{key} ") else line for line in ENTRY.splitlines(keepends=True)
    )


def test_an_entry_loads_with_paths_relative_to_specs(tmp_path: Path) -> None:
    specs = _write(tmp_path / "specs", ENTRY + "open_response_enums = true\n")

    manifest = load_manifest(specs)

    (acme,) = manifest.providers
    assert acme.name == "acme"
    assert acme.title == "Acme"
    assert acme.specs_dir == specs
    assert acme.upstream == specs / "acme" / "upstream.yaml"
    assert acme.overlay == specs / "acme" / "overlay.yaml"
    assert acme.derived == specs / "acme" / "openapi.yaml"
    assert acme.upstream_sha256 == "0123abcd"
    assert acme.operations == ("GET /models", "POST /models/search")
    assert acme.package == "acme"
    assert acme.open_response_enums is True


def test_optional_keys_and_catalog_defaults(tmp_path: Path) -> None:
    manifest = load_manifest(_write(tmp_path / "specs", ENTRY))

    (acme,) = manifest.providers
    assert acme.open_response_enums is False
    assert manifest.catalog_schema == tmp_path / "specs" / "catalog" / "model-record.schema.json"
    assert manifest.catalog_module == "catalog"


def test_providers_keep_file_order_and_are_found_by_name(tmp_path: Path) -> None:
    text = ENTRY.replace("providers.acme", "providers.zeta") + "\n" + ENTRY
    manifest = load_manifest(_write(tmp_path / "specs", text))

    assert [p.name for p in manifest.providers] == ["zeta", "acme"]
    assert manifest.provider("acme") is manifest.providers[1]


def test_an_unknown_provider_lists_the_known_ones(tmp_path: Path) -> None:
    manifest = load_manifest(_write(tmp_path / "specs", ENTRY))

    with pytest.raises(SpecError, match=r"no provider 'acmee' in the manifest \(known: acme\)"):
        manifest.provider("acmee")


@pytest.mark.parametrize("key", ["title", "upstream", "upstream_sha256", "overlay", "derived", "package"])
def test_a_missing_key_is_named(tmp_path: Path, key: str) -> None:
    specs = _write(tmp_path / "specs", _without(key))

    with pytest.raises(SpecError, match=rf"providers\.acme\.{key} must be a non-empty string") as caught:
        load_manifest(specs)
    assert str(specs / "providers.toml") in str(caught.value)


@pytest.mark.parametrize(("key", "value"), [("title", '""'), ("package", "3"), ("upstream", '["a"]')])
def test_an_empty_or_mistyped_key_is_named(tmp_path: Path, key: str, value: str) -> None:
    with pytest.raises(SpecError, match=rf"providers\.acme\.{key} must be a non-empty string"):
        load_manifest(_write(tmp_path / "specs", _replace(key, value)))


@pytest.mark.parametrize("value", [None, '"GET /models"', '["GET /models", 3]'])
def test_operations_must_be_a_list_of_strings(tmp_path: Path, value: str | None) -> None:
    text = _without("operations") if value is None else _replace("operations", value)

    with pytest.raises(SpecError, match=r"providers\.acme\.operations must be a list of 'METHOD /path' strings"):
        load_manifest(_write(tmp_path / "specs", text))


def test_an_entry_that_is_not_a_table_is_named(tmp_path: Path) -> None:
    text = '[providers]\nacme = "acme/upstream.yaml"\n'

    with pytest.raises(SpecError, match=r"providers\.acme must be a table"):
        load_manifest(_write(tmp_path / "specs", text))


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    specs = _write(tmp_path / "specs", ENTRY + "title = \n")

    with pytest.raises(SpecError, match=r"providers\.toml"):
        load_manifest(specs)


def test_a_missing_manifest_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match=r"providers\.toml"):
        load_manifest(tmp_path)


def test_a_provider_that_publishes_nothing_has_no_source_and_says_what_upstream_is(tmp_path: Path) -> None:
    text = _without("source").replace('source_extract = "none"\n', "") + 'source_note = """Ours, \\\n  by hand."""\n'
    (acme,) = load_manifest(_write(tmp_path / "specs", text)).providers
    assert acme.source is None
    assert acme.source_extract == "none"
    assert acme.source_note == "Ours, by hand."
    assert acme.sdk is None


def test_an_unknown_extract_is_named(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match=r"providers\.acme\.source_extract must be one of 'none', 'fenced-yaml'"):
        load_manifest(_write(tmp_path / "specs", _replace("source_extract", '"html"')))


SDK = """
[providers.acme.sdk]
package = "acme-sdk"
version = "1.2.0"
generator = "stainless"
method = "acme_sdk/resources/models.py:ModelsResource.list"
operation = "GET /models"
"""


def test_an_sdk_table_loads(tmp_path: Path) -> None:
    (acme,) = load_manifest(_write(tmp_path / "specs", ENTRY + SDK)).providers
    assert acme.sdk is not None
    assert (acme.sdk.package, acme.sdk.version, acme.sdk.generator) == ("acme-sdk", "1.2.0", "stainless")
    assert acme.sdk.method == "acme_sdk/resources/models.py:ModelsResource.list"
    assert acme.sdk.operation == "GET /models"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace('version = "1.2.0"\n', ""), r"providers\.acme\.sdk\.version must be a non-empty string"),
        (
            lambda t: t.replace('"GET /models"\n', '"GET /things"\n'),
            r"providers\.acme\.sdk\.operation 'GET /things' is not one of the provider's operations",
        ),
        (
            lambda t: t.replace("ModelsResource.list", "list"),
            r"providers\.acme\.sdk\.method must be '<file in the wheel>:<Class>\.<method>'",
        ),
    ],
)
def test_an_sdk_table_error_names_the_key(tmp_path: Path, edit: Any, message: str) -> None:
    with pytest.raises(SpecError, match=message):
        load_manifest(_write(tmp_path / "specs", ENTRY + edit(SDK)))
