"""``doclint report``: select and check as ``doclint check`` does, build the review, write it.

The selection, configuration and checking are :mod:`lint.check`'s and
:mod:`lint.engine`'s own (:class:`~lint.check.CheckOptions`,
:func:`~lint.check.select_files`, :func:`~lint.engine.check_files`), so a
report shows exactly the findings ``check`` would, under the same options.
A report is a view, not a gate: findings never change its exit status.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TextIO

from msgspec import Struct

from lint.atomic import replace_file
from lint.cache import check_files_cached
from lint.check import EXIT_ERROR, EXIT_OK, CheckOptions, configure, select_files
from lint.config import Config
from lint.diagnostic import Diagnostic
from lint.errors import ToolError
from lint.report import printable
from lint.review.data import HISTORY_RULE, Review, build_review, known_locales, locale_of
from lint.rules import find_rule

FORMATS = ("text", "json", "html")

Writer = Callable[[Review, TextIO], None]


class ReportOptions(Struct, frozen=True):
    #: Which files, which rules, which config: as for ``doclint check``.
    check: CheckOptions
    format: str = "text"
    #: Only these locales (``--locale``); ``None`` for all.
    locales: list[str] | None = None
    output: Path | None = None


def run_report(options: ReportOptions) -> int:
    """Write the review; 0 whatever the findings, tool errors raise :class:`ToolError` (exit 2)."""
    if options.format not in FORMATS:
        raise ToolError(f"--format {options.format}: a report is one of {', '.join(FORMATS)}")
    review, broken = _reviewed(options)
    write: Writer = import_module(f"lint.review.{options.format}").write
    if options.output is None:
        write(review, sys.stdout)
    else:
        write_atomically(options.output, lambda stream: write(review, stream))
    # A file that could not be read or checked is said on stderr and exits 2, as for check.
    return EXIT_ERROR if broken else EXIT_OK


def review_for(options: ReportOptions) -> Review:
    """Select, check and review as ``doclint report`` does: the data the site's dashboard is built on too."""
    return _reviewed(options)[0]


def _reviewed(options: ReportOptions) -> tuple[Review, bool]:
    """The review, and whether a file could not be read or checked (the report still covers the rest)."""
    config = configure(options.check)
    selection = select_files(options.check, config)
    _check_locales(options.locales, selection.files, config)
    wanted = set(options.locales) if options.locales else None
    # Only translations are reviewed: the English pages count for coverage, their own findings are check's.
    translated = [
        path
        for path in selection.files
        if (locale := locale_of(path, config)) is not None and (wanted is None or locale in wanted)
    ]
    results = check_files_cached(
        translated, config, options.check.jobs, use_cache=options.check.cache, cache_dir=options.check.cache_dir
    )
    errors = [result.error for result in results if result.error]
    for error in errors:  # as check does: each unreadable file one line, the others still reviewed
        print(f"doclint: error: {printable(error)}", file=sys.stderr)
    diagnostics = sorted((item for result in results for item in result.diagnostics), key=Diagnostic.sort_key)
    broken = bool(errors) or any(item.name == "internal-error" for item in diagnostics)
    review = build_review(
        selection.files, diagnostics, config, locales=wanted, staleness_judged=_staleness_judged(config)
    )
    return review, broken


def _check_locales(locales: list[str] | None, files: list[str], config: Config) -> None:
    """A ``--locale`` that names no locale folder and no selected page is a mistake, not an empty report."""
    if not locales:
        return
    present = set(known_locales(config))
    present.update(locale for path in files if (locale := locale_of(path, config)) is not None)
    unknown = [locale for locale in locales if locale not in present]
    if unknown:
        have = ", ".join(sorted(present)) or "none"
        raise ToolError(f"--locale {', '.join(unknown)}: no such locale under {config.locales_root}/ (have: {have})")


def _staleness_judged(config: Config) -> bool:
    """Whether "no staleness finding" means fresh: the rule on the English history runs, with a history given.

    A history doclint only detected (the work tree around ``source-root``) is
    silent about commits it lacks, so its silence cannot be called fresh.
    """
    rule = find_rule(HISTORY_RULE)
    return rule is not None and rule.code in config.enabled and bool(config.source_history)


def write_atomically(path: Path, render: Callable[[TextIO], None]) -> None:
    """Write through a temporary file in the same folder, then rename: a reader never sees half a report.

    A failed write (a full disk, an error while rendering) leaves the previous
    report in place and no temporary file behind.
    """
    try:
        replace_file(path, render)
    except OSError as error:
        raise ToolError(f"{path}: cannot write: {error.strerror or error}") from error
