"""``modelcatalog upstream``: what changed in each provider's published document or SDK since we vendored it.

The check itself is the spec tooling's; this module only hands it the arguments and
passes its exit status through (the tool's own table: 0 no change ... 7 usage). The
older spelling ``modelcatalog spec diff|drift|generate`` still works, hidden from
``--help``: ``spec diff`` is this check, ``spec drift|generate`` the pipeline's jobs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    import argparse

    from modelcatalog.cli.console import Console

#: ``modelcatalog spec JOB``: the tooling's jobs under their old command
SPEC_JOBS = {
    "diff": "the upstream check, now `modelcatalog upstream`",
    "drift": "check generated/ and the derived documents against specs/",
    "generate": "regenerate the derived documents and clients",
}


def add_parser(commands: Any) -> None:  # noqa: ANN401 - argparse's subparsers action is private
    """``upstream`` (every option is the tool's own), and the hidden ``spec`` group."""
    # add_help=False, and no option prefix: --help and every option go to the tool itself
    upstream = commands.add_parser(
        "upstream",
        help="what changed in each provider's published document or SDK (see `upstream --help`)",
        add_help=False,
        prefix_chars="\0",
    )
    upstream.set_defaults(run=run, command_parser=upstream, passes_arguments=True)
    spec = commands.add_parser("spec")  # no help=: left out of the command list
    jobs = spec.add_subparsers(dest="job", required=True, metavar="JOB")
    for job, text in SPEC_JOBS.items():
        jobs.add_parser(job, help=text, add_help=False, prefix_chars="\0")
    spec.set_defaults(run=run_spec, command_parser=spec, passes_arguments=True)


def run(args: argparse.Namespace, out: TextIO, console: Console) -> int:
    """Run the upstream check with the arguments it was given; its exit status."""
    del out, console
    from modelcatalog.tooling.upstream import main as upstream  # noqa: PLC0415 - the tooling, only when asked for

    return upstream(args.extra)


def run_spec(args: argparse.Namespace, out: TextIO, console: Console) -> int:
    """``spec diff`` is ``upstream``; ``spec drift|generate`` the pipeline jobs. Exit statuses pass through."""
    if args.job == "diff":
        return run(args, out, console)
    from modelcatalog.tooling.command import main as tooling  # noqa: PLC0415 - the tooling, only when asked for

    return tooling([args.job, *args.extra])
