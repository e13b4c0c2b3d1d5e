"""Regenerate the clients from ``specs/`` (``nox -s generate``), and check that they match it (``nox -s drift``).

``generate``: check the published documents against their recorded checksums, derive
each provider's document (published + overlay, sliced), and regenerate
``generated/modelcatalog_generated`` from them.

``drift``: do all of that into a temporary directory and fail, naming the files with a
short diff, when anything committed differs from what ``specs/`` produces.
"""

from __future__ import annotations

import difflib
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from modelcatalog.tooling.codegen import GENERATED_PACKAGE, generate_all
from modelcatalog.tooling.derive import derive_bytes, sha256_of
from modelcatalog.tooling.errors import SpecError
from modelcatalog.tooling.manifest import Manifest, load_manifest, specs_name

DIFF_LINES_PER_FILE = 12
IGNORED_PARTS = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"})


@dataclass
class DriftReport:
    """What differs between the committed tree and what ``specs/`` produces."""

    problems: list[str] = field(default_factory=list)

    def add(self, problem: str) -> None:
        """Record one difference (already formatted for a person)."""
        self.problems.append(problem)

    @property
    def clean(self) -> bool:
        """True when nothing differs."""
        return not self.problems


def check_checksums(manifest: Manifest, report: DriftReport) -> None:
    """A published document must be byte for byte what we recorded when vendoring it."""
    for provider in manifest.providers:
        actual = sha256_of(provider.upstream.read_bytes())
        if actual != provider.upstream_sha256:
            report.add(
                f"{specs_name(provider.upstream, manifest.specs_dir)}: sha256 {actual} does not match the "
                f"recorded {provider.upstream_sha256} (published documents are never edited; "
                "to accept a new one, use the upstream --update flow)"
            )


def derive_all(manifest: Manifest, into: Path | None = None) -> dict[str, Path]:
    """Derive every provider's document; write to the committed place or under ``into``."""
    written = {}
    for provider in manifest.providers:
        target = provider.derived if into is None else into / provider.derived.relative_to(manifest.specs_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(derive_bytes(provider))
        written[provider.name] = target
    return written


def regenerate(repo: Path) -> None:
    """Derive the documents and rewrite ``generated/`` in place."""
    manifest = load_manifest(repo / "specs")
    report = DriftReport()
    check_checksums(manifest, report)
    if not report.clean:
        raise SpecError("\n".join(report.problems))
    derive_all(manifest)
    generated = repo / "generated"
    with tempfile.TemporaryDirectory(prefix="mc-generate-", dir=repo) as scratch:
        fresh = generate_all(manifest, Path(scratch))
        target = generated / GENERATED_PACKAGE
        if target.exists():
            shutil.rmtree(target)
        generated.mkdir(exist_ok=True)
        shutil.move(fresh, target)


def drift(repo: Path) -> DriftReport:
    """Compare the committed derived documents and ``generated/`` with a fresh run."""
    manifest = load_manifest(repo / "specs")
    report = DriftReport()
    check_checksums(manifest, report)
    with tempfile.TemporaryDirectory(prefix="mc-drift-") as scratch:
        scratch_specs = Path(scratch) / "specs"
        shutil.copytree(manifest.specs_dir, scratch_specs, ignore=shutil.ignore_patterns(*IGNORED_PARTS))
        scratch_manifest = load_manifest(scratch_specs)
        try:
            derived = derive_all(scratch_manifest)
        except SpecError as exc:
            report.add(f"specs/: cannot derive the documents: {exc}")
            return report
        for provider in manifest.providers:
            _compare_file(provider.derived, derived[provider.name], report, manifest)
        fresh = generate_all(scratch_manifest, Path(scratch) / "generated")
        _compare_tree(repo / "generated" / GENERATED_PACKAGE, fresh, report, repo)
    return report


def _compare_file(committed: Path, fresh: Path, report: DriftReport, manifest: Manifest) -> None:
    name = specs_name(committed, manifest.specs_dir)
    if not committed.exists():
        report.add(f"{name}: missing (run `nox -s generate`)")
        return
    if committed.read_bytes() != fresh.read_bytes():
        report.add(f"{name}: differs from what specs/ produces\n{_short_diff(committed, fresh, name)}")


def _compare_tree(committed: Path, fresh: Path, report: DriftReport, repo: Path) -> None:
    committed_files = _files(committed)
    fresh_files = _files(fresh)
    for relative in sorted(committed_files | fresh_files):
        name = f"{committed.relative_to(repo)}/{relative}"
        if relative not in committed_files:
            report.add(f"{name}: missing (the generators produce it)")
        elif relative not in fresh_files:
            report.add(f"{name}: not produced by the generators (remove it or regenerate)")
        elif (committed / relative).read_bytes() != (fresh / relative).read_bytes():
            report.add(
                f"{name}: differs from generator output\n{_short_diff(committed / relative, fresh / relative, name)}"
            )


def _files(root: Path) -> set[str]:
    if not root.exists():
        return set()
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and not IGNORED_PARTS.intersection(path.parts) and path.suffix != ".pyc"
    }


def _short_diff(committed: Path, fresh: Path, name: str) -> str:
    old = committed.read_text(encoding="utf-8", errors="replace").splitlines()
    new = fresh.read_text(encoding="utf-8", errors="replace").splitlines()
    lines = list(difflib.unified_diff(old, new, f"{name} (committed)", f"{name} (from specs/)", lineterm="", n=1))
    shown = lines[:DIFF_LINES_PER_FILE]
    if len(lines) > len(shown):
        shown.append(f"... {len(lines) - len(shown)} more diff lines")
    return "\n".join("    " + line for line in shown)
