"""Which files go together to a worker: an English page with its translations, in balanced batches.

A translation's pair rules need its English page parsed; a worker that has
the English page and all its translations parses it once. Groups are never
split, and batches are handed out biggest first, so that the last batches,
the ones that decide when a run ends, are small.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from lint.config import Config
from lint.pair import english_source

#: Batches per worker: more balance the load's end better, fewer cost less hand-over.
BATCHES_PER_WORKER = 16


def group_by_english(paths: Sequence[str], config: Config) -> list[list[int]]:
    """Indexes of ``paths`` grouped by the English page they are or translate, the English page first.

    A page without an English page (an English page with no translation in the
    run, an orphan translation, cmdlet help) is a group of its own, or joins
    the other translations of the same missing page. Groups come in the order
    of their first file.
    """
    groups: dict[str, list[int]] = {}
    english_first: dict[str, int] = {}
    for index, path in enumerate(paths):
        source = english_source(path, config)
        key = os.path.normcase(os.path.abspath(source if source is not None else path))
        groups.setdefault(key, []).append(index)
        if source is None and key not in english_first:
            english_first[key] = index
    ordered = []
    for key, members in groups.items():
        first = english_first.get(key)
        if first is not None and members[0] != first:
            members = [first, *(index for index in members if index != first)]
        ordered.append(members)
    return ordered


def batches_of(groups: list[list[int]], sizes: Sequence[int], workers: int) -> list[list[list[int]]]:
    """Groups gathered into about ``workers * BATCHES_PER_WORKER`` batches of similar weight, heaviest first.

    A group weighs the bytes of its files. Groups go heaviest first into the
    current batch until it reaches the target weight; a group heavier than
    the target is a batch alone.
    """
    weights = [sum(sizes[index] for index in group) + 1 for group in groups]
    target = sum(weights) / max(1, workers * BATCHES_PER_WORKER)
    batches: list[list[list[int]]] = []
    current: list[list[int]] = []
    load = 0
    for position in sorted(range(len(groups)), key=lambda position: -weights[position]):
        current.append(groups[position])
        load += weights[position]
        if load >= target:
            batches.append(current)
            current, load = [], 0
    if current:
        batches.append(current)
    return batches
