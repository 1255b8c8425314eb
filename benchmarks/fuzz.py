"""The long fuzz run (issue 12): hostile pages against the whole check, for N minutes.

    python benchmarks/fuzz.py --minutes 30 [--seed S] [--out build/fuzz] [--engine auto|atheris|hypothesis]

Draws the same inputs as ``tests/test_fuzz.py`` (:mod:`benchmarks.fuzzing.strategies`)
and holds each to the same oracle (:mod:`benchmarks.fuzzing.oracle`). With
atheris installed (``pip install atheris``; not a dependency) the strategies
are driven by libFuzzer's coverage-guided bytes over an instrumented ``lint``
package; otherwise hypothesis draws them at random, a fresh seed per batch.
Prints the inputs tried per category and each distinct problem; every failing
input is saved under ``--out`` (its pages as files, and ``problems.txt``), so
``doclint check`` reproduces it there. Exits 1 when anything failed.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, NoReturn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

#: An input that takes longer than this is a hang, reported like a crash.
INPUT_TIMEOUT_SECONDS = 60
#: Reproducers kept per distinct problem.
KEEP_PER_PROBLEM = 3


class InputTimeout(BaseException):
    """Raised by the alarm; a BaseException, so that no ``except Exception`` in doclint swallows it."""


class Recorder:
    """Counts inputs per category and keeps the failing ones."""

    def __init__(self, out: Path, minutes: float) -> None:
        self.out = out
        self.deadline = time.monotonic() + minutes * 60
        self.started = time.monotonic()
        self.tried: Counter[str] = Counter()
        self.problems: Counter[str] = Counter()
        self.examples: dict[str, str] = {}
        self.crashes = 0

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def run(self, case: Any) -> None:
        from benchmarks.fuzzing.oracle import check_case

        self.tried[case.category] += 1
        signal.alarm(INPUT_TIMEOUT_SECONDS)
        try:
            problems = check_case(case)
        except InputTimeout:
            problems = [f"hang: no answer within {INPUT_TIMEOUT_SECONDS} s"]
        finally:
            signal.alarm(0)
        if problems:
            self.record(case, problems)
        total = sum(self.tried.values())
        if total % 500 == 0:
            elapsed = time.monotonic() - self.started
            print(f"... {total} inputs in {elapsed:.0f} s, {self.crashes} failing", file=sys.stderr, flush=True)

    def record(self, case: Any, problems: list[str]) -> None:
        self.crashes += 1
        for problem in dict.fromkeys(problems):
            signature = f"[{case.category}] {_signature(problem)}"
            self.problems[signature] += 1
            if self.problems[signature] > KEEP_PER_PROBLEM:
                continue
            directory = self.out / f"crash-{self.crashes:04}-{case.category}"
            for relative, data in case.files().items():
                (directory / relative).parent.mkdir(parents=True, exist_ok=True)
                (directory / relative).write_bytes(data)
            (directory / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
            (directory / "problems.txt").write_text(
                f"checked: {case.path}\n" + "\n".join(problems) + "\n", encoding="utf-8", errors="backslashreplace"
            )
            self.examples.setdefault(signature, str(directory))

    def finish(self) -> int:
        total = sum(self.tried.values())
        print(f"inputs tried: {total} in {time.monotonic() - self.started:.0f} s")
        for category, count in sorted(self.tried.items()):
            print(f"  {category:<22} {count}")
        print(f"failing inputs: {self.crashes}")
        for signature, count in self.problems.most_common():
            print(f"  {count:>5}  {signature.encode('ascii', 'backslashreplace').decode()}")
            print(f"         e.g. {self.examples.get(signature, '(not kept)')}")
        return 1 if self.crashes else 0


def _signature(problem: str) -> str:
    """The problem with its numbers and quoted text masked, so that one bug counts once."""
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", problem))[:160]


def _property(recorder: Recorder, strategy: Any = None) -> Any:
    """The property that runs and records one case (of ``strategy``, by default of every class)."""
    from hypothesis import HealthCheck, given, settings

    from benchmarks.fuzzing.strategies import fuzz_cases

    @settings(deadline=None, database=None, suppress_health_check=list(HealthCheck), max_examples=100)
    @given(strategy if strategy is not None else fuzz_cases)
    def fuzz(case: Any) -> None:
        if not recorder.expired():
            recorder.run(case)

    return fuzz


def run_hypothesis(recorder: Recorder, seed: int) -> int:
    from hypothesis import seed as with_seed

    batch = 0
    while not recorder.expired():
        with_seed(seed + batch)(_property(recorder))()
        batch += 1
    return recorder.finish()


def run_atheris(recorder: Recorder, seed: int, minutes: float) -> NoReturn:
    import atheris

    from benchmarks.fuzzing.strategies import GENERATED, MUTATIONS

    # One property per class of input, taken in turn: libFuzzer's bytes choose within a class, so a class
    # whose first inputs covered little is still tried as often as the others.
    properties = [
        _property(recorder, strategy).hypothesis.fuzz_one_input
        for strategy in (*MUTATIONS.values(), *GENERATED.values())
    ]
    calls = iter(range(1 << 62))

    def one_input(data: bytes) -> None:
        if recorder.expired():
            # libFuzzer ends the process from C, past Python's exit handlers: the summary is printed here.
            sys.stdout.flush()
            code = recorder.finish()
            sys.stdout.flush()
            os._exit(code)
        properties[next(calls) % len(properties)](data)

    atheris.Setup(
        [
            sys.argv[0],
            f"-seed={seed}",
            f"-max_total_time={int(minutes * 60) + 120}",
            "-rss_limit_mb=4096",
            # Strategies read many choices: a few-byte input would mostly run out before a case is drawn.
            "-max_len=16384",
            "-len_control=0",
        ],
        one_input,
    )
    from benchmarks.fuzzing.oracle import check_case
    from benchmarks.fuzzing.strategies import SEEDS, FuzzCase, companions_of

    with atheris.instrument_imports(include=["lint"]):
        # doclint imports its parsers, rules and reporters on first use: checking each shipped page once
        # here imports (and so instruments) every module an input can reach.
        for page in SEEDS:
            check_case(FuzzCase("warm-up", page.path, page.data, companions_of(page.path)))

    atheris.Fuzz()
    raise SystemExit(recorder.finish())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, required=True, help="how long to run")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--out", type=Path, default=Path("build/fuzz"), help="where failing inputs go")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    args = parser.parse_args(argv)
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
        except ImportError:
            engine = "hypothesis"
        else:
            engine = "atheris"
    args.out.mkdir(parents=True, exist_ok=True)
    recorder = Recorder(args.out.resolve(), args.minutes)

    def on_alarm(signum: int, frame: object) -> None:
        raise InputTimeout

    signal.signal(signal.SIGALRM, on_alarm)
    print(f"fuzzing with {engine} for {args.minutes:g} minutes, seed {args.seed}; failing inputs go to {args.out}")
    if engine == "atheris":
        run_atheris(recorder, args.seed, args.minutes)
    return run_hypothesis(recorder, args.seed)


if __name__ == "__main__":
    sys.exit(main())
