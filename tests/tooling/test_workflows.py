"""The GitHub workflows parse, and every nox session they run exists in noxfile.py."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
_NOX_RUN = re.compile(r"noxfile\.py\s+-s\s+(?P<names>[\w\s-]+?)(?=\s+--|\s*$|\s*[;&|])", re.MULTILINE)


def nox_sessions() -> set[str]:
    """Session names declared in noxfile.py: ``@nox.session(name=...)`` or the function name."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            target = call.func if call else decorator
            if not (isinstance(target, ast.Attribute) and target.attr == "session"):
                continue
            explicit = [kw.value for kw in (call.keywords if call else []) if kw.arg == "name"]
            names.add(explicit[0].value if explicit and isinstance(explicit[0], ast.Constant) else node.name)
    return names


def load_workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    on = workflow.get("on", workflow.get(True))
    assert isinstance(on, dict)
    return on


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def sessions_run(workflow: dict[Any, Any]) -> list[str]:
    found = []
    for step in steps(workflow):
        for match in _NOX_RUN.finditer(step.get("run", "")):
            found += match.group("names").split()
    return found


def test_the_noxfile_parser_sees_renamed_sessions() -> None:
    sessions = nox_sessions()
    assert {"generate", "drift", "upstream", "tests", "tests-quick", "lint", "typecheck"} <= sessions
    assert "tests_quick" not in sessions


@pytest.mark.parametrize("name", ["ci.yml", "upstream.yml"])
def test_every_session_a_workflow_runs_exists(name: str) -> None:
    ran = sessions_run(load_workflow(name))
    assert ran, f"{name} runs no nox session"
    assert set(ran) <= nox_sessions(), set(ran) - nox_sessions()


def test_ci_runs_the_checks_on_pull_requests_and_main() -> None:
    workflow = load_workflow("ci.yml")
    on = triggers(workflow)
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]
    assert sessions_run(workflow) == ["drift", "lint", "typecheck", "tests"]
    uses = {step.get("uses", "").split("@")[0]: step.get("with", {}) for step in steps(workflow)}
    assert uses["actions/setup-python"]["python-version"] == "3.11"
    assert uses["actions/setup-node"]["node-version"] == "20"


def test_upstream_runs_nightly_updates_and_opens_one_pull_request() -> None:
    workflow = load_workflow("upstream.yml")
    on = triggers(workflow)
    assert on["schedule"][0]["cron"]
    assert "workflow_dispatch" in on
    assert sessions_run(workflow) == ["upstream"]
    run = " ".join(step.get("run", "") for step in steps(workflow))
    assert "-- --update" in run
    assert "git diff --quiet" in run
    (pull_request,) = [
        step for step in steps(workflow) if step.get("uses", "").startswith("peter-evans/create-pull-request")
    ]
    assert re.fullmatch(r"peter-evans/create-pull-request@v\d+(\.\d+)*", pull_request["uses"])
    assert pull_request["with"]["branch"] == "upstream-changes"
    assert "body-path" in pull_request["with"]


def test_upstream_installs_the_newest_open_webui_and_reports_whatever_failed() -> None:
    workflow = load_workflow("upstream.yml")
    by_name = {step.get("name", ""): step for step in steps(workflow)}
    install = by_name["install the newest Open WebUI release"]
    assert install["continue-on-error"] is True  # a failed install costs Open WebUI's check, not the others'
    assert "MODELCATALOG_OPENWEBUI_VENV=" in install["run"]
    assert "--markdown" in by_name["check every provider's sources and accept changes"]["run"]
    assert by_name["report in the run summary"]["if"] == "always()"
    (pull_request,) = [
        step for step in steps(workflow) if step.get("uses", "").startswith("peter-evans/create-pull-request")
    ]
    assert pull_request["with"]["body-path"] == "${{ steps.check.outputs.report }}"
    names = list(by_name)
    assert names.index("install the newest Open WebUI release") < names.index(
        "check every provider's sources and accept changes"
    )
