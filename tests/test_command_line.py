"""The command line is parsed with the options of the command it names, and only those."""

from __future__ import annotations

import argparse

import pytest

from lint.cli import main
from lint.commands import build_parser


def options(parser: argparse.ArgumentParser, command: str) -> list[str]:
    subcommands = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    return [option for action in subcommands.choices[command]._actions for option in action.option_strings]


def test_only_the_named_command_gets_its_options() -> None:
    everything, only_check = build_parser(), build_parser("check")
    assert options(only_check, "check") == options(everything, "check")
    assert "--no-translations" in options(only_check, "check")
    # The other commands are there by name (for ``doclint --help``), without their options.
    assert options(only_check, "report") == ["-h", "--help", "--debug"]
    assert options(everything, "report")[3:6] == ["--format", "--locale", "--output"]


@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (["report", "--help"], "--locale LOCALES"),  # each command's own help is complete
        (["--debug", "schemas", "build", "--help"], "--metadata FILE.csdl"),  # a global option before it
        (["--help"], "rules     list the rules, or explain one"),  # no command named: all of them
    ],
)
def test_help_is_whole_for_the_command_named(argv: list[str], shown: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 0
    assert shown in capsys.readouterr().out


def test_an_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["chek", "page.md"])
    assert stopped.value.code == 2
    assert "invalid choice: 'chek' (choose from 'extract', 'check', 'merge', 'report'" in capsys.readouterr().err
