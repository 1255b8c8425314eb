"""Symbolic links out of the project are refused in one line and never opened (issue 12, the file system).

A link to a file or a directory, met at any depth of a walk or given as a
PATH, whose target lies outside the project root: a one-line error naming
the link, the rest checked, exit 2. ``allow-external-symlinks = true`` reads
them; links that stay inside the project are read as before.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cli import main

API = "docs_src/v1.0/api"
PAGE = """# thing: act

## Response
If successful, this method returns a `200 OK` response code.

## Examples
```http
HTTP/1.1 202 Accepted
```
"""
FINDING = "4:39: error DL101"
ALLOWS = " (`allow-external-symlinks = true` allows it)"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with one page, and beside it (outside) a directory of secret pages."""
    root = tmp_path / "project"
    (root / API).mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    (root / API / "page.md").write_text(PAGE, encoding="utf-8")
    outside = tmp_path / "outside"
    (outside / "deeper").mkdir(parents=True)
    for name in ("secret.md", "deeper/secret.md"):
        (outside / name).write_text(PAGE.replace("thing: act", "secret: leak"), encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    """Exit code, the finding lines (path:line:col: severity code) and the stderr lines."""
    code = main(["check", "--jobs", "1", *args])
    captured = capsys.readouterr()
    assert "secret" not in captured.out  # never opened: no finding, no line of it
    return code, finding_lines(captured.out), captured.err.splitlines()


def finding_lines(out: str) -> list[str]:
    """``path:line:col: severity CODE`` of each finding of a text report (snippets and summary left out)."""
    return [" ".join(line.split(" ")[:3]) for line in out.splitlines()[:-1] if line and not line.startswith(" ")]


def refused(path: str, kind: str, project: Path) -> str:
    return f"doclint: error: {path}: a symbolic link to a {kind} outside the project ({project}); not read{ALLOWS}"


def test_a_link_to_a_directory_outside_is_refused_in_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink(project.parent / "outside", f"{API}/linked")
    code, findings, err = check(capsys, API)
    assert (code, findings, err) == (2, [f"{API}/page.md:{FINDING}"], [refused(f"{API}/linked", "directory", project)])


def test_links_at_any_depth_of_the_walk_are_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nested = Path(API, "a", "b")
    nested.mkdir(parents=True)
    os.symlink(project.parent / "outside" / "secret.md", nested / "file.md")
    os.symlink(project.parent / "outside" / "deeper", nested / "dir")
    code, findings, err = check(capsys, "docs_src")
    assert (code, findings) == (2, [f"{API}/page.md:{FINDING}"])
    assert err == [refused(f"{nested}/dir", "directory", project), refused(f"{nested}/file.md", "file", project)]


def test_links_given_as_paths_are_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink(project.parent / "outside", "linked-dir")
    os.symlink(project.parent / "outside" / "secret.md", "linked.md")
    code, findings, err = check(capsys, "linked-dir", "linked.md", API)
    assert (code, findings) == (2, [f"{API}/page.md:{FINDING}"])
    assert err == [refused("linked.md", "file", project), refused("linked-dir", "directory", project)]


def test_a_chain_of_links_is_judged_by_where_it_ends(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A link to a link inside the project that leads out is refused; a chain that stays inside is read."""
    os.symlink(project.parent / "outside" / "secret.md", f"{API}/hop.md")
    os.symlink("hop.md", f"{API}/chain.md")
    os.symlink("page.md", f"{API}/inside-hop.md")
    os.symlink("inside-hop.md", f"{API}/inside-chain.md")
    code, findings, err = check(capsys, API)
    assert code == 2
    assert findings == [f"{API}/{name}:{FINDING}" for name in ("inside-chain.md", "inside-hop.md", "page.md")]
    assert err == [refused(f"{API}/chain.md", "file", project), refused(f"{API}/hop.md", "file", project)]


def test_links_into_the_project_are_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file link is read under its name; a directory link is followed when it leads out of the walked tree."""
    Path("shared").mkdir()
    Path("shared/common.md").write_text(PAGE, encoding="utf-8")
    os.symlink(project / "shared", f"{API}/shared")
    os.symlink(project / "shared" / "common.md", f"{API}/common.md")
    os.symlink(project / "docs_src", f"{API}/loop")  # back up the walked tree: not followed, no loop
    code, findings, err = check(capsys, API)
    assert (code, err) == (1, [])
    assert findings == [f"{API}/{name}:{FINDING}" for name in ("common.md", "page.md", "shared/common.md")]


def test_the_switch_reads_links_out_of_the_project(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("pyproject.toml").write_text("[tool.doclint]\nallow-external-symlinks = true\n", encoding="utf-8")
    os.symlink(project.parent / "outside", f"{API}/linked")
    os.symlink(project.parent / "outside" / "secret.md", f"{API}/secret.md")
    code = main(["check", "--jobs", "1", API])
    assert code == 1
    assert finding_lines(capsys.readouterr().out) == [
        f"{API}/{name}:{FINDING}" for name in ("linked/deeper/secret.md", "linked/secret.md", "page.md", "secret.md")
    ]


def test_the_switch_must_be_a_boolean(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("pyproject.toml").write_text('[tool.doclint]\nallow-external-symlinks = "yes"\n', encoding="utf-8")
    assert main(["check", API]) == 2
    assert capsys.readouterr().err == (
        f"doclint: error: {project / 'pyproject.toml'}: [tool.doclint] `allow-external-symlinks` must be a boolean,"
        " not string\n"
    )


def test_a_directory_linked_to_itself_does_not_hang(project: Path) -> None:
    os.symlink(".", f"{API}/self")
    os.symlink(project.parent / "outside", "out")
    os.symlink(project / "out", "out/back")  # outside, a link back in: the walk meets each directory once
    Path("pyproject.toml").write_text("[tool.doclint]\nallow-external-symlinks = true\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--jobs", "1", API, "out"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (1, "")
    assert finding_lines(result.stdout) == [
        f"{API}/page.md:{FINDING}",
        f"out/deeper/secret.md:{FINDING}",
        f"out/secret.md:{FINDING}",
    ]
