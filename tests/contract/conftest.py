"""Session-scoped Prism mocks, one a provider, serving the derived ``specs/<p>/openapi.yaml``.

Prism is installed from the committed lock on first use (tests/contract/prism.py). When
that fails the tests fail, unless ``MODELCATALOG_SKIP_LIVE=1`` says this machine cannot
run real peers, in which case they skip.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog.tooling.manifest import load_manifest
from prism import PrismError, PrismInstall, PrismServer, ensure_prism, is_installed, running_prism
from prism_pool import PrismPool
from support.live_peers import install_in_view, unavailable

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

ROOT = Path(__file__).resolve().parents[2]
PROVIDERS = tuple(provider.name for provider in load_manifest(ROOT / "specs").providers)


@pytest.fixture(scope="session")
def prism_install(request: pytest.FixtureRequest) -> PrismInstall:
    """The pinned Prism, installed into .cache/prism if it is not there yet (in view)."""
    try:
        with install_in_view(request.config, installing=not is_installed()):
            return ensure_prism()
    except PrismError as exc:
        unavailable(f"cannot install Prism: {exc}", "Prism")


@pytest.fixture
def start_prism(prism_install: PrismInstall) -> Iterator[Callable[..., PrismServer]]:
    """Start a Prism of a test's own (``running_prism`` options); it stops after the test."""
    with contextlib.ExitStack() as stack:

        def start(spec_path: Path, **options: Any) -> PrismServer:
            try:
                return stack.enter_context(running_prism(spec_path, install=prism_install, **options))
            except PrismError as exc:
                unavailable(f"cannot start Prism for {spec_path}: {exc}", "Prism")

        yield start


@pytest.fixture(scope="session")
def prism_servers(prism_install: PrismInstall) -> Iterator[PrismPool]:
    """One Prism a provider for the whole session (each starts in about a second)."""
    with contextlib.ExitStack() as stack:
        yield PrismPool(prism_install, stack)


@pytest.fixture(scope="session")
def prism_base_url(prism_servers: PrismPool) -> Callable[[str], str]:
    """``provider -> BASE`` such that the wrapper's own paths land on Prism.

    Prism serves a variant with server paths folded into the path keys. Where the wrapper's
    prefix is that server path, the root URL is the base: Scenario ``BASE/v1/models``,
    TrueFoundry ``BASE/api/ml/v1/models``, Open WebUI ``BASE/api/v1/models/list``, ModelsLab
    ``BASE/api/v3/finetune_list`` and ``BASE/api/v4/dreambooth/model_list``. Where the base URL
    itself holds the server path (OpenAI-compatible servers: ``https://api.openai.com/v1``),
    the base is the root plus what of the server path the prefix does not cover (``ROOT/v1``).
    """
    from modelcatalog.providers import get_provider  # noqa: PLC0415 - the registry, once Prism runs

    def base_url(provider: str) -> str:
        server = prism_servers.get(provider)
        operation = get_provider(provider).operations[0]
        method, path = operation.name.split(" ", 1)
        server_path = server.server_prefixes.get((method, path.removeprefix(operation.prefix)), "")
        return server.base_url + server_path.removesuffix(operation.prefix)

    return base_url
