"""``modelcatalog providers``: every provider and instance, its operations, and where each setting comes from.

Where a setting comes from is the library's answer (``settings.describe_settings``, with
the configuration file's ``origins``): a flag, an environment variable, the configuration
file, or the default. A credential is only ever said to be found or missing, with the
variable that holds it, never shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from modelcatalog.cli import configuration
from modelcatalog.cli.arguments import add_output_options
from modelcatalog.cli.exits import EXIT_OK

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

    from modelcatalog.cli.console import Console
    from modelcatalog.config import Config
    from modelcatalog.instances import Instance


def add_parser(commands: Any) -> None:  # noqa: ANN401 - argparse's subparsers action is private
    """``providers`` and its options."""
    providers = commands.add_parser(
        "providers",
        help="each provider and instance: operations, base URL, credentials set or not (never their values), "
        "and where each setting comes from",
    )
    providers.add_argument("--format", choices=("table", "json"), default="table")
    configuration.add_arguments(providers)
    add_output_options(providers)
    providers.set_defaults(run=run, command_parser=providers)


def run(args: argparse.Namespace, out: TextIO, console: Console) -> int:
    """Print every provider of the registry and every configured instance, as a table or as JSON."""
    del console
    import os  # noqa: PLC0415

    config = configuration.load(args, os.environ)
    profile = config.profile_name(args.profile, os.environ)
    config = config.with_profile(profile)
    described = [describe(config.instance(name), os.environ, config) for name in config.names]
    if args.format == "json":
        import json  # noqa: PLC0415

        out.write(json.dumps(described, indent=2) + "\n")
        return EXIT_OK
    head = [f"configuration file: {config.path or 'none'}" + (f"; profile {profile}" if profile else "")]
    out.write("\n\n".join([*head, *(_block(entry) for entry in described)]) + "\n")
    return EXIT_OK


def describe(instance: Instance, environ: Mapping[str, str], config: Config | None = None) -> dict[str, Any]:
    """What ``providers`` prints about one provider or instance, as JSON; credentials only as found or missing.

    ``base_url_from`` and each credential's ``from``: an environment variable's name,
    ``config file PATH``, ``profile P in config file PATH``, ``--instance``, ``default``,
    or None (unset).
    """
    from modelcatalog.settings import describe_settings  # noqa: PLC0415

    origins = config.origins if config is not None else {}
    provider = instance.definition()
    settings = describe_settings(provider, environ)
    base_url_from = settings.base_url_from
    if base_url_from == "default" and instance.base_url:
        base_url_from = origins.get((instance.name, "base_url"), "default")
    operations = []
    for operation in provider.operations:
        method, _, path = operation.name.partition(" ")
        operations.append({"method": method, "path": path})
    credentials = []
    for spec, status in zip(provider.credentials, settings.credentials, strict=True):
        named = origins.get((instance.name, f"{spec.argument}_env"), "default")
        entry = {"env": status.env_var, "status": "found" if status.found else "missing", "from": named}
        credentials.append(entry if spec.required else {**entry, "required": False})
    return {
        "name": instance.name,
        "provider": instance.provider,
        "title": provider.title,
        "declared_in": origins.get((instance.name, "provider")) if instance.named else None,
        "operations": operations,
        "base_url": settings.base_url,
        "base_url_from": base_url_from,
        "base_url_env": settings.base_url_env,
        **({"base_url_problem": settings.base_url_problem} if settings.base_url_problem else {}),
        "credentials": credentials,
    }


def _block(entry: Mapping[str, Any]) -> str:
    base, origin, variable = entry["base_url"], entry["base_url_from"], entry["base_url_env"]
    overrides = f"; {variable} overrides" if variable else ""
    if base is None:
        where = f"(unset: set {variable})" if variable else "(unset: give the instance a base_url)"
    elif origin == "default":
        where = f"{base} (default{overrides})"
    elif origin == variable:
        where = f"{base} (from environment variable {origin})"
    else:
        where = f"{base} (from {origin}{overrides})"
    if entry.get("base_url_problem"):
        where += f"; refused: {entry['base_url_problem']}"
    operations = ", ".join(f"{op['method']} {op['path']}" for op in entry["operations"])
    credentials = ", ".join(
        f"{c['env']} {c['status']}"
        + ("" if c.get("required", True) else " (optional except at the default base URL)")
        + ("" if c["from"] == "default" else f" (variable named in {c['from']})")
        for c in entry["credentials"]
    )
    title = entry["title"]
    if entry["declared_in"]:
        title = f"{entry['provider']} instance, declared in {entry['declared_in']}"
    return (
        f"{entry['name']} ({title})\n  base URL     {where}\n  operations   {operations}\n  credentials  {credentials}"
    )
