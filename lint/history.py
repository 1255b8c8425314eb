"""The English sources' git history: the English file as it was at the commit a translation names.

Translated Graph pages name the English commit they were made from
(``ms.sourcegitcommit``). Whether a translation is stale is a question for
the English repository's history, asked once per translation: thousands in
a whole-corpus run. One ``git cat-file --batch`` process per worker process
answers all of them (commits, their dates and blobs through the same pipe),
started on the first question and reused after, so a run costs one process
start, not one per page.

Where the history comes from is decided here too: ``--source-history
GIT_DIR[:PREFIX]`` or ``[tool.doclint] source-history`` (explicit), else the
git work tree that holds ``source-root`` (detected). A detected repository
is only a guess that it holds the English history, so a commit it does not
know says nothing there (see :class:`SourceHistory`).
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Literal

from msgspec import Struct

from lint.errors import ToolError

if TYPE_CHECKING:
    import subprocess

    from lint.config import Config

#: What ``ms.sourcegitcommit`` must look like to be asked about: a (possibly abbreviated) object name.
_COMMIT_NAME = re.compile(r"[0-9a-fA-F]{4,40}")
_COMMITTER = re.compile(rb"^committer .* (?P<seconds>\d+) (?P<offset>[+-]\d{4})$", re.MULTILINE)


class HistoryError(ToolError):
    """The git history cannot be read (git missing, not a repository, git failed): exit 2."""


class HistoryLocation(Struct, frozen=True):
    """A git directory and the path inside its trees that corresponds to ``source-root``."""

    git_dir: str
    prefix: str
    #: Named by the user (option or config key) rather than detected from ``source-root``.
    explicit: bool = True


class Commit(Struct, frozen=True):
    sha: str
    #: Committer date, ``YYYY-MM-DD`` in the committer's time zone.
    date: str

    @property
    def short(self) -> str:
        return self.sha[:7]


class Revision(Struct, frozen=True):
    """What the history says about one English file at one commit.

    ``state`` is ``unknown`` (no such commit), ``absent`` (the commit has no
    such file), ``fresh`` (the file at the commit equals the file on disk) or
    ``stale``; ``old_text`` and ``current_text`` are set when stale.
    """

    state: Literal["unknown", "absent", "fresh", "stale"]
    name: str
    path_in_history: str
    commit: Commit | None = None
    old_text: str = ""
    current_text: str = ""


def git_dir_of(directory: Path) -> Path | None:
    """The git directory ``directory`` is, or whose work tree top it is; ``None`` if neither.

    A bare repository or a ``.git`` directory holds ``HEAD`` and ``objects``; a
    work tree top holds ``.git``, a directory or (worktrees, submodules) a file
    ``gitdir: PATH``. Nothing above ``directory`` is searched: a path that is
    not a repository must not silently mean the repository around it.
    """
    if (directory / "HEAD").is_file() and (directory / "objects").is_dir():
        return directory
    dot_git = directory / ".git"
    if dot_git.is_dir():
        return dot_git
    if dot_git.is_file():
        try:
            first = dot_git.read_text(encoding="utf-8").splitlines()[0]
        except (OSError, UnicodeDecodeError, IndexError):
            return None
        if first.startswith("gitdir:"):
            target = Path(first.removeprefix("gitdir:").strip())
            target = target if target.is_absolute() else directory / target
            return target.resolve() if target.is_dir() else None
    return None


def work_tree_top(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` that holds ``.git``."""
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return None


def parse_history_option(value: str, option: str = "--source-history") -> tuple[Path, str | None]:
    """``GIT_DIR[:PREFIX]`` -> (git directory, prefix or ``None``); a path holding a colon is tried whole first."""
    whole = Path(value).expanduser()
    if whole.is_dir() or ":" not in value:
        return whole, None
    directory, _, prefix = value.rpartition(":")
    if not directory:
        raise ToolError(f"{option} {value}: GIT_DIR is empty")
    return Path(directory).expanduser(), prefix.strip("/")


def check_git_dir(directory: Path, where: str) -> Path:
    """The git directory of ``directory``, else an error naming ``where`` (the option or config key)."""
    if not directory.exists():
        raise ToolError(f"{where}: {directory}: no such directory")
    git_dir = git_dir_of(directory)
    if git_dir is None:
        raise ToolError(
            f"{where}: {directory} is not a git repository (give a bare repository, a work tree's top or its .git)"
        )
    import shutil  # only when a history is configured

    if shutil.which("git") is None:
        raise ToolError(f"{where}: the `git` program is not installed or not on PATH")
    return git_dir.resolve()


def locate_history(config: Config) -> HistoryLocation | None:
    """Where the English history is: the configured one, else the work tree around ``source-root``.

    A configured ``source-history`` has been checked when the config was read
    (see :mod:`lint.config`); without one, ``source-root`` inside a git work
    tree means that repository, with ``source-root``'s path inside the work
    tree as the prefix. With neither, or without git, there is no history.
    """
    source_root = (config.root / config.source_root).resolve()
    if config.source_history:
        prefix = config.source_history_prefix
        if prefix is None:
            prefix = _prefix_inside(Path(config.source_history), source_root)
        return HistoryLocation(config.source_history, prefix.strip("/"), explicit=True)
    top = work_tree_top(source_root)
    if top is None:
        return None
    git_dir = git_dir_of(top)
    import shutil

    if git_dir is None or shutil.which("git") is None:
        return None
    prefix = source_root.relative_to(top.resolve()).as_posix() if source_root.is_relative_to(top.resolve()) else ""
    return HistoryLocation(str(git_dir), "" if prefix == "." else prefix, explicit=False)


def _prefix_inside(git_dir: Path, source_root: Path) -> str:
    """``source-root``'s path in the work tree of ``git_dir`` when it lies there, else the tree's root."""
    top = git_dir.parent if git_dir.name == ".git" else git_dir
    resolved = top.resolve()
    if source_root.is_relative_to(resolved) and source_root != resolved:
        return source_root.relative_to(resolved).as_posix()
    return ""


class SourceHistory:
    """Reads commits and blobs of one repository through one ``git cat-file --batch`` process.

    The process starts on the first question and lives as long as the worker
    process; it exits when its standard input closes with ours. If git dies,
    the next question raises :class:`HistoryError` rather than waiting.
    """

    def __init__(self, location: HistoryLocation) -> None:
        self.location = location
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._commits: dict[str, Commit | None] = {}
        #: The process that started ``_process``: a forked worker must not share its pipes.
        self._owner = 0

    @property
    def explicit(self) -> bool:
        return self.location.explicit

    def path_in_history(self, source_relative: str) -> str:
        """The path in the repository's trees of a file at ``source_relative`` under ``source-root``."""
        return str(PurePosixPath(self.location.prefix, source_relative)) if self.location.prefix else source_relative

    def commit(self, name: str) -> Commit | None:
        """The commit ``name`` (full or abbreviated hash) names, or ``None`` if the history lacks it."""
        if not _COMMIT_NAME.fullmatch(name):
            return None
        key = name.lower()
        detected = not self.location.explicit
        if key not in self._commits and detected and stored_locally(self.location.git_dir, key) is False:
            # A detected history is silent about commits it lacks: no git process to learn that.
            self._commits[key] = None
        if key not in self._commits:
            found = self._ask(key)
            self._commits[key] = None
            if found is not None and found[1] == b"commit":
                self._commits[key] = Commit(found[0], _committer_date(found[2]))
        return self._commits[key]

    def blob(self, commit: Commit, path: str) -> bytes | None:
        """The file at ``path`` in ``commit``'s tree, or ``None`` when the tree has no such file."""
        if "\n" in path:
            return None
        found = self._ask(f"{commit.sha}:{path}")
        if found is None or found[1] != b"blob":
            return None
        return found[2]

    def revision(self, name: str, source_relative: str, on_disk: str) -> Revision:
        """Compare the English file at commit ``name`` with the English file on disk at ``on_disk``.

        The file on disk, not the one committed last: with a detected work
        tree, uncommitted English edits are the English of today too.
        """
        path = self.path_in_history(source_relative)
        commit = self.commit(name)
        if commit is None:
            return Revision("unknown", name, path)
        old = self.blob(commit, path)
        if old is None:
            return Revision("absent", name, path, commit)
        try:
            current = Path(on_disk).read_bytes()
        except OSError as error:
            raise HistoryError(f"{on_disk}: cannot read: {error.strerror or error}") from error
        if _same_text(old, current):
            return Revision("fresh", name, path, commit)
        return Revision("stale", name, path, commit, _decode(old), _decode(current))

    def close(self) -> None:
        """Let git finish (its input ends); a git that already died leaves nothing to flush."""
        process, self._process = self._process, None
        if process is None or self._owner != os.getpid():
            return
        if process.stdin:
            # BrokenPipeError: bytes still buffered for a git that has exited.
            with contextlib.suppress(OSError):
                process.stdin.close()
        try:
            process.wait(timeout=10)
        except Exception:
            process.kill()
            process.wait()

    def _start(self) -> subprocess.Popen[bytes]:
        import subprocess
        import tempfile

        # Lives as long as the git process, not a block: closed with the worker process.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            return subprocess.Popen(
                ["git", f"--git-dir={self.location.git_dir}", "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
            )
        except OSError as error:
            raise HistoryError(f"cannot run git on {self.location.git_dir}: {error.strerror or error}") from error

    def _ask(self, name: str) -> tuple[str, bytes, bytes] | None:
        """``(sha, type, content)`` of the object ``name``, or ``None`` when it is missing or ambiguous."""
        if self._process is not None and self._owner != os.getpid():
            # Inherited through fork from a process that had asked already: its
            # pipes are the parent's, so this worker starts a git of its own.
            self._process = None
        if self._process is None:
            self._process = self._start()
            self._owner = os.getpid()
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(name.encode("utf-8") + b"\n")
            process.stdin.flush()
            header = process.stdout.readline()
        except (BrokenPipeError, OSError):
            header = b""
        if not header:
            said = self._git_said()
            self.close()
            raise HistoryError(f"git cat-file stopped reading {self.location.git_dir}: {said}")
        parts = header.split()
        if len(parts) != 3 or parts[1] in (b"missing", b"ambiguous"):
            return None
        size = int(parts[2])
        content = process.stdout.read(size + 1)[:size]
        return parts[0].decode("ascii"), parts[1], content

    def _git_said(self) -> str:
        if self._process is not None:
            try:
                self._process.wait(timeout=10)
            except Exception:  # still running, yet not answering: stop it
                self._process.kill()
        if self._stderr is None:
            return "no reason given"
        self._stderr.seek(0)
        said = self._stderr.read().decode("utf-8", errors="replace").strip()
        return said.splitlines()[0] if said else "no reason given"


def _committer_date(commit_object: bytes) -> str:
    from datetime import UTC, datetime, timedelta, timezone

    match = _COMMITTER.search(commit_object)
    if match is None:
        return "date unknown"
    offset = match.group("offset").decode("ascii")
    minutes = int(offset[1:3]) * 60 + int(offset[3:5])
    zone = timezone(timedelta(minutes=-minutes if offset[0] == "-" else minutes))
    return datetime.fromtimestamp(int(match.group("seconds")), UTC).astimezone(zone).strftime("%Y-%m-%d")


def _same_text(old: bytes, current: bytes) -> bool:
    """Equal, or equal but for line endings and a byte-order mark (a checkout with ``autocrlf``)."""
    if old == current:
        return True
    return _plain(old) == _plain(current)


def _plain(data: bytes) -> bytes:
    return data.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")


def _decode(data: bytes) -> str:
    return _plain(data).decode("utf-8", errors="replace")


_HISTORIES: dict[HistoryLocation, SourceHistory] = {}
_LOCATIONS: dict[tuple[str, str, str | None, str | None], HistoryLocation | None] = {}


def history_for(config: Config) -> SourceHistory | None:
    """The history of this worker process for ``config``: one per location, its git process reused.

    Located once per process and configuration, not once per page: detection
    walks the file system and looks for the git program.
    """
    key = (str(config.root), config.source_root, config.source_history, config.source_history_prefix)
    if key not in _LOCATIONS:
        _LOCATIONS[key] = locate_history(config)
    location = _LOCATIONS[key]
    if location is None:
        return None
    if location not in _HISTORIES:
        _HISTORIES[location] = SourceHistory(location)
    return _HISTORIES[location]


def close_histories() -> None:
    """End this process's git processes (tests, and front ends that run many checks in one process)."""
    for history in _HISTORIES.values():
        history.close()
    _HISTORIES.clear()
    _LOCATIONS.clear()


def stored_locally(git_dir: str, sha: str) -> bool | None:
    """Whether the object ``sha`` (40 hex digits) is in ``git_dir``'s object store; ``None`` when that cannot be told.

    Looks for the loose object, then in each pack index (version 2: a fan-out
    table and the sorted object names, searched by halves through a memory
    map). A one-file pre-commit check of a translation inside the English
    repository asks this of a commit the repository lacks (the translation
    was made in another one) and so never starts git, which costs it some
    5 ms. Anything unusual (an abbreviated name, alternates, a linked work
    tree, another index version) is ``None``: ask git.
    """
    import mmap

    root = Path(git_dir)
    objects = root / "objects"
    if len(sha) != 40 or not objects.is_dir() or (root / "commondir").exists():
        return None
    if (objects / "info" / "alternates").exists():
        return None
    if (objects / sha[:2] / sha[2:]).exists():
        return True
    wanted = bytes.fromhex(sha)
    for index in (objects / "pack").glob("*.idx"):
        try:
            with open(index, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
                if data[:8] != b"\377tOc\x00\x00\x00\x02":
                    return None
                first = wanted[0]
                low = int.from_bytes(data[8 + 4 * (first - 1) : 8 + 4 * first], "big") if first else 0
                high = int.from_bytes(data[8 + 4 * first : 12 + 4 * first], "big")
                names = 8 + 1024
                while low < high:
                    middle = (low + high) // 2
                    found = data[names + 20 * middle : names + 20 * middle + 20]
                    if found == wanted:
                        return True
                    if found < wanted:
                        low = middle + 1
                    else:
                        high = middle
        except (OSError, ValueError):
            return None
    return False
