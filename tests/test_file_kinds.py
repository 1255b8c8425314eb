"""Only regular files are read, and doclint never writes to the pages it checks (issue 12, the file system).

FIFOs, permissions, links and the size limit are in test_hostile_input.py;
here the kinds it leaves out: sockets and devices, a failed open when the
tests run as root (where ``chmod 0`` stops nothing), and a check of the
shipped tree in every format that must leave every source byte as it was.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cli import main

API = "docs_src/v1.0/api"
REPOSITORY = Path(__file__).resolve().parent.parent
PAGE = """# thing: act

## Response
If successful, this method returns a `200 OK` response code.

## Examples
```http
HTTP/1.1 202 Accepted
```
"""
FINDING = "4:39: error DL101"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / API).mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    (tmp_path / API / "page.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command line, with a timeout: reading a device or a socket would never end."""
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", "--jobs", "1", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_socket_is_skipped_unopened(project: Path) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(f"{API}/socket.md")
        server.listen(1)
        for args in ([API], [f"{API}/socket.md", f"{API}/page.md"]):
            result = check(*args)
            assert result.returncode == 2
            assert (
                result.stderr == f"doclint: error: {API}/socket.md: is a socket, not a regular file; skipped unread\n"
            )
            assert f"{API}/page.md:{FINDING}" in result.stdout
    finally:
        server.close()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_skipped_unopened(project: Path) -> None:
    """/dev/zero never ends: opened, it would hang the run and fill the memory."""
    result = check("/dev/zero", f"{API}/page.md")
    assert result.returncode == 2
    assert result.stderr == "doclint: error: /dev/zero: is a character device, not a regular file; skipped unread\n"
    assert f"{API}/page.md:{FINDING}" in result.stdout


def test_a_page_that_cannot_be_opened_is_named_and_the_rest_reported(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What ``chmod 0`` shows unless the tests run as root, where it stops nothing: a refused open."""
    import lint.source

    locked = f"{API}/locked.md"
    Path(locked).write_text(PAGE, encoding="utf-8")
    real_open = os.open

    def refusing_open(path: str, flags: int, *args: int) -> int:
        if os.fspath(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(lint.source.os, "open", refusing_open)
    assert main(["check", "--jobs", "1", API]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"doclint: error: {locked}: cannot read: Permission denied\n"
    assert captured.out.startswith(f"{API}/page.md:{FINDING}")


def _digests(root: Path) -> dict[str, tuple[str, int]]:
    return {
        str(path.relative_to(root)): (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_no_command_writes_to_the_pages_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every format, a baseline, a report to a file: the sources keep every byte and their times."""
    for name in ("docs_src", "locales"):
        shutil.copytree(REPOSITORY / name, tmp_path / name)
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    out = tmp_path.parent / f"{tmp_path.name}-out"
    out.mkdir()
    monkeypatch.chdir(tmp_path)
    before = _digests(tmp_path)
    for form in ("text", "full", "json", "sarif", "github"):
        main(["check", "--jobs", "1", "--format", form, "--output", str(out / f"report.{form}")])
    main(["check", "--jobs", "1", "--write-baseline", str(out / "baseline.json")])
    main(["check", "--jobs", "1", "--statistics"])
    for form in ("text", "json", "html"):
        main(["report", "--jobs", "1", "--format", form])
    main(["extract", "docs_src"])
    capsys.readouterr()
    assert _digests(tmp_path) == before
