"""Running the upstream check in a test, and the vendored documents it starts from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from modelcatalog.tooling.derive import sha256_of
from modelcatalog.tooling.upstream import main as upstream_main
from modelcatalog.tooling.upstream.update import set_manifest_value

if TYPE_CHECKING:
    import pytest


ROOT = Path(__file__).resolve().parents[3]
SPECS = ROOT / "specs"
README = ROOT / "README.md"


def vendor(repo: Path, provider: str, filename: str, raw: bytes) -> None:
    """Make ``raw`` the vendored published document of ``provider`` in ``repo``."""
    (repo / "specs" / provider / filename).write_bytes(raw)
    toml = repo / "specs" / "providers.toml"
    toml.write_text(
        set_manifest_value(
            toml.read_text(encoding="utf-8"), f"providers.{provider}", "upstream_sha256", sha256_of(raw)
        ),
        encoding="utf-8",
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = upstream_main(list(argv))
    return code, capsys.readouterr().out


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out = run(capsys, *argv, "--format", "json")
    return code, json.loads(out)


def modelslab() -> dict[str, Any]:
    return json.loads((SPECS / "modelslab" / "upstream.json").read_bytes())


def as_json(document: dict[str, Any]) -> bytes:
    return json.dumps(document, indent=2).encode()


def with_dangling_ref() -> bytes:
    """ModelsLab's document with a $ref to a schema it does not define."""
    broken = modelslab()
    schemas = broken["components"]["schemas"]
    schemas["PublicModel"]["properties"]["owner"] = {"$ref": "#/components/schemas/Owner"}
    return as_json(broken)
