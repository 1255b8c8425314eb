"""lint.pair's string path helpers (issue 13: pathlib cost 318,000 parse_parts calls a run) agree with pathlib."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from lint.pair import _posix_parts, _suffix, _under


@pytest.mark.parametrize("path", ["a/b", "/a//b/./c", "./x", "..//y/", "/", "docs_src/v1.0/api/x.md", ""])
def test_parts_are_pathlib_s(path: str) -> None:
    assert _posix_parts(path) == PurePosixPath(path).parts


@pytest.mark.parametrize("folder", ["docs_src", "/abs/docs", "./docs_src/../docs_src", "../outside/docs", "docs/"])
@pytest.mark.parametrize("parts", [("v1.0", "api", "x.md"), ("a",)])
def test_a_folder_joined_with_parts_is_pathlib_s(folder: str, parts: tuple[str, ...]) -> None:
    assert _under(folder, parts) == str(PurePosixPath(folder, *parts))


@pytest.mark.parametrize("name", ["a.md", ".hidden", "a.", "a.b.md", "noext", "a..md", "call-reject.txt"])
def test_suffix_is_pathlib_s(name: str) -> None:
    assert _suffix(name) == PurePosixPath(name).suffix
