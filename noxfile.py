"""Sessions that regenerate, check drift and upstream changes, test, lint, type-check and benchmark modelcatalog.

Run them with ``python3 noxfile.py -s NAME``: on a machine without nox this file first
installs the pinned nox (and uv) into ``.nox/_bootstrap`` and re-runs itself there.
``nox -s NAME`` works the same when nox is already installed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
NOX_REQUIREMENTS = ["nox==2026.10.20", "uv==0.13.9"]


def _bootstrap() -> None:
    """Install the pinned nox into .nox/_bootstrap and re-exec this file with it."""
    import subprocess  # noqa: PLC0415
    import venv  # noqa: PLC0415

    env_dir = ROOT / ".nox" / "_bootstrap"
    python = env_dir / "bin" / "python"
    marker = env_dir / "requirements.txt"
    if not python.exists() or not marker.exists() or marker.read_text() != "\n".join(NOX_REQUIREMENTS):
        print(f"noxfile: installing {' '.join(NOX_REQUIREMENTS)} into {env_dir}", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *NOX_REQUIREMENTS],
            check=True,
        )
        marker.write_text("\n".join(NOX_REQUIREMENTS))
    os.execv(str(python), [str(python), "-m", "nox", "-f", str(ROOT / "noxfile.py"), *sys.argv[1:]])  # noqa: S606


try:
    import nox
except ModuleNotFoundError:
    if __name__ != "__main__":
        raise
    _bootstrap()

PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PYTHON = "3.11"
# Every generator and formatter runs with these; see wrapper/modelcatalog/tooling/codegen.py.
REPRODUCIBLE = {"PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "RUFF_NO_CACHE": "true"}

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["generate", "drift", "lint", "typecheck", "tests"]


def _install(session: nox.Session, *groups: str, extras: str = "tooling") -> None:
    session.install("-e", f".[{extras}]" if extras else ".")
    for group in groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session(python=PYTHON, tags=["codegen"])
def generate(session: nox.Session) -> None:
    """Regenerate the derived documents and every client in generated/ from specs/."""
    _install(session, "generate")
    session.run("python", "-m", "modelcatalog.tooling", "generate", "--repo", str(ROOT), env=REPRODUCIBLE)


@nox.session(python=PYTHON, tags=["codegen", "ci"])
def drift(session: nox.Session) -> None:
    """Fail when generated/ or a derived document differs from what specs/ produces."""
    _install(session, "generate")
    session.run("python", "-m", "modelcatalog.tooling", "drift", "--repo", str(ROOT), env=REPRODUCIBLE)


@nox.session(python=PYTHON, tags=["codegen"])
def upstream(session: nox.Session) -> None:
    """What changed in each provider's published document or SDK (`modelcatalog upstream`); `-- --update` accepts it.

    Exit 0 (no change) and 1 (non-breaking changes only) pass; every other status fails the
    session (see the README's table: breaking, nothing checked, update failed, invalid source...).
    """
    _install(session, "generate")
    session.run(
        "python",
        "-m",
        "modelcatalog.tooling",
        "upstream",
        "--repo",
        str(ROOT),
        *session.posargs,
        env=REPRODUCIBLE,
        success_codes=[0, 1],
    )


@nox.session(python=PYTHON, tags=["ci"])
def tests(session: nox.Session) -> None:
    """The whole test suite: unit, generated clients, drift checks, loopback servers."""
    _install(session, "test", "generate")
    session.run("pytest", *session.posargs, env=REPRODUCIBLE)


@nox.session(python=PYTHON, name="tests-quick")
def tests_quick(session: nox.Session) -> None:
    """Unit tests only (no generators, no real peers): the inner development loop."""
    _install(session, "test")
    session.run("pytest", "-m", "not slow and not generators", *session.posargs, env=REPRODUCIBLE)


@nox.session(venv_backend="none", tags=["ci"])
def openwebui(session: nox.Session) -> None:
    """Install the hash-locked Open WebUI into .cache/ (idempotent), so the live tests start at once."""
    session.run(sys.executable, str(ROOT / "tests" / "integration" / "openwebui_env.py"), "install")


@nox.session(venv_backend="none", tags=["ci"])
def litellm(session: nox.Session) -> None:
    """Install the hash-locked LiteLLM proxy into .cache/ (idempotent), so the live tests start at once."""
    session.run(sys.executable, str(ROOT / "tests" / "integration" / "litellm_env.py"), "install")


@nox.session(python=PYTHON, tags=["ci"])
def lint(session: nox.Session) -> None:
    """ruff (pinned) on the hand-written code; generated/ is excluded in pyproject.toml."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "lint"))
    session.run("ruff", "check", "--no-cache", ".")
    session.run("ruff", "format", "--no-cache", "--check", ".")


@nox.session(python=PYTHON, tags=["ci"])
def typecheck(session: nox.Session) -> None:
    """mypy --strict on wrapper/ (generated/ is checked only as far as the wrapper uses it)."""
    _install(session, "typecheck")
    session.run("mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Listing speed in-process and as whole processes vs the SDKs and raw httpx, throughput, RSS, start-up."""
    _install(session, "bench", extras="")
    session.run("python", "bench/run.py", *session.posargs)


if __name__ == "__main__":
    nox.main()
