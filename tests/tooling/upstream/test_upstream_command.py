"""command: usage errors, a checkout found from anywhere inside it, --help lists every exit status."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from acme_provider import STAINLESS, build_wheel, make_repo, stainless_files
from modelcatalog.providers import NAMES
from modelcatalog.tooling.upstream import main as upstream_main
from modelcatalog.tooling.upstream.statuses import EXIT_STATUSES
from upstream_runs import ROOT, run

if TYPE_CHECKING:
    from pathlib import Path


def test_an_unknown_provider_is_a_usage_error_not_a_breaking_change(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        upstream_main(["--repo", str(ROOT), "--provider", "acme"])
    assert exited.value.code == 7
    err = capsys.readouterr().err
    assert err.startswith("usage: modelcatalog upstream ")
    assert f"error: no provider 'acme' in the manifest (known: {', '.join(NAMES)})" in err


@pytest.mark.parametrize("argv", [["--bogus"], ["--source", "modelslab"], ["--format", "yaml"]])
def test_a_malformed_command_line_is_a_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        upstream_main(["--repo", str(ROOT), *argv])
    assert exited.value.code == 7
    assert capsys.readouterr().err.startswith("usage: modelcatalog upstream ")


def test_outside_a_checkout_it_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert upstream_main([]) == 6
    err = capsys.readouterr().err
    assert err == (
        f"modelcatalog upstream: error: no modelcatalog checkout: no specs/providers.toml in {tmp_path} or above "
        "(run it in a checkout, or pass --repo DIR)\n"
    )
    assert upstream_main(["--repo", str(tmp_path)]) == 6
    assert f"no specs/providers.toml in {tmp_path} (run it" in capsys.readouterr().err


def test_inside_a_checkout_any_directory_will_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.0", stainless_files())
    monkeypatch.chdir(repo / "specs" / "acme")
    code, _ = run(capsys, "--index", str(tmp_path / "index"))
    assert code == 0


def test_help_lists_every_exit_status() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "modelcatalog.tooling", "upstream", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("usage: python -m modelcatalog.tooling upstream ")
    for status in EXIT_STATUSES:
        assert re.search(rf"^  {status}  ", done.stdout, re.MULTILINE), status
