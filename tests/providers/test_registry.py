"""The registry: the generated list of names, each provider one module, checked piece by piece on first use."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING

import modelcatalog.providers as registry
import pytest
from modelcatalog.catalog import FIELD_SOURCES, Query, plan
from modelcatalog.errors import ProviderDefinitionError
from modelcatalog.providers import NAMES, PROVIDERS, get_provider
from modelcatalog_generated.registry import PACKAGES
from msgspec.structs import replace
from support import providers

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.mark.parametrize("name", NAMES)
def test_every_name_of_the_manifest_is_a_provider_module_whose_pieces_hold(name: str) -> None:
    provider = get_provider(name)
    assert provider.name == name
    assert PROVIDERS[name] is provider
    assert provider is get_provider(name.upper())
    assert set(FIELD_SOURCES[name]) == set(provider.field_sources)
    assert plan(Query(), name)  # every provider lists something for the empty query
    for operation in provider.operations:
        assert provider.normalizers[operation.record_type] is operation.normalize


@pytest.mark.parametrize("name", NAMES)
def test_every_provider_has_test_data_that_matches_its_operations(name: str) -> None:
    data = providers.data(name)
    assert [route.operation for route in data.ROUTES] == [op.name for op in get_provider(name).operations]
    assert {spec.argument for spec in get_provider(name).credentials} == set(data.CREDENTIALS)


def test_an_unknown_name_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown provider 'nope' \(known: scenario, truefoundry, "):
        get_provider("nope")
    assert "nope" not in PROVIDERS
    with pytest.raises(KeyError):
        PROVIDERS["nope"]


@pytest.fixture
def listed(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A name the registry lists as if the manifest had it, and whose module the test provides."""
    name = "acme"
    monkeypatch.setitem(PACKAGES, name, name)
    yield name
    registry._registered.pop(name, None)


def test_a_listed_provider_without_a_module_is_named_as_missing(listed: str) -> None:
    with pytest.raises(ProviderDefinitionError, match=r"'acme' is in specs/providers.toml, but its module "):
        get_provider(listed)


def test_a_module_without_provider_says_so(listed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, f"modelcatalog.providers.{listed}", types.ModuleType(listed))
    with pytest.raises(ProviderDefinitionError, match=r"modelcatalog.providers.acme has no PROVIDER"):
        get_provider(listed)


def test_a_provider_missing_pieces_names_each(listed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    truefoundry = get_provider("truefoundry")
    sources = dict(truefoundry.field_sources)
    del sources["created_at"]
    module = types.ModuleType(listed)
    module.PROVIDER = replace(truefoundry, name="truefoundry", field_sources={**sources, "colour": "paint"})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, f"modelcatalog.providers.{listed}", module)
    with pytest.raises(ProviderDefinitionError) as caught:
        get_provider(listed)
    message = str(caught.value)
    assert "PROVIDER.name is 'truefoundry', but the module and the manifest say 'acme'" in message
    assert "field_sources lacks created_at" in message
    assert "field_sources names colour, which ModelRecord does not have" in message


def test_a_module_that_fails_to_build_its_provider_is_named(
    listed: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A real module file whose operation lacks its normalizer: the import error names the module and the piece."""
    (tmp_path / f"{listed}.py").write_text(
        "from modelcatalog.pagination import SinglePageStyle\n"
        "from modelcatalog.providers._base import ListOperation\n"
        "LIST = ListOperation(name='GET /models', prefix='', style=SinglePageStyle(), build_request=None,\n"
        "    envelope=list, page_of=None, item_key=None, records=None, record_type=dict)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(registry, "__path__", [*registry.__path__, str(tmp_path)])
    monkeypatch.delitem(sys.modules, f"modelcatalog.providers.{listed}", raising=False)
    with pytest.raises(ProviderDefinitionError) as caught:
        get_provider(listed)
    assert str(caught.value).startswith("acme: modelcatalog.providers.acme failed to import: TypeError: ")
    assert "Missing required argument 'normalize'" in str(caught.value)
    sys.modules.pop(f"modelcatalog.providers.{listed}", None)


def test_listing_a_provider_loads_its_module_and_no_other() -> None:
    """Importing the registry imports no provider; asking for one imports that one (issue 13 builds on this)."""
    script = (
        "import sys\n"
        "import modelcatalog.providers as p\n"
        "before = sorted(m for m in sys.modules if m.startswith('modelcatalog.providers.'))\n"
        "p.get_provider('truefoundry')\n"
        "after = sorted(m for m in sys.modules if m.startswith('modelcatalog.providers.'))\n"
        "print(before, after)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)  # noqa: S603
    assert done.stdout.strip() == (
        "[] ['modelcatalog.providers._base', 'modelcatalog.providers._fields', 'modelcatalog.providers.truefoundry']"
    )
