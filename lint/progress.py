"""A progress bar on stderr for long runs: files done of total, findings so far, time elapsed.

Shown only to a person watching: when stderr is a terminal, not in CI (``CI``
set, as every CI service sets it), not with ``--quiet`` or ``--no-progress``,
and only for runs of more than a few dozen files (a pre-commit check is over
before a bar would be read). It is drawn by tqdm (no dependencies of its own,
so the pre-commit hook's environment stays small), erased when the run ends so
nothing of it stays in the terminal's scrollback, and never touches stdout,
where the report goes. tqdm is imported only when a bar is shown.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from lint.engine import FileResult

if TYPE_CHECKING:
    from tqdm import tqdm

#: Runs of at most this many files show no progress: they are over in a blink.
MIN_FILES = 48
#: Seconds between two redraws: often enough to look alive, rarely enough to cost nothing.
REDRAW_SECONDS = 0.1
#: ``CI`` values that mean "not in CI" (a developer's shell exporting ``CI=false``).
_NOT_CI = ("", "0", "false", "no")
#: ``checking |█████▍    | 4/200 files, 3 findings [01:05]``
BAR_FORMAT = "checking |{bar}| {n_fmt}/{total_fmt} files{postfix} [{elapsed}]"


def wanted(total: int, stream: TextIO, environment: dict[str, str] | os._Environ[str]) -> bool:
    """Whether a run of ``total`` files shows progress on ``stream``: a terminal, outside CI, a long run."""
    if total <= MIN_FILES or environment.get("CI", "").strip().lower() not in _NOT_CI:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a real file
        return False


def bar(total: int, stream: Any) -> tqdm[Any]:
    """The bar, without tqdm's monitor thread: worker processes are forked while it is up."""
    import shutil

    from tqdm import tqdm

    tqdm.monitor_interval = 0
    # A terminal that reports no size (a bare pseudo-terminal) gets 80 x 24: tqdm would draw an empty
    # bar in 0 columns, and hide it below a screen of 0 rows.
    size = shutil.get_terminal_size((80, 24))
    return tqdm(
        total=total,
        file=stream,
        bar_format=BAR_FORMAT,
        postfix="0 findings",
        mininterval=REDRAW_SECONDS,
        leave=False,
        ncols=size.columns or 80,
        nrows=size.lines or 24,
    )


class ProgressCounter:
    """Counts results as they arrive (the engine's ``on_result``) and moves the bar."""

    def __init__(self, progress: tqdm[Any]) -> None:
        self.progress = progress
        self.findings = 0

    def __call__(self, result: FileResult) -> None:
        if result.diagnostics:
            self.findings += len(result.diagnostics)
            noun = "finding" if self.findings == 1 else "findings"
            self.progress.set_postfix_str(f"{self.findings} {noun}", refresh=False)
        self.progress.update(1)  # redraws at most every REDRAW_SECONDS
        if self.progress.n == self.progress.total:
            self.progress.refresh()  # the last count is shown, however soon after the one before


@contextmanager
def progress_for(total: int, *, enabled: bool) -> Iterator[Callable[[FileResult], None] | None]:
    """The callback to give :func:`lint.engine.check_files`, or None when no progress is to be shown."""
    if not enabled or not wanted(total, sys.stderr, os.environ):
        yield None
        return
    progress = bar(total, sys.stderr)
    try:
        yield ProgressCounter(progress)
    finally:
        # Also on Ctrl-C: erased, so the "interrupted" line starts at the left margin. A terminal gone
        # away must not stop the run; the report still goes to stdout.
        with contextlib.suppress(OSError, ValueError):
            progress.close()
