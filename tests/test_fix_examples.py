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


def length_page(length: str, body: str) -> str:
    headers = f"Content-Type: application/json\nContent-Length: {length}\n"
    return "# Send thing\n\n## Example\n\n" + response("200 OK", body, headers)


#: 28 bytes in UTF-8 with LF line ends (23 characters: "Занят" is 10 bytes in 5).
BODY = '{\n  "reason": "Занят"\n}'


def test_content_length_is_recomputed_as_the_utf8_length_of_the_body(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    page = project(tmp_path, length_page("28", BODY), length_page("  464 ", BODY))
    assert fix(page) == length_page("  28 ", BODY)
    assert "fixed 1 finding in 1 file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("length", "body"),
    [
        ("464", '{\n  "reason": "Занят",\n  ...\n}'),  # elided: the length of the whole body is unknown
        ("464", "reason=busy"),  # plain text: nothing shows whether it is whole
        ("many", BODY),  # no number: content-length-mismatch says so, and no count replaces words
    ],
)
def test_content_length_is_left_when_the_body_is_not_shown_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], length: str, body: str
) -> None:
    monkeypatch.chdir(tmp_path)
    page = project(tmp_path, length_page("28", BODY), length_page(length, body))
    main(["check", "--no-cache", "--jobs", "1", "--select", "DL102", str(page)])
    assert f"{TRANSLATION}:9:1: warning DL102 content-length-mismatch " in capsys.readouterr().out  # no [*]
    assert fix(page) == length_page(length, body)
