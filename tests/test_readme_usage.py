"""The README's ``doclint check`` usage block lists what ``doclint check --help`` shows."""

from __future__ import annotations

import argparse
import re

from lint.commands import build_parser
from tests.conftest import REPO


def check_parser() -> argparse.ArgumentParser:
    subcommands = next(action for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction))
    parser: argparse.ArgumentParser = subcommands.choices["check"]
    return parser


def usage_block() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `doclint check`\n", 1)[1]
    return section.split("```\n", 2)[1]


def test_usage_block_lists_every_option_and_choice() -> None:
    block = usage_block()
    assert block.startswith("doclint check [PATH ...] ")
    options = {option for action in check_parser()._actions for option in action.option_strings}
    assert set(re.findall(r"(?<![\w-])--?[a-z][\w-]*", block)) == options
    for action in check_parser()._actions:
        if not action.option_strings:
            continue
        if action.choices:
            shown = re.search(rf"{re.escape(action.option_strings[-1])} (\S+?)\]", block)
            assert shown is not None, action.option_strings
            assert shown.group(1).split("|") == list(action.choices)
        elif action.metavar:
            assert f"{action.option_strings[-1]} {action.metavar}" in block


def test_every_option_is_explained_below_the_block() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `doclint check`\n", 1)[1].split("\n### ", 1)[0]
    bullets = section.split("```\n", 2)[2]
    for action in check_parser()._actions:
        for option in action.option_strings:
            if option not in ("-h", "--help"):
                assert f"`{option}" in bullets, option
