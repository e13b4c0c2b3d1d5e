"""Every row of the README's exit-status table happens, each in a real process.

The rows are read from the README, so a status added to the table without a way to
make it happen here (or the other way round) fails the first test.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from support.fault_server import Delay, FaultServer
from test_cli import ALL_ENV, COMMAND, ENV_FOR, ROOT, environment, providers_args, run, server, urls

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

__all__ = ["server"]  # the fixture, shared with test_cli

README = ROOT / "README.md"


def table() -> dict[tuple[str, int], str]:
    """(command, status) -> meaning, from the README's one table."""
    text = README.read_text(encoding="utf-8")
    section = text.split("#### Exit statuses", 1)[1].split("\n\n", 3)[2]
    rows = re.findall(r"^\| ([a-z ]+) \| (\d+) \| (.+) \|$", section, re.MULTILINE)
    return {(command, int(status)): meaning for command, status, meaning in rows}


def _modified_modelslab_document(tmp_path: Path) -> Path:
    """ModelsLab's vendored document with one summary changed: a non-breaking (INFO) change."""
    document = json.loads((ROOT / "specs" / "modelslab" / "upstream.json").read_text(encoding="utf-8"))
    document["paths"]["/model_list"]["post"]["summary"] = "List public models"
    path = tmp_path / "modelslab.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _checkout_that_cannot_regenerate(tmp_path: Path) -> Path:
    """specs/ copied, and a file where generated/ should be: --update cannot write the clients."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "specs", repo / "specs")
    (repo / "generated").write_text("not a directory", encoding="utf-8")
    return repo


def _upstream(tmp_path: Path, *args: str) -> int:
    empty_index = tmp_path / "index"
    empty_index.mkdir(exist_ok=True)
    # --update runs the generators before it can roll back: as long as `spec generate`
    timeout = 900 if "--update" in args else 60
    return run("upstream", *args, "--index", str(empty_index), env={}, timeout=timeout).returncode


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupted(server: FaultServer) -> int:
    server.inject("openwebui", Delay(3.0), where={"page": "2"})
    args = ["list", "-p", "openwebui", "--base-url", server.url]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [*COMMAND, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(ENV_FOR["openwebui"]),
        # a shell's `cmd &` (CI in the background) starts everything with SIGINT ignored, and
        # Python then installs no KeyboardInterrupt handler: give the command a terminal's default
        preexec_fn=_default_sigint,  # noqa: PLW1509 - only restores one signal's default before exec
    )
    with process:
        assert process.stdout is not None
        process.stdout.readline()  # page 1 printed: the listing is running, page 2 is held
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert b"modelcatalog: interrupted" in err
    return process.returncode


def _tooling(job: str, repo: Path) -> int:
    """``spec drift|generate``: the generators take longer than the command's other runs."""
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [*COMMAND, "spec", job, "--repo", str(repo)], capture_output=True, env=environment(), timeout=900, check=False
    ).returncode


def _drifted_copy(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    for tree in ("specs", "generated"):
        shutil.copytree(ROOT / tree, repo / tree, ignore=shutil.ignore_patterns("__pycache__"))
    client = repo / "generated" / "modelcatalog_generated" / "catalog.py"
    client.write_text(client.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    return repo


GENERATORS = (pytest.mark.slow, pytest.mark.generators)


@dataclass(frozen=True)
class Where:
    """What a scenario may use: the loopback server and a scratch directory."""

    server: FaultServer
    tmp: Path

    def modelslab(self, document: Path, *args: str) -> int:
        """``upstream`` for ModelsLab with ``document`` as its published one, in this checkout unless ``args`` say."""
        return _upstream(
            self.tmp, "--repo", str(ROOT), "--provider", "modelslab", f"--source=modelslab={document}", *args
        )


def _list(where: Where, providers: tuple[str, ...], env: dict[str, str]) -> int:
    return run("list", *providers_args(*providers), *urls(where.server, *providers), env=env).returncode


VENDORED = ROOT / "specs" / "modelslab" / "upstream.json"
WRONG = dict.fromkeys(ENV_FOR["scenario"], "wrong")

SCENARIOS: dict[tuple[str, int], tuple[Callable[[Where], int], tuple[pytest.MarkDecorator, ...]]] = {
    ("modelcatalog", 0): (lambda _: run("--version").returncode, ()),
    ("modelcatalog", 2): (lambda _: run("lst").returncode, ()),
    ("list", 0): (lambda w: _list(w, ("scenario",), ALL_ENV), ()),
    ("list", 1): (lambda w: _list(w, ("scenario", "openwebui"), ENV_FOR["scenario"]), ()),
    ("list", 2): (lambda _: run("list", "-p", "truefoundry", env={}).returncode, ()),
    ("list", 3): (lambda w: _list(w, ("scenario",), WRONG), ()),
    ("list", 130): (lambda w: _interrupted(w.server), ()),
    ("providers", 0): (lambda _: run("providers").returncode, ()),
    ("providers", 2): (lambda _: run("providers", "--format", "xml").returncode, ()),
    ("completion", 0): (lambda _: run("completion", "fish").returncode, ()),
    ("completion", 2): (lambda _: run("completion", "tcsh").returncode, ()),
    ("upstream", 0): (lambda w: w.modelslab(VENDORED), ()),
    ("upstream", 1): (lambda w: w.modelslab(_modified_modelslab_document(w.tmp)), ()),
    ("upstream", 2): (lambda w: w.modelslab(_empty_document(w.tmp)), ()),
    ("upstream", 3): (lambda w: _upstream(w.tmp, "--repo", str(ROOT), "--provider", "scenario"), ()),
    (
        "upstream",
        4,
    ): (
        lambda w: w.modelslab(
            _modified_modelslab_document(w.tmp), "--repo", str(_checkout_that_cannot_regenerate(w.tmp)), "--update"
        ),
        GENERATORS,
    ),
    ("upstream", 5): (lambda w: w.modelslab(README), ()),
    ("upstream", 6): (lambda w: _upstream(w.tmp, "--repo", str(w.tmp)), ()),
    ("upstream", 7): (lambda w: _upstream(w.tmp, "--repo", str(ROOT), "--provider", "nope"), ()),
    ("spec drift", 0): (lambda _: _tooling("drift", ROOT), GENERATORS),
    ("spec drift", 1): (lambda w: _tooling("drift", _drifted_copy(w.tmp)), GENERATORS),
    ("spec drift", 2): (lambda w: _tooling("drift", w.tmp), ()),
    ("spec generate", 0): (lambda w: _tooling("generate", _drifted_copy(w.tmp)), GENERATORS),
    ("spec generate", 2): (lambda w: _tooling("generate", w.tmp), ()),
}


def _empty_document(tmp_path: Path) -> Path:
    """A published document that lost every operation: breaking."""
    path = tmp_path / "empty.json"
    document = {"openapi": "3.0.3", "info": {"title": "ModelsLab", "version": "2"}, "paths": {}}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_every_row_of_the_table_has_a_scenario_and_every_scenario_a_row() -> None:
    assert set(table()) == set(SCENARIOS)


@pytest.mark.parametrize(
    "row", [pytest.param(row, marks=marks, id=f"{row[0]}-{row[1]}") for row, (_, marks) in SCENARIOS.items()]
)
def test_each_status_happens(row: tuple[str, int], server: FaultServer, tmp_path: Path) -> None:
    scenario, _ = SCENARIOS[row]
    assert scenario(Where(server, tmp_path)) == row[1]
