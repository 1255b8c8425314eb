"""Staleness over the real Graph corpora: stale-source and source-unknown by the English history, stale-segment.

Lays each corpus out as doclint expects (a temporary project whose
``docs_src`` and ``locales/<locale>`` are symbolic links into the unpacked
corpus, with ``source-history`` pointing at the English repository's git
directory, prefix ``api-reference``), checks every translation with the
three staleness rules in worker processes as ``doclint check`` does, and
prints per locale: translations, how the history judged them (fresh, stale,
unknown, no ``ms.sourcegitcommit``), the findings per rule, stale-segment
findings on pages the history calls fresh (its false positives, near zero
wanted), the time taken, and seeded samples to read.

    python benchmarks/staleness_corpus.py [--corpus paired|2023|both] [--samples 15] [--jobs 2]

Skips (exit 0) when a corpus is not unpacked; without the English history
the history rules are left out and only stale-segment runs.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint.config import load_config
from lint.diagnostic import Diagnostic
from lint.discover import iter_pages
from lint.engine import check_files

CORPUS = Path(os.environ.get("DOCLINT_CORPUS_DIR", "/work/corpus"))
MIRROR = Path(os.environ.get("DOCLINT_ENGLISH_HISTORY", "/work/.mirror/microsoftgraph+microsoft-graph-docs/repo"))
#: (English directory, {locale: translation directory}) of each corpus, relative to CORPUS.
LAYOUTS = {
    "paired": (
        "paired/en-US/api-reference",
        {"ru-RU": "paired/ru-RU/api-reference", "zh-CN": "paired/zh-CN/api-reference"},
    ),
    "2023": (
        "en-US/api-reference",
        {locale: f"{locale}/api-reference" for locale in ("zh-CN", "ru-RU", "es-ES")},
    ),
}
_SOURCE_COMMIT = re.compile(rb"^ms\.sourcegitcommit:\s*(\S+)", re.MULTILINE)


def lay_out(project: Path, corpus: str, history: Path | None) -> dict[str, list[str]]:
    """Link the corpus into ``project``; the translations per locale, as paths relative to it."""
    english, locales = LAYOUTS[corpus]
    (project / "docs_src").symlink_to(CORPUS / english)
    (project / "locales").mkdir()
    for locale, directory in locales.items():
        (project / "locales" / locale).symlink_to(CORPUS / directory)
    keys = f'source-history = "{history}"\nsource-history-prefix = "api-reference"\n' if history else ""
    (project / "pyproject.toml").write_text(f"[tool.doclint]\n{keys}", encoding="utf-8")
    os.chdir(project)
    return {locale: list(iter_pages([f"locales/{locale}"])) for locale in locales}


def has_source_commit(path: str) -> bool:
    with open(path, "rb") as handle:
        return _SOURCE_COMMIT.search(handle.read(4096)) is not None


def has_english(path: str) -> bool:
    return Path("docs_src", *Path(path).parts[2:]).is_file()


def run(corpus: str, samples: int, jobs: int) -> None:
    history = MIRROR if (MIRROR / "objects").is_dir() else None
    rules = ["stale-segment", *(["stale-source", "source-unknown"] if history else [])]
    with tempfile.TemporaryDirectory(prefix="doclint-staleness-") as directory:
        here = os.getcwd()
        try:
            translations = lay_out(Path(directory), corpus, history)
            config = load_config(select=rules)
            files = [path for paths in translations.values() for path in paths]
            started = time.perf_counter()
            results = check_files(files, config, jobs)
            elapsed = time.perf_counter() - started
            with_commit = {path for path in files if has_source_commit(path)}
            with_english = {path for path in files if has_english(path)}
        finally:
            os.chdir(here)
    findings: dict[str, list[Diagnostic]] = defaultdict(list)
    by_page: dict[str, set[str]] = defaultdict(set)
    for result in results:
        if result.error:
            print(f"error: {result.error}")
        for item in result.diagnostics:
            findings[item.name].append(item)
            by_page[item.path].add(item.name)
    print(f"\n# corpus {corpus}: {len(files)} translations, rules {', '.join(rules)}")
    print(f"time: {elapsed:.1f} s with {jobs} workers (parsing every translation and its English page included)")
    if history is None:
        print(f"English history not found at {MIRROR}: stale-source and source-unknown left out")
    header = ["translations", "english", "sourcegitcommit", "fresh", "stale", "unknown"]
    header += ["stale-segment", "  on fresh", "  on stale", "  pages"]
    print(f"{'locale':8}" + "".join(f"{name:>16}" for name in header))
    for locale, paths in translations.items():
        judged = [path for path in paths if path in with_commit and path in with_english]
        stale = [path for path in judged if "stale-source" in by_page[path]]
        unknown = [path for path in judged if "source-unknown" in by_page[path]]
        fresh = [path for path in judged if path not in stale and path not in unknown] if history else []
        segments = [item for item in findings["stale-segment"] if item.path.startswith(f"locales/{locale}/")]
        row = [len(paths), len(with_english & set(paths)), len(judged), len(fresh), len(stale), len(unknown)]
        fresh_set, stale_set = set(fresh), set(stale)
        row += [
            len(segments),
            sum(item.path in fresh_set for item in segments),
            sum(item.path in stale_set for item in segments),
            len({item.path for item in segments}),
        ]
        print(f"{locale:8}" + "".join(f"{value:>16}" for value in row))
    rng = random.Random(7)
    for name in rules if samples else []:
        chosen = rng.sample(findings[name], min(samples, len(findings[name])))
        print(f"\n== {name}: {len(findings[name])} findings, {len(chosen)} samples")
        for item in sorted(chosen, key=Diagnostic.sort_key):
            print(f"{item.path}:{item.line}:{item.column}: {item.message}")
            for related in item.related:
                print(f"    {related.path}:{related.line}:{related.column}: {related.message}")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--corpus", choices=("paired", "2023", "both"), default="both")
    options.add_argument("--samples", type=int, default=0, help="findings of each rule to print, drawn with a seed")
    options.add_argument("--jobs", type=int, default=2)
    args = options.parse_args()
    for corpus in ("paired", "2023") if args.corpus == "both" else (args.corpus,):
        english, locales = LAYOUTS[corpus]
        missing = [CORPUS / path for path in (english, *locales.values()) if not (CORPUS / path).is_dir()]
        if missing:
            print(f"corpus {corpus}: {missing[0]} not found; skipping")
            continue
        run(corpus, args.samples, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
