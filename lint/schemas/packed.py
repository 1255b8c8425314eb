"""A schema document split into compressed shards, so that a check reads only the types it meets.

The full ``schema.json`` of Graph v1.0 is 4.4 MB: decoding it whole costs more
than the entire budget of a one-file pre-commit run, which validates a handful
of types. A packed store keeps the same document in two files:

- ``head.json``: the document without its ``$defs`` (``$id``, default
  namespace, aliases), the byte range of each shard and of the key list;
- ``defs.bin``: zlib-compressed JSON chunks, concatenated: ``SHARDS`` shards of
  ``$defs`` entries (an entry's shard is the CRC-32 of its key), then the sorted
  list of every key. A shard is decoded to raw JSON per entry (``msgspec.Raw``),
  and an entry is decoded only when looked up.

:class:`PackedDefs` is the ``$defs`` mapping that reads a shard the first time
one of its keys is looked up, and the key list only when someone iterates
(short-name resolution, "did you mean" searches). ``referencing`` resolves
``#/$defs/...`` pointers with ``[]`` lookups, so validators work on it as on a
dict. Chunks are compressed one by one (zlib is a builtin module; a check that
reads three shards decompresses 10 kB, not the whole file).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import msgspec

from lint.errors import ToolError
from lint.schemas.storefile import read_store_json

HEAD_FILE = "head.json"
DEFS_FILE = "defs.bin"
#: 512 shards of Graph v1.0 average 8.5 kB of JSON and compress to 700 kB in all (128 shards: 490 kB,
#: but a check that meets 20 types inflated 20 x 34 kB; the one-file budget is worth the 200 kB).
SHARDS = 512
FORMAT = 1
_SHARD = dict[str, msgspec.Raw]


class Head(msgspec.Struct, frozen=True):
    """``head.json``: where each chunk of ``defs.bin`` lies, and the document around ``$defs``."""

    format: int
    document: dict[str, Any]
    shards: list[tuple[int, int]]
    keys: tuple[int, int]


def shard_of(key: str, shards: int = SHARDS) -> int:
    """The shard holding ``$defs[key]``: stable across runs and platforms (CRC-32, not ``hash``)."""
    return zlib.crc32(key.encode("utf-8")) % shards


def write_packed(document: dict[str, Any], out: Path) -> list[Path]:
    """Write ``document`` (a schema document with ``$defs``) as ``head.json`` and ``defs.bin`` in ``out``.

    The output depends only on the document: the same CSDL always gives the
    same bytes, so a test can compare a fresh build with the shipped one.
    """
    encoder = msgspec.json.Encoder(order="sorted")
    defs: dict[str, Any] = document["$defs"]
    shards: list[dict[str, Any]] = [{} for _ in range(SHARDS)]
    for key, value in defs.items():
        shards[shard_of(key)][key] = value
    chunks = [zlib.compress(encoder.encode(shard), 9) for shard in shards]
    chunks.append(zlib.compress(encoder.encode(sorted(defs)), 9))
    ranges: list[tuple[int, int]] = []
    offset = 0
    for chunk in chunks:
        ranges.append((offset, len(chunk)))
        offset += len(chunk)
    head = Head(
        format=FORMAT,
        document={key: value for key, value in document.items() if key != "$defs"},
        shards=ranges[:-1],
        keys=ranges[-1],
    )
    out.mkdir(parents=True, exist_ok=True)
    (out / DEFS_FILE).write_bytes(b"".join(chunks))
    (out / HEAD_FILE).write_bytes(encoder.encode(head) + b"\n")
    return [out / HEAD_FILE, out / DEFS_FILE]


def is_packed(directory: Path) -> bool:
    return (directory / HEAD_FILE).is_file()


def read_packed(directory: Path) -> dict[str, Any]:
    """The schema document of a packed store, its ``$defs`` a :class:`PackedDefs` read on demand."""
    head: Head = read_store_json(directory / HEAD_FILE, Head)
    if head.format != FORMAT:
        raise ToolError(
            f"{directory / HEAD_FILE}: packed schema format {head.format}, but this doclint reads format {FORMAT}; "
            "rebuild it"
        )
    return {**head.document, "$defs": PackedDefs(directory / DEFS_FILE, head)}


class PackedDefs(Mapping[str, Any]):
    """``$defs`` of a packed store: a read-only mapping that decodes a shard on its first lookup."""

    def __init__(self, path: Path, head: Head) -> None:
        self._path = path
        self._head = head
        self._shards: dict[int, dict[str, Any]] = {}
        self._decoded: dict[str, Any] = {}
        self._keys: list[str] | None = None

    def _chunk(self, where: tuple[int, int], shape: Any = Any) -> Any:
        offset, length = where
        try:
            with open(self._path, "rb") as stream:
                stream.seek(offset)
                data = stream.read(length)
            return msgspec.json.decode(zlib.decompress(data), type=shape)
        except OSError as error:
            raise ToolError(f"{self._path}: cannot read schema store file: {error.strerror or error}") from error
        except (zlib.error, msgspec.DecodeError) as error:
            raise ToolError(f"{self._path}: damaged packed schema store (bytes {offset}+{length}): {error}") from error

    def _shard(self, key: str) -> dict[str, Any]:
        index = shard_of(key, len(self._head.shards))
        found = self._shards.get(index)
        if found is None:
            found = self._shards[index] = self._chunk(self._head.shards[index], _SHARD)
        return found

    def __getitem__(self, key: str) -> Any:
        if not isinstance(key, str):
            raise KeyError(key)
        found = self._decoded.get(key)
        if found is None:
            # A shard is read as raw JSON per entry: only the entries a check meets are decoded.
            found = self._decoded[key] = msgspec.json.decode(self._shard(key)[key])
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._shard(key)

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self:
            return default
        return self[key]

    def keys_list(self) -> list[str]:
        if self._keys is None:
            self._keys = list(self._chunk(self._head.keys))
        return self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_list())

    def __len__(self) -> int:
        return len(self.keys_list())
