"""Suppressions, baseline, configuration, exit codes and start-up weight of ``doclint check``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cli import main
from lint.schemas.bundled import BUNDLED

PAGE = """# thing: act

## Response
If successful, this method returns a `200 OK` response code.

## Examples
```http
HTTP/1.1 202 Accepted
```
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small doclint project: one English page with a status mismatch at 4:39, one translation."""
    (tmp_path / "docs_src" / "v1.0" / "api").mkdir(parents=True)
    (tmp_path / "locales" / "de-DE" / "v1.0" / "api").mkdir(parents=True)
    (tmp_path / "docs_src" / "v1.0" / "api" / "thing-act.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "locales" / "de-DE" / "v1.0" / "api" / "thing-act.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


ENGLISH = "docs_src/v1.0/api/thing-act.md"
GERMAN = "locales/de-DE/v1.0/api/thing-act.md"


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["check", "--jobs", "1", *args])
    captured = capsys.readouterr()
    findings = [
        line.split(" ")[0] + " " + line.split(" ")[2]
        for line in captured.out.splitlines()[:-1]
        if not line.startswith(" ")
    ]
    return code, findings, captured.err


def write(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


def test_findings_exit_1_clean_exit_0(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(capsys)[:2] == (1, [f"{ENGLISH}:4:39: DL101", f"{GERMAN}:4:39: DL101"])
    write(ENGLISH, PAGE.replace("200 OK", "202 Accepted"))
    write(GERMAN, PAGE.replace("200 OK", "202 Accepted"))
    assert check(capsys)[:2] == (0, [])


def test_exit_zero_and_fail_on(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(capsys, "--exit-zero")[0] == 0
    write("pyproject.toml", '[tool.doclint]\nseverity = { status-prose-mismatch = "warning" }\n')
    assert check(capsys)[0] == 0
    assert check(capsys, "--fail-on", "warning")[0] == 1
    write("pyproject.toml", '[tool.doclint]\nseverity = { DL101 = "warning" }\nfail-on = "warning"\n')
    assert check(capsys)[0] == 1


NO_DRIFT = ("--ignore", "drift")


def own_defect() -> None:
    """Correct the English page, so that the translation's status mismatch is its own (an error).

    Copied from a defective English page, it would be inherited: an info finding (:mod:`lint.inherit`).
    The translation's `200 OK` is then also drift from the English `202 Accepted` (status-drift);
    the suppression tests leave the drift rules out (``NO_DRIFT``) to watch the page rule alone.
    """
    write(ENGLISH, PAGE.replace("200 OK", "202 Accepted"))


def test_next_line_suppression_and_unused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own_defect()
    write(
        GERMAN, PAGE.replace("## Response\n", "## Response\n<!-- doclint-disable-next-line status-prose-mismatch -->\n")
    )
    assert check(capsys, *NO_DRIFT, GERMAN)[:2] == (0, [])
    write(GERMAN, PAGE.replace("## Response\n", "## Response\n<!-- doclint-disable-next-line http-syntax -->\n"))
    code, findings, _ = check(capsys, *NO_DRIFT, GERMAN)
    assert (code, findings) == (1, [f"{GERMAN}:4:1: DL900", f"{GERMAN}:5:39: DL101"])


def test_range_and_file_suppressions(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own_defect()
    write(GERMAN, "<!-- doclint-disable DL101 -->\n" + PAGE + "<!-- doclint-enable -->\n")
    assert check(capsys, *NO_DRIFT, GERMAN)[:2] == (0, [])
    write(GERMAN, PAGE + "\n<!-- doclint-disable-file -->\n")
    assert check(capsys, GERMAN)[:2] == (0, [])
    write(GERMAN, "<!-- doclint-disable DL101 -->\n<!-- doclint-enable DL101 -->\n" + PAGE)
    code, findings, _ = check(capsys, *NO_DRIFT, GERMAN)
    assert code == 1
    assert findings == [f"{GERMAN}:1:1: DL900", f"{GERMAN}:6:39: DL101"]


def test_unknown_rule_in_suppression(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own_defect()
    write(GERMAN, "<!-- doclint-disable-file no-such-rule -->\n" + PAGE)
    out = capsys.readouterr()
    assert main(["check", "--jobs", "1", GERMAN]) == 1
    out = capsys.readouterr().out
    assert (
        f"{GERMAN}:1:1: warning DL900 unused-suppression unknown rule `no-such-rule` in `doclint-disable-file`" in out
    )


def test_english_suppression_does_not_silence_translations(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(ENGLISH, "<!-- doclint-disable-file DL101 -->\n" + PAGE)
    # Both given: a translation brought in by its English page alone runs the drift rules only.
    code, findings, _ = check(capsys, ENGLISH, GERMAN)
    assert (code, findings) == (1, [f"{GERMAN}:4:39: DL101"])


def test_baseline_hides_old_findings_and_survives_line_shifts(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--write-baseline", "baseline.json"]) == 0
    capsys.readouterr()
    recorded = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert recorded["doclint_baseline"] == 1 and len(recorded["findings"]) == 2
    assert check(capsys, "--baseline", "baseline.json")[:2] == (0, [])
    write(GERMAN, "# moved\n\n\n" + PAGE)
    assert check(capsys, "--baseline", "baseline.json")[:2] == (0, [])
    write(GERMAN, PAGE + "\n## Examples 2\n```http\nnot http\n```\n")
    code, findings, _ = check(capsys, "--baseline", "baseline.json")
    assert (code, findings) == (1, [f"{GERMAN}:12:1: DL001"])


def test_bad_baseline_file_is_a_tool_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write("baseline.json", "[1, 2]")
    assert main(["check", "--baseline", "baseline.json"]) == 2
    assert capsys.readouterr().err == "doclint: error: baseline.json: not a doclint baseline (version 1 expected)\n"


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("selct = []", "unknown key `selct` (did you mean `select`?)"),
        (
            'select = ["status-prose-mismach"]',
            "`select`: unknown rule or tag `status-prose-mismach` (did you mean `status-prose-mismatch`?)",
        ),
        ('severity = { DL101 = "fatal" }', "severity of `DL101` must be one of error, warning, info, off; not `fatal`"),
        ("ignore = 3", "`ignore` must be a list, not integer"),
        ('fail-on = "sometimes"', "`fail-on` must be one of error, warning, info, never; not `sometimes`"),
        ('formats = { "*.txt" = "rtf" }', "formats `*.txt`: unknown format `rtf` (markdown, platyps, html, text)"),
    ],
)
def test_config_errors_exit_2(project: Path, capsys: pytest.CaptureFixture[str], config: str, message: str) -> None:
    write("pyproject.toml", f"[tool.doclint]\n{config}\n")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("doclint: error: ") and message in err and "Traceback" not in err


def test_broken_toml_is_a_tool_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", "[tool.doclint\n")
    assert main(["check"]) == 2
    assert "not valid TOML" in capsys.readouterr().err


def test_select_ignore_and_per_path_ignores(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(capsys, "--select", "http-syntax")[:2] == (0, [])
    assert check(capsys, "--ignore", "consistency")[:2] == (0, [])
    write("pyproject.toml", '[tool.doclint]\nper-path-ignores = { "locales/**" = ["DL101"] }\n')
    assert check(capsys)[:2] == (1, [f"{ENGLISH}:4:39: DL101"])
    write("pyproject.toml", '[tool.doclint]\nexclude = ["locales"]\n')
    assert check(capsys)[:2] == (1, [f"{ENGLISH}:4:39: DL101"])


def test_missing_path_is_a_tool_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "nope.md"]) == 2
    assert capsys.readouterr().err == "doclint: error: nope.md: no such file or directory\n"


def test_unknown_rule_explained_is_a_tool_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "DL999"]) == 2
    assert main(["rules", "deprecated-path"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("DL104 deprecated-path\nseverity: warning   scope: page")
    assert "Bad" in out and "Good" in out


def test_every_rule_documents_a_bad_and_a_good_example() -> None:
    from lint.rules import all_rules

    for rule in all_rules():
        assert "Bad" in rule.doc and "Good" in rule.doc, rule.name
        assert rule.code.startswith("DL") and rule.name == rule.name.lower()


def test_every_parse_diagnostic_code_has_a_rule() -> None:
    import re

    from lint.rules import find_rule

    parse_dir = Path(__file__).resolve().parent.parent / "lint" / "parse"
    sources = "".join(path.read_text(encoding="utf-8") for path in parse_dir.glob("*.py"))
    codes = set(re.findall(r'"([a-z]+(?:-[a-z]+)*-(?:syntax|format|encoding))"', sources))
    assert {"http-syntax", "annotation-syntax", "front-matter-syntax", "unsupported-format"} <= codes
    assert [code for code in sorted(codes) if find_rule(code) is None] == []


def test_single_file_check_does_not_import_heavy_modules(project: Path) -> None:
    code = (
        "import sys\n"
        "from lint.cli import main\n"
        f"main(['check', '--jobs', '1', '{ENGLISH}'])\n"
        "heavy = sorted(m for m in ('bs4', 'lxml', 'sphinx', 'docutils') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=project, check=False, env=env
    )
    assert result.stdout.splitlines()[-1] == "HEAVY []"


@pytest.mark.parametrize(
    "page", ["docs_src/beta/api/call-reject.md", "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md"]
)
def test_shipped_pages_are_checked_without_pyyaml_or_heavy_modules(page: str) -> None:
    """Plain ``key: value`` front matter and parameter blocks leave PyYAML unimported; text output hashes nothing.

    The shipped pages lie in a git work tree, yet an English page asks
    nothing of the English history: neither git (``subprocess``) nor the
    staleness rules' helpers are loaded.
    """
    repo = Path(__file__).resolve().parent.parent
    heavy = ("bs4", "lxml", "sphinx", "docutils", "yaml", "hashlib", "subprocess", "lint.history", "lint.sentences")
    code = (
        "import sys\n"
        f"HEAVY = {heavy!r}\n"
        "from lint.cli import main\n"
        f"status = main(['check', '--jobs', '1', '--no-translations', '{page}'])\n"
        "heavy = sorted(m for m in HEAVY if m in sys.modules)\n"
        "print('HEAVY', status, heavy)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(repo)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=repo, check=False, env=env
    )
    assert result.stdout.splitlines()[-1] == "HEAVY 0 []"


HTML_PAGE = """<!DOCTYPE html>
<html lang="en-us"><head><title>thing</title></head>
<body><main>
<h1 id="thing-act">thing: act</h1>
<h2 id="response">Response</h2>
<!-- DIRECTIVE -->
<p>If successful, this method returns a <code>200 OK</code> response code.</p>
<h2 id="examples">Examples</h2>
<pre><code class="lang-http">HTTP/1.1 202 Accepted
</code></pre>
</main></body></html>
"""


def test_suppression_comments_work_in_html_pages(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = "docs_src/v1.0/api/other-act.html"
    write(page, HTML_PAGE.replace("DIRECTIVE", "doclint-disable-next-line status-prose-mismatch"))
    assert check(capsys, page)[:2] == (0, [])
    write(page, HTML_PAGE.replace("DIRECTIVE", "an ordinary comment"))
    assert check(capsys, page)[:2] == (1, [f"{page}:7:47: DL101"])


def test_a_crashing_rule_is_named_with_its_page(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from msgspec.structs import replace

    import lint.rules as registry

    def broken(page: object, context: object) -> list[object]:
        raise KeyError("boom")

    rule = registry.find_rule("http-syntax")
    assert rule is not None
    monkeypatch.setitem(registry._REGISTRY, rule.code, replace(rule, check=broken))
    # The failure is the page's finding (issue 12): the other rules still report, and the run exits 2.
    assert check(capsys, ENGLISH) == (2, [f"{ENGLISH}:1:1: DL020", f"{ENGLISH}:4:39: DL101"], "")
    assert capsys.readouterr().err == ""
    main(["check", "--jobs", "1", ENGLISH])
    assert "internal-error rule DL001 http-syntax failed: KeyError: 'boom'\n" in capsys.readouterr().out
    # --debug shows where: the rule's own exception, with its traceback.
    with pytest.raises(KeyError, match="boom"):
        main(["check", "--jobs", "1", "--debug", ENGLISH])
    assert main(["check", "--jobs", "1", ENGLISH]) == 2  # and only for that run


REQUEST_PAGE = """# call: reject

## HTTP request
```http
POST /communications/calls/{id}/reject
```
"""


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (
            lambda text: text[:100],
            "operations.json:1:101: schema store file is not valid JSON: Input data was truncated",
        ),
        (lambda text: '{"format":\n  1,,\n}', "operations.json:2:5: schema store file is not valid JSON: "),
        (
            lambda text: '{"format": 2, "types": []}',
            "operations.json: not a schema store file of this doclint: Expected `object`, got `array` - at `$.types`",
        ),
        (
            lambda text: text.replace('"format":2', '"format":1'),
            "operations.json: operations index format 1, but this doclint reads format 2; "
            "rebuild it with `doclint schemas build`",
        ),
    ],
)
def test_a_damaged_schema_store_is_a_tool_error_naming_the_place(
    project: Path, capsys: pytest.CaptureFixture[str], damage: object, message: str
) -> None:
    (project / "pyproject.toml").write_text('[tool.doclint]\nschemas = "docs_src/schemas"\n', encoding="utf-8")
    store = project / "docs_src" / "schemas" / "v1.0"
    store.mkdir(parents=True)
    shipped = BUNDLED / "v1.0"
    for name in ("head.json", "defs.bin"):
        (store / name).write_bytes((shipped / name).read_bytes())
    text = (shipped / "operations.json").read_text(encoding="utf-8")
    assert callable(damage)
    (store / "operations.json").write_text(damage(text), encoding="utf-8")
    (project / ENGLISH).write_text(REQUEST_PAGE, encoding="utf-8")
    code, findings, err = check(capsys, "--no-translations", ENGLISH)
    assert (code, findings) == (2, [])
    assert err.startswith(f"doclint: error: {store / message}")
    assert err.count("\n") == 1


def test_statistics_count_findings_per_rule(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(GERMAN, PAGE.replace("202 Accepted", "204 No Content"))
    assert main(["check", "--jobs", "1", "--statistics"]) == 1
    # The German example's `204 No Content` is also drift from the English example's `202 Accepted`.
    assert capsys.readouterr().out.splitlines() == [
        "count  code   name                     error  warning     info",
        "    2  DL101  status-prose-mismatch        2        0        0",
        "    1  DL601  status-drift                 0        1        0",
        # No fix: the English page's example contradicts its own prose (`200 OK`), so no status is copied.
        "Found 3 findings (2 errors, 1 warning) in 2 of 2 files.",
    ]


def test_statistics_quiet_prints_the_data_only(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--quiet`` drops the summary line of ``--statistics`` too, as ruff does; the exit status still tells."""
    write(GERMAN, PAGE.replace("202 Accepted", "204 No Content"))
    assert main(["check", "--jobs", "1", "--statistics", "--quiet"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "count  code   name                     error  warning     info",
        "    2  DL101  status-prose-mismatch        2        0        0",
        "    1  DL601  status-drift                 0        1        0",
    ]
    assert main(["check", "--jobs", "1", "--statistics", "--quiet", "--ignore", "DL101,DL601"]) == 0
    assert capsys.readouterr().out == ""


def test_statistics_as_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(GERMAN, PAGE.replace("202 Accepted", "204 No Content"))
    assert main(["check", "--jobs", "1", "--statistics", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == [
        {
            "code": "DL101",
            "name": "status-prose-mismatch",
            "counts": {"error": 2, "warning": 0, "info": 0},
            "total": 2,
        },
        {"code": "DL601", "name": "status-drift", "counts": {"error": 0, "warning": 1, "info": 0}, "total": 1},
    ]


def test_statistics_are_text_or_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--statistics", "--format", "sarif"]) == 2
    assert capsys.readouterr().err == (
        "doclint: error: --statistics prints text or json; it cannot be combined with --format sarif\n"
    )


def test_worker_processes_report_what_one_process_does(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Enough files to start worker processes: config, pages and findings cross process boundaries."""
    from lint.engine import PARALLEL_THRESHOLD

    for index in range(PARALLEL_THRESHOLD + 2):
        text = PAGE if index % 3 else PAGE.replace("202 Accepted", "200 OK")
        write(f"docs_src/v1.0/api/thing-{index:02d}.md", text)
        write(f"locales/de-DE/v1.0/api/thing-{index:02d}.md", text)
    assert main(["check", "--jobs", "1", "--format", "json"]) == 1
    serial = capsys.readouterr().out
    assert main(["check", "--jobs", "2", "--format", "json"]) == 1
    parallel = capsys.readouterr().out
    assert parallel == serial
    findings = json.loads(parallel)
    assert len(findings) == 2 + 2 * (PARALLEL_THRESHOLD + 2 - 9)


def _collector_states(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: int) -> list[bool]:
    """A tree of ``pages`` English pages, and (filled by a check run) whether the collector ran during the check."""
    import gc

    import lint.check

    (tmp_path / "docs_src" / "v1.0" / "api").mkdir(parents=True)
    for index in range(pages):
        (tmp_path / "docs_src" / "v1.0" / "api" / f"thing-{index}.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    seen: list[bool] = []
    check_files = lint.check.check_files_cached

    def recording(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return check_files(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lint.check, "check_files_cached", recording)
    return seen


@pytest.mark.parametrize(("pages", "collecting"), [(1, False), (24, True)])
def test_collector_pauses_for_a_few_pages_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pages: int, collecting: bool
) -> None:
    """A few pages are checked without the cyclic collector; many pages (and their workers) collect as usual."""
    import gc

    seen = _collector_states(tmp_path, monkeypatch, pages)
    assert gc.isenabled()
    assert main(["check", "--jobs", "1", "docs_src"]) == 1
    capsys.readouterr()
    assert seen == [collecting]
    assert gc.isenabled()


def test_collector_paused_at_start_up_runs_again_for_many_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The entry point's start-up pause (lint.gc_pause) does not keep a check of many pages from collecting."""
    import gc

    from lint import gc_pause

    seen = _collector_states(tmp_path, monkeypatch, 24)
    gc_pause.pause()
    try:
        assert main(["check", "--jobs", "1", "docs_src"]) == 1
    finally:
        gc_pause.resume()
        gc.enable()
    capsys.readouterr()
    assert seen == [True]


def _collector_after(argv: list[str]) -> str:
    """What :func:`lint.cli.run` does with the collector: its passes from the call to the exit, and its state then."""
    code = (
        "import atexit, gc, sys\n"
        "from lint.cli import run\n"
        "passes = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and passes.append(info['generation']))\n"
        "atexit.register(lambda: print('COLLECTOR', len(passes), gc.isenabled()))\n"
        f"sys.argv = ['doclint', *{argv!r}]\n"
        "run()\n"
    )
    repo = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(repo)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=repo, check=False, env=env
    )
    return result.stdout.splitlines()[-1]


def test_a_one_file_check_makes_no_collector_pass() -> None:
    """Paused before the imports, off to the exit: turning it on after the check would cost a pass over everything."""
    assert _collector_after(["check", "locales/ru-RU/beta/api/call-reject.md"]) == "COLLECTOR 0 False"


def test_other_commands_collect_as_usual() -> None:
    """Only ``check`` keeps the start-up pause; ``rules`` (like ``serve`` or ``build``) turns the collector back on."""
    assert _collector_after(["rules", "DL101"]).endswith(" True")
