"""What every cached result of one run depends on, folded into one run key.

A result is reused only when the run that stored it could not have found
anything else. Per run (hashed here, once): the doclint version and the code
of the installed ``lint`` package with its data files (so a developer's edit
invalidates results without a version bump), the Python version and the
versions of the libraries that parse pages and validate JSON, the effective
configuration, the schema stores in use, the working directory (paths are
shown relative to it). Per file
(checked by :mod:`lint.cache.results`): its content, whether it runs the pair
rules alone, its English page, the REST page of a cmdlet, and what the
English history said about the commit it names.

``fail-on`` and ``hide-inherited`` are left out: they act on the findings
after the check (the exit code, what is shown), not on what is found.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from lint import __version__
from lint.config import Config

#: The storage format; a cache written in another one is ignored (and pruned), never read.
FORMAT = 1
#: The libraries whose behaviour is part of a page's findings.
_LIBRARIES = (
    "markdown-it-py",
    "mdit-py-plugins",
    "jsonschema",
    "referencing",
    "msgspec",
    "beautifulsoup4",
    "lxml",
    "PyYAML",
)


def digest(data: bytes) -> bytes:
    """A 16-byte BLAKE2b digest: content hashes, keys and entry checksums.

    From CPython's own ``_blake2`` module when there is one: ``hashlib`` loads
    OpenSSL, which a one-file pre-commit check should not pay for.
    """
    try:
        from _blake2 import blake2b
    except ImportError:  # another interpreter
        from hashlib import blake2b
    return blake2b(data, digest_size=16).digest()


def code_fingerprint() -> bytes:
    """The installed ``lint`` package as it is now: path, size and modification time of every file in it.

    Stat only, no reading: some 150 files, a millisecond. An edited module or
    a replaced bundled schema store changes it; so does reinstalling.
    """
    package = Path(__file__).resolve().parent.parent
    entries = []
    for directory, folders, files in os.walk(package):
        folders[:] = sorted(folder for folder in folders if folder != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(directory, name)
            status = os.stat(path)
            entries.append((os.path.relpath(path, package), status.st_size, status.st_mtime_ns))
    return digest(msgspec.msgpack.encode([str(package), entries]))


def library_versions() -> list[tuple[str, int, int] | None]:
    """Where each library is installed and its ``__init__``'s size and time: an upgrade rewrites it.

    Cheaper than asking ``importlib.metadata`` (which reads every installed
    distribution's metadata), and it also tells an editable checkout's edits.
    """
    import sys

    found: list[tuple[str, int, int] | None] = []
    for name in _LIBRARIES:
        module = sys.modules.get(name)
        origin = getattr(module, "__file__", None) if module is not None else _origin(name)
        try:
            status = os.stat(origin) if origin else None
        except OSError:
            status = None
        found.append((str(origin), status.st_size, status.st_mtime_ns) if status else None)
    return found


def _origin(name: str) -> str | None:
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return None
    return spec.origin if spec is not None else None


def config_fingerprint(config: Config) -> Any:
    """The configuration as plain, ordered data: sets sorted, so two processes encode it alike.

    ``repr(config)`` is not enough across processes: a frozenset's order
    follows string hashing, which changes with every interpreter start.
    """
    data = {}
    for name in config.__struct_fields__:
        if name in ("fail_on", "hide_inherited"):
            continue
        data[name] = _plain(getattr(config, name))
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(item) for item in value)
    if isinstance(value, dict) or hasattr(value, "items"):
        return sorted((str(key), _plain(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    return value


def schema_fingerprint(config: Config) -> list[Any]:
    """The schema stores the run validates against, beyond the bundled ones (which are in the code fingerprint).

    A CSDL file named by ``metadata`` by its content (the converted store is
    keyed the same way); a directory of stores named by ``schemas`` by the
    size and modification time of its files.
    """
    parts: list[Any] = []
    for version, path in sorted(config.metadata.items()):
        try:
            parts.append((version, digest((config.root / path).read_bytes())))
        except OSError:
            parts.append((version, None))  # the run reports the missing file; nothing to reuse then
    if config.schemas:
        parts.append(("schemas", sorted(_tree_status(config.root / config.schemas))))
    return parts


def _tree_status(root: Path) -> Iterator[tuple[str, int, int]]:
    for directory, _, files in os.walk(root):
        for name in files:
            path = os.path.join(directory, name)
            try:
                status = os.stat(path)
            except OSError:
                continue
            yield (path, status.st_size, status.st_mtime_ns)


def history_location(config: Config) -> tuple[str, str, bool] | None:
    """Where the English history is read from (or ``None``), as the history rules read it."""
    from lint.history import locate_history

    location = locate_history(config)
    return None if location is None else (location.git_dir, location.prefix, location.explicit)


def history_state(git_dir: str) -> bytes:
    """What the history holds now, cheaply: its refs, packed refs and pack files.

    A commit unknown to the history when a result was stored may have arrived
    since (a fetch, a commit); results that depend on such a commit are reused
    only while this state is unchanged.
    """
    root = Path(git_dir)
    parts: list[Any] = []
    for name in ("HEAD", "packed-refs"):
        try:
            parts.append((name, (root / name).read_bytes()))
        except OSError:
            parts.append((name, None))
    parts.append(sorted(_tree_status(root / "refs")))
    parts.append(sorted(_tree_status(root / "objects" / "pack")))
    try:
        # Loose objects land in objects/XX/: the folders' times tell that some arrived.
        parts.append(sorted((entry.name, entry.stat().st_mtime_ns) for entry in os.scandir(root / "objects")))
    except OSError:
        parts.append(None)
    return digest(msgspec.msgpack.encode(parts))


def run_key(config: Config) -> str:
    """The hex key of everything a run's results share; results of another key are never read."""
    parts = [
        FORMAT,
        __version__,
        code_fingerprint(),
        _python(),
        library_versions(),
        config_fingerprint(config),
        schema_fingerprint(config),
        os.getcwd(),
        os.environ.get("DOCLINT_DEBUG") == "1",
    ]
    return digest(msgspec.msgpack.encode(parts)).hex()


def _python() -> str:
    import sys

    return sys.version
