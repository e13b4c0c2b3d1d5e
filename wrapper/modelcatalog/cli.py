"""The ``modelcatalog`` command."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``modelcatalog`` command."""
    parser = argparse.ArgumentParser(prog="modelcatalog", description=__doc__)
    parser.parse_args(argv)
    return 0
