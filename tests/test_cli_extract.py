"""``doclint extract``: both output forms, and errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main

RU = "locales/ru-RU/beta/api/call-reject.md"


def test_extract_text(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", RU]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{RU}: markdown rest page, locale ru-RU, version beta"
    assert "  33:1 request (syntax) POST /applications/{id}/calls/{id}/reject" in out
    assert "  46:2   row причиной" in out
    assert "  49:66 prose status 200 OK" in out
    assert "  51:1 diagnostic http-syntax: code block labelled `http` holds no HTTP request or response" in out


def test_extract_json_is_the_documented_shape(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", "json", RU]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["doclint_model"] == 1
    page = document["pages"][0]
    assert (page["path"], page["locale"], page["version"], page["kind"], page["format"]) == (
        RU,
        "ru-RU",
        "beta",
        "rest",
        "markdown",
    )
    request = page["requests"][1]
    assert (request["method"], request["url"], request["origin"], request["span"]) == (
        "POST",
        "/applications/{id}/calls/{id}/reject",
        "syntax",
        {"line": 33, "column": 1, "end_line": 33},
    )
    assert page["prose_statuses"][0]["status"] == 200
    assert page["diagnostics"][0]["code"] == "http-syntax"
    assert set(page) >= {"sections", "responses", "tables", "json_examples", "segments", "front_matter", "cmdlet"}


def test_extract_defaults_to_configured_roots(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract"]) == 0
    out = capsys.readouterr().out
    assert f"{RU}: markdown rest page" in out
    assert "docs_src/v1.0/api/call-reject.md: markdown rest page" in out


def test_missing_file_is_a_tool_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("doclint: error: ") and "no such file" in err and "Traceback" not in err


def test_invalid_utf8_is_a_diagnostic_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "bad.md"
    page.write_bytes(b"# Title\n\n## Response\nReturns \xff `200 OK`.\n")
    assert main(["extract", str(page)]) == 0
    out = capsys.readouterr().out
    assert "4:9 diagnostic invalid-encoding: file is not valid UTF-8 (byte 0xff)" in out
    assert "4:" in out and "prose status 200 OK" in out


def test_binary_file_is_unsupported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blob = tmp_path / "image.txt"
    blob.write_bytes(b"\x89PNG\x00\x00\x00")
    assert main(["extract", str(blob)]) == 0
    assert "diagnostic unsupported-format" in capsys.readouterr().out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--format", "yaml"])
    assert exit_info.value.code == 2


def test_extract_text_of_cmdlet_and_text_rendering(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reject = "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md"
    assert main(["extract", reject, "locales/es-ES/v1.0/api/call-reject.txt"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"{reject}: platyps cmdlet page, locale en-US, version beta" in out
    assert "    operation POST /communications/calls/{call-id}/microsoft.graph.reject" in out
    names = "CallId, ResponseHeadersVariable, AdditionalProperties, CallbackUri, Reason, Headers, "
    names += "PassThru, ProgressAction, WhatIf, Confirm"
    assert "  22:1   parameter set RejectExpanded (default): " + names in out
    assert "  72:1   example EXAMPLE 1 (outside fence)" in out
    assert '  72:11     $params {"reason": "busy"}' in out
    body_type = "IPaths4QrghdCommunicationsCallsCallIdMicrosoftGraphRejectPostRequestbodyContentApplicationJsonSchema"
    assert f"    notes BODYPARAMETER <{body_type}>: (Any), CallbackUri, Reason" in out
    assert "    output System.Boolean" in out
    assert "locales/es-ES/v1.0/api/call-reject.txt: text rest page, locale es-ES, version v1.0" in out
    assert (
        "  20:1 request (example) POST https://graph.microsoft.com/v1.0/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject"
        in out
    )
    assert "  9:1   row motivo" in out
    assert "  16:74 prose status 202 Accepted" in out
