"""The upstream check's exit statuses, in one place: what each means, and which wins when sources disagree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelcatalog.tooling.upstream.diff.rules import Level

if TYPE_CHECKING:
    from collections.abc import Sequence

    from modelcatalog.tooling.upstream.check import SourceResult

EXIT_NO_CHANGE = 0
EXIT_NON_BREAKING = 1
EXIT_BREAKING = 2
EXIT_NOTHING_CHECKED = 3
EXIT_UPDATE_FAILED = 4
EXIT_INVALID = 5
EXIT_NO_CHECKOUT = 6
EXIT_USAGE = 7
EXIT_STATUSES: dict[int, str] = {
    EXIT_NO_CHANGE: "no change: every selected source was checked and none changed",
    EXIT_NON_BREAKING: "non-breaking changes only (WARN or INFO)",
    EXIT_BREAKING: "a breaking change (ERR), or one of our overlay fixes no longer applies",
    EXIT_NOTHING_CHECKED: "nothing checked: every selected source was unreachable",
    EXIT_UPDATE_FAILED: "--update could not regenerate or the drift check failed; the files it wrote were restored",
    EXIT_INVALID: "a source could not be checked: a document that cannot be read or resolved, an SDK release "
    "the reader cannot follow, or a failure of the check itself (each named in the report)",
    EXIT_NO_CHECKOUT: "no usable checkout: no specs/providers.toml here or above (pass --repo), or an invalid one",
    EXIT_USAGE: "usage: an unknown option or provider, or a malformed argument",
}
# when providers disagree, the report's exit status is the first of these that occurs
_SEVERITY = (EXIT_UPDATE_FAILED, EXIT_BREAKING, EXIT_INVALID, EXIT_NON_BREAKING, EXIT_NO_CHANGE)


def overall_exit_code(results: Sequence[SourceResult]) -> int:
    """The report's exit status (see :data:`EXIT_STATUSES`); unreachable sources never raise it by themselves."""
    if results and all(result.status == "unreachable" for result in results):
        return EXIT_NOTHING_CHECKED
    found = set()
    for result in results:
        if result.status == "invalid":
            found.add(EXIT_INVALID)
        levels = {change.level for change in result.changes}
        if Level.ERR in levels:
            found.add(EXIT_BREAKING)
        elif levels:
            found.add(EXIT_NON_BREAKING)
    return next((status for status in _SEVERITY if status in found), EXIT_NO_CHANGE)
