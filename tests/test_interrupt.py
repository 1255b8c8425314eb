"""One Ctrl-C stops ``doclint check`` at once: one line, exit 130, no worker left behind.

Each test starts ``python -m lint check`` on a few thousand generated pages
in its own session, waits until the run is really under way (its workers
exist, or it has spent CPU time past start-up), then sends SIGINT to the
whole process group, as a terminal's Ctrl-C does.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads process groups from /proc")

#: Enough pages that a two-worker run lasts several seconds on a quiet two-core machine.
PAGES = 2000
#: Generous bounds for a loaded machine; the run itself stops within a fraction of a second.
READY_TIMEOUT = 30.0
STOP_TIMEOUT = 3.0
#: CPU seconds after which a one-process run is past start-up (about 0.15 s) and checking pages.
BUSY_CPU_SECONDS = 0.5


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("many-pages")
    (root / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    (root / "pages").mkdir()
    first = root / "pages" / "page-0000.md"
    first.write_bytes((REPO / "docs_src/v1.0/api/call-reject.md").read_bytes())
    for index in range(1, PAGES):
        os.link(first, root / "pages" / f"page-{index:04}.md")  # cheaper than writing 14 MB
    return root


@pytest.fixture
def start(project: Path) -> Iterator[Callable[..., subprocess.Popen[str]]]:
    """Start ``python -m lint check pages ARGS`` in a new session; kill what is left at the end."""
    started: list[subprocess.Popen[str]] = []

    def launch(*args: str) -> subprocess.Popen[str]:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        process = subprocess.Popen(
            [sys.executable, "-m", "lint", "check", "pages", *args],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        started.append(process)
        return process

    yield launch
    for process in started:
        for pid in _group(process.pid):
            os.kill(pid, signal.SIGKILL)
        process.wait()


def _group(pgid: int) -> list[int]:
    """Live (not zombie) processes of the process group ``pgid``: the run and its workers."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # ended while we looked
        state, _ppid, group = stat.rsplit(")", 1)[1].split()[:3]
        if int(group) == pgid and state != "Z":
            members.append(int(entry))
    return members


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_until(ready: Callable[[], bool], process: subprocess.Popen[str], what: str) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while not ready():
        assert process.poll() is None, f"the run ended before {what}; generate more pages"
        assert time.monotonic() < deadline, f"no {what} after {READY_TIMEOUT} s"
        time.sleep(0.02)


def _interrupt(process: subprocess.Popen[str], times: int) -> float:
    """Ctrl-C ``times`` times in quick succession; return how long the run took to end after the first."""
    sent = time.monotonic()
    for _ in range(times):
        os.killpg(process.pid, signal.SIGINT)
        time.sleep(0.01)
    try:
        process.wait(timeout=STOP_TIMEOUT + 30)
    except subprocess.TimeoutExpired:
        pytest.fail("the run hangs after Ctrl-C")
    return time.monotonic() - sent


def _assert_stopped_cleanly(process: subprocess.Popen[str], took: float) -> None:
    assert process.stderr is not None
    assert (process.returncode, process.stderr.read()) == (130, "doclint: interrupted\n")
    assert took < STOP_TIMEOUT
    deadline = time.monotonic() + STOP_TIMEOUT
    while _group(process.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _group(process.pid) == [], "worker processes outlived the run"


@pytest.mark.parametrize("times", [1, 2])
def test_ctrl_c_stops_workers_at_once(start: Callable[..., subprocess.Popen[str]], times: int) -> None:
    process = start("--jobs", "2")
    _wait_until(lambda: len(_group(process.pid)) >= 3, process, "two workers")
    took = _interrupt(process, times)
    _assert_stopped_cleanly(process, took)


@pytest.mark.parametrize("times", [1, 2])
def test_ctrl_c_stops_a_one_process_run(start: Callable[..., subprocess.Popen[str]], times: int) -> None:
    process = start("--jobs", "1")
    _wait_until(lambda: _cpu_seconds(process.pid) >= BUSY_CPU_SECONDS, process, "checking under way")
    took = _interrupt(process, times)
    _assert_stopped_cleanly(process, took)


def test_sigterm_stops_workers_too(start: Callable[..., subprocess.Popen[str]]) -> None:
    """``timeout`` and CI runners send SIGTERM to the run alone: its workers must not be orphaned."""
    process = start("--jobs", "2")
    _wait_until(lambda: len(_group(process.pid)) >= 3, process, "two workers")
    workers = [pid for pid in _group(process.pid) if pid != process.pid]
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=STOP_TIMEOUT + 30) == 128 + signal.SIGTERM
    deadline = time.monotonic() + STOP_TIMEOUT
    while set(workers) & set(_group(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert set(workers) & set(_group(process.pid)) == set()


#: What the ``doclint`` console script runs, with a Ctrl-C arriving while ``lint.config`` (which every
#: command needs) is being imported: the first tens of milliseconds of any run.
CTRL_C_WHILE_IMPORTING = """
import sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "lint.config":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, CtrlC())
from lint.cli import run
sys.exit(run())
"""


def test_ctrl_c_while_doclint_imports_its_modules_is_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", CTRL_C_WHILE_IMPORTING, "check", "page.md"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "doclint: interrupted\n")
