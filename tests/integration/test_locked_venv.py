"""The peers' hash-locked installs: what the lock files hold and when a venv counts as installed."""

from __future__ import annotations

import re
from pathlib import Path

import litellm_env
import openwebui_env
import pytest
from locked_venv import MARKER_NAME, InstallError, LockedVenv, pins

HERE = Path(__file__).resolve().parent
LOCKS = sorted(HERE.glob("*-requirements.txt"))
REQUIREMENT = re.compile(
    r"^(?P<name>[a-z0-9-]+) @ https://files\.pythonhosted\.org/\S+/(?P<file>[^/\s]+\.whl) \\\n"
    r"    --hash=sha256:[0-9a-f]{64}$",
    re.MULTILINE,
)
# CPython 3.11 on Linux x86_64: pure wheels, abi3 wheels or cp311 builds for manylinux x86_64
WHEEL_TAGS = re.compile(r"-(py3|py2\.py3|cp3\d+)-(none|abi3|cp311)-(any|manylinux\S*x86_64\S*)\.whl$")
OLDEST_GLIBC = 28  # LOCK_WHEEL_PLATFORM: manylinux_2_28


def glibc_needed(wheel: str) -> int:
    """The oldest glibc minor version a wheel's platform tags accept (0 for a pure wheel)."""
    legacy = {"manylinux1": 5, "manylinux2010": 12, "manylinux2014": 17}
    minors = [int(minor) for minor in re.findall(r"manylinux_2_(\d+)_", wheel)]
    minors += [value for name, value in legacy.items() if f"{name}_" in wheel]
    return min(minors, default=0)


def test_both_peers_have_a_lock() -> None:
    assert [lock.name for lock in LOCKS] == ["litellm-requirements.txt", "openwebui-requirements.txt"]


@pytest.mark.parametrize("lock", LOCKS, ids=lambda path: path.name)
def test_every_requirement_is_one_hashed_pypi_wheel_for_cpython_311_x86_64(lock: Path) -> None:
    text = lock.read_text()
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    found = list(REQUIREMENT.finditer(body))
    assert len(found) == body.count(" @ ") == len(pins(lock))  # nothing unhashed slipped in
    for match in found:
        assert WHEEL_TAGS.search(match["file"]), match["file"]
        assert glibc_needed(match["file"]) <= OLDEST_GLIBC, match["file"]
        assert match["file"].lower().startswith(match["name"].replace("-", "_") + "-")
    assert text.startswith("# ")  # the header says how it was made and how to refresh it
    assert "Refresh" in text


def test_open_webui_lock_has_no_torch_and_no_cuda() -> None:
    locked = pins(HERE / "openwebui-requirements.txt")
    assert locked["open-webui"] == openwebui_env.OPENWEBUI_VERSION
    assert not {name for name in locked if name in {"torch", "triton"} or name.startswith("nvidia-")}
    assert not {"transformers", "sentence-transformers", "accelerate"} & set(locked)


def test_litellm_lock_pins_the_proxy_and_the_prisma_client() -> None:
    locked = pins(HERE / "litellm-requirements.txt")
    assert locked["litellm"] == litellm_env.LITELLM_VERSION
    assert locked["prisma"] == "0.15.0"


def test_pins_reads_name_and_version_from_the_wheel_url(tmp_path: Path) -> None:
    lock = tmp_path / "x-requirements.txt"
    lock.write_text(
        "# header\n"
        "pydantic-core @ https://files.pythonhosted.org/p/pydantic_core-2.46.4-cp311-cp311-linux_x86_64.whl \\\n"
        "    --hash=sha256:" + "0" * 64 + "\n"
        "python-dateutil @ https://files.pythonhosted.org/p/python_dateutil-2.9.0.post0-py2.py3-none-any.whl \\\n"
        "    --hash=sha256:" + "1" * 64 + "\n"
    )
    assert pins(lock) == {"pydantic-core": "2.46.4", "python-dateutil": "2.9.0.post0"}


def test_a_venv_counts_as_installed_only_with_the_marker_of_exactly_this_lock(tmp_path: Path) -> None:
    lock = tmp_path / "peer-requirements.txt"
    lock.write_text("a @ https://files.pythonhosted.org/a-1.0-py3-none-any.whl \\\n    --hash=sha256:00\n")
    venv = LockedVenv("peer 1.0", lock, tmp_path / "venv")
    (venv.directory / "bin").mkdir(parents=True)
    venv.python.write_text("")
    assert not venv.is_installed()  # pip did not finish: no marker
    (venv.directory / MARKER_NAME).write_text(venv.lock_digest() + "\n")
    assert venv.is_installed()
    lock.write_text("# a reworded header\n" + lock.read_text())  # comments do not count
    assert venv.is_installed()
    lock.write_text(lock.read_text().replace("a-1.0", "a-1.1"))  # a new pin rebuilds
    assert not venv.is_installed()


def test_install_refuses_to_replace_a_directory_that_is_not_a_venv(tmp_path: Path) -> None:
    lock = tmp_path / "peer-requirements.txt"
    lock.write_text("a @ https://files.pythonhosted.org/a-1.0-py3-none-any.whl \\\n    --hash=sha256:00\n")
    precious = tmp_path / "not-a-venv"
    precious.mkdir()
    (precious / "notes.txt").write_text("mine")
    with pytest.raises(InstallError, match="not a virtual environment"):
        LockedVenv("peer 1.0", lock, precious).install()
    assert (precious / "notes.txt").read_text() == "mine"
