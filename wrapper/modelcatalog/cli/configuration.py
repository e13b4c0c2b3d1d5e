"""The options every command that lists shares: ``--config``, ``--profile``, ``--instance``.

Precedence, highest first: a flag, an environment variable, the configuration file, the
provider's default (see ``modelcatalog.config``). ``--instance NAME=PROVIDER:BASE_URL``
declares a server without a file and replaces one of the file's of the same name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelcatalog.cli.exits import UsageError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

    from modelcatalog.config import Config
    from modelcatalog.instances import Instance


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--config``, ``--profile`` and ``--instance`` on ``parser``."""
    group = parser.add_argument_group("configuration (flags beat environment variables, which beat the file)")
    group.add_argument(
        "--config",
        metavar="PATH",
        help="the configuration file (default: $MODELCATALOG_CONFIG, else "
        "$XDG_CONFIG_HOME/modelcatalog/config.toml, else ~/.config/modelcatalog/config.toml)",
    )
    group.add_argument(
        "--profile",
        metavar="NAME",
        help="a [profiles.NAME] of the configuration file (default: $MODELCATALOG_PROFILE, else its default_profile)",
    )
    group.add_argument(
        "--instance",
        action="append",
        default=[],
        metavar="NAME=PROVIDER:BASE_URL",
        help="declare a server under its own name, e.g. webui_b=openwebui:https://chat-b.example.com (repeatable)",
    )


def load(args: argparse.Namespace, environ: Mapping[str, str]) -> Config:
    """The configuration file the arguments and environment point at, with the ``--instance`` declarations."""
    from modelcatalog.config import ConfigFileError, load_config  # noqa: PLC0415 - commands import what they use
    from modelcatalog.errors import ConfigurationError  # noqa: PLC0415
    from modelcatalog.instances import parse_declaration  # noqa: PLC0415

    config = load_config(args.config, environ=environ)
    try:
        declared = [parse_declaration(text) for text in args.instance]
    except ConfigFileError:
        raise
    except ConfigurationError as exc:
        raise UsageError(str(exc)) from None
    names = [instance.name for instance in declared]
    if len(set(names)) != len(names):
        twice = next(name for name in names if names.count(name) > 1)
        msg = f"--instance declares {twice!r} twice"
        raise UsageError(msg)
    return config.with_instances(declared)


def selected(args: argparse.Namespace, environ: Mapping[str, str]) -> tuple[Config, list[Instance]]:
    """The configuration, and the providers and instances to list: ``-p`` names, else the profile's.

    A file that cannot be used is its own one-line error; a name or profile that does
    not exist, or nothing to list, is a usage error (the usage line, exit 2).
    """
    from modelcatalog.config import ConfigFileError  # noqa: PLC0415
    from modelcatalog.errors import ConfigurationError  # noqa: PLC0415

    config = load(args, environ)
    try:
        return config, config.select(args.provider, profile=args.profile, environ=environ)
    except ConfigFileError:
        raise
    except ConfigurationError as exc:
        raise UsageError(str(exc)) from None
