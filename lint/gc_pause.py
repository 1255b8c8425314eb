"""The cyclic garbage collector at start-up: paused before anything is imported, the command says when it runs.

Start-up (the commands, every rule module, the parsers, jsonschema, the
schema store) allocates a few hundred thousand objects that all live to the
end of the run, and nothing it makes is a cycle to free. The collector's
passes over them while the modules are imported cost a one-file pre-commit
check about 2% of its instructions (callgrind: 16 million of 751 million),
before ``check`` could pause it itself. The entry point calls :func:`pause`
first; ``check`` keeps it paused for a few pages and turns it on for many
(:func:`lint.check.run_check`); every other command turns it on at once
(:func:`resume`), so that a long ``serve`` or a site build collects as usual.
"""

from __future__ import annotations

import gc

#: Whether :func:`pause` turned the collector off (and so it is to come back on).
_paused = False


def pause() -> None:
    """Turn the collector off until :func:`resume`; one that is off already (``gc.disable()`` by a host) stays off."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def wanted() -> bool:
    """Whether the collector is meant to run: it is on, or only :func:`pause` keeps it off."""
    return gc.isenabled() or _paused


def resume() -> None:
    """Turn back on a collector :func:`pause` turned off; leave one the host turned off alone."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
