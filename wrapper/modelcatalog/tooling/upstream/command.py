"""``modelcatalog upstream``: notice the day a provider's API changes.

Every provider is checked against each source the manifest gives it:

- ``document``: the OpenAPI document it publishes (``source``): a URL, a file, or
  ``open-webui==X``, the FastAPI application of the newest ``open-webui`` release, run in
  an environment where that release is installed (no server is started; a running
  server's ``/openapi.json`` is the fallback);
- ``sdk``: its official SDK (``[providers.<p>.sdk]``), the newest release on the package
  index, read from its wheel and compared with our document through what an SDK can say.
  Differences that the release we last matched (``version``) already had are listed as
  known and do not count.

Each difference our operations can see is graded by the rules of
:mod:`modelcatalog.tooling.upstream.diff` (the README's table). A source that cannot be
reached is reported as unreachable, never as a change; one that cannot be read or
resolved is reported as invalid; either way the other providers are still checked and
reported.

``--update`` accepts what still works: each changed document whose derivation still
succeeds is written byte for byte to ``specs/<p>/upstream.*`` with its sha256 (and the
Open WebUI release it came from), every SDK release read is recorded as the one we last
matched, then the clients are regenerated and the drift check runs. A provider whose
overlay no longer applies is refused, naming the action, and its files are left alone.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.manifest import load_manifest
from modelcatalog.tooling.upstream.check import (
    DEFAULT_TIMEOUT,
    OPENWEBUI_ENV_ENV,
    OPENWEBUI_PREFIX,
    OPENWEBUI_URL_ENV,
    Options,
    check_all,
)
from modelcatalog.tooling.upstream.report import render
from modelcatalog.tooling.upstream.sources import DEFAULT_INDEX, INDEX_ENV, PackageIndex
from modelcatalog.tooling.upstream.statuses import (
    EXIT_NO_CHECKOUT,
    EXIT_NOTHING_CHECKED,
    EXIT_STATUSES,
    EXIT_USAGE,
    overall_exit_code,
)
from modelcatalog.tooling.upstream.update import update

if TYPE_CHECKING:
    from collections.abc import Sequence

PROG = "modelcatalog upstream"


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a usage error, which here means "a breaking change"."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _parser(prog: str) -> _Parser:
    statuses = "\n".join(f"  {code}  {meaning}" for code, meaning in EXIT_STATUSES.items())
    parser = _Parser(
        prog=prog,
        description=__doc__,
        epilog=f"exit status:\n{statuses}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--repo", type=Path, help="the modelcatalog checkout (default: the one holding the current directory)"
    )
    parser.add_argument("--provider", action="append", default=[], help="only this provider (repeatable)")
    parser.add_argument("--format", choices=["markdown", "json", "github"], default="markdown")
    parser.add_argument("--markdown", type=Path, help="also write the markdown report to this file")
    parser.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="PROVIDER=URL_OR_PATH",
        help="read PROVIDER's published document from here instead of the manifest's source (repeatable)",
    )
    parser.add_argument(
        "--sdk",
        action="append",
        default=[],
        metavar="PROVIDER=WHEEL",
        help="read this wheel instead of the newest release of PROVIDER's SDK (repeatable)",
    )
    parser.add_argument(
        "--index",
        default=os.environ.get(INDEX_ENV) or DEFAULT_INDEX,
        metavar="URL_OR_DIR",
        help=f"package index for SDK and Open WebUI releases: a simple-API URL or a directory of wheels "
        f"(default: ${INDEX_ENV}, else {DEFAULT_INDEX})",
    )
    parser.add_argument(
        "--openwebui-env",
        type=Path,
        metavar="DIR",
        help=f"a virtual environment with the newest open-webui installed (default: ${OPENWEBUI_ENV_ENV}, "
        "else the test suite's .cache/openwebui-*/venv)",
    )
    parser.add_argument(
        "--openwebui-url",
        default=os.environ.get(OPENWEBUI_URL_ENV) or None,
        metavar="URL",
        help=f"a running Open WebUI server, used when no environment has the newest release "
        f"(default: ${OPENWEBUI_URL_ENV})",
    )
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds a request may take")
    parser.add_argument("--update", action="store_true", help="accept the new documents and releases, regenerate")
    return parser


def find_checkout(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` that holds ``specs/providers.toml``."""
    for candidate in (start, *start.parents):
        if (candidate / "specs" / "providers.toml").is_file():
            return candidate
    return None


def main(argv: Sequence[str] | None = None, *, prog: str = PROG) -> int:
    """``modelcatalog upstream [options]``: check, report, and with ``--update`` accept; returns the exit status.

    ``prog`` is how usage and error lines name the command (``python -m modelcatalog.tooling
    upstream`` runs the same function).
    """
    parser = _parser(prog)
    args = parser.parse_args(argv)
    documents = _pairs(parser, args.source, "--source", "URL_OR_PATH")
    documents = {
        name: where if where.startswith(("http://", "https://", OPENWEBUI_PREFIX)) else str(Path(where).resolve())
        for name, where in documents.items()
    }
    wheels = {name: Path(where).resolve() for name, where in _pairs(parser, args.sdk, "--sdk", "WHEEL").items()}
    repo = args.repo.resolve() if args.repo is not None else find_checkout(Path.cwd())
    if repo is None or not (repo / "specs" / "providers.toml").is_file():
        where = repo or Path.cwd()
        print(  # noqa: T201
            f"{prog}: error: no modelcatalog checkout: no specs/providers.toml in {where}"
            f"{'' if args.repo else ' or above'} (run it in a checkout, or pass --repo DIR)",
            file=sys.stderr,
        )
        return EXIT_NO_CHECKOUT
    try:
        manifest = load_manifest(repo / "specs")
    except SpecError as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)  # noqa: T201
        return EXIT_NO_CHECKOUT
    index = PackageIndex(args.index, timeout=args.timeout, cache=repo / ".cache" / "upstream" / "wheels")
    options = Options(
        repo=repo,
        index=index,
        documents=documents,
        wheels=wheels,
        openwebui_env=args.openwebui_env,
        openwebui_url=args.openwebui_url,
        timeout=args.timeout,
    )
    try:
        results = check_all(manifest, args.provider, options)
    except SpecError as exc:  # an unknown provider: the message lists the known ones
        parser.error(str(exc))
    status = overall_exit_code(results)
    if args.update and status != EXIT_NOTHING_CHECKED:
        updated = update(repo, results)
        status = updated or status
    sys.stdout.write(render(results, status, args.format))
    if args.markdown is not None:
        try:
            args.markdown.write_text(render(results, status, "markdown"), encoding="utf-8")
        except OSError as exc:
            print(f"{prog}: error: --markdown {args.markdown}: {exc.strerror or exc}", file=sys.stderr)  # noqa: T201
            return EXIT_USAGE
    return status


def _pairs(parser: _Parser, items: list[str], option: str, what: str) -> dict[str, str]:
    pairs = {}
    for item in items:
        name, sep, where = item.partition("=")
        if not sep or not name or not where:
            parser.error(f"{option} {item!r}: expected PROVIDER={what}")
        pairs[name] = where
    return pairs
