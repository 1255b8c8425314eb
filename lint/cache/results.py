"""Look results up before a check, store the new ones after: the cache's one entry point for the engine's users.

A cached result is reused only when every input of the page's findings is
as it was when the result was stored. Shared by the whole run (the run key,
:mod:`lint.cache.keys`): doclint's version and code, the libraries, the
configuration, the schema stores, the working directory and where the
English history lies. Per file, validated here on each lookup:

- the file's content (hash; read again only when its ``lstat`` changed,
  or when it changed too close to its last hashing to trust the times: the
  racy case git knows), and whether it ran the pair rules alone;
- for a translation, which English page it pairs with (or that none exists:
  ``missing-source`` then) and that page's content: the pair (drift) rules,
  and the findings a translation inherits, read it;
- for a cmdlet page, the REST page its operation resolves to now, and that
  page's content (the cmdlet drift rules read it);
- for a translation naming its English commit (``ms.sourcegitcommit``),
  what the English history said of that commit: settled for a full commit
  name the history has, else valid while the history's refs and packs are
  unchanged (the staleness rules).

Rules read nothing else (:mod:`lint.context`): the page, its English page,
the REST page, the history and the configuration. A file that is a symbolic
link, not a regular file, or unreadable is never cached: it is checked.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from msgspec.structs import replace

from lint.cache.keys import digest, history_location, history_state, run_key
from lint.cache.store import (
    CommitDependency,
    Entry,
    FileStamp,
    RestDependency,
    ShardFiles,
    entry_key,
    group_of,
    today,
)
from lint.config import Config
from lint.engine import FileResult, check_files
from lint.pair import english_source, rest_page

#: File times are trusted only for files changed at least this long before they were hashed
#: (some file systems keep times to the second or two; a same-size edit within that grain
#: leaves ``lstat`` unchanged).
RACY_NS = 2_000_000_000
_COMMIT_LINE = re.compile(rb"^ms\.sourcegitcommit\s*:\s*['\"]?([0-9A-Fa-f]{4,40})['\"]?\s*$", re.MULTILINE)
_FULL_COMMIT = re.compile(r"[0-9a-f]{40}")


class ResultCache:
    """One run's view of the project's cache: content hashes, lookups, stores, and the write at the end."""

    def __init__(self, config: Config, project_dir: Path) -> None:
        self.config = config
        self.files = ShardFiles(project_dir, run_key(config))
        self._cwd = os.getcwd()
        self._root = os.path.normpath(str(config.root))
        self._groups: dict[str, int] = {}
        self._locales = config.locales_root.strip("/").split("/")
        self._source = config.source_root.strip("/")
        self.day = today()
        self._digests: dict[str, bytes | None] = {}
        self._history: tuple[tuple[str, str, bool] | None, bytes | None] | None = None
        self.hits = 0

    # Content hashes ---------------------------------------------------------------------------

    def content_digest(self, path: str) -> bytes | None:
        """The hash of the file's bytes, from the stat index when its ``lstat`` is unchanged; ``None``: do not cache."""
        if path in self._digests:
            return self._digests[path]
        found = self._digest(path)
        self._digests[path] = found
        return found

    def _digest(self, path: str) -> bytes | None:
        try:
            status = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(status.st_mode) or status.st_size > self.config.max_file_size:
            # A link, a FIFO, a folder, a file too big to read: what reading it means is the engine's to say.
            return None
        group = self._group(path)
        key = os.path.normpath(os.path.join(self._cwd, path))  # abspath without a getcwd per file
        known = self.files.shard(group).stamps.get(key)
        if (
            known is not None
            and (known.size, known.mtime_ns, known.ctime_ns, known.inode)
            == (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
            and status.st_mtime_ns + RACY_NS < known.hashed_ns
        ):
            if known.used_day != self.day:
                self.files.put_stamp(group, key, replace(known, used_day=self.day))
            return known.digest
        hashed_ns = time.time_ns()
        try:
            with open(path, "rb") as stream:
                data = stream.read()
            after = os.lstat(path)
        except OSError:
            return None
        if (after.st_size, after.st_mtime_ns, after.st_ino) != (status.st_size, status.st_mtime_ns, status.st_ino):
            return None  # changed while read: check it, remember nothing
        found = digest(data)
        stamp = FileStamp(
            status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, found, hashed_ns, self.day
        )
        self.files.put_stamp(group, key, stamp)
        return found

    # Lookups ----------------------------------------------------------------------------------

    def lookup(self, path: str, pair_only: bool) -> FileResult | None:
        """The stored result of ``path`` when every input is unchanged, else ``None``."""
        content = self.content_digest(path)
        if content is None:
            return None
        group = self._group(path)
        key = entry_key(path, pair_only)
        entry = self.files.shard(group).entries.get(key)
        if entry is None or entry.digest != content or not self._still_valid(path, entry):
            return None
        if entry.used_day != self.day:
            self.files.put_entry(group, key, replace(entry, used_day=self.day))
        self.hits += 1
        return FileResult(path, entry.diagnostics, entry.error)

    def _relative(self, path: str) -> str:
        """``path`` relative to the project root, POSIX, by string operations (``pathlib`` costs 10x as much)."""
        absolute = os.path.normpath(os.path.join(self._cwd, path))
        if absolute.startswith(self._root + os.sep):
            absolute = absolute[len(self._root) + 1 :]
        return absolute.replace(os.sep, "/")

    def _group(self, path: str) -> int:
        if path not in self._groups:
            self._groups[path] = group_of(self._relative(path), self.config)
        return self._groups[path]

    def english_of(self, path: str) -> str | None:
        """What :func:`lint.pair.english_source` answers for ``path``, mostly without its ``pathlib`` probes.

        It answers the first existing of the translation's own name under
        ``source-root``, then the same stem with other suffixes; a path outside
        ``locales-root`` has none. Run from the project root (the usual
        case), those two are told here by string operations and one
        ``isfile`` (``pathlib`` was most of a re-run's lookups); any other
        case asks ``english_source``. A test holds the two to the same answers.
        """
        if self._cwd == self._root and os.path.normpath(path) == path and not path.startswith(("..", "/")):
            # Run from the project root with a plain relative path: the path as shown is the one
            # english_source reads and shows.
            parts = path.split("/")
            size = len(self._locales)
            if parts[:size] != self._locales or len(parts) <= size + 1:
                return None
            candidate = "/".join([self._source, *parts[size + 1 :]])
            if os.path.isfile(candidate):
                return candidate
        return english_source(path, self.config)

    def _still_valid(self, path: str, entry: Entry) -> bool:
        if self.english_of(path) != entry.english:
            return False
        english = entry.english
        if english is not None and self.content_digest(english) != entry.english_digest:
            return False
        rest = entry.rest
        if rest is not None:
            now = rest_page(rest.method, rest.operation, rest.version, self.config)
            if now != rest.path or (now is not None and self.content_digest(now) != rest.digest):
                return False
        commit = entry.commit
        if commit is None:
            return True
        location, state = self._history_location_and_state()
        return location == commit.location and (commit.known or commit.history_state == state)

    # Stores -----------------------------------------------------------------------------------

    def store(self, result: FileResult, pair_only: bool) -> None:
        """Remember ``result`` with what it depends on; a file whose inputs cannot all be told is not stored."""
        path = result.path
        content = self.content_digest(path)
        if content is None:
            return
        try:
            with open(path, "rb") as stream:
                data = stream.read()
        except OSError:
            return
        if digest(data) != content:
            return  # edited during the check: the result may be of either text
        english = self.english_of(path)
        english_digest = self.content_digest(english) if english is not None else None
        if english is not None and english_digest is None:
            return
        try:
            rest = self._rest_dependency(path, data) if result.error is None else None
            commit = self._commit_dependency(data) if english is not None and result.error is None else None
        except Exception:
            return  # whatever went wrong here, the check itself has said; this file is not cached
        if rest is not None and rest.path is not None and rest.digest is None:
            return
        entry = Entry(content, result.error, result.diagnostics, english, english_digest, rest, commit, self.day)
        self.files.put_entry(self._group(path), entry_key(path, pair_only), entry)

    def _rest_dependency(self, path: str, data: bytes) -> RestDependency | None:
        """For cmdlet help (platyPS), the REST page its operation names, found the way the engine finds it."""
        if not self.config.formats and b"external help file" not in data[:4096].lower():
            return None
        from lint.parse.detect import parse_source
        from lint.source import decode_source

        page = parse_source(decode_source(path, data), self.config.formats)
        cmdlet = page.cmdlet
        if cmdlet is None or not cmdlet.operation_method or not cmdlet.operation_path:
            return None
        found = rest_page(cmdlet.operation_method, cmdlet.operation_path, page.version, self.config)
        return RestDependency(
            cmdlet.operation_method,
            cmdlet.operation_path,
            page.version,
            found,
            self.content_digest(found) if found is not None else None,
        )

    def _commit_dependency(self, data: bytes) -> CommitDependency | None:
        if b"ms.sourcegitcommit" not in data:
            return None
        location, state = self._history_location_and_state()
        if location is None:
            return None  # no history: the staleness rules do not run, whatever the page names
        names = _COMMIT_LINE.findall(data)
        if len(names) == 1 and data.count(b"ms.sourcegitcommit") == 1:
            name = names[0].decode("ascii").lower()
            if _FULL_COMMIT.fullmatch(name):
                from lint.history import history_for

                history = history_for(self.config)
                if history is not None and history.commit(name) is not None:
                    return CommitDependency(location, name, True, None)
            return CommitDependency(location, name, False, state)
        return CommitDependency(location, "", False, state)

    def _history_location_and_state(self) -> tuple[tuple[str, str, bool] | None, bytes | None]:
        """Where the English history is and what it holds, asked once per run and only when a page names a commit."""
        if self._history is None:
            location = history_location(self.config)
            self._history = (location, history_state(location[0]) if location is not None else None)
        return self._history


def check_with_cache(
    paths: Sequence[str],
    config: Config,
    jobs: int | None,
    *,
    pair_only: Collection[str] = (),
    project_dir: Path,
    on_result: Callable[[FileResult], None] | None = None,
) -> tuple[list[FileResult], int]:
    """:func:`lint.engine.check_files` over the files whose results are not cached; results in ``paths`` order.

    Also returns how many results came from the cache.
    """
    cache = ResultCache(config, project_dir)
    results: list[FileResult | None] = [cache.lookup(path, path in pair_only) for path in paths]
    missing = [index for index, result in enumerate(results) if result is None]
    if on_result is not None:
        for result in results:
            if result is not None:
                on_result(result)
    if missing:
        fresh = check_files([paths[index] for index in missing], config, jobs, pair_only=pair_only, on_result=on_result)
        for index, result in zip(missing, fresh, strict=True):
            results[index] = result
            cache.store(result, paths[index] in pair_only)
    cache.files.save()
    return [result for result in results if result is not None], cache.hits
