"""``modelcatalog completion bash|zsh|fish``: a static completion script for the shell, made by shtab.

The script is generated from the command's own argparse parser, so every command,
option and choice (provider names from the registry, formats, fields) completes as
``--help`` describes it, with nothing to keep in step by hand. shtab is imported only
here, so ``--help`` and the other commands never load it. Install lines are in the
README ("Shell completion").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, TextIO

from modelcatalog.cli.exits import EXIT_OK

if TYPE_CHECKING:
    import argparse

    from modelcatalog.cli.console import Console

SHELLS: Final = ("bash", "zsh", "fish")


def add_parser(commands: Any) -> None:  # noqa: ANN401 - argparse's subparsers action is private
    """``completion SHELL``."""
    completion = commands.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description="Print the completion script for SHELL on stdout; see the README for where to put it, "
        "e.g. `modelcatalog completion bash > ~/.local/share/bash-completion/completions/modelcatalog`.",
    )
    completion.add_argument("shell", choices=SHELLS, metavar="SHELL", help=f"one of {', '.join(SHELLS)}")
    completion.set_defaults(run=run, command_parser=completion)


def run(args: argparse.Namespace, out: TextIO, console: Console) -> int:
    """Print the script for ``args.shell``."""
    del console
    import shtab  # noqa: PLC0415 - only this command needs it

    from modelcatalog.cli import build_parser  # noqa: PLC0415 - the whole command's parser, built afresh

    parser = build_parser()
    _offer_provider_names(parser)
    out.write(shtab.complete(parser, shell=args.shell))
    out.flush()
    return EXIT_OK


def _offer_provider_names(parser: argparse.ArgumentParser) -> None:
    """``-p`` completes the registry's providers.

    ``-p`` takes no argparse choices, since it also takes instance names from a
    configuration file; a static script can only offer the names every user has.
    """
    import argparse  # noqa: PLC0415

    from modelcatalog.providers import NAMES  # noqa: PLC0415

    for action in parser._actions:  # noqa: SLF001 - argparse keeps its actions and subcommands nowhere public
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for command in action.choices.values():
                _offer_provider_names(command)
        elif action.dest == "provider":
            action.choices = NAMES
