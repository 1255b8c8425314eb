"""A progress bar on stderr for long runs: files done of total, findings so far, time elapsed.

Shown only to a person watching: when stderr is a terminal, not in CI (``CI``
set, as every CI service sets it), not with ``--quiet`` or ``--no-progress``,
and only for runs of more than a few dozen files (a pre-commit check is over
before a bar would be read). It is drawn by rich (transient: erased when the
run ends, so nothing of it stays in the terminal's scrollback) and never
touches stdout, where the report goes. rich is imported only when a bar is
shown, so a run that shows none pays nothing for it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from lint.engine import FileResult

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

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


def bar(total: int, stream: TextIO) -> Progress:
    """The bar's layout: ``checking ━━━━━╺━━━ 4/200 files 3 findings 0:01:05``.

    Refreshed by :class:`ProgressCounter`, not by rich's own thread: worker
    processes are forked while the bar is up, and a fork should not copy a
    process with a drawing thread.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TextColumn("{task.fields[findings]} {task.fields[noun]}"),
        TimeElapsedColumn(),
        console=Console(file=stream),
        transient=True,
        auto_refresh=False,
    )


class ProgressCounter:
    """Counts results as they arrive (the engine's ``on_result``) and redraws the bar at most ten times a second."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.task: TaskID = progress.add_task("check", total=total, findings=0, noun="findings")
        self.total = total
        self.done = 0
        self.findings = 0
        self._drawn_at = 0.0

    def __call__(self, result: FileResult) -> None:
        self.done += 1
        self.findings += len(result.diagnostics)
        noun = "finding" if self.findings == 1 else "findings"
        self.progress.update(self.task, completed=self.done, findings=self.findings, noun=noun)
        now = time.monotonic()
        if now - self._drawn_at >= REDRAW_SECONDS or self.done == self.total:
            self._drawn_at = now
            self.progress.refresh()


@contextmanager
def progress_for(total: int, *, enabled: bool) -> Iterator[Callable[[FileResult], None] | None]:
    """The callback to give :func:`lint.engine.check_files`, or None when no progress is to be shown."""
    if not enabled or not wanted(total, sys.stderr, os.environ):
        yield None
        return
    progress = bar(total, sys.stderr)
    try:
        progress.start()
        yield ProgressCounter(progress, total)
    finally:
        # Also on Ctrl-C: erased, so the "interrupted" line starts at the left margin. A terminal gone
        # away must not stop the run; the report still goes to stdout.
        with contextlib.suppress(OSError, ValueError):
            progress.stop()
