"""Fixes of examples: status lines, Content-Length, JSON bodies, notes; and ``--diff`` over all passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.cli import main

PAGE = "v1.0/api/thing-send.md"
TRANSLATION = f"locales/ru-RU/{PAGE}"
CONFIG = '[tool.doclint]\nsource-root = "docs_src"\nlocales-root = "locales"\n'


def project(root: Path, english: str, translation: str) -> Path:
    """A project of one English page and its ru-RU translation; the translation's path."""
    (root / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    for relative, text in ((f"docs_src/{PAGE}", english), (TRANSLATION, translation)):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / TRANSLATION


def fix(path: Path, *options: str) -> str:
    """Run ``check --fix`` (with ``options``) on the page; its text after."""
    main(["check", "--no-cache", "--jobs", "1", "--select", "DL1,DL6", "--fix", *options, str(path)])
    return path.read_text(encoding="utf-8")


def response(status: str, body: str = "", headers: str = "") -> str:
    head = f"HTTP/1.1 {status}\n{headers}"
    return f'<!-- {{ "blockType": "response" }} -->\n```http\n{head}' + (f"\n{body}\n" if body else "") + "```\n"


def status_page(status: str, prose: str = "202 Accepted") -> str:
    return (
        "# Send thing\n\n## HTTP request\n\n```http\nPOST /things/{id}/send\n```\n\n"
        f"## Response\n\nIf successful, this method returns a `{prose}` response code.\n\n"
        f"## Example\n\n{response(status)}"
    )


def test_a_status_line_takes_the_english_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    english = status_page("202 Accepted")
    page = project(tmp_path, english, status_page("200   OK  "))
    assert fix(page) == english.replace("202 Accepted\n```", "202 Accepted  \n```")  # only the status replaced
    assert "fixed 1 finding in 1 file" in capsys.readouterr().err
    assert main(["check", "--no-cache", "--jobs", "1", "--diff", str(page)]) == 0


def test_a_status_line_is_left_when_english_shows_two_statuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    both = "202 Accepted` or `204 No Content"
    english = status_page("202 Accepted", both) + "\n" + response("204 No Content")
    page = project(tmp_path, english, status_page("200 OK", both) + "\n" + response("204 No Content"))
    before = page.read_text(encoding="utf-8")
    assert fix(page) == before
    assert "fixed" not in capsys.readouterr().err
