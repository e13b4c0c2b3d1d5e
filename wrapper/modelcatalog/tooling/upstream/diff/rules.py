"""Every change id, its grade for a client of ours, and oasdiff's grade for the same id.

Changes carry oasdiff's ids where oasdiff has a check of that name, a level (``ERR``
breaks a client of ours written against the old document, ``WARN`` may, ``INFO`` does
not) and a side: ``request`` (what the client sends), ``response`` (what it reads),
``document``, or ``overlay`` (one of our fixes no longer applies). The verdict of a
schema change depends on the side it is seen from (:data:`SCHEMA_RULES`): a new enum
value is harmless in a request and, in a response, harmless only to a client that opened
the enum. The README's table is :func:`rules_markdown`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """How bad a change is for a client written against the old document (oasdiff's levels)."""

    ERR = "ERR"
    WARN = "WARN"
    INFO = "INFO"


ERR, WARN, INFO = Level.ERR, Level.WARN, Level.INFO


@dataclass(frozen=True)
class Change:
    """One classified difference."""

    id: str
    level: Level
    side: str
    operation: str
    location: str
    text: str

    def as_dict(self) -> dict[str, str]:
        """The JSON report's form."""
        return {
            "id": self.id,
            "level": self.level.value,
            "side": self.side,
            "operation": self.operation,
            "location": self.location,
            "text": self.text,
        }


@dataclass(frozen=True)
class Rule:
    """One change id (``{p}``: the subject, ``{kw}``: the keyword) and its grade.

    ``oasdiff`` is oasdiff's level for the same id (its ``checker/rules.go``), ``None``
    when oasdiff has no check of that name; ``why`` says why we grade otherwise, or why
    the check exists.
    """

    id: str
    side: str
    level: Level
    oasdiff: Level | None = None
    why: str = ""


_REGENERATED = (
    "`--update` regenerates the client from the new document, and code that used what it removed stops "
    "working; oasdiff judges only the wire"
)
_UNCHECKED_RESPONSE = (
    "our decoders keep a value outside the documented range or pattern (responses are not validated "
    "against value constraints), so the client works; code that relied on the constraint may not"
)

# Checks whose verdict does not depend on the side they are seen from.
RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        # the operation itself
        Rule("api-path-removed-without-deprecation", "request", ERR, ERR),
        Rule("api-removed-without-deprecation", "request", ERR, ERR),
        Rule("endpoint-added", "request", INFO, INFO),
        Rule(
            "endpoint-deprecated",
            "request",
            WARN,
            INFO,
            "we call this operation: its removal is announced, plan the move before it happens",
        ),
        Rule(
            "api-operation-id-changed",
            "request",
            WARN,
            None,
            "openapi-python-client names the generated module and function after the operationId "
            "(oasdiff: api-operation-id-removed/-added, INFO)",
        ),
        Rule("api-summary-changed", "request", INFO),
        Rule("api-description-changed", "request", INFO),
        Rule("api-server-removed", "request", ERR, None, "our default base URLs come from the servers"),
        Rule("api-server-added", "request", INFO),
        # authentication: `security: []` (or an empty requirement) means "none needed"
        Rule("api-security-removed", "request", ERR, ERR),
        Rule(
            "api-security-added",
            "request",
            ERR,
            INFO,
            "graded only when no authentication was needed before: a client of ours that calls without "
            "credentials (a local server, a public listing) is refused",
        ),
        Rule("api-security-alternative-added", "request", INFO),
        Rule(
            "api-security-no-longer-required",
            "request",
            INFO,
            None,
            "the operation became public (`security: []`): a client that still sends its credential is "
            "served (oasdiff: api-security-removed, ERR)",
        ),
        Rule("api-security-component-type-changed", "request", ERR),
        Rule("api-security-component-description-changed", "request", INFO),
        # parameters
        Rule(
            "request-parameter-removed",
            "request",
            ERR,
            WARN,
            f"the generated function loses the keyword argument: {_REGENERATED}",
        ),
        Rule("new-required-request-parameter", "request", ERR, ERR),
        Rule("new-optional-request-parameter", "request", INFO, INFO),
        Rule("request-parameter-became-required", "request", ERR, ERR),
        Rule("request-parameter-became-optional", "request", INFO, INFO),
        Rule("request-parameter-style-changed", "request", ERR, None, "the generated client serializes as documented"),
        Rule("request-parameter-deprecated", "request", INFO, INFO),
        # request body
        Rule("request-body-added-required", "request", ERR, ERR),
        Rule("request-body-added-optional", "request", INFO, INFO),
        Rule("request-body-removed", "request", ERR, ERR),
        Rule("request-body-became-required", "request", ERR, ERR),
        Rule("request-body-became-optional", "request", INFO, INFO),
        Rule("request-body-media-type-removed", "request", ERR, ERR),
        Rule("request-body-media-type-added", "request", INFO, INFO),
        Rule("request-body-example-changed", "request", INFO),
        # responses: a client parses the statuses it knows; a lost success status breaks it
        Rule("response-success-status-removed", "response", ERR, ERR),
        Rule("response-non-success-status-removed", "response", INFO, INFO),
        Rule("response-success-status-added", "response", INFO, INFO),
        Rule("response-non-success-status-added", "response", INFO, INFO),
        Rule("response-media-type-removed", "response", ERR, ERR),
        Rule("response-media-type-added", "response", INFO, INFO),
        Rule("response-description-changed", "response", INFO),
        Rule("response-example-changed", "response", INFO),
        # the document as a whole
        Rule(
            "api-document-changed-elsewhere",
            "document",
            INFO,
            None,
            "the bytes changed, but not what our operations mean (other paths, `info`, `x-` extensions our "
            "generators ignore, the spelling of nullable, `$ref` names, key order)",
        ),
        Rule(
            "api-unclassified-change",
            "document",
            WARN,
            None,
            "a change of meaning no check names: compare the documents by hand",
        ),
        Rule("overlay-action-not-applicable", "overlay", ERR, None, "one of our fixes no longer applies"),
    )
}

# Schema checks: what happened -> its rule seen from the request side, then from the
# response side (None: the change cannot be seen from that side).
SCHEMA_RULES: dict[str, tuple[Rule | None, Rule | None]] = {
    "enum-value-added": (
        Rule("{p}-enum-value-added", "request", INFO, INFO),
        Rule(
            "{p}-enum-value-added",
            "response",
            ERR,
            WARN,
            "a closed enum (a discriminator tag, or a provider with `open_response_enums = false`): the "
            "generated `StrEnum` raises on a value it does not list",
        ),
    ),
    "enum-value-added-to-open-enum": (
        None,
        Rule(
            "{p}-enum-value-added",
            "response",
            WARN,
            WARN,
            "the derived document opens every response enum: the client keeps the value as a string and "
            "reports it as an off-spec value",
        ),
    ),
    "enum-value-removed": (
        Rule("{p}-enum-value-removed", "request", ERR, ERR),
        Rule("{p}-enum-value-removed", "response", INFO, INFO),
    ),
    "became-enum": (
        Rule("{p}-became-enum", "request", ERR, ERR),
        Rule("{p}-became-enum", "response", INFO),
    ),
    "enum-dropped": (
        Rule("{p}-enum-removed", "request", INFO),
        Rule("{p}-enum-removed", "response", WARN, None, "values outside the old list may come back"),
    ),
    "type-widened": (
        Rule("{p}-type-generalized", "request", INFO, INFO),
        Rule("{p}-type-generalized", "response", ERR, ERR),
    ),
    "type-narrowed": (
        Rule("{p}-type-changed", "request", ERR, ERR),
        Rule("{p}-type-specialized", "response", INFO, INFO),
    ),
    "type-changed": (
        Rule("{p}-type-changed", "request", ERR, ERR),
        Rule("{p}-type-changed", "response", ERR, ERR),
    ),
    "became-nullable": (
        Rule("{p}-became-nullable", "request", INFO, INFO),
        Rule("{p}-became-nullable", "response", ERR, ERR),
    ),
    "became-not-nullable": (
        Rule("{p}-became-not-nullable", "request", ERR, ERR),
        Rule("{p}-became-not-nullable", "response", INFO, INFO),
    ),
    # a removed request property is a warning: servers usually ignore what they no longer read
    "required-property-removed": (
        Rule("request-property-removed", "request", WARN, WARN),
        Rule("response-required-property-removed", "response", ERR, ERR),
    ),
    "optional-property-removed": (
        Rule("request-property-removed", "request", WARN, WARN),
        Rule(
            "response-optional-property-removed",
            "response",
            ERR,
            INFO,
            f"the attribute disappears from the generated class: {_REGENERATED}",
        ),
    ),
    "required-property-added": (
        Rule("new-required-request-property", "request", ERR, ERR),
        Rule("response-required-property-added", "response", INFO, INFO),
    ),
    "optional-property-added": (
        Rule("new-optional-request-property", "request", INFO, INFO),
        Rule("response-optional-property-added", "response", INFO, INFO),
    ),
    "property-became-required": (
        Rule("request-property-became-required", "request", ERR, ERR),
        Rule("response-property-became-required", "response", INFO, INFO),
    ),
    "property-became-optional": (
        Rule("request-property-became-optional", "request", INFO, INFO),
        Rule("response-property-became-optional", "response", ERR, ERR),
    ),
    "variant-added": (
        Rule("{p}-{kw}-added", "request", INFO, INFO),
        Rule("{p}-{kw}-added", "response", ERR, ERR),
    ),
    "variant-added-to-open-union": (
        None,
        Rule(
            "{p}-{kw}-added",
            "response",
            WARN,
            ERR,
            "the derived document gives every discriminated union in a response a generic last variant: "
            "the client keeps an unknown variant as it came",
        ),
    ),
    "variant-removed": (
        Rule("{p}-{kw}-removed", "request", ERR, ERR),
        Rule("{p}-{kw}-removed", "response", INFO, INFO),
    ),
    # {kw}: max | min | exclusive-max | exclusive-min | max-length | min-length | max-items |
    # min-items | multiple-of, then set | unset | increased | decreased | generalized | specialized
    "bound-tightened": (
        Rule("{p}-{kw}", "request", ERR, ERR),
        Rule("{p}-{kw}", "response", INFO),
    ),
    "bound-loosened": (
        Rule("{p}-{kw}", "request", INFO, INFO),
        Rule("{p}-{kw}", "response", WARN, ERR, _UNCHECKED_RESPONSE),
    ),
    "bound-changed": (
        Rule("{p}-multiple-of-changed", "request", ERR, ERR),
        Rule("{p}-multiple-of-changed", "response", WARN, ERR, _UNCHECKED_RESPONSE),
    ),
    "pattern-added": (
        Rule("{p}-pattern-added", "request", ERR, ERR),
        Rule("{p}-pattern-added", "response", INFO, INFO),
    ),
    "pattern-removed": (
        Rule("{p}-pattern-removed", "request", INFO, INFO),
        Rule("{p}-pattern-removed", "response", WARN, ERR, _UNCHECKED_RESPONSE),
    ),
    "pattern-changed": (
        Rule("{p}-pattern-changed", "request", WARN, WARN),
        Rule("{p}-pattern-changed", "response", WARN, WARN),
    ),
    "default-changed": (
        Rule(
            "{p}-default-value-changed",
            "request",
            WARN,
            INFO,
            "openapi-python-client sends every default: a new default changes the requests we send",
        ),
        Rule("{p}-default-value-changed", "response", INFO, INFO),
    ),
    "title-changed": (
        Rule("{p}-title-changed", "request", WARN, None, "openapi-python-client names classes after titles"),
        Rule("{p}-title-changed", "response", WARN, None, "openapi-python-client names classes after titles"),
    ),
    "extension-changed": (
        Rule("{p}-extension-changed", "request", WARN, None, "an `x-` extension our generators read changed"),
        Rule("{p}-extension-changed", "response", WARN, None, "an `x-` extension our generators read changed"),
    ),
    "description-changed": (
        Rule("{p}-description-changed", "request", INFO),
        Rule("{p}-description-changed", "response", INFO),
    ),
    "example-changed": (
        Rule("{p}-example-changed", "request", INFO),
        Rule("{p}-example-changed", "response", INFO),
    ),
}


def all_rules() -> list[tuple[str, Rule]]:
    """Every rule once, in table order, with the change it grades ("" for a plain rule: its id says it)."""
    rules = [("", rule) for rule in RULES.values()]
    for what, (request, response) in SCHEMA_RULES.items():
        rules += [(what.replace("-", " "), rule) for rule in (request, response) if rule is not None]
    return rules


def rules_markdown() -> str:
    """The README's table of every rule (a test keeps the README and this in step)."""
    lines = [
        (
            "| change id | schema change | side | grade | oasdiff "
            "| why this grade (where it differs, or oasdiff has no such check) |"
        ),
        "|---|---|---|---|---|---|",
    ]
    for what, rule in all_rules():
        oasdiff = rule.oasdiff.value if rule.oasdiff else "—"
        marker = " **differs**" if rule.oasdiff and rule.oasdiff is not rule.level else ""
        lines.append(f"| `{rule.id}` | {what} | {rule.side} | {rule.level.value} | {oasdiff}{marker} | {rule.why} |")
    return "\n".join(lines) + "\n"
