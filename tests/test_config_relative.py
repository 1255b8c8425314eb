"""``Config.relative``'s string fast path gives what its ``pathlib`` path gives, for every shape of path."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from lint.config import build_config

#: Path parts that pathlib treats specially (empty, ``.``, ``..``) among ordinary names.
PARTS = ["a", ".", "..", "", "b.md", " x", "é", "-", "~"]


def _pathlib_relative(path: str, root: Path) -> str:
    """What ``Config.relative`` computed before its fast path, for a relative path."""
    from pathlib import PurePosixPath

    return PurePosixPath(Path(path).as_posix()).as_posix().removeprefix("./")


@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_relative_paths_of_every_shape(tmp_path: Path, size: int) -> None:
    config = build_config({}, root=tmp_path, file=None)
    for combo in itertools.product(PARTS, repeat=size):
        path = "/".join(combo)
        if not path or path.startswith("/"):
            continue
        assert config.relative(path) == _pathlib_relative(path, tmp_path), path


def test_absolute_paths_are_made_relative_to_the_root(tmp_path: Path) -> None:
    config = build_config({}, root=tmp_path, file=None)
    assert config.relative(str(tmp_path / "docs_src" / "a.md")) == "docs_src/a.md"
    assert config.relative("/elsewhere/a.md") == "/elsewhere/a.md"
