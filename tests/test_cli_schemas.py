"""``doclint schemas build`` and colour output, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
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


def test_shipped_schemas_are_what_the_command_builds(tmp_path: Path) -> None:
    roots = ["reject", "invite", "commsNotifications", "inviteParticipantsOperation"]
    for version, csdl in (("beta", "beta-2021-07.csdl"), ("v1.0", "v1.0-Prod.csdl")):
        args = [
            "schemas",
            "build",
            "--metadata",
            str(REPO / "docs_src/metadata" / csdl),
            "--out",
            str(tmp_path / version),
        ]
        assert main([*args, *(item for root in roots for item in ("--root", root))]) == 0
        for name in ("schema.json", "operations.json"):
            shipped = (REPO / "docs_src/schemas" / version / name).read_bytes()
            assert (tmp_path / version / name).read_bytes() == shipped, (version, name)


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
    assert f"\033[1m{ru}:33:1:\033[0m \033[33mwarning DL103\033[0m duplicate-path-parameter" in coloured
    main(["check", "--jobs", "1", ru])
    assert "\033[" not in capsys.readouterr().out
