"""SARIF 2.1.0: for code-scanning dashboards.

Every rule in the catalogue is described in ``tool.driver.rules`` (so a
viewer can explain a result), each result carries ``partialFingerprints``
(so a dashboard tracks it across edits) and ``relatedLocations`` (the other
side of a contradiction, e.g. the English line a translation drifted from).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote, unquote_to_bytes

from lint import __version__
from lint.diagnostic import Diagnostic
from lint.fix.edit import Fix
from lint.report import RunRecord, Summary, json_text
from lint.rules import all_rules

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """The path percent-encoded; an undecodable file name (surrogate escapes) as the bytes it has on disk."""
    posix = PurePath(path).as_posix()
    try:
        return quote(posix.encode("utf-8", "surrogateescape"))
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte
        return quote(posix.encode("utf-8", "backslashreplace"))


def _location(path: str, line: int, column: int, end_line: int) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(path), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": line, "startColumn": column, "endLine": max(line, end_line)},
        }
    }


def _fix(path: str, fix: Fix) -> dict[str, Any]:
    """SARIF's ``fix``: one artifact change of one-line replacements (columns in code points, end exclusive).

    Each replacement keeps the text it replaces in its properties, as doclint's
    edits do, so that ``doclint merge`` gives back the same fix.
    """
    replacements = [
        {
            "deletedRegion": {"startLine": edit.line, "startColumn": edit.column, "endColumn": edit.end_column},
            "insertedContent": {"text": edit.new},
            "properties": {"old": edit.old},
        }
        for edit in fix.edits
    ]
    return {
        "description": {"text": "restore what the English page says" if fix.safe else "an unsafe fix"},
        "artifactChanges": [
            {"artifactLocation": {"uri": _uri(path), "uriBaseId": "%SRCROOT%"}, "replacements": replacements}
        ],
        "properties": {"safe": fix.safe},
    }


def document(diagnostics: list[Diagnostic], run: RunRecord | None = None) -> dict[str, Any]:
    """The SARIF log; with ``run``, the run's record in the run's properties bag, for ``doclint merge``."""
    rules = all_rules()
    companions = run.companions if run is not None else frozenset()
    index = {rule.code: position for position, rule in enumerate(rules)}
    results = []
    for item in diagnostics:
        result: dict[str, Any] = {
            "ruleId": item.code,
            "ruleIndex": index[item.code],
            "level": _LEVEL[item.severity],
            "message": {"text": item.message},
            "locations": [_location(item.path, item.line, item.column, item.end_line)],
            "partialFingerprints": {"doclint/v1": item.fingerprint},
        }
        properties: dict[str, Any] = {"locale": item.locale}
        if item.also:
            # The other rules that found the same defect (lint.merge); the message lists them too.
            properties["also"] = list(item.also)
        if item.inherited:
            # Copied from the English page (lint.inherit); the related location is the English finding.
            properties["inherited"] = True
        if item.path in companions:
            # A translation brought in by its English page (drift rules only): an error here fails as a warning.
            properties["companion"] = True
        path = _path_of(result["locations"][0])
        if path != item.path:
            properties["path"] = item.path  # what the URI cannot give back (a lone surrogate), for doclint merge
        result["properties"] = properties
        if item.fix is not None:
            result["fixes"] = [_fix(item.path, item.fix)]
        if item.related:
            result["relatedLocations"] = [
                {
                    "id": number,
                    "message": {"text": related.message},
                    **_location(related.path, related.line, related.column, related.end_line),
                }
                for number, related in enumerate(item.related, start=1)
            ]
        results.append(result)
    record: dict[str, Any] = {"properties": {"doclint": run.data()}} if run is not None else {}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                **record,
                "tool": {
                    "driver": {
                        "name": "doclint",
                        "version": __version__,
                        "informationUri": "https://github.com/doclint/doclint",
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.name,
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": rule.doc or rule.summary},
                                "help": {"text": rule.doc or rule.summary},
                                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
                                "properties": {"tags": list(rule.tags), "scope": rule.scope},
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory doclint ran in."}}},
                "results": results,
            }
        ],
    }


def write(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary) -> None:
    stream.write(json_text(document(diagnostics, summary.run)) + "\n")


def _path_of(location: dict[str, Any]) -> str:
    """The file path a location's URI stands for (as :func:`_uri` encoded it)."""
    return path_from_uri(location["physicalLocation"]["artifactLocation"]["uri"])


def path_from_uri(uri: str) -> str:
    """The inverse of :func:`_uri`: percent-decoded, undecodable bytes as surrogate escapes again."""
    return unquote_to_bytes(uri).decode("utf-8", "surrogateescape")
