"""Argument types the commands share: counts, sizes, seconds and dates, each refused with a clear message."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

_UNITS = {"": 1, "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3, "kib": 1024, "mib": 1024**2, "gib": 1024**3}


def count(text: str) -> int:
    """A whole number, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        msg = f"expected a whole number, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if value < 0:
        msg = f"must be 0 or more, got {value}"
        raise argparse.ArgumentTypeError(msg)
    return value


def size(text: str) -> int:
    """Bytes: ``1048576``, ``64MiB``, ``500KB`` (KB, MB, GB are powers of 1000; KiB, MiB, GiB of 1024)."""
    import re  # noqa: PLC0415

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    unit = _UNITS.get(match.group(2).lower()) if match else None
    if match is None or unit is None:
        msg = f"expected a size such as 1048576, 500KB or 64MiB, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    value = int(float(match.group(1)) * unit)
    if value < 1:
        msg = f"must be at least 1 byte, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def seconds(text: str) -> float:
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


def moment(text: str) -> Any:  # noqa: ANN401 - a datetime; argparse types are untyped anyway
    """An ISO date or date-time; without an offset it is UTC (as the catalog reads providers' times)."""
    from datetime import UTC, datetime  # noqa: PLC0415

    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        msg = f"expected an ISO date or date-time (2025-01-31, 2025-01-31T12:00:00Z), got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def names_from(valid: Sequence[str]) -> Callable[[str], tuple[str, ...]]:
    """An argument type for ``a,b,c``: each one of ``valid`` (repeats kept once); an unknown one lists them all."""

    def names(text: str) -> tuple[str, ...]:
        chosen = tuple(dict.fromkeys(name.strip() for name in text.split(",") if name.strip()))
        unknown = [name for name in chosen if name not in valid]
        if unknown or not chosen:
            plural = "s" if len(unknown) > 1 else ""
            what = f"unknown field{plural} {', '.join(map(repr, unknown))}" if unknown else "no field"
            msg = f"{what}; valid fields: {','.join(valid)}"
            raise argparse.ArgumentTypeError(msg)
        return chosen

    return names


def join_sort_values(argv: Sequence[str]) -> list[str]:
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


def add_output_options(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--debug``, ``--quiet``, ``--no-progress``: on the top parser, and again on a command (hidden there).

    A command's copy defaults to SUPPRESS so that it never overwrites what was given
    before the command's name.
    """
    texts = {
        "--debug": "show tracebacks and the library's debug log",
        "--quiet": "print only errors: no warnings, no progress",
        "--no-progress": "no progress line on the terminal",
    }
    for flag, text in texts.items():
        extra: dict[str, Any] = {"help": text} if top else {"default": argparse.SUPPRESS, "help": argparse.SUPPRESS}
        names = ("-q", flag) if flag == "--quiet" else (flag,)
        parser.add_argument(*names, action="store_true", **extra)
