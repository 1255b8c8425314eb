"""A progress line on stderr for long runs: files done of total, findings so far, time elapsed.

Shown only to a person watching: when stderr is a terminal, not in CI (``CI``
set, as every CI service sets it), not with ``--quiet`` or ``--no-progress``,
and only for runs of more than a few dozen files (a pre-commit check is over
before a bar would be read). It is one line, redrawn in place at most ten times
a second and erased when the run ends, so nothing of it stays in the
terminal's scrollback, and it never touches stdout, where the report goes.

Hand-written rather than rich or tqdm: one line of text needs neither a new
dependency (doclint installs neither) nor its import time.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from lint.engine import FileResult

#: Runs of at most this many files show no progress: they are over in a blink.
MIN_FILES = 48
#: Seconds between two redraws: often enough to look alive, rarely enough to cost nothing.
REDRAW_SECONDS = 0.1
#: ``CI`` values that mean "not in CI" (a developer's shell exporting ``CI=false``).
_NOT_CI = ("", "0", "false", "no")


def wanted(total: int, stream: TextIO, environment: dict[str, str] | os._Environ[str]) -> bool:
    """Whether a run of ``total`` files shows progress on ``stream``: a terminal, outside CI, a long run."""
    if total <= MIN_FILES or environment.get("CI", "").strip().lower() not in _NOT_CI:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a real file
        return False


class ProgressLine:
    """Counts results as they arrive and redraws the line; :meth:`close` erases it."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.findings = 0
        self.started = time.monotonic()
        self._drawn_at = 0.0

    def __call__(self, result: FileResult) -> None:
        self.done += 1
        self.findings += len(result.diagnostics)
        now = time.monotonic()
        if now - self._drawn_at >= REDRAW_SECONDS or self.done == self.total:
            self._drawn_at = now
            self._draw(now)

    def text(self, width: int, now: float) -> str:
        """The line for a terminal ``width`` columns wide: counts first, then a bar in the room left."""
        elapsed = int(now - self.started)
        noun = "finding" if self.findings == 1 else "findings"
        counts = f" {self.done}/{self.total} files  {self.findings} {noun}  {elapsed // 60}:{elapsed % 60:02d} "
        room = width - len(counts) - len("checking []") - 1  # the last column left free: no wrap on any terminal
        if room < 10:
            return ("checking" + counts)[: max(width - 1, 0)]
        filled = room * self.done // max(self.total, 1)
        return f"checking [{'#' * filled}{'-' * (room - filled)}]{counts}"

    def _draw(self, now: float) -> None:
        import shutil  # here: it imports compression modules a run that shows no progress never needs

        width = shutil.get_terminal_size((80, 24)).columns
        self._write("\r" + self.text(width, now) + "\x1b[K")

    def close(self) -> None:
        if self._drawn_at:
            self._write("\r\x1b[K")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            pass  # a terminal gone away must not stop the run; the report still goes to stdout


@contextmanager
def progress_for(total: int, *, enabled: bool) -> Iterator[Callable[[FileResult], None] | None]:
    """The callback to give :func:`lint.engine.check_files`, or None when no progress is to be shown."""
    if not enabled or not wanted(total, sys.stderr, os.environ):
        yield None
        return
    line = ProgressLine(total, sys.stderr)
    try:
        yield line
    finally:
        line.close()  # also on Ctrl-C: the "interrupted" line starts at the left margin
