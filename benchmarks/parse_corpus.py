"""Parse every page of the benchmark corpus; report failures and speed.

Prints, from one run on this machine:
- how many pages parsed, how many raised (must be 0), diagnostics per code;
- markdown-it-py's full parse (block and inline) against its block-only parse
  of the same texts (why doclint parses blocks only), and doclint's whole
  extraction against both, as ratios.

    python benchmarks/parse_corpus.py [--locale en-US ...]
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from markdown_it import MarkdownIt

from benchmarks.corpus import load
from lint.parse.detect import parse_source
from lint.parse.markdown.page import markdown_parser
from lint.source import decode_source


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--locale", action="append", help="only these locales (default: all four)")
    args = options.parse_args()
    files = load(tuple(args.locale) if args.locale else None)
    sources = [decode_source(path, data) for path, data in files]

    md = markdown_parser()
    started = time.perf_counter()
    for source in sources:
        md.parse(source.text)
    baseline = time.perf_counter() - started
    full_parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    started = time.perf_counter()
    for source in sources:
        full_parser.parse(source.text)
    full = time.perf_counter() - started

    failures = []
    codes: Counter[str] = Counter()
    facts: Counter[str] = Counter()
    started = time.perf_counter()
    for source in sources:
        try:
            page = parse_source(source)
        except Exception:
            failures.append((source.path, traceback.format_exc()))
            continue
        codes.update(diagnostic.code for diagnostic in page.diagnostics)
        facts["requests"] += len(page.requests)
        facts["responses"] += len(page.responses)
        facts["tables"] += len(page.tables)
        facts["json examples"] += len(page.json_examples)
        facts["prose statuses"] += len(page.prose_statuses)
    elapsed = time.perf_counter() - started

    print(f"pages: {len(sources)}  raised: {len(failures)}")
    print("facts: " + ", ".join(f"{name} {count}" for name, count in facts.items()))
    print("diagnostics: " + (", ".join(f"{code} {count}" for code, count in codes.most_common()) or "none"))
    print(f"markdown-it-py full parse (block + inline): {full:.2f} s")
    print(f"markdown-it-py block parse only:            {baseline:.2f} s  ({baseline / full:.2f}x of full)")
    ratios = f"{elapsed / full:.2f}x of full, {elapsed / baseline:.2f}x of block"
    print(f"doclint extraction (block parse + model):  {elapsed:.2f} s  ({ratios})")
    for path, trace in failures[:5]:
        print(f"\n{path}\n{trace}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
