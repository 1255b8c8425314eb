"""File names with spaces, non-ASCII letters, undecodable bytes and report syntax work in every output (issue 12).

On Linux a file name is bytes; Python hands an undecodable one over with
lone surrogates (``b"caf\\xe9.md"`` is ``"caf\\udce9.md"``), which no UTF-8
writer accepts. Every output shows such a path the same way, as the text of
its escape (``caf\\udce9.md``), except SARIF, whose URIs percent-encode the
file name's own bytes (``caf%E9.md``); JSON, SARIF and HTML stay valid.
"""

from __future__ import annotations

import html.parser
import json
import os
from pathlib import Path

import pytest

from lint.cli import main

API = "docs_src/v1.0/api"
ENGLISH = """# thing: act

## Response
If successful, this method returns a `200 OK` response code.

## Examples
```http
HTTP/1.1 202 Accepted
```
"""
TRANSLATION = ENGLISH.replace("`200 OK` response", "`201 Created` response")
#: File name bytes, and the path as every report but SARIF shows it.
NAMES = {
    b"my page.md": "my page.md",
    "café 中文.md".encode(): "café 中文.md",
    b"caf\xe9.md": "caf\\udce9.md",
    b"a,b:c.md": "a,b:c.md",
}
#: The same file names as SARIF URIs: percent-encoded UTF-8, or the raw byte for the undecodable one.
URIS = ["my%20page.md", "caf%C3%A9%20%E4%B8%AD%E6%96%87.md", "caf%E9.md", "a%2Cb%3Ac.md"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each name as an English page (one DL101 finding) and its ru-RU translation (one status drift)."""
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    for root, text in ((API, ENGLISH), ("locales/ru-RU/v1.0/api", TRANSLATION)):
        (tmp_path / root).mkdir(parents=True)
        for name in NAMES:
            with open(os.fsencode(tmp_path / root) + b"/" + name, "wb") as file:
                file.write(text.encode())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    assert captured.err == ""
    captured.out.encode("utf-8")  # valid UTF-8: no lone surrogate reached the output
    return code, captured.out


def shown(root: str = API) -> list[str]:
    """The paths as reports show them, sorted (reports sort by the path itself, escapes aside)."""
    return sorted(f"{root}/{name}" for name in NAMES.values())


@pytest.mark.parametrize("form", ["text", "full"])
def test_text_reports_name_each_file_on_its_own_line(
    project: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    code, out = run(capsys, "check", "--jobs", "1", "--no-translations", "--format", form, API)
    assert code == 1
    heads = [line.split(":4:39: ")[0] for line in out.splitlines() if ":4:39: error DL101 " in line]
    assert sorted(heads) == shown()


def test_github_annotations_escape_the_property_separators(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "--jobs", "1", "--no-translations", "--format", "github", API)
    assert code == 1
    files = [line.split("file=", 1)[1].split(",line=4,")[0] for line in out.splitlines()]
    assert sorted(files) == [f"{API}/a%2Cb%3Ac.md", f"{API}/caf\\udce9.md", f"{API}/café 中文.md", f"{API}/my page.md"]


def test_json_names_each_file_as_the_text_reports_do(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "--jobs", "1", "--no-translations", "--format", "json", API)
    assert code == 1
    assert sorted(item["path"] for item in json.loads(out)) == shown()


def test_sarif_uris_percent_encode_the_file_names_bytes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "--jobs", "1", "--no-translations", "--format", "sarif", API)
    assert code == 1
    results = json.loads(out)["runs"][0]["results"]
    uris = [result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in results]
    assert sorted(uris) == sorted(f"{API}/{uri}" for uri in URIS)


def test_a_baseline_written_with_these_names_hides_their_findings(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "check", "--jobs", "1", "--format", "json", "docs_src", "locales")
    findings = len(json.loads(out))
    assert (code, findings >= 8) == (1, True)  # at least DL101 on each of the 8 pages
    assert main(["check", "--jobs", "1", "--write-baseline", "baseline.json", "docs_src", "locales"]) == 0
    Path("baseline.json").read_bytes().decode("utf-8")
    capsys.readouterr()
    code, out = run(capsys, "check", "--jobs", "1", "--baseline", "baseline.json", "docs_src", "locales")
    assert (code, out) == (0, f"All clear: no findings in 8 files; {findings} hidden by the baseline.\n")


def test_the_review_report_in_text(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "report", "--jobs", "1")
    assert code == 0
    heads = [line.split("  [")[0] for line in out.splitlines() if line.startswith("locales/")]
    assert sorted(heads) == shown("locales/ru-RU/v1.0/api")


def test_the_review_report_in_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "report", "--jobs", "1", "--format", "json")
    assert code == 0
    pages = json.loads(out)["pages"]
    assert sorted(page["path"] for page in pages) == shown("locales/ru-RU/v1.0/api")
    assert sorted(page["english"] for page in pages) == shown()


class _Cells(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._in_h2 = tag == "h2"

    def handle_data(self, data: str) -> None:
        if self._in_h2 and data.startswith("locales/"):
            self.headings.append(data)


def test_the_review_report_in_html(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "report", "--jobs", "1", "--format", "html")
    assert code == 0
    cells = _Cells()
    cells.feed(out)
    assert sorted(cells.headings) == shown("locales/ru-RU/v1.0/api")


@pytest.mark.parametrize("form", ["text", "json"])
def test_extract_names_each_file(project: Path, capsys: pytest.CaptureFixture[str], form: str) -> None:
    code, out = run(capsys, "extract", "--format", form, API)
    assert code == 0
    if form == "json":
        document = json.loads(out)
        pages = document["pages"] if isinstance(document, dict) else document
        assert sorted(page["path"] for page in pages) == shown()
    else:
        heads = [line.split(": markdown rest page")[0] for line in out.splitlines() if ": markdown rest page" in line]
        assert sorted(heads) == shown()


def test_control_characters_in_a_locale_directory_are_escaped_in_the_review(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = Path("locales/r\x1bu")
    hostile.mkdir()
    (hostile / "v1.0").symlink_to(Path("locales/ru-RU/v1.0").resolve(), target_is_directory=True)
    code, out = run(capsys, "report", "--jobs", "1")
    assert code == 0
    assert "\x1b" not in out and "r\\x1bu" in out
