"""``doclint merge``: the reports of ``check --shard I/N`` runs combined into the report of one run.

Each CI job of a matrix checks its shard and uploads its JSON or SARIF report;
a last job merges them. The result equals what one unsharded ``doclint
check`` would have written: the same findings in the same order, the same
summary and the same exit status. That holds because every report carries its
run's record (:class:`lint.report.RunRecord`: files checked, files unread,
whether a page could not be checked, the companion translations), and because
shards split by whole English-page groups, so nothing a rule sees crosses a
shard. What cannot be combined is refused, in one line naming the files:
another doclint version, another configuration (the record's fingerprint), a
shard given twice or missing, a report without a record.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from msgspec import Struct

from lint.diagnostic import Diagnostic, RelatedLocation
from lint.errors import ToolError
from lint.fix.edit import Edit, Fix, fix_from_data
from lint.report import RunRecord, Summary, printable, writer_for

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
_SEVERITY_OF_LEVEL = {"error": "error", "warning": "warning", "note": "info"}


class MergeOptions(Struct, frozen=True):
    files: list[Path]
    format: str = "text"
    output: Path | None = None
    #: Overrides the ``fail-on`` the shards ran with.
    fail_on: str | None = None
    quiet: bool = False
    color: str = "auto"


class ReportedDiagnostic(Diagnostic, frozen=True):
    """A finding read back from a report: its fingerprint is the one written, not recomputed.

    The report holds the fingerprint, not the identity it hashes; carrying it
    over keeps baselines and code-scanning alerts matching across the merge.
    """

    recorded_fingerprint: str = ""

    @property
    def fingerprint(self) -> str:
        return self.recorded_fingerprint


class ShardReport(Struct, frozen=True):
    """One input: its file, its run's record and its findings (with the companion translations' paths)."""

    file: Path
    record: dict[str, Any]
    findings: list[Diagnostic]
    companions: frozenset[str]


def read_report(file: Path) -> ShardReport:
    """A shard's JSON or SARIF report, told apart by its shape; anything else is a :class:`ToolError`."""
    try:
        data = json.loads(file.read_text(encoding="utf-8", errors="surrogateescape"))
    except FileNotFoundError as error:
        raise ToolError(f"{file}: no such file") from error
    except OSError as error:
        raise ToolError(f"{file}: cannot read: {error.strerror or error}") from error
    except json.JSONDecodeError as error:
        raise ToolError(f"{file}:{error.lineno}:{error.colno}: not JSON: {error.msg}") from error
    try:
        if isinstance(data, dict) and isinstance(data.get("runs"), list):
            return _from_sarif(file, data)
        if isinstance(data, dict) and "findings" in data and "doclint" in data:
            return _from_json(file, data)
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise ToolError(f"{file}: a damaged doclint report ({type(error).__name__}: {error})") from error
    if isinstance(data, list):
        raise ToolError(
            f"{file}: a JSON report without its run's record; write the shards' reports with"
            " `doclint check --shard I/N --format json` (or --format sarif)"
        )
    raise ToolError(f"{file}: neither a doclint JSON report nor a SARIF log")


def _from_json(file: Path, data: dict[str, Any]) -> ShardReport:
    findings: list[Diagnostic] = []
    companions = set()
    for entry in data["findings"]:
        findings.append(
            ReportedDiagnostic(
                code=entry["code"],
                name=entry["name"],
                severity=entry["severity"],
                path=entry["path"],
                line=entry["line"],
                column=entry["column"],
                end_line=entry["end_line"],
                message=entry["message"],
                related=tuple(
                    RelatedLocation(item["path"], item["line"], item["column"], item["end_line"], item["message"])
                    for item in entry["related"]
                ),
                also=tuple(entry["also"]),
                locale=entry["locale"],
                inherited=entry["inherited"],
                recorded_fingerprint=entry["fingerprint"],
                fix=fix_from_data(entry["fix"]) if entry.get("fix") else None,
            )
        )
        if entry.get("companion"):
            companions.add(entry["path"])
    return ShardReport(file, _record(file, data["doclint"]), findings, frozenset(companions))


def _from_sarif(file: Path, data: dict[str, Any]) -> ShardReport:
    from lint.report.sarif_report import path_from_uri

    if len(data["runs"]) != 1:
        raise ToolError(f"{file}: a SARIF log of {len(data['runs'])} runs; doclint writes one")
    run = data["runs"][0]
    record = (run.get("properties") or {}).get("doclint")
    if record is None:
        raise ToolError(f"{file}: a SARIF log without doclint's run record (not written by this doclint's check)")
    names = [rule["name"] for rule in run["tool"]["driver"]["rules"]]

    def place(location: dict[str, Any]) -> tuple[str, int, int, int]:
        physical = location["physicalLocation"]
        region = physical["region"]
        path = path_from_uri(physical["artifactLocation"]["uri"])
        return path, region["startLine"], region["startColumn"], region["endLine"]

    findings: list[Diagnostic] = []
    companions = set()
    for result in run["results"]:
        properties = result.get("properties") or {}
        path, line, column, end_line = place(result["locations"][0])
        path = properties.get("path", path)
        findings.append(
            ReportedDiagnostic(
                code=result["ruleId"],
                name=names[result["ruleIndex"]],
                severity=_SEVERITY_OF_LEVEL[result["level"]],  # type: ignore[arg-type]
                path=path,
                line=line,
                column=column,
                end_line=end_line,
                message=result["message"]["text"],
                related=tuple(
                    RelatedLocation(*place(item), item["message"]["text"])
                    for item in result.get("relatedLocations", [])
                ),
                also=tuple(properties.get("also", ())),
                locale=properties.get("locale", ""),
                inherited=bool(properties.get("inherited", False)),
                recorded_fingerprint=result["partialFingerprints"]["doclint/v1"],
                fix=_sarif_fix(result["fixes"][0]) if result.get("fixes") else None,
            )
        )
        if properties.get("companion"):
            companions.add(path)
    return ShardReport(file, _record(file, record), findings, frozenset(companions))


def _sarif_fix(fix: dict[str, Any]) -> Fix:
    """The fix the SARIF writer wrote (:func:`lint.report.sarif_report._fix`)."""
    edits = [
        Edit(
            item["deletedRegion"]["startLine"],
            item["deletedRegion"]["startColumn"],
            item["properties"]["old"],
            item["insertedContent"]["text"],
        )
        for change in fix["artifactChanges"]
        for item in change["replacements"]
    ]
    return Fix(tuple(edits), bool((fix.get("properties") or {}).get("safe", True)))


_RECORD_KEYS = ("version", "fingerprint", "fail_on", "exit_zero", "files", "errors", "broken")


def _record(file: Path, record: Any) -> dict[str, Any]:
    if not isinstance(record, dict) or any(key not in record for key in _RECORD_KEYS):
        raise ToolError(f"{file}: a damaged doclint run record (it lacks {', '.join(_RECORD_KEYS)})")
    return record


def _shard(report: ShardReport) -> tuple[int, int]:
    value = report.record.get("shard")
    if value is None:
        return 1, 1  # a whole run: a set of one
    from lint.shard import parse_shard

    try:
        return parse_shard(value)
    except ValueError as error:
        raise ToolError(f"{report.file}: shard {error}") from error


def check_compatible(reports: list[ShardReport]) -> None:
    """The reports are the N shards of one run: one version, one configuration, each shard once."""
    first = reports[0]
    for key, what in (
        ("version", "doclint versions"),
        ("fingerprint", "configurations or PATHs (run every shard with the same config, options and doclint)"),
    ):
        for report in reports[1:]:
            if report.record[key] != first.record[key]:
                raise ToolError(
                    f"cannot merge reports of different {what}: {first.file} has {key} {first.record[key]},"
                    f" {report.file} has {report.record[key]}"
                )
    shards: dict[int, Path] = {}
    counts = {_shard(report)[1] for report in reports}
    if len(counts) > 1:
        raise ToolError(f"cannot merge shards of different splits: N is {', '.join(map(str, sorted(counts)))}")
    (count,) = counts
    for report in reports:
        index = _shard(report)[0]
        if index in shards:
            raise ToolError(f"shard {index}/{count} given twice: {shards[index]} and {report.file}")
        shards[index] = report.file
    missing = [f"{index}/{count}" for index in range(1, count + 1) if index not in shards]
    if missing:
        noun = "shard" if len(missing) == 1 else "shards"
        raise ToolError(f"{noun} {', '.join(missing)} missing: the merged report would leave out their pages")


def combine(reports: list[ShardReport]) -> tuple[list[Diagnostic], RunRecord]:
    """The findings of all shards in report order, and the record of the run they make together."""
    check_compatible(reports)
    first = reports[0].record
    # Findings of one file come from one shard, so a stable sort keeps their order as written.
    findings = sorted((item for report in reports for item in report.findings), key=Diagnostic.sort_key)
    record = RunRecord(
        version=first["version"],
        fingerprint=first["fingerprint"],
        fail_on=first["fail_on"],
        exit_zero=first["exit_zero"],
        shard=None,
        files=sum(report.record["files"] for report in reports),
        hidden_by_baseline=sum(report.record.get("hidden_by_baseline", 0) for report in reports),
        hidden_inherited=sum(report.record.get("hidden_inherited", 0) for report in reports),
        errors=tuple(sorted(error for report in reports for error in report.record["errors"])),
        broken=any(report.record["broken"] for report in reports),
        companions=frozenset().union(*(report.companions for report in reports)),
    )
    return findings, record


def run_merge(options: MergeOptions) -> int:
    """``doclint merge``: read, check, combine, report; the exit status an unsharded check would have."""
    from lint.check import fails

    findings, record = combine([read_report(file) for file in options.files])
    for error in record.errors:
        print(f"doclint: error: {printable(error)}", file=sys.stderr)
    if not options.quiet:
        from lint.rules.schema import unavailable_note

        note = unavailable_note(findings)
        if note:
            print(note, file=sys.stderr)
    summary = Summary(
        files=record.files,
        hidden_by_baseline=record.hidden_by_baseline,
        quiet=options.quiet,
        companion_findings=sum(item.path in record.companions for item in findings),
        hidden_inherited=record.hidden_inherited,
        unreadable=len(record.errors),
        run=record if options.format == "sarif" else None,
    )
    _write(findings, options, summary)
    if record.broken:
        return EXIT_ERROR
    if record.exit_zero:
        return EXIT_OK
    fail_on = options.fail_on or record.fail_on
    return EXIT_FINDINGS if any(fails(item, fail_on, record.companions) for item in findings) else EXIT_OK


def _write(findings: list[Diagnostic], options: MergeOptions, summary: Summary) -> None:
    from msgspec.structs import replace

    write = writer_for(options.format)
    if options.output is not None:
        from lint.atomic import replace_file

        try:
            replace_file(options.output, lambda stream: write(findings, stream, summary))
        except OSError as error:
            raise ToolError(f"{options.output}: cannot write: {error.strerror or error}") from error
        return
    color = options.color == "always" or (
        options.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    write(findings, sys.stdout, replace(summary, color=color))
