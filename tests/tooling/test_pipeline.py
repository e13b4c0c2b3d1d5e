"""`python -m modelcatalog.tooling drift` and `generate` on copies of the repository's specs/ and generated/.

Each generator run takes several seconds, so the runs are few and shared: one drift run
on an untouched copy, one on a copy with four one-byte edits (one a kind of input, each
in a different provider, each asserted by the line that names its file), and two
`generate` runs at different paths. An overlay edit that breaks a target fails before
the generators start, so it gets a run of its own.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from modelcatalog.tooling.pipeline import drift

if TYPE_CHECKING:
    from collections.abc import Iterable

pytestmark = pytest.mark.generators

ROOT = Path(__file__).resolve().parents[2]
TREES = ("specs", "generated")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ruff_cache")


def _copy_repo(dest: Path) -> Path:
    """specs/ and generated/ are all the pipeline reads (the manifest's paths are relative to specs/)."""
    dest.mkdir(parents=True)
    for tree in TREES:
        shutil.copytree(ROOT / tree, dest / tree, ignore=IGNORED)
    return dest


def _run(job: str, repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own module, run by the current interpreter
        [sys.executable, "-m", "modelcatalog.tooling", job, "--repo", str(repo)],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def _change_one_byte(path: Path, needle: str) -> None:
    """Replace the last byte of ``needle`` (found once in ``path``) with another letter."""
    data = path.read_bytes()
    assert data.count(needle.encode()) == 1, f"{needle!r} must occur once in {path}"
    at = data.index(needle.encode()) + len(needle) - 1
    new = b"X" if data[at : at + 1] != b"X" else b"Y"
    path.write_bytes(data[:at] + new + data[at + 1 :])


def _snapshot(repo: Path, trees: Iterable[str] = TREES) -> dict[str, bytes]:
    return {
        path.relative_to(repo).as_posix(): path.read_bytes()
        for tree in trees
        for path in sorted((repo / tree).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


# file edited -> (text whose last byte changes, what the drift report must say about it)
EDITS = {
    "generated-file": (
        "generated/modelcatalog_generated/openwebui/models/model_meta.py",
        "Metadata for a workspace",
        ["generated/modelcatalog_generated/openwebui/models/model_meta.py: differs from generator output"],
    ),
    "derived-document": (
        "specs/truefoundry/openapi.yaml",
        "description: API for TrueFoundry",
        ["specs/truefoundry/openapi.yaml: differs from what specs/ produces"],
    ),
    "published-upstream": (
        "specs/scenario/upstream.yaml",
        "title: Scenario API",
        ["specs/scenario/upstream.yaml: sha256", "does not match the recorded"],
    ),
    # an overlay edit shows as the derived document it no longer matches, with the diff
    "overlay": (
        "specs/modelslab/overlay.yaml",
        "example: MODELSLAB_API_KEY",
        ["specs/modelslab/openapi.yaml: differs from what specs/ produces", "MODELSLAB_API_KEX"],
    ),
}


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    return _run("drift", _copy_repo(tmp_path_factory.mktemp("drift") / "clean"))


@pytest.fixture(scope="module")
def edited_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    repo = _copy_repo(tmp_path_factory.mktemp("drift") / "edited")
    for relative, needle, _ in EDITS.values():
        _change_one_byte(repo / relative, needle)
    return _run("drift", repo)


def test_untouched_copy_has_no_drift(clean_run: subprocess.CompletedProcess[str]) -> None:
    assert clean_run.returncode == 0, clean_run.stderr
    assert "generated/ and the derived documents match specs/" in clean_run.stdout
    assert clean_run.stderr == ""


@pytest.mark.parametrize("edit", EDITS)
def test_a_one_byte_edit_fails_naming_the_file(edited_run: subprocess.CompletedProcess[str], edit: str) -> None:
    assert edited_run.returncode == 1, edited_run.stdout + edited_run.stderr
    report = edited_run.stderr
    for expected in EDITS[edit][2]:
        assert expected in report


def test_the_report_names_exactly_the_files_that_differ(edited_run: subprocess.CompletedProcess[str]) -> None:
    """No false positives: besides the edited files, only what the Scenario upstream edit really changes.

    The upstream edit renames the API title, which reaches Scenario's derived document and
    its generated package docstring; the edit to the committed TrueFoundry document does not
    reach generated/, because the generators run from freshly derived documents.
    """
    named = {line[2:].split(":", 1)[0] for line in edited_run.stderr.splitlines() if line.startswith("- ")}

    assert named == {
        "specs/scenario/upstream.yaml",
        "specs/scenario/openapi.yaml",
        "generated/modelcatalog_generated/scenario/__init__.py",
        "generated/modelcatalog_generated/openwebui/models/model_meta.py",
        "specs/truefoundry/openapi.yaml",
        "specs/modelslab/openapi.yaml",
    }
    assert edited_run.stderr.startswith(f"drift: {len(named)} difference(s) from what specs/ produces:")


def test_an_overlay_target_that_selects_nothing_names_the_overlay_and_action(tmp_path: Path) -> None:
    """Fails while deriving, before any generator runs (so this one is cheap)."""
    repo = _copy_repo(tmp_path / "repo")
    _change_one_byte(repo / "specs" / "scenario" / "overlay.yaml", "@.name == 'privacy")

    report = drift(repo)

    assert not report.clean
    (problem,) = report.problems
    assert "scenario: overlay.yaml: action 0 (privacy:" in problem
    assert "selects nothing" in problem
    completed = _run("drift", repo)
    assert completed.returncode == 1
    assert "scenario: overlay.yaml: action 0" in completed.stderr


def test_regenerating_twice_gives_byte_identical_trees(tmp_path: Path) -> None:
    """Two runs, at paths of different lengths: output depends on neither the run nor the checkout's place."""
    first = _copy_repo(tmp_path / "a")
    second = _copy_repo(tmp_path / "a-much-longer-directory-name" / "nested" / "checkout")

    # the two runs are independent: run them side by side
    runs = [
        subprocess.Popen(  # noqa: S603 - our own module, run by the current interpreter
            [sys.executable, "-m", "modelcatalog.tooling", "generate", "--repo", str(repo)],
            cwd=repo,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for repo in (first, second)
    ]
    for run in runs:
        _, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr

    assert _snapshot(first) == _snapshot(second)
    assert _snapshot(first) == _snapshot(ROOT)
