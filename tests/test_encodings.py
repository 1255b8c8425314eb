"""Encodings and line ends (issue 12): every file is decoded or named, and no line end moves a finding.

The shipped pages are checked as they are and again with their line ends
rewritten (CR only, CRLF, a mix): editors and translation tools produce all
three, and a finding that moves or vanishes with the line ends is a wrong
finding. Each run happens in a copy of the project so the pair rules still
find the English page.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from lint.cli import main

REPO = Path(__file__).resolve().parent.parent

#: One page per parser: text rendering, Markdown, platyPS (two), HTML.
PAGES = (
    "locales/es-ES/v1.0/api/call-reject.txt",
    "locales/ru-RU/beta/api/call-reject.md",
    "locales/zh-CN/beta/api/call-reject.md",
    "docs_src/powershell/beta/Invoke-MgBetaInviteCommunicationCallParticipant.md",
    "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md",
    "pages/broken.html",
)

#: An HTML rendering with a defect on a known line (the shipped HTML fixtures are clean).
BROKEN_HTML = (REPO / "tests/fixtures/html/user-get.en-us.html").read_text(encoding="utf-8")


def _cr_only(text: str) -> str:
    return text.replace("\n", "\r")


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def _mixed(text: str) -> str:
    """LF, CRLF and CR in turn; never a CR before the LF of an empty line, which would make one CRLF of two ends."""
    ends = ("\n", "\r\n", "\r")
    parts = text.split("\n")
    out: list[str] = []
    previous = ""
    for index, part in enumerate(parts[:-1]):
        end = ends[index % 3]
        if previous == "\r" and part == "" and end == "\n":
            end = "\r\n"
        out.append(part + end)
        previous = end
    return "".join(out) + parts[-1]


VARIANTS: dict[str, Callable[[str], str]] = {"cr": _cr_only, "crlf": _crlf, "mixed": _mixed}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(REPO / "docs_src", root / "docs_src")
    shutil.copytree(REPO / "locales", root / "locales")
    (root / "pages").mkdir()
    (root / "pages/broken.html").write_text(_break_html(BROKEN_HTML), encoding="utf-8", newline="")
    return root


def _break_html(text: str) -> str:
    """Drop a comma in the last JSON example, so the HTML parser has a finding to place."""
    return text.replace('"Adele Vance",\n  "mail"', '"Adele Vance"\n  "mail"')


@pytest.fixture
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(project)
    yield project


def _findings(capsys: pytest.CaptureFixture[str], *paths: str) -> list[dict[str, object]]:
    main(["check", "--jobs", "1", "--format", "json", *paths])
    data: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return data


def _places(findings: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(item["path"], item["line"], item["column"], item["code"]) for item in findings]


@contextmanager
def _rewritten(root: Path, page: str, convert: Callable[[str], str]) -> Iterator[None]:
    path = root / page
    original = path.read_bytes()
    path.write_bytes(convert(original.decode("utf-8")).encode("utf-8"))
    try:
        yield
    finally:
        path.write_bytes(original)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("page", PAGES)
def test_line_ends_never_move_a_finding(
    in_project: Path, capsys: pytest.CaptureFixture[str], page: str, variant: str
) -> None:
    expected = _places(_findings(capsys, page))
    assert expected, f"{page} has no finding: the comparison would prove nothing"
    with _rewritten(in_project, page, VARIANTS[variant]):
        assert _places(_findings(capsys, page)) == expected


@pytest.mark.parametrize("variant", ["lf", "cr", "mixed"])
def test_every_finding_lies_inside_its_file(in_project: Path, capsys: pytest.CaptureFixture[str], variant: str) -> None:
    convert = VARIANTS.get(variant, lambda text: text)
    findings: list[dict[str, object]] = []
    for page in PAGES:
        with _rewritten(in_project, page, convert):
            for item in _findings(capsys, page):
                related = item.get("related") or []
                assert isinstance(related, list)
                for place in (item, *related):
                    _assert_inside(in_project / str(place["path"]), place)
                findings.append(item)
    assert len(findings) >= len(PAGES)


def _assert_inside(path: Path, place: dict[str, object]) -> None:
    """Line <= number of lines; column <= length of that line + 1 (just past its end, where a missing token goes)."""
    lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    line, column = place["line"], place["column"]
    assert isinstance(line, int) and isinstance(column, int)
    assert 1 <= line <= len(lines), place
    assert 1 <= column <= len(lines[line - 1]) + 1, place
