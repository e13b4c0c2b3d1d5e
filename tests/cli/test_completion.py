"""``modelcatalog completion bash|zsh|fish``: each script generated, and bash's completion run for real.

bash is run in a subprocess with the script sourced, the way bash-completion calls the
function on TAB; fish answers ``complete --do-complete``; zsh's script is only parsed
(``zsh -n``: completing needs an interactive zle). zsh and fish only where installed.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from modelcatalog.providers import NAMES
from test_cli import imported_by, run

if TYPE_CHECKING:
    from pathlib import Path

SHELLS = ("bash", "zsh", "fish")


@pytest.fixture(scope="module")
def scripts() -> dict[str, str]:
    made = {}
    for shell in SHELLS:
        result = run("completion", shell)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        made[shell] = result.stdout
    return made


@pytest.mark.parametrize("shell", SHELLS)
def test_each_script_names_the_commands_and_the_providers(scripts: dict[str, str], shell: str) -> None:
    script = scripts[shell]
    for word in ("list", "providers", "upstream", "completion", "fields", "quiet", *NAMES):  # fish: -l quiet
        assert word in script, word


def complete_in_bash(script: str, words: list[str]) -> list[str]:
    """What bash offers on TAB after ``words`` (the last one being completed), via the script's function."""
    line = " ".join(words)
    program = (
        f"{script}\n"
        f"COMP_WORDS=({' '.join(repr(word) for word in words)})\n"
        f"COMP_CWORD={len(words) - 1}\n"
        f"COMP_LINE={line!r}\n"
        "COMP_POINT=${#COMP_LINE}\n"
        f"_shtab_modelcatalog modelcatalog {words[-1]!r} {words[-2]!r}\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(  # noqa: S603 - bash from PATH, our own script on stdin
        [shutil.which("bash") or "bash", "--norc", "--noprofile", "-s"],
        input=program,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [word for word in result.stdout.splitlines() if word]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize(
    ("words", "offered"),
    [
        (["modelcatalog", "list", "-p", ""], list(NAMES)),
        (["modelcatalog", "list", "--provider", "open"], [name for name in NAMES if name.startswith("open")]),
        (["modelcatalog", "li"], ["list"]),
        (["modelcatalog", "completion", ""], list(SHELLS)),
        (["modelcatalog", "list", "--format", ""], ["table", "json", "ndjson", "csv"]),
    ],
)
def test_bash_completes_commands_providers_and_choices(
    scripts: dict[str, str], words: list[str], offered: list[str]
) -> None:
    assert complete_in_bash(scripts["bash"], words) == offered


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed on this machine")
def test_fish_completes_the_providers(scripts: dict[str, str], tmp_path: Path) -> None:
    script = tmp_path / "modelcatalog.fish"
    script.write_text(scripts["fish"], encoding="utf-8")
    program = f"source {script}; complete --do-complete 'modelcatalog list -p '"
    result = subprocess.run(  # noqa: S603 - fish from PATH, our own script
        [shutil.which("fish") or "fish", "--no-config", "-c", program],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == list(NAMES)


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_accept_their_scripts(scripts: dict[str, str], shell: str) -> None:
    program = shutil.which(shell)
    if program is None:
        pytest.skip(f"{shell} is not installed on this machine: its script is only generated, not loaded")
    check = ["-n"] if shell == "zsh" else ["--no-execute"]
    result = subprocess.run(  # noqa: S603 - the shell from PATH, our own script on stdin
        [program, *check], input=scripts[shell], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr


def test_only_the_completion_command_imports_shtab() -> None:
    assert "shtab" not in imported_by("--help")
    assert "shtab" not in imported_by("list", "--help")
    assert "shtab" in imported_by("completion", "bash")


def test_an_unknown_shell_is_a_usage_error() -> None:
    result = run("completion", "tcsh")
    assert result.returncode == 2
    assert "invalid choice: 'tcsh'" in result.stderr
