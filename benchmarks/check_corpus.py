"""Run every page rule over the benchmark corpus: counts per rule, speed, and samples to read.

Pages are parsed and checked in worker processes, as ``doclint check`` does
on many files; each translation is checked with its English page (parsed
again in the worker), so the rules that compare the two run as well.
Prints the findings per rule and locale, the time taken, and with
``--samples N`` that many findings of each rule for a human to judge.

    python benchmarks/check_corpus.py [--locale en-US] [--samples 5] [--jobs 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import load, print_samples
from lint.config import build_config
from lint.context import Context
from lint.diagnostic import Diagnostic
from lint.engine import check_page
from lint.parse.detect import parse_source
from lint.source import decode_source

# The schema rules (which now find doclint's own Graph stores anywhere) are validate_corpus.py's to measure.
CONFIG = build_config({"ignore": ["schema"]}, root=Path("/nonexistent"), file=None)


def check_one(item: tuple[str, bytes, bytes | None]) -> list[Diagnostic]:
    """One page's findings; a translation is checked with its English page, as ``doclint check`` pairs them."""
    path, data, english_data = item
    page = parse_source(decode_source(path, data))
    english = None
    if english_data is not None:
        english_path = "en-US/" + path.split("/", 1)[1]
        english = parse_source(decode_source(english_path, english_data))
    return check_page(page, CONFIG, Context(config=CONFIG, english=english))


def _with_english(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes, bytes | None]]:
    """Each file with the bytes of its English source (``en-US/<same path>``), if a translation."""
    english = {path.split("/", 1)[1]: data for path, data in load(("en-US",))}
    return [
        (path, data, None if path.startswith("en-US/") else english.get(path.split("/", 1)[1])) for path, data in files
    ]


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--locale", action="append")
    options.add_argument("--samples", type=int, default=0)
    options.add_argument("--jobs", type=int, default=2)
    args = options.parse_args()
    files = _with_english(load(tuple(args.locale) if args.locale else None))
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(check_one, files, chunksize=64))
    elapsed = time.perf_counter() - started
    by_rule: Counter[str] = Counter()
    by_locale: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostics in results:
        for item in diagnostics:
            by_rule[item.name] += 1
            by_locale[item.path.split("/")[0]][item.name] += 1
            examples[item.name].append(item)
    print(f"pages: {len(files)}  findings: {sum(by_rule.values())}  time: {elapsed:.1f} s with {args.jobs} workers")
    locales = sorted(by_locale)
    print(f"{'rule':30}" + "".join(f"{locale:>8}" for locale in locales) + f"{'total':>8}")
    for name, total in by_rule.most_common():
        print(f"{name:30}" + "".join(f"{by_locale[locale][name]:>8}" for locale in locales) + f"{total:>8}")
    print_samples(examples, sorted(examples), args.samples, seed=7)
    return 0


if __name__ == "__main__":
    sys.exit(main())
