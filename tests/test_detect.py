"""Format detection: by content first, by name to break ties, by configured glob above all."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.cli import main
from lint.parse.detect import detect_format
from tests.conftest import REPO

SHIPPED = {
    "docs_src/beta/api/call-reject.md": "markdown",
    "locales/zh-CN/beta/api/call-reject.md": "markdown",
    "locales/ru-RU/beta/api/call-reject.md": "markdown",
    "locales/es-ES/v1.0/api/call-reject.txt": "text",
    "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md": "platyps",
    "docs_src/powershell/beta/Invoke-MgBetaInviteCommunicationCallParticipant.md": "platyps",
}


@pytest.mark.parametrize(("relative", "expected"), SHIPPED.items())
def test_shipped_pages(relative: str, expected: str) -> None:
    assert detect_format(relative, (REPO / relative).read_text(encoding="utf-8")) == expected


def test_content_beats_extension() -> None:
    markdown = '## <a name="response"></a>Response\n\n```http\nHTTP/1.1 200 OK\n```\n'
    assert detect_format("page.txt", markdown) == "markdown"
    assert detect_format("page.md", "<!DOCTYPE html><html><body><h1>x</h1></body></html>") == "html"
    assert detect_format("cmdlet.txt", "---\nexternal help file: X-help.xml\n---\n# Get-X\n") == "platyps"
    assert (
        detect_format("notes.txt", "Respuesta\nSi se ejecuta correctamente, devuelve 200 OK.\n# a python comment\n")
        == "text"
    )


def test_unsupported() -> None:
    assert detect_format("image.txt", "\x89PNG\x00\x00") is None
    assert detect_format("data.csv", "a,b,c\n1,2,3\n") is None


def test_configured_glob_wins() -> None:
    assert detect_format("legacy/x.txt", "plain words\n", {"legacy/*.txt": "markdown"}) == "markdown"
    assert detect_format("other/x.txt", "plain words\n", {"legacy/*.txt": "markdown"}) == "text"


def test_extract_honours_configured_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.doclint.formats]\n"*.txt" = "markdown"\n', encoding="utf-8")
    (tmp_path / "page.txt").write_text("plain words\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "page.txt"]) == 0
    assert capsys.readouterr().out.startswith("page.txt: markdown rest page")
