"""The ``modelcatalog`` command: list models across AI-model providers from the shell.

    modelcatalog list -p scenario -p truefoundry --tag prod --sort=-created_at
    modelcatalog list -p openwebui --format ndjson | jq -r .name
    modelcatalog providers
    modelcatalog upstream
    modelcatalog completion bash

One module a command (``list``, ``providers``, ``upstream``, ``completion``), each a thin shell over the
library: it adds its parser and runs. Credentials and base URLs come from each
provider's environment variables (or ``--base-url``). Exit status: 0 success, every
listing complete; 1 a provider failed, or its listing is incomplete (it stopped early:
the page cap, ``--deadline``, a server going round; or it left out records that do not
match the spec), with every model listed still printed and one line saying why after
them; 2 bad usage or configuration; 3 authentication failed (every provider that
failed, failed to authenticate, and none succeeded). Errors are one line on stderr;
``--debug`` adds tracebacks and the library's debug log; ``--quiet`` leaves only the
errors (no warnings, no progress), ``--no-progress`` only drops the progress line; both
go before or after the command. ``--strict`` fails a provider
on a record that does not match its spec instead of leaving the record out.
``upstream`` passes the upstream check's own exit status through.

Modules are imported inside the commands, so ``modelcatalog --help`` starts without
loading httpx, msgspec, the generated clients or any provider module.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from typing import TYPE_CHECKING

from modelcatalog.cli import completion, providers, upstream
from modelcatalog.cli import list as list_command
from modelcatalog.cli.arguments import add_output_options, join_sort_values
from modelcatalog.cli.exits import EXIT_AUTH, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from modelcatalog.cli.console import Console

#: the commands, in the order ``--help`` lists them
COMMANDS = (list_command, providers, upstream, completion)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``modelcatalog`` command."""
    from modelcatalog.cli.console import Console  # noqa: PLC0415 - small, but not needed for --help

    parser = build_parser()
    args, extra = parser.parse_known_args(join_sort_values(sys.argv[1:] if argv is None else argv))
    if extra and not getattr(args, "passes_arguments", False):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra
    console = Console(sys.stderr, debug=args.debug, quiet=args.quiet, progress=not args.no_progress)
    if args.debug:
        import logging  # noqa: PLC0415

        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, format="%(name)s: %(message)s")
    with warnings.catch_warnings():
        warnings.showwarning = console.show_warning
        try:
            return int(args.run(args, sys.stdout, console))
        except UsageError as exc:
            command: argparse.ArgumentParser = args.command_parser
            command.error(str(exc))  # exits 2
        except BrokenPipeError:  # `modelcatalog list | head`: the reader has what it wanted
            _silence_stdout()
            return EXIT_OK
        except KeyboardInterrupt:
            console.erase()
            console.line("modelcatalog: interrupted")
            return EXIT_INTERRUPTED
        except Exception as exc:  # noqa: BLE001 - every failure becomes one line and an exit status
            return _report(exc, console)


def build_parser() -> argparse.ArgumentParser:
    """The whole command's parser (``completion`` makes its scripts from it)."""
    parser = argparse.ArgumentParser(
        prog="modelcatalog", description="List models across AI-model providers from the shell."
    )
    add_output_options(parser, top=True)
    parser.add_argument("--version", action=_Version, help="print the installed version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(commands)
    return parser


class _Version(argparse.Action):
    """``--version``: the package metadata is read only when asked, so ``--help`` stays fast."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:  # noqa: A002
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            installed = version("modelcatalog")
        except PackageNotFoundError:  # imported from a source tree that was never installed
            installed = "unknown (not installed as a package)"
        sys.stdout.write(f"modelcatalog {installed}\n")
        parser.exit(EXIT_OK)


def _report(exc: Exception, console: Console) -> int:
    """One line on stderr (the traceback too with ``--debug``); the exit status for ``exc``."""
    from modelcatalog.errors import AuthenticationError, ConfigurationError, ModelCatalogError  # noqa: PLC0415

    console.exception(exc)
    if isinstance(exc, ModelCatalogError):
        # our messages name provider and operation and are scrubbed of credentials
        console.error(str(exc))
    else:
        console.error(f"unexpected {type(exc).__name__} (run with --debug for details)")
    if isinstance(exc, AuthenticationError):
        return EXIT_AUTH
    if isinstance(exc, ConfigurationError):
        return EXIT_USAGE
    return EXIT_ERROR


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the flush at exit cannot complain."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)
