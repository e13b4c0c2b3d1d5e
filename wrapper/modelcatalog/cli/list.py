"""``modelcatalog list``: the catalog records of one or more providers, printed as they arrive.

A thin shell over ``modelcatalog.catalog.stream_catalog``: the arguments become one
``Query`` and each provider's client options; the library's ``on_progress`` feeds the
progress line and reports a failing provider at once; ``ProviderFailure.describe`` is
the line printed about it. Every record is printed, then a line per provider whose
listing is incomplete.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from modelcatalog.cli import arguments, configuration
from modelcatalog.cli.arguments import add_output_options
from modelcatalog.cli.exits import EXIT_AUTH, EXIT_ERROR, EXIT_OK, EXIT_USAGE, UsageError
from modelcatalog.providers import NAMES

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping, Sequence
    from contextlib import AbstractContextManager

    from modelcatalog_generated.catalog import ModelRecord

    from modelcatalog.catalog import ProviderFailure, ProviderProgress, Query
    from modelcatalog.cli.console import Console
    from modelcatalog.cli.formats import Writer
    from modelcatalog.client import ClientOptions

# Spelled out here (tests hold them to the library's lists) so that parsing imports nothing.
FORMATS = ("table", "json", "ndjson", "csv")
VISIBILITIES = ("public", "unlisted", "shared", "private")
SORT_FIELDS = ("provider", "id", "name", "kind", "status", "visibility", "created_at", "updated_at")
FIELDS = (
    "provider", "instance", "id", "name", "description", "kind", "base_model", "status", "visibility",
    "owner", "created_at", "updated_at", "tags", "capabilities", "context_length", "version", "url", "fqn",
    "namespace", "source",
)  # fmt: skip


def add_parser(commands: Any) -> None:  # noqa: ANN401 - argparse's subparsers action is private
    """``list`` and its options."""
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
        default=[],
        metavar="NAME",
        help=f"a provider ({', '.join(NAMES)}) or an instance named in the configuration file or by --instance "
        "(repeatable; default: the profile's)",
    )
    listing.add_argument(
        "--base-url",
        action="append",
        default=[],
        metavar="[NAME=]URL",
        help="replaces scheme, host, port and prefix (default: from the environment or the configuration file); "
        "with several providers or instances, NAME=URL (repeatable)",
    )
    listing.add_argument(
        "--format",
        choices=FORMATS,
        help="table for people, ndjson/json with the schema's keys, csv with a header "
        "(default: table on a terminal, ndjson otherwise)",
    )
    listing.add_argument(
        "--fields",
        type=arguments.names_from(FIELDS),
        metavar="FIELD,...",
        help=f"show only these fields, in this order, in every format: {','.join(FIELDS)} "
        "(source: json and ndjson only)",
    )
    listing.add_argument("--no-source", action="store_true", help="leave the provider's own record out of json/ndjson")
    listing.add_argument("--limit", type=arguments.count, help="stop after this many models")
    listing.add_argument(
        "--deadline",
        type=arguments.seconds,
        metavar="SECONDS",
        help="stop listing after this many seconds: what was listed is printed, and the exit status is 1",
    )
    listing.add_argument(
        "--strict",
        action="store_true",
        help="a record that does not match its provider's spec fails the provider (default: it is left out, "
        "reported, and the exit status is 1)",
    )
    listing.add_argument(
        "--no-extension-reports",
        action="store_true",
        help="do not report the fields OpenAI-compatible servers add to their records by design (kept in source)",
    )
    listing.add_argument("--allow-insecure-http", action="store_true", help="allow plain http to a remote host")
    listing.add_argument(
        "--max-body-size",
        type=arguments.size,
        metavar="SIZE",
        help="refuse a response body larger than this after decompression: bytes, or 64MiB, 500KB (default 64MiB)",
    )
    listing.add_argument(
        "--attempt-deadline",
        type=arguments.seconds,
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
            type=arguments.moment,
            metavar="DATE",
            help=f"ISO date or date-time ({'inclusive' if bound == 'since' else 'exclusive'}; no offset: UTC)",
        )
    listing.add_argument(
        "--sort",
        metavar="FIELD[:asc|desc]",
        help=f"sort by one of {', '.join(SORT_FIELDS)}; -FIELD is descending (output waits for every provider)",
    )
    listing.add_argument("--no-pushdown", action="store_true", help="send no filter to any server (debug aid)")
    configuration.add_arguments(listing)
    add_output_options(listing)
    listing.set_defaults(run=run, command_parser=listing)


def run(args: argparse.Namespace, out: TextIO, console: Console) -> int:
    """Stream the catalog records of every provider asked for; report each failing provider on a line."""
    import contextlib  # noqa: PLC0415 - commands import what they use
    import os  # noqa: PLC0415
    import shutil  # noqa: PLC0415

    from modelcatalog.catalog import ProviderFailure, stream_catalog  # noqa: PLC0415
    from modelcatalog.cli.console import held  # noqa: PLC0415
    from modelcatalog.cli.formats import writer_for  # noqa: PLC0415

    config, instances = configuration.selected(args, os.environ)
    providers = [instance.name for instance in instances]
    base_urls = _base_urls(args.base_url, providers, config.names)
    query = _query(args, sorted({instance.provider for instance in instances}))
    fmt = args.format or ("table" if out.isatty() else "ndjson")
    try:
        writer = writer_for(
            fmt,
            out,
            source=not args.no_source,
            width=shutil.get_terminal_size().columns,
            order=providers,
            fields=args.fields,
        )
    except ValueError as exc:  # a field the format cannot show
        raise UsageError(f"--fields: {exc}") from None
    options = _client_options(args, providers, base_urls)
    progress = console.progress(providers)
    # records printed to the terminal the progress line is on go above it
    guard = (lambda: held(console)) if progress is not None and out.isatty() else None

    paced = _PageFlushes(writer, guard)

    def arrived(state: ProviderProgress) -> None:
        """A provider's records or failure arrived: count them; a failure is said now (incomplete ones at the end)."""
        paced.arrived(state)
        if progress is not None:
            progress.update(state)
        if state.failure is not None and not state.failure.incomplete:
            _report_failure(state.failure, console)

    failures: list[ProviderFailure] = []
    with contextlib.ExitStack() as stack:
        if progress is not None:
            stack.enter_context(progress)
        # the records written reach the output even when the listing ends in an exception (^C)
        stack.callback(writer.flush)
        stream = stream_catalog(
            query, instances, client_options=options, deadline=args.deadline, strict=args.strict, on_progress=arrived
        )
        # closing the generator on the way out (a broken pipe, ^C) stops the providers' workers
        stack.callback(getattr(stream, "close", lambda: None))
        for item in stream:
            if isinstance(item, ProviderFailure):
                failures.append(item)
                continue
            paced.write(item)
    writer.close()
    for failure in failures:
        if failure.incomplete:
            _report_failure(failure, console)
    return exit_status(providers, failures)


class _PageFlushes:
    """Flushes the output once every record received so far is written: once a page, not once a record.

    The stream waits for the next page after that, so a reader (``| jq``) still gets each
    page's records as soon as they come; a flush a record was a write(2) a record, each one
    letting the listing's threads take the interpreter.
    """

    def __init__(self, writer: Writer, guard: Callable[[], AbstractContextManager[None]] | None = None) -> None:
        self.writer = writer
        #: entered around each record (the progress line), if given
        self.guard = guard
        #: records received so far, by source, and in all (``on_progress`` says it before they are yielded)
        self.received: dict[str, int] = {}
        self.total = 0
        self.written = 0

    def arrived(self, state: ProviderProgress) -> None:
        self.total += state.records - self.received.get(state.instance, 0)
        self.received[state.instance] = state.records

    def write(self, record: ModelRecord) -> None:
        if self.guard is None:
            self.writer.write(record)
        else:
            with self.guard():
                self.writer.write(record)
        self.written += 1
        if self.written >= self.total:
            self.writer.flush()


def _client_options(
    args: argparse.Namespace, providers: Sequence[str], base_urls: Mapping[str, str]
) -> dict[str, ClientOptions]:
    """What each provider's client is given: the base URL and limits from the command line."""
    options: dict[str, ClientOptions] = {}
    http = _http_options(args)  # the same limits for every provider
    for p in providers:
        options[p] = {
            "allow_insecure_http": args.allow_insecure_http,
            "report_extensions": not args.no_extension_reports,
            **http,
        }
        if p in base_urls:
            options[p]["base_url"] = base_urls[p]
    return options


def _http_options(args: argparse.Namespace) -> ClientOptions:
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


def _base_urls(values: Sequence[str], providers: Sequence[str], known: Sequence[str] = NAMES) -> dict[str, str]:
    """``--base-url URL`` (one source) and ``--base-url NAME=URL`` (any number) -> name: URL.

    ``providers`` are the names listed, ``known`` every provider and instance name.
    """
    from modelcatalog.secrets import mask_user_info  # noqa: PLC0415

    urls: dict[str, str] = {}
    for raw in values:
        value = mask_user_info(raw)  # what messages show
        name, sep, url = raw.partition("=")
        if sep and name in known:
            if name not in providers:
                msg = f"--base-url {value}: {name} is not one of the providers or instances listed"
                raise UsageError(msg)
        elif len(providers) == 1:
            name, url = providers[0], raw
        else:
            msg = f"--base-url {value}: with several providers or instances, say which: --base-url NAME=URL"
            raise UsageError(msg)
        if name in urls:
            msg = f"--base-url given twice for {name}"
            raise UsageError(msg)
        if not url:
            msg = f"--base-url {value}: empty URL"
            raise UsageError(msg)
        urls[name] = url
    return urls


def _query(args: argparse.Namespace, providers: Sequence[str]) -> Query:
    """The query the arguments ask for."""
    from modelcatalog.catalog import Query  # noqa: PLC0415

    try:
        return Query(
            providers=providers,
            text=args.text,
            name=args.name,
            tags=args.tag,
            kind=args.kind,
            status=args.status,
            visibility=args.visibility,
            created_since=args.created_since,
            created_until=args.created_until,
            updated_since=args.updated_since,
            updated_until=args.updated_until,
            sort=args.sort,
            limit=args.limit,
            pushdown=not args.no_pushdown,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def exit_status(providers: Sequence[str], failures: Sequence[ProviderFailure]) -> int:
    """0 all listed completely; 1 a provider failed (or listed incompletely) while another did not, or mixed failures.

    ``providers`` are the names listed (providers or instances), as failures name them.

    When every provider failed: 3 if every failure is an authentication failure, 2 if
    every failure is a configuration error (a missing credential or base URL).
    """
    from modelcatalog.errors import AuthenticationError, ConfigurationError  # noqa: PLC0415

    if not failures:
        return EXIT_OK
    failed = {failure.instance for failure in failures}
    if any(provider not in failed for provider in providers):
        return EXIT_ERROR
    if all(isinstance(failure.error, AuthenticationError) for failure in failures):
        return EXIT_AUTH
    if all(isinstance(failure.error, ConfigurationError) for failure in failures):
        return EXIT_USAGE
    return EXIT_ERROR


def _report_failure(failure: ProviderFailure, console: Console) -> None:
    console.exception(failure.error)
    console.error(for_the_command_line(failure))


#: how the library's advice to a Python caller reads on the command line
_SPELLED_AS_FLAGS = {"allow_insecure_http=True": "--allow-insecure-http", "the base_url argument": "--base-url"}


def for_the_command_line(failure: ProviderFailure) -> str:
    """``failure.describe()``, with the flag where the library names a keyword argument.

    A missing setting names every variable to set; a base URL can also be ``--base-url``.
    """
    from modelcatalog.errors import ConfigurationError, MissingCredentialError, source_label  # noqa: PLC0415

    error = failure.error
    if isinstance(error, MissingCredentialError):
        text = error.needed
        url = error.base_url_variable
        if url is not None:
            text += " (or pass --base-url)" if error.variables == (url,) else f" (or pass --base-url instead of {url})"
        return f"{source_label(failure.provider, failure.instance)}: {text}"
    text = failure.describe()
    if isinstance(error, ConfigurationError):
        for argument, flag in _SPELLED_AS_FLAGS.items():
            text = text.replace(argument, flag)
    return text
