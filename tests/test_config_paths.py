"""Paths a config file names must lie inside the project; the command line may name any (issue 12).

A pyproject.toml comes with the repository it configures: a hostile or
careless one must not point a CI run at files elsewhere on the machine,
through ``..``, an absolute path or a symbolic link.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lint.cli import main

PAGE = """# thing: act

## Response
If successful, this method returns a `200 OK` response code.

## Examples
```http
HTTP/1.1 202 Accepted
```
"""
FINDING = "docs_src/v1.0/api/thing-act.md:4:39: error DL101"
CSDL = Path(__file__).resolve().parent / "fixtures" / "csdl" / "example.csdl"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with one page, and beside it, outside, directories and a CSDL a config must not reach."""
    root = tmp_path / "project"
    (root / "docs_src" / "v1.0" / "api").mkdir(parents=True)
    (root / "docs_src" / "v1.0" / "api" / "thing-act.md").write_text(PAGE, encoding="utf-8")
    (root / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    for name in ("docs", "locales", "stores"):
        (tmp_path / "outside" / name).mkdir(parents=True)
    shutil.copyfile(CSDL, tmp_path / "outside" / "graph.csdl")
    monkeypatch.chdir(root)
    return root


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["check", "--jobs", "1", *args])
    captured = capsys.readouterr()
    findings = [" ".join(line.split(" ")[:3]) for line in captured.out.splitlines()[:-1] if not line.startswith(" ")]
    return code, findings, captured.err


def configure(project: Path, text: str) -> None:
    (project / "pyproject.toml").write_text("[tool.doclint]\n" + text, encoding="utf-8")


def outside_error(project: Path, key: str, value: str) -> str:
    return (
        f"doclint: error: {project}/pyproject.toml: [tool.doclint] `{key}`: `{value}` lies outside the project"
        f" ({project}); a configured path must stay inside it (name a path outside on the command line)\n"
    )


@pytest.mark.parametrize(
    "key, line, value",
    [
        ("source-root", 'source-root = "../outside/docs"', "../outside/docs"),
        ("locales-root", 'locales-root = "../outside/locales"', "../outside/locales"),
        ("schemas", 'schemas = "../outside/stores"', "../outside/stores"),
        ("metadata.v1.0", '[tool.doclint.metadata]\n"v1.0" = "../outside/graph.csdl"', "../outside/graph.csdl"),
        ("schemas", 'schemas = "docs_src/../../outside/stores"', "docs_src/../../outside/stores"),
    ],
)
def test_a_configured_path_outside_the_project_is_a_config_error(
    project: Path, capsys: pytest.CaptureFixture[str], key: str, line: str, value: str
) -> None:
    configure(project, line + "\n")
    assert check(capsys) == (2, [], outside_error(project, key, value))


def test_an_absolute_configured_path_outside_is_a_config_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    value = str(project.parent / "outside" / "graph.csdl")
    configure(project, f'[tool.doclint.metadata]\n"v1.0" = "{value}"\n')
    assert check(capsys) == (2, [], outside_error(project, "metadata.v1.0", value))


def test_a_configured_root_that_a_link_leads_out_is_a_config_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink(project.parent / "outside" / "locales", project / "locales")
    configure(project, 'locales-root = "locales"\n')
    assert check(capsys) == (2, [], outside_error(project, "locales-root", "locales"))
    # The switch for links allows the link, never ``..``.
    configure(project, 'locales-root = "locales"\nallow-external-symlinks = true\n')
    assert check(capsys) == (1, [FINDING], "")
    configure(project, 'locales-root = "../outside/locales"\nallow-external-symlinks = true\n')
    assert check(capsys) == (2, [], outside_error(project, "locales-root", "../outside/locales"))


def test_paths_inside_the_project_are_accepted(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "metadata").mkdir()
    shutil.copyfile(CSDL, project / "metadata" / "graph.csdl")
    configure(
        project, 'source-root = "./docs_src/../docs_src"\n[tool.doclint.metadata]\n"v1.0" = "metadata/graph.csdl"\n'
    )
    assert check(capsys) == (1, [FINDING], "")


def test_the_command_line_may_name_paths_outside(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """PATH, --metadata and --baseline come from the person running doclint, not from the repository."""
    outside = project.parent / "outside"
    shutil.copyfile(project / "docs_src" / "v1.0" / "api" / "thing-act.md", outside / "docs" / "page.md")
    baseline = outside / "baseline.json"
    assert main(["check", "--write-baseline", str(baseline), "docs_src"]) == 0
    capsys.readouterr()
    code, findings, err = check(
        capsys, "--metadata", f"v1.0={outside / 'graph.csdl'}", "--baseline", str(baseline), str(outside / "docs")
    )
    assert (code, err) == (1, "")
    assert findings == [f"{outside / 'docs' / 'page.md'}:4:39: error DL101"]
