"""Fuzzing (issue 12): hostile pages against the whole check and every report format.

The inputs (:mod:`benchmarks.fuzzing.strategies`) are the shipped pages mutated
(byte flips, truncation at structural boundaries, splices across formats,
inserted markup, deep JSON, odd Unicode, re-encodings) and pages grown from
small grammars (Markdown, HTML, platyPS, text). The oracle
(:mod:`benchmarks.fuzzing.oracle`) demands that no exception escapes, no page
ends in ``internal-error``, every finding lies inside its file and every report
is valid. A short, derandomized run belongs here; ``DOCLINT_FUZZ_EXAMPLES``
raises the number of examples per class, ``benchmarks/fuzz.py`` is the long run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.fuzzing.oracle import check_case, check_seconds, report_problems
from benchmarks.fuzzing.strategies import GENERATED, MUTATIONS, SEEDS, FuzzCase, Seed, boundaries, companions_of
from lint.cli import main
from lint.diagnostic import Diagnostic

EXAMPLES = int(os.environ.get("DOCLINT_FUZZ_EXAMPLES", "20"))

fuzz_settings = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


@pytest.mark.parametrize("category", [*MUTATIONS, *GENERATED])
@fuzz_settings
@given(data=st.data())
def test_every_input_gets_a_valid_answer_inside_the_file(category: str, data: st.DataObject) -> None:
    strategy = {**MUTATIONS, **GENERATED}[category]
    case = data.draw(strategy, label="case")
    assert check_case(case) == []


def test_the_strategies_cover_every_class_the_issue_names() -> None:
    assert sorted(MUTATIONS) == sorted(
        ["byte-flip", "truncate", "splice", "insert-markup", "deep-json", "odd-unicode", "re-encode"]
    )
    assert sorted(GENERATED) == ["gen-html", "gen-markdown", "gen-platyps", "gen-text"]
    assert {Path(seed.path).suffix for seed in SEEDS} == {".md", ".txt", ".html"}


def test_truncation_boundaries_are_the_page_structure() -> None:
    data = b"---\ntitle: x\n---\n# Head\n\n| a |\n|---|\n```json\n{}\n```\ntext\n"
    assert boundaries(data) == [0, 3, 4, 13, 16, 17, 23, 24, 25, 30, 31, 36, 37, 44, 45, 47, 48, 51, 52, 57]


# --- the oracle itself must be able to fail ---------------------------------------------------------------------


def _diagnostic(line: int, column: int, message: str = "m", path: str = "docs_src/v1.0/api/a.md") -> Diagnostic:
    return Diagnostic(
        code="DL101",
        name="status-prose-mismatch",
        severity="error",
        path=path,
        line=line,
        column=column,
        end_line=line,
        message=message,
        identity="x",
    )


def test_the_oracle_reports_a_position_outside_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import lint.engine

    real = lint.engine.check_files

    def shifted(*args, **kwargs):  # type: ignore[no-untyped-def]
        from msgspec.structs import replace

        return [
            replace(result, diagnostics=(*result.diagnostics, _diagnostic(2, 5, path=result.path), _diagnostic(9, 1)))
            for result in real(*args, **kwargs)
        ]

    monkeypatch.setattr(lint.engine, "check_files", shifted)
    case = FuzzCase("test", "docs_src/v1.0/api/a.md", b"# a\nabc\n")
    assert check_case(case) == [
        "DL101 at docs_src/v1.0/api/a.md:2:5: column outside the line (3 characters)",
        "DL101 at docs_src/v1.0/api/a.md:9:1: line outside the file (3 lines)",
    ]


def test_the_oracle_reports_an_escaping_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    import lint.engine

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RecursionError("deep")

    monkeypatch.setattr(lint.engine, "check_files", broken)
    [problem] = check_case(FuzzCase("test", "docs_src/v1.0/api/a.md", b"# a\n"))
    assert problem.startswith("exception escaped (test_fuzz.py:")
    assert problem.endswith("): RecursionError: deep")


def test_the_oracle_reports_raw_controls_in_text_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the escaping of the text formats undone, the oracle sees the raw ESC in each of them."""
    from lint.report import full_report, github_report, text_report

    for module in (full_report, github_report, text_report):
        monkeypatch.setattr(module, "printable", lambda text: text)
    problems = report_problems([_diagnostic(1, 1, "a \x1b[2J b")], files=1)
    assert problems == [
        "text report holds a raw control character U+001B",
        "full report holds a raw control character U+001B",
        "github report holds a raw control character U+001B",
    ]


# --- time grows linearly with the page ----------------------------------------------------------------------------


def _kind(seed: Seed) -> str:
    return "platyps" if "/powershell/" in seed.path else Path(seed.path).suffix


#: The largest shipped page of each format (Markdown, platyPS, HTML, text).
LARGEST = [
    max((seed for seed in SEEDS if _kind(seed) == kind), key=lambda seed: len(seed.data))
    for kind in (".md", "platyps", ".html", ".txt")
]


@pytest.mark.parametrize("seed", LARGEST, ids=lambda seed: seed.path)
def test_time_grows_linearly_with_a_repeated_page(seed: Seed) -> None:
    """A page repeated 8 times takes at most ~3x per copy what one copy takes (best of 3, generous slack)."""
    companions = companions_of(seed.path)

    def best(data: bytes) -> float:
        return min(check_seconds({**companions, seed.path: data}) for _ in range(3))

    one = best(seed.data)
    eight = best(seed.data * 8)
    assert eight <= 8 * 3 * one + 0.5, f"{seed.path}: 1 copy {one:.3f} s, 8 copies {eight:.3f} s"


# --- crashes the fuzzer found, each through the command line ------------------------------------------------------

API = "docs_src/v1.0/api"


@pytest.fixture
def project(empty_project: Path) -> Path:
    return empty_project


def check_lines(capsys: pytest.CaptureFixture[str], path: str) -> tuple[int, list[str]]:
    code = main(["check", "--no-translations", path])
    return code, capsys.readouterr().out.splitlines()


def test_a_malformed_ipv6_host_in_an_example_is_no_parser_crash(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`https://[::1/...` made urlsplit raise ValueError: the whole page was one internal-error."""
    page = f"{API}/user-get.md"
    Path(page).write_text(
        "# Get user\n\n## HTTP request\n\n```http\nGET /users/{id}\n```\n\n## Example\n\n"
        "```http\nGET https://[::1/v1.0/users/{id}\n```\n",
        encoding="utf-8",
    )
    assert check_lines(capsys, page) == (0, ["All clear: no findings in 1 file."])


def test_an_annotation_with_an_overlong_integer_is_a_syntax_finding(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 30,000-digit integer in annotation JSON raised ValueError (Python's int conversion limit) out of the parser."""
    page = f"{API}/user-get.md"
    Path(page).write_text(
        '# Get user\n\n<!-- {"blockType": "response", "n": ' + "9" * 30_000 + "} -->\n```json\n{}\n```\n",
        encoding="utf-8",
    )
    code, lines = check_lines(capsys, page)
    assert (code, lines) == (
        1,
        [
            f"{page}:3:37: error DL003 annotation-syntax annotation comment holds a number of 30,000 digits,"
            " longer than the 4,300 doclint can read",
            "Found 1 finding (1 error) in 1 of 1 file.",
        ],
    )


def test_an_annotation_after_a_script_holding_tags_is_placed_on_its_comment(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the issue-14 fuzz run: the comment was looked for after the script's (mis-measured) end, not
    found, and placed at the end of the file with an end line past it."""
    page = f"{API}/user-delete.html"
    Path(page).write_bytes(
        b"<script>var later = '<pre><code class=\"lang-http\">GET /decoy</code></pre>';</script>\n"
        b'<!-- {\n  "blockType": "response",\n  "truncated": true\n} -->'
    )
    capsys.readouterr()
    main(["check", "--no-cache", "--format", "json", page])
    report = json.loads(capsys.readouterr().out)
    items = report["findings"] if isinstance(report, dict) else report
    assert [(i["line"], i["column"], i["end_line"], i["code"]) for i in items] == [(2, 1, 5, "DL003")]
