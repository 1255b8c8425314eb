"""Find the schema store for a page's API version: configured, built from CSDL, or carried by doclint.

In order of precedence:

1. ``[tool.doclint] metadata`` (or ``doclint check --metadata VERSION=FILE``)
   names a full CSDL file per API version; it is converted once into the
   user's cache directory (:func:`cache_directory`), keyed by the file's
   content hash, never into the linted repository;
2. ``[tool.doclint] schemas`` names a directory of prebuilt stores,
   ``<schemas>/<version>/``;
3. the stores doclint carries for Graph v1.0 and beta (``lint.schemas.bundled``).

A version none of them covers has no store: the schema rules then say so
(``schema-unavailable``) instead of passing in silence. Stores are loaded
lazily and kept for the life of the process, so each worker pays once.
"""

from __future__ import annotations

import os
from pathlib import Path

from lint.config import Config
from lint.errors import ToolError
from lint.schemas.bundled import bundled_store
from lint.schemas.cache_stamp import stamp_problem, write_stamp
from lint.schemas.operations import FORMAT as INDEX_FORMAT
from lint.schemas.packed import FORMAT as PACKED_FORMAT
from lint.schemas.validate import SchemaStore, is_store

#: Overrides where converted CSDL files are cached (default: the user's cache directory).
CACHE_ENV = "DOCLINT_CACHE_DIR"
_STORES: dict[tuple[str, str, str | None, str], SchemaStore | None] = {}
#: Configurations remembered per process: a long-lived process (a server, the fuzzer) checks many roots.
_MAX_REMEMBERED = 64
#: One store per packaged (read-only) store directory: projects using doclint's own stores share their loaded types.
_BY_DIRECTORY: dict[Path, SchemaStore] = {}


def cache_directory() -> Path:
    """Where doclint caches what it builds: ``$DOCLINT_CACHE_DIR``, ``$XDG_CACHE_HOME/doclint`` or ``~/.cache/doclint``.

    Never the linted repository: a cache there shows up as untracked files
    in every user's ``git status``.
    """
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "doclint"


def store_for(config: Config, version: str | None) -> SchemaStore | None:
    """The store for ``version``, or ``None`` when there is no schema for it."""
    if version is None:
        return None
    # The metadata and schemas named for the version are part of the key: the same tree may be
    # checked with and without --metadata in one process.
    key = (str(config.root), version, config.metadata.get(version), config.schemas)
    if key not in _STORES:
        if len(_STORES) >= _MAX_REMEMBERED:
            _STORES.clear()
        _STORES[key] = _locate(config, version)
    return _STORES[key]


def _shared(directory: Path) -> SchemaStore:
    store = _BY_DIRECTORY.get(directory)
    if store is None:
        store = _BY_DIRECTORY[directory] = SchemaStore(directory)
    return store


def _locate(config: Config, version: str) -> SchemaStore | None:
    metadata = config.metadata.get(version)
    if metadata:
        return SchemaStore(_built_from(config.root / metadata, cache_directory() / "schemas", version))
    if config.schemas:
        configured = config.root / config.schemas / version
        if is_store(configured):
            return SchemaStore(configured)  # a project's own store may be edited between runs: not shared
    bundled = bundled_store(version)
    return _shared(bundled) if bundled else None


def _built_from(csdl: Path, cache: Path, version: str) -> Path:
    try:
        data = csdl.read_bytes()
    except OSError as error:
        raise ToolError(f"{csdl}: cannot read metadata for API version {version}: {error.strerror or error}") from error
    import hashlib  # here: most runs use the shipped stores and never hash a CSDL file

    # Keyed by content and by both formats, so a doclint that reads another format rebuilds.
    name = f"{version}-{hashlib.sha256(data).hexdigest()[:16]}-f{INDEX_FORMAT}p{PACKED_FORMAT}"
    target = cache / name
    if not _usable(target):
        # Missing, or damaged (truncated, garbled, of another format): never trusted, rebuilt.
        _build_atomically(csdl, cache, target)
    return target


def _usable(target: Path) -> bool:
    return is_store(target) and stamp_problem(target) is None


def _build_atomically(csdl: Path, cache: Path, target: Path) -> None:
    """Build into a private directory, then rename it into place.

    A rename is atomic: a concurrent run (the workers of ``--jobs``, two
    pre-commit hooks) sees no store or a whole one, never half of one. When
    two runs build at once, the first rename wins and the other's copy is
    discarded. The stamp (:mod:`lint.schemas.cache_stamp`) is written last
    into the private directory; a damaged store under the target's name is
    moved aside first.
    """
    import shutil
    import tempfile  # only when a CSDL must be converted

    from lint.schemas.build import build  # lxml only when a CSDL must be converted

    try:
        cache.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=cache))
    except OSError as error:
        raise ToolError(
            f"{cache}: cannot create the schema cache: {error.strerror or error} "
            f"(set {CACHE_ENV} to a writable directory)"
        ) from error
    try:
        try:
            build(csdl, staging, None, packed=True)
        except (ValueError, SyntaxError) as error:
            raise ToolError(f"{csdl}: not usable OData CSDL metadata: {error}") from error
        write_stamp(staging)
        if os.path.lexists(target) and not _usable(target):
            _discard(target)
        try:
            staging.rename(target)
        except OSError as error:
            if not _usable(target):  # not a lost race: a real failure
                raise ToolError(f"{target}: cannot write the schema cache: {error.strerror or error}") from error
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _discard(target: Path) -> None:
    """Move a damaged store (or whatever took its name) aside, then delete it.

    The rename is atomic, so a concurrent run sees the damaged store or no
    store, and builds its own; the first whole store renamed into place wins.
    """
    import contextlib
    import shutil
    import tempfile

    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}-damaged-", dir=target.parent))
    with contextlib.suppress(OSError):  # another run moved it first
        os.replace(target, aside / "store")
    shutil.rmtree(aside, ignore_errors=True)
