"""Every pair (drift) finding names both places: the translated line, and the English line saying what English has.

Written over the registry, not over a list of rules, so that every pair rule,
today's and those still to come, is held to it on the shipped corpus and on
the rule fixtures' translations.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.config import build_config
from lint.diagnostic import Diagnostic
from lint.engine import check_page
from lint.parse.detect import parse_source
from lint.report import Summary
from lint.report.json_report import write as write_json
from lint.report.sarif_report import document
from lint.rules import all_rules
from lint.source import decode_source

PAIR = sorted(rule.code for rule in all_rules() if rule.scope == "pair")
FIXTURES = Path(__file__).parent / "fixtures" / "rules"


def names_english(related: list[dict[str, object]], source_root: str = "docs_src/") -> bool:
    """At least one related place on an English page, with a message that says what is there."""
    return any(str(place["path"]).startswith(source_root) and str(place["message"]).strip() for place in related)


def test_every_pair_finding_on_the_shipped_corpus_names_the_english_place(
    in_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--jobs", "1", "--format", "json", "--select", ",".join(PAIR)])
    data = json.loads(capsys.readouterr().out)
    pair = [item for item in data if item["code"] in PAIR]
    assert pair, "the shipped corpus has drift: a test that finds none proves nothing"
    # A pair finding stands on a translation, or on cmdlet help held against its REST page.
    assert all(item["path"].startswith(("locales/", "docs_src/powershell/")) for item in pair)
    assert [(item["path"], item["line"], item["code"]) for item in pair if not names_english(item["related"])] == []


def test_every_pair_finding_in_sarif_has_a_related_location_on_the_english_page(
    in_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--jobs", "1", "--format", "sarif", "--select", ",".join(PAIR)])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    pair = [result for result in results if result["ruleId"] in PAIR]
    assert pair
    for result in pair:
        uris = [place["physicalLocation"]["artifactLocation"]["uri"] for place in result.get("relatedLocations", [])]
        assert any(uri.startswith("docs_src/") for uri in uris), result
        assert all(place["message"]["text"] for place in result["relatedLocations"])


def test_every_pair_finding_on_the_fixture_translations_names_the_english_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(FIXTURES)
    config = build_config({"select": PAIR}, root=FIXTURES, file=None)
    diagnostics: list[Diagnostic] = []
    for path in sorted((FIXTURES / "locales").rglob("*.md")):
        relative = path.relative_to(FIXTURES).as_posix()
        diagnostics += check_page(parse_source(decode_source(relative, path.read_bytes())), config)
    assert diagnostics
    stream = io.StringIO()
    write_json(diagnostics, stream, Summary(files=0))
    data = json.loads(stream.getvalue())
    assert [(item["path"], item["line"], item["code"]) for item in data if not names_english(item["related"])] == []
    sarif = document(diagnostics)["runs"][0]["results"]
    assert all(
        any(
            place["physicalLocation"]["artifactLocation"]["uri"].startswith("docs_src/")
            for place in result["relatedLocations"]
        )
        for result in sarif
    )
