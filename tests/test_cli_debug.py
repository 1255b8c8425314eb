"""``--debug`` is accepted before and after the subcommand, for every subcommand."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.cli import main
from lint.errors import ToolError

#: One tool error per subcommand: each exits 2 in one line, or raises with --debug.
FAILING = {
    "extract": ["extract", "missing.md"],
    "check": ["check", "--jobs", "1", "missing.md"],
    "rules": ["rules", "no-such-rule"],
    "schemas build": ["schemas", "build", "--metadata", "missing.csdl", "--out", "out"],
}


@pytest.fixture(autouse=True)
def empty_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("command", FAILING)
def test_without_debug_a_tool_error_is_one_line(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(FAILING[command]) == 2
    err = capsys.readouterr().err
    assert err.startswith("doclint: error: ") and err.count("\n") == 1


@pytest.mark.parametrize("command", FAILING)
@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_before_or_after_the_subcommand_shows_the_traceback(command: str, where: str) -> None:
    argv = FAILING[command]
    words = len(command.split())
    argv = ["--debug", *argv] if where == "before" else [*argv[:words], "--debug", *argv[words:]]
    with pytest.raises(ToolError):
        main(argv)


def test_debug_between_schemas_and_its_action() -> None:
    with pytest.raises(ToolError):
        main(["schemas", "--debug", "build", "--metadata", "missing.csdl", "--out", "out"])
