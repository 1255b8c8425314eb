"""Fixes of examples: status lines, Content-Length, JSON bodies, notes; and ``--diff`` over all passes."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from lint.cli import main
from lint.diagnostic import Diagnostic
from lint.fix.edit import Edit, Fix
from lint.fix.run import fix_pages
from lint.source import read_source

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


def request(name: str, body: str) -> str:
    annotation = f'<!-- {{ "blockType": "request", "name": "{name}" }} -->\n'
    head = "POST https://graph.microsoft.com/v1.0/things/1f0c2b5e-8e0e-4c39-9d5c-0c0e5c7d6a11/send"
    return f"{annotation}```http\n{head}\nContent-Type: application/json\n\n{body}\n```\n"


def examples(heading: str, *bodies: tuple[str, str]) -> str:
    return f"# Send thing\n\n## {heading}\n\n" + "\n".join(request(name, body) for name, body in bodies)


ENGLISH_HEADING, RUSSIAN_HEADING = "Examples", '<a name="examples"></a>Примеры'


def json_drift(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The json-drift lines of the text report (``[*]`` marks the fixable), without the path."""
    capsys.readouterr()
    main(["check", "--no-cache", "--jobs", "1", "--select", "DL608", str(path)])
    out = capsys.readouterr().out
    return [line.split(": ", 1)[1] for line in out.splitlines() if "DL608" in line and not line.startswith(" ")]


def test_a_renamed_member_is_restored_in_every_example_the_finding_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    english = examples(ENGLISH_HEADING, ("a", '{\n  "resourceUrl": "x"\n}'), ("b", '{"resourceUrl": "y"}'))
    translation = examples(RUSSIAN_HEADING, ("a", '{\n  "resource": "x"\n}'), ("b", '{"resource": "y"}'))
    page = project(tmp_path, english, translation)
    assert json_drift(page, capsys) == [
        "warning DL608 [*] json-drift in this request example, member `resource` (`/resource`) is "
        "`resourceUrl` in the English request example `a`"
    ]
    assert fix(page) == translation.replace('"resource"', '"resourceUrl"')
    assert "fixed 1 finding in 1 file" in capsys.readouterr().err
    assert json_drift(page, capsys) == []


SAMPLE = '{\n  "link": "https://www.bing.com",\n  "language": "en-US"\n}'


def test_numbers_booleans_and_identifiers_are_restored_sample_strings_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    english_body = (
        '{\n  "@odata.type": "#microsoft.graph.user",\n  "reason": "busy",\n  "maxPoints": 1.0e2,\n  "enabled": true\n}'
    )
    translated_body = (
        '{\n  "@odata.type": "#microsoft.graph.group",\n  "reason":"none",\n  "maxPoints": 50,\n  "enabled": false\n}'
    )
    english = examples(ENGLISH_HEADING, ("a", english_body), ("b", SAMPLE))
    localized = SAMPLE.replace("https://www.bing.com", "https://yandex.ru").replace("en-US", "ru-RU")
    page = project(tmp_path, english, examples(RUSSIAN_HEADING, ("a", translated_body), ("b", localized)))
    assert [line.split(" in this")[0] for line in json_drift(page, capsys)] == [
        *["warning DL608 [*] json-drift"] * 4,
        *["warning DL608 json-drift"] * 2,  # a sample URL and a locale, which a translator may localize
    ]
    # Each restored as English writes it (`1.0e2`), the rest of the line kept (`"reason":` without a space).
    restored = translated_body.replace("group", "user").replace('"none"', '"busy"').replace("50", "1.0e2")
    assert fix(page) == examples(RUSSIAN_HEADING, ("a", restored.replace("false", "true")), ("b", localized))


def test_an_example_carried_under_another_name_is_left_to_a_reviewer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    busy, none = '{"reason": "busy"}', '{"reason": "none"}'
    english = examples(ENGLISH_HEADING, ("send-busy", busy), ("send-none", none))
    translation = examples(RUSSIAN_HEADING, ("send-busy", none))
    page = project(tmp_path, english, translation)
    (finding,) = json_drift(page, capsys)
    assert finding.startswith("warning DL608 json-drift ")
    assert "carried under the name `send-busy`" in finding
    assert fix(page) == translation


def _diagnostic(path: str, edit: Edit) -> Diagnostic:
    return Diagnostic("DL602", "path-drift", "warning", path, edit.line, edit.column, edit.line, "m", fix=Fix((edit,)))


@pytest.mark.parametrize("write", [False, True])
def test_overlapping_fixes_on_one_line_take_two_passes_with_or_without_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: bool
) -> None:
    """``--diff`` checks the fixed text again in memory, as ``--fix`` checks the written file: the same passes."""
    monkeypatch.chdir(tmp_path)
    Path("page.md").write_text("POST /app/x\n", encoding="utf-8")
    first = [_diagnostic("page.md", Edit(1, 6, "/app/x", "/a/x")), _diagnostic("page.md", Edit(1, 7, "app", "b"))]
    read: list[str] = []

    def recheck(paths: list[str]) -> list[Diagnostic]:
        # As the rules do, from the page as the source reader reads it now: `b` replaces the segment `a`.
        text = read_source(paths[0]).text
        read.append(text)
        found = text.find("/a/")
        return [_diagnostic(paths[0], Edit(1, found + 2, "a", "b"))] if found >= 0 else []

    outcome = fix_pages(first, recheck, unsafe=False, write=write)
    assert read == ["POST /a/x\n", "POST /b/x\n"]
    assert outcome.changed == {"page.md": ("POST /app/x\n", "POST /b/x\n")}
    assert outcome.applied == 2
    assert Path("page.md").read_text(encoding="utf-8") == ("POST /b/x\n" if write else "POST /app/x\n")
    assert read_source("page.md").text == Path("page.md").read_text(encoding="utf-8")  # nothing left overlaid


def test_diff_shows_every_pass_of_fix_and_leaves_page_and_cache_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A member renamed and its value changed, on one line: the value is compared once the name is restored."""
    monkeypatch.chdir(tmp_path)
    english = examples(ENGLISH_HEADING, ("a", '{"resourceUrl": 7, "kind": "busy"}'))
    translation = examples(RUSSIAN_HEADING, ("a", '{"resource": 5, "kind": "busy"}'))
    page = project(tmp_path, english, translation)
    cache = ["--cache-dir", str(tmp_path / "cache")]
    before = json_drift(page, capsys)
    capsys.readouterr()
    assert main(["check", "--jobs", "1", "--select", "DL1,DL6", *cache, "--diff", str(page)]) == 1
    diff = capsys.readouterr()
    assert "would fix 2 findings in 1 file" in diff.err
    assert page.read_text(encoding="utf-8") == translation
    # The cache holds the findings of the file as it is, not of the text --diff checked.
    main(["check", "--jobs", "1", "--select", "DL608", *cache, str(page)])
    assert [line.split(": ", 1)[1] for line in capsys.readouterr().out.splitlines() if "DL608" in line] == before
    fixed = fix(page)
    assert fixed == translation.replace('"resource": 5', '"resourceUrl": 7')
    expected = difflib.unified_diff(
        translation.splitlines(keepends=True), fixed.splitlines(keepends=True), f"a/{page}", f"b/{page}"
    )
    assert diff.out == "".join(expected)


NOTE = "> **Note:** The `/app` path is deprecated.\n> Use `/communications`."
COPIED = f"<!-- doclint: translate -->\n{NOTE}\n"


def note_page(request_heading: str, headers_heading: str, before: str = "", after: str = "") -> str:
    """A page whose HTTP request section holds a syntax block, with a note before or after it."""
    syntax = "```http\nPOST /communications/calls/{id}/reject\n```\n"
    parts = [f"# Reject call\n\n## {request_heading}\n\n", before, syntax, after]
    return "".join(parts) + f"\n## {headers_heading}\n\nAuthorization\n"


RU_REQUEST, RU_HEADERS = '<a name="http-request"></a>HTTP-запрос', '<a name="request-headers"></a>Заголовки'


def test_a_lost_note_is_inserted_only_with_unsafe_fixes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    english = note_page("HTTP request", "Request headers", after=f"{NOTE}\n")
    translation = note_page(RU_REQUEST, RU_HEADERS)
    page = project(tmp_path, english, translation)
    main(["check", "--no-cache", "--jobs", "1", "--select", "DL609", str(page)])
    out = capsys.readouterr().out
    assert f"{TRANSLATION}:3:1: warning DL609 example-missing the English note" in out
    # Not marked [*] (plain --fix leaves it), but counted apart, as ruff counts its hidden fixes.
    assert " [*] " not in out
    assert out.splitlines()[-1].endswith("in 1 of 1 file. 1 fixable with --fix --unsafe-fixes.")
    assert fix(page) == translation  # unsafe: --fix alone leaves it
    fixed = fix(page, "--unsafe-fixes")
    # Where the English page has it: after the syntax block, before the next heading.
    assert fixed == translation.replace("```\n\n## ", f"```\n\n{COPIED}\n## ")
    assert "fixed 1 finding in 1 file" in capsys.readouterr().err
    main(["check", "--no-cache", "--jobs", "1", "--select", "DL609", str(page)])
    assert "DL609" not in capsys.readouterr().out
    assert fix(page, "--unsafe-fixes") == fixed
    capsys.readouterr()
    main(["rules", "DL609"])
    assert "fixable: unsafe" in capsys.readouterr().out.splitlines()[1]


def test_a_note_that_opens_its_section_is_inserted_after_the_heading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    english = note_page("HTTP request", "Request headers", before=f"{NOTE}\n\n")
    translation = note_page(RU_REQUEST, RU_HEADERS)
    page = project(tmp_path, english, translation)
    heading = f"## {RU_REQUEST}\n"
    assert fix(page, "--unsafe-fixes") == translation.replace(heading, f"{heading}\n{COPIED}")


def test_a_note_among_other_content_is_left_to_a_reviewer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    english = note_page("HTTP request", "Request headers", before="Text.\n\n", after=f"{NOTE}\n\nMore text.\n")
    translation = note_page(RU_REQUEST, RU_HEADERS, before="Текст.\n\n", after="\nЕщё текст.\n")
    page = project(tmp_path, english, translation)
    main(["check", "--no-cache", "--jobs", "1", "--select", "DL609", str(page)])
    assert f"{TRANSLATION}:3:1: warning DL609 example-missing the English note" in capsys.readouterr().out
    assert fix(page, "--unsafe-fixes") == translation


@pytest.mark.parametrize(
    "kept",
    [
        "> Nota: la ruta `/app` está en desuso.\n",  # a note kept as a plain quote: no callout, still the note
        "> **Примечание.** Другое примечание.\n",  # a note kept, perhaps the one reported lost
    ],
)
def test_a_note_is_not_inserted_where_the_section_shows_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], kept: str
) -> None:
    monkeypatch.chdir(tmp_path)
    second = "> **Note:** Another note.\n"
    english = note_page("HTTP request", "Request headers", after=f"{NOTE}\n\n{second}")
    translation = note_page(RU_REQUEST, RU_HEADERS, after=kept)
    page = project(tmp_path, english, translation)
    main(["check", "--no-cache", "--jobs", "1", "--select", "DL609", str(page)])
    assert f"{TRANSLATION}:3:1: warning DL609 example-missing the English note" in capsys.readouterr().out
    assert fix(page, "--unsafe-fixes") == translation


def test_a_status_line_of_an_example_english_lacks_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A translation's extra example may show another case (a full download beside a partial one)."""
    monkeypatch.chdir(tmp_path)
    busy, whole = '{"reason": "busy"}', '{"reason": "busy", "whole": true}'
    english = examples(ENGLISH_HEADING, ("a", busy)) + "\n" + response("202 Accepted")
    extra = "\n" + request("b", whole) + "\n" + response("200 OK")
    translation = examples(RUSSIAN_HEADING, ("a", busy)) + "\n" + response("202 Accepted") + extra
    page = project(tmp_path, english, translation)
    main(["check", "--no-cache", "--jobs", "1", "--select", "DL601,DL610", str(page)])
    out = capsys.readouterr().out
    assert f"{TRANSLATION}:28:1: warning DL601 status-drift the response example shows `200 OK`" in out  # no [*]
    assert f"{TRANSLATION}:20:1: warning DL610 example-extra this request example `b`" in out
    assert fix(page) == translation


def test_a_status_line_is_left_when_the_english_page_contradicts_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    # English says `201 Created` and shows `200 OK`: which one is right is the English writer's call.
    page = project(tmp_path, status_page("200 OK", "201 Created"), status_page("201 Created", "201 Created"))
    before = page.read_text(encoding="utf-8")
    main(["check", "--no-cache", "--jobs", "1", "--select", "DL601", str(page)])
    assert f"{TRANSLATION}:17:1: warning DL601 status-drift the response example shows `201 Created`" in (
        capsys.readouterr().out
    )
    assert fix(page) == before
