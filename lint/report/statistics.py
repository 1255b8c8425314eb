"""``--statistics``: the number of findings per rule, as text or JSON.

The view for deciding what to fix, configure away or baseline when adopting
doclint on a large corpus (``ruff --statistics``). One entry per rule, its
findings counted per severity: configuration can give one rule's findings
different severities (a per-finding severity, ``--fail-on``), and a rule
listed twice reads as two rules.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from msgspec import Struct

from lint.diagnostic import Diagnostic
from lint.report import Summary, summary_line
from lint.rules import SEVERITIES


class RuleCount(Struct, frozen=True):
    code: str
    name: str
    #: Findings per severity, every severity present (zero when none).
    by_severity: dict[str, int]
    total: int


def rule_counts(diagnostics: list[Diagnostic]) -> list[RuleCount]:
    """One entry per rule, most findings first, then by code."""
    names = {item.code: item.name for item in diagnostics}
    counts: dict[str, Counter[str]] = {code: Counter() for code in names}
    for item in diagnostics:
        counts[item.code][item.severity] += 1
    entries = [
        RuleCount(code, names[code], {level: found[level] for level in SEVERITIES}, sum(found.values()))
        for code, found in counts.items()
    ]
    return sorted(entries, key=lambda entry: (-entry.total, entry.code))


def write_text(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary) -> None:
    """A line per rule: total, code, name, then the count of each severity in its column.

    The report's summary line ends it, as it ends the text report, unless
    ``--quiet`` asks for the data only (as ``ruff --statistics --quiet``).
    """
    entries = rule_counts(diagnostics)
    if entries:
        width = max(len("count"), len(str(entries[0].total)))
        name_width = max(len("name"), *(len(entry.name) for entry in entries))
        levels = "".join(f"{level:>9}" for level in SEVERITIES)
        stream.write(f"{'count':>{width}}  {'code':<6} {'name':<{name_width}}{levels}\n")
        for entry in entries:
            columns = "".join(f"{entry.by_severity[level]:>9}" for level in SEVERITIES)
            stream.write(f"{entry.total:>{width}}  {entry.code:<6} {entry.name:<{name_width}}{columns}\n")
    if not summary.quiet:
        stream.write(summary_line(diagnostics, summary) + "\n")


def write_json(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary) -> None:
    """A JSON array, one object per rule: ``code``, ``name``, ``counts`` by severity, ``total``."""
    data = [
        {"code": entry.code, "name": entry.name, "counts": entry.by_severity, "total": entry.total}
        for entry in rule_counts(diagnostics)
    ]
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
