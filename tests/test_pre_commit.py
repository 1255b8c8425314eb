"""The pre-commit hook, run the way users run it: ``pre-commit try-repo`` on a sample repository.

pre-commit builds the hook's own environment (``language: python``: pip installs this
repository into a fresh virtualenv, from the package index pip is configured with), so
this test also proves that the hook installs the lint core without the site's Sphinx.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ENGLISH = "docs_src/beta/api/call-reject.md"
RU = "locales/ru-RU/beta/api/call-reject.md"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=test@example.com", "-c", "user.name=test", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def findings(output: str) -> list[str]:
    """``path:line:col: name`` of each finding line pre-commit relays (a `[*]` fixable mark skipped)."""
    return [
        line.split(" ")[0] + " " + line.replace(" [*]", "").split(" ")[3]
        for line in output.splitlines()
        if line.startswith(("docs_src/", "locales/"))
    ]


# Through the interpreter running the tests: `.venv/bin/python -m pytest` does not put
# `.venv/bin` on PATH, so a `pre-commit` command would not be found (and the test skipped).
@pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None,
    reason="needs pre-commit (pip install -e '.[dev]') and git",
)
def test_try_repo_on_a_sample_repository(tmp_path: Path) -> None:
    sample = tmp_path / "sample"
    for path in (ENGLISH, RU):
        (sample / path).parent.mkdir(parents=True)
        shutil.copy(REPO / path, sample / path)
    # No schema stores are copied: the schema rules use the ones doclint carries, as in any repository.
    (sample / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    git(sample, "init", "-q")
    git(sample, "add", "-A")
    git(sample, "commit", "-qm", "sample")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "doclint", "--verbose", "--files", *files],
            cwd=sample,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    # An English-only change: the ru-RU page's own 9 findings are not this commit's business;
    # its drift from the changed English page is shown, and does not block the commit.
    result = try_repo(ENGLISH)
    assert result.returncode == 0, result.stdout + result.stderr
    assert findings(result.stdout) == [
        f"{ENGLISH}:50:16: enum-case",
        f"{RU}:29:1: example-missing",
        f"{RU}:33:1: path-drift",
        f"{RU}:37:1: header-drift",
        f"{RU}:39:3: header-drift",
        f"{RU}:44:1: param-missing",
        f"{RU}:46:2: param-name-drift",
        f"{RU}:49:66: status-drift",
        f"{RU}:75:7: json-drift",
        f"{RU}:111:1: example-missing",
        f"{RU}:119:1: path-drift",
        f"{RU}:124:3: json-drift",
    ]
    assert "Found 12 findings (11 warnings, 1 info) in 2 of 2 files; 11 in translations checked for drift only." in (
        result.stdout
    )
    # The translation committed too: checked fully, and its errors block the commit.
    result = try_repo(ENGLISH, RU)
    assert result.returncode == 1, result.stdout + result.stderr
    assert findings(result.stdout) == [
        f"{ENGLISH}:50:16: enum-case",
        f"{RU}:29:1: example-missing",
        f"{RU}:33:1: path-drift",
        f"{RU}:37:1: header-drift",
        f"{RU}:39:3: header-drift",
        f"{RU}:44:1: param-missing",
        f"{RU}:46:2: param-name-drift",
        f"{RU}:49:66: status-drift",
        f"{RU}:51:1: http-syntax",
        f"{RU}:75:7: json-drift",
        f"{RU}:111:1: example-missing",
        f"{RU}:119:1: path-drift",
        f"{RU}:124:3: json-drift",
    ]
    assert "pyproject.toml" not in result.stdout


@pytest.mark.skipif(importlib.util.find_spec("pip") is None, reason="needs pip")
def test_the_hook_environment_is_the_lint_core(tmp_path: Path) -> None:
    """What pre-commit's ``pip install <repo>`` brings: no Sphinx (an extra for the site), which
    made the hook's environment 135 MB instead of 49 MB."""
    report = tmp_path / "report.json"
    pip = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--ignore-installed"]
    subprocess.run(
        [*pip, "--report", str(report), str(REPO)],
        capture_output=True,
        timeout=300,
        check=True,
    )
    installed = {item["metadata"]["name"].lower() for item in json.loads(report.read_text(encoding="utf-8"))["install"]}
    assert {"doclint", "markdown-it-py", "jsonschema", "msgspec", "beautifulsoup4", "lxml", "pyyaml"} <= installed
    assert not installed & {"sphinx", "docutils", "babel", "pygments", "jinja2"}
