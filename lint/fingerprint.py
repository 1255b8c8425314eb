"""A run's fingerprint: one short hash of everything that decides which findings a run reports.

``doclint merge`` refuses to combine shards whose fingerprints differ: a shard
run with another ``--select``, another schema store or other PATHs would make
a report no single run could have produced. The fingerprint covers the
effective configuration and the command-line options that change the findings
(not ``--shard``, nor output options). Paths are taken relative to the project
root, so that runners with checkouts in different directories agree.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from msgspec import Struct

from lint.config import Config


def _canonical(value: Any) -> Any:
    """JSON-ready data with a fixed order (sets and mappings sorted), whatever the config's types."""
    if isinstance(value, Struct):
        return {name: _canonical(getattr(value, name)) for name in value.__struct_fields__}
    if isinstance(value, Mapping):
        return {str(key): _canonical(item) for key, item in sorted(value.items(), key=lambda pair: str(pair[0]))}
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(item) for item in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    return value


def _relative(path: str | None, root: Path) -> str | None:
    if path is None:
        return None
    return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")


def run_fingerprint(config: Config, paths: Sequence[str], options: Mapping[str, Any]) -> str:
    """A 16-hex-digit hash of ``config`` (without where it lives), the PATHs given and ``options``."""
    settings = _canonical(config)
    settings.pop("root")
    settings.pop("file")
    settings["metadata"] = {version: _relative(path, config.root) for version, path in config.metadata.items()}
    settings["source_history"] = _relative(config.source_history, config.root)
    data = {
        "config": settings,
        "paths": sorted(_relative(path, config.root) or "" for path in paths),
        "options": _canonical(dict(options)),
    }
    text = json.dumps(data, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def file_digest(path: Path) -> str:
    """The hash of a file's bytes (a baseline: another one hides other findings); a missing file is ``""``."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return ""
