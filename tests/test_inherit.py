"""Inherited defects (lint.inherit): a translation's copy of an English defect is said once, on the English page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.diagnostic import Diagnostic

ENGLISH = "docs_src/v1.0/api/thing-act.md"
GERMAN = "locales/de-DE/v1.0/api/thing-act.md"
FRENCH = "locales/fr-FR/v1.0/api/thing-act.md"

#: Three defects: a path that names `{id}` twice (6:1), a Response status the
#: examples contradict (10:39) and a template placeholder left in (14:1).
PAGE = """# thing: act

## HTTP request

```http
POST /things/{id}/parts/{id}/act
```

## Response
If successful, this method returns a `200 OK` response code.

## Examples

{{ Fill Example Description }}

### Request
```http
POST https://graph.microsoft.com/v1.0/things/1/parts/2/act
```

### Response
```http
HTTP/1.1 202 Accepted
```
"""

#: The German page as a translator makes it: prose translated, code copied.
GERMAN_PAGE = (
    PAGE.replace("\n## Response\nIf successful, this method returns", "\n## Response\nBei Erfolg gibt diese Methode")
    .replace("response code.", "zurück.")
    .replace("{{ Fill Example Description }}", "{{ Fill Beispielbeschreibung einfügen }}")
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs_src" / "v1.0" / "api").mkdir(parents=True)
    for locale in ("de-DE", "fr-FR"):
        (tmp_path / "locales" / locale / "v1.0" / "api").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    write(ENGLISH, PAGE)
    write(GERMAN, GERMAN_PAGE)
    write("pyproject.toml", '[tool.doclint]\nselect = ["DL1", "DL3"]\nignore = ["schema"]\n')
    return tmp_path


def write(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["check", "--jobs", "1", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def found(data: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(d["path"], d["line"], d["column"], d["code"], d["severity"], d["inherited"]) for d in data]


def test_a_copied_defect_is_reported_on_english_and_said_once_on_the_translation(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = check(capsys)
    assert code == 1
    assert found(data) == [
        (ENGLISH, 6, 1, "DL103", "warning", False),
        (ENGLISH, 10, 39, "DL101", "error", False),
        (ENGLISH, 14, 1, "DL301", "warning", False),
        (GERMAN, 6, 1, "DL103", "info", True),
        (GERMAN, 10, 34, "DL101", "info", True),
        # The placeholder's words translated: matched by place, the words around it the same.
        (GERMAN, 14, 1, "DL301", "info", True),
    ]
    path = next(d for d in data if d["path"] == GERMAN and d["code"] == "DL103")
    assert path["message"] == (
        "path `/things/{id}/parts/{id}/act` uses `{id}` twice; give each key its own name "
        f"(inherited from {ENGLISH}:6; fix it there)"
    )
    assert path["related"] == [
        {"path": ENGLISH, "line": 6, "column": 1, "end_line": 6, "message": "the English page has the same defect"}
    ]
    assert [d["locale"] for d in data] == ["en-US"] * 3 + ["de-DE"] * 3
    # The fingerprint stays the one the finding had before it was known to be inherited.
    english_fixed = PAGE.replace("{id}/parts/{id}", "{thing-id}/parts/{part-id}")
    write(ENGLISH, english_fixed.replace("200 OK", "202 Accepted").replace("{{ Fill Example Description }}", ""))
    _, own = check(capsys)
    assert found(own) == [
        (GERMAN, 6, 1, "DL103", "warning", False),
        (GERMAN, 10, 34, "DL101", "error", False),
        (GERMAN, 14, 1, "DL301", "warning", False),
    ]
    assert [d["fingerprint"] for d in own] == [d["fingerprint"] for d in data[3:]]


def test_a_defect_of_the_translations_own_is_not_inherited(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As on the shipped ru-RU page: its `/applications/{id}/calls/{id}/reject` is no English path."""
    write(GERMAN, GERMAN_PAGE.replace("POST /things/{id}/parts/{id}/act", "POST /apps/{id}/parts/{id}/act"))
    _, data = check(capsys, GERMAN)
    assert [(line, code, inherited) for _, line, _, code, _, inherited in found(data)] == [
        (6, "DL103", False),
        (10, "DL101", True),
        (14, "DL301", True),
    ]
    # The same text in another place is another defect: English has it in the syntax block only.
    write(GERMAN, GERMAN_PAGE.replace("v1.0/things/1/parts/2/act", "v1.0/things/{id}/parts/{id}/act"))
    _, data = check(capsys, GERMAN)
    assert [(line, code, inherited) for _, line, _, code, _, inherited in found(data) if code == "DL103"] == [
        (6, "DL103", True),
        (18, "DL103", False),
    ]
    # A status the translation changed is its own mismatch, even with the English one beside it.
    write(GERMAN, GERMAN_PAGE.replace("`200 OK`", "`204 No Content`"))
    _, data = check(capsys, GERMAN)
    assert [(line, code, inherited) for _, line, _, code, _, inherited in found(data) if code == "DL101"] == [
        (10, "DL101", False)
    ]
    # A placeholder in another section is not the English one translated.
    moved = GERMAN_PAGE.replace("{{ Fill Beispielbeschreibung einfügen }}\n", "").replace(
        "\n## Response\n", "\n## Response\n{{ Fill Antwort einfügen }}\n"
    )
    write(GERMAN, moved)
    _, data = check(capsys, GERMAN)
    assert [(line, code, inherited) for _, line, _, code, _, inherited in found(data) if code == "DL301"] == [
        (10, "DL301", False)
    ]


def test_hide_inherited_option_and_config_key(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = check(capsys, "--hide-inherited")
    assert code == 1
    assert [(d["path"], d["code"]) for d in data] == [(ENGLISH, "DL103"), (ENGLISH, "DL101"), (ENGLISH, "DL301")]
    assert main(["check", "--jobs", "1", "--hide-inherited"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Found 3 findings (1 error, 2 warnings) in 1 of 2 files; 3 inherited from English pages hidden."
    )
    write("pyproject.toml", '[tool.doclint]\nselect = ["DL103"]\nhide-inherited = true\n')
    assert [(d["path"], d["code"]) for d in check(capsys)[1]] == [(ENGLISH, "DL103")]
    write("pyproject.toml", '[tool.doclint]\nhide-inherited = "yes"\n')
    assert main(["check", "--jobs", "1"]) == 2
    assert "`hide-inherited` must be a boolean, not string" in capsys.readouterr().err


def test_an_inherited_finding_is_info_whatever_the_configured_severity(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pyproject.toml", '[tool.doclint]\nselect = ["DL103"]\nseverity = { DL103 = "error" }\n')
    code, data = check(capsys)
    assert [(d["path"], d["severity"]) for d in data] == [(ENGLISH, "error"), (GERMAN, "info")]
    # Only the English page fails the run; with it fixed, the translation's copy is its own again.
    assert code == 1
    assert check(capsys, GERMAN)[0] == 0


def test_an_english_page_given_alone_brings_no_page_findings_of_its_translations(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pre-commit companion mode runs the drift rules alone on the translation: nothing inherits there."""
    _, data = check(capsys, ENGLISH)
    assert [(d["path"], d["code"]) for d in data] == [(ENGLISH, "DL103"), (ENGLISH, "DL101"), (ENGLISH, "DL301")]


def test_an_english_page_is_checked_once_for_all_its_translations(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lint import engine
    from lint.config import load_config

    write(FRENCH, PAGE)
    runs: list[str] = []
    real_run = engine._run

    def counting(rule, page, context):  # type: ignore[no-untyped-def]
        runs.append(page.path)
        return real_run(rule, page, context)

    monkeypatch.setattr(engine, "_run", counting)
    config = load_config()
    results = engine.check_files([GERMAN, FRENCH, GERMAN], config, jobs=1)
    rules = len(
        [rule for rule in engine.applicable_rules(engine._parse(ENGLISH, config), config) if rule.scope == "page"]
    )
    fired = {
        part.code
        for result in results
        for item in result.diagnostics
        for part in item.parts or (item,)
        if engine.find_rule(part.code) is not None and engine.find_rule(part.code).scope == "page"  # type: ignore[union-attr]
    }
    # Once per rule for all three translations, and only the rules that reported something on them:
    # a defect is inherited rule by rule, so the English page's other rules could match nothing.
    assert runs.count(ENGLISH) == len(fired) < rules
    assert [sum(item.inherited for item in result.diagnostics) for result in results] == [3, 3, 3]


def diagnostic(code: str, severity: str, inherited: bool, related: int = 0) -> Diagnostic:
    from lint.diagnostic import RelatedLocation

    return Diagnostic(
        code=code,
        name=code,
        severity=severity,  # type: ignore[arg-type]
        path=GERMAN,
        line=46,
        column=2,
        end_line=46,
        message=f"`reason` is wrong ({code})",
        related=tuple(RelatedLocation(ENGLISH, 50, 2, 50, "the English row") for _ in range(related)),
        inherited=inherited,
    )


def test_merge_lets_the_translations_own_finding_lead_over_an_inherited_one() -> None:
    """Inherited findings are marked before the merge; a merged finding is inherited only if all its parts are."""
    from lint.merge import merge

    # The inherited finding explains more (it points at English) but the translation's own leads.
    (merged,) = merge([diagnostic("DL201", "error", False), diagnostic("DL505", "info", True, related=1)])
    assert (merged.code, merged.severity, merged.inherited, merged.also) == ("DL201", "error", False, ("DL505",))
    (merged,) = merge([diagnostic("DL201", "info", True, related=1), diagnostic("DL505", "info", True, related=1)])
    assert (merged.code, merged.severity, merged.inherited) == ("DL201", "info", True)
