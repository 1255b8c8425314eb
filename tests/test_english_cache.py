"""The engine's cache of parsed English pages follows the files, not the working directory's relative paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lint.config import load_config
from lint.engine import context_for
from lint.parse.detect import parse_source
from lint.source import read_source

ENGLISH = "docs_src/v1.0/api/thing-act.md"
RUSSIAN = "locales/ru-RU/v1.0/api/thing-act.md"


def make_tree(root: Path, english_title: str) -> None:
    for path, title in ((ENGLISH, english_title), (RUSSIAN, "thing: действие")):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(f"# {title}\n\nText.\n", encoding="utf-8")
    (root / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")


def english_title(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The title of the English page the engine pairs with the translation, checked from ``root``."""
    monkeypatch.chdir(root)
    config = load_config()
    page = parse_source(read_source(RUSSIAN), config.formats)
    english = context_for(page, config).english
    assert english is not None
    return english.title


def test_trees_in_two_directories_keep_their_own_english_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path / "a", "thing: act")
    make_tree(tmp_path / "b", "thing: run")
    assert english_title(tmp_path / "a", monkeypatch) == "thing: act"
    # Same relative path, another file: the page parsed in ``a`` must not be reused.
    assert english_title(tmp_path / "b", monkeypatch) == "thing: run"
    assert english_title(tmp_path / "a", monkeypatch) == "thing: act"


def test_an_edited_english_page_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path, "thing: act")
    assert english_title(tmp_path, monkeypatch) == "thing: act"
    english = tmp_path / ENGLISH
    before = english.stat()
    english.write_text("# thing: run\n\nText.\n", encoding="utf-8")  # same size: only the time tells
    os.utime(english, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert english_title(tmp_path, monkeypatch) == "thing: run"
    english.write_text("# thing: running\n\nText.\n", encoding="utf-8")
    os.utime(english, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))  # same time: the size tells
    assert english_title(tmp_path, monkeypatch) == "thing: running"
