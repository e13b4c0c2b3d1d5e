"""The command's exit statuses, and the error that means "this usage makes no sense" (exit 2)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """Arguments that parse but do not make sense together (exit 2, with the command's usage line)."""
