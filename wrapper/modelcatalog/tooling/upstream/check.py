"""Check each source of each provider: read it, compare it with our document, and give it a status.

A provider has up to two sources (the command's help describes them): the document it
publishes, and its official SDK's newest release. Each gives one :class:`SourceResult`,
graded by :mod:`modelcatalog.tooling.upstream.diff`. A source that cannot be reached is
``unreachable``, never a change; one that cannot be read or resolved is ``invalid``;
either way the other sources and providers are still checked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from modelcatalog.tooling.derive import sha256_of
from modelcatalog.tooling.documents import extract, load, parse
from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.manifest import Manifest, ProviderSpec, SdkSource, specs_name
from modelcatalog.tooling.slicing import parse_operation
from modelcatalog.tooling.upstream.diff.overlays import overlay_changes
from modelcatalog.tooling.upstream.diff.rules import RULES, Change
from modelcatalog.tooling.upstream.diff.walker import InvalidDocumentError, diff_documents
from modelcatalog.tooling.upstream.sdk import SdkReadError, project, sdk_document
from modelcatalog.tooling.upstream.sources import (
    PackageIndex,
    Unreachable,
    Wheel,
    default_environments,
    describe_url,
    fetch_document,
    installed_version,
    openwebui_document,
    wheel_version,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

OPENWEBUI_URL_ENV = "MODELCATALOG_OPENWEBUI_URL"
OPENWEBUI_ENV_ENV = "MODELCATALOG_OPENWEBUI_VENV"
OPENWEBUI_PREFIX = "open-webui=="
DEFAULT_TIMEOUT = 20.0
CHECKED = ("unchanged", "changed")


@dataclass
class SourceResult:
    """What one source of one provider said, and what it means for our clients."""

    provider: str
    title: str
    kind: str  # document | sdk
    source: str  # where it was read, in words (never with credentials)
    status: str = "unchanged"  # unchanged | changed | unreachable | invalid
    detail: str = ""
    changes: list[Change] = field(default_factory=list)
    known: list[Change] = field(default_factory=list)  # already there in the SDK release we last matched
    notes: list[str] = field(default_factory=list)
    version: str = ""  # the release read (an SDK or Open WebUI)
    recorded: str = ""  # the release the manifest records
    old_sha256: str = ""
    new_sha256: str = ""
    new_bytes: bytes | None = None
    update: str = ""  # what --update did with it, in words

    @property
    def checked(self) -> bool:
        """Whether the source was read and compared."""
        return self.status in CHECKED

    def as_dict(self) -> dict[str, Any]:
        """The JSON report's form (without the document itself)."""
        return {
            "provider": self.provider,
            "title": self.title,
            "kind": self.kind,
            "source": self.source,
            "status": self.status,
            "detail": self.detail,
            "notes": self.notes,
            "version": self.version,
            "recorded": self.recorded,
            "old_sha256": self.old_sha256,
            "new_sha256": self.new_sha256,
            "update": self.update,
            "changes": [change.as_dict() for change in self.changes],
            "known": [change.as_dict() for change in self.known],
        }


@dataclass
class Options:
    """Where the sources are read from, beyond what the manifest says."""

    repo: Path
    index: PackageIndex
    documents: dict[str, str] = field(default_factory=dict)  # --source PROVIDER=URL_OR_PATH
    wheels: dict[str, Path] = field(default_factory=dict)  # --sdk PROVIDER=WHEEL
    openwebui_env: Path | None = None
    openwebui_url: str | None = None
    timeout: float = DEFAULT_TIMEOUT


def check_all(manifest: Manifest, names: Sequence[str], options: Options) -> list[SourceResult]:
    """Every source of the named providers (all when ``names`` is empty), one result each."""
    for name in [*names, *options.documents, *options.wheels]:
        manifest.provider(name)  # the error lists the known names
    selected = [manifest.provider(name) for name in dict.fromkeys(names)] if names else list(manifest.providers)
    results = []
    for provider in selected:
        results += check_provider(provider, options)
    return results


def check_provider(provider: ProviderSpec, options: Options) -> list[SourceResult]:
    """The results of every source of ``provider``; a failure of one never hides the others."""
    results = []
    document = options.documents.get(provider.name) or provider.source
    if document is not None:
        results.append(_guarded(provider, "document", document, lambda r: _check_document(provider, r, options)))
    if provider.sdk is not None:
        sdk = provider.sdk
        where = f"{sdk.package} (newest release)"
        results.append(_guarded(provider, "sdk", where, lambda r: _check_sdk(provider, sdk, r, options)))
    if document is None and provider.sdk is None:
        result = SourceResult(provider.name, provider.title, "document", "none", status="unreachable")
        result.detail = "no published document and no SDK to compare with: nothing to check"
        results.append(result)
    if provider.source is None and results:
        note = provider.source_note or "the provider publishes no OpenAPI document"
        results[0].notes.append(f"No published document: {note}")
    return results


def _guarded(provider: ProviderSpec, kind: str, source: str, check: Any) -> SourceResult:
    result = SourceResult(provider.name, provider.title, kind, source)
    try:
        check(result)
    except Unreachable as exc:
        result.status, result.detail = "unreachable", str(exc)
        result.changes, result.known = [], []
    except InvalidDocumentError as exc:
        result.status, result.detail = "invalid", f"invalid document: {exc}"
        result.changes, result.known = [], []
    except SdkReadError as exc:
        result.status, result.detail = "invalid", f"unreadable SDK release: {exc}"
        result.changes, result.known = [], []
    except SpecError as exc:
        result.status, result.detail = "invalid", str(exc)
        result.changes, result.known = [], []
    except Exception as exc:  # noqa: BLE001 - one provider's failure must not cost the others their report
        result.status = "invalid"
        result.detail = f"the check failed: {type(exc).__name__}: {exc} (a bug in modelcatalog; please report it)"
        result.changes, result.known = [], []
    return result


def _check_document(provider: ProviderSpec, result: SourceResult, options: Options) -> None:
    old_raw = provider.upstream.read_bytes()
    result.old_sha256 = sha256_of(old_raw)
    source = result.source
    if source.startswith(OPENWEBUI_PREFIX):
        result.recorded = source.removeprefix(OPENWEBUI_PREFIX)
        result.source, served, result.version = _openwebui(result, options)
    else:
        result.source, served = fetch_document(source, base=provider.specs_dir, timeout=options.timeout)
        if source.startswith(("http://", "https://")):
            result.source = describe_url(result.source)
    try:
        new_raw = extract(served, provider.source_extract)
    except SpecError as exc:
        msg = f"the source no longer serves a readable document: {exc}"
        raise SpecError(msg) from exc
    result.new_sha256 = sha256_of(new_raw)
    if new_raw == old_raw:
        return
    new = parse(new_raw, result.source)
    if not isinstance(new, dict) or not isinstance(new.get("paths"), dict):
        msg = f"{result.source}: not an OpenAPI document (no 'paths')"
        raise SpecError(msg)
    old = load(provider.upstream)
    changes = diff_documents(old, new, provider.operations, open_response_enums=provider.open_response_enums)
    if not changes:
        rule = RULES["api-document-changed-elsewhere"]
        text = "the published bytes changed (formatting or key order), not what they say"
        changes = [Change(rule.id, rule.level, rule.side, "", "/", text)]
    changes += overlay_changes(new, load(provider.overlay), specs_name(provider.overlay, provider.specs_dir))
    result.new_bytes = new_raw
    result.changes = changes
    result.status = "changed"


def _openwebui(result: SourceResult, options: Options) -> tuple[str, bytes, str]:
    """Where, what and which release: the newest open-webui's app if installed, else a server's document."""
    try:
        newest: str | None = options.index.newest("open-webui", wheel=False)
    except Unreachable as exc:
        newest = None
        result.notes.append(f"Could not ask the package index for the newest open-webui release: {exc}")
    candidates = [options.openwebui_env] if options.openwebui_env else []
    if not candidates and os.environ.get(OPENWEBUI_ENV_ENV):
        candidates = [Path(os.environ[OPENWEBUI_ENV_ENV])]
    candidates = candidates or list(default_environments(options.repo))
    installed = {env: installed_version(env, "open-webui") for env in candidates}
    usable = [env for env, version in installed.items() if version and (newest is None or version == newest)]
    if usable:
        env = usable[0]
        version = installed[env] or ""
        return f"open-webui {version}: its FastAPI app in {env}", openwebui_document(env), version
    found = ", ".join(f"{v} in {e}" for e, v in installed.items() if v) or "none"
    why = (
        f"open-webui {newest or '(newest unknown)'} is not installed in any environment "
        f"(looked in: {', '.join(map(str, candidates)) or 'nowhere'}; found: {found})"
    )
    if options.openwebui_url:
        url = options.openwebui_url.rstrip("/") + "/openapi.json"
        result.notes.append(f"Used a running server instead of the app: {why}")
        where, served = fetch_document(url, base=options.repo, timeout=options.timeout)
        return describe_url(where), served, ""
    msg = (
        f"{why}; install it into a virtual environment and pass --openwebui-env DIR "
        f"(or set {OPENWEBUI_ENV_ENV}), or pass --openwebui-url URL of a running server"
    )
    raise Unreachable(msg)


def _check_sdk(provider: ProviderSpec, sdk: SdkSource, result: SourceResult, options: Options) -> None:
    result.recorded = sdk.version
    ours = project(load(provider.upstream), sdk.operation)
    method, path = parse_operation(sdk.operation)
    our_op = ours["paths"][path][method]
    status = next(iter(our_op["responses"]), "200")
    wheel_file = options.wheels.get(provider.name)
    if wheel_file is not None:
        data = wheel_file.read_bytes()
        result.version = wheel_version(wheel_file.name) or wheel_file.name
        result.source = f"{sdk.package} {result.version} from {wheel_file}"
    else:
        result.version = options.index.newest(sdk.package, wheel=True)
        data = options.index.wheel(sdk.package, result.version)
        result.source = f"{sdk.package} {result.version} from {options.index.shown}"
    changes = _sdk_changes(provider, sdk, ours, Wheel(data, f"{sdk.package} {result.version}"), status)
    if result.version == sdk.version:
        result.known = changes
    else:
        try:
            recorded = options.index.wheel(sdk.package, sdk.version)
            before = _sdk_changes(provider, sdk, ours, Wheel(recorded, f"{sdk.package} {sdk.version}"), status)
        except (Unreachable, SdkReadError) as exc:
            before = []
            result.notes.append(f"Could not read {sdk.package} {sdk.version}, the release we last matched: {exc}")
        seen = {_identity(change) for change in before}
        result.known = [change for change in changes if _identity(change) in seen]
        result.changes = [change for change in changes if _identity(change) not in seen]
    result.status = "changed" if result.changes else "unchanged"


def _sdk_changes(
    provider: ProviderSpec, sdk: SdkSource, ours: dict[str, Any], wheel: Wheel, status: str
) -> list[Change]:
    """Our document against one SDK release, both seen through what an SDK can say."""
    method, path = parse_operation(sdk.operation)
    operation_id = ours["paths"][path][method].get("operationId")
    theirs = sdk_document(wheel, sdk, status=status, operation_id=operation_id)
    ((their_path, item),) = theirs["paths"].items()
    (their_method,) = item
    seen = project(theirs, f"{their_method.upper()} {their_path}")
    changes = diff_documents(ours, seen, [sdk.operation], open_response_enums=provider.open_response_enums)
    # two documents written by different hands always differ in spelling: only meaning counts here
    return [change for change in changes if change.id != "api-document-changed-elsewhere"]


def _identity(change: Change) -> tuple[str, ...]:
    return (change.id, change.operation, change.location, change.text)
