"""Run the pinned generators: derived documents -> ``generated/modelcatalog_generated``.

The generators run as subprocesses of the current interpreter's environment (the nox
``generate`` session pins them). Everything that shapes their output is fixed here:
the hash seed, the ruff options (``--isolated`` so no nearby ruff config leaks in,
``--no-cache`` so nothing is left in the tree), and the generator configuration.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from modelcatalog.tooling.documents import dump_yaml, load
from modelcatalog.tooling.errors import SpecError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from modelcatalog.tooling.manifest import Manifest, ProviderSpec
from modelcatalog.tooling.open_enums import decoding_variant, known_enum_values

GENERATED_PACKAGE = "modelcatalog_generated"

RUFF_POST_HOOKS = [
    "ruff check . --isolated --no-cache --fix-only --extend-select I --target-version py311 --line-length 120",
    "ruff format . --isolated --no-cache --target-version py311 --line-length 120",
]

# openapi-python-client options; see its README for each.
#: modelcatalog's versions of some of openapi-python-client's templates: the package and
#: its ``models`` import their modules on first use, and an endpoint module's request
#: builder imports neither the client nor the models, so that building a request (all a
#: listing asks of this client) loads only the operation's module and ``types``.
CLIENT_TEMPLATES = Path(__file__).resolve().parent / "templates"
CLIENT_CONFIG = {
    "post_hooks": RUFF_POST_HOOKS,
    "docstrings_on_attributes": True,
    "field_prefix": "field_",
}

# datamodel-code-generator options for the catalog record (msgspec Structs: fast to decode).
DATAMODEL_OPTIONS = [
    "--output-model-type",
    "msgspec.Struct",
    "--target-python-version",
    "3.11",
    "--disable-timestamp",
    "--strict-nullable",
    "--output-datetime-class",
    "datetime",
    "--use-standard-collections",
    "--use-union-operator",
    "--use-schema-description",
    "--use-field-description",
    "--use-double-quotes",
    "--enum-field-as-literal",
    "all",
    "--formatters",
    "builtin",
]

STRUCTS_PACKAGE = "structs"
STRUCTS_INIT = '''"""msgspec Structs that decode each provider's responses (datamodel-code-generator).

Generated from the same derived documents as the typed clients, adapted to what msgspec
can express (see ``modelcatalog.tooling.open_enums.decoding_variant``). Never edit by hand.
"""
'''

STRUCTS_BASE = '''"""The base of every decoding Struct (machine-written, never edit).

``forbid_unknown_fields``: a response with a field the spec does not list fails the
fast decode, and the wrapper takes the slow path that reports the field as off-spec and
keeps the record. ``gc=False``: decoded records hold no reference cycles, and keeping
tens of thousands of them out of the cycle collector makes decoding several times faster.
"""

import msgspec


class DecodedStruct(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """A record decoded from a provider's JSON response."""
'''

PACKAGE_INIT = '''"""Machine-written clients and types for modelcatalog. Never edit by hand.

Regenerate with ``nox -s generate``; ``nox -s drift`` fails on any hand edit.

- ``{package}.<provider>``: the openapi-python-client package for each provider.
- ``{package}.structs.<provider>``: msgspec Structs that decode each provider's responses fast.
- ``{package}.{catalog}``: the normalized model record (datamodel-code-generator).
- ``{package}.registry``: the providers of specs/providers.toml, in its order.
"""
'''


def reproducible_env() -> dict[str, str]:
    """The environment every generator runs in: fixed hash seed, no bytecode, no caches."""
    env = dict(os.environ)
    env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", RUFF_NO_CACHE="true", LC_ALL="C.UTF-8")
    return env


def generate_all(manifest: Manifest, out_root: Path) -> Path:
    """Write the whole generated package under ``out_root``; return the package directory."""
    package_dir = out_root / GENERATED_PACKAGE
    if package_dir.exists():
        shutil.rmtree(package_dir)
    package_dir.mkdir(parents=True)
    (package_dir / "__init__.py").write_text(
        PACKAGE_INIT.format(package=GENERATED_PACKAGE, catalog=manifest.catalog_module), encoding="utf-8"
    )
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    for provider in manifest.providers:
        generate_client(provider, package_dir / provider.package)
    structs_dir = package_dir / STRUCTS_PACKAGE
    structs_dir.mkdir()
    (structs_dir / "__init__.py").write_text(STRUCTS_INIT, encoding="utf-8")
    (structs_dir / "_base.py").write_text(STRUCTS_BASE, encoding="utf-8")
    for provider in manifest.providers:
        generate_decoding_structs(provider, structs_dir / f"{provider.package}.py")
    write_known_values(manifest, structs_dir / "known_values.py")
    write_registry(manifest, package_dir / "registry.py")
    generate_catalog_types(manifest, package_dir / f"{manifest.catalog_module}.py")
    _remove_caches(package_dir)
    return package_dir


def generate_client(provider: ProviderSpec, output: Path) -> None:
    """openapi-python-client, one provider, from its committed derived document."""
    with tempfile.TemporaryDirectory(prefix="mc-codegen-") as scratch:
        config = Path(scratch) / "config.json"
        config.write_text(json.dumps(CLIENT_CONFIG), encoding="utf-8")
        _run(
            [
                _tool("openapi-python-client"),
                "generate",
                "--path",
                str(provider.derived),
                "--meta",
                "none",
                "--output-path",
                str(output),
                "--config",
                str(config),
                "--custom-template-path",
                str(CLIENT_TEMPLATES),
                "--overwrite",
            ],
            cwd=Path(scratch),
            what=f"openapi-python-client for {provider.name}",
        )


def generate_catalog_types(manifest: Manifest, output: Path) -> None:
    """datamodel-code-generator: the normalized record's JSON Schema -> msgspec Structs."""
    _datamodel_codegen(manifest.catalog_schema, "jsonschema", output, what="the catalog record")


def generate_decoding_structs(provider: ProviderSpec, output: Path) -> None:
    """datamodel-code-generator: the provider's derived document -> msgspec Structs.

    These decode a response in one C pass, checking types as they go, several times
    faster than the attrs models' ``from_dict``; see ``open_enums.decoding_variant``
    for how the document is adapted to what msgspec can express.
    """
    variant = decoding_variant(load(provider.derived))
    with tempfile.TemporaryDirectory(prefix="mc-variant-") as scratch:
        source = Path(scratch) / f"{provider.package}.yaml"
        source.write_bytes(dump_yaml(variant))
        _datamodel_codegen(
            source,
            "openapi",
            output,
            what=f"decoding structs for {provider.name}",
            extra=[
                "--snake-case-field",
                "--base-class",
                f"{GENERATED_PACKAGE}.{STRUCTS_PACKAGE}._base.DecodedStruct",
                # real annotations, not strings: msgspec reads them once a process to build a
                # decoder, and evaluating string annotations was most of that time
                "--disable-future-imports",
            ],
        )


def write_known_values(manifest: Manifest, output: Path) -> None:
    """The values each opened enum lists, per provider, as a Python literal (sorted, stable)."""
    lines = [
        '"""Values each opened response enum lists in the vendored spec (machine-written, never edit).',
        "",
        "provider name -> decoding Struct name -> wire field name -> known values. The wrapper",
        "reports a value outside these as off-spec instead of failing the record.",
        '"""',
        "",
        "KNOWN_VALUES: dict[str, dict[str, dict[str, frozenset[object]]]] = {",
    ]
    for provider in manifest.providers:
        lines.append(f"    {provider.name!r}: {{")
        table = known_enum_values(load(provider.derived))
        for component in sorted(table):
            lines.append(f"        {component!r}: {{")
            for prop in sorted(table[component]):
                values = ", ".join(repr(v) for v in sorted(table[component][prop], key=repr))
                lines.append(f"            {prop!r}: frozenset({{{values}}}),")
            lines.append("        },")
        lines.append("    },")
    lines.append("}")
    _write_python(output, lines)


def write_registry(manifest: Manifest, output: Path) -> None:
    """The manifest's providers, in its order: the one list of names the runtime, the command and the tests read."""
    lines = [
        '"""The providers of specs/providers.toml, in its order (machine-written, never edit).',
        "",
        "provider name -> the generated package that holds its clients (``modelcatalog_generated.<package>``",
        "and ``modelcatalog_generated.structs.<package>``). Importing this module imports nothing else.",
        '"""',
        "",
        "PACKAGES: dict[str, str] = {",
        *(f"    {provider.name!r}: {provider.package!r}," for provider in manifest.providers),
        "}",
        "PROVIDERS: tuple[str, ...] = tuple(PACKAGES)",
    ]
    _write_python(output, lines)


def _write_python(output: Path, lines: Sequence[str]) -> None:
    """Write a module we generate ourselves, formatted by the pinned ruff like the generators' output."""
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for hook in RUFF_POST_HOOKS:
        ruff = hook.split()
        ruff[0] = _tool(ruff[0])
        ruff[ruff.index(".")] = str(output)
        _run(ruff, cwd=output.parent, what=f"ruff on {output.name}")


def _datamodel_codegen(source: Path, input_type: str, output: Path, *, what: str, extra: Sequence[str] = ()) -> None:
    """Run datamodel-codegen, then the pinned ruff, in an empty temporary directory.

    datamodel-codegen reads formatting settings from any ``pyproject.toml`` above its
    output, which would make the result depend on where the checkout lives.
    """
    with tempfile.TemporaryDirectory(prefix="mc-datamodel-") as scratch:
        written = Path(scratch) / output.name
        command = [_tool("datamodel-codegen"), "--input", str(source), "--input-file-type", input_type]
        command += ["--output", str(written), *DATAMODEL_OPTIONS, *extra]
        _run(command, cwd=Path(scratch), what=f"datamodel-codegen for {what}")
        for hook in RUFF_POST_HOOKS:
            ruff = hook.split()
            ruff[0] = _tool(ruff[0])
            ruff[ruff.index(".")] = str(written)
            _run(ruff, cwd=Path(scratch), what=f"ruff on {output.name}")
        text = written.read_text(encoding="utf-8")
        # the header names the input file; keep only its name so output does not depend on paths
        output.write_text(text.replace(str(source.parent) + os.sep, ""), encoding="utf-8")


def _tool(name: str) -> str:
    """A console script from the running interpreter's environment, else from PATH."""
    candidate = Path(sys.executable).parent / name
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if found is None:
        msg = f"{name} is not installed; run the generators through `nox -s generate`"
        raise SpecError(msg)
    return found


def _run(command: list[str], *, cwd: Path, what: str) -> None:
    env = reproducible_env()
    # the ruff post-hooks must be the pinned ruff next to the generators
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        msg = f"{what} failed (exit {result.returncode}):\n{output}"
        raise SpecError(msg)
    warnings = [line for line in output.splitlines() if "warning" in line.lower()]
    if warnings:
        msg = f"{what} reported warnings; fix the overlay rather than ship a partial client:\n{output}"
        raise SpecError(msg)


def _remove_caches(root: Path) -> None:
    for cache in [*root.rglob("__pycache__"), *root.rglob(".ruff_cache")]:
        shutil.rmtree(cache, ignore_errors=True)
