"""Classify what changed between two OpenAPI documents, as far as our operations see it.

Only the operations in the manifest matter: their path and method, servers, security,
parameters, request body, responses, and every schema those reach through ``$ref``,
``allOf``/``anyOf``/``oneOf``, array items and properties. Other paths can change freely.

Changes carry oasdiff's ids where oasdiff has a check of that name, a level (``ERR``
breaks a client of ours written against the old document, ``WARN`` may, ``INFO`` does
not) and a side: ``request`` (what the client sends), ``response`` (what it reads),
``document``, or ``overlay`` (one of our fixes no longer applies). The verdict of a
schema change depends on the side it is seen from: a new enum value is harmless in a
request and, in a response, harmless only to a client that opened the enum.

The module has three bands:

- rules: every change id, its grade, oasdiff's grade for the same id and why we differ
  (:data:`RULES`, :data:`SCHEMA_RULES`); the README's table is :func:`rules_markdown`;
- walker: :func:`diff_documents` walks both documents operation by operation;
- readers: how a schema is seen (``$ref``, ``allOf``, the spellings of nullable) and the
  canonical form that tells a change of meaning from a change of spelling.

We diff the documents as published, not as fixed by our overlay: the report is about
what the provider changed. Whether our overlay still applies to the new document is a
separate check (:func:`overlay_changes`), because a fix that silently stops applying is
exactly what must not go unnoticed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from modelcatalog.tooling.errors import OverlayError, SpecError
from modelcatalog.tooling.open_enums import discriminator_tags
from modelcatalog.tooling.overlay import actions_of, apply_overlay
from modelcatalog.tooling.refs import COMPONENTS_PREFIX, deref, iter_refs, resolve, split_component_ref
from modelcatalog.tooling.slicing import HTTP_METHODS, parse_operation

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable


# ====================================================================================
# rules: what each change is called, how bad it is, and how oasdiff grades it
# ====================================================================================


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

    @property
    def breaking(self) -> bool:
        """ERR changes break a client written against the old document."""
        return self.level is Level.ERR

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
            "reports it as drift",
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


def exit_code(changes: Iterable[Change]) -> int:
    """0 nothing changed, 1 only non-breaking changes, 2 at least one breaking change."""
    levels = {change.level for change in changes}
    if ERR in levels:
        return 2
    return 1 if levels else 0


# ====================================================================================
# walker: both documents, operation by operation
# ====================================================================================


class InvalidDocumentError(SpecError):
    """The new document cannot be resolved where our operations look (a dangling or external $ref)."""


def diff_documents(
    old: dict[str, Any],
    new: dict[str, Any],
    operations: Iterable[str],
    *,
    open_response_enums: bool = False,
) -> list[Change]:
    """Every classified difference between ``old`` and ``new`` that ``operations`` can see.

    ``open_response_enums``: the client opens every enum reachable from a response (the
    manifest's flag), so a new value there is a warning, not a break. Raises
    :class:`InvalidDocumentError` when ``new`` cannot be resolved where our operations look.
    """
    operations = list(operations)
    if old == new:
        return []
    problem = unresolved_reference(new, operation_roots(new, operations))
    if problem:
        raise InvalidDocumentError(problem)
    return _Differ(old, new, open_response_enums=open_response_enums).run(operations)


def overlay_changes(new: dict[str, Any], overlay: Any, overlay_name: str) -> list[Change]:
    """One ERR change for every overlay action that no longer applies to ``new``.

    A first pass applies the whole overlay; only when that fails are the actions tried
    one by one, so that every broken action is named, not just the first.
    """
    try:
        apply_overlay(new, overlay)
    except OverlayError:
        pass
    else:
        return []
    actions = actions_of(overlay)
    raw_actions = overlay["actions"]
    changes = []
    current = new
    for action, raw in zip(actions, raw_actions, strict=True):
        single = {**overlay, "actions": [raw]}
        try:
            current = apply_overlay(current, single)
        except OverlayError as exc:
            reason = str(exc).removeprefix(actions_of(single)[0].label + ": ")
            rule = RULES["overlay-action-not-applicable"]
            changes.append(
                Change(
                    id=rule.id,
                    level=rule.level,
                    side="overlay",
                    operation="",
                    location=f"{overlay_name}#/actions/{action.index}",
                    text=f"{overlay_name}: {action.label} no longer applies: {reason}",
                )
            )
    return changes


@dataclass(frozen=True)
class _Node:
    """A schema seen through its ``$ref``s, with ``allOf`` merged and null variants folded in."""

    schema: dict[str, Any]
    ptr: str
    ref: str | None
    nullable: bool


@dataclass(frozen=True)
class _At:
    """Where the walk is: which operation, side and subject, and the path below it."""

    operation: str
    side: str
    subject: str
    old_ptr: str
    new_ptr: str
    path: str = ""
    in_parameter: bool = False
    closed_enum: bool = False  # a discriminator tag: its enum stays closed in the derived document

    @property
    def prefix(self) -> str:
        """The subject part of a schema check's id."""
        if self.side == "response":
            return "response-property" if self.path else "response-body"
        if self.in_parameter:
            return "request-parameter"
        return "request-property" if self.path else "request-body"

    @property
    def where(self) -> str:
        """The subject in words, for the change's text."""
        return f"{self.subject} property `{self.path}`" if self.path else self.subject

    def child(self, segment: str, old: _Node, new: _Node, *, closed_enum: bool = False) -> _At:
        """One level down: a property name, ``[]`` for array items, ``*`` for additional properties."""
        path = self.path + segment if segment.startswith("[") or not self.path else f"{self.path}.{segment}"
        return replace(self, path=path, old_ptr=old.ptr, new_ptr=new.ptr, closed_enum=closed_enum)


@dataclass
class _Differ:
    old: dict[str, Any]
    new: dict[str, Any]
    open_response_enums: bool = False
    changes: list[Change] = field(default_factory=list)
    _seen: set[tuple[str, ...]] = field(default_factory=set)
    _stack: list[tuple[str | None, str | None]] = field(default_factory=list)
    _tags: dict[str, set[str]] = field(default_factory=dict)

    def run(self, operations: list[str]) -> list[Change]:
        self._tags = discriminator_tags(self.new)
        present_in_both = [op for op in operations if self._operation(op)]
        if self.changes:
            return self.changes
        if canonical_operations(self.old, present_in_both) != canonical_operations(self.new, present_in_both):
            self.emit_rule(
                "api-unclassified-change",
                "",
                "",
                "/",
                "what our operations mean changed in a way no check classifies; compare the documents by hand",
            )
        else:
            self.emit_rule(
                "api-document-changed-elsewhere",
                "",
                "",
                "/",
                "the published document changed, but not what our operations mean",
            )
        return self.changes

    # -- emitting -----------------------------------------------------------------

    def emit_rule(self, rule_id: str, side: str, operation: str, location: str, text: str) -> None:
        rule = RULES[rule_id]
        self._add(Change(rule.id, rule.level, side or rule.side, operation, location, text))

    def emit_schema(self, what: str, at: _At, text: str, *, kw: str = "", removed: bool = False) -> None:
        request_rule, response_rule = SCHEMA_RULES[what]
        rule = response_rule if at.side == "response" else request_rule
        if rule is None:  # pragma: no cover - the callers pick a `what` the side has
            msg = f"no {at.side} rule for {what!r}"
            raise AssertionError(msg)
        rule_id = rule.id.format(p=at.prefix, kw=kw)
        location = at.old_ptr if removed or at.new_ptr == at.old_ptr else at.new_ptr
        self._add(Change(rule_id, rule.level, at.side, at.operation, location, f"{at.operation}: {at.where}: {text}"))

    def _add(self, change: Change) -> None:
        key = (change.id, change.side, change.operation, change.location, change.text)
        if key not in self._seen:
            self._seen.add(key)
            self.changes.append(change)

    # -- operations ---------------------------------------------------------------

    def _operation(self, name: str) -> bool:
        """Compare one operation; True when it is in both documents under the same path."""
        method, path = parse_operation(name)
        old_path, old_item = _find_path(self.old, path)
        new_path, new_item = _find_path(self.new, path)
        old_op = old_item.get(method) if old_item else None
        new_op = new_item.get(method) if new_item else None
        old_ptr = f"#/paths/{_escape(old_path or path)}/{method}"
        if not isinstance(old_op, dict):
            if isinstance(new_op, dict):
                self.emit_rule("endpoint-added", "request", name, old_ptr, f"{name}: now published")
                return False
            msg = f"operation {name!r} is in neither the old nor the new document"
            raise SpecError(msg)
        same_place = isinstance(new_op, dict)
        if not same_place:
            moved = _find_moved(self.new, method, path, old_op)
            hint = f"; the same operation is now published as {moved[0]}" if moved else ""
            if new_item is None:
                text = f"{name}: path {path} is no longer published{hint}"
                self.emit_rule("api-path-removed-without-deprecation", "request", name, old_ptr, text)
            else:
                text = f"{name}: method {method.upper()} is no longer published on {path}{hint}"
                self.emit_rule("api-removed-without-deprecation", "request", name, old_ptr, text)
            if moved is None:
                return False
            new_path, new_item, new_op = moved[1], moved[2], moved[3]
        assert old_item is not None  # noqa: S101 - found together with old_op
        assert new_item is not None  # noqa: S101
        assert isinstance(new_op, dict)  # noqa: S101
        new_ptr = f"#/paths/{_escape(new_path or path)}/{method}"
        self._compare_operation(name, (old_item, old_op, old_ptr), (new_item, new_op, new_ptr))
        return same_place

    def _compare_operation(
        self,
        name: str,
        old: tuple[dict[str, Any], dict[str, Any], str],
        new: tuple[dict[str, Any], dict[str, Any], str],
    ) -> None:
        (old_item, old_op, ptr), (new_item, new_op, new_ptr) = old, new
        if old_op.get("operationId") != new_op.get("operationId"):
            text = (
                f"{name}: operationId changed from {old_op.get('operationId')!r} to {new_op.get('operationId')!r} "
                "(the generated function is named after it unless our overlay sets it)"
            )
            self.emit_rule("api-operation-id-changed", "request", name, ptr, text)
        for key, rule in (("summary", "api-summary-changed"), ("description", "api-description-changed")):
            if old_op.get(key) != new_op.get(key):
                self.emit_rule(rule, "request", name, f"{ptr}/{key}", f"{name}: {key} changed")
        if new_op.get("deprecated") and not old_op.get("deprecated"):
            self.emit_rule("endpoint-deprecated", "request", name, ptr, f"{name}: now deprecated")
        self._compare_servers(name, ptr, _servers(self.old, old_item, old_op), _servers(self.new, new_item, new_op))
        self._compare_security(name, ptr, old_op, new_op)
        self._compare_parameters(
            name, _parameters(self.old, old_item, old_op, ptr), _parameters(self.new, new_item, new_op, new_ptr)
        )
        self._compare_request_body(name, (ptr, old_op.get("requestBody")), (new_ptr, new_op.get("requestBody")))
        self._compare_responses(name, (ptr, old_op.get("responses") or {}), (new_ptr, new_op.get("responses") or {}))

    def _compare_servers(self, name: str, ptr: str, old: list[str], new: list[str]) -> None:
        for url in old:
            if url not in new:
                text = f"{name}: server {url} is gone (now: {', '.join(new) or 'none'})"
                self.emit_rule("api-server-removed", "request", name, f"{ptr}/servers", text)
        for url in new:
            if url not in old:
                self.emit_rule("api-server-added", "request", name, f"{ptr}/servers", f"{name}: new server {url}")

    def _compare_security(self, name: str, ptr: str, old_op: dict[str, Any], new_op: dict[str, Any]) -> None:
        old_reqs = _requirements(self.old, old_op)
        new_reqs = _requirements(self.new, new_op)
        self._compare_requirements(name, f"{ptr}/security", old_reqs, new_reqs)
        used = {scheme for req in old_reqs & new_reqs for scheme, _ in req}
        old_schemes = (self.old.get("components") or {}).get("securitySchemes") or {}
        new_schemes = (self.new.get("components") or {}).get("securitySchemes") or {}
        for scheme in sorted(used):
            before, after = deref(self.old, old_schemes.get(scheme)), deref(self.new, new_schemes.get(scheme))
            scheme_ptr = f"#/components/securitySchemes/{_escape(scheme)}"
            shape = ("type", "scheme", "in", "name", "bearerFormat", "flows", "openIdConnectUrl")
            changed = [key for key in shape if before.get(key) != after.get(key)]
            if changed:
                detail = ", ".join(f"{key} {before.get(key)!r} -> {after.get(key)!r}" for key in changed)
                text = f"{name}: security scheme {scheme} changed: {detail}"
                self.emit_rule("api-security-component-type-changed", "request", name, scheme_ptr, text)
            elif before.get("description") != after.get("description"):
                text = f"{name}: security scheme {scheme} description changed"
                self.emit_rule("api-security-component-description-changed", "request", name, scheme_ptr, text)

    def _compare_requirements(
        self, name: str, location: str, old_reqs: set[_Requirement], new_reqs: set[_Requirement]
    ) -> None:
        """Ways to authenticate gone or added; ``security: []`` (or ``{}`` among them) means none is needed."""
        public_before, public_after = _is_public(old_reqs), _is_public(new_reqs)
        if public_after and not public_before:
            text = f"{name}: no authentication required any more (was {_reqs_text(old_reqs)})"
            self.emit_rule("api-security-no-longer-required", "request", name, location, text)
        elif not public_after:
            for req in old_reqs - new_reqs:
                if req:
                    text = (
                        f"{name}: security requirement {_req_text(req)} removed: "
                        "a client authenticating that way is refused"
                    )
                    self.emit_rule("api-security-removed", "request", name, location, text)
        if public_before and not public_after:
            text = f"{name}: authentication now required: {_reqs_text(new_reqs)}"
            self.emit_rule("api-security-added", "request", name, location, text)
            return
        for req in new_reqs - old_reqs:
            if req:
                text = f"{name}: security requirement {_req_text(req)} added as an alternative"
                self.emit_rule("api-security-alternative-added", "request", name, location, text)

    def _compare_parameters(
        self,
        name: str,
        old: dict[tuple[str, str], tuple[dict[str, Any], str]],
        new: dict[tuple[str, str], tuple[dict[str, Any], str]],
    ) -> None:
        removed = [key for key in old if key not in new]
        added = [key for key in new if key not in old]
        for where, pname in removed:
            renamed = [n for w, n in added if w == where]
            hint = f" (renamed to {', '.join(f'`{n}`' for n in renamed)}?)" if renamed else ""
            text = f"{name}: {where} parameter `{pname}` removed{hint}"
            self.emit_rule("request-parameter-removed", "request", name, old[where, pname][1], text)
        for key in added:
            param, location = new[key]
            required = bool(param.get("required")) or key[0] == "path"
            rule = "new-required-request-parameter" if required else "new-optional-request-parameter"
            kind = "required" if required else "optional"
            self.emit_rule(rule, "request", name, location, f"{name}: new {kind} {key[0]} parameter `{key[1]}`")
        for key, before in old.items():
            if key in new:
                self._compare_parameter(name, key, before, new[key])

    def _compare_parameter(
        self,
        name: str,
        key: tuple[str, str],
        old: tuple[dict[str, Any], str],
        new: tuple[dict[str, Any], str],
    ) -> None:
        (before, old_ptr), (after, new_ptr) = old, new
        label = f"{key[0]} parameter `{key[1]}`"
        if bool(before.get("required")) != bool(after.get("required")):
            became = "required" if after.get("required") else "optional"
            self.emit_rule(
                f"request-parameter-became-{became}", "request", name, new_ptr, f"{name}: {label} became {became}"
            )
        if _style(before) != _style(after):
            text = f"{name}: {label} serialization changed from {_style(before)} to {_style(after)}"
            self.emit_rule("request-parameter-style-changed", "request", name, new_ptr, text)
        if after.get("deprecated") and not before.get("deprecated"):
            self.emit_rule("request-parameter-deprecated", "request", name, new_ptr, f"{name}: {label} deprecated")
        at = _At(name, "request", label, old_ptr, new_ptr, in_parameter=True)
        self._docs(before, after, at)
        old_schema, old_schema_ptr = _parameter_schema(before, old_ptr)
        new_schema, new_schema_ptr = _parameter_schema(after, new_ptr)
        old_node = _view(self.old, old_schema, old_schema_ptr)
        new_node = _view(self.new, new_schema, new_schema_ptr)
        self._compare_schema(old_node, new_node, replace(at, old_ptr=old_node.ptr, new_ptr=new_node.ptr))

    def _compare_request_body(self, name: str, old: tuple[str, Any], new: tuple[str, Any]) -> None:
        (old_ptr, old_raw), (new_ptr, new_raw) = old, new
        if old_raw is None and new_raw is None:
            return
        location = f"{old_ptr}/requestBody"
        if old_raw is None:
            required = bool(deref(self.new, new_raw).get("required"))
            rule = "request-body-added-required" if required else "request-body-added-optional"
            self.emit_rule(rule, "request", name, f"{new_ptr}/requestBody", f"{name}: now takes a request body")
            return
        if new_raw is None:
            self.emit_rule("request-body-removed", "request", name, location, f"{name}: no longer takes a request body")
            return
        old_body, new_body = deref(self.old, old_raw), deref(self.new, new_raw)
        if bool(old_body.get("required")) != bool(new_body.get("required")):
            became = "required" if new_body.get("required") else "optional"
            self.emit_rule(f"request-body-became-{became}", "request", name, location, f"{name}: body became {became}")
        self._compare_content(
            name,
            "request",
            "request body",
            (old_body.get("content") or {}, _ptr_of(old_raw, location)),
            (new_body.get("content") or {}, _ptr_of(new_raw, f"{new_ptr}/requestBody")),
        )

    def _compare_responses(self, name: str, old_side: tuple[str, Any], new_side: tuple[str, Any]) -> None:
        (ptr, old), (new_ptr, new) = old_side, new_side
        for status in old:
            location = f"{ptr}/responses/{status}"
            success = str(status).startswith("2")
            if status not in new:
                rule = "response-success-status-removed" if success else "response-non-success-status-removed"
                self.emit_rule(rule, "response", name, location, f"{name}: response {status} removed")
                continue
            before, after = deref(self.old, old[status]), deref(self.new, new[status])
            if before.get("description") != after.get("description"):
                text = f"{name}: response {status} description changed"
                self.emit_rule("response-description-changed", "response", name, f"{location}/description", text)
            self._compare_content(
                name,
                "response",
                f"response {status}",
                (before.get("content") or {}, _ptr_of(old[status], location)),
                (after.get("content") or {}, _ptr_of(new[status], f"{new_ptr}/responses/{status}")),
            )
        for status in new:
            if status not in old:
                success = str(status).startswith("2")
                rule = "response-success-status-added" if success else "response-non-success-status-added"
                self.emit_rule(
                    rule, "response", name, f"{new_ptr}/responses/{status}", f"{name}: new response {status}"
                )

    def _compare_content(
        self,
        name: str,
        side: str,
        subject: str,
        old: tuple[dict[str, Any], str],
        new: tuple[dict[str, Any], str],
    ) -> None:
        (old_content, old_ptr), (new_content, new_ptr) = old, new
        kind = "request-body" if side == "request" else "response"
        for media in old_content:
            if media not in new_content:
                text = f"{name}: {subject} no longer offers {media}"
                self.emit_rule(f"{kind}-media-type-removed", side, name, f"{old_ptr}/content/{_escape(media)}", text)
        for media in new_content:
            if media not in old_content:
                text = f"{name}: {subject} now offers {media}"
                self.emit_rule(f"{kind}-media-type-added", side, name, f"{new_ptr}/content/{_escape(media)}", text)
        for media, before in old_content.items():
            after = new_content.get(media)
            if not isinstance(after, dict) or not isinstance(before, dict):
                continue
            media_old_ptr = f"{old_ptr}/content/{_escape(media)}"
            media_new_ptr = f"{new_ptr}/content/{_escape(media)}"
            if before.get("example") != after.get("example") or before.get("examples") != after.get("examples"):
                text = f"{name}: {subject} {media} example changed"
                self.emit_rule(f"{kind}-example-changed", side, name, media_new_ptr, text)
            old_node = _view(self.old, before.get("schema"), f"{media_old_ptr}/schema")
            new_node = _view(self.new, after.get("schema"), f"{media_new_ptr}/schema")
            at = _At(name, side, f"{subject} {media}", old_node.ptr, new_node.ptr)
            self._compare_schema(old_node, new_node, at)

    # -- schemas ------------------------------------------------------------------

    def _compare_schema(self, old: _Node, new: _Node, at: _At) -> None:
        key = (old.ref, new.ref)
        recursive = key != (None, None) and key in self._stack
        if recursive or len(self._stack) > _MAX_DEPTH:
            return
        self._stack.append(key)
        try:
            # A plain schema against a oneOf/anyOf (or back) is compared variant by variant only.
            if _is_composite(old.schema) == _is_composite(new.schema):
                for check in _SCHEMA_CHECKS:
                    check(self, old, new, at)
                self._compare_properties(old, new, at)
                self._compare_children(old, new, at)
            self._compare_variants(old, new, at)
        finally:
            self._stack.pop()

    def _compare_properties(self, old: _Node, new: _Node, at: _At) -> None:
        skip = "readOnly" if at.side == "request" else "writeOnly"
        old_props = _properties(old.schema, skip)
        new_props = _properties(new.schema, skip)
        old_required = set(old.schema.get("required") or [])
        new_required = set(new.schema.get("required") or [])
        tags = self._tags.get(split_component_ref(new.ref)[1], set()) if new.ref else set()
        for prop, raw in old_props.items():
            if prop not in new_props:
                child = _view(self.old, raw, f"{old.ptr}/properties/{_escape(prop)}")
                what = "required-property-removed" if prop in old_required else "optional-property-removed"
                self.emit_schema(what, at.child(prop, child, child), "removed", removed=True)
        for prop, raw in new_props.items():
            if prop not in old_props:
                child = _view(self.new, raw, f"{new.ptr}/properties/{_escape(prop)}")
                what = "required-property-added" if prop in new_required else "optional-property-added"
                self.emit_schema(what, at.child(prop, child, child), "added")
        for prop, raw in old_props.items():
            if prop not in new_props:
                continue
            old_child = _view(self.old, raw, f"{old.ptr}/properties/{_escape(prop)}")
            new_child = _view(self.new, new_props[prop], f"{new.ptr}/properties/{_escape(prop)}")
            child_at = at.child(prop, old_child, new_child, closed_enum=prop in tags)
            if (prop in old_required) != (prop in new_required):
                became = "required" if prop in new_required else "optional"
                self.emit_schema(f"property-became-{became}", child_at, f"became {became}")
            self._compare_schema(old_child, new_child, child_at)

    def _compare_children(self, old: _Node, new: _Node, at: _At) -> None:
        for keyword, segment in (("items", "[]"), ("additionalProperties", "*")):
            before, after = old.schema.get(keyword), new.schema.get(keyword)
            if isinstance(before, dict) and isinstance(after, dict):
                old_child = _view(self.old, before, f"{old.ptr}/{keyword}")
                new_child = _view(self.new, after, f"{new.ptr}/{keyword}")
                self._compare_schema(old_child, new_child, at.child(segment, old_child, new_child))

    def _compare_variants(self, old: _Node, new: _Node, at: _At) -> None:
        for keyword, short in _VARIANT_KEYWORDS:
            before = _variants(self.old, old, keyword)
            after = _variants(self.new, new, keyword)
            if before is None and after is None:
                continue
            before = before if before is not None else {_node_key(old): old}
            after = after if after is not None else {_node_key(new): new}
            pairs = self._pair_variants(old, new, before, after)
            open_union = self.open_response_enums and isinstance(new.schema.get("discriminator"), dict)
            added_what = "variant-added-to-open-union" if open_union and at.side == "response" else "variant-added"
            for branch_key, node in before.items():
                if branch_key not in after and branch_key not in pairs:
                    branch_at = replace(at, old_ptr=node.ptr)
                    self.emit_schema("variant-removed", branch_at, f"{keyword} variant {branch_key} removed", kw=short)
            paired_new = set(pairs.values())
            for branch_key, node in after.items():
                if branch_key not in before and branch_key not in paired_new:
                    branch_at = replace(at, new_ptr=node.ptr)
                    self.emit_schema(added_what, branch_at, f"{keyword} variant {branch_key} added", kw=short)
            for branch_key, node in before.items():
                other = after.get(pairs.get(branch_key, branch_key))
                if other is not None and (node, other) != (old, new):
                    self._compare_schema(node, other, replace(at, old_ptr=node.ptr, new_ptr=other.ptr))

    def _pair_variants(
        self, old: _Node, new: _Node, before: dict[str, _Node], after: dict[str, _Node]
    ) -> dict[str, str]:
        """Old variant key -> new variant key for variants renamed but the same: same tag, else same content."""
        gone = [key for key in before if key not in after]
        fresh = [key for key in after if key not in before]
        if not gone or not fresh:
            return {}
        pairs: dict[str, str] = {}
        prop = _discriminator_property(old.schema)
        if prop and prop == _discriminator_property(new.schema):
            old_tags = {_tag_value(self.old, before[key], prop): key for key in gone}
            for key in fresh:
                tag = _tag_value(self.new, after[key], prop)
                if tag is not None and tag in old_tags and old_tags[tag] not in pairs:
                    pairs[old_tags[tag]] = key
        for old_key in gone:
            if old_key in pairs:
                continue
            shape = canonical_schema(self.old, before[old_key].schema)
            for key in fresh:
                if key not in pairs.values() and canonical_schema(self.new, after[key].schema) == shape:
                    pairs[old_key] = key
                    break
        return pairs

    def _docs(self, before: dict[str, Any], after: dict[str, Any], at: _At) -> None:
        for key, what in _DOC_KEYS:
            if before.get(key) != after.get(key):
                if key == "title":
                    detail = f"title changed from {before.get(key)!r} to {after.get(key)!r}"
                else:
                    detail = f"{key} changed"
                self.emit_schema(what, at, detail)


# -- the schema checks, one function each ---------------------------------------------


def _check_type(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    if _is_composite(old.schema) or _is_composite(new.schema):
        return  # variants are compared branch by branch instead
    before, after = _types(old.schema), _types(new.schema)
    if before != after:
        shown = f"type changed from {_types_text(before)} to {_types_text(after)}"
        differ.emit_schema(_widening(before, after), at, shown)
    old_format, new_format = old.schema.get("format"), new.schema.get("format")
    if old_format != new_format:
        if new_format is None or (old_format, new_format) in _WIDER_FORMATS:
            what = "type-widened"
        elif old_format is None or (new_format, old_format) in _WIDER_FORMATS:
            what = "type-narrowed"
        else:
            what = "type-changed"
        differ.emit_schema(what, at, f"format changed from {old_format or 'none'} to {new_format or 'none'}")


def _check_nullable(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    if old.nullable != new.nullable:
        what, text = (
            ("became-nullable", "null now allowed")
            if new.nullable
            else ("became-not-nullable", "null no longer allowed")
        )
        differ.emit_schema(what, at, text)


def _check_enum(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    before, after = _enum(old.schema), _enum(new.schema)
    if before is None and after is None:
        return
    if before is None:
        differ.emit_schema("became-enum", at, f"restricted to the values {_values_text(after or [])}")
        return
    if after is None:
        differ.emit_schema("enum-dropped", at, "no longer restricted to a list of values")
        return
    old_keys, new_keys = {_key(v) for v in before}, {_key(v) for v in after}
    added = [v for v in after if _key(v) not in old_keys]
    removed = [v for v in before if _key(v) not in new_keys]
    if added:
        opened = differ.open_response_enums and at.side == "response" and not at.closed_enum
        what = "enum-value-added-to-open-enum" if opened else "enum-value-added"
        differ.emit_schema(what, at, f"{len(added)} enum value(s) added: {_values_text(added)}")
    if removed:
        differ.emit_schema("enum-value-removed", at, f"{len(removed)} enum value(s) removed: {_values_text(removed)}")


def _check_bounds(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    for lower in (True, False):
        before, after = _range_bound(old.schema, lower=lower), _range_bound(new.schema, lower=lower)
        if before != after:
            _emit_bound(differ, at, before, after, lower=lower)
    for keyword, short, larger_is_tighter in _SIZE_BOUNDS:
        old_size, new_size = _number(old.schema.get(keyword)), _number(new.schema.get(keyword))
        if old_size == new_size:
            continue
        if old_size is None:
            how, tighter = "set", True
        elif new_size is None:
            how, tighter = "unset", False
        else:
            how = "increased" if new_size > old_size else "decreased"
            tighter = (new_size > old_size) == larger_is_tighter
        text = f"{keyword} {how}: {old_size} -> {new_size}"
        differ.emit_schema("bound-tightened" if tighter else "bound-loosened", at, text, kw=f"{short}-{how}")


def _emit_bound(
    differ: _Differ, at: _At, before: tuple[float, bool] | None, after: tuple[float, bool] | None, *, lower: bool
) -> None:
    """One change for a lower (``minimum``) or upper (``maximum``) bound, exclusive or not."""
    text = f"{'lower' if lower else 'upper'} bound changed: {_bound_text(before, lower=lower)} -> "
    text += _bound_text(after, lower=lower)
    if before is None or after is None:
        how, tighter = ("set", True) if before is None else ("unset", False)
        exclusive = (after or before or (0.0, False))[1]
    else:
        (old_value, old_exclusive), (new_value, new_exclusive) = before, after
        # a higher minimum (a lower maximum), or the same one made exclusive, accepts less
        tighter = (new_value if lower else -new_value, new_exclusive) > (
            old_value if lower else -old_value,
            old_exclusive,
        )
        if new_value != old_value:
            how, exclusive = ("increased" if new_value > old_value else "decreased"), new_exclusive
        else:
            how, exclusive = ("set" if new_exclusive else "unset"), True
    kw = f"{'exclusive-' if exclusive else ''}{'min' if lower else 'max'}-{how}"
    differ.emit_schema("bound-tightened" if tighter else "bound-loosened", at, text, kw=kw)


def _check_multiple_of(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    before, after = _fraction(old.schema.get("multipleOf")), _fraction(new.schema.get("multipleOf"))
    if before == after:
        return
    text = f"multipleOf changed from {_number_text(before)} to {_number_text(after)}"
    if before is None:
        differ.emit_schema("bound-tightened", at, text, kw="multiple-of-set")
    elif after is None:
        differ.emit_schema("bound-loosened", at, text, kw="multiple-of-unset")
    elif (before / after).denominator == 1:  # every old multiple is a new one
        differ.emit_schema("bound-loosened", at, text, kw="multiple-of-generalized")
    elif (after / before).denominator == 1:
        differ.emit_schema("bound-tightened", at, text, kw="multiple-of-specialized")
    else:
        differ.emit_schema("bound-changed", at, text)


def _check_pattern(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    before, after = old.schema.get("pattern"), new.schema.get("pattern")
    if before == after:
        return
    if before is None:
        differ.emit_schema("pattern-added", at, f"pattern {after!r} added")
    elif after is None:
        differ.emit_schema("pattern-removed", at, f"pattern {before!r} removed")
    else:
        differ.emit_schema("pattern-changed", at, f"pattern changed from {before!r} to {after!r}")


def _check_default(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    missing = object()
    before, after = old.schema.get("default", missing), new.schema.get("default", missing)
    if before != after:
        shown = [("none" if value is missing else json.dumps(value)) for value in (before, after)]
        differ.emit_schema("default-changed", at, f"default changed from {shown[0]} to {shown[1]}")


def _check_extensions(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    for key in sorted({*old.schema, *new.schema}):
        if _read_by_generators(key) and old.schema.get(key) != new.schema.get(key):
            differ.emit_schema("extension-changed", at, f"{key} changed")


def _check_docs(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    differ._docs(old.schema, new.schema, at)  # noqa: SLF001 - shared with parameters


_SCHEMA_CHECKS: tuple[Callable[[_Differ, _Node, _Node, _At], None], ...] = (
    _check_type,
    _check_nullable,
    _check_enum,
    _check_bounds,
    _check_multiple_of,
    _check_pattern,
    _check_default,
    _check_extensions,
    _check_docs,
)

# keyword, short id, whether a larger value accepts less
_SIZE_BOUNDS = (
    ("maxLength", "max-length", False),
    ("minLength", "min-length", True),
    ("maxItems", "max-items", False),
    ("minItems", "min-items", True),
)
# (narrower, wider) formats: every value of the first is a value of the second
_WIDER_FORMATS = frozenset({("int32", "int64"), ("float", "double")})
_DOC_KEYS = (
    ("description", "description-changed"),
    ("title", "title-changed"),
    ("example", "example-changed"),
    ("examples", "example-changed"),
)
_VARIANT_KEYWORDS = (("oneOf", "one-of"), ("anyOf", "any-of"))
_MAX_DEPTH = 64
_MAX_VALUES_SHOWN = 12


# ====================================================================================
# readers: how a document is seen, and what of it carries meaning
# ====================================================================================

# `x-` extensions openapi-python-client 0.29 and datamodel-code-generator 0.89 read:
# a change to one of them changes the generated code. Every other `x-` key is ignored.
GENERATOR_EXTENSIONS = frozenset(
    {
        "x-enum-varnames",
        "x-enumNames",
        "x-enum-descriptions",
        "x-enum-field-as-literal",
        "x-python-type",
        "x-python-import",
        "x-is-base-class",
        "x-propertyNames",
    }
)
_GENERATOR_EXTENSION_PREFIXES = ("x-datamodel-code-generator-",)


def _read_by_generators(key: str) -> bool:
    return key in GENERATOR_EXTENSIONS or key.startswith(_GENERATOR_EXTENSION_PREFIXES)


def operation_roots(document: dict[str, Any], operations: Iterable[str]) -> list[Any]:
    """What the walker reads for ``operations``: their path items, or every path when one has moved."""
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return []
    roots: list[Any] = [document.get("security")]
    moved = False
    for operation in operations:
        method, path = parse_operation(operation)
        _, item = _find_path(document, path)
        if item is None or not isinstance(item.get(method), dict):
            moved = True  # the walker looks for it on every path (same operationId, same tail)
            continue
        roots.append({key: value for key, value in item.items() if key not in HTTP_METHODS or key == method})
    if moved:
        roots += [item for item in paths.values() if isinstance(item, dict)]
    return roots


def unresolved_reference(document: dict[str, Any], roots: list[Any]) -> str | None:
    """The first reference reachable from ``roots`` that does not resolve inside ``document``, in words."""
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    for scheme in sorted(_scheme_names(roots)):
        if scheme not in schemes:
            return f"security scheme {scheme!r} is not defined in #/components/securitySchemes"
    seen: set[str] = set()
    pending = [ref for root in roots for ref in iter_refs(root)]
    while pending:
        ref = pending.pop()
        if ref in seen:
            continue
        seen.add(ref)
        if not ref.startswith("#"):
            return f"external $ref {ref} (only references inside the document are supported)"
        if not ref.startswith(COMPONENTS_PREFIX):
            return f"$ref {ref} points outside #/components/ (not supported)"
        try:
            target = resolve(document, ref)
        except SpecError:
            return f"dangling $ref {ref}"
        pending.extend(iter_refs(target))
    return None


def _scheme_names(roots: list[Any]) -> set[str]:
    """Security schemes named by the requirements in ``roots`` (the document's and the operations')."""
    lists: list[Any] = [root for root in roots if isinstance(root, list)]
    for root in roots:
        if isinstance(root, dict):
            lists += [op.get("security") for op in root.values() if isinstance(op, dict) and "responses" in op]
    return {
        name
        for requirements in lists
        for requirement in requirements or []
        if isinstance(requirement, dict)
        for name in requirement
    }


def canonical_operations(document: dict[str, Any], operations: Iterable[str]) -> list[dict[str, Any] | None]:
    """What ``operations`` mean, spelling aside: references inlined, `info` and ignored `x-` keys gone.

    Two documents whose canonical operations are equal differ only in things that do
    not change what a client of ours sends or reads: other paths, ``info``, ``x-``
    extensions our generators ignore, the spelling of nullable, ``$ref`` names, key order.
    """
    found: list[dict[str, Any] | None] = []
    for operation in operations:
        method, path = parse_operation(operation)
        _, item = _find_path(document, path)
        op = (item or {}).get(method)
        if not isinstance(op, dict) or item is None:
            found.append(None)
            continue
        reader = _Canonical(document)
        requirements = _requirements(document, op)
        schemes = (document.get("components") or {}).get("securitySchemes") or {}
        found.append(
            {
                "servers": _servers(document, item, op),
                "security": "none needed" if _is_public(requirements) else sorted(map(sorted, requirements)),
                "schemes": reader.value(
                    {name: schemes.get(name) for name in sorted(_scheme_names([document.get("security"), item]))}
                ),
                "parameters": {
                    f"{where} {name}": reader.value(param)
                    for (where, name), (param, _) in _parameters(document, item, op, "").items()
                },
                "operation": reader.value({key: value for key, value in op.items() if key not in _READ_APART}),
            }
        )
    return found


# what canonical_operations reads on its own, defaults and inheritance applied
_READ_APART = frozenset({"parameters", "security", "servers"})


def canonical_schema(document: dict[str, Any], schema: Any) -> Any:
    """One schema's meaning, spelling aside (see :func:`canonical_operations`)."""
    return _Canonical(document).schema(schema)


_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_SINGLE = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else")
_SCHEMA_HOLDERS = ("schema",)  # keys whose value is a schema in parameters and media types


class _Canonical:
    """Turn document parts into plain values that compare equal exactly when they mean the same."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.stack: list[str] = []

    def value(self, node: Any) -> Any:
        """A non-schema part (an operation, a parameter, a response): refs inlined, schemas canonical."""
        if isinstance(node, list):
            return [self.value(item) for item in node]
        if not isinstance(node, dict):
            return node
        if isinstance(node.get("$ref"), str):
            return self._follow(node, self.value)
        result: dict[str, Any] = {}
        for key, sub in node.items():
            if key.startswith("x-") and not _read_by_generators(key):
                continue
            result[key] = self.schema(sub) if key in _SCHEMA_HOLDERS else self.value(sub)
        return result

    def schema(self, node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        if isinstance(node.get("$ref"), str):
            return self._follow(node, self.schema)
        result: dict[str, Any] = {}
        for key, sub in node.items():
            if key.startswith("x-") and not _read_by_generators(key):
                continue
            if key in _SCHEMA_MAPS and isinstance(sub, dict):
                result[key] = {name: self.schema(item) for name, item in sub.items()}
            elif key in _SCHEMA_LISTS and isinstance(sub, list):
                result[key] = [self.schema(item) for item in sub]
            elif key in _SCHEMA_SINGLE:
                result[key] = self.schema(sub)
            else:
                result[key] = sub
        return _one_bound_spelling(_one_nullable_spelling(_merged_all_of(result)))

    def _follow(self, node: dict[str, Any], then: Callable[[Any], Any]) -> Any:
        ref = node["$ref"]
        if ref in self.stack:  # recursion: by depth, so a renamed component compares equal
            return {"$recursive": len(self.stack) - self.stack.index(ref)}
        self.stack.append(ref)
        try:
            target = resolve(self.document, ref)
            siblings = {key: value for key, value in node.items() if key != "$ref"}
            return then({**target, **siblings} if isinstance(target, dict) else target)
        finally:
            self.stack.pop()


def _one_nullable_spelling(schema: dict[str, Any]) -> dict[str, Any]:
    """``nullable: true``, ``type: [X, "null"]`` and ``anyOf/oneOf: [X, {type: null}]`` as one form.

    ``schema``'s subschemas are already canonical: a null branch is ``{"nullable": true}``.
    """
    nullable = bool(schema.pop("nullable", False))
    for keyword, _ in _VARIANT_KEYWORDS:
        branches = schema.get(keyword)
        if not isinstance(branches, list) or not any(_is_null_branch(branch) for branch in branches):
            continue
        nullable = True
        kept = [branch for branch in branches if not _is_null_branch(branch)]
        if len(kept) == 1 and isinstance(kept[0], dict) and not _has_shape(schema, keyword):
            inner = dict(kept[0])
            nullable = bool(inner.pop("nullable", False)) or nullable
            schema = {**inner, **{key: value for key, value in schema.items() if key != keyword}}
        else:
            schema[keyword] = kept
    kind = schema.get("type")
    if isinstance(kind, list) or kind == "null":
        kinds = kind if isinstance(kind, list) else [kind]
        nullable = nullable or "null" in kinds
        kept_types = sorted(str(item) for item in kinds if item != "null")
        if not kept_types:
            del schema["type"]
        else:
            schema["type"] = kept_types[0] if len(kept_types) == 1 else kept_types
    if isinstance(schema.get("enum"), list) and None in schema["enum"]:
        nullable = True
        schema["enum"] = [value for value in schema["enum"] if value is not None]
        if not schema["enum"]:
            del schema["enum"]
    if nullable:
        schema["nullable"] = True
    return schema


def _merged_all_of(schema: dict[str, Any]) -> dict[str, Any]:
    """``allOf`` members folded into one schema, as the walker sees them; ``required`` in a fixed order."""
    members = schema.pop("allOf", None)
    if isinstance(members, list) and all(isinstance(member, dict) for member in members):
        properties: dict[str, Any] = {}
        required: list[str] = []
        merged: dict[str, Any] = {}
        for member in [*members, schema]:
            properties.update(member.get("properties") or {})
            required += member.get("required") or []
            merged.update({key: value for key, value in member.items() if key not in ("properties", "required")})
        schema = merged
        if properties:
            schema["properties"] = properties
        if required:
            schema["required"] = required
    elif members is not None:
        schema["allOf"] = members
    if isinstance(schema.get("required"), list):
        schema["required"] = sorted(set(map(str, schema["required"])))
    return schema


def _one_bound_spelling(schema: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI 3.0's ``minimum: 5, exclusiveMinimum: true`` and 3.1's ``exclusiveMinimum: 5`` as one form."""
    bounds = {"lower": _range_bound(schema, lower=True), "upper": _range_bound(schema, lower=False)}
    if not any(bounds.values()):
        return schema
    for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        schema.pop(key, None)
    schema["$bounds"] = bounds
    return schema


def _is_null_branch(branch: Any) -> bool:
    return isinstance(branch, dict) and branch == {"nullable": True}


def _view(document: dict[str, Any], raw: Any, ptr: str, depth: int = 0) -> _Node:
    """Follow ``$ref``s, fold ``anyOf/oneOf [X, null]`` into a nullable X, merge ``allOf``."""
    schema: dict[str, Any] = raw if isinstance(raw, dict) else {}
    ref = None
    while isinstance(schema.get("$ref"), str) and depth < _MAX_DEPTH:
        siblings = {key: value for key, value in schema.items() if key != "$ref"}
        ref = schema["$ref"]
        ptr = ref
        target = resolve(document, ref)
        schema = {**target, **siblings} if isinstance(target, dict) else {}
        depth += 1
    nullable = bool(schema.get("nullable")) or _has_null_type(schema) or None in (schema.get("enum") or [])
    for keyword, _ in _VARIANT_KEYWORDS:
        branches = schema.get(keyword)
        if not isinstance(branches, list):
            continue
        kept = [(index, branch) for index, branch in enumerate(branches) if not _is_null(document, branch)]
        if len(kept) == len(branches):
            continue
        nullable = True
        if len(kept) == 1 and not _has_shape(schema, keyword):
            index, only = kept[0]
            inner = _view(document, only, f"{ptr}/{keyword}/{index}", depth + 1)
            outer = {key: value for key, value in schema.items() if key != keyword}
            return _Node({**inner.schema, **outer}, inner.ptr, inner.ref, nullable=True)
    members = schema.get("allOf")
    if isinstance(members, list) and members and depth < _MAX_DEPTH:
        return _merge_all_of(document, _Node(schema, ptr, ref, nullable=nullable), members, depth)
    return _Node(schema, ptr, ref, nullable=nullable)


def _merge_all_of(document: dict[str, Any], node: _Node, members: list[Any], depth: int) -> _Node:
    """One schema with the members' properties and required lists; the outer keywords win."""
    merged: dict[str, Any] = {}
    properties: dict[str, Any] = {}
    required: list[str] = []
    ptr, ref, nullable = node.ptr, node.ref, node.nullable
    for index, member in enumerate(members):
        part = _view(document, member, f"{node.ptr}/allOf/{index}", depth + 1)
        nullable = nullable or part.nullable
        properties.update(part.schema.get("properties") or {})
        required.extend(part.schema.get("required") or [])
        for key, value in part.schema.items():
            merged.setdefault(key, value)
        if len(members) == 1:
            ptr, ref = part.ptr, part.ref
    outer = {key: value for key, value in node.schema.items() if key != "allOf"}
    properties.update(outer.get("properties") or {})
    required.extend(outer.get("required") or [])
    schema = {**merged, **outer}
    if properties:
        schema["properties"] = properties
    if required:
        schema["required"] = list(dict.fromkeys(required))
    return _Node(schema, ptr, ref, nullable=nullable)


def _variants(document: dict[str, Any], node: _Node, keyword: str) -> dict[str, _Node] | None:
    branches = node.schema.get(keyword)
    if not isinstance(branches, list):
        return None
    found: dict[str, _Node] = {}
    for index, branch in enumerate(branches):
        if _is_null(document, branch):
            continue
        key = _branch_key(branch, index)
        while key in found:
            key += "'"
        found[key] = _view(document, branch, f"{node.ptr}/{keyword}/{index}")
    return found


def _node_key(node: _Node) -> str:
    """The variant key of a schema that is not a oneOf/anyOf, to match it against a variant."""
    return node.ref.rsplit("/", 1)[-1] if node.ref else _branch_key(node.schema, 0)


def _branch_key(branch: Any, index: int) -> str:
    """How a variant is recognised on the other side: its schema name, else its type."""
    if isinstance(branch, dict):
        ref = branch.get("$ref")
        if isinstance(ref, str):
            return ref.rsplit("/", 1)[-1]
        types = _types(branch)
        if types:
            return "|".join(sorted(types))
        title = branch.get("title")
        if isinstance(title, str):
            return title
    return f"#{index}"


def _discriminator_property(schema: dict[str, Any]) -> str | None:
    discriminator = schema.get("discriminator")
    name = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
    return name if isinstance(name, str) else None


def _tag_value(document: dict[str, Any], node: _Node, prop: str) -> str | None:
    """The one value a variant's tag property can take, as JSON text."""
    raw = (node.schema.get("properties") or {}).get(prop)
    if raw is None:
        return None
    values = _enum(_view(document, raw, "").schema)
    return _key(values[0]) if values and len(values) == 1 else None


def _is_null(document: dict[str, Any], branch: Any) -> bool:
    if not isinstance(branch, dict):
        return False
    if isinstance(branch.get("$ref"), str):
        target = resolve(document, branch["$ref"])
        return isinstance(target, dict) and target.get("type") == "null"
    return branch.get("type") == "null" or (branch.get("enum") == [None])


def _has_null_type(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return kind == "null" or (isinstance(kind, list) and "null" in kind)


def _has_shape(schema: dict[str, Any], keyword: str) -> bool:
    """Whether a schema says more than its variants (then it cannot be unwrapped)."""
    structural = ("type", "properties", "items", "allOf", "anyOf", "oneOf", "enum")
    return any(key in schema for key in structural if key != keyword)


def _is_composite(schema: dict[str, Any]) -> bool:
    return "type" not in schema and any(isinstance(schema.get(key), list) for key, _ in _VARIANT_KEYWORDS)


def _types(schema: dict[str, Any]) -> frozenset[str] | None:
    kind = schema.get("type")
    if isinstance(kind, str):
        kind = [kind]
    if isinstance(kind, list):
        return frozenset(str(item) for item in kind if item != "null")
    return None


def _accepts(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    return all(item in wide or (item == "integer" and "number" in wide) for item in narrow)


def _widening(before: frozenset[str] | None, after: frozenset[str] | None) -> str:
    if before is None:
        return "type-narrowed"
    if after is None:
        return "type-widened"
    if _accepts(after, before):
        return "type-widened"
    if _accepts(before, after):
        return "type-narrowed"
    return "type-changed"


def _types_text(types: frozenset[str] | None) -> str:
    return "any" if types is None else "|".join(sorted(types)) or "null"


def _enum(schema: dict[str, Any]) -> list[Any] | None:
    if isinstance(schema.get("enum"), list):
        return [value for value in schema["enum"] if value is not None]
    if "const" in schema:
        return [schema["const"]]
    return None


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _values_text(values: list[Any]) -> str:
    shown = ", ".join(json.dumps(value) for value in values[:_MAX_VALUES_SHOWN])
    more = len(values) - _MAX_VALUES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def _number(value: Any) -> float | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _fraction(value: Any) -> Fraction | None:
    """An exact ``multipleOf``: 0.1 is one tenth, not the float nearest to it."""
    number = _number(value)
    return Fraction(str(number)) if number is not None and number > 0 else None


def _number_text(value: Fraction | None) -> str:
    if value is None:
        return "none"
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def _range_bound(schema: dict[str, Any], *, lower: bool) -> tuple[float, bool] | None:
    """The effective ``minimum`` (``lower``) or ``maximum`` and whether it is exclusive.

    OpenAPI 3.0 writes an exclusive bound as ``minimum: 5, exclusiveMinimum: true``,
    3.1 as ``exclusiveMinimum: 5``: both spellings give ``(5, True)``.
    """
    inclusive_key, exclusive_key = ("minimum", "exclusiveMinimum") if lower else ("maximum", "exclusiveMaximum")
    inclusive, exclusive = _number(schema.get(inclusive_key)), schema.get(exclusive_key)
    if exclusive is True and inclusive is not None:
        return inclusive, True
    exclusive_value = _number(exclusive)
    if exclusive_value is None:
        return None if inclusive is None else (inclusive, False)
    if inclusive is None:
        return exclusive_value, True
    stricter = exclusive_value >= inclusive if lower else exclusive_value <= inclusive
    return (exclusive_value, True) if stricter else (inclusive, False)


def _bound_text(bound: tuple[float, bool] | None, *, lower: bool) -> str:
    if bound is None:
        return "none"
    value, exclusive = bound
    sign = (">" if lower else "<") + ("" if exclusive else "=")
    return f"{sign} {value}"


def _properties(schema: dict[str, Any], skip: str) -> dict[str, Any]:
    """Properties the side can see: a request never sends readOnly ones, a response never returns writeOnly ones."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return {}
    return {name: raw for name, raw in properties.items() if not (isinstance(raw, dict) and raw.get(skip))}


def _ptr_of(raw: Any, inline: str) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
        return str(raw["$ref"])
    return inline


def _escape(segment: str) -> str:
    return str(segment).replace("~", "~0").replace("/", "~1")


_TEMPLATE = re.compile(r"\{[^}/]*\}")


def _find_path(document: dict[str, Any], path: str) -> tuple[str | None, dict[str, Any] | None]:
    """The path item for ``path``, also when only a template variable was renamed."""
    paths = document.get("paths") or {}
    if isinstance(paths.get(path), dict):
        return path, paths[path]
    shape = _TEMPLATE.sub("{}", path)
    for candidate, item in paths.items():
        if _TEMPLATE.sub("{}", candidate) == shape and isinstance(item, dict):
            return candidate, item
    return None, None


def _find_moved(
    document: dict[str, Any], method: str, path: str, old_op: dict[str, Any]
) -> tuple[str, str, dict[str, Any], dict[str, Any]] | None:
    """Where an operation went: the same operationId, else the same method on a path with the same tail."""
    paths = document.get("paths") or {}
    operation_id = old_op.get("operationId")
    tail = "/".join(path.rstrip("/").split("/")[-2:])
    by_tail = None
    for candidate, item in paths.items():
        if not isinstance(item, dict) or not isinstance(item.get(method), dict):
            continue
        if operation_id and item[method].get("operationId") == operation_id:
            return f"{method.upper()} {candidate}", candidate, item, item[method]
        if by_tail is None and candidate.rstrip("/").endswith("/" + tail):
            by_tail = (f"{method.upper()} {candidate}", candidate, item, item[method])
    return by_tail


def _servers(document: dict[str, Any], item: dict[str, Any], op: dict[str, Any]) -> list[str]:
    """The servers an operation is called on: its own, else its path's, else the document's."""
    for source in (op, item, document):
        servers = source.get("servers")
        if isinstance(servers, list) and servers:
            return [str(server.get("url")) for server in servers if isinstance(server, dict)]
    return ["/"]


_Requirement = frozenset[tuple[str, tuple[str, ...]]]


def _requirements(document: dict[str, Any], op: dict[str, Any]) -> set[_Requirement]:
    """The alternatives an operation accepts; an empty set or an empty requirement means "no authentication"."""
    raw = op["security"] if "security" in op else document.get("security") or []
    return {
        frozenset((name, tuple(sorted(scopes or []))) for name, scopes in requirement.items())
        for requirement in raw
        if isinstance(requirement, dict)
    }


def _is_public(requirements: set[_Requirement]) -> bool:
    return not requirements or frozenset() in requirements


def _req_text(requirement: _Requirement) -> str:
    return " + ".join(sorted(name for name, _ in requirement)) or "(none)"


def _reqs_text(requirements: set[_Requirement]) -> str:
    named = sorted(_req_text(req) for req in requirements if req)
    return " or ".join(named) if named else "none"


def _parameters(
    document: dict[str, Any], item: dict[str, Any], op: dict[str, Any], op_ptr: str
) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
    """Path-level then operation-level parameters, keyed by (in, name); later ones win."""
    found: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for owner, owner_ptr in ((item, op_ptr.rsplit("/", 1)[0]), (op, op_ptr)):
        for index, raw in enumerate(owner.get("parameters") or []):
            param = deref(document, raw)
            if "in" in param and "name" in param:
                ptr = _ptr_of(raw, f"{owner_ptr}/parameters/{index}")
                found[str(param["in"]), str(param["name"])] = (param, ptr)
    return found


def _parameter_schema(param: dict[str, Any], ptr: str) -> tuple[Any, str]:
    if "schema" in param:
        return param["schema"], f"{ptr}/schema"
    for media, body in (param.get("content") or {}).items():
        return (body or {}).get("schema"), f"{ptr}/content/{_escape(media)}/schema"
    return {}, ptr


def _style(param: dict[str, Any]) -> str:
    """A parameter's effective serialization, defaults filled in as OpenAPI defines them."""
    where = param.get("in")
    style = param.get("style") or ("form" if where in ("query", "cookie") else "simple")
    explode = param.get("explode", style == "form")
    return f"style={style}, explode={str(bool(explode)).lower()}"
