"""``modelcatalog providers``: each provider's operations, base URL and credential variables, found or missing.

Where each setting comes from is the library's answer (``settings.describe_settings``);
a credential is only ever said to be found or missing, never shown.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from modelcatalog.cli.exits import EXIT_OK

if TYPE_CHECKING:
    from collections.abc import Mapping

    from modelcatalog.cli.console import Console
    from modelcatalog.providers import Provider


def add_parser(commands: Any) -> None:  # noqa: ANN401 - argparse's subparsers action is private
    """``providers`` and its options."""
    providers = commands.add_parser(
        "providers", help="each provider: operations, base URL, whether credentials are set (never their values)"
    )
    providers.add_argument("--format", choices=("table", "json"), default="table")
    providers.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    providers.set_defaults(run=run, command_parser=providers)


def run(args: argparse.Namespace, out: TextIO, console: Console) -> int:
    """Print every provider of the registry, as a table or as JSON."""
    del console
    import os  # noqa: PLC0415

    from modelcatalog.providers import PROVIDERS  # noqa: PLC0415

    described = [describe(provider, os.environ) for provider in PROVIDERS.values()]
    if args.format == "json":
        import json  # noqa: PLC0415

        out.write(json.dumps(described, indent=2) + "\n")
        return EXIT_OK
    out.write("\n\n".join(_block(entry) for entry in described) + "\n")
    return EXIT_OK


def describe(provider: Provider, environ: Mapping[str, str]) -> dict[str, Any]:
    """What ``providers`` prints about one provider, as JSON; credentials only as found or missing."""
    from modelcatalog.settings import describe_settings  # noqa: PLC0415

    settings = describe_settings(provider, environ)
    required = {spec.env_var for spec in provider.credentials if spec.required}
    operations = []
    for operation in provider.operations:
        method, _, path = operation.name.partition(" ")
        operations.append({"method": method, "path": path})
    return {
        "name": provider.name,
        "title": provider.title,
        "operations": operations,
        "base_url": settings.base_url,
        "base_url_from": settings.base_url_from,
        "base_url_env": settings.base_url_env,
        **({"base_url_problem": settings.base_url_problem} if settings.base_url_problem else {}),
        "credentials": [
            {
                "env": status.env_var,
                "status": "found" if status.found else "missing",
                **({} if status.env_var in required else {"required": False}),
            }
            for status in settings.credentials
        ],
    }


def _block(entry: Mapping[str, Any]) -> str:
    base = entry["base_url"]
    if base is None:
        where = f"(unset: set {entry['base_url_env']})"
    elif entry["base_url_from"] == "default":
        where = f"{base} (default; {entry['base_url_env']} overrides)"
    else:
        where = f"{base} (from {entry['base_url_from']})"
    if entry.get("base_url_problem"):
        where += f"; refused: {entry['base_url_problem']}"
    operations = ", ".join(f"{op['method']} {op['path']}" for op in entry["operations"])
    credentials = ", ".join(
        f"{c['env']} {c['status']}" + ("" if c.get("required", True) else " (optional except at the default base URL)")
        for c in entry["credentials"]
    )
    return (
        f"{entry['name']} ({entry['title']})\n"
        f"  base URL     {where}\n"
        f"  operations   {operations}\n"
        f"  credentials  {credentials}"
    )
