"""The result cache: a re-run checks only what changed since the last run.

Each file's result (its findings, or why it could not be read) is stored
with everything it depends on (:mod:`lint.cache.results` lists those) and
reused while all of them are unchanged, so a run over an unchanged tree
does little more than ``lstat`` its files. Where it lives:
:mod:`lint.cache.location`; its files: :mod:`lint.cache.store`.

A one-file pre-commit check uses it too: measured on ru-RU call-reject,
a hit saves more than the lookup costs (the run key stats doclint's own
files, hashing uses ``_blake2``, not OpenSSL through ``hashlib``, and the
English history is only located when a page names a commit).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from lint.cache.location import cache_disabled, project_cache_dir
from lint.config import Config
from lint.engine import FileResult, check_files


class CacheReport:
    """What the cache did in a run, for ``--verbose``."""

    def __init__(self, directory: Path | None = None, reused: int = 0, seconds: float = 0.0) -> None:
        self.directory = directory
        self.reused = reused
        self.seconds = seconds


def check_files_cached(
    paths: Sequence[str],
    config: Config,
    jobs: int | None = None,
    *,
    pair_only: Collection[str] = (),
    use_cache: bool = True,
    cache_dir: Path | None = None,
    report: CacheReport | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """:func:`lint.engine.check_files`, with the results of unchanged files taken from the cache.

    ``use_cache`` false (``--no-cache``) or ``DOCLINT_NO_CACHE=1`` neither reads nor writes it.
    ``on_result`` sees every file's result as it is known, reused ones first.
    """
    if not use_cache or cache_disabled():
        return check_files(paths, config, jobs, pair_only=pair_only, on_result=on_result)
    from lint.cache.results import check_with_cache

    started = time.perf_counter()
    directory = project_cache_dir(config, cache_dir)
    results, reused = check_with_cache(
        paths, config, jobs, pair_only=pair_only, project_dir=directory, on_result=on_result
    )
    if report is not None:
        report.directory, report.reused, report.seconds = directory, reused, time.perf_counter() - started
    return results
