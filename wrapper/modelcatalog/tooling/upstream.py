"""``modelcatalog spec diff``: notice the day a provider's API changes.

Every provider is checked against each source the manifest gives it:

- ``document``: the OpenAPI document it publishes (``source``): a URL, a file, or
  ``open-webui==X``, the FastAPI application of the newest ``open-webui`` release, run in
  an environment where that release is installed (no server is started; a running
  server's ``/openapi.json`` is the fallback);
- ``sdk``: its official SDK (``[providers.<p>.sdk]``), the newest release on the package
  index, read from its wheel and compared with our document through what an SDK can say.
  Differences that the release we last matched (``version``) already had are listed as
  known and do not count.

Each difference our operations can see is graded by :mod:`modelcatalog.tooling.diff`. A
source that cannot be reached is reported as unreachable, never as a change; one that
cannot be read or resolved is reported as invalid; either way the other providers are
still checked and reported.

``--update`` accepts what still works: each changed document whose derivation still
succeeds is written byte for byte to ``specs/<p>/upstream.*`` with its sha256 (and the
Open WebUI release it came from), every SDK release read is recorded as the one we last
matched, then the clients are regenerated and the drift check runs. A provider whose
overlay no longer applies is refused, naming the action, and its files are left alone.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from modelcatalog.tooling.codegen import GENERATED_PACKAGE
from modelcatalog.tooling.derive import derive_bytes, sha256_of
from modelcatalog.tooling.diff import RULES, Change, InvalidDocumentError, Level, diff_documents, overlay_changes
from modelcatalog.tooling.documents import extract, load, parse
from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.manifest import Manifest, ProviderSpec, SdkSource, load_manifest
from modelcatalog.tooling.report import render
from modelcatalog.tooling.sdk import SdkReadError, project, sdk_document
from modelcatalog.tooling.slicing import parse_operation
from modelcatalog.tooling.sources import (
    DEFAULT_INDEX,
    INDEX_ENV,
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

PROG = "modelcatalog spec diff"
OPENWEBUI_URL_ENV = "MODELCATALOG_OPENWEBUI_URL"
OPENWEBUI_ENV_ENV = "MODELCATALOG_OPENWEBUI_VENV"
OPENWEBUI_PREFIX = "open-webui=="
DEFAULT_TIMEOUT = 20.0

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


# -- checking --------------------------------------------------------------------------


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
    overridden = provider.name in options.documents
    source = result.source
    try:
        if source.startswith(OPENWEBUI_PREFIX):
            result.recorded = source.removeprefix(OPENWEBUI_PREFIX)
            result.source, served, result.version = _openwebui(result, options)
        else:
            result.source, served = fetch_document(source, base=provider.specs_dir, timeout=options.timeout)
            if source.startswith(("http://", "https://")):
                result.source = describe_url(result.source)
    except Unreachable as exc:
        mirror = provider.mirror
        if mirror is not None and not overridden and mirror.is_file():
            hint = f" (a local copy: pass --source {provider.name}={mirror.resolve()} to compare with it)"
            raise Unreachable(f"{exc}{hint}") from exc
        raise
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
    changes += overlay_changes(new, load(provider.overlay), _rel(provider.overlay, provider.specs_dir))
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


# -- accepting (--update) ------------------------------------------------------------------


def update(repo: Path, results: Sequence[SourceResult]) -> int:
    """Accept every changed document that still derives, record every SDK release read; regenerate; check drift.

    Returns 0, or :data:`EXIT_UPDATE_FAILED` after restoring what it wrote.
    """
    manifest = load_manifest(repo / "specs")
    accepted = _acceptable(manifest, results)
    releases = _sdk_releases(results)
    if not accepted and not releases:
        return 0
    toml = manifest.specs_dir / "providers.toml"
    written = [toml, *(p.upstream for p, _, _ in accepted), *(p.derived for p in manifest.providers)]
    backup = {path: path.read_bytes() for path in written if path.exists()}
    generated = repo / "generated" / GENERATED_PACKAGE
    with tempfile.TemporaryDirectory(prefix="mc-upstream-") as scratch:
        saved = Path(scratch) / "generated"
        if accepted and generated.exists():
            shutil.copytree(generated, saved)
        problem = _write_and_regenerate(repo, toml, accepted, releases)
        if problem is None:
            return 0
        for path, content in backup.items():
            path.write_bytes(content)
        if saved.exists():
            shutil.rmtree(generated, ignore_errors=True)
            shutil.copytree(saved, generated)
    for result in results:
        if result.update.startswith(("accepted", "recorded")):
            result.update = f"not accepted (update failed, files restored): {problem}"
    return EXIT_UPDATE_FAILED


def _acceptable(manifest: Manifest, results: Sequence[SourceResult]) -> list[tuple[ProviderSpec, bytes, str]]:
    """The changed documents our overlay and slicing still turn into a valid derived document."""
    accepted = []
    for result in results:
        if result.kind != "document" or result.status != "changed" or result.new_bytes is None:
            continue
        provider = manifest.provider(result.provider)
        try:
            derive_bytes(provider, result.new_bytes)
        except SpecError as exc:
            result.update = f"not accepted, specs/ left unchanged: {exc}"
            continue
        accepted.append((provider, result.new_bytes, result.version))
        sha = sha256_of(result.new_bytes)
        result.update = f"accepted: {_rel(provider.upstream, manifest.specs_dir)} sha256 {sha}"
        if result.version:
            result.update += f", source {OPENWEBUI_PREFIX}{result.version}"
    return accepted


def _sdk_releases(results: Sequence[SourceResult]) -> list[tuple[str, str]]:
    """(provider, release) for every SDK release read that the manifest does not record yet."""
    releases = []
    for result in results:
        if result.kind == "sdk" and result.checked and result.version and result.version != result.recorded:
            releases.append((result.provider, result.version))
            result.update = f"recorded {result.version} as the SDK release we last matched (was {result.recorded})"
    return releases


def _write_and_regenerate(
    repo: Path, toml: Path, accepted: list[tuple[ProviderSpec, bytes, str]], releases: list[tuple[str, str]]
) -> str | None:
    """Write the accepted documents, checksums and releases; regenerate and check drift; the problem, if any."""
    from modelcatalog.tooling.pipeline import drift, regenerate  # noqa: PLC0415 - pipeline imports this module

    try:
        for provider, raw, _ in accepted:
            provider.upstream.write_bytes(raw)
        toml.write_text(accepted_manifest(toml.read_text(encoding="utf-8"), accepted, releases), encoding="utf-8")
        if not accepted:
            return None
        regenerate(repo)
        report = drift(repo)
    except (SpecError, OSError) as exc:
        return str(exc)
    if not report.clean:
        return "drift after regenerating:\n" + "\n".join(report.problems)
    return None


def accepted_manifest(
    text: str, accepted: list[tuple[ProviderSpec, bytes, str]], releases: list[tuple[str, str]]
) -> str:
    """providers.toml recording the accepted documents' checksums (and Open WebUI release) and the SDK releases."""
    for provider, raw, version in accepted:
        text = set_manifest_value(text, f"providers.{provider.name}", "upstream_sha256", sha256_of(raw))
        if version and (provider.source or "").startswith(OPENWEBUI_PREFIX):
            text = set_manifest_value(text, f"providers.{provider.name}", "source", OPENWEBUI_PREFIX + version)
    for name, version in releases:
        text = set_manifest_value(text, f"providers.{name}.sdk", "version", version)
    return text


def set_manifest_value(text: str, table: str, key: str, value: str) -> str:
    """Rewrite the one ``key = "..."`` line of ``[table]`` in providers.toml, keeping everything else."""
    header = re.compile(rf"^\[{re.escape(table)}\][ \t]*(#.*)?$", re.MULTILINE)
    start = header.search(text)
    if start is None:
        msg = f"providers.toml: no [{table}] table"
        raise SpecError(msg)
    following = re.compile(r"^\[", re.MULTILINE).search(text, start.end())
    end = following.start() if following else len(text)
    line = re.compile(rf'^({re.escape(key)}[ \t]*=[ \t]*")[^"\n]*(")', re.MULTILINE)
    section, count = line.subn(lambda match: f"{match.group(1)}{value}{match.group(2)}", text[start.end() : end], 1)
    if count != 1:
        msg = f'providers.toml: [{table}] has no {key} = "..." line'
        raise SpecError(msg)
    return text[: start.end()] + section + text[end:]


def set_upstream_sha256(text: str, provider: str, sha256: str) -> str:
    """Rewrite the one ``upstream_sha256`` line of ``[providers.<provider>]``, keeping everything else."""
    return set_manifest_value(text, f"providers.{provider}", "upstream_sha256", sha256)


# -- the command ---------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a usage error, which here means "a breaking change"."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> _Parser:
    statuses = "\n".join(f"  {code}  {meaning}" for code, meaning in EXIT_STATUSES.items())
    parser = _Parser(
        prog=PROG,
        description=__doc__,
        epilog=f"exit status:\n{statuses}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--repo", type=Path, help="the modelcatalog checkout (default: the one holding the current directory)"
    )
    parser.add_argument("--provider", action="append", default=[], help="only this provider (repeatable)")
    parser.add_argument("--format", choices=["markdown", "json", "github"], default="markdown")
    parser.add_argument("--markdown", type=Path, help="also write the markdown report to this file")
    parser.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="PROVIDER=URL_OR_PATH",
        help="read PROVIDER's published document from here instead of the manifest's source (repeatable)",
    )
    parser.add_argument(
        "--sdk",
        action="append",
        default=[],
        metavar="PROVIDER=WHEEL",
        help="read this wheel instead of the newest release of PROVIDER's SDK (repeatable)",
    )
    parser.add_argument(
        "--index",
        default=os.environ.get(INDEX_ENV) or DEFAULT_INDEX,
        metavar="URL_OR_DIR",
        help=f"package index for SDK and Open WebUI releases: a simple-API URL or a directory of wheels "
        f"(default: ${INDEX_ENV}, else {DEFAULT_INDEX})",
    )
    parser.add_argument(
        "--openwebui-env",
        type=Path,
        metavar="DIR",
        help=f"a virtual environment with the newest open-webui installed (default: ${OPENWEBUI_ENV_ENV}, "
        "else the test suite's .cache/openwebui-*/venv)",
    )
    parser.add_argument(
        "--openwebui-url",
        default=os.environ.get(OPENWEBUI_URL_ENV) or None,
        metavar="URL",
        help=f"a running Open WebUI server, used when no environment has the newest release "
        f"(default: ${OPENWEBUI_URL_ENV})",
    )
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds a request may take")
    parser.add_argument("--update", action="store_true", help="accept the new documents and releases, regenerate")
    return parser


def find_checkout(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` that holds ``specs/providers.toml``."""
    for candidate in (start, *start.parents):
        if (candidate / "specs" / "providers.toml").is_file():
            return candidate
    return None


def run_upstream(argv: Sequence[str] | None = None) -> int:
    """``modelcatalog spec diff [options]``; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    documents = _pairs(parser, args.source, "--source", "URL_OR_PATH")
    documents = {
        name: where if where.startswith(("http://", "https://", OPENWEBUI_PREFIX)) else str(Path(where).resolve())
        for name, where in documents.items()
    }
    wheels = {name: Path(where).resolve() for name, where in _pairs(parser, args.sdk, "--sdk", "WHEEL").items()}
    repo = args.repo.resolve() if args.repo is not None else find_checkout(Path.cwd())
    if repo is None or not (repo / "specs" / "providers.toml").is_file():
        where = repo or Path.cwd()
        print(  # noqa: T201
            f"{PROG}: error: no modelcatalog checkout: no specs/providers.toml in {where}"
            f"{'' if args.repo else ' or above'} (run it in a checkout, or pass --repo DIR)",
            file=sys.stderr,
        )
        return EXIT_NO_CHECKOUT
    try:
        manifest = load_manifest(repo / "specs")
    except SpecError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)  # noqa: T201
        return EXIT_NO_CHECKOUT
    index = PackageIndex(args.index, timeout=args.timeout, cache=repo / ".cache" / "upstream" / "wheels")
    options = Options(
        repo=repo,
        index=index,
        documents=documents,
        wheels=wheels,
        openwebui_env=args.openwebui_env,
        openwebui_url=args.openwebui_url,
        timeout=args.timeout,
    )
    try:
        results = check_all(manifest, args.provider, options)
    except SpecError as exc:  # an unknown provider: the message lists the known ones
        parser.error(str(exc))
    status = overall_exit_code(results)
    if args.update and status != EXIT_NOTHING_CHECKED:
        updated = update(repo, results)
        status = updated or status
    sys.stdout.write(render(results, status, args.format))
    if args.markdown is not None:
        try:
            args.markdown.write_text(render(results, status, "markdown"), encoding="utf-8")
        except OSError as exc:
            print(f"{PROG}: error: --markdown {args.markdown}: {exc.strerror or exc}", file=sys.stderr)  # noqa: T201
            return EXIT_USAGE
    return status


def _pairs(parser: _Parser, items: list[str], option: str, what: str) -> dict[str, str]:
    pairs = {}
    for item in items:
        name, sep, where = item.partition("=")
        if not sep or not name or not where:
            parser.error(f"{option} {item!r}: expected PROVIDER={what}")
        pairs[name] = where
    return pairs


def _rel(path: Path, specs_dir: Path) -> str:
    try:
        return f"specs/{path.relative_to(specs_dir).as_posix()}"
    except ValueError:
        return str(path)
