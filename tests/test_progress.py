"""The progress line: on a terminal's stderr for long runs, never in redirected output, CI logs or stdout."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from lint.engine import FileResult
from lint.progress import MIN_FILES, ProgressCounter, bar, wanted
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="pseudo-terminals as Linux has them")

PAGE = """# thing {number}: act

## Response
If successful, this method returns a `200 OK` response code.

## Examples
```http
HTTP/1.1 202 Accepted
```
"""
PAGES = 60


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """60 English pages, each with one finding (the status in prose against the example's)."""
    api = tmp_path / "docs_src" / "v1.0" / "api"
    api.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    for number in range(PAGES):
        (api / f"thing-{number:02}.md").write_text(PAGE.format(number=number), encoding="utf-8")
    return tmp_path


def run_on_terminal(project: Path, *args: str, ci: str | None = None) -> tuple[int, str, str]:
    """``doclint check ARGS`` with stderr on a pseudo-terminal and stdout on a pipe: (exit, stdout, terminal)."""
    import pty

    environment = {key: value for key, value in os.environ.items() if key != "CI"}
    environment["PYTHONPATH"] = str(REPO)
    if ci is not None:
        environment["CI"] = ci
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=follower,
        env=environment,
    )
    os.close(follower)
    terminal = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            process.kill()
            raise AssertionError("no output from doclint for 60 s")
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: every writer to the terminal has gone
            break
        if not chunk:
            break
        terminal += chunk
    os.close(leader)
    assert process.stdout is not None
    out = process.stdout.read().decode()
    return process.wait(timeout=60), out, terminal.decode()


def test_a_long_run_on_a_terminal_shows_progress_then_erases_it(project: Path) -> None:
    code, out, terminal = run_on_terminal(project, "--jobs", "2")
    assert code == 1
    assert f"| {PAGES}/{PAGES} files, {PAGES} findings [00:0" in terminal
    assert "\rchecking |" in terminal
    # The line erased: blanked and the cursor back at the margin, so nothing of it stays on the screen.
    assert terminal.endswith("\r") and terminal.split("\r")[-2].strip() == ""
    assert "checking" not in out and "\r" not in out
    assert out.splitlines()[-1] == f"Found {PAGES} findings ({PAGES} errors) in {PAGES} of {PAGES} files."


def test_one_process_run_shows_progress_too(project: Path) -> None:
    _, _, terminal = run_on_terminal(project, "--jobs", "1")
    assert f"{PAGES}/{PAGES} files, {PAGES} findings" in terminal


@pytest.mark.parametrize(
    ("args", "ci"),
    [(("--no-progress",), None), (("--quiet",), None), ((), "true"), ((), "1")],
    ids=["no-progress", "quiet", "CI=true", "CI=1"],
)
def test_no_progress_when_turned_off_or_in_ci(project: Path, args: tuple[str, ...], ci: str | None) -> None:
    code, out, terminal = run_on_terminal(project, "--jobs", "2", *args, ci=ci)
    assert code == 1
    assert "checking" not in terminal and "\r" not in terminal.replace("\r\n", "\n")
    assert "checking" not in out


def test_a_short_run_shows_no_progress(project: Path) -> None:
    kept = sorted((project / "docs_src" / "v1.0" / "api").iterdir())[:MIN_FILES]
    _, _, terminal = run_on_terminal(project, *(str(path.relative_to(project)) for path in kept))
    assert "checking" not in terminal


def test_redirected_stderr_has_no_progress(project: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if key != "CI"}
    environment["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--jobs", "2"],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert done.returncode == 1
    assert "checking" not in done.stderr and "\r" not in done.stderr and "\x1b" not in done.stderr
    assert done.stderr == ""


def test_wanted_only_on_a_terminal_outside_ci_for_more_than_a_few_dozen_files() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert wanted(MIN_FILES + 1, Terminal(), {})
    assert wanted(MIN_FILES + 1, Terminal(), {"CI": "false"})
    assert not wanted(MIN_FILES, Terminal(), {})
    assert not wanted(MIN_FILES + 1, Terminal(), {"CI": "true"})
    assert not wanted(MIN_FILES + 1, io.StringIO(), {})


def test_the_bar_counts_files_and_findings() -> None:
    screen = io.StringIO()
    counter = ProgressCounter(bar(200, screen))
    for findings in (0, 2, 1, 0):
        counter(FileResult("page.md", (object(),) * findings))  # type: ignore[arg-type]
    counter.progress.refresh()
    line = screen.getvalue().split("\r")[-1]
    assert line.startswith("checking |")
    assert line.endswith("| 4/200 files, 3 findings [00:00]")
    one = ProgressCounter(bar(2, io.StringIO()))
    one(FileResult("page.md", (object(),)))  # type: ignore[arg-type]
    one.progress.refresh()
    assert "1/2 files, 1 finding [" in one.progress.fp.getvalue()
