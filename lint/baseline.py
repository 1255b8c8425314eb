"""Baselines: adopt doclint on a large corpus without fixing everything first.

``--write-baseline FILE`` records today's findings by fingerprint (rule,
path, line-free context): editing elsewhere in a file does not make them
look new. ``--baseline FILE`` hides recorded findings and lets new ones fail.

A finding several rules report on one token is one merged finding
(:mod:`lint.merge`), but the baseline records and matches each rule's part:
which rule leads a merge changes when a rule is added or a page changes, and
a recorded defect must stay hidden however its rules fold together, while a
rule that newly joins it is news.

A run on some files (a pre-commit run) sees only those files, so writing a
baseline replaces the entries this run could have reproduced and keeps the
others; and an entry this run could have reproduced but did not is a fixed
finding, which the caller reports so that the baseline does not keep
silencing a defect that comes back.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from msgspec import Struct

from lint.atomic import replace_file
from lint.diagnostic import Diagnostic

BASELINE_VERSION = 1


class BaselineError(Exception):
    pass


class BaselineEntry(Struct, frozen=True):
    """One recorded finding; ``raw`` is the entry as written, kept verbatim when rewriting."""

    fingerprint: str
    code: str
    path: str
    raw: dict[str, Any]


#: Whether the current run could have reproduced an entry (its file was checked by its rule).
Coverage = Callable[[BaselineEntry], bool]


def write_baseline(path: Path, diagnostics: list[Diagnostic], covered: Coverage | None = None) -> int:
    """Record ``diagnostics``, keeping the existing entries this run did not cover; return how many were kept.

    With ``covered`` None (or no existing file) the baseline is the run's findings alone.
    """
    kept: list[dict[str, Any]] = []
    if covered is not None and path.exists():
        kept = [entry.raw for entry in read_baseline(path) if not covered(entry)]
    entries = [
        {
            "fingerprint": part.fingerprint,
            "code": part.code,
            "name": part.name,
            "path": part.path,
            "message": part.message,
        }
        for item in diagnostics
        for part in item.parts or (item,)
    ]
    # By path only (a stable sort): a full run writes the findings' own order, as before.
    merged = sorted([*kept, *entries], key=lambda entry: str(entry.get("path")))
    data = {"doclint_baseline": BASELINE_VERSION, "findings": merged}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def render(stream: TextIO) -> None:
        stream.write(text)

    try:
        replace_file(path, render)  # concurrent runs and a kill leave the old file or the new, never half
    except OSError as error:
        raise BaselineError(f"{path}: cannot write: {error.strerror or error}") from error
    return len(kept)


def read_baseline(path: Path) -> list[BaselineEntry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BaselineError(f"{path}: no such baseline file") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: not a doclint baseline (invalid JSON: {error})") from error
    except OSError as error:
        raise BaselineError(f"{path}: cannot read: {error.strerror or error}") from error
    if (
        not isinstance(data, dict)
        or data.get("doclint_baseline") != BASELINE_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(f"{path}: not a doclint baseline (version {BASELINE_VERSION} expected)")
    return [
        BaselineEntry(str(entry.get("fingerprint")), str(entry.get("code")), str(entry.get("path")), entry)
        for entry in data["findings"]
        if isinstance(entry, dict)
    ]


def apply_baseline(
    diagnostics: list[Diagnostic], entries: list[BaselineEntry]
) -> tuple[list[Diagnostic], int, list[BaselineEntry]]:
    """Findings not in the baseline, how many were hidden, and the entries that matched nothing.

    A merged finding is matched part by part: the parts the baseline records are
    dropped, and what is left is folded again (one part stands alone).
    """
    from lint.merge import merge

    remaining = Counter(entry.fingerprint for entry in entries)
    kept: list[Diagnostic] = []
    hidden = 0
    for item in diagnostics:
        parts = item.parts or (item,)
        new = []
        for part in parts:
            if remaining[part.fingerprint] > 0:
                remaining[part.fingerprint] -= 1
            else:
                new.append(part)
        if not new:
            hidden += 1
        elif len(new) == len(parts):
            kept.append(item)
        else:
            kept.extend(merge(new))
    unmatched = []
    for entry in entries:
        if remaining[entry.fingerprint] > 0:
            remaining[entry.fingerprint] -= 1
            unmatched.append(entry)
    return kept, hidden, unmatched
