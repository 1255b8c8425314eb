"""``doclint ... | head``: the reader leaves early; doclint exits as it should, without a traceback."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="sizes the pipe with F_SETPIPE_SZ")

#: A page with 300 translated header names: 300 DL106 findings, some 40 kB of text.
ROWS = 300


@pytest.fixture
def page(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    rows = [f"| Заголовок{index} | Bearer {{token}}. Required. |" for index in range(ROWS)]
    text = "\n".join(["# thing: act", "", "## Request headers", "| Name | Description |", "|:--|:--|", *rows, ""])
    (tmp_path / "page.md").write_text(text, encoding="utf-8")
    return tmp_path / "page.md"


def _read_one_line_and_close(page: Path, *args: str) -> tuple[str, int, str]:
    """Run doclint into a pipe smaller than its output, read one line, close the pipe as ``head -1`` does."""
    reader, writer = os.pipe()
    fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 4096)  # the run must meet the closed pipe, whatever its output
    process = subprocess.Popen(
        [sys.executable, "-m", "lint", *args, page.name],
        cwd=page.parent,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=writer,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(writer)
    with os.fdopen(reader, encoding="utf-8") as stream:
        first = stream.readline()
    _, err = process.communicate(timeout=60)
    return first, process.returncode, err


def test_check_into_a_closed_pipe_exits_with_the_findings_status(page: Path) -> None:
    first, status, err = _read_one_line_and_close(page, "check", "--jobs", "1")
    assert first.startswith("page.md:6:3: ")
    assert (status, err) == (1, "")


def test_a_clean_check_into_a_closed_pipe_exits_0(page: Path) -> None:
    first, status, err = _read_one_line_and_close(page, "check", "--jobs", "1", "--exit-zero")
    assert first.startswith("page.md:6:3: ")
    assert (status, err) == (0, "")


def test_extract_into_a_closed_pipe_exits_141_as_a_shell_expects(page: Path) -> None:
    first, status, err = _read_one_line_and_close(page, "extract")
    assert first.startswith("page.md: markdown rest page")
    assert (status, err) == (141, "")
