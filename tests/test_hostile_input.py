"""Hostile and broken input (issue 12): every file gets an answer, and nothing outside the project is read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lint.cli import main

API = "docs_src/v1.0/api"

GOOD = """# thing: act

## Response
If successful, this method returns a `200 OK` response code.

## Examples
```http
HTTP/1.1 202 Accepted
```
"""
#: The one finding of GOOD: a status mismatch at 4:39.
GOOD_FINDING = "4:39: error DL101"
#: The end of the line that refuses a symbolic link out of the project.
ALLOWS = " (`allow-external-symlinks = true` allows it)"


@pytest.fixture
def project(empty_project: Path) -> Path:
    return empty_project


def pages(count: int) -> list[str]:
    paths = [f"{API}/page-{index:02}.md" for index in range(count)]
    for path in paths:
        Path(path).write_text(GOOD, encoding="utf-8")
    return paths


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    """Exit code, the report's finding lines (``path:line:col: severity CODE``) and stderr."""
    code = main(["check", *args])
    captured = capsys.readouterr()
    lines = [" ".join(line.split(" ")[:3]) for line in captured.out.splitlines()[:-1] if not line.startswith(" ")]
    return code, lines, captured.err


def report_lines(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    """Exit code, the whole text report and stderr."""
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def break_rule(monkeypatch: pytest.MonkeyPatch, name: str, victim: str) -> None:
    """Make rule ``name`` raise on the page ``victim`` only."""
    from msgspec.structs import replace

    import lint.rules as registry

    rule = registry.find_rule(name)
    assert rule is not None
    original = rule.check

    def broken(page, context):  # type: ignore[no-untyped-def]
        if page.path == victim:
            raise ValueError("boom\non two lines")
        return original(page, context)

    monkeypatch.setitem(registry._REGISTRY, rule.code, replace(rule, check=broken))


@pytest.mark.parametrize("count, jobs", [(3, "1"), (24, "2")])
def test_a_rule_failing_on_one_page_is_that_pages_finding(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, count: int, jobs: str
) -> None:
    paths = pages(count)
    victim = paths[1]
    break_rule(monkeypatch, "http-syntax", victim)
    code, out, err = report_lines(capsys, "--jobs", jobs, API)
    assert (code, err) == (2, "")
    expected = []
    for path in paths:
        if path == victim:
            expected.append(
                f"{path}:1:1: error DL020 internal-error rule DL001 http-syntax failed: ValueError: boom on two lines"
            )
        expected.append(f"{path}:{GOOD_FINDING} status-prose-mismatch")
    shown = [line.split(" the Response section")[0] for line in out[:-1] if not line.startswith(" ")]
    assert shown == expected
    assert out[-1] == f"Found {count + 1} findings ({count + 1} errors) in {count} of {count} files."


@pytest.mark.parametrize("count, jobs", [(3, "1"), (24, "2")])
def test_a_parser_failing_on_one_page_is_that_pages_finding(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, count: int, jobs: str
) -> None:
    import lint.parse.detect as detect

    paths = pages(count)
    victim = paths[-1]
    original = detect.parser_for

    def parser_for(name: str):  # type: ignore[no-untyped-def]
        parse = original(name)

        def parse_or_fail(text: str, path: str):  # type: ignore[no-untyped-def]
            if path == victim:
                raise UnicodeError("bad")
            return parse(text, path)

        return parse_or_fail

    monkeypatch.setattr(detect, "parser_for", parser_for)
    code, findings, err = run(capsys, "--jobs", jobs, API)
    assert (code, err) == (2, "")
    expected = [f"{path}:{GOOD_FINDING}" for path in paths[:-1]]
    expected.append(f"{victim}:1:1: error DL020")
    assert findings == expected


def test_the_failure_message_names_the_parser(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import lint.parse.detect as detect

    pages(1)

    def parser_for(name: str):  # type: ignore[no-untyped-def]
        def fail(text: str, path: str):  # type: ignore[no-untyped-def]
            raise RecursionError("deep")

        return fail

    monkeypatch.setattr(detect, "parser_for", parser_for)
    code, out, _ = report_lines(capsys, "--jobs", "1", API)
    assert code == 2
    assert (
        out[0] == f"{API}/page-00.md:1:1: error DL020 internal-error the markdown parser failed: RecursionError: deep"
    )


def test_an_internal_error_is_reported_whatever_the_selection_and_suppressions(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (path,) = pages(1)
    Path(path).write_text("<!-- doclint-disable-file -->\n" + GOOD, encoding="utf-8")
    break_rule(monkeypatch, "http-syntax", path)
    code, findings, _ = run(capsys, "--jobs", "1", "--select", "http-syntax", path)
    assert (code, findings) == (2, [f"{path}:1:1: error DL020"])


def test_unreadable_files_are_named_and_the_rest_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = pages(2)
    os.symlink("nowhere.md", f"{API}/dangling.md")
    os.symlink("loop.md", f"{API}/loop.md")
    code, findings, err = run(capsys, "--jobs", "1", API)
    assert code == 2
    assert findings == [f"{path}:{GOOD_FINDING}" for path in paths]
    assert err == (
        f"doclint: error: {API}/dangling.md: dangling symbolic link; skipped\n"
        f"doclint: error: {API}/loop.md: symbolic link loop; skipped\n"
    )
    # Named explicitly, they are the same one-line errors, not an abort.
    code, findings, err = run(capsys, "--jobs", "1", f"{API}/dangling.md", f"{API}/loop.md", paths[0])
    assert (code, findings) == (2, [f"{paths[0]}:{GOOD_FINDING}"])
    assert err.count("\n") == 2 and "dangling symbolic link" in err and "symbolic link loop" in err


def test_a_file_without_read_permission_is_named(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = pages(2)
    os.chmod(first, 0)
    try:
        if os.access(first, os.R_OK):
            pytest.skip("running as root: permissions do not stop reads")
        code, findings, err = run(capsys, "--jobs", "1", API)
    finally:
        os.chmod(first, 0o644)
    assert (code, findings) == (2, [f"{second}:{GOOD_FINDING}"])
    assert err == f"doclint: error: {first}: cannot read: Permission denied\n"


DEEP = "[" * 10_000 + "]" * 10_000
#: Each hostile page, the findings it gets (line, column, code) and the start of the first one's
#: message. A parser that learns to read one turns its internal error into ordinary findings.
HOSTILE = {
    "deep-annotation.md": (
        '# x: y\n\n<!-- {\n  "blockType": "request",\n  "x": ' + DEEP + "\n}-->\n```http\nGET /me\n```\n",
        [(5, 8 + 99, "DL003")],
        "annotation comment is nested deeper than 100 levels",
    ),
    "deep-front-matter.md": (
        "---\ntitle: " + DEEP + "\n---\n# x: y\n",
        [(2, 8 + 99, "DL004")],
        "front matter is not valid YAML: nested deeper than 100 levels",
    ),
    "huge-integer.md": (
        '# x: y\n\n## Response\n<!-- {\n  "blockType": "response"\n}-->\n```http\nHTTP/1.1 200 OK\n'
        'Content-Type: application/json\n\n{"size": ' + "1" * 5_000 + "}\n```\n",
        # It once raised ValueError past Python's 4,300-digit int conversion (found by fuzzing too).
        [(4, 1, "DL003"), (11, 10, "DL002")],
        "JSON does not parse: a number of 5,000 digits, longer than the 4,300 doclint can read",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_pages_get_an_answer(project: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """Deep nesting and a JSON integer past Python's 4,300 digits: a finding on the page, never an abort."""
    (good,) = pages(1)
    hostile = f"{API}/{name}"
    text, expected, message = HOSTILE[name]
    Path(hostile).write_text(text, encoding="utf-8")
    code, out, err = report_lines(capsys, "--jobs", "1", "--format", "json", API)
    assert (code, err) == (2 if expected[0][2] == "DL020" else 1, "")
    report = json.loads("\n".join(out))
    findings = [(item["path"], item["line"], item["column"], item["code"]) for item in report]
    hostile_findings = [(hostile, *finding) for finding in expected]
    assert findings == sorted([*hostile_findings, (good, 4, 39, "DL101")])
    assert [item["message"] for item in report if item["path"] == hostile][-1].startswith(message)


#: Runs ``doclint check`` with the Markdown parser failing on ``broken.md``: a parser bug, whatever the page.
_BROKEN_PARSER = """
import sys
import lint.parse.markdown.page as page

original = page.parse


def parse(text, path):
    if path.endswith("broken.md"):
        raise ValueError("boom")
    return original(text, path)


page.parse = parse
sys.argv = ["doclint", "check", *sys.argv[1:]]
from lint.cli import run

run()
"""


def test_a_page_that_fails_does_not_stop_a_subprocess_run(project: Path) -> None:
    """The real command line: exit 2, the report printed, no traceback (the parser is made to fail:
    no page is known to crash one)."""
    (good,) = pages(1)
    Path(f"{API}/broken.md").write_text(GOOD, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _BROKEN_PARSER, API], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{good}:{GOOD_FINDING}" in result.stdout
    assert (
        f"{API}/broken.md:1:1: error DL020 internal-error the markdown parser failed: ValueError: boom" in result.stdout
    )


def run_subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_a_fifo_is_skipped_unopened(project: Path) -> None:
    """A FIFO named like a page would block a reader forever: it is named and skipped, in a walk and by name."""
    (good,) = pages(1)
    fifo = f"{API}/page.md"
    os.mkfifo(fifo)
    for args in ([API], [fifo, good]):
        result = run_subprocess(*args)  # the timeout fails the test if the run hangs
        assert result.returncode == 2
        assert result.stderr == f"doclint: error: {fifo}: is a FIFO, not a regular file; skipped unread\n"
        assert f"{good}:{GOOD_FINDING}" in result.stdout


def test_a_symlink_out_of_the_project_is_never_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (good,) = pages(1)
    os.symlink("/etc/passwd", f"{API}/passwd.md")
    outside = project.parent / f"{project.name}-outside.md"
    outside.write_text(GOOD.replace("thing: act", "secret: leak"), encoding="utf-8")
    os.symlink(outside, f"{API}/leak.md")
    os.symlink("page-00.md", f"{API}/inside.md")  # a link within the project is read as before
    code, out, err = report_lines(capsys, "--jobs", "1", "--format", "full", API)
    assert code == 2
    root = os.path.realpath(project)
    assert err == (
        f"doclint: error: {API}/leak.md: a symbolic link to a file outside the project ({root}); not read{ALLOWS}\n"
        f"doclint: error: {API}/passwd.md: a symbolic link to a file outside the project ({root}); not read{ALLOWS}\n"
    )
    report = "\n".join(out)
    assert "root:" not in report and "secret" not in report and "leak.md" not in report
    assert f"{API}/inside.md:4:39" in report and f"{good}:4:39" in report


def test_a_file_over_the_size_limit_is_reported_unread(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small, big = pages(2)
    Path(big).write_text(GOOD + "x" * 1000, encoding="utf-8")
    Path("pyproject.toml").write_text("[tool.doclint]\nmax-file-size = 1000\n", encoding="utf-8")
    code, findings, err = run(capsys, "--jobs", "1", API)
    assert (code, findings) == (2, [f"{small}:{GOOD_FINDING}"])
    size = Path(big).stat().st_size
    assert err == f"doclint: error: {big}: {size:,} bytes, over the `max-file-size` limit of 1,000; skipped unread\n"


def test_max_file_size_must_be_a_positive_number(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages(1)
    Path("pyproject.toml").write_text('[tool.doclint]\nmax-file-size = "1MB"\n', encoding="utf-8")
    assert main(["check", API]) == 2
    assert capsys.readouterr().err.endswith("`max-file-size` must be a integer, not string\n")
    Path("pyproject.toml").write_text("[tool.doclint]\nmax-file-size = 0\n", encoding="utf-8")
    assert main(["check", API]) == 2
    assert capsys.readouterr().err.endswith("`max-file-size` must be a positive number of bytes, not `0`\n")


ESCAPES = "\x1b[31mRED\x1b[0m"
MISMATCH = GOOD.replace("HTTP/1.1 202 Accepted", "HTTP/1.1 202 Accepted" + ESCAPES)
#: A file name that would start a forged report line and clear the terminal.
FORGED = f"{API}/new\nline\x1b[2J.md"
SURROGATE_PAGE = """# user: get

## Response
<!-- {
  "blockType": "response",
  "@odata.type": "microsoft.graph.user"
}-->
```http
HTTP/1.1 200 OK
Content-Type: application/json

{"displayName\\ud800x": "a"}
```
"""


def hostile_names(project: Path) -> None:
    Path(f"{API}/escapes.md").write_text(MISMATCH, encoding="utf-8")
    Path(FORGED).write_text(GOOD, encoding="utf-8")
    Path(f"{API}/surrogate.md").write_text(SURROGATE_PAGE, encoding="utf-8")
    with open(os.fsencode(API) + b"/undecodable\xff.md", "wb") as file:
        file.write(GOOD.encode())


@pytest.mark.parametrize("form", ["text", "full", "github"])
def test_control_characters_are_shown_escaped_never_emitted(
    project: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    hostile_names(project)
    code, out, err = report_lines(capsys, "--jobs", "1", "--format", form, API)
    assert (code, err) == (1, "")
    report = "\n".join(out)
    for unsafe in ("\x1b", "\r", "\ud800", "\udcff"):
        assert unsafe not in report
    assert "\\x1b[31mRED\\x1b[0m" in report
    forged = FORGED.replace("\n", "\\x0a").replace("\x1b", "\\x1b")
    # Every report line that names a file starts with a known path: the newline forged none.
    starts = {line.split(":")[0] for line in out if line.startswith(API)}
    assert starts <= {f"{API}/escapes.md", forged, f"{API}/surrogate.md", f"{API}/undecodable\\udcff.md"}
    if form == "text":
        assert f"{forged}:4:39: error DL101 status-prose-mismatch the Response section says `200 OK`" in report
        assert "`displayName\\ud800x` is not declared by microsoft.graph.user" in report
        assert f"{API}/undecodable\\udcff.md:4:39: error DL101" in report
    if form == "github":
        assert f"::error file={forged},line=4,col=39," in report


def test_the_full_snippet_shows_the_line_escaped_with_the_caret_under_the_token(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = f"{API}/escapes.md"
    Path(page).write_text(GOOD.replace("If successful,", "If\x1b[1m successful,"), encoding="utf-8")
    code, out, _ = report_lines(capsys, "--jobs", "1", "--format", "full", page)
    assert code == 1
    assert out[1:5] == [
        "  |",
        "2 |",
        "3 | ## Response",
        "4 | If\\x1b[1m successful, this method returns a `200 OK` response code.",
    ]
    column = out[4].index("200 OK")  # the caret stands under the token as shown, escape and all
    assert out[5] == "  |" + " " * (column - 3) + "^^^^^^"


@pytest.mark.parametrize("form", ["json", "sarif"])
def test_lone_surrogates_keep_json_and_sarif_valid(
    project: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    hostile_names(project)
    code, out, err = report_lines(capsys, "--jobs", "1", "--format", form, API)
    assert (code, err) == (1, "")
    text = "\n".join(out)
    text.encode("utf-8")  # no lone surrogate left: a UTF-8 writer accepts it
    data = json.loads(text)
    strings = json.dumps(data, ensure_ascii=False)
    assert "displayName\\\\ud800x" in strings
    if form == "json":
        assert "undecodable\\\\udcff.md" in strings
    assert "\x1b" not in text  # JSON escapes control characters itself (as \\u001b)
    if form == "sarif":
        uris = {
            location["physicalLocation"]["artifactLocation"]["uri"]
            for result in data["runs"][0]["results"]
            for location in result["locations"]
        }
        assert f"{API}/undecodable%FF.md" in uris and f"{API}/new%0Aline%1B%5B2J.md" in uris


EDMX = (
    '<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"><edmx:DataServices>'
    '<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="microsoft.graph">'
    '<EntityType Name="secret"><Property Name="BODY" Type="Edm.String"/></EntityType>'
    "</Schema></edmx:DataServices></edmx:Edmx>"
)
XXE = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n' + EDMX.replace(
    "</Schema>", '<Annotation Term="x">&e;</Annotation></Schema>'
)
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n'
    + "".join(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">\n' for level in range(1, 10))
    + "]>\n"
    + EDMX.replace('Name="BODY"', 'Name="&lol9;"')
)
#: Within libxml2's own hard limit with huge_tree (2,048), beyond its default one (256).
DEEP_XML = EDMX.replace("</Schema>", "<Annotation>" * 1000 + "</Annotation>" * 1000 + "</Schema>")


@pytest.mark.parametrize(
    "document, reason",
    [
        (XXE, "it declares a DTD"),
        (LAUGHS, "Maximum entity amplification factor exceeded"),
        (DEEP_XML, "Excessive depth in document"),
    ],
    ids=["xxe", "billion-laughs", "deep-nesting"],
)
def test_hostile_csdl_is_a_tool_error_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: str, reason: str
) -> None:
    from lint.errors import ToolError
    from lint.schemas.csdl import load_csdl

    metadata = tmp_path / "hostile.csdl"
    metadata.write_text(document, encoding="utf-8")
    with pytest.raises(ToolError, match=reason) as raised:
        load_csdl(metadata)
    assert str(raised.value).startswith(f"{metadata}: not usable OData CSDL metadata: ")
    out = tmp_path / "out"
    assert main(["schemas", "build", "--metadata", str(metadata), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"doclint: error: {metadata}: not usable OData CSDL metadata: ")
    assert reason in captured.err and captured.out == "" and "root:" not in captured.err
    assert not out.exists() or not any(out.iterdir())


def test_the_csdl_loader_still_reads_graph_metadata() -> None:
    from lint.schemas.csdl import load_csdl

    model = load_csdl(Path(__file__).parents[1] / "docs_src" / "metadata" / "v1.0-Prod.csdl")
    assert "microsoft.graph.user" in model.types


def findings(count: int, tag: str) -> list[object]:
    from lint.diagnostic import Diagnostic

    return [
        Diagnostic("DL101", "status-prose-mismatch", "error", f"{API}/{tag}-{index}.md", 4, 39, 4, "x" * 200)
        for index in range(count)
    ]


def leftovers(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if path.name.endswith(".tmp"))


def test_a_failing_baseline_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lint.baseline import BaselineError, write_baseline

    target = tmp_path / "baseline.json"
    write_baseline(target, findings(3, "old"))  # type: ignore[arg-type]
    before = target.read_bytes()

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(BaselineError, match="No space left on device"):
        write_baseline(target, findings(5, "new"))  # type: ignore[arg-type]
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_failing_report_write_leaves_the_old_report_and_no_temporary(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import lint.check

    pages(1)
    report = project / "report.json"
    report.write_text("the previous report\n", encoding="utf-8")

    def half_then_full(diagnostics: object, stream: Any, summary: object) -> None:
        stream.write("[\n  {")
        stream.flush()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lint.check, "writer_for", lambda name: half_then_full)
    assert main(["check", "--jobs", "1", "--output", str(report), API]) == 2
    assert capsys.readouterr().err == f"doclint: error: {report}: cannot write: No space left on device\n"
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert leftovers(project) == []


def test_written_files_get_ordinary_permissions(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages(1)
    main(["check", "--jobs", "1", "--output", "report.txt", "--write-baseline", "baseline.json", API])
    main(["check", "--jobs", "1", "--output", "report.txt", API])
    capsys.readouterr()
    umask = os.umask(0o022)
    os.umask(umask)
    for name in ("report.txt", "baseline.json"):
        assert (Path(name).stat().st_mode & 0o777) == 0o666 & ~umask


def test_concurrent_baseline_writers_never_leave_a_broken_file(tmp_path: Path) -> None:
    """Two runs writing one baseline at once: the file is always one of the two, whole."""
    import threading

    from lint.baseline import write_baseline

    target = tmp_path / "baseline.json"
    versions = {tag: findings(count, tag) for tag, count in (("one", 400), ("two", 900))}
    expected = set()
    for items in versions.values():
        write_baseline(target, items)  # type: ignore[arg-type]
        expected.add(target.read_text(encoding="utf-8"))
    failures: list[BaseException] = []
    seen: set[str] = set()
    stop = threading.Event()

    def writer(tag: str) -> None:
        try:
            for _ in range(40):
                write_baseline(target, versions[tag])  # type: ignore[arg-type]
        except BaseException as error:
            failures.append(error)

    def reader() -> None:
        while not stop.is_set():
            seen.add(target.read_text(encoding="utf-8"))

    threads = [threading.Thread(target=writer, args=(tag,)) for tag in versions]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    watcher.join()
    assert failures == []
    assert seen <= expected and target.read_text(encoding="utf-8") in expected
    assert leftovers(tmp_path) == []


def test_report_names_an_unreadable_translation_and_reviews_the_rest(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    german = Path("locales/de-DE/v1.0/api")
    german.mkdir(parents=True)
    Path(f"{API}/thing-act.md").write_text(GOOD, encoding="utf-8")
    (german / "thing-act.md").write_text(GOOD, encoding="utf-8")
    os.symlink("nowhere.md", german / "gone.md")
    code = main(["report", "--jobs", "1", "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err == "doclint: error: locales/de-DE/v1.0/api/gone.md: dangling symbolic link; skipped\n"
    assert "locales/de-DE/v1.0/api/thing-act.md" in captured.out
    json.loads(captured.out)
