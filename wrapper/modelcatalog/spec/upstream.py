"""``python -m modelcatalog.spec upstream``: notice the day a provider's published document changes.

For each provider, fetch what its manifest ``source`` serves now, cut the document out
of it (``source_extract``), and classify every difference from the vendored
``specs/<p>/upstream.*`` that our operations can see (:mod:`modelcatalog.spec.diff`).
A source that cannot be reached is reported as unreachable, never as a change.

Exit status (also what :func:`run_upstream` returns):

- 0: nothing changed (unreachable sources are listed, and do not count);
- 1: only non-breaking changes;
- 2: at least one breaking change, an overlay action that no longer applies, or a
  source that answers with something that is not an OpenAPI document;
- 3: nothing could be checked: every selected source was unreachable;
- 4: ``--update`` could not regenerate, or the drift check failed afterwards (the
  files it wrote are restored).

``--update`` accepts each changed document whose derivation still works: it writes the
new bytes to ``specs/<p>/upstream.*``, records their sha256 in ``providers.toml``,
regenerates, and runs the drift check. A provider whose overlay no longer applies is
refused with the action named, and its files are left as they were.
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
from typing import TYPE_CHECKING, Any

import httpx

from modelcatalog.spec.codegen import GENERATED_PACKAGE
from modelcatalog.spec.derive import derive_bytes, sha256_of
from modelcatalog.spec.diff import Change, Level, diff_documents, exit_code, overlay_changes
from modelcatalog.spec.documents import extract, load, parse
from modelcatalog.spec.errors import SpecError
from modelcatalog.spec.manifest import Manifest, ProviderSpec, load_manifest
from modelcatalog.spec.report import render

if TYPE_CHECKING:
    from collections.abc import Sequence

OPENWEBUI_URL_ENV = "MODELCATALOG_OPENWEBUI_URL"
OPENWEBUI_PREFIX = "open-webui=="
DEFAULT_TIMEOUT = 20.0
EXIT_ALL_UNREACHABLE = 3
EXIT_UPDATE_FAILED = 4


@dataclass
class ProviderResult:
    """What one provider's source said, and what it means for our clients."""

    name: str
    title: str
    source: str
    status: str = "unchanged"  # unchanged | changed | unreachable
    detail: str = ""
    changes: list[Change] = field(default_factory=list)
    old_sha256: str = ""
    new_sha256: str = ""
    new_bytes: bytes | None = None
    update: str = ""  # what --update did with it, in words

    def as_dict(self) -> dict[str, Any]:
        """The JSON report's form (without the document itself)."""
        return {
            "provider": self.name,
            "title": self.title,
            "source": self.source,
            "status": self.status,
            "detail": self.detail,
            "old_sha256": self.old_sha256,
            "new_sha256": self.new_sha256,
            "update": self.update,
            "changes": [change.as_dict() for change in self.changes],
        }


class Unreachable(Exception):  # noqa: N818 - a state, not a failure of ours
    """The source could not be read (network, HTTP status, missing file, no server URL)."""


def fetch(provider: ProviderSpec, source: str, *, openwebui_url: str | None, timeout: float) -> tuple[str, bytes]:
    """Read ``source`` and return where it was read from and the raw bytes it served.

    ``source`` is the manifest's ``source`` or a ``--source`` override: an http(s) URL,
    ``open-webui==X`` (the ``/openapi.json`` a running server serves), or a file path,
    relative to ``specs/`` when it comes from the manifest.
    """
    if source.startswith(OPENWEBUI_PREFIX):
        if not openwebui_url:
            msg = (
                f"{source} is served by a running Open WebUI server; pass --openwebui-url URL "
                f"or set {OPENWEBUI_URL_ENV} (the report compares <URL>/openapi.json)"
            )
            raise Unreachable(msg)
        source = openwebui_url.rstrip("/") + "/openapi.json"
    if source.startswith(("http://", "https://")):
        try:
            response = httpx.get(source, timeout=timeout, follow_redirects=True)
        except httpx.HTTPError as exc:
            msg = f"{source}: {type(exc).__name__}: {exc}"
            raise Unreachable(msg) from exc
        if response.status_code >= httpx.codes.BAD_REQUEST:
            msg = f"{source}: HTTP {response.status_code}"
            raise Unreachable(msg)
        return source, response.content
    path = Path(source)
    if not path.is_absolute():
        path = provider.specs_dir / path
    try:
        return str(path), path.read_bytes()
    except OSError as exc:
        msg = f"{path}: {exc.strerror or exc}"
        raise Unreachable(msg) from exc


def check_provider(
    provider: ProviderSpec,
    *,
    source: str | None = None,
    openwebui_url: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> ProviderResult:
    """Fetch one provider's published document and classify its differences from ours."""
    old_raw = provider.upstream.read_bytes()
    result = ProviderResult(provider.name, provider.title, source or provider.source, old_sha256=sha256_of(old_raw))
    try:
        result.source, served = fetch(provider, result.source, openwebui_url=openwebui_url, timeout=timeout)
    except Unreachable as exc:
        result.status = "unreachable"
        result.detail = str(exc)
        if provider.mirror is not None and source is None:
            local = provider.mirror.resolve()
            result.detail += f" (a local copy: pass --source {provider.name}={local} to compare with it)"
        return result
    try:
        new_raw = extract(served, provider.source_extract)
        result.new_sha256 = sha256_of(new_raw)
        if new_raw == old_raw:
            return result
        new = parse(new_raw, result.source)
        if not isinstance(new, dict) or "paths" not in new:
            msg = f"{result.source}: not an OpenAPI document (no 'paths')"
            raise SpecError(msg)  # noqa: TRY301 - reported like every other unreadable source
    except SpecError as exc:
        result.status = "changed"
        text = f"the source no longer serves a readable OpenAPI document: {exc}"
        result.changes.append(Change("api-document-unreadable", Level.ERR, "document", "", result.source, text))
        return result
    result.new_bytes = new_raw
    old = load(provider.upstream)
    result.changes = diff_documents(old, new, provider.operations)
    result.changes += overlay_changes(new, load(provider.overlay), _rel(provider.overlay, provider.specs_dir))
    result.status = "changed" if result.changes else "unchanged"
    return result


def check_all(
    manifest: Manifest,
    names: Sequence[str] = (),
    *,
    sources: dict[str, str] | None = None,
    openwebui_url: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[ProviderResult]:
    """:func:`check_provider` for the named providers (all when ``names`` is empty)."""
    sources = sources or {}
    for name in [*names, *sources]:
        manifest.provider(name)  # the error lists the known names
    selected = [manifest.provider(name) for name in names] if names else list(manifest.providers)
    return [
        check_provider(p, source=sources.get(p.name), openwebui_url=openwebui_url, timeout=timeout) for p in selected
    ]


def overall_exit_code(results: Sequence[ProviderResult]) -> int:
    """See the module docstring; unreachable sources never raise the status by themselves."""
    if results and all(result.status == "unreachable" for result in results):
        return EXIT_ALL_UNREACHABLE
    return exit_code(change for result in results for change in result.changes)


def update(repo: Path, results: Sequence[ProviderResult]) -> int:
    """Accept every changed document that still derives; regenerate; run the drift check.

    Returns 0, or :data:`EXIT_UPDATE_FAILED` after restoring what it wrote.
    """
    manifest = load_manifest(repo / "specs")
    accepted = _acceptable(manifest, results)
    if not accepted:
        return 0
    toml = manifest.specs_dir / "providers.toml"
    written = [toml, *(p.upstream for p, _ in accepted), *(p.derived for p in manifest.providers)]
    backup = {path: path.read_bytes() for path in written if path.exists()}
    generated = repo / "generated" / GENERATED_PACKAGE
    with tempfile.TemporaryDirectory(prefix="mc-upstream-") as scratch:
        saved = Path(scratch) / "generated"
        if generated.exists():
            shutil.copytree(generated, saved)
        problem = _write_and_regenerate(repo, toml, accepted)
        if problem is None:
            return 0
        for path, content in backup.items():
            path.write_bytes(content)
        if saved.exists():
            shutil.rmtree(generated, ignore_errors=True)
            shutil.copytree(saved, generated)
    for result in results:
        if result.update.startswith("accepted"):
            result.update = f"not accepted (update failed, files restored): {problem}"
    return EXIT_UPDATE_FAILED


def _acceptable(manifest: Manifest, results: Sequence[ProviderResult]) -> list[tuple[ProviderSpec, bytes]]:
    """The changed documents our overlay and slicing still turn into a valid derived document."""
    accepted = []
    for result in results:
        if result.status != "changed" or result.new_bytes is None:
            continue
        provider = manifest.provider(result.name)
        try:
            derive_bytes(provider, result.new_bytes)
        except SpecError as exc:
            result.update = f"not accepted, specs/ left unchanged: {exc}"
            continue
        accepted.append((provider, result.new_bytes))
        result.update = f"accepted: {_rel(provider.upstream, manifest.specs_dir)} sha256 {sha256_of(result.new_bytes)}"
    return accepted


def _write_and_regenerate(repo: Path, toml: Path, accepted: list[tuple[ProviderSpec, bytes]]) -> str | None:
    """Write the accepted documents and checksums, regenerate, check drift; the problem, if any."""
    from modelcatalog.spec.pipeline import drift, regenerate  # noqa: PLC0415 - pipeline imports this module

    try:
        text = toml.read_text(encoding="utf-8")
        for provider, raw in accepted:
            provider.upstream.write_bytes(raw)
            text = set_upstream_sha256(text, provider.name, sha256_of(raw))
        toml.write_text(text, encoding="utf-8")
        regenerate(repo)
        report = drift(repo)
    except (SpecError, OSError) as exc:
        return str(exc)
    if not report.clean:
        return "drift after regenerating:\n" + "\n".join(report.problems)
    return None


def set_upstream_sha256(text: str, provider: str, sha256: str) -> str:
    """Rewrite the one ``upstream_sha256`` line of ``[providers.<provider>]``, keeping everything else."""
    header = re.compile(rf"^\[providers\.{re.escape(provider)}\][ \t]*(#.*)?$", re.MULTILINE)
    start = header.search(text)
    if start is None:
        msg = f"providers.toml: no [providers.{provider}] table"
        raise SpecError(msg)
    following = re.compile(r"^\[", re.MULTILINE).search(text, start.end())
    end = following.start() if following else len(text)
    line = re.compile(r'^(upstream_sha256[ \t]*=[ \t]*")[0-9a-fA-F]*(")', re.MULTILINE)
    section, count = line.subn(rf"\g<1>{sha256}\g<2>", text[start.end() : end], count=1)
    if count != 1:
        msg = f"providers.toml: [providers.{provider}] has no upstream_sha256 line"
        raise SpecError(msg)
    return text[: start.end()] + section + text[end:]


def run_upstream(argv: Sequence[str] | None = None) -> int:
    """``python -m modelcatalog.spec upstream [options]``; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m modelcatalog.spec upstream",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="checkout root (default: current directory)")
    parser.add_argument("--provider", action="append", default=[], help="only this provider (repeatable)")
    parser.add_argument("--format", choices=["markdown", "json", "github"], default="markdown")
    parser.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="PROVIDER=URL_OR_PATH",
        help="read PROVIDER's published document from here instead of the manifest's source (repeatable)",
    )
    parser.add_argument(
        "--openwebui-url",
        default=os.environ.get(OPENWEBUI_URL_ENV) or None,
        help=f"a running Open WebUI server, for 'open-webui==X' sources (default: ${OPENWEBUI_URL_ENV})",
    )
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds a request may take")
    parser.add_argument("--markdown", type=Path, help="also write the markdown report to this file")
    parser.add_argument("--update", action="store_true", help="accept the new documents, regenerate, check drift")
    args = parser.parse_args(argv)

    sources = {}
    for item in args.source:
        name, sep, where = item.partition("=")
        if not sep or not name or not where:
            parser.error(f"--source {item!r}: expected PROVIDER=URL_OR_PATH")
        sources[name] = (
            where if where.startswith(("http://", "https://", OPENWEBUI_PREFIX)) else str(Path(where).resolve())
        )
    repo = args.repo.resolve()
    try:
        manifest = load_manifest(repo / "specs")
        results = check_all(
            manifest, args.provider, sources=sources, openwebui_url=args.openwebui_url, timeout=args.timeout
        )
        status = overall_exit_code(results)
        if args.update:
            status = max(status, update(repo, results)) if status != EXIT_ALL_UNREACHABLE else status
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    if args.markdown is not None:
        args.markdown.write_text(render(results, status, "markdown"), encoding="utf-8")
    sys.stdout.write(render(results, status, args.format))
    return status


def _rel(path: Path, specs_dir: Path) -> str:
    try:
        return f"specs/{path.relative_to(specs_dir).as_posix()}"
    except ValueError:
        return str(path)
