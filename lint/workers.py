"""Worker processes that one Ctrl-C stops, workers included.

``ProcessPoolExecutor.map`` left to itself turns a Ctrl-C into a 32-line
traceback, and two into a hang: the terminal sends SIGINT to the whole
process group, every worker dies of ``KeyboardInterrupt`` wherever it stands
(perhaps holding the task queue's lock), and the parent's ``with`` block
waits for a pool that can no longer finish. So here:

- workers ignore SIGINT (their initializer): the parent alone decides;
- SIGINT and SIGTERM are held back in the parent while workers start, so no
  worker meets one before its initializer runs, and none is left
  half-started and unknown to the pool;
- on any exception in the parent (``KeyboardInterrupt`` included) queued work
  is cancelled, the workers are terminated and reaped, and the exception goes
  on. Nothing outlives the run.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import TypeVar

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")

#: How long a terminated worker may take to die before it is killed.
_GRACE_SECONDS = 1.0


def stream_in_workers(
    function: Callable[[_Item], _Result], batches: Sequence[Sequence[_Item]], workers: int
) -> Iterator[tuple[int, list[_Result]]]:
    """Each batch's index and ``[function(item) for item in batch]``, as the workers finish them.

    Batches are handed out in the order given (put the longest first, so that
    no worker is left alone with a long one at the end). Leaving the loop
    early, or an exception in it, stops the workers like a Ctrl-C.
    """
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts, mp_context=_start_context())
    finished = False
    try:
        with _signals_held():
            futures = {pool.submit(_run_batch, function, part): index for index, part in enumerate(batches)}
        for future in as_completed(futures):
            yield futures[future], future.result()
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:
            _stop(pool)


def _start_context() -> BaseContext | None:
    """Fork on Linux: workers start at once and share the parent's loaded rules, schemas and configuration.

    Python 3.14 makes forkserver the default, under which every worker would
    import and load everything again. Elsewhere (macOS, Windows), the platform's default.
    """
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def _run_batch(function: Callable[[_Item], _Result], items: Sequence[_Item]) -> list[_Result]:
    return [function(item) for item in items]


#: Signals that stop a run: Ctrl-C, and ``timeout``'s or a CI runner's SIGTERM.
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
#: Windows has no signal masks (nor fork); there the handlers alone do what they can.
_HAS_MASKS = hasattr(signal, "pthread_sigmask")


def _ignore_interrupts() -> None:
    """Worker initializer: SIGINT is the parent's to handle; SIGTERM (the parent's stop) kills.

    Both were held since the fork (see :func:`_signals_held`); a held SIGINT is
    dropped here, a held SIGTERM ends the worker as soon as it is let go.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _HAS_MASKS:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Defer SIGINT and SIGTERM here until the block ends; children started meanwhile inherit the block.

    A child inherits the signal mask through fork and exec alike, so whatever
    the start method, a worker meets neither before :func:`_ignore_interrupts`.
    A signal caught meanwhile (by another thread, which does not block it) is
    raised again at the end, to whatever handler was in place.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread; nothing to hold here
        return
    caught: list[int] = []
    previous = {number: signal.signal(number, lambda signum, frame: caught.append(signum)) for number in _STOP_SIGNALS}
    if _HAS_MASKS:
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        if _HAS_MASKS:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
        for number, handler in previous.items():
            signal.signal(number, handler)
        for caught_number in dict.fromkeys(caught):
            signal.raise_signal(caught_number)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel queued work, terminate the workers and reap them, within about a second.

    ``_processes`` is private; Python 3.14's ``terminate_workers()`` does the
    same, but doclint supports 3.11.
    """
    processes: list[BaseProcess] = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        _signal_process(process, kill=False)
    for process in processes:
        process.join(_GRACE_SECONDS)
        if process.exitcode is None:
            _signal_process(process, kill=True)
            process.join(_GRACE_SECONDS)


def _signal_process(process: BaseProcess, *, kill: bool) -> None:
    try:
        if kill:
            process.kill()
        else:
            process.terminate()
    except (ProcessLookupError, ValueError, AttributeError):
        pass  # already gone (and perhaps reaped by the pool's own thread)
