"""``doclint schemas build`` and colour output, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.schemas.bundled import BUNDLED, SOURCES
from lint.schemas.bundled import main as bundled_main
from lint.schemas.validate import SchemaStore
from tests.conftest import REPO

BETA = REPO / "docs_src" / "metadata" / "beta-2021-07.csdl"


def test_schemas_build_writes_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "beta"
    assert main(["schemas", "build", "--metadata", str(BETA), "--out", str(out), "--root", "reject"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [line.split(" (")[0] for line in printed] == [
        f"wrote {out / 'schema.json'}",
        f"wrote {out / 'operations.json'}",
    ]
    defs = json.loads((out / "schema.json").read_text(encoding="utf-8"))["$defs"]
    body = defs["action:microsoft.graph.reject(microsoft.graph.call)"]
    assert sorted(body["properties"]) == ["callbackUri", "reason"]
    assert defs["microsoft.graph.rejectReason"]["enum"] == ["none", "busy", "forbidden", "unknownFutureValue"]


def test_the_stores_doclint_carries_are_a_fresh_build_of_the_csdl(tmp_path: Path) -> None:
    """``python -m lint.schemas.bundled`` rebuilds them; run it after changing the conversion or the CSDL."""
    assert bundled_main(["--out", str(tmp_path)]) == 0
    for version in SOURCES:
        for name in ("head.json", "defs.bin", "operations.json"):
            shipped = (BUNDLED / version / name).read_bytes()
            assert (tmp_path / version / name).read_bytes() == shipped, (version, name)


def test_the_carried_stores_are_complete(tmp_path: Path) -> None:
    """Every type and action of the CSDL, not the closure of a few roots: the packed store holds the full build."""
    for version, csdl in SOURCES.items():
        assert (
            main(
                [
                    "schemas",
                    "build",
                    "--metadata",
                    str(REPO / "docs_src/metadata" / csdl),
                    "--out",
                    str(tmp_path / version),
                ]
            )
            == 0
        )
        full = json.loads((tmp_path / version / "schema.json").read_text(encoding="utf-8"))
        carried = SchemaStore(BUNDLED / version)
        assert len(carried.defs) == len(full["$defs"]) > 4000
        for key in ("microsoft.graph.call", "microsoft.graph.commsNotification", "microsoft.graph.user"):
            assert carried.defs[key] == full["$defs"][key]
        assert {k: v for k, v in carried.document.items() if k != "$defs"} == {
            k: v for k, v in full.items() if k != "$defs"
        }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--metadata", "missing.csdl"], "missing.csdl: no such file"),
        (["--metadata", str(BETA), "--root", "noSuchTypeAnywhere"], "noSuchTypeAnywhere"),
    ],
)
def test_schemas_build_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["schemas", "build", "--out", str(tmp_path / "out"), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("doclint: error: ") and message in err and "Traceback" not in err


def test_not_xml_metadata_is_a_tool_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csdl"
    bad.write_text("<edmx:Edmx", encoding="utf-8")
    assert main(["schemas", "build", "--metadata", str(bad), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.startswith(f"doclint: error: {bad}: ")


def test_colour_only_when_asked_or_on_a_terminal(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ru = "locales/ru-RU/beta/api/call-reject.md"
    main(["check", "--jobs", "1", "--color", "always", ru])
    coloured = capsys.readouterr().out
    assert f"\033[1m{ru}:29:1:\033[0m \033[33mwarning DL609\033[0m example-missing" in coloured
    main(["check", "--jobs", "1", ru])
    assert "\033[" not in capsys.readouterr().out
