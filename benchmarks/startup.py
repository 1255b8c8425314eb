"""Start-up cost of a one-file ``doclint check`` (the pre-commit case), in one run.

Compares, as ratios measured now on this machine:
- ``python -c pass``
- ``python -c "import markdown_it, jsonschema"`` (the budget: about as fast as this)
- ``doclint check --no-translations <one shipped page>``, for an English
  Markdown page, a platyPS page and a translation (which is checked with
  its English page); each reads its version's schema store

    python benchmarks/startup.py [--runs 21]

Measured as a user's machine runs it: with bytecode caches. Installed
packages (markdown-it-py, jsonschema) come with precompiled ``.pyc`` files;
doclint's own modules get theirs on first import, so each command runs once
untimed first, with ``PYTHONDONTWRITEBYTECODE`` removed from the environment
(some sandboxes set it, which would make every run recompile doclint but not
its dependencies).

The commands run interleaved, round after round, so that a busy moment on
the machine slows all of them alike; the medians of wall-clock time and of
CPU time (user + system, from ``getrusage``) are printed with their ratios.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = (
    "docs_src/beta/api/call-reject.md",
    "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md",
    # A translation is checked with its English source: two pages parsed.
    "locales/ru-RU/beta/api/call-reject.md",
)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=21)
    args = options.parse_args()
    python = sys.executable
    doclint_check = [python, "-m", "lint", "check", "--no-translations", "--jobs", "1"]
    commands = {
        "python -c pass": [python, "-c", "pass"],
        "python + markdown_it + jsonschema": [python, "-c", "import markdown_it, jsonschema"],
        **{f"doclint check {page}": [*doclint_check, page] for page in PAGES},
    }
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(REPO)
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        subprocess.run(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    for _ in range(args.runs):
        for name, command in commands.items():
            cpu_before, started = _children_cpu(), time.perf_counter()
            subprocess.run(
                command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
            )
            wall[name].append(time.perf_counter() - started)
            cpu[name].append(_children_cpu() - cpu_before)
    budget = "python + markdown_it + jsonschema"
    budget_wall, budget_cpu = statistics.median(wall[budget]), statistics.median(cpu[budget])
    print(f"{'median of ' + str(args.runs) + ' interleaved runs':<78} {'wall':>8} {'ratio':>6} {'cpu':>8} {'ratio':>6}")
    for name in commands:
        median_wall, median_cpu = statistics.median(wall[name]), statistics.median(cpu[name])
        print(
            f"{name:<78} {median_wall * 1000:6.1f}ms {median_wall / budget_wall:5.2f}x"
            f" {median_cpu * 1000:6.1f}ms {median_cpu / budget_cpu:5.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
