"""The ``doclint`` entry point: signals, Ctrl-C and the exit status around :mod:`lint.commands`.

The console script imports this module, then calls :func:`run`. It imports
nothing the interpreter has not loaded at start-up, so that a Ctrl-C in the
first tens of milliseconds, while the commands and their dependencies are
being imported, is caught by :func:`run` and is one line and exit 130, like
one at any later moment, rather than Python's traceback.
"""

from __future__ import annotations

import sys

#: ``typing.TYPE_CHECKING`` without importing :mod:`typing` (some 7 ms before :func:`run` starts).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import NoReturn

#: 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C.
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit status. A Ctrl-C anywhere is one line and 130, as shells expect."""
    try:
        from lint.commands import dispatch  # in the try: a Ctrl-C while importing is caught too

        return dispatch(argv)
    except KeyboardInterrupt:
        return _interrupted()


def _interrupted() -> int:
    print("doclint: interrupted", file=sys.stderr)
    return EXIT_INTERRUPTED


def _stop_on_first_signal(signum: int, frame: object) -> None:
    """Ctrl-C is a KeyboardInterrupt (:func:`main` says so in one line); SIGTERM exits 143 quietly.

    Either unwinds through the engine, which stops its workers on the way:
    left to SIGTERM's default, the parent would die and leave them behind.
    """
    import signal  # loaded by then

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(128 + signum)


def _handle_signals() -> None:
    """The first Ctrl-C (or SIGTERM) stops the run; further ones, while workers are being stopped, are ignored."""
    import signal  # here, not at the top: it imports enum, some 8 ms outside the reach of run()'s handler

    signal.signal(signal.SIGINT, _stop_on_first_signal)
    signal.signal(signal.SIGTERM, _stop_on_first_signal)


def run() -> NoReturn:
    """The ``doclint`` command and ``python -m lint``: :func:`main`, then exit.

    Whatever is alive when :func:`main` returns dies with the process. Freezing
    it first spares the interpreter's exit-time garbage collection a pass over
    all of it, which cost a one-file pre-commit check some 20 ms. (Tests call
    :func:`main`, so they never freeze their own process.)
    """
    try:
        from lint.gc_pause import pause

        pause()  # before anything is imported, signal's enums too: see lint.gc_pause
        _handle_signals()
    except KeyboardInterrupt:
        sys.exit(_interrupted())
    status = main()
    import gc  # built in: importing it costs nothing

    gc.freeze()
    sys.exit(status)
