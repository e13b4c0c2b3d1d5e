"""A virtual environment installed from a hash-locked requirements file, and how such a file is written.

Why: the live peers (Open WebUI, LiteLLM) are large Python servers. Installing them with
dependency resolution is slow, changes whenever a transitive dependency publishes a
release, and for Open WebUI pulls torch (gigabytes of CUDA wheels on a machine without a
CPU wheel at hand). A lock names every wheel by its PyPI file URL with its SHA-256, so
``pip install --no-deps --require-hashes`` installs exactly those files: no resolution, no
index pages to read (reading them cost four times the download here), the same bytes on
every machine, a clear error if one differs.

The venv holds a marker with the SHA-256 of the lock's requirement lines: a new pin or hash
rebuilds the venv from nothing, and an install that stopped half-way (no marker) is rebuilt too.

``install`` says what it installs and how long it took, and lets pip print every wheel it
collects, so a person running the tests sees a cold install happen (the pytest fixtures
lift output capture around it). Standard library only: it runs on a bare Python.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Sequence

# The locks hold the wheels for this interpreter and platform only; manylinux_2_28 is
# glibc 2.28 or newer (Debian 10, RHEL 8, Ubuntu 20.04 on).
LOCK_PYTHON = (3, 11)
LOCK_PLATFORM = ("Linux", "x86_64")
LOCK_WHEEL_PLATFORM = "manylinux_2_28_x86_64"
# pip takes --platform literally: name every older manylinux tag too, newest (preferred) first
_ACCEPTED_PLATFORMS = (
    *(f"manylinux_2_{minor}_x86_64" for minor in range(28, 4, -1)),
    "manylinux2014_x86_64",
    "manylinux2010_x86_64",
    "manylinux1_x86_64",
)
LOCK_INDEX = "https://pypi.org/simple"
MARKER_NAME = "modelcatalog-lock.sha256"
# "<name> @ https://.../<name>-<version>-<tags>.whl": a wheel's file name escapes "-" in both parts
_PIN = re.compile(r"^(\S+) @ \S+/[^/\s]+?-([^-/\s]+)-[^/\s]+\.whl", re.MULTILINE)
# pip settings of this machine that would make a lock depend on it (a local mirror, constraints)
_MACHINE_PIP_SETTINGS = ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "PIP_CONSTRAINT", "PIP_NO_INDEX")


class InstallError(RuntimeError):
    """The locked venv cannot be installed here (wrong platform, no Python 3.11, pip failed)."""


@dataclasses.dataclass(frozen=True)
class InstallResult:
    """What ``install`` did, for the person watching and for CI logs."""

    venv: Path
    reused: bool
    seconds: float
    size_bytes: int
    wheels: int

    def describe(self) -> str:
        if self.reused:
            return f"reused {self.venv}"
        return (
            f"installed {self.wheels} wheels in {self.seconds:.0f} s, {self.size_bytes / 1e6:.0f} MB, into {self.venv}"
        )


def lock_interpreter() -> str:
    """A Python of the lock's version: this one if it is, else ``python3.11`` from PATH."""
    if platform.system() != LOCK_PLATFORM[0] or platform.machine() != LOCK_PLATFORM[1]:
        raise InstallError(
            f"the locks hold wheels for {'/'.join(LOCK_PLATFORM)}, this machine is "
            f"{platform.system()}/{platform.machine()}: refresh them here (see each lock's header)"
        )
    if sys.version_info[:2] == LOCK_PYTHON:
        return sys.executable
    name = "python{}.{}".format(*LOCK_PYTHON)
    found = shutil.which(name)
    if found is None:
        raise InstallError(f"the locks hold wheels for Python {'.'.join(map(str, LOCK_PYTHON))}: put {name} on PATH")
    return found


def pins(lock: Path) -> dict[str, str]:
    """``{name: version}`` of every requirement in a lock file."""
    return dict(_PIN.findall(lock.read_text()))


def _dir_size(path: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += (Path(dirpath) / name).lstat().st_size
    return total


@dataclasses.dataclass(frozen=True)
class LockedVenv:
    """The venv at ``directory``, holding exactly what the lock file ``lock`` names."""

    label: str  # what it holds, for messages: "open-webui 0.12.4"
    lock: Path
    directory: Path

    @property
    def python(self) -> Path:
        return self.directory / "bin" / "python"

    def script(self, name: str) -> Path:
        """A console script installed into the venv."""
        return self.directory / "bin" / name

    def lock_digest(self) -> str:
        """SHA-256 of the requirement lines: a new pin or hash rebuilds, a reworded header does not."""
        lines = [line for line in self.lock.read_text().splitlines() if line.strip() and not line.startswith("#")]
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()

    def is_installed(self) -> bool:
        """True when the venv was installed, to the end, from exactly this lock."""
        marker = self.directory / MARKER_NAME
        return self.python.exists() and marker.exists() and marker.read_text().strip() == self.lock_digest()

    def install(self, *, progress: TextIO | None = None) -> InstallResult:
        """Create the venv and install the lock, unless the marker says it holds it already.

        ``progress`` (default stderr) gets what happened, and a line before a real install;
        pip's own lines (one a wheel) go to this process's stdout.
        """
        self.directory.parent.mkdir(parents=True, exist_ok=True)
        # one installer at a time: two test sessions may share the venv
        with (self.directory.parent / f"{self.directory.name}.lock").open("w") as held:
            fcntl.flock(held, fcntl.LOCK_EX)
            return self._install(progress or sys.stderr)

    def _install(self, out: TextIO) -> InstallResult:
        started = time.monotonic()
        wheels = len(pins(self.lock))
        if self.is_installed():
            result = InstallResult(self.directory, reused=True, seconds=0.0, size_bytes=0, wheels=wheels)
            print(f"{self.label}: {result.describe()}", file=out, flush=True)
            return result
        python = lock_interpreter()
        if self.directory.exists() and not (self.directory / "pyvenv.cfg").exists() and any(self.directory.iterdir()):
            raise InstallError(f"{self.directory} is not a virtual environment: refusing to replace it")
        print(
            f"{self.label}: installing {wheels} hash-locked wheels from {self.lock.name} into {self.directory} "
            "(pip --no-deps --require-hashes; downloads unless pip's cache has them)",
            file=out,
            flush=True,
        )
        # a half-finished or differently locked venv is rebuilt from nothing
        shutil.rmtree(self.directory, ignore_errors=True)
        subprocess.run([python, "-m", "venv", str(self.directory)], check=True)  # noqa: S603 - fixed argv
        command = [
            str(self.python),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--no-input",
            "--no-deps",
            "--require-hashes",
            "--requirement",
            str(self.lock),
        ]
        try:
            subprocess.run(command, check=True, stdin=subprocess.DEVNULL)  # noqa: S603 - fixed argv, no shell
        except subprocess.CalledProcessError as exc:
            raise InstallError(f"{self.label}: pip exited with {exc.returncode} installing {self.lock}") from None
        (self.directory / MARKER_NAME).write_text(self.lock_digest() + "\n")
        result = InstallResult(
            self.directory,
            reused=False,
            seconds=time.monotonic() - started,
            size_bytes=_dir_size(self.directory),
            wheels=wheels,
        )
        print(f"{self.label}: {result.describe()}", file=out, flush=True)
        return result


def peer_venv(label: str, lock: Path, default: Path, override_env: str, env_dir: Path | None = None) -> LockedVenv:
    """A peer's venv: ``env_dir`` if given, else the directory ``override_env`` names, else ``default``.

    The variable lets several checkouts share one install instead of each downloading it.
    """
    override = os.environ.get(override_env)
    directory = env_dir or (Path(override).expanduser() if override else default)
    return LockedVenv(label, lock, directory.absolute())


def write_lock(path: Path, requirements: Sequence[str], *, header: str, resolve: bool) -> dict[str, str]:
    """Ask pip which wheel each requirement is on PyPI and write their URLs and hashes to ``path``.

    ``resolve=False`` pins exactly ``requirements`` (``name==version`` each, ``--no-deps``);
    ``resolve=True`` lets pip resolve their dependencies and pins all it would install.
    pip runs without this machine's configuration (local mirrors, constraints) against
    PyPI only, for Python 3.11 on ``LOCK_WHEEL_PLATFORM`` whatever this machine's glibc is.
    Returns ``{name: version}``.
    """
    env = {name: value for name, value in os.environ.items() if name not in _MACHINE_PIP_SETTINGS}
    env["PIP_CONFIG_FILE"] = os.devnull  # no pip.conf either
    with tempfile.TemporaryDirectory(prefix="modelcatalog-lock-") as tmp:
        # a scratch venv: the pip that ships with Python 3.11, whatever runs this script
        subprocess.run([lock_interpreter(), "-m", "venv", f"{tmp}/venv"], check=True)  # noqa: S603 - fixed argv
        report_path = Path(tmp) / "report.json"
        command = [
            f"{tmp}/venv/bin/python",
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--dry-run",
            "--ignore-installed",
            "--only-binary=:all:",
            *(f"--platform={tag}" for tag in _ACCEPTED_PLATFORMS),  # needs --target, even with --dry-run
            "--target",
            f"{tmp}/target",
            "--index-url",
            LOCK_INDEX,
            "--report",
            str(report_path),
            *(() if resolve else ("--no-deps",)),
            *requirements,
        ]
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)  # noqa: S603 - fixed argv
        report = json.loads(report_path.read_text())
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()]
    locked: dict[str, str] = {}
    entries = sorted(report["install"], key=lambda item: _normalize(item["metadata"]["name"]))
    for item in entries:
        name = _normalize(item["metadata"]["name"])
        version = item["metadata"]["version"]
        url = item["download_info"]["url"]
        digest = item["download_info"]["archive_info"]["hashes"]["sha256"]
        locked[name] = version
        lines.append(f"{name} @ {url} \\\n    --hash=sha256:{digest}")
    path.write_text("\n".join(lines) + "\n")
    return locked


def _normalize(name: str) -> str:
    """PEP 503: the one spelling of a distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()
