"""Start-up cost of a one-file ``doclint check`` (the pre-commit case), in one run.

Compares, as ratios measured now on this machine:
- ``python -c pass``
- ``python -c "import markdown_it, jsonschema"`` (the budget: about as fast as this)
- ``doclint check --no-translations <one shipped page>``

    python benchmarks/startup.py [--runs 15]

Measured as a user's machine runs it: with bytecode caches. Installed
packages (markdown-it-py, jsonschema) come with precompiled ``.pyc`` files;
doclint's own modules get theirs on first import, so each command runs once
untimed first, with ``PYTHONDONTWRITEBYTECODE`` removed from the environment
(some sandboxes set it, which would make every run recompile doclint but not
its dependencies).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGE = "docs_src/beta/api/call-reject.md"


def timed(command: list[str], runs: int) -> float:
    samples = []
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(REPO)
    subprocess.run(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=15)
    args = options.parse_args()
    python = sys.executable
    bare = timed([python, "-c", "pass"], args.runs)
    budget = timed([python, "-c", "import markdown_it, jsonschema"], args.runs)
    check = timed([python, "-m", "lint", "check", "--no-translations", "--jobs", "1", PAGE], args.runs)
    print(f"python -c pass:                        {bare * 1000:7.1f} ms")
    print(f"python + markdown_it + jsonschema:     {budget * 1000:7.1f} ms")
    print(f"doclint check one page:                {check * 1000:7.1f} ms")
    print(f"ratio check / (python + imports):      {check / budget:7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
