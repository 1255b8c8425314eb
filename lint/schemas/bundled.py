"""The schema stores doclint carries for Microsoft Graph v1.0 and beta, and how to rebuild them.

A user of the pre-commit hook lints pages in their own repository, which has
no schema stores: the package itself carries complete stores, converted from
the two CSDL files under ``docs_src/metadata`` (see NOTICE), so that the
schema rules work anywhere. They live in ``lint/data/schemas/<version>/``,
packed (``lint.schemas.packed``): a one-file check decodes the operations
index and the few shards of types it meets, not 4 MB of schema.

``operations.json`` stays plain JSON: every check that has a request reads it
whole, and decompressing it would cost more than its size on disk is worth.

Rebuild after changing the conversion or the CSDL (a test compares the
shipped stores with a fresh build)::

    python -m lint.schemas.bundled
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lint.schemas.validate import is_store

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "schemas"
#: API version -> the CSDL file under ``docs_src/metadata`` it is built from.
SOURCES = {"v1.0": "v1.0-Prod.csdl", "beta": "beta-2021-07.csdl"}


def bundled_store(version: str) -> Path | None:
    """The directory of the shipped store for ``version``, if doclint carries one."""
    directory = BUNDLED / version
    return directory if version in SOURCES and is_store(directory) else None


def build_bundled(metadata: Path, out: Path) -> list[Path]:
    """Convert every ``SOURCES`` file under ``metadata`` into a packed store under ``out/<version>``."""
    from lint.schemas.build import build  # lxml: only when rebuilding

    written: list[Path] = []
    for version, name in SOURCES.items():
        written.extend(build(metadata / name, out / version, None, packed=True))
    return written


def main(argv: list[str] | None = None) -> int:
    repository = Path(__file__).resolve().parent.parent.parent
    options = argparse.ArgumentParser(prog="python -m lint.schemas.bundled", description=__doc__.splitlines()[0])
    options.add_argument("--metadata", type=Path, default=repository / "docs_src" / "metadata", metavar="DIR")
    options.add_argument("--out", type=Path, default=BUNDLED, metavar="DIR")
    args = options.parse_args(argv)
    for path in build_bundled(args.metadata, args.out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
