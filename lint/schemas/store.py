"""Find the schema store for a page's API version: shipped, or built from configured CSDL.

``[tool.doclint] metadata`` (or ``doclint check --metadata VERSION=FILE``)
names a full CSDL file per API version; it is converted once into a cache
directory keyed by the file's content hash, then loaded like the shipped
stores under ``docs_src/schemas/<version>/``. Stores are loaded lazily and
kept for the life of the process, so each worker pays once.
"""

from __future__ import annotations

from pathlib import Path

from lint.config import Config
from lint.errors import ToolError
from lint.schemas.operations import FORMAT as INDEX_FORMAT
from lint.schemas.validate import OPERATIONS_FILE, SCHEMA_FILE, SchemaStore

CACHE_DIR = ".doclint-cache/schemas"
_STORES: dict[tuple[str, str, str | None], SchemaStore | None] = {}


def store_for(config: Config, version: str | None) -> SchemaStore | None:
    """The store for ``version``, or ``None`` when there is no schema for it."""
    if version is None:
        return None
    # The metadata named for the version is part of the key: the same tree may be
    # checked with and without --metadata in one process.
    key = (str(config.root), version, config.metadata.get(version))
    if key not in _STORES:
        _STORES[key] = _locate(config, version)
    return _STORES[key]


def _locate(config: Config, version: str) -> SchemaStore | None:
    metadata = config.metadata.get(version)
    if metadata:
        return SchemaStore(_built_from(config.root / metadata, config.root / CACHE_DIR, version))
    shipped = config.root / config.schemas / version
    if (shipped / SCHEMA_FILE).is_file() and (shipped / OPERATIONS_FILE).is_file():
        return SchemaStore(shipped)
    return None


def _built_from(csdl: Path, cache: Path, version: str) -> Path:
    try:
        data = csdl.read_bytes()
    except OSError as error:
        raise ToolError(f"{csdl}: cannot read metadata for API version {version}: {error.strerror or error}") from error
    import hashlib  # here: most runs use the shipped stores and never hash a CSDL file

    # Keyed by content and by index format, so a doclint that reads another format rebuilds.
    target = cache / f"{version}-{hashlib.sha256(data).hexdigest()[:16]}-f{INDEX_FORMAT}"
    if not (target / SCHEMA_FILE).is_file() or not (target / OPERATIONS_FILE).is_file():
        from lint.schemas.build import build  # lxml only when a CSDL must be converted

        try:
            build(csdl, target, None)
        except (ValueError, SyntaxError) as error:
            raise ToolError(f"{csdl}: not usable OData CSDL metadata: {error}") from error
    return target
