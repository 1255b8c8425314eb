"""Run the drift rules over a corpus of translations: counts per rule and locale, speed, samples to read.

A fresh translation of a correct page should show almost no drift, so the
paired corpus (English of July 2021 with its bilingual translations of
August 2021) measures the rules' precision; the 4-locale corpus, whose
translations are newer than its English, shows what they say when the
English side may be the older one. Each English page is parsed once, in the
worker that checks its translations; only the rules tagged ``drift`` run.

    python benchmarks/drift_corpus.py [--corpus TARBALL] [--locale ru-RU] [--samples 5] [--jobs 2]

Without the corpus (``--corpus``, else ``$DOCLINT_CORPUS``, else
``../shared/corpus/graph-2021-paired.tar.xz``) it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from msgspec import to_builtins

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import DEFAULT_TARBALL, load
from lint.config import build_config
from lint.context import Context
from lint.diagnostic import Diagnostic
from lint.engine import check_page
from lint.parse.detect import parse_source
from lint.source import decode_source

PAIRED = DEFAULT_TARBALL.with_name("graph-2021-paired.tar.xz")
CONFIG = build_config({"select": ["drift"]}, root=Path("/nonexistent"), file=None)

#: One English page and the translations of it: ``(english path, bytes, [(path, bytes), ...])``.
Group = tuple[str, bytes | None, list[tuple[str, bytes]]]


def check_group(group: Group) -> list[Diagnostic]:
    """The drift findings of each translation in ``group``, against the English page parsed once."""
    english_path, english_data, translations = group
    english = parse_source(decode_source(english_path, english_data)) if english_data is not None else None
    found: list[Diagnostic] = []
    for path, data in translations:
        page = parse_source(decode_source(path, data))
        found.extend(check_page(page, CONFIG, Context(config=CONFIG, english=english)))
    return found


def groups(files: list[tuple[str, bytes]], locales: set[str] | None) -> tuple[list[Group], Counter[str]]:
    """Translations grouped by their English page (``en-US/<same path>``); pages per locale."""
    english = {path.split("/", 1)[1]: data for path, data in files if path.startswith("en-US/")}
    by_source: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
    pages: Counter[str] = Counter()
    for path, data in files:
        locale, rest = path.split("/", 1)
        if locale == "en-US" or (locales and locale not in locales):
            continue
        pages[locale] += 1
        by_source[rest].append((path, data))
    return [(f"en-US/{rest}", english.get(rest), items) for rest, items in sorted(by_source.items())], pages


def print_samples(findings: list[Diagnostic], count: int, seed: int) -> None:
    """``count`` findings of each rule in each locale, drawn with ``seed``, with the English they cite."""
    rng = random.Random(seed)
    by_key: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for item in findings:
        by_key[(item.name, item.path.split("/")[0])].append(item)
    for (name, locale), items in sorted(by_key.items()):
        print(f"\n== {name} {locale} ({len(items)})")
        for item in rng.sample(items, min(count, len(items))):
            print(f"{item.path}:{item.line}:{item.column}: {item.message}")
            for related in item.related:
                print(f"    {related.path}:{related.line}:{related.column}: {related.message}")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--corpus", type=Path, help="the tarball (default: the paired corpus)")
    options.add_argument("--locale", action="append", help="only these locales (repeatable)")
    options.add_argument("--samples", type=int, default=0, help="findings to print per rule and locale")
    options.add_argument("--seed", type=int, default=7)
    options.add_argument("--jobs", type=int, default=2)
    options.add_argument("--dump", type=Path, help="also write every finding to this file, one JSON object a line")
    args = options.parse_args()
    corpus = args.corpus or Path(os.environ.get("DOCLINT_CORPUS", PAIRED))
    if not corpus.is_file():
        print(f"drift corpus not found at {corpus}; pass --corpus or set DOCLINT_CORPUS; skipping")
        return 0
    os.environ["DOCLINT_CORPUS"] = str(corpus)
    work, pages = groups(load(), set(args.locale) if args.locale else None)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = [item for found in pool.map(check_group, work, chunksize=16) for item in found]
    elapsed = time.perf_counter() - started
    by_locale: dict[str, Counter[str]] = defaultdict(Counter)
    pages_with: dict[str, set[str]] = defaultdict(set)
    for item in results:
        locale = item.path.split("/")[0]
        by_locale[locale][item.name] += 1
        pages_with[locale].add(item.path)
    locales = sorted(pages)
    print(f"corpus: {corpus.name}  translations: {sum(pages.values())}  drift findings: {len(results)}")
    print(f"time: {elapsed:.1f} s with {args.jobs} workers (parsing included)")
    print(f"{'rule':22}" + "".join(f"{locale:>10}" for locale in locales) + f"{'total':>10}")
    codes = {item.name: item.code for item in results}
    for name in sorted(codes, key=codes.__getitem__):
        counts = [by_locale[locale][name] for locale in locales]
        print(f"{name:22}" + "".join(f"{count:>10}" for count in counts) + f"{sum(counts):>10}")
    print(f"{'pages translated':22}" + "".join(f"{pages[locale]:>10}" for locale in locales))
    print(f"{'pages with drift':22}" + "".join(f"{len(pages_with[locale]):>10}" for locale in locales))
    if args.samples:
        print_samples(results, args.samples, args.seed)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as stream:
            for item in results:
                stream.write(json.dumps(to_builtins(item), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
