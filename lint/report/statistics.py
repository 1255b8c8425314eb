"""``--statistics``: the number of findings per rule, as text or JSON.

The view for deciding what to fix, configure away or baseline when adopting
doclint on a large corpus (``ruff --statistics``). One entry per rule, its
findings counted per severity: configuration can give one rule's findings
different severities (a per-finding severity, ``--fail-on``), and a rule
listed twice reads as two rules. ``--group-by locale`` counts them per
locale of the page instead, a column per locale: what a localization team
looks at to see which language has what to fix.
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
    #: Findings per locale of their page, every locale of the run present (zero when none).
    by_locale: dict[str, int] = {}


def rule_counts(diagnostics: list[Diagnostic]) -> list[RuleCount]:
    """One entry per rule, most findings first, then by code."""
    names = {item.code: item.name for item in diagnostics}
    counts: dict[str, Counter[str]] = {code: Counter() for code in names}
    per_locale: dict[str, Counter[str]] = {code: Counter() for code in names}
    for item in diagnostics:
        counts[item.code][item.severity] += 1
        per_locale[item.code][_locale(item)] += 1
    locales = locales_of(diagnostics)
    entries = [
        RuleCount(
            code,
            names[code],
            {level: found[level] for level in SEVERITIES},
            sum(found.values()),
            {locale: per_locale[code][locale] for locale in locales},
        )
        for code, found in counts.items()
    ]
    return sorted(entries, key=lambda entry: (-entry.total, entry.code))


def _locale(item: Diagnostic) -> str:
    return item.locale or "und"


def locales_of(diagnostics: list[Diagnostic]) -> list[str]:
    """The locales the findings stand in, sorted; the English sources are a locale like any other."""
    return sorted({_locale(item) for item in diagnostics})


def write_text(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary, group_by: str = "severity") -> None:
    """A line per rule: total, code, name, then the count of each severity (or locale) in its column.

    The report's summary line ends it, as it ends the text report, unless
    ``--quiet`` asks for the data only (as ``ruff --statistics --quiet``).
    """
    entries = rule_counts(diagnostics)
    if entries:
        by_locale = group_by == "locale"
        groups = locales_of(diagnostics) if by_locale else list(SEVERITIES)
        column = max(9, *(len(group) + 2 for group in groups))
        width = max(len("count"), len(str(entries[0].total)))
        name_width = max(len("name"), *(len(entry.name) for entry in entries))
        heading = "".join(f"{group:>{column}}" for group in groups)
        stream.write(f"{'count':>{width}}  {'code':<6} {'name':<{name_width}}{heading}\n")
        for entry in entries:
            counts = entry.by_locale if by_locale else entry.by_severity
            columns = "".join(f"{counts[group]:>{column}}" for group in groups)
            stream.write(f"{entry.total:>{width}}  {entry.code:<6} {entry.name:<{name_width}}{columns}\n")
    if not summary.quiet:
        stream.write(summary_line(diagnostics, summary) + "\n")


def write_json(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary, group_by: str = "severity") -> None:
    """A JSON array, one object per rule: ``code``, ``name``, ``counts`` by severity, ``total``.

    Grouped by locale, each object also has ``locales``: the count per locale.
    """
    data: list[dict[str, object]] = []
    for entry in rule_counts(diagnostics):
        item: dict[str, object] = {
            "code": entry.code,
            "name": entry.name,
            "counts": entry.by_severity,
            "total": entry.total,
        }
        if group_by == "locale":
            item["locales"] = entry.by_locale
        data.append(item)
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
