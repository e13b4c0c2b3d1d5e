"""Classify what changed between two OpenAPI documents, as far as our operations see it.

Only the operations in the manifest matter: their path and method, servers, security,
parameters, request body, responses, and every schema those reach through ``$ref``,
``allOf``/``anyOf``/``oneOf``, array items and properties. Other paths can change freely.

Changes carry oasdiff-style ids and levels (``ERR`` breaks a client written against
the old document, ``WARN`` may, ``INFO`` does not) and a side: ``request`` (what the
client sends), ``response`` (what it reads), or ``overlay`` (one of our fixes no longer
applies). The verdict of a schema change depends on the side it is seen from: a new
enum value is harmless in a request and breaks a strict client in a response. Those
verdicts live in one table, :data:`SCHEMA_RULES`; the rest in :data:`RULES`.

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
from typing import TYPE_CHECKING, Any

from modelcatalog.spec.errors import OverlayError, SpecError
from modelcatalog.spec.overlay import actions_of, apply_overlay
from modelcatalog.spec.refs import resolve
from modelcatalog.spec.slicing import parse_operation, slice_document

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable


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


# Checks whose verdict does not depend on the side they are seen from.
RULES: dict[str, Level] = {
    # the operation itself
    "api-path-removed-without-deprecation": ERR,
    "api-removed-without-deprecation": ERR,
    "endpoint-added": INFO,
    "endpoint-deprecated": WARN,
    # openapi-python-client names the generated module and function after the operationId
    "api-operation-id-changed": WARN,
    "api-summary-changed": INFO,
    "api-description-changed": INFO,
    "api-server-removed": ERR,
    "api-server-added": INFO,
    # a requirement the client cannot meet any more, or a new one where none was needed
    "api-security-removed": ERR,
    "api-security-added": ERR,
    "api-security-alternative-added": INFO,
    "api-security-component-type-changed": ERR,
    "api-security-component-description-changed": INFO,
    # parameters
    "request-parameter-removed": ERR,
    "new-required-request-parameter": ERR,
    "new-optional-request-parameter": INFO,
    "request-parameter-became-required": ERR,
    "request-parameter-became-optional": INFO,
    "request-parameter-style-changed": ERR,
    "request-parameter-deprecated": INFO,
    # request body
    "request-body-added-required": ERR,
    "request-body-added-optional": INFO,
    "request-body-removed": WARN,
    "request-body-became-required": ERR,
    "request-body-became-optional": INFO,
    "request-body-media-type-removed": ERR,
    "request-body-media-type-added": INFO,
    "request-body-example-changed": INFO,
    # responses: a client parses the statuses it knows; a lost success status breaks it
    "response-success-status-removed": ERR,
    "response-non-success-status-removed": INFO,
    "response-success-status-added": INFO,
    "response-non-success-status-added": INFO,
    "response-media-type-removed": ERR,
    "response-media-type-added": INFO,
    "response-description-changed": INFO,
    "response-example-changed": INFO,
    # the document as a whole
    "api-document-unreadable": ERR,
    "api-document-changed-elsewhere": INFO,
    "api-unclassified-change": WARN,
    "overlay-action-not-applicable": ERR,
}

# Schema checks: what happened -> (id, level) seen from the request side, then from the
# response side. ``{p}`` is the subject: request-parameter, request-body, request-property,
# response-body or response-property; ``{kw}`` is the keyword's short name.
SCHEMA_RULES: dict[str, tuple[tuple[str, Level], tuple[str, Level]]] = {
    # what happened                 request side (the client sends it)          response side (the client reads it)
    "enum-value-added": (("{p}-enum-value-added", INFO), ("{p}-enum-value-added", ERR)),
    "enum-value-removed": (("{p}-enum-value-removed", ERR), ("{p}-enum-value-removed", INFO)),
    "became-enum": (("{p}-became-enum", ERR), ("{p}-became-enum", INFO)),
    "enum-dropped": (("{p}-enum-removed", INFO), ("{p}-enum-removed", WARN)),
    "type-widened": (("{p}-type-generalized", INFO), ("{p}-type-changed", ERR)),
    "type-narrowed": (("{p}-type-changed", ERR), ("{p}-type-specialized", INFO)),
    "type-changed": (("{p}-type-changed", ERR), ("{p}-type-changed", ERR)),
    "became-nullable": (("{p}-became-nullable", INFO), ("{p}-became-nullable", ERR)),
    "became-not-nullable": (("{p}-became-not-nullable", ERR), ("{p}-became-not-nullable", INFO)),
    # a removed request property is a warning: servers usually ignore what they no longer read
    "required-property-removed": (("request-property-removed", WARN), ("response-required-property-removed", ERR)),
    "optional-property-removed": (("request-property-removed", WARN), ("response-optional-property-removed", ERR)),
    "required-property-added": (("new-required-request-property", ERR), ("response-required-property-added", INFO)),
    "optional-property-added": (("new-optional-request-property", INFO), ("response-optional-property-added", INFO)),
    "property-became-required": (
        ("request-property-became-required", ERR),
        ("response-property-became-required", INFO),
    ),
    "property-became-optional": (
        ("request-property-became-optional", INFO),
        ("response-property-became-optional", ERR),
    ),
    "variant-added": (("{p}-{kw}-added", INFO), ("{p}-{kw}-added", ERR)),
    "variant-removed": (("{p}-{kw}-removed", ERR), ("{p}-{kw}-removed", INFO)),
    "bound-tightened": (("{p}-{kw}", ERR), ("{p}-{kw}", INFO)),
    "bound-loosened": (("{p}-{kw}", INFO), ("{p}-{kw}", WARN)),
    # openapi-python-client sends every default, so a changed default changes our requests
    "default-changed": (("{p}-default-value-changed", WARN), ("{p}-default-value-changed", INFO)),
    # openapi-python-client names classes after titles: a new title renames an imported class
    "title-changed": (("{p}-title-changed", WARN), ("{p}-title-changed", WARN)),
    "description-changed": (("{p}-description-changed", INFO), ("{p}-description-changed", INFO)),
    "example-changed": (("{p}-example-changed", INFO), ("{p}-example-changed", INFO)),
}

# keyword, short id, whether a larger value accepts less (a minimum)
_BOUNDS = (
    ("maximum", "max", False),
    ("minimum", "min", True),
    ("exclusiveMaximum", "exclusive-max", False),
    ("exclusiveMinimum", "exclusive-min", True),
    ("maxLength", "max-length", False),
    ("minLength", "min-length", True),
    ("maxItems", "max-items", False),
    ("minItems", "min-items", True),
)
_DOC_KEYS = (("description", "description-changed"), ("title", "title-changed"), ("example", "example-changed"))
_VARIANT_KEYWORDS = (("oneOf", "one-of"), ("anyOf", "any-of"))
_MAX_DEPTH = 64
_MAX_VALUES_SHOWN = 12


def diff_documents(old: dict[str, Any], new: dict[str, Any], operations: Iterable[str]) -> list[Change]:
    """Every classified difference between ``old`` and ``new`` that ``operations`` can see."""
    return _Differ(old, new).run(list(operations))


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
            changes.append(
                Change(
                    id="overlay-action-not-applicable",
                    level=RULES["overlay-action-not-applicable"],
                    side="overlay",
                    operation="",
                    location=f"{overlay_name}#/actions/{action.index}",
                    text=f"{overlay_name}: {action.label} no longer applies: {reason}",
                )
            )
    return changes


def exit_code(changes: Iterable[Change]) -> int:
    """0 nothing changed, 1 only non-breaking changes, 2 at least one breaking change."""
    levels = {change.level for change in changes}
    if ERR in levels:
        return 2
    return 1 if levels else 0


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

    def child(self, segment: str, old: _Node, new: _Node) -> _At:
        """One level down: a property name, ``[]`` for array items, ``*`` for additional properties."""
        path = self.path + segment if segment.startswith("[") or not self.path else f"{self.path}.{segment}"
        return replace(self, path=path, old_ptr=old.ptr, new_ptr=new.ptr)


@dataclass
class _Differ:
    old: dict[str, Any]
    new: dict[str, Any]
    changes: list[Change] = field(default_factory=list)
    _seen: set[tuple[str, ...]] = field(default_factory=set)
    _stack: list[tuple[str | None, str | None]] = field(default_factory=list)

    def run(self, operations: list[str]) -> list[Change]:
        if self.old == self.new:
            return []
        present_in_both = [op for op in operations if self._operation(op)]
        covered = bool(self.changes)
        old_slice = slice_document(self.old, present_in_both)
        new_slice = slice_document(self.new, present_in_both)
        if old_slice != new_slice and not covered:
            self.emit_rule(
                "api-unclassified-change",
                "",
                "",
                "/",
                "the part of the document our operations use changed in a way no check classifies; "
                "compare the sliced documents",
            )
        elif old_slice == new_slice and not covered:
            self.emit_rule(
                "api-document-changed-elsewhere",
                "",
                "",
                "/",
                "the published document changed, but nothing our operations use",
            )
        return self.changes

    # -- emitting -----------------------------------------------------------------

    def emit_rule(self, rule: str, side: str, operation: str, location: str, text: str) -> None:
        self._add(Change(rule, RULES[rule], side, operation, location, text))

    def emit_schema(self, what: str, at: _At, text: str, *, kw: str = "", removed: bool = False) -> None:
        request_rule, response_rule = SCHEMA_RULES[what]
        template, level = response_rule if at.side == "response" else request_rule
        rule = template.format(p=at.prefix, kw=kw)
        location = at.old_ptr if removed or at.new_ptr == at.old_ptr else at.new_ptr
        self._add(Change(rule, level, at.side, at.operation, location, f"{at.operation}: {at.where}: {text}"))

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
        old_optional = not old_reqs or frozenset() in old_reqs
        for req in old_reqs - new_reqs:
            text = f"{name}: security requirement {_req_text(req)} removed: a client authenticating that way is refused"
            self.emit_rule("api-security-removed", "request", name, f"{ptr}/security", text)
        for req in new_reqs - old_reqs:
            rule = "api-security-added" if old_optional else "api-security-alternative-added"
            text = f"{name}: security requirement {_req_text(req)} added"
            self.emit_rule(rule, "request", name, f"{ptr}/security", text)
        used = {scheme for req in old_reqs & new_reqs for scheme, _ in req}
        old_schemes = (self.old.get("components") or {}).get("securitySchemes") or {}
        new_schemes = (self.new.get("components") or {}).get("securitySchemes") or {}
        for scheme in sorted(used):
            before, after = old_schemes.get(scheme) or {}, new_schemes.get(scheme) or {}
            location = f"#/components/securitySchemes/{_escape(scheme)}"
            shape = ("type", "scheme", "in", "name", "bearerFormat", "flows", "openIdConnectUrl")
            changed = [key for key in shape if before.get(key) != after.get(key)]
            if changed:
                detail = ", ".join(f"{key} {before.get(key)!r} -> {after.get(key)!r}" for key in changed)
                text = f"{name}: security scheme {scheme} changed: {detail}"
                self.emit_rule("api-security-component-type-changed", "request", name, location, text)
            elif before.get("description") != after.get("description"):
                text = f"{name}: security scheme {scheme} description changed"
                self.emit_rule("api-security-component-description-changed", "request", name, location, text)

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
            required = bool(_deref(self.new, new_raw).get("required"))
            rule = "request-body-added-required" if required else "request-body-added-optional"
            self.emit_rule(rule, "request", name, f"{new_ptr}/requestBody", f"{name}: now takes a request body")
            return
        if new_raw is None:
            self.emit_rule("request-body-removed", "request", name, location, f"{name}: no longer takes a request body")
            return
        old_body, new_body = _deref(self.old, old_raw), _deref(self.new, new_raw)
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
            before, after = _deref(self.old, old[status]), _deref(self.new, new[status])
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
            child_at = at.child(prop, old_child, new_child)
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
            for branch_key, node in before.items():
                if branch_key not in after:
                    branch_at = replace(at, old_ptr=node.ptr)
                    self.emit_schema("variant-removed", branch_at, f"{keyword} variant {branch_key} removed", kw=short)
            for branch_key, node in after.items():
                if branch_key not in before:
                    branch_at = replace(at, new_ptr=node.ptr)
                    self.emit_schema("variant-added", branch_at, f"{keyword} variant {branch_key} added", kw=short)
            for branch_key, node in before.items():
                if branch_key in after and (node, after[branch_key]) != (old, new):
                    other = after[branch_key]
                    self._compare_schema(node, other, replace(at, old_ptr=node.ptr, new_ptr=other.ptr))

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
        if new_format is None:
            what = "type-widened"
        elif old_format is None:
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
        differ.emit_schema("enum-value-added", at, f"{len(added)} enum value(s) added: {_values_text(added)}")
    if removed:
        differ.emit_schema("enum-value-removed", at, f"{len(removed)} enum value(s) removed: {_values_text(removed)}")


def _check_bounds(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    for keyword, short, larger_is_tighter in _BOUNDS:
        before, after = _number(old.schema.get(keyword)), _number(new.schema.get(keyword))
        if before == after:
            continue
        if before is None:
            how, tighter = "set", True
        elif after is None:
            how, tighter = "unset", False
        else:
            how = "increased" if after > before else "decreased"
            tighter = (after > before) == larger_is_tighter
        text = f"{keyword} {how}: {before} -> {after}"
        differ.emit_schema("bound-tightened" if tighter else "bound-loosened", at, text, kw=f"{short}-{how}")


def _check_default(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    missing = object()
    before, after = old.schema.get("default", missing), new.schema.get("default", missing)
    if before != after:
        shown = [("none" if value is missing else json.dumps(value)) for value in (before, after)]
        differ.emit_schema("default-changed", at, f"default changed from {shown[0]} to {shown[1]}")


def _check_docs(differ: _Differ, old: _Node, new: _Node, at: _At) -> None:
    differ._docs(old.schema, new.schema, at)  # noqa: SLF001 - shared with parameters


_SCHEMA_CHECKS: tuple[Callable[[_Differ, _Node, _Node, _At], None], ...] = (
    _check_type,
    _check_nullable,
    _check_enum,
    _check_bounds,
    _check_default,
    _check_docs,
)


# -- reading documents -----------------------------------------------------------------


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


def _properties(schema: dict[str, Any], skip: str) -> dict[str, Any]:
    """Properties the side can see: a request never sends readOnly ones, a response never returns writeOnly ones."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return {}
    return {name: raw for name, raw in properties.items() if not (isinstance(raw, dict) and raw.get(skip))}


def _deref(document: dict[str, Any], raw: Any) -> dict[str, Any]:
    seen = 0
    while isinstance(raw, dict) and isinstance(raw.get("$ref"), str) and seen < _MAX_DEPTH:
        raw = resolve(document, raw["$ref"])
        seen += 1
    return raw if isinstance(raw, dict) else {}


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


def _requirements(document: dict[str, Any], op: dict[str, Any]) -> set[frozenset[tuple[str, tuple[str, ...]]]]:
    raw = op["security"] if "security" in op else document.get("security") or []
    return {
        frozenset((name, tuple(sorted(scopes or []))) for name, scopes in requirement.items())
        for requirement in raw
        if isinstance(requirement, dict)
    }


def _req_text(requirement: frozenset[tuple[str, tuple[str, ...]]]) -> str:
    return " + ".join(sorted(name for name, _ in requirement)) or "(none)"


def _parameters(
    document: dict[str, Any], item: dict[str, Any], op: dict[str, Any], op_ptr: str
) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
    """Path-level then operation-level parameters, keyed by (in, name); later ones win."""
    found: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for owner, owner_ptr in ((item, op_ptr.rsplit("/", 1)[0]), (op, op_ptr)):
        for index, raw in enumerate(owner.get("parameters") or []):
            param = _deref(document, raw)
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
