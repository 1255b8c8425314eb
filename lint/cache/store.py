"""The cache on disk: shard files of entries, each file checksummed and replaced whole.

Layout: ``<project cache>/<run key>/<NN>.pack``, 256 shards per run key. A
page and its translations fall into one shard (the shard is chosen by the
path under ``source-root`` or ``locales/<locale>``), so a run over a few
pages reads a few small files and a run over all of them reads 256: neither
one pack loaded whole for a pre-commit check, nor one file per page to open
on a full run. A shard holds the results (:class:`Entry`) and the stat
index of its files (:class:`FileStamp`).

A shard file is ``MAGIC``, a BLAKE2b checksum of the payload, then the
msgpack payload naming its run key. A truncated, garbled or foreign file
(another format, another key, a checksum that does not match, a payload
msgspec cannot decode) is read as empty and rewritten: never trusted, never
an error. Every write is a unique temporary file renamed into place
(:func:`lint.atomic.replace_bytes`); a run that rewrites a shard first merges
what a concurrent run wrote there meanwhile, keeping its own entries.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import zlib
from pathlib import Path

import msgspec
from msgspec import Struct

from lint.cache.keys import digest
from lint.cache.location import MARKER, MARKER_TEXT
from lint.config import Config
from lint.diagnostic import Diagnostic

MAGIC = b"DOCLINT-RESULTS-1\n"
SHARDS = 256
#: Entries (and file stamps) not used for this many days are dropped when their shard is rewritten.
MAX_AGE_DAYS = 30
#: Run-key folders kept per project (the most recently used); older ones are removed.
KEEP_RUN_KEYS = 4
_USED = "used"


class FileStamp(Struct, array_like=True):
    """What ``lstat`` said of a file when its content was hashed, and the hash."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    digest: bytes
    #: Wall-clock time of the hashing: a stamp is trusted only for files last changed well before it.
    hashed_ns: int
    used_day: int


class RestDependency(Struct, array_like=True):
    """A cmdlet page's REST page: the operation it decodes to, the page found for it and its content."""

    method: str
    operation: str
    version: str | None
    path: str | None
    digest: bytes | None


class CommitDependency(Struct, array_like=True):
    """The English commit a translation names (``ms.sourcegitcommit``), as the history knew it.

    A full commit name the history had is settled for good (a commit never
    changes); any other answer holds only while ``history_state`` does.
    """

    #: Where the history was read from (git directory, prefix, explicitly named).
    location: tuple[str, str, bool]
    name: str
    known: bool
    history_state: bytes | None


class Entry(Struct, array_like=True):
    """One file's result and what it was computed from."""

    digest: bytes
    error: str | None
    diagnostics: tuple[Diagnostic, ...]
    #: The English page (path as shown) and its content hash; ``None`` when there was none.
    english: str | None
    english_digest: bytes | None
    rest: RestDependency | None
    commit: CommitDependency | None
    used_day: int


class Shard(Struct):
    run_key: str
    stamps: dict[str, FileStamp] = msgspec.field(default_factory=dict)
    entries: dict[str, Entry] = msgspec.field(default_factory=dict)


_DECODER = msgspec.msgpack.Decoder(Shard)
_ENCODER = msgspec.msgpack.Encoder()


def today() -> int:
    return int(time.time() // 86400)


def group_of(relative: str, config: Config) -> int:
    """The shard of the file at ``relative`` (to the project root, POSIX): by its place under
    ``source-root``, or under ``locales/<locale>``, less its suffix.

    So ``docs_src/v1.0/api/user-get.md`` and ``locales/ru-RU/v1.0/api/user-get.md``
    share a shard, and a run over an English page and its translations reads one.
    """
    parts = relative.split("/")
    source = config.source_root.strip("/").split("/")
    locales = config.locales_root.strip("/").split("/")
    if parts[: len(source)] == source:
        parts = parts[len(source) :]
    elif parts[: len(locales)] == locales and len(parts) > len(locales) + 1:
        parts = parts[len(locales) + 1 :]
    rest = "/".join(parts)
    stem = rest.rsplit(".", 1)[0] if "." in rest.rsplit("/", 1)[-1] else rest
    return zlib.crc32(stem.encode("utf-8", "surrogatepass")) % SHARDS


def entry_key(path: str, pair_only: bool) -> str:
    return f"{'P' if pair_only else 'F'}{path}"


def decode_shard(data: bytes, run_key: str) -> Shard | None:
    """The shard in ``data``, or ``None`` when it is not a whole, intact shard of ``run_key``."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 16:
        return None
    checksum, payload = data[len(MAGIC) : len(MAGIC) + 16], data[len(MAGIC) + 16 :]
    if digest(payload) != checksum:
        return None
    try:
        shard = _DECODER.decode(payload)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError):
        return None
    return shard if shard.run_key == run_key else None


def encode_shard(shard: Shard) -> bytes:
    payload = _ENCODER.encode(shard)
    return MAGIC + digest(payload) + payload


class ShardFiles:
    """The shard files of one run key: read on demand, written back when changed."""

    def __init__(self, project_dir: Path, run_key: str) -> None:
        self.project_dir = project_dir
        self.run_key = run_key
        self.directory = project_dir / run_key[:32]
        self._loaded: dict[int, Shard] = {}
        #: Per changed shard: the entry keys and stamp paths this run wrote.
        self._changed: dict[int, tuple[set[str], set[str]]] = {}

    def shard(self, group: int) -> Shard:
        if group not in self._loaded:
            self._loaded[group] = self._read(group) or Shard(self.run_key)
        return self._loaded[group]

    def _read(self, group: int) -> Shard | None:
        try:
            data = (self.directory / f"{group:02x}.pack").read_bytes()
        except OSError:
            return None
        shard = decode_shard(data, self.run_key)
        if shard is None:
            self._changed.setdefault(group, (set(), set()))  # damaged: rewritten even if nothing else changes
        return shard

    def put_entry(self, group: int, key: str, entry: Entry) -> None:
        self.shard(group).entries[key] = entry
        self._changed.setdefault(group, (set(), set()))[0].add(key)

    def put_stamp(self, group: int, path: str, stamp: FileStamp) -> None:
        self.shard(group).stamps[path] = stamp
        self._changed.setdefault(group, (set(), set()))[1].add(path)

    def save(self) -> None:
        """Write the changed shards, mark the run key used, prune; a cache that cannot be written is skipped."""
        with contextlib.suppress(OSError):
            self._prepare()
            for group, (keys, paths) in sorted(self._changed.items()):
                self._write(group, keys, paths)
            prune_run_keys(self.project_dir, self.directory)

    def _prepare(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        marker = self.project_dir / MARKER
        if not marker.is_file():
            from lint.atomic import replace_bytes

            replace_bytes(marker, MARKER_TEXT.encode())
        used = self.directory / _USED
        used.touch()
        os.utime(used)

    def _write(self, group: int, keys: set[str], paths: set[str]) -> None:
        from lint.atomic import replace_bytes

        ours = self._loaded.get(group) or Shard(self.run_key)
        # What a concurrent run stored since this one read the shard is kept; this run's own entries win.
        merged = self._read(group) or Shard(self.run_key)
        for key in keys:
            merged.entries[key] = ours.entries[key]
        for path in paths:
            merged.stamps[path] = ours.stamps[path]
        oldest = today() - MAX_AGE_DAYS
        merged.entries = {key: entry for key, entry in merged.entries.items() if entry.used_day >= oldest}
        merged.stamps = {path: stamp for path, stamp in merged.stamps.items() if stamp.used_day >= oldest}
        replace_bytes(self.directory / f"{group:02x}.pack", encode_shard(merged))


def prune_run_keys(project_dir: Path, current: Path) -> None:
    """Remove the run-key folders of other configurations and doclint versions beyond the few most recently used.

    A folder with no ``used`` file is one being created or a stray: left alone unless a month old.
    """
    folders = []
    for entry in os.scandir(project_dir):
        if not entry.is_dir(follow_symlinks=False) or entry.path == str(current) or entry.name.startswith("."):
            continue
        try:
            when = os.stat(os.path.join(entry.path, _USED)).st_mtime
        except OSError:
            when = entry.stat(follow_symlinks=False).st_mtime
        folders.append((when, entry.path))
    folders.sort(reverse=True)
    too_old = time.time() - MAX_AGE_DAYS * 86400
    for index, (when, path) in enumerate(folders):
        if index >= KEEP_RUN_KEYS - 1 or when < too_old:
            shutil.rmtree(path, ignore_errors=True)
