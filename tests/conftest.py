"""Shared test helpers: pages of the shipped corpus, parsed by path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lint.model import Page
from lint.parse.detect import parse_source
from lint.source import decode_source

REPO = Path(__file__).resolve().parent.parent


def load_page(relative: str) -> Page:
    """Parse a shipped page; spans carry the repo-relative path, as CLI output does."""
    return parse_source(decode_source(relative, (REPO / relative).read_bytes()))


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run a test from the repository root, as a user would run doclint."""
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture
def shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped corpus and configuration, the working directory: for commands that write pages."""
    import shutil

    for name in ("docs_src", "locales"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def empty_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project of no pages yet (a bare ``[tool.doclint]``, an empty ``docs_src/v1.0/api``), the working directory."""
    (tmp_path / "docs_src/v1.0/api").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True, scope="session")
def _schema_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """CSDL files converted by tests are cached in a temporary directory, never in the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        cache = tmp_path_factory.mktemp("doclint-cache")
        patch.setenv("DOCLINT_CACHE_DIR", str(cache))
        # No result cache either: a test that patches a rule must see the patched rule run, not an
        # earlier test's stored result. tests/test_result_cache.py turns it on where it is the subject.
        patch.setenv("DOCLINT_NO_CACHE", "1")
        yield cache
