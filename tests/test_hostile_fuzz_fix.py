"""The fuzz oracle also holds ``--fix`` (made in memory, as ``--diff``) to its promises on every fixable input."""

from __future__ import annotations

import pytest

import lint.fix.run
from benchmarks.fuzzing.oracle import check_case
from benchmarks.fuzzing.strategies import FuzzCase
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
