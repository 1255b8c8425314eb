"""The command line as writers know it from ruff and markdownlint-cli2: severities, ``full``
output, ``--quiet``/``--verbose``, ``--exclude``, ``doclint rules`` selectors, ``--config``
files, partial baselines, and translations brought in by their English page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.rules import all_rules

PAGE = """# thing: act

## Response
If successful, this method returns a `200 OK` response code.

## Examples
```http
HTTP/1.1 202 Accepted
```
"""

ENGLISH = "docs_src/v1.0/api/thing-act.md"
GERMAN = "locales/de-DE/v1.0/api/thing-act.md"
OTHER = "docs_src/v1.0/api/other-act.md"
STATUS = "the Response section says `200 OK`, but the response examples show `202 Accepted`"
#: The translation's status once its English page says `202 Accepted` (status-drift).
DRIFT = (
    f"{GERMAN}:4:39: warning DL601 [*] status-drift the Response section says `200 OK`, "
    "where the English page's Response section says `202 Accepted`\n"
    f"    {ENGLISH}:4:39: the English page: `202 Accepted`\n"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two English pages with a status mismatch at 4:39, one of them translated."""
    for path in (ENGLISH, GERMAN, OTHER):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(PAGE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--jobs", "1", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


# 1. severities and the full format


def test_each_line_shows_its_severity(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.doclint]\nseverity = { DL101 = "warning" }\n')
    code, out, _ = check(capsys, OTHER)
    assert (code, out.splitlines()) == (
        0,
        [
            f"{OTHER}:4:39: warning DL101 status-prose-mismatch {STATUS}",
            f"    {OTHER}:8:1: response example: `202 Accepted`",
            "Found 1 finding (1 warning) in 1 of 1 file.",
        ],
    )
    code, out, _ = check(capsys, "--color", "always", OTHER)
    assert out.startswith(f"\033[1m{OTHER}:4:39:\033[0m \033[33mwarning DL101\033[0m status-prose-mismatch ")


def test_full_format_shows_the_source_with_a_caret(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, "--output-format", "full", OTHER)
    assert code == 1
    assert out.splitlines() == [
        f"{OTHER}:4:39: error DL101 status-prose-mismatch {STATUS}",
        "  |",
        "2 |",
        "3 | ## Response",
        "4 | If successful, this method returns a `200 OK` response code.",
        "  |                                       ^^^^^^",
        "5 |",
        "6 | ## Examples",
        "  |",
        f"    {OTHER}:8:1: response example: `202 Accepted`",
        "",
        "Found 1 finding (1 error) in 1 of 1 file.",
    ]
    assert check(capsys, "--format", "full", OTHER)[1] == out


def test_full_format_aligns_the_caret_under_wide_characters(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(OTHER, PAGE.replace("If successful, this method", "如果成功，此方法"))
    _, out, _ = check(capsys, "--format", "full", OTHER)
    lines = out.splitlines()
    assert lines[0] == f"{OTHER}:4:21: error DL101 status-prose-mismatch {STATUS}"
    # 8 wide characters take 16 terminal columns: the underline stays under `200 OK`.
    assert lines[4] == "4 | 如果成功，此方法 returns a `200 OK` response code."
    assert lines[5] == "  | " + " " * (16 + len(" returns a `")) + "^^^^^^"


def test_full_format_survives_a_file_that_changed_or_vanished(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import lint.report.full_report as full

    monkeypatch.setattr(full, "_read_lines", lambda path: ["only one line now"])
    code, out, _ = check(capsys, "--format", "full", OTHER)
    assert (code, out.splitlines()) == (
        1,
        [
            f"{OTHER}:4:39: error DL101 status-prose-mismatch {STATUS}",
            f"    {OTHER}:8:1: response example: `202 Accepted`",
            "",
            "Found 1 finding (1 error) in 1 of 1 file.",
        ],
    )
    monkeypatch.setattr(full, "_read_lines", lambda path: None)
    assert check(capsys, "--format", "full", OTHER)[1] == out


def test_display_width_counts_wide_and_combining_characters() -> None:
    from lint.report.full_report import display_width

    assert display_width("abc") == 3
    assert display_width("参数") == 4
    assert display_width("e\u0301") == 1
    assert display_width("\t") == 4


# 2. quiet, verbose, exclude, doclint rules


def test_quiet_prints_findings_only(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = check(capsys, "--quiet", OTHER)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"{OTHER}:4:39: error DL101 status-prose-mismatch {STATUS}",
        f"    {OTHER}:8:1: response example: `202 Accepted`",
    ]
    write(OTHER, PAGE.replace("200 OK", "202 Accepted"))
    assert check(capsys, "-q", OTHER) == (0, "", "")


def test_verbose_names_config_files_and_timing_on_stderr(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = check(capsys, "--verbose", ENGLISH)
    assert code == 1
    assert out.splitlines()[-1] == "Found 1 finding (1 error) in 1 of 2 files."
    lines = err.splitlines()
    assert lines[:5] == [
        f"doclint: config: {project / 'pyproject.toml'}",
        f"doclint: project root: {project}",
        f"doclint: file: {ENGLISH}",
        f"doclint: file: {GERMAN} (translation of a given English page: drift rules only)",
        f"doclint: 2 files, {len(all_rules())} rules enabled, checked in this process",
    ]
    assert lines[5].startswith("doclint: checked 2 files in ") and lines[5].endswith(" s")


def test_exclude_replaces_and_extend_exclude_adds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", '[tool.doclint]\nexclude = ["locales"]\n')

    def paths(*args: str) -> list[str]:
        out = check(capsys, "--quiet", *args)[1]
        return [line.split(":")[0] for line in out.splitlines() if not line.startswith(" ")]

    assert paths() == [OTHER, ENGLISH]
    assert paths("--exclude", "docs_src/v1.0/api/other-*") == [ENGLISH, GERMAN]
    assert paths("--extend-exclude", "docs_src/v1.0/api/other-*") == [ENGLISH]
    assert paths("--extend-exclude", "docs_src/v1.0/api/other-*,docs_src/v1.0/api/thing-*") == []


def test_rules_accepts_what_select_accepts(capsys: pytest.CaptureFixture[str]) -> None:
    drift = [f"DL6{number:02}" for number in range(1, 18)]
    assert main(["rules", "DL6"]) == 0
    codes = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.startswith("DL")]
    assert all(code.startswith("DL6") for code in codes) and [code for code in codes if code in drift] == drift
    assert main(["rules", "drift,DL106"]) == 0
    codes = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.startswith("DL")]
    assert codes[0] == "DL106" and [code for code in codes if code in drift] == drift
    assert main(["rules", "ALL", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(all_rules())
    assert main(["rules", "DL601"]) == 0
    assert capsys.readouterr().out.startswith("DL601 status-drift\nseverity: warning   scope: pair")
    assert main(["rules", "DL9x"]) == 2
    assert capsys.readouterr().err == (
        "doclint: error: unknown rule or tag `DL9x` (did you mean `DL900`?); `doclint rules` lists them all\n"
    )


# 3. --config files and command-line errors


def test_config_reads_tool_doclint_from_any_toml_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write("lint.toml", '[tool.doclint]\nexclude = ["locales"]\nseverity = { DL101 = "info" }\n')
    code, out, _ = check(capsys, "--config", "lint.toml")
    assert code == 0 and out.splitlines()[-1] == "Found 2 findings (2 info) in 2 of 2 files."


def test_config_reads_bare_keys_from_a_file_without_the_table(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write("doclint.toml", 'exclude = ["locales"]\n[severity]\nDL101 = "info"\n')
    code, out, _ = check(capsys, "--config", "doclint.toml")
    assert code == 0 and out.splitlines()[-1] == "Found 2 findings (2 info) in 2 of 2 files."
    write("doclint.toml", 'exclude = ["locales"]\nselct = ["DL1"]\n')
    assert check(capsys, "--config", "doclint.toml")[::2] == (
        2,
        "doclint: error: doclint.toml: unknown key `selct` (did you mean `select`?)\n",
    )


def test_command_line_rule_errors_name_the_option(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(capsys, "--select", "DL101,status-prose-mismatc")[::2] == (
        2,
        "doclint: error: --select: unknown rule or tag `status-prose-mismatc` "
        "(did you mean `status-prose-mismatch`?)\n",
    )
    assert check(capsys, "--ignore", "htp")[::2] == (2, "doclint: error: --ignore: unknown rule or tag `htp`\n")


# 4. baselines


def test_write_baseline_on_some_files_keeps_the_others(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--write-baseline", "baseline.json"]) == 0
    everything = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [entry["path"] for entry in everything] == [OTHER, ENGLISH, GERMAN]
    capsys.readouterr()
    assert main(["check", "--write-baseline", "baseline.json", OTHER]) == 0
    assert (
        capsys.readouterr().err
        == "doclint: wrote 1 baseline entry to baseline.json (and kept 2 entries of files not checked)\n"
    )
    assert json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"] == everything
    write(OTHER, PAGE.replace("200 OK", "202 Accepted"))
    assert main(["check", "--write-baseline", "baseline.json", OTHER]) == 0
    assert json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"] == everything[1:]


def test_fixed_baseline_entries_are_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--write-baseline", "baseline.json"]) == 0
    capsys.readouterr()
    write(OTHER, PAGE.replace("200 OK", "202 Accepted"))
    # Not checked: the German page's entry is not "fixed", it was not looked at.
    assert check(capsys, "--baseline", "baseline.json", OTHER) == (
        0,
        "All clear: no findings in 1 file.\n",
        "doclint: 1 baseline entry is fixed; rewrite the baseline with --write-baseline\n",
    )
    write(ENGLISH, PAGE.replace("200 OK", "202 Accepted"))
    code, _, err = check(capsys, "--baseline", "baseline.json")
    assert (code, err) == (0, "doclint: 2 baseline entries are fixed; rewrite the baseline with --write-baseline\n")
    # The English fix leaves the translation behind: its `200 OK` is new drift, which no baseline hides.
    assert check(capsys, "--quiet", "--baseline", "baseline.json") == (0, DRIFT, "")
    # A rule that did not run fixed nothing, and its entries stay in a rewritten baseline.
    assert check(capsys, "--select", "DL001", "--baseline", "baseline.json") == (
        0,
        "All clear: no findings in 3 files.\n",
        "",
    )
    assert main(["check", "--select", "DL001", "--write-baseline", "baseline.json"]) == 0
    assert len(json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]) == 3


# 5. translations brought in by their English page


def test_a_translation_brought_in_runs_drift_rules_only(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(ENGLISH, PAGE.replace("200 OK", "202 Accepted"))
    code, out, _ = check(capsys, ENGLISH)
    # Its own status mismatch (a page rule) is not reported; its drift from the fixed English page is.
    assert (code, out) == (
        0,
        DRIFT + "Found 1 finding (1 warning) in 1 of 2 files; 1 in translations checked for drift only. "
        "1 fixable with --fix.\n",
    )
    # Given itself (or walked), the translation is checked fully.
    code, out, _ = check(capsys, "--quiet", ENGLISH, GERMAN)
    # Its own status mismatch and its drift from English are one defect: the drift leads.
    assert (code, out.splitlines()[0]) == (1, DRIFT.splitlines()[0].replace("warning", "error") + " (also: DL101)")
    assert check(capsys, "--quiet", ENGLISH, "locales")[:2] == (1, out)


def test_a_translation_brought_in_reports_no_unused_suppression(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its page rules did not run, so a directive silencing one of them is not unused."""
    write(ENGLISH, PAGE.replace("200 OK", "202 Accepted"))
    write(GERMAN, "<!-- doclint-disable-file DL101 -->\n" + PAGE)
    code, out, _ = check(capsys, "--quiet", ENGLISH)
    assert (code, out) == (0, DRIFT.replace(f"{GERMAN}:4:39", f"{GERMAN}:5:39"))


def test_drift_in_a_translation_brought_in_fails_only_from_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = "\n## Request body\n| Parameter | Type | Description |\n|:--|:--|:--|\n| reason | String | Why. |\n"
    write(ENGLISH, PAGE.replace("200 OK", "202 Accepted") + table + "| callbackUri | String | Where. |\n")
    write(GERMAN, PAGE.replace("200 OK", "202 Accepted") + table)
    write("pyproject.toml", '[tool.doclint]\nseverity = { param-missing = "error" }\n')
    code, out, _ = check(capsys, ENGLISH)
    assert code == 0
    assert out.splitlines()[0].startswith(f"{GERMAN}:") and " error DL604 [*] param-missing " in out
    assert (
        out.splitlines()[-1] == "Found 1 finding (1 error) in 1 of 2 files; 1 in translations checked for drift only. "
        "1 fixable with --fix."
    )
    assert check(capsys, "--fail-on", "warning", ENGLISH)[0] == 1
    assert check(capsys, "--fail-on", "info", ENGLISH)[0] == 1
    assert check(capsys, ENGLISH, GERMAN)[0] == 1
