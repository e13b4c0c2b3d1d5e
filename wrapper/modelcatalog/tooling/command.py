"""``python -m modelcatalog.tooling JOB``: the jobs behind the nox sessions of the same names.

- ``generate``: check the published documents against their recorded checksums, derive
  each provider's document (published + overlay, sliced), and regenerate
  ``generated/modelcatalog_generated`` from them;
- ``drift``: do all of that into a temporary directory and fail, naming the files with a
  short diff, when anything committed differs from what ``specs/`` produces;
- ``upstream``: what changed in each provider's published document or SDK (the same
  command as ``modelcatalog upstream``; see ``upstream --help``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from modelcatalog.tooling import upstream
from modelcatalog.tooling.codegen import GENERATED_PACKAGE
from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.pipeline import drift, regenerate

if TYPE_CHECKING:
    from collections.abc import Sequence

PROG = "python -m modelcatalog.tooling"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m modelcatalog.tooling {generate,drift,upstream} [--repo DIR]``; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["upstream"]:
        return upstream.main(argv[1:], prog=f"{PROG} upstream")
    parser = argparse.ArgumentParser(
        prog=PROG, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("job", choices=["generate", "drift", "upstream"], help="upstream: see `upstream --help`")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="checkout root (default: current directory)")
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    try:
        if args.job == "generate":
            regenerate(repo)
            print(f"regenerated {repo / 'generated' / GENERATED_PACKAGE}")  # noqa: T201
            return 0
        report = drift(repo)
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    if report.clean:
        print("drift: generated/ and the derived documents match specs/")  # noqa: T201
        return 0
    print(f"drift: {len(report.problems)} difference(s) from what specs/ produces:", file=sys.stderr)  # noqa: T201
    for problem in report.problems:
        print(f"- {problem}", file=sys.stderr)  # noqa: T201
    return 1
