"""Baselines: adopt doclint on a large corpus without fixing everything first.

``--write-baseline FILE`` records today's findings by fingerprint (rule,
path, line-free context): editing elsewhere in a file does not make them
look new. ``--baseline FILE`` hides recorded findings and lets new ones fail.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from lint.diagnostic import Diagnostic

BASELINE_VERSION = 1


class BaselineError(Exception):
    pass


def write_baseline(path: Path, diagnostics: list[Diagnostic]) -> None:
    entries = [
        {
            "fingerprint": item.fingerprint,
            "code": item.code,
            "name": item.name,
            "path": item.path,
            "message": item.message,
        }
        for item in diagnostics
    ]
    data = {"doclint_baseline": BASELINE_VERSION, "findings": entries}
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    temporary.replace(path)


def read_baseline(path: Path) -> Counter[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BaselineError(f"{path}: no such baseline file") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: not a doclint baseline (invalid JSON: {error})") from error
    if (
        not isinstance(data, dict)
        or data.get("doclint_baseline") != BASELINE_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(f"{path}: not a doclint baseline (version {BASELINE_VERSION} expected)")
    return Counter(str(entry.get("fingerprint")) for entry in data["findings"] if isinstance(entry, dict))


def apply_baseline(diagnostics: list[Diagnostic], known: Counter[str]) -> tuple[list[Diagnostic], int]:
    """Findings not in the baseline, and how many were hidden."""
    remaining = Counter(known)
    kept = []
    hidden = 0
    for item in diagnostics:
        if remaining[item.fingerprint] > 0:
            remaining[item.fingerprint] -= 1
            hidden += 1
        else:
            kept.append(item)
    return kept, hidden
