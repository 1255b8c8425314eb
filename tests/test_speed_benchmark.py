"""``benchmarks/speed.py``'s corpus handling (its timings are no unit test): layout, subsets, no corpus."""

from __future__ import annotations

import io
import sys
import tarfile
from pathlib import Path

import pytest

from benchmarks import speed


def tarball(path: Path, names: list[str]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            data = f"# {name}\n".encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


NAMES = [
    f"{locale}/api-reference/{version}/api/{page}.md"
    for locale in ("en-US", "ru-RU", "zh-CN")
    for version in ("v1.0", "beta")
    for page in ("call-reject", "user-get", "group-list", "team-archive")
] + ["./en-US/api-reference/v1.0/api/extra.md", "en-US/README.txt", "en-US/api-reference/v1.0/api/image.png"]


def test_the_corpus_is_laid_out_as_a_doclint_project(tmp_path: Path) -> None:
    project = tmp_path / "project"
    assert speed.lay_out(tarball(tmp_path / "c.tar.gz", NAMES), project) == 25
    assert (project / "pyproject.toml").read_text() == "[tool.doclint]\n"
    assert (project / "docs_src/v1.0/api/extra.md").is_file()
    assert (project / "docs_src/beta/api/user-get.md").read_text() == "# en-US/api-reference/beta/api/user-get.md\n"
    assert (project / "locales/zh-CN/v1.0/api/team-archive.md").is_file()
    assert sorted(path.name for path in project.iterdir()) == ["docs_src", "locales", "pyproject.toml"]


def groups(project: Path) -> dict[str, set[str]]:
    """English-page group -> the roots holding it (docs_src, or the locale)."""
    found: dict[str, set[str]] = {}
    for path in project.rglob("*.md"):
        parts = path.relative_to(project).parts
        key = "/".join(parts[1:]) if parts[0] == "docs_src" else "/".join(parts[2:])
        found.setdefault(key, set()).add(parts[0] if parts[0] == "docs_src" else parts[1])
    return found


def test_subsets_and_quick_layouts_keep_whole_groups(tmp_path: Path) -> None:
    archive = tarball(tmp_path / "c.tar.gz", NAMES)
    project = tmp_path / "project"
    speed.lay_out(archive, project)
    half = tmp_path / "half"
    count = speed.subset(project, half, 2)
    kept = groups(half)
    assert 0 < len(kept) < len(groups(project)) and count == sum(len(roots) for roots in kept.values())
    for key, roots in kept.items():
        assert roots == groups(project)[key]  # a group is taken whole or not at all
    quick = tmp_path / "quick"
    speed.lay_out(archive, quick, keep=2)
    assert groups(quick) == kept  # the same choice of groups by either route
    copied = tmp_path / "copied"
    speed.copy_project(project, copied, keep=2)
    assert groups(copied) == kept


def test_without_a_corpus_it_says_so_and_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["speed.py", "--corpus", str(tmp_path)])
    assert speed.main() == 0
    assert capsys.readouterr().out == (
        f"no corpus at {tmp_path} (neither graph-v1.0-api-4locales.tar.gz nor docs_src/);"
        " set --corpus or DOCLINT_CORPUS_DIR\nskipping the speed benchmark\n"
    )


def test_the_corpus_directory_defaults_beside_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCLINT_CORPUS_DIR", raising=False)
    assert speed.corpus_directory(None) == speed.REPO.parent / "shared" / "corpus"
    monkeypatch.setenv("DOCLINT_CORPUS_DIR", "/elsewhere")
    assert speed.corpus_directory(None) == Path("/elsewhere")
    assert speed.corpus_directory("given") == Path("given")
