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
from lint.source import decode_source

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
    end_line = place.get("end_line", line)
    assert isinstance(end_line, int) and line <= end_line <= len(lines), place


@contextmanager
def _whole_tree_rewritten(root: Path, convert: Callable[[str], str]) -> Iterator[list[Path]]:
    """Every shipped page (English, translations, cmdlet help, the HTML page) rewritten at once, then restored."""
    pages = sorted(
        path
        for folder in ("docs_src", "locales", "pages")
        for path in (root / folder).rglob("*")
        if path.suffix in (".md", ".txt", ".html") and "metadata" not in path.parts
    )
    originals = {path: path.read_bytes() for path in pages}
    try:
        for path, data in originals.items():
            path.write_bytes(convert(data.decode("utf-8")).encode("utf-8"))
        yield pages
    finally:
        for path, data in originals.items():
            path.write_bytes(data)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_whole_shipped_tree_gives_the_same_findings_with_any_line_ends(
    in_project: Path, capsys: pytest.CaptureFixture[str], variant: str
) -> None:
    expected = _findings(capsys, "docs_src", "locales", "pages")
    assert len({item["path"] for item in expected}) >= 6
    with _whole_tree_rewritten(in_project, VARIANTS[variant]) as pages:
        assert len(pages) >= 10
        found = _findings(capsys, "docs_src", "locales", "pages")
        assert _places(found) == _places(expected)
        for item in found:
            related = item.get("related") or []
            assert isinstance(related, list)
            for place in (item, *related):
                _assert_inside(in_project / str(place["path"]), place)


ENCODED: dict[str, Callable[[str], bytes]] = {
    "utf-8-bom": lambda text: text.encode("utf-8-sig"),
    "utf-16-le-bom": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
    "utf-16-be-bom": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODED))
@pytest.mark.parametrize("page", ["locales/ru-RU/beta/api/call-reject.md", "locales/es-ES/v1.0/api/call-reject.txt"])
def test_a_bom_encoded_page_gives_the_findings_of_its_utf8_twin(
    in_project: Path, capsys: pytest.CaptureFixture[str], page: str, encoding: str
) -> None:
    expected = _places(_findings(capsys, page))
    assert expected
    path = in_project / page
    original = path.read_bytes()
    path.write_bytes(ENCODED[encoding](original.decode("utf-8")))
    try:
        assert _places(_findings(capsys, page)) == expected
    finally:
        path.write_bytes(original)


def _first_non_ascii(text: str) -> tuple[int, int]:
    """Line and column (code points) of the first non-ASCII character: where a legacy encoding's first bad byte is."""
    index = next(index for index, char in enumerate(text) if not char.isascii())
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


JAPANESE = (
    "---\ntitle: ユーザーを取得する\n---\n# ユーザーを取得する\n\n"
    "ユーザー オブジェクトのプロパティとリレーションシップを取得します。\n\n"
    "## HTTP 要求\n\n```http\nGET /users/{id}\n```\n"
)


@pytest.mark.parametrize(
    ("text", "encoding", "named"),
    [
        (
            (REPO / "locales/ru-RU/beta/api/call-reject.md").read_text(encoding="utf-8"),
            "cp1251",
            "Windows-1251 (Cyrillic)",
        ),
        (
            (REPO / "locales/zh-CN/beta/api/call-reject.md").read_text(encoding="utf-8"),
            "gb18030",
            "GB18030 (Simplified Chinese)",
        ),
        (JAPANESE, "shift_jis", "Shift-JIS (Japanese)"),
    ],
    ids=["windows-1251", "gb18030", "shift-jis"],
)
def test_a_legacy_encoding_is_named_at_the_first_bad_byte(text: str, encoding: str, named: str) -> None:
    source = decode_source("page.md", text.encode(encoding))
    assert source.diagnostic is not None
    line, column = _first_non_ascii(text)
    assert (source.diagnostic.code, source.diagnostic.span.line, source.diagnostic.span.column) == (
        "invalid-encoding",
        line,
        column,
    )
    assert source.diagnostic.message == f"the file is not UTF-8; it looks like {named}: convert it to UTF-8"


def test_latin1_spanish_is_not_mistaken_for_cyrillic() -> None:
    """Windows-1251 decodes Latin-1 bytes too; the accented letters inside Latin words give it away."""
    text = (REPO / "locales/es-ES/v1.0/api/call-reject.txt").read_text(encoding="utf-8")
    source = decode_source("page.txt", text.encode("latin-1"))
    assert source.diagnostic is not None
    bad = next(char for char in text if not char.isascii()).encode("latin-1")[0]
    assert source.diagnostic.message == f"file is not valid UTF-8 (byte 0x{bad:02x}); undecodable bytes were replaced"
    assert (source.diagnostic.span.line, source.diagnostic.span.column) == _first_non_ascii(text)


def test_the_column_of_a_bad_byte_counts_code_points_not_bytes() -> None:
    source = decode_source("page.md", "# Заголовок\r\rПривет ".encode() + b"\xff \xd0\xbc\n")
    assert source.diagnostic is not None
    assert (source.diagnostic.span.line, source.diagnostic.span.column) == (3, 8)


def test_a_broken_utf16_page_is_a_diagnostic_at_the_lone_surrogate() -> None:
    data = b"\xff\xfe" + "# Заголовок\nПривет ".encode("utf-16-le") + b"\x00\xd8" + "мир\n".encode("utf-16-le")
    source = decode_source("page.md", data)
    assert source.diagnostic is not None
    assert (source.diagnostic.span.line, source.diagnostic.span.column) == (2, 8)
    assert source.diagnostic.message.startswith("file is not valid UTF-16")
    assert source.text.startswith("# Заголовок\nПривет ")


def test_one_stray_byte_names_no_encoding() -> None:
    source = decode_source("page.md", b"# Title\n\nReturns \xff `200 OK`.\n")
    assert source.diagnostic is not None
    assert source.diagnostic.message == "file is not valid UTF-8 (byte 0xff); undecodable bytes were replaced"


YAML_BREAKS = {"nel": "\u0085", "line-separator": "\u2028", "paragraph-separator": "\u2029"}


@pytest.mark.parametrize("name", sorted(YAML_BREAKS))
def test_yaml_line_breaks_in_front_matter_do_not_move_later_findings(
    in_project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    page = "locales/ru-RU/beta/api/call-reject.md"
    expected = _places(_findings(capsys, page))
    assert expected
    path = in_project / page
    original = path.read_bytes()
    text = original.decode("utf-8").replace(
        "description: Отклонение входящего вызова.",
        f"description: 'Отклонение{YAML_BREAKS[name]}входящего{YAML_BREAKS[name]}вызова.'\nextra: [a, {{b: c}}]",
        1,
    )
    shifted = [(p, line + 1 if line > 3 else line, column, code) for p, line, column, code in expected]
    path.write_bytes(text.encode("utf-8"))
    try:
        assert _places(_findings(capsys, page)) == shifted
    finally:
        path.write_bytes(original)


@pytest.mark.parametrize("name", sorted(YAML_BREAKS))
def test_a_front_matter_error_after_yaml_line_breaks_keeps_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    page = tmp_path / "page.md"
    breaks = YAML_BREAKS[name]
    page.write_text(
        f"---\ntitle: 'one{breaks}two{breaks}three'\ndescription: \"x{breaks}y\"\n"
        "list: [a, b\nms.date: 1\n---\n\n# Title\n",
        encoding="utf-8",
    )
    findings = [item for item in _findings(capsys, str(page)) if item["code"] == "DL004"]
    assert [(item["line"], item["column"]) for item in findings] == [(5, 8)]


@pytest.mark.parametrize("name", sorted(YAML_BREAKS))
def test_a_platyps_parameter_yaml_error_after_yaml_line_breaks_keeps_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text = (REPO / "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md").read_text(encoding="utf-8")
    broken = text.replace(
        "Parameter Sets: RejectExpanded, Reject\nAliases:\n",
        f'Parameter Sets: "RejectExpanded,{YAML_BREAKS[name]}Reject"\nAliases: [a, b\n',
        1,
    )
    assert broken != text
    page = tmp_path / "Invoke-MgBetaRejectCommunicationCall.md"
    page.write_text(broken, encoding="utf-8")
    findings = [item for item in _findings(capsys, str(page)) if "not valid YAML" in str(item["message"])]
    assert [(item["line"], item["column"], item["code"]) for item in findings] == [(145, 9, "DL007")]
