"""Export a project's locales as XLIFF and PO, import them unchanged, and count what changed (nothing should).

Run on a writable COPY of a corpus laid out as a project (``pyproject.toml``
with ``[tool.doclint]``, ``docs_src/`` and ``locales/<locale>/``): import
writes the pages back. Prints, per locale and format, the pages, segments,
blocks left out, pages skipped, the pages not byte-identical after the round
trip (there should be none), whether the XLIFF validates against the
official schema of tests/fixtures/xliff, and the time taken. Findings are
not attached as notes (they would cost a full check and change no byte).

    python benchmarks/exchange_round_trip.py /tmp/paired-copy [--locale ru-RU] [--samples 10]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml import etree

from lint.config import load_config
from lint.exchange.apply import apply_segments
from lint.exchange.export import locale_segments
from lint.exchange.po import read_po, write_po
from lint.exchange.xliff import read_xliff, write_xliff

SCHEMA = Path(__file__).resolve().parent.parent / "tests/fixtures/xliff/xliff_core_2.0.xsd"


def _snapshot(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--locale", action="append", help="locales to run (default: every one)")
    parser.add_argument("--samples", type=int, default=0, help="print this many notes of pages left short")
    args = parser.parse_args()
    os.chdir(args.project)
    config = load_config()
    locales_root = config.root / config.locales_root
    schema = etree.XMLSchema(etree.parse(str(SCHEMA), etree.XMLParser(no_network=True, load_dtd=False)))
    for locale in args.locale or sorted(path.name for path in locales_root.iterdir() if path.is_dir()):
        started = time.perf_counter()
        segments, notes = locale_segments(locale, config)
        exported = time.perf_counter() - started
        kinds = Counter(note.rpartition(": ")[2].split(";")[0].split(" ")[-1] for note in notes)
        left_out = sum(int(note.split(": ")[1].split(" ")[0]) for note in notes if "not aligned" in note)
        pages = len({segment.page for segment in segments})
        print(f"{locale}: {pages} pages, {len(segments)} segments in {exported:.1f} s; {len(notes)} notes")
        print(f"  blocks left out (not aligned): {left_out}; notes by ending: {dict(kinds)}")
        if args.samples:
            for note in random.Random(14).sample(notes, min(args.samples, len(notes))):
                print(f"    {note}")
        before = _snapshot(locales_root / locale)
        for fmt in ("xliff", "po"):
            started = time.perf_counter()
            if fmt == "xliff":
                data = write_xliff(segments, locale)
                document = etree.fromstring(data, etree.XMLParser(no_network=True, huge_tree=True))
                valid = schema.validate(document)
                returned = read_xliff(f"{locale}.xlf", data)
            else:
                valid = True
                returned = read_po(f"{locale}.po", write_po(segments, locale))
            written = apply_segments(returned, config)
            after = _snapshot(locales_root / locale)
            changed = [path for path in before if after.get(path) != before[path]]
            print(
                f"  {fmt}: {len(returned)} segments back, {len(written)} pages rewritten, "
                f"{len(changed)} pages not byte-identical, schema-valid {valid}, {time.perf_counter() - started:.1f} s"
            )
            for path in changed[:5]:
                print(f"    changed: {path}")
                path.write_bytes(before[path])


if __name__ == "__main__":
    main()
