"""Validate every JSON example of the v1.0 corpus pages against the schema stores doclint carries.

Runs the schema rules over every page of ../shared/corpus in the chosen
locales (en-US by default; the translations keep their JSON and paths, so
they measure the same rules on other text), with the Graph stores shipped in
``lint/data/schemas`` or, with ``--metadata FILE``, a store converted from
that CSDL. Prints: the store's load time, the checking time, the number of
JSON texts seen, the findings per rule, and with ``--samples N`` that many
findings per rule (seeded) for a human to judge.

    python benchmarks/validate_corpus.py [--samples 10] [--jobs 2] [--locales en-US,zh-CN] [--metadata FILE]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
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

SCHEMA_RULES = [
    "schema-invalid",
    "powershell-example-invalid",
    "enum-case",
    "unknown-path",
    "unknown-parameter",
    "unknown-type",
    "undeclared-member",
    "schema-unavailable",
]
_CONFIG = None


def _init(root: str, metadata: str | None) -> None:
    global _CONFIG
    values: dict[str, object] = {"select": SCHEMA_RULES}
    if metadata:
        values["metadata"] = {"v1.0": metadata}
    _CONFIG = build_config(values, root=Path(root), file=None)


def check_one(item: tuple[str, bytes]) -> tuple[int, list[Diagnostic]]:
    path, data = item
    assert _CONFIG is not None
    page = parse_source(decode_source(path.replace("/api-reference/", "/"), data))
    texts = len(page.json_examples) + sum(1 for m in (*page.requests, *page.responses) if m.body is not None)
    return texts, check_page(page, _CONFIG, Context(config=_CONFIG))


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--samples", type=int, default=0)
    options.add_argument("--jobs", type=int, default=2)
    options.add_argument("--seed", type=int, default=11)
    options.add_argument("--locales", default="en-US", help="comma-separated corpus locales")
    options.add_argument("--metadata", help="a v1.0 CSDL file instead of the stores doclint carries")
    args = options.parse_args()
    files = load(tuple(args.locales.split(",")))
    root = tempfile.mkdtemp(prefix="doclint-validate-")
    started = time.perf_counter()
    _init(root, args.metadata)
    from lint.schemas.store import store_for

    assert _CONFIG is not None
    store = store_for(_CONFIG, "v1.0")
    assert store is not None
    store.operations  # noqa: B018 (load it: the time a worker pays once)
    conversion = time.perf_counter() - started
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs, initializer=_init, initargs=(root, args.metadata)) as pool:
        results = list(pool.map(check_one, files, chunksize=32))
    checking = time.perf_counter() - started
    counts: Counter[str] = Counter()
    samples: dict[str, list[Diagnostic]] = defaultdict(list)
    for _texts, diagnostics in results:
        for item in diagnostics:
            counts[item.name] += 1
            samples[item.name].append(item)
    print(f"pages: {len(files)}  JSON texts: {sum(texts for texts, _ in results)}")
    print(f"store load (or CSDL conversion): {conversion:.2f} s   checking: {checking:.1f} s with {args.jobs} workers")
    for name in SCHEMA_RULES:
        pages = len({item.path for item in samples[name]})
        print(f"{name:28} {counts[name]:6} findings on {pages:5} pages")
    print_samples(samples, SCHEMA_RULES, args.samples, seed=args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
