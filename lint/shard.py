"""``--shard I/N``: this CI job's share of the pages, the same on every runner.

A docs tree in forty languages outgrows one runner; a CI matrix runs N jobs,
each with ``--shard I/N``, and ``doclint merge`` combines their reports. So:

- the unit of work is an English page with its translations (a *group*):
  the pair rules compare a translation with its English page, and a worker
  that holds both parses the English page once, not once per shard;
- every page lands in exactly one shard whatever order the files were found
  in: groups are keyed by the English page's path relative to the project
  root, never by position in a list or by the runner's working directory;
- shards are balanced by bytes, the best cheap guess at work: the largest
  groups first, each to the shard with the fewest bytes so far (ties to the
  lowest number). Every runner computes this from the same tree and the same
  arguments, so every runner agrees on it without talking to the others.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from lint.config import Config
from lint.pair import english_source, missing_source


def parse_shard(value: str) -> tuple[int, int]:
    """``"2/3"`` -> ``(2, 3)``; anything else is a :class:`ValueError` saying what is expected."""
    index_text, sep, count_text = value.strip().partition("/")
    try:
        index, count = int(index_text), int(count_text)
    except ValueError:
        index = count = 0
        sep = ""
    if not sep:
        raise ValueError(f"`{value}` is not I/N (this job's number and the number of jobs, e.g. 2/3)")
    if count < 1 or not 1 <= index <= count:
        raise ValueError(f"`{value}`: I must be from 1 to N, and N at least 1 (e.g. 1/3, 2/3, 3/3)")
    return index, count


def group_key(path: str, config: Config) -> str:
    """The English page ``path`` belongs with, relative to the project root: what keeps a group together.

    A translation goes with its English page (``locales/ru-RU/x.md`` and
    ``locales/es-ES/x.txt`` with ``docs_src/x.md``), even one whose English page
    is missing (with the path that page would have); any other page is its own.
    """
    source = english_source(path, config) or missing_source(path, config) or path
    return _project_relative(source, config)


def _project_relative(path: str, config: Config) -> str:
    return os.path.relpath(os.path.abspath(path), config.root).replace(os.sep, "/")


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # an unreadable file is still some shard's to report


def shard_of(paths: Sequence[str], config: Config, count: int) -> dict[str, int]:
    """Each path's shard (1 to ``count``): groups kept whole, the largest groups placed first."""
    groups: dict[str, list[str]] = {}
    for path in paths:
        groups.setdefault(group_key(path, config), []).append(path)
    sizes = {key: sum(_size(path) for path in members) for key, members in groups.items()}
    loads = [0] * count
    assigned: dict[str, int] = {}
    for key in sorted(groups, key=lambda key: (-sizes[key], key)):
        lightest = min(range(count), key=lambda number: (loads[number], number))
        loads[lightest] += sizes[key]
        for path in groups[key]:
            assigned[path] = lightest + 1
    return assigned


def in_shard(paths: Sequence[str], config: Config, shard: tuple[int, int]) -> list[str]:
    """The paths of shard ``shard`` (``(I, N)``), in their given order."""
    index, count = shard
    assigned = shard_of(paths, config, count)
    return [path for path in paths if assigned[path] == index]
