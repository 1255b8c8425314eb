"""Where a project's result cache lives, and how ``doclint clean`` empties it.

By default in the user's cache directory (the one the converted schema
stores use: ``$DOCLINT_CACHE_DIR``, ``$XDG_CACHE_HOME/doclint``,
``~/.cache/doclint``), in a folder per project named after a hash of the
project root: a cache inside the repository would show up as untracked
files in every contributor's ``git status``. A project that wants its cache
beside its sources (to restore it in CI with ``actions/cache``) names a
git-ignored folder with the ``cache-dir`` key; ``--cache-dir DIR`` overrides
both.
"""

from __future__ import annotations

import os
from pathlib import Path

from lint.config import Config

#: ``DOCLINT_NO_CACHE=1`` is ``--no-cache`` for every run (the test suite sets it; a rule patched
#: by a test must not be answered from a result the unpatched rule stored).
NO_CACHE_ENV = "DOCLINT_NO_CACHE"
#: The results of a project live under ``<cache>/results/<project>``: beside, never inside, the schema stores.
_RESULTS = "results"


def cache_disabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "") not in ("", "0")


def project_cache_dir(config: Config, override: Path | None = None) -> Path:
    """This project's cache folder: ``override`` (``--cache-dir``, as given), the ``cache-dir`` key, or the user's.

    A ``--cache-dir`` or ``cache-dir`` names a folder for this project alone; the
    user's cache directory is shared, so the project gets a subfolder there.
    """
    if override is not None:
        return override
    if config.cache_dir:
        return config.root / config.cache_dir
    import zlib

    from lint.schemas.store import cache_directory

    root = str(config.root.resolve())
    # crc32 and adler32 of the path: two independent 32-bit sums, no hashlib on this path.
    name = f"{Path(root).name or 'root'}-{zlib.crc32(root.encode()):08x}{zlib.adler32(root.encode()):08x}"
    return cache_directory() / _RESULTS / name


def clear(directory: Path) -> int:
    """Remove ``directory`` (this project's cache) whole; the number of files removed.

    Renamed aside first, then deleted: a run in progress keeps writing into a
    folder nobody reads again, and a second ``clean`` finds nothing to trip on.
    """
    import shutil
    import tempfile

    if not directory.is_dir():
        return 0
    if not (directory / MARKER).is_file():
        from lint.errors import ToolError

        raise ToolError(f"{directory}: not a doclint cache (no {MARKER}); not removed")
    aside = Path(tempfile.mkdtemp(prefix=".doclint-clean-", dir=directory.parent))
    os.replace(directory, aside / "cache")
    count = sum(len(files) for _, _, files in os.walk(aside))
    shutil.rmtree(aside, ignore_errors=True)
    return count


#: The file that says a folder is a doclint result cache, so ``doclint clean`` never deletes anything else.
MARKER = "CACHEDIR.TAG"
#: The Cache Directory Tagging Specification's signature: backup tools skip the folder.
MARKER_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by doclint (its result cache; `doclint clean` removes it).\n"
)
