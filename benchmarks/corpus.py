"""Load the benchmark corpus (../shared/corpus) straight from its tarball.

Benchmarks are the only code allowed to read outside the repository; when the
corpus is not there they say so and exit 0, so a fresh clone without
shared/ still passes.
"""

from __future__ import annotations

import os
import random
import sys
import tarfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from lint.diagnostic import Diagnostic

DEFAULT_TARBALL = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "graph-v1.0-api-4locales.tar.gz"


def tarball() -> Path | None:
    path = Path(os.environ.get("DOCLINT_CORPUS", DEFAULT_TARBALL))
    return path if path.is_file() else None


def load(locales: tuple[str, ...] | None = None) -> list[tuple[str, bytes]]:
    """``(path, bytes)`` for every Markdown page, in archive order."""
    path = tarball()
    if path is None:
        print(f"benchmark corpus not found at {DEFAULT_TARBALL}; set DOCLINT_CORPUS; skipping")
        sys.exit(0)
    files = []
    with tarfile.open(path) as archive:
        for member in archive:
            if not member.isfile() or not member.name.endswith(".md"):
                continue
            if locales and member.name.removeprefix("./").split("/")[0] not in locales:
                continue
            handle = archive.extractfile(member)
            if handle is not None:
                files.append((member.name.removeprefix("./"), handle.read()))
    return files


def print_samples(findings: Mapping[str, Sequence[Diagnostic]], names: Iterable[str], count: int, seed: int) -> None:
    """Up to ``count`` findings of each rule in ``names``, drawn with ``seed``, for a human to judge."""
    rng = random.Random(seed)
    for name in names if count else []:
        print(f"\n== {name}")
        for item in rng.sample(list(findings[name]), min(count, len(findings[name]))):
            print(f"{item.path}:{item.line}:{item.column}: {item.message}")
