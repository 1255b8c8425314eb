"""Time per MB of the whole check on one huge page, made by repeating a real page (issue 12).

A page of 1, 4.5 and 18 MB (sizes configurable) is built by repeating a shipped
page, written into a throw-away project and checked in-process, as
``doclint check PAGE`` does it: parser, every rule, merging, suppressions and
the text report. Time per MB must stay within 1.5x across the sizes, or some
step of the check grows faster than the page (a quadratic scan hides at small
sizes and takes minutes at 18 MB).

    python benchmarks/big_pages.py [--page docs_src/v1.0/api/call-reject.md] [--sizes 1,4.5,18]

Prints a table of size, seconds, seconds per MB and its ratio to the smallest
size's, then PASS or FAIL; exits 1 on FAIL.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGE = "docs_src/v1.0/api/call-reject.md"
#: Where the huge page lies in the throw-away project.
TARGET = "docs_src/v1.0/api/big.md"
MB = 1_000_000


def repeated_page(text: str, size: int) -> str:
    """``text`` repeated (whole lines) until the result holds ``size`` characters."""
    if not text.endswith("\n"):
        text += "\n"
    copies, rest = divmod(size, len(text))
    tail = text[:rest]
    return text * copies + tail[: tail.rfind("\n") + 1]


def check_seconds(text: str, root: Path) -> float:
    """Seconds the whole ``doclint check`` of ``text`` takes, as one page of a project at ``root``."""
    from lint.cli import main

    (root / TARGET).parent.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    (root / TARGET).write_text(text, encoding="utf-8")
    here = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            start = time.perf_counter()
            main(["check", "--jobs", "1", TARGET])
            return time.perf_counter() - start
    finally:
        os.chdir(here)


def measure(page: str, sizes: list[float]) -> list[tuple[float, float]]:
    """(MB, seconds) for each size, each in a project of its own."""
    text = (REPO / page).read_text(encoding="utf-8")
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="doclint-big-") as root:
            rows.append((size, check_seconds(repeated_page(text, int(size * MB)), Path(root))))
    return rows


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--page", default=PAGE)
    options.add_argument("--sizes", default="1,4.5,18", help="page sizes in MB, comma-separated")
    options.add_argument("--limit", type=float, default=1.5, help="largest allowed ratio of seconds per MB")
    args = options.parse_args()
    rows = measure(args.page, [float(item) for item in args.sizes.split(",")])
    base = rows[0][1] / rows[0][0]
    print(f"{'MB':>6} {'seconds':>9} {'s/MB':>7} {'ratio':>6}")
    worst = 0.0
    for size, seconds in rows:
        ratio = seconds / size / base
        worst = max(worst, ratio)
        print(f"{size:>6g} {seconds:>9.2f} {seconds / size:>7.2f} {ratio:>6.2f}")
    verdict = "PASS" if worst <= args.limit else "FAIL"
    print(f"{verdict}: time per MB within {worst:.2f}x of the smallest page's (limit {args.limit}x)")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
