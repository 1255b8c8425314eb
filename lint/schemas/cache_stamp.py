"""Tell a whole schema store in the cache from a damaged one, before any of it is trusted.

A store converted from CSDL lives in the user's cache directory, where a
disk filling up, a tool that "cleans" caches, a kill during a copy or a
doclint that writes another format can leave files truncated, garbled,
empty or stale. Read as they are, they would fail every later run (or, worse,
validate against half a schema). So each build writes ``stamp.json`` last,
naming the store's format and the size and SHA-256 of every file; a store
whose stamp is missing, unreadable, of another format or disagrees with a
file is rebuilt (:func:`lint.schemas.store._built_from`). Hashing the two or
three files of a store costs a few milliseconds, once per process, and only
runs that convert their own CSDL pay it.
"""

from __future__ import annotations

import json
from pathlib import Path

from lint.schemas.operations import FORMAT as INDEX_FORMAT
from lint.schemas.packed import FORMAT as PACKED_FORMAT

STAMP_FILE = "stamp.json"
#: Raised when what a cached store must hold changes, so that older caches are rebuilt.
STAMP_VERSION = 1


def _expected_formats() -> dict[str, int]:
    return {"stamp": STAMP_VERSION, "index": INDEX_FORMAT, "packed": PACKED_FORMAT}


def _digest(path: Path) -> list[object]:
    import hashlib  # not on the one-file pre-commit path, which reads the stores doclint carries

    data = path.read_bytes()
    return [len(data), hashlib.sha256(data).hexdigest()]


def write_stamp(directory: Path) -> None:
    """Record every file of the freshly built store in ``directory`` (call it last, before the rename)."""
    files = {path.name: _digest(path) for path in sorted(directory.iterdir()) if path.is_file()}
    stamp = {**_expected_formats(), "files": files}
    (directory / STAMP_FILE).write_text(json.dumps(stamp, sort_keys=True) + "\n", encoding="utf-8")


def stamp_problem(directory: Path) -> str | None:
    """Why the cached store in ``directory`` must not be trusted, or None when every file is as built."""
    try:
        stamp = json.loads((directory / STAMP_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "no stamp"
    except (OSError, ValueError) as error:
        return f"unreadable stamp: {error}"
    if not isinstance(stamp, dict) or not isinstance(stamp.get("files"), dict) or not stamp["files"]:
        return "malformed stamp"
    formats = {key: stamp.get(key) for key in _expected_formats()}
    if formats != _expected_formats():
        return f"built in another format ({formats})"
    for name, recorded in stamp["files"].items():
        try:
            actual = _digest(directory / name)
        except OSError as error:
            return f"{name}: {error.strerror or error}"
        if actual != recorded:
            return f"{name} differs from the stamp"
    return None
