"""The fuzz oracle also holds ``--fix`` (made in memory, as ``--diff``) to its promises on every fixable input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import lint.fix.run
from benchmarks.fuzzing.oracle import check_case
from benchmarks.fuzzing.strategies import FuzzCase
from lint.cli import main
from tests.conftest import REPO

RU = "locales/ru-RU/beta/api/call-reject.md"
EN = "docs_src/beta/api/call-reject.md"


def _case() -> FuzzCase:
    return FuzzCase("fix", RU, (REPO / RU).read_bytes(), {EN: (REPO / EN).read_bytes()})


def test_the_shipped_fixable_page_keeps_every_fix_promise(monkeypatch: pytest.MonkeyPatch) -> None:
    applied: list[int] = []
    real = lint.fix.run.apply_fixes

    def counting(text: str, fixes: object) -> tuple[str, int]:
        fixed, count = real(text, fixes)  # type: ignore[arg-type]
        applied.append(count)
        return fixed, count

    monkeypatch.setattr(lint.fix.run, "apply_fixes", counting)
    assert check_case(_case()) == []
    assert sum(applied) >= 8  # the oracle did make the fixes (8 safe ones, and the unsafe)


def test_the_oracle_reports_a_fix_that_adds_a_control_character(monkeypatch: pytest.MonkeyPatch) -> None:
    real = lint.fix.run.apply_fixes

    def with_escape(text: str, fixes: object) -> tuple[str, int]:
        fixed, count = real(text, fixes)  # type: ignore[arg-type]
        return (fixed.replace("reason", "rea\x1bson", 1), count) if count else (fixed, count)

    monkeypatch.setattr(lint.fix.run, "apply_fixes", with_escape)
    assert check_case(_case()) == [
        f"--fix adds raw control characters to {EN}: ['\\x1b']",
        f"--fix adds raw control characters to {RU}: ['\\x1b']",
    ]


def test_the_oracle_reports_fixes_a_second_run_still_makes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that stops before its fixes converge (here: one fix, one pass) leaves work to a second --fix."""
    real = lint.fix.run.apply_fixes

    def one_at_a_time(text: str, fixes: object) -> tuple[str, int]:
        return real(text, list(fixes)[:1])  # type: ignore[call-overload]

    monkeypatch.setattr(lint.fix.run, "apply_fixes", one_at_a_time)
    monkeypatch.setattr(lint.fix.run, "MAX_PASSES", 1)
    problems = check_case(_case())
    assert f"a second --fix changes {RU} again (1 fixes)" in problems


NOTE = "> **Note:** The `/app` path is deprecated. Going forward"


def test_a_fix_never_copies_a_control_character_from_damaged_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the fuzzer: the unsafe note insertion copied an English note holding U+009B (a terminal's CSI)."""
    english = (REPO / EN).read_text(encoding="utf-8")
    assert NOTE in english
    damaged = english.replace(NOTE, NOTE.replace("Going", "Go\x9bing"))
    assert check_case(FuzzCase("fix", RU, (REPO / RU).read_bytes(), {EN: damaged.encode("utf-8")})) == []
    for relative, data in ((EN, damaged.encode("utf-8")), (RU, (REPO / RU).read_bytes())):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(data)
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["check", "--no-cache", "--jobs", "1", "--diff", "--unsafe-fixes", RU]) == 1
    diff = capsys.readouterr().out
    assert "@@" in diff
    assert "\x9b" not in diff
    assert "+> **Note:** The `/app` path is deprecated." not in diff  # that note is damaged: not copied


def test_rows_inserted_with_a_crlf_pages_line_ends_are_no_control_characters() -> None:
    """Found by the fuzzer's first run: the oracle took the CR of inserted CRLF rows for an added control."""
    crlf = (REPO / RU).read_bytes().replace(b"\n", b"\r\n")
    assert check_case(FuzzCase("fix", RU, crlf, {EN: (REPO / EN).read_bytes()})) == []
