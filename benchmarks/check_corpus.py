"""Run every page rule over the benchmark corpus: counts per rule, speed, and samples to read.

Pages are parsed and checked in worker processes, as ``doclint check`` does
on many files; each translation is checked with its English page (parsed
again in the worker), so the rules that compare the two run as well.
Prints the findings per rule and locale, the time taken, and with
``--samples N`` that many findings of each rule for a human to judge.
``--dump FILE`` writes every finding, one per line; ``--compare FILE`` reads
such a dump (made before a change) and prints, per rule, the counts before
and after and a sample of the findings removed and added, so that a rule
change is judged on what it stopped and started reporting.

    python benchmarks/check_corpus.py [--locale en-US] [--samples 5] [--jobs 2]
    python benchmarks/check_corpus.py --dump before.tsv      # at the old commit
    python benchmarks/check_corpus.py --compare before.tsv --samples 20
"""

from __future__ import annotations

import argparse
import random
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
from lint.model import Page
from lint.parse.detect import parse_source
from lint.source import decode_source

# The schema rules (which now find doclint's own Graph stores anywhere) are validate_corpus.py's to measure.
CONFIG = build_config({"ignore": ["schema"]}, root=Path("/nonexistent"), file=None)


#: English pages parsed in this worker, by path: as the engine does, each is parsed once per process,
#: so its page findings (what translations inherit, lint.inherit) are computed once too. The files
#: go to the workers sorted by their path under the locale, so a page's translations come together
#: and a few recent English pages are all a worker needs to keep.
_ENGLISH: dict[str, Page] = {}
_ENGLISH_KEPT = 32


def check_one(item: tuple[str, bytes, bytes | None]) -> list[Diagnostic]:
    """One page's findings; a translation is checked with its English page, as ``doclint check`` pairs them."""
    path, data, english_data = item
    page = parse_source(decode_source(path, data))
    english = None
    if english_data is not None:
        english_path = "en-US/" + path.split("/", 1)[1]
        if english_path not in _ENGLISH:
            if len(_ENGLISH) >= _ENGLISH_KEPT:
                del _ENGLISH[next(iter(_ENGLISH))]
            _ENGLISH[english_path] = parse_source(decode_source(english_path, english_data))
        english = _ENGLISH[english_path]
    return check_page(page, CONFIG, Context(config=CONFIG, english=english))


def _with_english(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes, bytes | None]]:
    """Each file with the bytes of its English source (``en-US/<same path>``), if a translation."""
    english = {path.split("/", 1)[1]: data for path, data in load(("en-US",))}
    paired = [
        (path, data, None if path.startswith("en-US/") else english.get(path.split("/", 1)[1])) for path, data in files
    ]
    return sorted(paired, key=lambda item: (item[0].split("/", 1)[1], item[0]))


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--locale", action="append")
    options.add_argument("--samples", type=int, default=0)
    options.add_argument("--jobs", type=int, default=2)
    options.add_argument("--dump", type=Path, help="write every finding to this file")
    options.add_argument("--compare", type=Path, help="a --dump made before a change: print what changed")
    args = options.parse_args()
    files = _with_english(load(tuple(args.locale) if args.locale else None))
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(check_one, files, chunksize=64))
    elapsed = time.perf_counter() - started
    by_rule: Counter[str] = Counter()
    by_locale: dict[str, Counter[str]] = defaultdict(Counter)
    inherited: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostics in results:
        for item in diagnostics:
            by_rule[item.name] += 1
            by_locale[item.path.split("/")[0]][item.name] += 1
            examples[item.name].append(item)
            if item.inherited:
                inherited[item.path.split("/")[0]][item.name] += 1
    print(f"pages: {len(files)}  findings: {sum(by_rule.values())}  time: {elapsed:.1f} s with {args.jobs} workers")
    locales = sorted(by_locale)
    print(f"{'rule':30}" + "".join(f"{locale:>8}" for locale in locales) + f"{'total':>8}")
    for name, total in by_rule.most_common():
        print(f"{name:30}" + "".join(f"{by_locale[locale][name]:>8}" for locale in locales) + f"{total:>8}")
    if inherited:
        print("\nof which inherited from the English page (lint.inherit):")
        print(f"{'rule':30}" + "".join(f"{locale:>8}" for locale in locales) + f"{'total':>8}")
        for name, _ in by_rule.most_common():
            total = sum(inherited[locale][name] for locale in locales)
            if total:
                print(f"{name:30}" + "".join(f"{inherited[locale][name]:>8}" for locale in locales) + f"{total:>8}")
    found = [_line(item) for diagnostics in results for item in diagnostics]
    if args.dump is not None:
        args.dump.write_text("".join(f"{line}\n" for line in found), encoding="utf-8")
    if args.compare is not None:
        before = args.compare.read_text(encoding="utf-8").splitlines()
        print_changes(before, found, args.samples)
    else:
        print_samples(examples, sorted(examples), args.samples, seed=7)
    return 0


def _line(item: Diagnostic) -> str:
    """One finding as a tab-separated line: rule name first, so lines group by rule."""
    message = item.message.replace("\t", " ").replace("\n", " ")
    mark = "\tinherited" if item.inherited else ""
    return f"{item.name}\t{item.path}:{item.line}:{item.column}\t{message}{mark}"


def print_changes(before: list[str], after: list[str], count: int) -> None:
    """Counts per rule before and after; ``count`` findings of each rule removed, added and kept.

    Findings are matched by rule and place, not message, so that a reworded
    message does not count as one finding removed and another added.
    """
    old = Counter(_place(line) for line in before)
    new = Counter(_place(line) for line in after)
    removed, added = old - new, new - old
    message = {_place(line): line for line in before} | {_place(line): line for line in after}
    old_rules = Counter(line.split("\t")[0] for line in before)
    new_rules = Counter(line.split("\t")[0] for line in after)
    print(f"\n{'rule':30}{'before':>8}{'after':>8}{'removed':>9}{'added':>7}")
    for name in sorted(old_rules | new_rules, key=lambda key: (-old_rules[key], key)):
        gone = sum(n for place, n in removed.items() if place[0] == name)
        came = sum(n for place, n in added.items() if place[0] == name)
        if gone or came:
            print(f"{name:30}{old_rules[name]:>8}{new_rules[name]:>8}{gone:>9}{came:>7}")
    rng = random.Random(7)
    changed = {place[0] for place in removed | added}
    before_lines = {_place(line): line for line in before}
    kept = new & old
    for label, places, texts in (
        ("removed", removed, before_lines),
        ("added", added, message),
        ("kept", kept, message),
    ):
        for name in sorted(changed):
            chosen = sorted(place for place in places if place[0] == name)
            for place in rng.sample(chosen, min(count, len(chosen))):
                print(f"{label} {texts[place]}")


def _place(line: str) -> tuple[str, str]:
    name, where = line.split("\t")[:2]
    return name, where


if __name__ == "__main__":
    sys.exit(main())
