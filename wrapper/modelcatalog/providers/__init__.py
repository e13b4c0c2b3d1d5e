"""The providers modelcatalog knows: the names from specs/providers.toml, each one module here.

The names come from the generated registry (``modelcatalog_generated.registry``, written
by ``nox -s generate`` from the manifest); nothing else lists them. A provider's module,
``modelcatalog.providers.<name>``, is imported the first time it is asked for and its
``PROVIDER`` checked then: a module that lacks a piece fails with a
``ProviderDefinitionError`` naming the piece, before any request. Importing this package
imports no provider module, no generated client and no HTTP library.

>>> from modelcatalog.providers import NAMES, get_provider
>>> NAMES[:2]  # the manifest's order
('scenario', 'truefoundry')
>>> get_provider("truefoundry").base_url_env
'TFY_HOST'
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from modelcatalog_generated.registry import PACKAGES
from modelcatalog_generated.registry import PROVIDERS as NAMES

if TYPE_CHECKING:
    from modelcatalog.providers._base import CredentialSpec, ListOperation, Provider

#: the catalog fields a provider says the source of (every ``ModelRecord`` field but these three)
_NOT_SOURCED = frozenset({"provider", "instance", "source"})
#: the keyword arguments of ``Client`` that pass a credential
_ARGUMENTS = ("api_key", "api_secret")
_registered: dict[str, Provider] = {}


def get_provider(name: str) -> Provider:
    """The provider called ``name`` (any case), its module imported and checked on first use.

    An unknown name is a ``ValueError`` listing the known ones.
    """
    provider = _registered.get(name)
    if provider is None:
        key = name.lower()
        if key not in PACKAGES:
            msg = f"unknown provider {name!r} (known: {', '.join(NAMES)})"
            raise ValueError(msg)
        provider = _registered.get(key) or _register(key)
        _registered[key] = provider
    return provider


class _Providers(Mapping[str, "Provider"]):
    """Name -> ``Provider``, in the manifest's order; each module imported when its entry is read."""

    def __getitem__(self, name: str) -> Provider:
        if name not in PACKAGES:
            raise KeyError(name)
        return get_provider(name)

    def __iter__(self) -> Iterator[str]:
        return iter(NAMES)

    def __len__(self) -> int:
        return len(NAMES)

    def __repr__(self) -> str:
        return f"<providers {', '.join(NAMES)}>"


#: every provider by name (a read-only mapping that imports a provider's module on first use)
PROVIDERS: Mapping[str, Provider] = _Providers()


def _register(name: str) -> Provider:
    """Import ``modelcatalog.providers.<name>`` and check its ``PROVIDER`` piece by piece."""
    from modelcatalog.errors import ProviderDefinitionError  # noqa: PLC0415 - small, but not needed to list names
    from modelcatalog.providers._base import Provider  # noqa: PLC0415 - imports httpx

    module_name = f"{__name__}.{name}"
    generated = f"modelcatalog_generated.{PACKAGES[name]}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            msg = f"provider {name!r} is in specs/providers.toml, but its module {module_name} does not exist"
        elif exc.name is not None and exc.name.startswith("modelcatalog_generated"):
            msg = (
                f"provider {name!r}: its generated package ({generated}, {exc.name}) is missing: "
                "run `nox -s generate` after adding it to specs/providers.toml"
            )
        else:
            msg = f"{module_name} failed to import: {exc}"
        raise ProviderDefinitionError(msg, provider=name) from exc
    except Exception as exc:  # a piece missing when the module builds its PROVIDER: say which module
        msg = f"{module_name} failed to import: {type(exc).__name__}: {exc}"
        raise ProviderDefinitionError(msg, provider=name) from exc
    provider = getattr(module, "PROVIDER", None)
    if not isinstance(provider, Provider):
        msg = f"{module_name} has no PROVIDER (a modelcatalog.providers.Provider), found {type(provider).__name__}"
        raise ProviderDefinitionError(msg, provider=name)
    problems = _problems(name, provider)
    if problems:
        msg = f"{module_name}: " + "; ".join(problems)
        raise ProviderDefinitionError(msg, provider=name)
    return provider


def _problems(name: str, provider: Provider) -> list[str]:
    """What ``provider`` lacks, each naming the piece."""
    from modelcatalog_generated.catalog import ModelRecord  # noqa: PLC0415 - only once a provider is used

    problems = []
    if provider.name != name:
        problems.append(f"PROVIDER.name is {provider.name!r}, but the module and the manifest say {name!r}")
    if not provider.title:
        problems.append("PROVIDER.title is empty")
    if not provider.operations:
        problems.append("PROVIDER.operations is empty: a provider lists models with at least one operation")
    problems += [_operation_problem(operation) for operation in provider.operations]
    problems += [_credential_problem(spec) for spec in provider.credentials]
    if provider.default_base_url is None and provider.base_url_env is None:
        problems.append("neither default_base_url nor base_url_env: there is no way to say where it lives")
    fields = set(ModelRecord.__struct_fields__) - _NOT_SOURCED  # the names, without evaluating annotations
    missing, unknown = fields - set(provider.field_sources), set(provider.field_sources) - fields
    if missing:
        problems.append(f"field_sources lacks {', '.join(sorted(missing))} (say 'null' where the provider has none)")
    if unknown:
        problems.append(f"field_sources names {', '.join(sorted(unknown))}, which ModelRecord does not have")
    return [problem for problem in problems if problem]


def _operation_problem(operation: ListOperation[Any]) -> str:
    method, _, path = operation.name.partition(" ")
    record_type: object = operation.record_type  # a module that is not type-checked may hold anything
    normalize: object = operation.normalize
    if not method.isupper() or not path.startswith("/"):
        return f"operation name {operation.name!r} is not 'METHOD /path'"
    if not isinstance(record_type, type):
        return f"{operation.name}: record_type is not a type (the type of the records page_of yields)"
    if not callable(normalize):
        return f"{operation.name}: normalize is not callable (a record -> ModelRecord)"
    return ""


def _credential_problem(spec: CredentialSpec) -> str:
    if spec.argument not in _ARGUMENTS or not spec.env_var:
        return (
            f"credential {spec!r}: the argument is one of {', '.join(_ARGUMENTS)} (what Client takes), with a variable"
        )
    return ""


def __getattr__(name: str) -> Any:  # noqa: ANN401 - the classes of _base, imported on first use
    if name in {"CredentialSpec", "ListOperation", "Provider"}:
        from modelcatalog.providers import _base  # noqa: PLC0415 - imports httpx

        return getattr(_base, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = ["NAMES", "PROVIDERS", "CredentialSpec", "ListOperation", "Provider", "get_provider"]
