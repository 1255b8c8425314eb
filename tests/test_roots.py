"""Roots and PATHs that hold no pages are said plainly (exit 2), never an "All clear" about nothing."""

from __future__ import annotations

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
SUFFIXES = ".md, .markdown, .txt, .html, .htm"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """English sources only (no ``locales/``), one page with one finding, and an empty directory."""
    (tmp_path / "docs_src" / "v1.0" / "api").mkdir(parents=True)
    (tmp_path / "docs_src" / "v1.0" / "api" / "thing-act.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--jobs", "1", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def configure(project: Path, text: str) -> None:
    (project / "pyproject.toml").write_text("[tool.doclint]\n" + text, encoding="utf-8")


def test_default_roots_may_be_absent(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert (code, err) == (1, "")
    assert out.startswith("docs_src/v1.0/api/thing-act.md:4:39: ")


@pytest.mark.parametrize("paths", [[], ["docs_src/v1.0/api/thing-act.md"]])
def test_a_configured_source_root_that_is_missing_is_a_config_error(
    project: Path, capsys: pytest.CaptureFixture[str], paths: list[str]
) -> None:
    configure(project, 'source-root = "nope"\n')
    assert run(capsys, *paths) == (
        2,
        "",
        f"doclint: error: {project}/pyproject.toml: [tool.doclint] `source-root`: no directory `nope` in {project}\n",
    )


def test_a_configured_locales_root_that_is_missing_is_a_config_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(project, 'locales-root = "translations"\n')
    assert run(capsys) == (
        2,
        "",
        f"doclint: error: {project}/pyproject.toml: [tool.doclint] `locales-root`: no directory `translations` "
        f"in {project} (remove the key while there are no translations)\n",
    )


def test_a_configured_root_that_is_a_file_is_a_config_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    configure(project, 'source-root = "pyproject.toml"\n')
    assert run(capsys) == (
        2,
        "",
        f"doclint: error: {project}/pyproject.toml: [tool.doclint] `source-root`: no directory `pyproject.toml` "
        f"in {project}\n",
    )


def test_a_path_without_pages(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = (2, "", f"doclint: error: no pages found under empty/ (pages are {SUFFIXES} files)\n")
    assert run(capsys, "empty") == expected
    assert run(capsys, "empty/") == expected


def test_a_path_without_pages_beside_one_with_pages(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "docs_src", "empty") == (
        2,
        "",
        f"doclint: error: no pages found under empty/ (pages are {SUFFIXES} files)\n",
    )


def test_a_path_whose_pages_are_all_excluded(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    configure(project, 'exclude = ["docs_src/v1.0/**"]\n')
    assert run(capsys, "docs_src") == (
        2,
        "",
        f"doclint: error: no pages to check under docs_src/: all 1 are left out by `include`/`exclude` "
        f"in {project}/pyproject.toml\n",
    )


def test_an_empty_tree_without_paths(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs_src" / "v1.0" / "api" / "thing-act.md").unlink()
    (project / "locales").mkdir()
    assert run(capsys) == (
        2,
        "",
        f"doclint: error: no pages found under docs_src/ and locales/ (pages are {SUFFIXES} files)\n",
    )


def test_no_roots_at_all(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs_src" / "v1.0" / "api" / "thing-act.md").unlink()
    for directory in ("docs_src/v1.0/api", "docs_src/v1.0", "docs_src"):
        (project / directory).rmdir()
    assert run(capsys) == (2, "", "doclint: error: no PATH given and neither docs_src/ nor locales/ exists\n")


def test_extract_of_a_path_without_pages(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "empty"]) == 2
    assert capsys.readouterr() == ("", "doclint: error: no pages found under empty\n")
