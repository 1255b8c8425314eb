"""``doclint report``: the reviewer's view, its data, and its text, JSON and HTML writers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest

from lint.cli import main
from lint.config import load_config
from lint.diagnostic import Diagnostic, RelatedLocation
from lint.review.command import write_atomically
from lint.review.data import build_review
from lint.review.html import highlight

REPO = Path(__file__).resolve().parent.parent

#: ``doclint report`` over the shipped corpus: every translation, its English line beside each finding.
SHIPPED_TEXT = REPO / "tests" / "fixtures" / "review" / "shipped.txt"


def report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["report", "--jobs", "1", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_shipped_corpus_text(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Findings never fail a report: it exits 0 over a corpus whose check exits 1."""
    assert report(capsys) == (0, SHIPPED_TEXT.read_text(encoding="utf-8"), "")


def test_shipped_corpus_json(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = report(capsys, "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == ["doclint_review", "english_pages", "staleness_judged", "english_locale", "locales", "pages"]
    assert (data["doclint_review"], data["english_pages"], data["english_locale"]) == (1, 6, "en-US")
    assert [summary["locale"] for summary in data["locales"]] == ["es-ES", "ru-RU", "zh-CN"]
    russian = data["locales"][1]
    assert russian == {
        "locale": "ru-RU",
        "translated": 1,
        "fresh": None,
        "stale": 0,
        "source_unknown": 0,
        "orphan": 0,
        "untranslated": 5,
        "untranslated_pages": [
            "docs_src/beta/api/participant-invite.md",
            "docs_src/powershell/beta/Invoke-MgBetaInviteCommunicationCallParticipant.md",
            "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md",
            "docs_src/v1.0/api/call-reject.md",
            "docs_src/v1.0/api/participant-invite.md",
        ],
        "findings": {
            "status-drift": 1,
            "path-drift": 2,
            "param-name-drift": 1,
            "param-missing": 1,
            "header-drift": 2,
            "json-drift": 2,
            "example-missing": 2,
            "page": 1,
        },
    }
    assert [page["path"] for page in data["pages"]] == [
        "locales/es-ES/v1.0/api/call-reject.txt",
        "locales/ru-RU/beta/api/call-reject.md",
        "locales/zh-CN/beta/api/call-reject.md",
    ]
    page = data["pages"][1]
    assert {key: page[key] for key in ("locale", "english", "status")} == {
        "locale": "ru-RU",
        "english": "docs_src/beta/api/call-reject.md",
        "status": "unjudged",
    }
    assert [(group["kind"], group["drift"], len(group["findings"])) for group in page["groups"]] == [
        ("status-drift", True, 1),
        ("path-drift", True, 2),
        ("param-name-drift", True, 1),
        ("param-missing", True, 1),
        ("header-drift", True, 2),
        ("json-drift", True, 2),
        ("example-missing", True, 2),
        ("page", False, 1),
    ]
    header = next(item for item in page["groups"][4]["findings"] if item["line"] == 39)
    assert header == {
        "code": "DL606",
        "name": "header-drift",
        "severity": "error",
        "line": 39,
        "column": 3,
        "end_line": 39,
        "message": header["message"],
        "translated": {
            "path": "locales/ru-RU/beta/api/call-reject.md",
            "line": 39,
            "text": "| Авторизация | Bearer {токен}. Обязательный. |",
        },
        "english": {
            "path": "docs_src/beta/api/call-reject.md",
            "line": 42,
            "text": "| Authorization | Bearer {token}. Required. |",
        },
    }
    # A finding with no related place on the English page has no English line.
    syntax = next(item for item in page["groups"][7]["findings"] if item["name"] == "http-syntax")
    assert (syntax["translated"]["text"], syntax["english"]) == ("```http", None)


def test_locale_filter(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = report(capsys, "--format", "json", "--locale", "zh-CN,es-ES")
    data = json.loads(out)
    assert code == 0
    assert [summary["locale"] for summary in data["locales"]] == ["es-ES", "zh-CN"]
    assert [page["locale"] for page in data["pages"]] == ["es-ES", "zh-CN"]
    code, out, _ = report(capsys, "--locale", "ru-RU")
    assert code == 0
    assert "locales/ru-RU/beta/api/call-reject.md" in out
    assert "zh-CN" not in out and "es-ES" not in out


def test_unknown_locale_is_a_tool_error(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(capsys, "--locale", "de-DE") == (
        2,
        "",
        "doclint: error: --locale de-DE: no such locale under locales/ (have: es-ES, ru-RU, zh-CN)\n",
    )


def test_missing_path_is_a_tool_error(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(capsys, "nope.md") == (2, "", "doclint: error: nope.md: no such file or directory\n")


def test_an_english_page_brings_its_translations(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = report(capsys, "--format", "json", "docs_src/beta/api/call-reject.md")
    assert code == 0
    data = json.loads(out)
    assert [page["path"] for page in data["pages"]] == [
        "locales/ru-RU/beta/api/call-reject.md",
        "locales/zh-CN/beta/api/call-reject.md",
    ]
    # es-ES has no copy of this page; it is the only English page in the selection.
    assert [(item["locale"], item["translated"], item["untranslated"]) for item in data["locales"]] == [
        ("es-ES", 0, 1),
        ("ru-RU", 1, 0),
        ("zh-CN", 1, 0),
    ]


PAGE = """# thing: act

## Response
If successful, this method returns a `200 OK` response code.
"""


def write(root: Path, relative: str, text: str = PAGE) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two English pages; ru-RU translates one and has an orphan, zh-CN translates both."""
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    for relative in (
        "docs_src/v1.0/api/a.md",
        "docs_src/v1.0/api/b.md",
        "locales/ru-RU/v1.0/api/a.md",
        "locales/ru-RU/v1.0/api/gone.md",
        "locales/zh-CN/v1.0/api/a.md",
        "locales/zh-CN/v1.0/api/b.md",
    ):
        write(tmp_path, relative)
    (tmp_path / "locales" / "fr-FR").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_coverage(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """English pages lacking a translation per locale; an empty locale folder lacks them all; an orphan is counted."""
    code, out, _ = report(capsys, "--format", "json")
    assert code == 0
    data = json.loads(out)
    counts = [
        (item["locale"], item["translated"], item["orphan"], item["untranslated"], item["untranslated_pages"])
        for item in data["locales"]
    ]
    assert counts == [
        ("fr-FR", 0, 0, 2, ["docs_src/v1.0/api/a.md", "docs_src/v1.0/api/b.md"]),
        ("ru-RU", 2, 1, 1, ["docs_src/v1.0/api/b.md"]),
        ("zh-CN", 2, 0, 0, []),
    ]
    statuses = {page["path"]: (page["status"], page["english"]) for page in data["pages"]}
    assert statuses["locales/ru-RU/v1.0/api/gone.md"] == ("orphan", None)
    assert statuses["locales/ru-RU/v1.0/api/a.md"] == ("unjudged", "docs_src/v1.0/api/a.md")


def test_coverage_text(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(capsys, "--ignore", "ALL") == (
        0,
        "doclint report: 4 translated pages in 3 locales, 2 English pages\n"
        "\n"
        "locale  translated  fresh  stale  source-unknown  orphan  untranslated\n"
        "fr-FR            0      -      0               0       0             2\n"
        "ru-RU            2      -      0               0       1             1\n"
        "zh-CN            2      -      0               0       0             0\n"
        "(fresh: not judged: give the English history with --source-history to tell fresh from stale)\n"
        "\n"
        "findings by kind\n"
        "  fr-FR  none\n"
        "  ru-RU  none\n"
        "  zh-CN  none\n",
        "",
    )


def finding(name: str, path: str, line: int = 1, code: str = "DL999") -> Diagnostic:
    return Diagnostic(code, name, "warning", path, line, 1, line, f"{name} here")


def test_freshness_from_staleness_findings(project: Path) -> None:
    """stale-source and stale-segment make a page stale, source-unknown unknown, orphan-translation an orphan."""
    for name in ("c", "d", "e"):
        write(project, f"docs_src/v1.0/api/{name}.md")
        write(project, f"locales/ru-RU/v1.0/api/{name}.md")
    config = load_config()
    ru = "locales/ru-RU/v1.0/api"
    files = [f"docs_src/v1.0/api/{name}.md" for name in "abcde"] + [f"{ru}/{name}.md" for name in "abcde"]
    diagnostics = [
        finding("stale-source", f"{ru}/a.md"),
        finding("source-unknown", f"{ru}/b.md"),
        finding("orphan-translation", f"{ru}/c.md"),
        finding("stale-segment", f"{ru}/d.md", 4),
        finding("source-unknown", f"{ru}/d.md"),  # stale wins: the embedded English says enough
    ]
    judged = build_review(files, diagnostics, config, locales=["ru-RU"], staleness_judged=True)
    assert [(page.path.rsplit("/", 1)[1], page.status) for page in judged.pages] == [
        ("a.md", "stale"),
        ("b.md", "source-unknown"),
        ("c.md", "orphan"),
        ("d.md", "stale"),
        ("e.md", "fresh"),
    ]
    (summary,) = judged.locales
    assert (summary.translated, summary.fresh, summary.stale, summary.source_unknown, summary.orphan) == (5, 1, 2, 1, 1)
    assert summary.findings == {"page": 5}
    assert (
        judged.pages[3].groups[0].findings[0].translated.text
        == "If successful, this method returns a `200 OK` response code."
    )
    unjudged = build_review(files, diagnostics, config, locales=["ru-RU"])
    assert [page.status for page in unjudged.pages][-1] == "unjudged"
    assert unjudged.locales[0].fresh is None


def test_drift_kinds_come_from_the_registry(project: Path) -> None:
    """A rule tagged ``drift`` is a kind of its own, before the page findings; others are one group."""
    config = load_config()
    page = "locales/ru-RU/v1.0/api/a.md"
    diagnostics = [
        finding("status-prose-mismatch", page, code="DL101"),
        finding("table-row-drift", page, 4, code="DL601"),
    ]
    review = build_review(["docs_src/v1.0/api/a.md", page], diagnostics, config, locales=["ru-RU"])
    assert [(group.kind, group.drift) for group in review.pages[0].groups] == [
        ("table-row-drift", True),
        ("page", False),
    ]
    assert review.locales[0].findings == {"table-row-drift": 1, "page": 1}


def test_english_line_comes_from_the_related_place_on_the_english_page(project: Path) -> None:
    config = load_config()
    page = "locales/ru-RU/v1.0/api/a.md"
    related = (
        RelatedLocation(page, 1, 1, 1, "elsewhere on the translation"),
        RelatedLocation("docs_src/v1.0/api/a.md", 3, 1, 3, "the English page says"),
    )
    diagnostic = Diagnostic("DL601", "table-row-drift", "warning", page, 4, 1, 4, "drift", related)
    (item,) = build_review([page], [diagnostic], config).pages[0].groups[0].findings
    assert (item.translated.line, item.translated.text) == (4, PAGE.splitlines()[3])
    assert item.english is not None
    assert (item.english.path, item.english.line, item.english.text) == ("docs_src/v1.0/api/a.md", 3, "## Response")


HOSTILE_ENGLISH = """# thing: act

## Request headers
| Name | Description |
|:-----|:------------|
| Authorization | Bearer {token}. Required. |
| Content-type | application/json. Required. |
"""
HOSTILE_TRANSLATION = """# thing: act <script>alert("title")</script>

## Request headers
| Name | Description |
|:-----|:------------|
| Авторизация<script>alert(1)</script> | Bearer "x" & 'y' <img src=x onerror=alert(1)> |
"""
HOSTILE = "locales/ru-RU/v1.0/api/thing<act>.md"


def test_html_is_self_contained_valid_and_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    write(tmp_path, "docs_src/v1.0/api/thing<act>.md", HOSTILE_ENGLISH)
    write(tmp_path, HOSTILE, HOSTILE_TRANSLATION)
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--jobs", "1", "--format", "html", "--ignore", "DL5", "--output", "out/r.html"]) == 2
    (tmp_path / "out").mkdir()
    assert main(["report", "--jobs", "1", "--format", "html", "--ignore", "DL5", "--output", "out/r.html"]) == 0
    text = (tmp_path / "out" / "r.html").read_text(encoding="utf-8")
    assert os.listdir(tmp_path / "out") == ["r.html"]
    # Valid HTML5: the WHATWG parser in strict mode raises on any parse error.
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)
    elements = list(tree.iter())
    tags = {element.tag for element in elements}
    assert {"img", "link", "iframe", "object", "embed"} & tags == set()
    scripts = [element for element in elements if element.tag == "script"]
    assert len(scripts) == 1 and scripts[0].attrib == {}
    assert "alert" not in (scripts[0].text or "")
    for element in elements:
        assert not [name for name in element.attrib if name.lower().startswith("on")], element.tag
        assert element.get("src") is None
        assert (element.get("href") or "#").startswith("#")
    assert "http://" not in text and "https://" not in text
    # Every piece of page text is there, as text.
    texts = ["".join(cell.itertext()) for cell in elements if cell.tag in ("td", "h2")]
    assert HOSTILE in texts
    line = next(cell for cell in texts if 'Bearer "x"' in cell)
    assert line == "6| Авторизация<script>alert(1)</script> | Bearer \"x\" & 'y' <img src=x onerror=alert(1)> |"
    # Sortable: every table has a header row the script binds to.
    tables = [element for element in elements if element.tag == "table"]
    assert tables and all(table.get("class") == "sortable" and table.find("thead") is not None for table in tables)
    # The drifted tokens are marked on both sides (the hostile row has too little in common with its English).
    marks = ["".join(mark.itertext()) for mark in elements if mark.tag == "mark"]
    assert marks == ["Name", "Description", "Content-type", "application/json. Required."]


def test_highlight_marks_the_differing_tokens_and_escapes() -> None:
    assert highlight("| Авторизация | Bearer {токен}. <b> |", "| Authorization | Bearer {token}. <b> |") == (
        "| <mark>Авторизация</mark> | Bearer {<mark>токен</mark>}. &lt;b&gt; |",
        "| <mark>Authorization</mark> | Bearer {<mark>token</mark>}. &lt;b&gt; |",
    )


def test_output_replaces_the_file_atomically(in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    assert main(["report", "--jobs", "1", "--format", "json", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["doclint_review"] == 1
    assert os.listdir(tmp_path) == ["report.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # a report, not a secret: not mkstemp's 0600


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")

    def broken(stream: object) -> None:
        raise RuntimeError("renderer broke")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["report.html"]


def test_check_does_not_import_the_review_modules() -> None:
    code = (
        "import sys\n"
        "from lint.cli import main\n"
        "main(['check', '--jobs', '1', '--no-translations', 'docs_src/beta/api/call-reject.md'])\n"
        "print('REVIEW', sorted(m for m in sys.modules if m.startswith('lint.review')))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False, env=env
    )
    assert result.stdout.splitlines()[-1] == "REVIEW []"


def test_highlight_leaves_lines_with_little_in_common_unmarked() -> None:
    """A translated sentence beside its English: all of it differs, so marking it says nothing."""
    russian = "Этот метод возвращает код отклика `200 OK`."
    english = "If successful, this method returns a `202 Accepted` response code."
    assert highlight(russian, english) == (russian, english)


def test_highlight_keeps_spaces_outside_the_marks() -> None:
    assert highlight('  "reason": "none",', '  "reason": "busy",') == (
        "  &quot;reason&quot;: &quot;<mark>none</mark>&quot;,",
        "  &quot;reason&quot;: &quot;<mark>busy</mark>&quot;,",
    )


def test_freshness_is_judged_only_with_a_given_history(tmp_path: Path) -> None:
    """A detected history is silent about commits it lacks: its silence is no evidence of freshness."""
    from lint.config import build_config
    from lint.review.command import _staleness_judged

    assert not _staleness_judged(build_config({}, root=tmp_path, file=None))
    given = build_config({}, root=tmp_path, file=None)
    from msgspec.structs import replace

    assert _staleness_judged(replace(given, source_history=str(tmp_path)))
    assert not _staleness_judged(replace(given, source_history=str(tmp_path), enabled=frozenset()))


#: U+2028, NEL and form feed are text inside a line for the parsers (and editors), lines for ``str.splitlines``.
SEPARATED_ENGLISH = (
    "# thing: act\n\nA line\u2028with a separator and a form\x0cfeed.\n\n## Response\n"
    "If successful, this method returns a `202 Accepted` response code.\n"
)
SEPARATED_TRANSLATION = (
    "# thing: act\n\nLine\u2028sep\x85nel.\n\n## Response\n"
    "If successful, this method returns a `200 OK` response code.\n"
)


def separated_project(root: Path) -> None:
    (root / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    write(root, "docs_src/v1.0/api/a.md", SEPARATED_ENGLISH)
    write(root, "locales/ru-RU/v1.0/api/a.md", SEPARATED_TRANSLATION)


def test_line_separators_in_a_page_do_not_shift_the_quoted_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    separated_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = report(capsys, "--format", "json")
    assert code == 0
    (page,) = json.loads(out)["pages"]
    (finding,) = [item for group in page["groups"] for item in group["findings"]]
    assert (finding["name"], finding["line"]) == ("status-drift", 6)
    assert finding["translated"] == {
        "path": "locales/ru-RU/v1.0/api/a.md",
        "line": 6,
        "text": "If successful, this method returns a `200 OK` response code.",
    }
    assert finding["english"] == {
        "path": "docs_src/v1.0/api/a.md",
        "line": 6,
        "text": "If successful, this method returns a `202 Accepted` response code.",
    }


def test_line_separators_do_not_shift_the_site_dashboards_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lint.check import CheckOptions, configure
    from lint.engine import check_files
    from lint.site.dashboard import read_documents

    separated_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    config = configure(CheckOptions(paths=[]))
    paths = ["docs_src/v1.0/api/a.md", "locales/ru-RU/v1.0/api/a.md"]
    findings = [item for result in check_files(paths, config, 1) for item in result.diagnostics]
    review = build_review(paths, findings, config)
    documents = read_documents(review)
    for path, text in zip(paths, (SEPARATED_ENGLISH, SEPARATED_TRANSLATION), strict=True):
        assert documents[path].lines == text.rstrip("\n").split("\n")
        assert documents[path].lines[5].endswith("response code.")


def test_line_separators_do_not_shift_the_first_changed_line() -> None:
    from lint.changes import compare_versions
    from lint.parse.detect import parse_source
    from lint.source import decode_source

    old = SEPARATED_ENGLISH
    current = old.replace("202 Accepted", "204 No Content")
    pages = [parse_source(decode_source("docs_src/v1.0/api/a.md", text.encode())) for text in (old, current)]
    changes = compare_versions(old, current, *pages)
    assert (changes.added, changes.removed, changes.first_changed_line) == (1, 1, 6)
