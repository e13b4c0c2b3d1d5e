"""The ``modelcatalog`` command: list a provider's models from the shell.

    modelcatalog list --provider scenario --format ndjson

Credentials and base URLs come from the provider's environment variables (or
``--base-url``). Exit status: 0 success, 1 any other error, 2 bad usage or
configuration, 3 authentication failed. Errors are one line on stderr; ``--debug``
adds the traceback and the library's log.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
import warnings
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Sequence

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
PROVIDER_NAMES = ("scenario", "truefoundry", "openwebui", "modelslab")
FORMATS = ("ndjson",)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``modelcatalog`` command."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.debug:
        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, format="%(name)s: %(message)s")
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        try:
            return int(args.run(args, sys.stdout))
        except BrokenPipeError:  # `modelcatalog list | head`: the reader has what it wanted
            sys.stderr.close()
            return EXIT_OK
        except Exception as exc:  # noqa: BLE001 - every failure becomes one line and an exit status
            return _report(exc, debug=args.debug)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="modelcatalog", description=__doc__.split("\n\n")[0])
    parser.add_argument("--debug", action="store_true", help="show tracebacks and the library's debug log")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    listing = commands.add_parser("list", help="print every model of one provider")
    listing.add_argument("--provider", "-p", required=True, choices=PROVIDER_NAMES)
    listing.add_argument("--base-url", help="replaces scheme, host, port and prefix (default: from the environment)")
    listing.add_argument("--format", default="ndjson", choices=FORMATS, help="output format (default: ndjson)")
    listing.add_argument("--operation", help="one list operation of the provider (default: all of them)")
    listing.add_argument("--limit", type=_positive, help="stop after this many models")
    listing.add_argument("--allow-insecure-http", action="store_true", help="allow plain http to a remote host")
    listing.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    listing.set_defaults(run=_list)
    return parser


def _list(args: argparse.Namespace, out: TextIO) -> int:
    """Print every model, one JSON object a line: provider, operation, id, and the record."""
    import msgspec  # noqa: PLC0415 - loaded only when a command needs it

    from modelcatalog.client import Client  # noqa: PLC0415

    encode = msgspec.json.Encoder().encode
    remaining = args.limit
    with Client(args.provider, base_url=args.base_url, allow_insecure_http=args.allow_insecure_http) as client:
        for operation in client.provider.operation(args.operation):
            if remaining is not None and remaining <= 0:
                break
            for item in client.list_models(operation=operation.name, limit=remaining):
                line = {
                    "provider": client.provider.name,
                    "operation": operation.name,
                    "id": str(operation.item_key(item)),
                    "record": item,
                }
                out.write(encode(line).decode() + "\n")
                if remaining is not None:
                    remaining -= 1
    out.flush()
    return EXIT_OK


def _report(exc: Exception, *, debug: bool) -> int:
    """One line on stderr (the traceback too with ``--debug``); the exit status for ``exc``."""
    from modelcatalog.errors import AuthenticationError, ConfigurationError, ModelCatalogError  # noqa: PLC0415

    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, ModelCatalogError):
        # our messages name provider and operation and are scrubbed of credentials
        print(f"modelcatalog: error: {exc}", file=sys.stderr)  # noqa: T201
    else:
        print(f"modelcatalog: error: unexpected {type(exc).__name__} (run with --debug for details)", file=sys.stderr)  # noqa: T201
    if isinstance(exc, AuthenticationError):
        return EXIT_AUTH
    if isinstance(exc, ConfigurationError):
        return EXIT_USAGE
    return EXIT_ERROR


def _show_warning(  # noqa: PLR0917 - the signature warnings.showwarning has
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Warnings (runtime drift, pagination, insecure transport) as one line each."""
    del filename, lineno, file, line
    print(f"modelcatalog: warning: {category.__name__}: {message}", file=sys.stderr)  # noqa: T201


def _positive(text: str) -> int:
    value = int(text)
    if value < 0:
        msg = f"must be 0 or more, got {value}"
        raise argparse.ArgumentTypeError(msg)
    return value
