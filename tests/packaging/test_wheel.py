"""The package as a user gets it: ``python -m build``, then the wheel in a fresh virtual environment.

``python -m build`` makes the sdist and then the wheel *from the sdist*, so a file the
sdist forgets breaks the build here. ``--no-isolation`` builds with the pinned hatchling of
the test environment instead of downloading it, and the fresh venv installs the wheel's
dependencies from ``.cache/wheelhouse`` without an index; the first run fills the
wheelhouse from the registry, every later run works offline. The installed command then
runs from outside the checkout, against a loopback server. Slow: a build, a venv and an
install.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass
from email.parser import Parser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from modelcatalog.providers import NAMES
from packaging.requirements import Requirement
from support import payloads
from support.clients import PROVIDER_ENV, SERVER_CREDENTIALS
from support.fault_server import FaultServer
from support.providers import openwebui, truefoundry

if TYPE_CHECKING:
    from collections.abc import Mapping

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
WHEELHOUSE = ROOT / ".cache" / "wheelhouse"
#: every provider the checkout has, which the installed wheel must list too
PROVIDERS = NAMES


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path


@dataclass(frozen=True)
class Installed:
    venv: Path
    workdir: Path  # outside the checkout, so nothing is imported from the source tree

    def run(self, *args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        clean = {k: v for k, v in os.environ.items() if k not in {*PROVIDER_ENV, "PYTHONPATH", "VIRTUAL_ENV"}}
        clean.update(env or {})
        return subprocess.run(  # noqa: S603 - the venv's own console script
            [str(self.venv / "bin" / "modelcatalog"), *args],
            capture_output=True,
            text=True,
            env=clean,
            cwd=self.workdir,
            timeout=120,
            check=False,
        )


def _run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode == 0, f"{' '.join(map(str, command))}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT)
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return Built(sdist, wheel)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    venv = tmp_path_factory.mktemp("venv")
    _run(sys.executable, "-m", "venv", "--clear", venv)
    pip = [venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check"]
    offline = [*pip, "install", "--no-index", "--find-links", WHEELHOUSE, built.wheel]
    if subprocess.run([str(part) for part in offline], capture_output=True, check=False).returncode != 0:  # noqa: S603
        # the wheelhouse lacks a dependency (first run, or pyproject changed): fill it once
        WHEELHOUSE.mkdir(parents=True, exist_ok=True)
        _run(*pip, "download", "--only-binary=:all:", "--dest", WHEELHOUSE, built.wheel)
        (WHEELHOUSE / built.wheel.name).unlink(missing_ok=True)  # only the dependencies are kept
        _run(*offline)
    return Installed(venv, tmp_path_factory.mktemp("elsewhere"))


def test_the_sdist_holds_what_a_build_needs_and_nothing_local(built: Built) -> None:
    with tarfile.open(built.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    top = f"{PROJECT['name']}-{PROJECT['version']}"
    assert built.sdist.name == f"{top}.tar.gz"
    for needed in (
        "pyproject.toml",
        "README.md",
        "wrapper/modelcatalog/__init__.py",
        "wrapper/modelcatalog/py.typed",
        "generated/modelcatalog_generated/__init__.py",
        "specs/providers.toml",
        "PKG-INFO",
    ):
        assert needed in names, needed
    assert {name.split("/")[0] for name in names} == {
        *("wrapper", "generated", "specs"),
        *("pyproject.toml", "README.md", "LICENSE", "PKG-INFO", ".gitignore"),  # hatchling adds .gitignore
    }


def test_the_wheel_holds_both_packages_the_command_and_the_declared_dependencies(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = wheel.namelist()
        dist_info = f"{PROJECT['name']}-{PROJECT['version']}.dist-info"
        metadata = Parser().parsestr(wheel.read(f"{dist_info}/METADATA").decode())
        entry_points = wheel.read(f"{dist_info}/entry_points.txt").decode()
    assert {name.split("/")[0] for name in names} == {"modelcatalog", "modelcatalog_generated", dist_info}
    assert "modelcatalog/py.typed" in names
    assert "modelcatalog_generated/structs/__init__.py" in names
    assert "modelcatalog = modelcatalog.cli:main" in entry_points
    declared = [
        *PROJECT["dependencies"],
        *(f"{r}; extra == 'tooling'" for r in PROJECT["optional-dependencies"]["tooling"]),
    ]
    assert {Requirement(r) for r in metadata.get_all("Requires-Dist") or []} == {Requirement(r) for r in declared}


def test_the_installed_command_answers_help_version_and_providers(installed: Installed) -> None:
    python = installed.venv / "bin" / "python"
    where = _run(python, "-c", "import modelcatalog, modelcatalog_generated; print(modelcatalog.__file__)")
    assert Path(where.stdout.strip()).is_relative_to(installed.venv)  # the wheel's copy, not the checkout

    usage = installed.run("--help")
    assert usage.returncode == 0, usage.stderr
    assert usage.stdout.startswith("usage: modelcatalog ")
    version = installed.run("--version")
    assert (version.returncode, version.stdout) == (0, f"modelcatalog {PROJECT['version']}\n")
    providers = installed.run("providers", "--format", "json")
    assert providers.returncode == 0, providers.stderr
    assert set(PROVIDERS) <= {entry["name"] for entry in json.loads(providers.stdout)}


def test_the_installed_command_lists_from_a_loopback_server(installed: Installed) -> None:
    with FaultServer(credentials=SERVER_CREDENTIALS) as server:
        server.models["openwebui"] = payloads.many(openwebui.model, 65)  # three pages
        server.models["truefoundry"] = payloads.many(truefoundry.model, 5)
        result = installed.run(
            "list",
            *("-p", "openwebui", "-p", "truefoundry"),
            f"--base-url=openwebui={server.url}",
            f"--base-url=truefoundry={server.url}",
            "--format=ndjson",
            env={
                "OPENWEBUI_API_KEY": SERVER_CREDENTIALS["openwebui"],
                "TFY_API_KEY": SERVER_CREDENTIALS["truefoundry"],
            },
        )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for provider in ("openwebui", "truefoundry"):
        listed = [record["id"] for record in records if record["provider"] == provider]
        assert listed == [model["id"] for model in server.models[provider]]


def test_the_installed_command_prints_completion_scripts_with_shtab_from_the_wheels_dependencies(
    installed: Installed,
) -> None:
    python = installed.venv / "bin" / "python"
    shtab = _run(python, "-c", "import importlib.metadata as m; print(m.version('shtab'))").stdout.strip()
    (declared,) = [Requirement(r) for r in PROJECT["dependencies"] if Requirement(r).name == "shtab"]
    assert declared.specifier.contains(shtab), shtab
    for shell in ("bash", "zsh", "fish"):
        script = installed.run("completion", shell)
        assert script.returncode == 0, script.stderr
        assert "_shtab_modelcatalog" in script.stdout
        assert "openwebui" in script.stdout  # provider names from the installed registry
