"""``check --fix`` against pages a careless user or a hostile repository gives it: never a wrong write."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import lint.rewrite
from lint.cli import main
from tests.test_fix import RU, RU_REMAINING, _findings, _patched

FIX = ["check", "--no-cache", "--jobs", "1", "--fix", RU]


@pytest.fixture
def corpus(shipped_copy: Path) -> Path:
    return shipped_copy


def _errors(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("doclint: error:")]


def _leftovers(corpus: Path) -> list[str]:
    """Temporary files a write left behind anywhere in the project."""
    return sorted(str(p.relative_to(corpus)) for p in corpus.rglob(".*") if p.is_file())


@pytest.mark.parametrize("mode", [0o755, 0o600, 0o640], ids=oct)
def test_fix_keeps_the_mode_of_the_page(corpus: Path, mode: int) -> None:
    (corpus / RU).chmod(mode)
    original = (corpus / RU).read_text(encoding="utf-8")
    assert main(FIX) == 1
    assert (corpus / RU).read_text(encoding="utf-8") == _patched(original)
    assert (corpus / RU).stat().st_mode & 0o777 == mode


def test_a_read_only_page_is_not_written_even_by_root(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (corpus / RU).read_bytes()
    (corpus / RU).chmod(0o444)
    capsys.readouterr()
    assert main(FIX) == 2
    assert _errors(capsys) == [f"doclint: error: {RU}: read-only (mode 0444); not written; its fixes were not applied"]
    assert (corpus / RU).read_bytes() == before
    assert _leftovers(corpus) == []


def test_a_page_linked_inside_the_project_is_written_through_the_link(corpus: Path) -> None:
    real = corpus / "locales/ru-RU/shared/call-reject.md"
    real.parent.mkdir()
    shutil.move(corpus / RU, real)
    (corpus / RU).symlink_to(os.path.relpath(real, (corpus / RU).parent))
    original = real.read_text(encoding="utf-8")
    assert main(FIX) == 1
    assert (corpus / RU).is_symlink()
    assert real.read_text(encoding="utf-8") == _patched(original)


def test_a_page_linked_out_of_the_project_is_never_written(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even where ``allow-external-symlinks`` lets check read it: reading outside is not writing outside."""
    outside = tmp_path_factory.mktemp("outside") / "call-reject.md"
    shutil.move(corpus / RU, outside)
    (corpus / RU).symlink_to(outside)
    before = outside.read_bytes()
    with (corpus / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write("allow-external-symlinks = true\n")
    capsys.readouterr()
    assert main(FIX) == 2
    assert _errors(capsys) == [
        f"doclint: error: {RU}: a symbolic link out of the project ({os.path.realpath(corpus)}); not written;"
        " its fixes were not applied"
    ]
    assert outside.read_bytes() == before
    assert (corpus / RU).is_symlink()


def test_a_page_changed_while_fix_ran_is_not_overwritten(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An editor saves the page between the fix's read and its write: the save wins, the fix is dropped."""
    real_target = lint.rewrite.writable_target

    def editor_saves(path: str, root: Path) -> str:
        with open(path, "a", encoding="utf-8") as page:
            page.write("Saved in an editor.\n")
        return real_target(path, root)

    monkeypatch.setattr(lint.rewrite, "writable_target", editor_saves)
    saved = (corpus / RU).read_text(encoding="utf-8") + "Saved in an editor.\n"
    capsys.readouterr()
    assert main(FIX) == 2
    assert _errors(capsys) == [
        f"doclint: error: {RU}: changed since doclint read it; not written; its fixes were not applied"
    ]
    assert (corpus / RU).read_text(encoding="utf-8") == saved
    assert _leftovers(corpus) == []


def test_a_failed_rename_removes_the_temporary_file_and_keeps_the_page(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (corpus / RU).read_bytes()

    def full_disk(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lint.rewrite.os, "replace", full_disk)
    capsys.readouterr()
    assert main(FIX) == 2
    assert _errors(capsys) == [
        f"doclint: error: {RU}: cannot write the page: No space left on device; its fixes were not applied"
    ]
    assert (corpus / RU).read_bytes() == before
    assert _leftovers(corpus) == []


def test_a_page_that_does_not_decode_is_left_untouched(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = (corpus / RU).read_bytes().replace("отклика".encode(), b"\xff\xfe", 1)
    (corpus / RU).write_bytes(damaged)
    assert main(FIX) == 1
    assert (corpus / RU).read_bytes() == damaged


def test_a_utf16_page_with_characters_outside_the_bmp_is_fixed_in_utf16(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Columns count code points: a surrogate pair in UTF-16 (or four UTF-8 bytes) before the fix shifts nothing."""
    original = (corpus / RU).read_text(encoding="utf-8").replace("В случае успешного", "😀 В случае успешного", 1)
    (corpus / RU).write_bytes(b"\xff\xfe" + original.encode("utf-16-le"))
    assert main(FIX) == 1
    fixed = _patched(original.replace("😀 ", "", 1)).replace("В случае успешного", "😀 В случае успешного", 1)
    assert (corpus / RU).read_bytes() == b"\xff\xfe" + fixed.encode("utf-16-le")
    assert _findings(RU, capsys) == RU_REMAINING


def test_a_cr_only_page_keeps_its_cr_line_ends(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = (corpus / RU).read_text(encoding="utf-8")
    (corpus / RU).write_bytes(original.replace("\n", "\r").encode("utf-8"))
    assert main(FIX) == 1
    assert (corpus / RU).read_bytes() == _patched(original).replace("\n", "\r").encode("utf-8")
    assert main(FIX) == 1  # a second --fix changes nothing
    assert (corpus / RU).read_bytes() == _patched(original).replace("\n", "\r").encode("utf-8")
