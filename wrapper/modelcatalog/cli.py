"""The ``modelcatalog`` command: list models across AI-model providers from the shell.

    modelcatalog list -p scenario -p truefoundry --tag prod --sort=-created_at
    modelcatalog list -p openwebui --format ndjson | jq -r .name
    modelcatalog providers
    modelcatalog spec diff

Credentials and base URLs come from each provider's environment variables (or
``--base-url``). Exit status: 0 success, every listing complete; 1 a provider failed,
or its listing is incomplete (it stopped early: the page cap, ``--deadline``, a server
going round; or it left out records that do not match the spec), with every model
listed still printed and one line saying why after them; 2 bad usage or configuration;
3 authentication failed (every provider that failed, failed to authenticate, and none
succeeded). Errors are one line on stderr; ``--debug`` adds tracebacks and the
library's debug log. ``--strict`` fails a provider on a record that does not match its
spec instead of leaving the record out.

Modules are imported inside the commands, so ``modelcatalog --help`` starts without
loading httpx, msgspec or the generated clients.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from modelcatalog._console import Console, Progress
    from modelcatalog.catalog import ModelRecord, ProviderFailure, Query
    from modelcatalog.providers import Provider

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_INTERRUPTED = 130
# Spelled out here (tests hold them to the library's lists) so that parsing imports nothing.
PROVIDER_NAMES = ("scenario", "truefoundry", "openwebui", "modelslab")
FORMATS = ("table", "json", "ndjson", "csv")
VISIBILITIES = ("public", "unlisted", "shared", "private")
SORT_FIELDS = ("provider", "id", "name", "kind", "status", "visibility", "created_at", "updated_at")


class UsageError(Exception):
    """Arguments that parse but do not make sense together (exit 2, with the usage line)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``modelcatalog`` command."""
    from modelcatalog._console import Console  # noqa: PLC0415 - small, but not needed for --help

    parser = _parser()
    args, extra = parser.parse_known_args(_join_sort_values(sys.argv[1:] if argv is None else argv))
    if extra and args.command != "spec":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra
    console = Console(sys.stderr, debug=args.debug)
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="modelcatalog", description="List models across AI-model providers from the shell."
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks and the library's debug log")
    parser.add_argument("--version", action=_Version, help="print the installed version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    listing = commands.add_parser(
        "list",
        help="list the models of one or more providers",
        description="List models across providers: records as they arrive, filtered on the client and, "
        "where that cannot change the result, on the servers.",
    )
    listing.add_argument(
        "--provider",
        "-p",
        action="append",
        required=True,
        choices=PROVIDER_NAMES,
        metavar="PROVIDER",
        help=f"one of {', '.join(PROVIDER_NAMES)} (repeatable)",
    )
    listing.add_argument(
        "--base-url",
        action="append",
        default=[],
        metavar="[PROVIDER=]URL",
        help="replaces scheme, host, port and prefix (default: from the environment); "
        "with several providers, PROVIDER=URL (repeatable)",
    )
    listing.add_argument(
        "--format",
        choices=FORMATS,
        help="table for people, ndjson/json with the schema's keys, csv with a header "
        "(default: table on a terminal, ndjson otherwise)",
    )
    listing.add_argument("--no-source", action="store_true", help="leave the provider's own record out of json/ndjson")
    listing.add_argument("--limit", type=_count, help="stop after this many models")
    listing.add_argument(
        "--deadline",
        type=_seconds,
        metavar="SECONDS",
        help="stop listing after this many seconds: what was listed is printed, and the exit status is 1",
    )
    listing.add_argument(
        "--strict",
        action="store_true",
        help="a record that does not match its provider's spec fails the provider (default: it is left out, "
        "reported, and the exit status is 1)",
    )
    listing.add_argument("--allow-insecure-http", action="store_true", help="allow plain http to a remote host")
    listing.add_argument(
        "--max-body-size",
        type=_size,
        metavar="SIZE",
        help="refuse a response body larger than this after decompression: bytes, or 64MiB, 500KB (default 64MiB)",
    )
    listing.add_argument(
        "--attempt-deadline",
        type=_seconds,
        metavar="SECONDS",
        help="give up on an attempt not fully answered by then; it is retried like a timeout (default 60)",
    )
    filters = listing.add_argument_group("filters (all given must hold)")
    filters.add_argument("--text", help="case-insensitive substring of the name or id")
    filters.add_argument("--name", help="exact name")
    filters.add_argument("--tag", action="append", default=[], help="a tag the model must have (repeatable)")
    filters.add_argument("--kind", action="append", help="the provider's own type word (repeatable: any of)")
    filters.add_argument("--status", action="append", help="the provider's own status word (repeatable: any of)")
    filters.add_argument("--visibility", action="append", choices=VISIBILITIES, help="repeatable: any of")
    for name, bound in (("created", "since"), ("created", "until"), ("updated", "since"), ("updated", "until")):
        filters.add_argument(
            f"--{name}-{bound}",
            type=_moment,
            metavar="DATE",
            help=f"ISO date or date-time ({'inclusive' if bound == 'since' else 'exclusive'}; no offset: UTC)",
        )
    listing.add_argument(
        "--sort",
        metavar="FIELD[:asc|desc]",
        help=f"sort by one of {', '.join(SORT_FIELDS)}; -FIELD is descending (output waits for every provider)",
    )
    listing.add_argument("--no-pushdown", action="store_true", help="send no filter to any server (debug aid)")
    listing.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    listing.set_defaults(run=_list, command_parser=listing)

    providers = commands.add_parser(
        "providers", help="each provider: operations, base URL, whether credentials are set (never their values)"
    )
    providers.add_argument("--format", choices=("table", "json"), default="table")
    providers.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    providers.set_defaults(run=_providers, command_parser=providers)

    spec = commands.add_parser("spec", help="spec tooling: diff (upstream changes), drift, generate")
    jobs = spec.add_subparsers(dest="job", required=True, metavar="JOB")
    for job, text in (
        ("diff", "classify changes in each provider's published document (see `spec diff --help`)"),
        ("drift", "check generated/ and the derived documents against specs/"),
        ("generate", "regenerate the derived documents and clients"),
    ):
        # add_help=False: --help and every option go to the tool itself
        jobs.add_parser(job, help=text, add_help=False, prefix_chars="\0")
    spec.set_defaults(run=_spec, command_parser=spec)
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


def _join_sort_values(argv: Sequence[str]) -> list[str]:
    """``--sort -created_at`` as ``--sort=-created_at``: argparse would take ``-created_at`` for an option."""
    joined: list[str] = []
    words = iter(argv)
    for word in words:
        if word == "--sort":
            value = next(words, None)
            joined.append(word if value is None else f"--sort={value}")
        else:
            joined.append(word)
    return joined


# ----------------------------------------------------------------------------------
# list


def _list(args: argparse.Namespace, out: TextIO, console: Console) -> int:
    """Stream the catalog records of every provider asked for; report each failing provider on a line."""
    import contextlib  # noqa: PLC0415 - commands import what they use
    import shutil  # noqa: PLC0415

    from modelcatalog._console import held  # noqa: PLC0415
    from modelcatalog._formats import writer_for  # noqa: PLC0415
    from modelcatalog.catalog import ProviderFailure, stream_catalog  # noqa: PLC0415

    providers = list(dict.fromkeys(args.provider))
    base_urls = _base_urls(args.base_url, providers)
    query, fetch = _queries(args, providers)
    fmt = args.format or ("table" if out.isatty() else "ndjson")
    writer = writer_for(fmt, out, source=not args.no_source, width=shutil.get_terminal_size().columns, order=providers)
    options = {
        p: {
            "allow_insecure_http": args.allow_insecure_http,
            **({"base_url": base_urls[p]} if p in base_urls else {}),
            **_http_options(args),
        }
        for p in providers
    }
    progress = console.progress(providers)
    guard = (lambda: held(console)) if progress is not None and out.isatty() else contextlib.nullcontext
    failures: list[ProviderFailure] = []
    kept: list[ModelRecord] = []  # a sorted listing is ordered here, so that progress counts while it runs
    with contextlib.ExitStack() as stack:
        if progress is not None:
            stack.enter_context(progress)
        stream = stream_catalog(fetch, providers, client_options=options, deadline=args.deadline, strict=args.strict)
        # closing the generator on the way out (a broken pipe, ^C) stops the providers' workers
        stack.callback(getattr(stream, "close", lambda: None))
        for item in stream:
            if isinstance(item, ProviderFailure):
                failures.append(item)
                _failed(item, console, progress)
                continue
            if progress is not None:
                progress.add(item.provider)
            if fetch is query:
                with guard():
                    writer.write(item)
            else:
                kept.append(item)
    for record in query.order(kept) if fetch is not query else ():
        writer.write(record)
    writer.close()
    for failure in failures:
        if failure.incomplete:
            _report_failure(failure, console)
    return exit_status(providers, failures)


def _http_options(args: argparse.Namespace) -> dict[str, Any]:
    """``http=HTTPSettings(...)`` when a limit was given on the command line."""
    limits = {
        name: value
        for name, value in (("max_body_size", args.max_body_size), ("attempt_deadline", args.attempt_deadline))
        if value is not None
    }
    if not limits:
        return {}
    from modelcatalog.transport import HTTPSettings  # noqa: PLC0415

    return {"http": HTTPSettings(**limits)}


def _base_urls(values: Sequence[str], providers: Sequence[str]) -> dict[str, str]:
    """``--base-url URL`` (one provider) and ``--base-url PROVIDER=URL`` (any number) -> provider: URL."""
    from modelcatalog.secrets import mask_user_info  # noqa: PLC0415

    urls: dict[str, str] = {}
    for raw in values:
        value = mask_user_info(raw)  # what messages show
        name, sep, url = raw.partition("=")
        if sep and name in PROVIDER_NAMES:
            if name not in providers:
                msg = f"--base-url {value}: {name} is not one of the --provider values"
                raise UsageError(msg)
        elif len(providers) == 1:
            name, url = providers[0], raw
        else:
            msg = f"--base-url {value}: with several providers, say which: --base-url PROVIDER=URL"
            raise UsageError(msg)
        if name in urls:
            msg = f"--base-url given twice for {name}"
            raise UsageError(msg)
        if not url:
            msg = f"--base-url {value}: empty URL"
            raise UsageError(msg)
        urls[name] = url
    return urls


def _queries(args: argparse.Namespace, providers: Sequence[str]) -> tuple[Query, Query]:
    """The query asked for, and the one to fetch with (the same unless sorting: then unsorted, unlimited).

    A sorted listing must see every match before printing; fetching without the sort
    lets the progress line count records as they arrive. The client-side filter defines
    the result, so the records are the same; ``Query.order`` then sorts and limits them.
    """
    from modelcatalog.catalog import Query  # noqa: PLC0415

    criteria: dict[str, Any] = {
        "providers": providers,
        "text": args.text,
        "name": args.name,
        "tags": args.tag,
        "kind": args.kind,
        "status": args.status,
        "visibility": args.visibility,
        "created_since": args.created_since,
        "created_until": args.created_until,
        "updated_since": args.updated_since,
        "updated_until": args.updated_until,
        "pushdown": not args.no_pushdown,
    }
    try:
        query = Query(**criteria, sort=args.sort, limit=args.limit)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if query.sort is None:
        return query, query
    return query, Query(**criteria)


def exit_status(providers: Sequence[str], failures: Sequence[ProviderFailure]) -> int:
    """0 all listed completely; 1 a provider failed (or listed incompletely) while another did not, or mixed failures.

    When every provider failed: 3 if every failure is an authentication failure, 2 if
    every failure is a configuration error (a missing credential or base URL).
    """
    from modelcatalog.errors import AuthenticationError, ConfigurationError  # noqa: PLC0415

    if not failures:
        return EXIT_OK
    failed = {failure.provider for failure in failures}
    if any(provider not in failed for provider in providers):
        return EXIT_ERROR
    if all(isinstance(failure.error, AuthenticationError) for failure in failures):
        return EXIT_AUTH
    if all(isinstance(failure.error, ConfigurationError) for failure in failures):
        return EXIT_USAGE
    return EXIT_ERROR


def describe_failure(failure: ProviderFailure) -> str:
    """One line: provider, operation and the library's scrubbed message; never the exception's raw text."""
    from modelcatalog.errors import ModelCatalogError  # noqa: PLC0415

    error = failure.error
    if isinstance(error, ModelCatalogError):
        text = str(error) if error.provider else f"{failure.provider}: {error}"
    else:  # not ours: its text could hold anything, a credential included
        text = f"{failure.provider}: unexpected {type(error).__name__} (run with --debug for details)"
    after = f" (after {failure.records} records)" if failure.records else ""
    return text + after


def _failed(failure: ProviderFailure, console: Console, progress: Progress | None) -> None:
    """A provider failed: say so now; an incomplete listing is said after its records are printed."""
    if progress is not None:
        progress.fail(failure.provider, incomplete=failure.incomplete)
    if not failure.incomplete:
        _report_failure(failure, console)


def _report_failure(failure: ProviderFailure, console: Console) -> None:
    console.exception(failure.error)
    console.error(describe_failure(failure))


# ----------------------------------------------------------------------------------
# providers


def _providers(args: argparse.Namespace, out: TextIO, console: Console) -> int:
    """Each provider's operations, base URL and credential variables, found or missing."""
    del console
    from modelcatalog.providers import PROVIDERS  # noqa: PLC0415

    described = [describe_provider(provider, os.environ) for provider in PROVIDERS.values()]
    if args.format == "json":
        import json  # noqa: PLC0415

        out.write(json.dumps(described, indent=2) + "\n")
        return EXIT_OK
    blocks = []
    for entry in described:
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
        credentials = ", ".join(f"{c['env']} {c['status']}" for c in entry["credentials"])
        blocks.append(
            f"{entry['name']} ({entry['title']})\n"
            f"  base URL     {where}\n"
            f"  operations   {operations}\n"
            f"  credentials  {credentials}"
        )
    out.write("\n\n".join(blocks) + "\n")
    return EXIT_OK


def describe_provider(provider: Provider, environ: Mapping[str, str]) -> dict[str, Any]:
    """What ``providers`` prints about one provider; credentials only as found or missing."""
    env_url = (environ.get(provider.base_url_env) or "").strip() if provider.base_url_env else ""
    problem = None
    if env_url:
        base_url, source = _masked(env_url), provider.base_url_env
        if base_url != env_url:
            problem = "it holds user info (user:password@), which the client refuses"
    elif provider.default_base_url:
        base_url, source = provider.default_base_url, "default"
    else:
        base_url, source = None, None
    operations = []
    for operation in provider.operations:
        method, _, path = operation.name.partition(" ")
        operations.append({"method": method, "path": path})
    credentials = [
        {"env": spec.env_var, "status": "found" if (environ.get(spec.env_var) or "").strip() else "missing"}
        for spec in provider.credentials
    ]
    return {
        "name": provider.name,
        "title": provider.title,
        "operations": operations,
        "base_url": base_url,
        "base_url_from": source,
        "base_url_env": provider.base_url_env,
        **({"base_url_problem": problem} if problem else {}),
        "credentials": credentials,
    }


def _masked(url: str) -> str:
    """A base URL with its user info (``user:password@``) masked: a user name can be a token too."""
    from modelcatalog.secrets import mask_user_info  # noqa: PLC0415

    return mask_user_info(url)


# ----------------------------------------------------------------------------------
# spec


def _spec(args: argparse.Namespace, out: TextIO, console: Console) -> int:
    """``spec diff`` is the upstream check; ``spec drift|generate`` the pipeline jobs. Their exit codes pass through."""
    del out, console
    if args.job == "diff":
        from modelcatalog.tooling.upstream import main as upstream  # noqa: PLC0415

        return upstream(args.extra)
    from modelcatalog.tooling.command import main as tooling  # noqa: PLC0415

    return tooling([args.job, *args.extra])


# ----------------------------------------------------------------------------------
# errors and argument types


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


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        msg = f"expected a whole number, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if value < 0:
        msg = f"must be 0 or more, got {value}"
        raise argparse.ArgumentTypeError(msg)
    return value


_UNITS = {"": 1, "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3, "kib": 1024, "mib": 1024**2, "gib": 1024**3}


def _size(text: str) -> int:
    """Bytes: ``1048576``, ``64MiB``, ``500KB`` (KB, MB, GB are powers of 1000; KiB, MiB, GiB of 1024)."""
    import re  # noqa: PLC0415

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    unit = _UNITS.get(match.group(2).lower()) if match else None
    if match is None or unit is None:
        msg = f"expected a size such as 1048576, 500KB or 64MiB, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    size = int(float(match.group(1)) * unit)
    if size < 1:
        msg = f"must be at least 1 byte, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return size


def _seconds(text: str) -> float:
    """A positive, finite number of seconds."""
    import math  # noqa: PLC0415

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value < math.inf:
        msg = f"expected a positive number of seconds, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _moment(text: str) -> Any:  # noqa: ANN401 - a datetime; argparse types are untyped anyway
    """An ISO date or date-time; without an offset it is UTC (as the catalog reads providers' times)."""
    from datetime import UTC, datetime  # noqa: PLC0415

    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        msg = f"expected an ISO date or date-time (2025-01-31, 2025-01-31T12:00:00Z), got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
