"""The pre-commit hook, run the way users run it: ``pre-commit try-repo`` on a sample repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=test@example.com", "-c", "user.name=test", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None, reason="needs pre-commit and git"
)
def test_try_repo_on_a_sample_repository(tmp_path: Path) -> None:
    sample = tmp_path / "sample"
    (sample / "docs_src" / "beta" / "api").mkdir(parents=True)
    (sample / "locales" / "ru-RU" / "beta" / "api").mkdir(parents=True)
    shutil.copy(REPO / "docs_src/beta/api/call-reject.md", sample / "docs_src/beta/api/call-reject.md")
    shutil.copy(REPO / "locales/ru-RU/beta/api/call-reject.md", sample / "locales/ru-RU/beta/api/call-reject.md")
    (sample / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    git(sample, "init", "-q")
    git(sample, "add", "-A")
    git(sample, "commit", "-qm", "sample")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        ["pre-commit", "try-repo", str(REPO), "doclint", "--files", "docs_src/beta/api/call-reject.md"],
        cwd=sample,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout
    assert result.returncode == 1, output + result.stderr
    findings = [
        line.split(" ")[0] + " " + line.split(" ")[2] for line in output.splitlines() if line.startswith("locales/")
    ]
    ru = "locales/ru-RU/beta/api/call-reject.md"
    assert findings == [
        f"{ru}:33:1: duplicate-path-parameter",
        f"{ru}:37:1: table-row-drift",
        f"{ru}:39:3: invalid-header-name",
        f"{ru}:44:1: table-row-drift",
        f"{ru}:46:2: body-param-not-in-example",
        f"{ru}:49:66: status-prose-mismatch",
        f"{ru}:51:1: http-syntax",
        f"{ru}:119:1: deprecated-path",
    ]
    assert "pyproject.toml" not in output
