"""``--update``: accept what still works, regenerate, and check drift; restore everything if that fails.

Each changed document whose derivation still succeeds is written byte for byte to
``specs/<p>/upstream.*`` with its sha256 (and the Open WebUI release it came from), every
SDK release read is recorded as the one we last matched, then the clients are
regenerated and the drift check runs. A provider whose overlay no longer applies is
refused, naming the action, and its files are left alone.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from modelcatalog.tooling.codegen import GENERATED_PACKAGE
from modelcatalog.tooling.derive import derive_bytes, sha256_of
from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.manifest import Manifest, ProviderSpec, load_manifest, specs_name
from modelcatalog.tooling.pipeline import drift, regenerate
from modelcatalog.tooling.upstream.check import OPENWEBUI_PREFIX
from modelcatalog.tooling.upstream.statuses import EXIT_UPDATE_FAILED

if TYPE_CHECKING:
    from collections.abc import Sequence

    from modelcatalog.tooling.upstream.check import SourceResult


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
        result.update = f"accepted: {specs_name(provider.upstream, manifest.specs_dir)} sha256 {sha}"
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
