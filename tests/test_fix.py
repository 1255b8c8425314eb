"""``check --fix`` and ``--diff``: the fixes rules attach, how they are applied, and the shipped ru-RU page repaired."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.fix.apply import apply_fixes
from lint.fix.edit import Edit, Fix, insert_lines

RU = "locales/ru-RU/beta/api/call-reject.md"
ES = "locales/es-ES/v1.0/api/call-reject.txt"
REPAIRED_RULES = {"param-name-drift", "param-missing", "header-drift", "status-drift", "path-drift"}
#: Issue 14's done-when: after --fix, the ru-RU page has no finding of these (DL601 to DL604, DL606, DL607).
DRIFT_FIXED = {"status-drift", "path-drift", "param-name-drift", "param-missing", "header-drift", "type-name-drift"}
#: What --fix leaves on the ru-RU page: a missing note and example (the English `call-reject`, whose name
#: the page gives to `call-reject-none-reason`: a reviewer's choice), the
#: descriptions of the two inserted rows, English until translated (awaiting-translation, one per mark),
#: the `http` block that holds a sentence, and JSON drift no fix of these rules repairs.
RU_REMAINING = [
    (29, 1, "example-missing"),
    (40, 18, "awaiting-translation"),
    (48, 21, "awaiting-translation"),
    (53, 1, "http-syntax"),
    (77, 7, "json-drift"),
    (113, 1, "example-missing"),
    (126, 3, "json-drift"),
]

#: The whole of ``--diff`` on the shipped ru-RU page: the path of the syntax block, the translated
#: header and parameter names, the missing header and parameter rows (English, marked for translation),
#: the status in the Response prose, the notification member `resource` (`resourceUrl` in English, in
#: both notification examples), the path of the example request.
RU_DIFF = (Path(__file__).parent / "fixtures" / "fix" / "ru-call-reject.diff").read_text(encoding="utf-8")


def _edit(line: int, column: int, old: str, new: str) -> Fix:
    return Fix((Edit(line, column, old, new),))


def test_a_fix_replaces_only_its_span() -> None:
    assert apply_fixes("ab причиной cd\nnext\n", [_edit(1, 4, "причиной", "reason")]) == ("ab reason cd\nnext\n", 1)


def test_an_edit_whose_text_moved_is_skipped() -> None:
    assert apply_fixes("ab причиной cd\n", [_edit(1, 3, "причиной", "reason")]) == ("ab причиной cd\n", 0)


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    text, applied = apply_fixes("POST /app/x\n", [_edit(1, 6, "/app/x", "/a/x"), _edit(1, 7, "app", "b")])
    assert (text, applied) == ("POST /a/x\n", 1)


def test_line_ends_are_kept_and_only_cr_and_lf_break_lines() -> None:
    text = "one\r\ntwo\u2028 x\rthree\n"
    fixed, applied = apply_fixes(text, [_edit(2, 6, "x", "y"), _edit(3, 1, "three", "3")])
    assert (fixed, applied) == ("one\r\ntwo\u2028 y\r3\n", 2)


def test_inserted_lines_take_the_line_end_of_their_place() -> None:
    text = "| a |\r\n| b |\r\ntail\n"
    fixed, applied = apply_fixes(text, [Fix((insert_lines(2, ["| new |", "| two |"]),)), _edit(2, 3, "b", "B")])
    assert (fixed, applied) == ("| a |\r\n| new |\r\n| two |\r\n| B |\r\ntail\n", 2)


def test_lines_appended_after_a_last_line_without_an_end() -> None:
    assert apply_fixes("one\ntwo", [Fix((insert_lines(3, ["three"]),))]) == ("one\ntwo\nthree\n", 1)
    assert apply_fixes("one\n", [Fix((insert_lines(1, ["zero"]),))]) == ("zero\none\n", 1)


def test_an_insertion_past_the_end_or_two_at_one_place_wait() -> None:
    assert apply_fixes("one\n", [Fix((insert_lines(3, ["x"]),))]) == ("one\n", 0)
    both = [Fix((insert_lines(1, ["x"]),)), Fix((insert_lines(1, ["y"]),))]
    assert apply_fixes("one\n", both) == ("x\none\n", 1)


@pytest.fixture
def corpus(shipped_copy: Path) -> Path:
    return shipped_copy


def _findings(path: str, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, int, str]]:
    capsys.readouterr()
    main(["check", "--no-cache", "--jobs", "1", "--format", "json", path])
    report = json.loads(capsys.readouterr().out)
    items = report["findings"] if isinstance(report, dict) else report
    return [(item["line"], item["column"], item["name"]) for item in items]


def test_diff_prints_the_fixes_and_writes_nothing(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (corpus / RU).read_bytes()
    assert main(["check", "--no-cache", "--jobs", "1", "--diff", RU]) == 1
    captured = capsys.readouterr()
    assert captured.out == RU_DIFF
    assert "would fix 8 findings in 1 file" in captured.err
    assert (corpus / RU).read_bytes() == before


def test_fix_repairs_the_ru_page_once(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (corpus / RU).read_text(encoding="utf-8")
    assert any(name in REPAIRED_RULES for _, _, name in _findings(RU, capsys))
    assert main(["check", "--no-cache", "--jobs", "1", "--fix", RU]) == 1  # drift no fix can repair remains
    assert "fixed 8 findings in 1 file" in capsys.readouterr().err
    after = (corpus / RU).read_text(encoding="utf-8")
    assert after == _patched(before)
    remaining = _findings(RU, capsys)
    assert remaining == RU_REMAINING
    assert not DRIFT_FIXED & {name for _, _, name in remaining}
    # A second --fix finds nothing to change.
    main(["check", "--no-cache", "--jobs", "1", "--fix", RU])
    assert (corpus / RU).read_text(encoding="utf-8") == after
    assert main(["check", "--no-cache", "--jobs", "1", "--diff", RU]) == 0


def _patched(text: str) -> str:
    """``text`` with ``RU_DIFF`` applied, hunk by hunk, each hunk's context and removed lines checked."""
    lines = text.split("\n")
    result: list[str] = []
    taken = 0
    for hunk in RU_DIFF.split("\n@@ ")[1:]:
        header, *body = hunk.split("\n")
        start = int(header.split()[0].split(",")[0].lstrip("-")) - 1
        result.extend(lines[taken:start])
        taken = start
        for line in body:
            if line[:1] in (" ", "-"):
                assert lines[taken] == line[1:]
                taken += 1
            if line[:1] in (" ", "+"):
                result.append(line[1:])
    return "\n".join(result + lines[taken:])


def test_fix_keeps_a_bom_and_crlf_line_ends(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = (corpus / RU).read_text(encoding="utf-8")
    (corpus / RU).write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode("utf-8"))
    main(["check", "--no-cache", "--jobs", "1", "--fix", RU])
    expected = b"\xef\xbb\xbf" + _patched(original).replace("\n", "\r\n").encode("utf-8")
    assert (corpus / RU).read_bytes() == expected
    assert _findings(RU, capsys) == RU_REMAINING
    main(["check", "--no-cache", "--jobs", "1", "--fix", RU])
    assert (corpus / RU).read_bytes() == expected


def test_plain_text_renderings_are_never_rewritten(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (corpus / ES).read_bytes()
    assert (9, 1, "param-name-drift") in _findings(ES, capsys)
    main(["check", "--no-cache", "--jobs", "1", "--fix", ES])
    assert (corpus / ES).read_bytes() == before
    assert main(["check", "--no-cache", "--jobs", "1", "--diff", ES]) == 0


def test_text_report_marks_fixable_findings(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--no-cache", "--jobs", "1", RU])
    lines = capsys.readouterr().out.splitlines()
    marked = [line.split(": ", 1)[0] + " " + line.split()[4] for line in lines if " [*] " in line]
    assert marked == [
        f"{RU}:33:1 path-drift",
        f"{RU}:37:1 header-drift",
        f"{RU}:39:3 header-drift",
        f"{RU}:44:1 param-missing",
        f"{RU}:46:2 param-name-drift",
        f"{RU}:49:66 status-drift",
        f"{RU}:75:7 json-drift",
        f"{RU}:119:1 path-drift",
    ]
    assert (
        lines[-1] == "Found 12 findings (5 errors, 7 warnings) in 1 of 1 file. 8 fixable with --fix;"
        " 1 more with --fix --unsafe-fixes."
    )


def test_rules_say_which_are_fixable(capsys: pytest.CaptureFixture[str]) -> None:
    main(["rules", "param-name-drift"])
    assert "fixable: safe" in capsys.readouterr().out.splitlines()[1]
    main(["rules"])
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.endswith("[fixable: safe]")]
    assert listed == ["DL102", "DL503", "DL601", "DL602", "DL603", "DL604", "DL606", "DL607", "DL608"]
