"""Walk both documents operation by operation, and grade every difference our operations can see.

Only the operations in the manifest matter: their path and method, servers, security,
parameters, request body, responses, and every schema those reach through ``$ref``,
``allOf``/``anyOf``/``oneOf``, array items and properties. Other paths can change freely.
Each difference becomes a :class:`~modelcatalog.tooling.upstream.diff.rules.Change`
graded by :mod:`~modelcatalog.tooling.upstream.diff.rules`, from the side (request or
response) it is seen from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.open_enums import discriminator_tags
from modelcatalog.tooling.refs import deref, split_component_ref
from modelcatalog.tooling.slicing import parse_operation
from modelcatalog.tooling.upstream.diff.canonical import canonical_operations, canonical_schema
from modelcatalog.tooling.upstream.diff.readers import (
    MAX_DEPTH,
    VARIANT_KEYWORDS,
    Node,
    Requirement,
    discriminator_property,
    escape,
    find_moved,
    find_path,
    is_composite,
    is_public,
    node_key,
    operation_roots,
    parameter_schema,
    parameter_style,
    parameters_of,
    ptr_of,
    requirements,
    servers_of,
    tag_value,
    unresolved_reference,
    variants,
    view,
    visible_properties,
)
from modelcatalog.tooling.upstream.diff.rules import RULES, SCHEMA_RULES, Change
from modelcatalog.tooling.upstream.diff.schema_checks import doc_findings, schema_findings

if TYPE_CHECKING:
    from collections.abc import Iterable


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

    def child(self, segment: str, old: Node, new: Node, *, closed_enum: bool = False) -> _At:
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
        old_path, old_item = find_path(self.old, path)
        new_path, new_item = find_path(self.new, path)
        old_op = old_item.get(method) if old_item else None
        new_op = new_item.get(method) if new_item else None
        old_ptr = f"#/paths/{escape(old_path or path)}/{method}"
        if not isinstance(old_op, dict):
            if isinstance(new_op, dict):
                self.emit_rule("endpoint-added", "request", name, old_ptr, f"{name}: now published")
                return False
            msg = f"operation {name!r} is in neither the old nor the new document"
            raise SpecError(msg)
        same_place = isinstance(new_op, dict)
        if not same_place:
            moved = find_moved(self.new, method, path, old_op)
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
        new_ptr = f"#/paths/{escape(new_path or path)}/{method}"
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
        self._compare_servers(name, ptr, servers_of(self.old, old_item, old_op), servers_of(self.new, new_item, new_op))
        self._compare_security(name, ptr, old_op, new_op)
        self._compare_parameters(
            name, parameters_of(self.old, old_item, old_op, ptr), parameters_of(self.new, new_item, new_op, new_ptr)
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
        old_reqs = requirements(self.old, old_op)
        new_reqs = requirements(self.new, new_op)
        self._compare_requirements(name, f"{ptr}/security", old_reqs, new_reqs)
        used = {scheme for req in old_reqs & new_reqs for scheme, _ in req}
        old_schemes = (self.old.get("components") or {}).get("securitySchemes") or {}
        new_schemes = (self.new.get("components") or {}).get("securitySchemes") or {}
        for scheme in sorted(used):
            before, after = deref(self.old, old_schemes.get(scheme)), deref(self.new, new_schemes.get(scheme))
            scheme_ptr = f"#/components/securitySchemes/{escape(scheme)}"
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
        self, name: str, location: str, old_reqs: set[Requirement], new_reqs: set[Requirement]
    ) -> None:
        """Ways to authenticate gone or added; ``security: []`` (or ``{}`` among them) means none is needed."""
        public_before, public_after = is_public(old_reqs), is_public(new_reqs)
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
        if parameter_style(before) != parameter_style(after):
            text = f"{name}: {label} serialization changed from {parameter_style(before)} to {parameter_style(after)}"
            self.emit_rule("request-parameter-style-changed", "request", name, new_ptr, text)
        if after.get("deprecated") and not before.get("deprecated"):
            self.emit_rule("request-parameter-deprecated", "request", name, new_ptr, f"{name}: {label} deprecated")
        at = _At(name, "request", label, old_ptr, new_ptr, in_parameter=True)
        for finding in doc_findings(before, after):
            self.emit_schema(finding.what, at, finding.text)
        old_schema, old_schema_ptr = parameter_schema(before, old_ptr)
        new_schema, new_schema_ptr = parameter_schema(after, new_ptr)
        old_node = view(self.old, old_schema, old_schema_ptr)
        new_node = view(self.new, new_schema, new_schema_ptr)
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
            (old_body.get("content") or {}, ptr_of(old_raw, location)),
            (new_body.get("content") or {}, ptr_of(new_raw, f"{new_ptr}/requestBody")),
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
                (before.get("content") or {}, ptr_of(old[status], location)),
                (after.get("content") or {}, ptr_of(new[status], f"{new_ptr}/responses/{status}")),
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
                self.emit_rule(f"{kind}-media-type-removed", side, name, f"{old_ptr}/content/{escape(media)}", text)
        for media in new_content:
            if media not in old_content:
                text = f"{name}: {subject} now offers {media}"
                self.emit_rule(f"{kind}-media-type-added", side, name, f"{new_ptr}/content/{escape(media)}", text)
        for media, before in old_content.items():
            after = new_content.get(media)
            if not isinstance(after, dict) or not isinstance(before, dict):
                continue
            media_old_ptr = f"{old_ptr}/content/{escape(media)}"
            media_new_ptr = f"{new_ptr}/content/{escape(media)}"
            if before.get("example") != after.get("example") or before.get("examples") != after.get("examples"):
                text = f"{name}: {subject} {media} example changed"
                self.emit_rule(f"{kind}-example-changed", side, name, media_new_ptr, text)
            old_node = view(self.old, before.get("schema"), f"{media_old_ptr}/schema")
            new_node = view(self.new, after.get("schema"), f"{media_new_ptr}/schema")
            at = _At(name, side, f"{subject} {media}", old_node.ptr, new_node.ptr)
            self._compare_schema(old_node, new_node, at)

    # -- schemas ------------------------------------------------------------------

    def _compare_schema(self, old: Node, new: Node, at: _At) -> None:
        key = (old.ref, new.ref)
        recursive = key != (None, None) and key in self._stack
        if recursive or len(self._stack) > MAX_DEPTH:
            return
        self._stack.append(key)
        try:
            # A plain schema against a oneOf/anyOf (or back) is compared variant by variant only.
            if is_composite(old.schema) == is_composite(new.schema):
                opened = self.open_response_enums and at.side == "response" and not at.closed_enum
                for finding in schema_findings(old, new, open_enum=opened):
                    self.emit_schema(finding.what, at, finding.text, kw=finding.kw)
                self._compare_properties(old, new, at)
                self._compare_children(old, new, at)
            self._compare_variants(old, new, at)
        finally:
            self._stack.pop()

    def _compare_properties(self, old: Node, new: Node, at: _At) -> None:
        skip = "readOnly" if at.side == "request" else "writeOnly"
        old_props = visible_properties(old.schema, skip)
        new_props = visible_properties(new.schema, skip)
        old_required = set(old.schema.get("required") or [])
        new_required = set(new.schema.get("required") or [])
        tags = self._tags.get(split_component_ref(new.ref)[1], set()) if new.ref else set()
        for prop, raw in old_props.items():
            if prop not in new_props:
                child = view(self.old, raw, f"{old.ptr}/properties/{escape(prop)}")
                what = "required-property-removed" if prop in old_required else "optional-property-removed"
                self.emit_schema(what, at.child(prop, child, child), "removed", removed=True)
        for prop, raw in new_props.items():
            if prop not in old_props:
                child = view(self.new, raw, f"{new.ptr}/properties/{escape(prop)}")
                what = "required-property-added" if prop in new_required else "optional-property-added"
                self.emit_schema(what, at.child(prop, child, child), "added")
        for prop, raw in old_props.items():
            if prop not in new_props:
                continue
            old_child = view(self.old, raw, f"{old.ptr}/properties/{escape(prop)}")
            new_child = view(self.new, new_props[prop], f"{new.ptr}/properties/{escape(prop)}")
            child_at = at.child(prop, old_child, new_child, closed_enum=prop in tags)
            if (prop in old_required) != (prop in new_required):
                became = "required" if prop in new_required else "optional"
                self.emit_schema(f"property-became-{became}", child_at, f"became {became}")
            self._compare_schema(old_child, new_child, child_at)

    def _compare_children(self, old: Node, new: Node, at: _At) -> None:
        for keyword, segment in (("items", "[]"), ("additionalProperties", "*")):
            before, after = old.schema.get(keyword), new.schema.get(keyword)
            if isinstance(before, dict) and isinstance(after, dict):
                old_child = view(self.old, before, f"{old.ptr}/{keyword}")
                new_child = view(self.new, after, f"{new.ptr}/{keyword}")
                self._compare_schema(old_child, new_child, at.child(segment, old_child, new_child))

    def _compare_variants(self, old: Node, new: Node, at: _At) -> None:
        for keyword, short in VARIANT_KEYWORDS:
            before = variants(self.old, old, keyword)
            after = variants(self.new, new, keyword)
            if before is None and after is None:
                continue
            before = before if before is not None else {node_key(old): old}
            after = after if after is not None else {node_key(new): new}
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

    def _pair_variants(self, old: Node, new: Node, before: dict[str, Node], after: dict[str, Node]) -> dict[str, str]:
        """Old variant key -> new variant key for variants renamed but the same: same tag, else same content."""
        gone = [key for key in before if key not in after]
        fresh = [key for key in after if key not in before]
        if not gone or not fresh:
            return {}
        pairs: dict[str, str] = {}
        prop = discriminator_property(old.schema)
        if prop and prop == discriminator_property(new.schema):
            old_tags = {tag_value(self.old, before[key], prop): key for key in gone}
            for key in fresh:
                tag = tag_value(self.new, after[key], prop)
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


def _req_text(requirement: Requirement) -> str:
    return " + ".join(sorted(name for name, _ in requirement)) or "(none)"


def _reqs_text(requirements: set[Requirement]) -> str:
    named = sorted(_req_text(req) for req in requirements if req)
    return " or ".join(named) if named else "none"
