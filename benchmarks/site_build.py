"""Build the site of a slice of the paired corpus: the full build's time, then a one-page rebuild's.

The slice is 100 pages per locale and version (``--per-group``): the same
English names in every locale chosen (``--locales``, default en-US and ru-RU:
400 pages; add zh-CN for 600), drawn with a fixed seed, laid out as a doclint
project (``docs_src/<version>/api``, ``locales/<locale>/<version>/api``) in a
temporary folder. It is built with ``doclint build`` (lint, then one Sphinx
build per locale in parallel), then one translated page is edited and the site
rebuilt: only that page and its side-by-side view should be re-read.

Reads the paired corpus unpacked at ``$DOCLINT_PAIRED``, else unpacks
``../shared/corpus/graph-2021-paired.tar.xz`` into a temporary folder, and
exits 0 when neither is there.

    python benchmarks/site_build.py [--per-group 100] [--locales en-US,ru-RU] [--jobs 2]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint.commands import dispatch

TARBALL = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "graph-2021-paired.tar.xz"
VERSIONS = ("v1.0", "beta")


def paired_root(scratch: Path) -> Path | None:
    """The unpacked paired corpus: ``$DOCLINT_PAIRED``, else the tarball unpacked into ``scratch``."""
    if "DOCLINT_PAIRED" in os.environ:
        path = Path(os.environ["DOCLINT_PAIRED"])
        return path if (path / "en-US").is_dir() else None
    if not TARBALL.is_file():
        return None
    import tarfile

    with tarfile.open(TARBALL) as archive:
        archive.extractall(scratch, filter="data")
    return scratch if (scratch / "en-US").is_dir() else None


def lay_out(corpus: Path, project: Path, locales: list[str], per_group: int, seed: int) -> int:
    """Copy the slice into ``project``; the number of pages copied."""
    rng = random.Random(seed)
    copied = 0
    for version in VERSIONS:
        folders = {locale: corpus / locale / "api-reference" / version / "api" for locale in locales}
        names = set.intersection(*({path.name for path in folder.glob("*.md")} for folder in folders.values()))
        for name in rng.sample(sorted(names), min(per_group, len(names))):
            for locale, folder in folders.items():
                base = project / "docs_src" if locale == "en-US" else project / "locales" / locale
                target = base / version / "api" / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(folder / name, target)
                copied += 1
    return copied


def build(project: Path, jobs: int) -> tuple[float, int, str]:
    """Seconds, exit code and the build's report lines (stderr; its Sphinx warnings counted, not printed)."""
    errors = io.StringIO()
    previous = Path.cwd()
    os.chdir(project)
    started = time.perf_counter()
    try:
        with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
            code = dispatch(["build", "--jobs", str(jobs), "--out", str(project / "build" / "html")])
    finally:
        os.chdir(previous)
    return time.perf_counter() - started, code, errors.getvalue()


def summary(stderr: str, shown: int = 5) -> str:
    """The build's own line, how many Sphinx warnings it had, and the first ``shown`` of them."""
    lines = stderr.splitlines()
    warnings = [line for line in lines if line.startswith("doclint: sphinx:")]
    built = next((line for line in lines if line.startswith("doclint: built")), "no build line")
    return "\n    ".join([f"{built} [{len(warnings)} Sphinx warnings]", *warnings[:shown]])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-group", type=int, default=100, help="pages per locale and version")
    parser.add_argument("--locales", default="en-US,ru-RU", help="comma-separated; en-US is always the source")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    locales = ["en-US", *(locale for locale in args.locales.split(",") if locale and locale != "en-US")]
    with tempfile.TemporaryDirectory(prefix="doclint-site-bench-") as folder:
        corpus = paired_root(Path(folder) / "corpus")
        if corpus is None:
            print(f"paired corpus not found (set DOCLINT_PAIRED, or put {TARBALL.name} in {TARBALL.parent}); skipping")
            return 0
        project = Path(folder) / "project"
        pages = lay_out(corpus, project, locales, args.per_group, args.seed)
        print(f"{pages} pages ({', '.join(locales)} x {', '.join(VERSIONS)}), --jobs {args.jobs}")
        seconds, code, stderr = build(project, args.jobs)
        print(f"full build: {seconds:.1f} s, exit {code}; {summary(stderr)}")
        seconds, code, stderr = build(project, args.jobs)
        print(f"unchanged rebuild: {seconds:.1f} s, exit {code}; {summary(stderr)}")
        edited = sorted((project / "locales").rglob("*.md"))[0]
        edited.write_text(edited.read_text(encoding="utf-8") + "\nОтредактировано.\n", encoding="utf-8")
        seconds, code, stderr = build(project, args.jobs)
        print(f"rebuild after editing {edited.relative_to(project)}: {seconds:.1f} s, exit {code}; {summary(stderr)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
