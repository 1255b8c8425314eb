"""Time the full conversion of the Graph CSDL files into schema stores.

Prints, per file: how many structured and enum types and actions were read,
how many ``$defs`` were written, and the seconds spent parsing (lxml), converting
to JSON Schema, indexing operations and writing both JSON files (``build``),
plus the time to load the store and validate one value (the lint path).

    python benchmarks/schemas_build.py [FILE.csdl ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint.schemas.build import build
from lint.schemas.csdl import load_csdl
from lint.schemas.validate import SchemaStore

METADATA = Path(__file__).resolve().parent.parent / "docs_src" / "metadata"
DEFAULT_FILES = [METADATA / "v1.0-Prod.csdl", METADATA / "beta-2021-07.csdl"]


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("files", nargs="*", type=Path, help="CSDL files (default: the two shipped Graph files)")
    args = options.parse_args()
    for path in args.files or DEFAULT_FILES:
        started = time.perf_counter()
        model = load_csdl(path)
        parsed = time.perf_counter() - started
        actions = sum(1 for op in model.operations if op.kind == "action")
        functions = len(model.operations) - actions
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            build(path, Path(out), None)
            built = time.perf_counter() - started
            started = time.perf_counter()
            store = SchemaStore(Path(out))
            store.validate(next(iter(store.defs)), {})
            store.resolve("GET", "/me")
            loaded = time.perf_counter() - started
            defs = len(store.defs)
        print(
            f"{path.name}: {len(model.types)} structured types, {len(model.enums)} enums, "
            f"{actions} actions, {functions} functions -> {defs} $defs; "
            f"parse {parsed:.2f} s, full build {built:.2f} s, load+validate {loaded:.2f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
