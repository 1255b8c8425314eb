"""Standard output whose reader went away early (``doclint check | head -2``)."""

from __future__ import annotations

import os
import sys


def discard_stdout() -> None:
    """Send whatever is still to be written to standard output to the null device.

    Once the reader is gone, Python's own flush of stdout at exit fails again
    and prints "Exception ignored ... BrokenPipeError". Pointing the descriptor
    at the null device lets that flush succeed, as the Python documentation
    recommends (signal module, "Note on SIGPIPE"). A stream without a
    descriptor (a test's capture) has nothing to flush at exit.
    """
    try:
        descriptor = sys.stdout.fileno()
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)
