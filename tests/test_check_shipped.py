"""``doclint check`` on the shipped corpus: exactly these findings, in every output format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main

RU = "locales/ru-RU/beta/api/call-reject.md"
ES = "locales/es-ES/v1.0/api/call-reject.txt"
REJECT = "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md"
INVITE = "docs_src/powershell/beta/Invoke-MgBetaInviteCommunicationCallParticipant.md"

#: (path, line, column, name). The issues' tables, plus true findings they did not list:
#: the invite pages' `Content-Length: 464` (the bodies are 502 and 376 bytes), the
#: es-ES rendering, which translates `reason` to `motivo` as the ru-RU page does, and the
#: ru-RU page's drift from its English source: the `Authorization` header translated, the
#: `Content-type` header and the `callbackUri` parameter rows lost. One defect is one finding:
#: a translated parameter name (`причиной`, `motivo`) is param-name-drift on its row, with
#: body-param-not-in-example and unknown-parameter folded in (`also: DL201, DL505`); the
#: translated header, the status and the path lead with their drift rule the same way. The
#: drift rules add one true finding issue 10's table did not list: the ru-RU example request
#: `call-reject` (119) calls `/app/calls/{id}/reject`, where both English examples call
#: `/communications/calls/.../reject` (path-drift on an aligned example). Restoring the English line
#: repairs what the page rules see in it, so path-drift absorbs them: the deprecated `/app` of the
#: example (`also: DL104`), the invented `/applications/{id}/calls/{id}/reject` (33) that repeats
#: `{id}` and resolves to no operation (`also: DL103, DL504`).
ZH = "locales/zh-CN/beta/api/call-reject.md"
EXPECTED = [
    ("docs_src/beta/api/call-reject.md", 50, 16, "enum-case"),
    ("docs_src/beta/api/participant-invite.md", 76, 1, "content-length-mismatch"),
    ("docs_src/beta/api/participant-invite.md", 718, 1, "content-length-mismatch"),
    (INVITE, 11, 1, "cmdlet-drift"),
    (INVITE, 82, 1, "duplicate-example"),
    (INVITE, 106, 1, "duplicate-example"),
    (INVITE, 256, 1, "empty-description"),
    (INVITE, 287, 1, "empty-description"),
    (INVITE, 318, 1, "empty-description"),
    (REJECT, 72, 1, "code-outside-fence"),
    (REJECT, 83, 1, "code-outside-fence"),
    (REJECT, 107, 1, "empty-description"),
    (REJECT, 123, 1, "empty-description"),
    (REJECT, 199, 1, "unfilled-placeholder"),
    ("docs_src/v1.0/api/call-reject.md", 46, 16, "enum-case"),
    ("docs_src/v1.0/api/participant-invite.md", 717, 1, "content-length-mismatch"),
    (ES, 9, 1, "param-name-drift"),
    (ES, 10, 1, "type-name-drift"),
    (ES, 11, 1, "enum-case"),
    (ES, 13, 1, "type-name-drift"),
    (ES, 15, 1, "example-missing"),
    (ES, 15, 1, "example-missing"),
    (ES, 17, 1, "example-missing"),
    (ES, 17, 1, "example-missing"),
    (RU, 29, 1, "example-missing"),
    (RU, 33, 1, "path-drift"),
    (RU, 37, 1, "header-drift"),
    (RU, 39, 3, "header-drift"),
    (RU, 44, 1, "param-missing"),
    (RU, 46, 2, "param-name-drift"),
    (RU, 49, 66, "status-drift"),
    (RU, 51, 1, "http-syntax"),
    (RU, 75, 7, "json-drift"),
    (RU, 111, 1, "example-missing"),
    (RU, 119, 1, "path-drift"),
    (RU, 124, 3, "json-drift"),
    (ZH, 55, 240, "enum-case"),
]


#: The locale of a shipped page, by its first path component.
LOCALES = {"docs_src": lambda path: "en-US", "locales": lambda path: path.split("/")[1]}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--jobs", "1", *args])
    return code, capsys.readouterr().out


def test_text_output(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys)
    assert code == 1
    lines = [line for line in out.splitlines() if not line.startswith("    ")]
    # A finding --fix repairs has `[*]` before its rule's name (tests/test_fix.py pins which).
    found = [(line.split(" ")[0], line.replace(" [*]", "").split(" ")[3]) for line in lines[:-1]]
    assert found == [(f"{path}:{line}:{column}:", name) for path, line, column, name in EXPECTED]
    assert (
        lines[-1] == "Found 37 findings (7 errors, 26 warnings, 4 info) in 9 of 9 files. 13 fixable with --fix;"
        " 1 more with --fix --unsafe-fixes."
    )
    assert (
        f"{RU}:46:2: error DL603 [*] param-name-drift body parameter `причиной` should be `reason` as in the English "
        "table; identifiers are never translated (also: DL201, DL505)" in out
    )
    assert (
        f"{RU}:49:66: error DL601 [*] status-drift the Response section says `200 OK`, "
        "where the English page's Response section says `202 Accepted` (also: DL101)" in out
    )
    assert f"    {RU}:137:1: response example: `202 Accepted`" in out
    assert (
        f"{ZH}:55:240: info DL503 enum-case the `reason` row lists `None`, `Busy`, `Forbidden`, but the API's values "
        "are `none`, `busy`, `forbidden` (enum values are case-sensitive) "
        "(inherited from docs_src/beta/api/call-reject.md:50; fix it there)" in out
    )
    assert "    docs_src/beta/api/call-reject.md:50:16: the English page has the same defect" in out
    # The ru-RU path `/applications/{id}/calls/{id}/reject` is its own: English lists other paths.
    assert (
        f"{RU}:33:1: error DL602 [*] path-drift request line `POST /applications/{{id}}/calls/{{id}}/reject` is not "
        "in the English HTTP request section, which has `POST /communications/calls/{id}/reject` instead "
        "(also: DL103, DL504)\n" in out
    )
    assert "    docs_src/beta/api/call-reject.md:37:3: the English page declares `/app` deprecated" in out
    assert (
        "docs_src/v1.0/api/participant-invite.md:717:1: warning DL102 [*] content-length-mismatch `Content-Length: 464` "
        "but the body is 362 bytes with LF line ends, 376 with CRLF" in out
    )


def test_translation_findings_point_at_the_english_line(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, RU)
    lines = out.splitlines()
    english = "docs_src/beta/api/call-reject.md"

    def related_of(head: str) -> list[str]:
        start = next(i for i, line in enumerate(lines) if line.startswith(head))
        following = []
        for line in lines[start + 1 :]:
            if not line.startswith("    "):
                break
            following.append(line.strip())
        return following

    assert related_of(f"{RU}:49:66: error DL601") == [
        f"{english}:54:39: the English page: `202 Accepted`",
        f"{RU}:137:1: response example: `202 Accepted`",
    ]
    assert related_of(f"{RU}:46:2: error DL603") == [
        f"{english}:50:2: the English page names this body parameter `reason`",
        f"{RU}:124:3: example key `reason`",
    ]
    assert related_of(f"{RU}:33:1: error DL602") == [
        f"{english}:35:1: the English page lists `POST /communications/calls/{{id}}/reject`",
        f"{english}:34:1: the English page lists `POST /app/calls/{{id}}/reject`",
    ]


def test_json_output(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert [(d["path"], d["line"], d["column"], d["name"]) for d in data] == EXPECTED
    deprecated = next(d for d in data if d["path"] == RU and d["line"] == 119)
    assert (deprecated["code"], deprecated["also"], deprecated["severity"]) == ("DL602", ["DL104"], "warning")
    assert deprecated["related"][-1] == {
        "path": "docs_src/beta/api/call-reject.md",
        "line": 37,
        "column": 3,
        "end_line": 37,
        "message": "the English page declares `/app` deprecated",
    }
    assert len({d["fingerprint"] for d in data}) == len(data)
    assert [(d["path"], d["line"], d["code"], d["also"]) for d in data if d["also"]] == [
        (INVITE, 11, "DL617", ["DL403"]),
        (ES, 9, "DL603", ["DL201", "DL505"]),
        (RU, 33, "DL602", ["DL103", "DL504"]),
        (RU, 39, "DL606", ["DL106"]),
        (RU, 46, "DL603", ["DL201", "DL505"]),
        (RU, 49, "DL601", ["DL101"]),
        (RU, 119, "DL602", ["DL104"]),
    ]
    assert [d["locale"] for d in data] == [LOCALES[path.split("/")[0]](path) for path, *_ in EXPECTED]
    # The es-ES and zh-CN pages copy their English page's `None`, `Busy`, `Forbidden`: fix it there.
    assert [
        (d["path"], d["line"], d["severity"], d["related"][-1]["path"], d["related"][-1]["line"])
        for d in data
        if d["inherited"]
    ] == [
        (ES, 11, "info", "docs_src/v1.0/api/call-reject.md", 46),
        (ZH, 55, "info", "docs_src/beta/api/call-reject.md", 50),
    ]


def test_no_merge_shows_every_rules_finding(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The merged findings come apart again; the example key `reason` stays a related place of the row."""
    code, out = run(capsys, "--no-merge", RU)
    assert code == 1
    assert [line for line in out.splitlines() if line.startswith(f"{RU}:46:2:")] == [
        f"{RU}:46:2: error DL201 body-param-not-in-example body parameter `причиной` is used by no request example; "
        "the examples send `reason`, which the table lacks",
        f"{RU}:46:2: error DL505 unknown-parameter `причиной` is not a parameter of microsoft.graph.reject "
        "(it accepts `callbackUri`, `reason`)",
        f"{RU}:46:2: warning DL603 [*] param-name-drift body parameter `причиной` should be `reason` as in the English "
        "table; identifiers are never translated",
    ]
    assert (
        out.splitlines()[-1] == "Found 19 findings (6 errors, 13 warnings) in 1 of 1 file. 8 fixable with --fix;"
        " 1 more with --fix --unsafe-fixes."
    )
    _, merged = run(capsys, RU)
    assert (
        merged.splitlines()[-1] == "Found 12 findings (5 errors, 7 warnings) in 1 of 1 file. 8 fixable with --fix;"
        " 1 more with --fix --unsafe-fixes."
    )


def test_github_output(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == len(EXPECTED)
    status = next(line for line in lines if "DL601" in line)
    assert status.startswith(
        f"::error file={RU},line=49,col=66,endLine=49,title=DL601 status-drift::the Response section says"
    )
    assert sum(line.startswith("::notice ") for line in lines) == 4
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_sarif_output_matches_findings(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    run_ = log["runs"][0]
    results = run_["results"]
    assert [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            run_["tool"]["driver"]["rules"][r["ruleIndex"]]["name"],
        )
        for r in results
    ] == EXPECTED
    deprecated = next(r for r in results if r["properties"].get("also") == ["DL104"])
    related = deprecated["relatedLocations"][-1]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "docs_src/beta/api/call-reject.md"
    assert related["physicalLocation"]["region"]["startLine"] == 37
    assert all("doclint/v1" in r["partialFingerprints"] for r in results)
    # Every result names its page's locale; a merged one the other rules, an inherited one that it is.
    assert [r["properties"]["locale"] for r in results] == [LOCALES[path.split("/")[0]](path) for path, *_ in EXPECTED]
    merged = [r for r in results if "also" in r["properties"]]
    assert [(r["ruleId"], r["properties"]) for r in merged] == [
        ("DL617", {"locale": "en-US", "also": ["DL403"]}),
        ("DL603", {"locale": "es-ES", "also": ["DL201", "DL505"]}),
        ("DL602", {"locale": "ru-RU", "also": ["DL103", "DL504"]}),
        ("DL606", {"locale": "ru-RU", "also": ["DL106"]}),
        ("DL603", {"locale": "ru-RU", "also": ["DL201", "DL505"]}),
        ("DL601", {"locale": "ru-RU", "also": ["DL101"]}),
        ("DL602", {"locale": "ru-RU", "also": ["DL104"]}),
    ]
    assert all(r["message"]["text"].endswith(f"(also: {', '.join(r['properties']['also'])})") for r in merged)
    inherited = [r for r in results if r["properties"].get("inherited")]
    assert [
        (r["ruleId"], r["properties"]["locale"], r["relatedLocations"][-1]["physicalLocation"]) for r in inherited
    ] == [
        (
            "DL503",
            "es-ES",
            {
                "artifactLocation": {"uri": "docs_src/v1.0/api/call-reject.md", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 46, "startColumn": 16, "endLine": 46},
            },
        ),
        (
            "DL503",
            "zh-CN",
            {
                "artifactLocation": {"uri": "docs_src/beta/api/call-reject.md", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 50, "startColumn": 16, "endLine": 50},
            },
        ),
    ]


def test_output_file(in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.json"
    code, out = run(capsys, "--format", "json", "--output", str(target))
    assert code == 1 and out == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))) == len(EXPECTED)


def test_english_page_brings_its_translations_for_drift_only(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An English-only commit learns which translations it leaves behind (the drift rules on
    ru-RU), but the translations' own defects (9 on the ru-RU page, the zh-CN `enum-case`)
    belong to their own commits and neither show nor fail the run."""
    english = "docs_src/beta/api/call-reject.md"
    code, out = run(capsys, english)
    assert code == 0
    assert out.splitlines() == [
        f"{english}:50:16: info DL503 [*] enum-case the `reason` row lists `None`, `Busy`, `Forbidden`, but the API's values are `none`, `busy`, `forbidden` (enum values are case-sensitive)",
        f'{RU}:29:1: warning DL609 example-missing the English note "**Note:** The `/app` path is deprecated. Going forward, use the `/communications` path." is missing from this translation',
        f"    {english}:37:3: the English page has it here",
        f"{RU}:33:1: warning DL602 [*] path-drift request line `POST /applications/{{id}}/calls/{{id}}/reject` is not in the English HTTP request section, which has `POST /communications/calls/{{id}}/reject` instead",
        f"    {english}:35:1: the English page lists `POST /communications/calls/{{id}}/reject`",
        f"{RU}:37:1: warning DL606 [*] header-drift this table lacks the request header `Content-type` that the English table lists",
        f"    {english}:43:3: the English page lists `Content-type`",
        f"{RU}:39:3: warning DL606 [*] header-drift request header `Авторизация` should be `Authorization` as in the English table; identifiers are never translated",
        f"    {english}:42:3: the English page names this request header `Authorization`",
        f"{RU}:44:1: warning DL604 [*] param-missing this table lacks the body parameter `callbackUri` that the English table lists",
        f"    {english}:51:2: the English page lists `callbackUri`",
        f"{RU}:46:2: warning DL603 [*] param-name-drift body parameter `причиной` should be `reason` as in the English table; identifiers are never translated",
        f"    {english}:50:2: the English page names this body parameter `reason`",
        f"{RU}:49:66: warning DL601 [*] status-drift the Response section says `200 OK`, where the English page's Response section says `202 Accepted`",
        f"    {english}:54:39: the English page: `202 Accepted`",
        f"{RU}:75:7: warning DL608 [*] json-drift in this notification example, member `resource` (`/value/0/resource`) is `resourceUrl` in the English notification example",
        f"    {english}:124:7: the English notification example",
        f"    {RU}:167:7: the same difference here",
        f"{RU}:111:1: warning DL609 example-missing the English request example `call-reject` (`POST /communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject`) is missing from this translation: the example named `call-reject` here is the English `call-reject-none-reason`",
        f"    {english}:68:1: the English page has it here",
        f"{RU}:119:1: warning DL602 [*] path-drift example request `call-reject` is `POST /app/calls/{{id}}/reject`; the English example of that name is `POST /communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject`",
        f"    {english}:68:1: the English example `call-reject`: `POST /communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject`",
        f'{RU}:124:3: warning DL608 json-drift `/reason` is `"none"` here, `"busy"` in the English request example `call-reject`: this request is the English request example `call-reject-none-reason` ({english}:168:1), carried under the name `call-reject`',
        f"    {english}:73:3: the English request example `call-reject`",
        f"    {english}:172:1: the English request example `call-reject-none-reason`, which this example reproduces",
        "Found 12 findings (11 warnings, 1 info) in 2 of 3 files; 11 in translations checked for drift only. 9 fixable with --fix;"
        " 1 more with --fix --unsafe-fixes.",
    ]
    # --fail-on warning asks for the drift too.
    assert run(capsys, "--fail-on", "warning", english)[0] == 1
    # Raised to errors, drift in a companion translation still counts as a warning.
    config = Path("drift-errors.toml")
    try:
        config.write_text('[tool.doclint]\nseverity = { header-drift = "error" }\n', encoding="utf-8")
        code, out = run(capsys, "--config", str(config), english)
        assert code == 0 and f"{RU}:37:1: error DL606 [*] header-drift" in out
        assert run(capsys, "--config", str(config), "--fail-on", "warning", english)[0] == 1
    finally:
        config.unlink()
    # Given explicitly, a translation is checked fully, as before.
    code, out = run(capsys, english, RU)
    assert code == 1
    assert out.splitlines()[-1] == (
        "Found 13 findings (5 errors, 7 warnings, 1 info) in 2 of 3 files. 9 fixable with --fix;"
        " 1 more with --fix --unsafe-fixes."
    )
    code, out = run(capsys, "--no-translations", english)
    assert code == 0
    assert out.splitlines()[-1] == "Found 1 finding (1 info) in 1 of 1 file. 1 fixable with --fix."


def test_parallel_run_gives_the_same_findings(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lint.config import load_config
    from lint.discover import iter_pages
    from lint.engine import check_files

    config = load_config()
    paths = list(iter_pages(["docs_src", "locales"])) * 3
    serial = check_files(paths, config, jobs=1)
    parallel = check_files(paths, config, jobs=2)
    assert [r.diagnostics for r in serial] == [r.diagnostics for r in parallel]


def test_sarif_validates_against_the_official_schema(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from jsonschema import Draft4Validator

    schema_path = Path(__file__).parent / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    _, out = run(capsys, "--format", "sarif")
    log = json.loads(out)
    errors = sorted(Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER).iter_errors(log), key=str)
    assert errors == []
    broken = json.loads(out)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert len(list(Draft4Validator(schema).iter_errors(broken))) == 1


def test_the_repository_baseline_holds_every_shipped_finding(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The repository's own pre-commit hook runs with this baseline: a new rule's findings on the
    sample pages must be added to it (``doclint check --write-baseline .doclint-baseline.json``)."""
    code, out = run(capsys, "--baseline", ".doclint-baseline.json")
    assert (code, out.splitlines()[-1]) == (
        0,
        f"All clear: no findings in 9 files; {len(EXPECTED)} hidden by the baseline.",
    )


def test_a_baseline_written_on_one_file_keeps_the_other_files_entries(
    in_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written after a run on one page, the repository's baseline keeps every entry (it used to keep
    that page's and drop the others). An entry is one rule's finding: a merged finding records
    each of its parts, so there are as many entries as ``--no-merge`` shows findings."""
    parts = len(json.loads(run(capsys, "--no-merge", "--format", "json")[1]))
    baseline = tmp_path / "baseline.json"
    baseline.write_bytes((in_repo / ".doclint-baseline.json").read_bytes())
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert run(capsys, "--write-baseline", str(baseline), "docs_src/beta/api/participant-invite.md")[0] == 0
    rewritten = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert len(rewritten) == len(recorded) == parts > len(EXPECTED)
    assert sorted(entry["fingerprint"] for entry in rewritten) == sorted(entry["fingerprint"] for entry in recorded)
    assert main(["check", "--jobs", "1", "--baseline", str(baseline)]) == 0
    assert capsys.readouterr().err == ""  # nothing fixed, nothing lost
