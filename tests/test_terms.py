"""``doclint terms``: the do-not-translate list of a small English page, as CSV and as TBX."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from lxml import etree

from lint.cli import main
from lint.schemas.bundled import bundled_store
from lint.schemas.validate import SchemaStore
from tests.conftest import REPO

FIXTURE = REPO / "tests" / "fixtures" / "terms" / "call-reject.md"
PAGE = "docs_src/v1.0/api/call-reject.md"
TBX = "{urn:iso:std:iso:30042:ed-2}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project holding one English page (the fixture) and nothing else."""
    page = tmp_path / PAGE
    page.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURE, page)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_page_terms_are_the_names_paths_and_status_lines_of_the_page(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["terms"]) == 0
    rows = csv_rows(capsys.readouterr().out)
    from_page = [(row["term"], row["kind"], row["source"]) for row in rows if not row["source"].startswith("CSDL")]
    # Table names as the API spells them: no Markdown emphasis, link or escape, a header without its value.
    assert from_page == [
        ("Authorization", "header", f"{PAGE}:11"),
        ("If-Match", "header", f"{PAGE}:12"),
        ("Prefer", "header", f"{PAGE}:13"),
        ("reason", "parameter", f"{PAGE}:18"),
        ("rejectReason", "type", f"{PAGE}:18"),
        ("$select", "parameter", f"{PAGE}:40"),
        ("/communications/calls/{id}/reject", "path", f"{PAGE}:5"),
        ("202 Accepted", "status", f"{PAGE}:34"),
    ]


def test_csdl_terms_are_the_types_the_page_uses_with_their_properties_and_enum_members(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["terms"]) == 0
    rows = csv_rows(capsys.readouterr().out)
    by_source: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append((row["term"], row["kind"]))
    # The action's body (the request body parameter ``reason``) and the enum it takes.
    assert by_source["CSDL action:microsoft.graph.reject(microsoft.graph.call)"] == [("reason", "property")]
    assert by_source["CSDL microsoft.graph.rejectReason"] == [
        ("none", "enum-member"),
        ("busy", "enum-member"),
        ("forbidden", "enum-member"),
        ("microsoft.graph.rejectReason", "type"),
    ]
    # The operation's binding type: its name and every property the v1.0 CSDL gives it, except
    # those named like a common word that the page never shows as code (``state`` it does).
    store = SchemaStore(bundled_store("v1.0"))  # type: ignore[arg-type]
    declared = sorted(name for name in store.defs["microsoft.graph.call"]["properties"] if not name.startswith("@"))
    words = ["direction", "id", "operations", "participants", "source", "subject", "targets", "transcription"]
    call = by_source["CSDL microsoft.graph.call"]
    assert call[0] == ("microsoft.graph.call", "type")
    assert [term for term, kind in call[1:]] == [name for name in declared if name not in words]
    assert ("state", "property") in call
    assert ("callbackUri", "property") in call
    assert by_source["CSDL microsoft.graph.callDirection"] == [("incoming", "enum-member"), ("outgoing", "enum-member")]
    # One entry per (term, kind): ``reason`` is a parameter on the page and a property in the CSDL.
    assert len({(row["term"], row["kind"]) for row in rows}) == len(rows)
    assert [row["note"] for row in rows if row["term"] == "busy"] == ["enum value: keep verbatim, including its case"]


def test_csv_round_trips_through_a_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["terms"]) == 0
    printed = capsys.readouterr().out
    assert main(["terms", "--format", "csv", "--output", "terms.csv"]) == 0
    with (project / "terms.csv").open(newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["term", "kind", "source", "note"]
    assert rows[1:] == [list(row.values()) for row in csv_rows(printed)]
    busy = ["busy", "enum-member", "CSDL microsoft.graph.rejectReason", "enum value: keep verbatim, including its case"]
    assert busy in rows
    assert main(["terms", "-o", "short.csv"]) == 0  # -o as check, report and export spell it
    assert (project / "short.csv").read_bytes() == (project / "terms.csv").read_bytes()


def test_tbx_has_one_concept_entry_per_term_with_english_and_target_sections(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["terms"]) == 0
    rows = csv_rows(capsys.readouterr().out)
    assert main(["terms", "--format", "tbx", "--locale", "ru-RU", "--output", "terms.tbx"]) == 0
    root = etree.parse(str(project / "terms.tbx")).getroot()
    assert root.tag == f"{TBX}tbx"
    assert (root.get("type"), root.get("style"), root.get(LANG)) == ("TBX-Basic", "dca", "en")
    assert root.find(f"{TBX}tbxHeader/{TBX}fileDesc/{TBX}sourceDesc/{TBX}p") is not None
    entries = root.findall(f"{TBX}text/{TBX}body/{TBX}conceptEntry")
    assert len(entries) == len(rows)
    assert len({entry.get("id") for entry in entries}) == len(entries)
    for entry, row in zip(entries, rows, strict=True):
        assert entry.findtext(f"{TBX}note") == f"kind: {row['kind']}; source: {row['source']}"
        sections = entry.findall(f"{TBX}langSec")
        assert [section.get(LANG) for section in sections] == ["en", "ru-RU"]
        for section in sections:
            (term_section,) = section.findall(f"{TBX}termSec")
            assert term_section.findtext(f"{TBX}term") == row["term"]
            assert term_section.findtext(f"{TBX}termNote[@type='administrativeStatus']") == "preferredTerm-admn-sts"
            assert term_section.findtext(f"{TBX}note").startswith(f"doNotTranslate: {row['note']}")
    path = next(entry for entry in entries if entry.findtext(f".//{TBX}term") == "/communications/calls/{id}/reject")
    assert path.findtext(f"{TBX}note") == f"kind: path; source: {PAGE}:5"


def test_tbx_without_locale_has_only_the_english_section(
    project: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["terms", "--format", "tbx"]) == 0
    root = etree.fromstring(capsysbinary.readouterr().out)
    languages = {section.get(LANG) for section in root.iter(f"{TBX}langSec")}
    assert languages == {"en"}


def test_shipped_corpus_lists_the_identifiers_the_ru_page_drifted_from(
    in_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["terms"]) == 0
    rows = {(row["term"], row["kind"]): row["source"] for row in csv_rows(capsys.readouterr().out)}
    assert rows[("reason", "parameter")] == "docs_src/beta/api/call-reject.md:50"
    assert rows[("Authorization", "header")] == "docs_src/beta/api/call-reject.md:42"
    assert rows[("/communications/calls/{id}/reject", "path")] == "docs_src/beta/api/call-reject.md:35"
    assert rows[("202 Accepted", "status")] == "docs_src/beta/api/call-reject.md:101"
    assert not any(source.startswith("locales/") for source in rows.values())


def test_no_english_page_is_a_tool_error(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["terms", "locales/ru-RU"]) == 2
    assert capsys.readouterr().err == "doclint: error: no English pages found under locales/ru-RU\n"


def test_unwritable_output_is_a_tool_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["terms", "--output", "missing/terms.csv"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("doclint: error: cannot write missing/terms.csv: ") and "Traceback" not in err


def test_a_name_with_a_control_character_is_left_out_of_the_termbase(
    project: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    bad = project / "docs_src/v1.0/api/bad.md"
    table = "| Name | Description |\n|:--|:--|\n| X-Bad\x01Name | d |\n| X-Good | d |\n"
    bad.write_text(f"# bad\n\n## Request headers\n{table}", encoding="utf-8")
    assert main(["terms", "--format", "tbx", "docs_src/v1.0/api/bad.md"]) == 0
    root = etree.fromstring(capsysbinary.readouterr().out)
    assert [term.text for term in root.iter(f"{TBX}term")] == ["X-Good"]


def test_a_page_the_parser_fails_on_is_named_and_the_others_terms_written(
    shipped_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As check and export do: one line for the page, the rest of the list, exit 2."""
    import lint.parse.detect as detect

    real = detect.parse_source
    broken = "docs_src/v1.0/api/call-reject.md"

    def failing(source, formats=None):  # type: ignore[no-untyped-def]
        if source.path == broken:
            raise RecursionError("maximum recursion depth exceeded")
        return real(source, formats)

    monkeypatch.setattr(detect, "parse_source", failing)
    assert main(["terms", "--format", "csv", "-o", "terms.csv"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"doclint: error: {broken}: doclint failed on this page (RecursionError: maximum recursion depth exceeded);"
        " its terms are left out"
    ]
    rows = list(csv.reader((shipped_copy / "terms.csv").open(encoding="utf-8", newline="")))
    sources = {row[2].split(":")[0] for row in rows[1:]}
    assert broken not in sources and "docs_src/beta/api/call-reject.md" in sources
