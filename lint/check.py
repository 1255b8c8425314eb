"""``doclint check``: choose files, run the engine, apply the baseline, report, exit.

Kept apart from the argument parser so that tests and other front ends
(the Sphinx site, the pre-commit hook) drive the same path.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from msgspec import Struct
from msgspec.structs import replace

from lint.baseline import BaselineEntry, apply_baseline, read_baseline, write_baseline
from lint.cache import CacheReport, check_files_cached
from lint.config import Config, load_config
from lint.diagnostic import Diagnostic
from lint.discover import PAGE_SUFFIXES, iter_pages
from lint.engine import PARALLEL_THRESHOLD
from lint.errors import ToolError
from lint.gc_pause import wanted
from lint.pair import translations
from lint.report import RunRecord, Summary, printable, writer_for
from lint.rules import SEVERITIES, all_rules
from lint.streams import discard_stdout

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class CheckOptions(Struct, frozen=True):
    paths: list[str]
    config_file: Path | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    translations: bool = True
    jobs: int | None = None
    format: str = "text"
    output: Path | None = None
    color: str = "auto"
    #: Counts per rule instead of the findings (text or json).
    statistics: bool = False
    #: One finding per defect (:mod:`lint.merge`); false shows every rule's finding (``--no-merge``).
    merge: bool = True
    #: API version -> CSDL file, overriding ``[tool.doclint] metadata``.
    metadata: dict[str, str] | None = None
    #: Findings only: no summary line, no notes on stderr.
    quiet: bool = False
    #: Config file, files checked and timing on stderr.
    verbose: bool = False
    #: ``--exclude`` replaces the config's ``exclude``; ``--extend-exclude`` adds to it.
    exclude: list[str] | None = None
    extend_exclude: list[str] | None = None
    #: ``GIT_DIR[:PREFIX]``, overriding ``[tool.doclint] source-history`` (and its prefix, when given).
    source_history: str | None = None
    #: ``--hide-inherited``: leave out what translations inherit from their English pages (or the config's key).
    hide_inherited: bool = False
    #: ``--group-by``: what ``--statistics`` counts each rule's findings by (severity or locale).
    group_by: str = "severity"
    #: ``--shard I/N`` as ``(I, N)``: check only this CI job's share of the pages (:mod:`lint.shard`).
    shard: tuple[int, int] | None = None
    #: A progress bar on a terminal's stderr for a long run (``--no-progress`` turns it off).
    progress: bool = True
    #: ``--no-cache`` makes it false: the result cache is neither read nor written (:mod:`lint.cache`).
    cache: bool = True
    #: ``--cache-dir``: this project's cache folder, overriding the ``cache-dir`` key and the user's cache.
    cache_dir: Path | None = None
    #: ``--fix``: apply the findings' safe fixes to the pages, then report what remains (:mod:`lint.fix`).
    fix: bool = False
    #: ``--diff``: print the fixes as a unified diff and write nothing.
    diff: bool = False
    #: ``--unsafe-fixes``: with ``--fix`` or ``--diff``, apply the fixes that touch translated prose too.
    unsafe_fixes: bool = False


class Selection(Struct, frozen=True):
    """The files to check, and which of them are translations brought in by their English page."""

    files: list[str]
    #: Run the pair (drift) rules alone; their findings count as warnings at most (see :func:`fails`).
    companions: frozenset[str] = frozenset()


def configure(options: CheckOptions) -> Config:
    """The configuration with the command line's overrides applied: what ``check`` and ``report`` both run with."""
    config = load_config(
        options.config_file,
        select=options.select,
        extend_ignore=options.ignore,
        exclude=options.exclude,
        extend_exclude=options.extend_exclude,
    )
    if options.metadata:
        cwd = Path.cwd()
        absolute = {version: str((cwd / path).resolve()) for version, path in options.metadata.items()}
        config = replace(config, metadata={**config.metadata, **absolute})
    if options.source_history is not None:
        config = _with_source_history(config, options.source_history)
    return config


def configured_roots(config: Config) -> list[str]:
    """The source and locales roots that exist, as paths relative to the working directory."""
    roots = [root for root in (config.source_root, config.locales_root) if (config.root / root).is_dir()]
    if not roots:
        raise ToolError(f"no PATH given and neither {config.source_root}/ nor {config.locales_root}/ exists")
    return [os.path.relpath(config.root / root) for root in roots]


def select_files(options: CheckOptions, config: Config) -> Selection:
    """Explicit files (plus the translations of English ones), or walked roots filtered by include/exclude.

    A translation that is not itself among the chosen files is a companion: it
    is there to show what the English change broke in it (drift), not to make
    an English-only commit answer for the translation's own defects.
    """
    if options.paths:
        for path in options.paths:
            # A dangling link or a link loop is the page's own one-line error, found when it is read.
            if not Path(path).exists() and not Path(path).is_symlink():
                raise ToolError(f"{path}: no such file or directory")
        explicit = [path for path in options.paths if not Path(path).is_dir()]
        walked = [page for path in options.paths if Path(path).is_dir() for page in _pages_under([path], config)]
        chosen = list(dict.fromkeys([*explicit, *walked]))
    else:
        # The configured roots hold every page, translations included: none can be a companion, and
        # looking each English page's translations up again cost a cached re-run a third of its time.
        return Selection(_pages_under(configured_roots(config), config))
    if not options.translations:
        return Selection(chosen)
    given = set(chosen)
    extra = [copy for path in chosen for copy in translations(path, config) if config.included(copy)]
    companions = [copy for copy in dict.fromkeys(extra) if copy not in given]
    return Selection([*chosen, *companions], frozenset(companions))


def fails(item: Diagnostic, fail_on: str, companions: frozenset[str]) -> bool:
    """Whether ``item`` fails the run at threshold ``fail_on`` (error, warning, info, never).

    A finding in a companion translation counts as a warning at most: it fails
    the run only when ``fail-on`` is ``warning`` or ``info``.
    """
    if fail_on == "never":
        return False
    order: list[str] = list(SEVERITIES)
    severity = item.severity
    if item.path in companions and severity == "error":
        severity = "warning"
    return order.index(severity) <= order.index(fail_on)


def _pages_under(directories: list[str], config: Config) -> list[str]:
    """The pages to check under ``directories``; none is an error, never an "All clear" about nothing.

    Each directory given as PATH must hold a page (a mistyped or empty one is a
    mistake, whatever the other PATHs hold); so must the configured roots
    together: a CI run that checks nothing is a misconfiguration, not a pass.
    The pre-commit hook is not affected: it always names files.
    """
    found = list(iter_pages(directories, config.symlink_root()))
    kept = [path for path in found if config.included(path)]
    if not kept:
        where = " and ".join(f"{directory.rstrip('/')}/" for directory in directories)
        if found:
            raise ToolError(
                f"no pages to check under {where}: all {len(found)} are left out by `include`/`exclude`"
                f" in {config.file or '[tool.doclint]'}"
            )
        raise ToolError(f"no pages found under {where} (pages are {', '.join(PAGE_SUFFIXES)} files)")
    return kept


def run_check(options: CheckOptions) -> int:
    """``doclint check``; the cyclic garbage collector pauses while a few pages are checked in this process.

    Start-up (every rule module, the parsers, the schema store) allocates a
    few hundred thousand objects that all live to the end of the run, and
    the collector's passes over them cost a one-file pre-commit check some
    2 ms. The garbage of a few pages is small. A check of many pages (in
    worker processes, which fork with the parent's collector state, or in
    this one) collects as usual.

    The ``doclint`` command paused the collector before its imports
    (:mod:`lint.gc_pause`) and exits when the check returns: it stays off,
    for turning it on would make the next allocation a pass over every
    object made since (26 ms for one translated page). A host that calls
    :func:`lint.cli.main` with its collector on (tests, a server) gets it
    back on when the check returns.
    """
    host_collecting = gc.isenabled()
    collecting = wanted()
    gc.disable()
    try:
        return _run_check(options, collecting)
    finally:
        if host_collecting:
            gc.enable()


def _run_check(options: CheckOptions, collecting: bool) -> int:
    if options.statistics and options.format not in ("text", "json"):
        raise ToolError(f"--statistics prints text or json; it cannot be combined with --format {options.format}")
    if options.group_by != "severity" and not options.statistics:
        raise ToolError("--group-by says how --statistics counts; give --statistics too")
    config = configure(options)
    if options.fail_on is not None:
        config = replace(config, fail_on=options.fail_on)
    selection = select_files(options, config)
    if options.shard is not None:
        whole = len(selection.files)
        selection = _in_shard(selection, config, options.shard)
        if not selection.files and not options.quiet:
            # More shards than groups of pages: not an error (the CI matrix is fixed), but worth a word.
            _note(f"shard {options.shard[0]}/{options.shard[1]} has no pages (the {whole} are in the other shards)")
    files = selection.files
    if collecting and len(files) >= PARALLEL_THRESHOLD:
        gc.enable()
    started = time.perf_counter()
    if options.verbose:
        _describe_run(config, selection, options)
    from lint.progress import progress_for

    cached = CacheReport()
    with progress_for(len(files), enabled=options.progress and not options.quiet) as progress:
        results = check_files_cached(
            files,
            config,
            options.jobs,
            pair_only=selection.companions,
            use_cache=options.cache,
            cache_dir=options.cache_dir,
            report=cached,
            on_result=progress,
        )
    errors = [result.error for result in results if result.error]
    for error in errors:  # each unreadable file is one line; the others are still checked and reported
        print(f"doclint: error: {printable(error)}", file=sys.stderr)
    diagnostics = sorted((item for result in results for item in result.diagnostics), key=Diagnostic.sort_key)
    if options.diff:  # as ruff: the diff alone, exit 1 when there is one
        return EXIT_FINDINGS if _print_diff(diagnostics, options, config, selection) else EXIT_OK
    refused: list[str] = []
    if options.fix:
        diagnostics, refused = _apply_fixes(diagnostics, options, config, selection)
        for problem in refused:  # a page --fix must not write (read-only, a link out of the project): one line each
            print(f"doclint: error: {printable(problem)}", file=sys.stderr)
    # A page doclint could not read or check (or --fix could not write) is no clean page: the run exits 2.
    broken = bool(errors or refused) or any(item.name == "internal-error" for item in diagnostics)
    if options.verbose:
        _note(f"checked {len(files)} files in {time.perf_counter() - started:.2f} s")
        if cached.directory is not None:
            _note(f"cache: {cached.reused} of {len(files)} results reused from {cached.directory}")
    covered = _coverage(config, selection)
    from lint.rules.schema import unavailable_note  # (already loaded with the rules)

    note = unavailable_note(diagnostics)  # a check that could not run is said once, not only per page
    if note and not options.quiet:
        print(note, file=sys.stderr)
    if options.write_baseline is not None:
        kept = write_baseline(options.write_baseline, diagnostics, covered)
        extra = f" (and kept {kept} entries of files not checked)" if kept else ""
        parts = sum(len(item.parts) or 1 for item in diagnostics)
        noun = "entry" if parts == 1 else "entries"
        merged = (
            f" ({len(diagnostics)} findings; a merged one is recorded rule by rule)"
            if parts != len(diagnostics)
            else ""
        )
        _note(f"wrote {parts} baseline {noun} to {options.write_baseline}{merged}{extra}")
        return EXIT_ERROR if broken else EXIT_OK
    hidden = 0
    if options.baseline is not None:
        diagnostics, hidden, unmatched = apply_baseline(diagnostics, read_baseline(options.baseline))
        fixed = [entry for entry in unmatched if covered(entry)]
        if fixed and not options.quiet:
            noun = "entry is" if len(fixed) == 1 else "entries are"
            _note(f"{len(fixed)} baseline {noun} fixed; rewrite the baseline with --write-baseline")
    hidden_inherited = 0
    if options.hide_inherited or config.hide_inherited:
        # After the baseline, so that a baseline entry of a hidden inherited finding does not look fixed.
        shown = [item for item in diagnostics if not item.inherited]
        hidden_inherited = len(diagnostics) - len(shown)
        diagnostics = shown
    companion_findings = sum(item.path in selection.companions for item in diagnostics)
    _report(
        diagnostics,
        options,
        Summary(
            files=len(files),
            hidden_by_baseline=hidden,
            quiet=options.quiet,
            companion_findings=companion_findings,
            hidden_inherited=hidden_inherited,
            unreadable=len(errors),
            run=_run_record(options, config, selection, errors, broken, hidden, hidden_inherited),
        ),
    )
    if broken:
        return EXIT_ERROR
    if options.exit_zero:
        return EXIT_OK
    failing = any(fails(item, config.fail_on, selection.companions) for item in diagnostics)
    return EXIT_FINDINGS if failing else EXIT_OK


def _counted(applied: int, changed: dict[str, tuple[str, str]]) -> str:
    """``5 findings in 1 file``."""
    findings = "finding" if applied == 1 else "findings"
    files = "file" if len(changed) == 1 else "files"
    return f"{applied} {findings} in {len(changed)} {files}"


def _print_diff(diagnostics: list[Diagnostic], options: CheckOptions, config: Config, selection: Selection) -> bool:
    """``--diff``: print what ``--fix`` would change, all its passes, and write nothing; whether there is a change."""
    from lint.fix.run import fix_pages, unified_diff

    def recheck(paths: list[str]) -> list[Diagnostic]:
        # In this process (the fixed text is in its memory only), without the result cache (no file holds it).
        results = check_files_cached(paths, config, 1, pair_only=selection.companions, use_cache=False)
        return [item for result in results for item in result.diagnostics]

    outcome = fix_pages(diagnostics, recheck, unsafe=options.unsafe_fixes, write=False)
    sys.stdout.write(unified_diff(outcome.changed))
    if not options.quiet:
        _note(f"would fix {_counted(outcome.applied, outcome.changed)}" if outcome.changed else "nothing to fix")
    return bool(outcome.changed)


def _apply_fixes(
    diagnostics: list[Diagnostic], options: CheckOptions, config: Config, selection: Selection
) -> tuple[list[Diagnostic], list[str]]:
    """``--fix``: write the fixed pages; the findings that remain, and why each page left unwritten was."""
    from lint.fix.run import fix_pages

    def recheck(paths: list[str]) -> list[Diagnostic]:
        results = check_files_cached(
            paths, config, options.jobs, pair_only=selection.companions, use_cache=False, cache_dir=options.cache_dir
        )
        return [item for result in results for item in result.diagnostics]

    outcome = fix_pages(diagnostics, recheck, unsafe=options.unsafe_fixes, write=True, root=config.root)
    if not options.quiet and outcome.changed:
        _note(f"fixed {_counted(outcome.applied, outcome.changed)}")
    return outcome.diagnostics, outcome.refused


def _in_shard(selection: Selection, config: Config, shard: tuple[int, int]) -> Selection:
    """The part of ``selection`` that is shard ``shard``'s: whole groups of an English page and its translations."""
    from lint.shard import in_shard

    files = in_shard(selection.files, config, shard)
    return Selection(files, frozenset(path for path in files if path in selection.companions))


def _run_record(
    options: CheckOptions,
    config: Config,
    selection: Selection,
    errors: list[str],
    broken: bool,
    hidden: int,
    hidden_inherited: int,
) -> RunRecord | None:
    """What ``doclint merge`` needs, for the reports that carry it (SARIF; JSON with ``--shard``); else None.

    Made only for those: the fingerprint hashes, and a one-file text check should not pay for that.
    """
    if options.statistics or not (options.format == "sarif" or (options.format == "json" and options.shard)):
        return None
    from lint import __version__
    from lint.fingerprint import file_digest, run_fingerprint

    shaping = {
        "translations": options.translations,
        "merge": options.merge,
        "hide_inherited": options.hide_inherited,
        "baseline": file_digest(options.baseline) if options.baseline is not None else None,
    }
    return RunRecord(
        version=__version__,
        fingerprint=run_fingerprint(config, options.paths, shaping),
        fail_on=config.fail_on,
        exit_zero=options.exit_zero,
        shard=options.shard,
        files=len(selection.files),
        hidden_by_baseline=hidden,
        hidden_inherited=hidden_inherited,
        errors=tuple(sorted(errors)),
        broken=broken,
        companions=selection.companions,
    )


def _with_source_history(config: Config, value: str) -> Config:
    """``--source-history GIT_DIR[:PREFIX]`` in place of the config's; a wrong one is an error naming the option."""
    from lint.history import check_git_dir, parse_history_option

    directory, prefix = parse_history_option(value)
    git_dir = check_git_dir(Path.cwd() / directory, f"--source-history {value}")
    return replace(
        config,
        source_history=str(git_dir),
        source_history_prefix=prefix if prefix is not None else config.source_history_prefix,
    )


def _coverage(config: Config, selection: Selection) -> Callable[[BaselineEntry], bool]:
    """Whether this run could have reproduced a baseline entry: its file was checked by its rule.

    A rule left out (``--select``, ``--ignore``, ``per-path-ignores``) did not
    run, and a companion translation ran the pair rules only: the entries of
    rules that did not run are neither fixed nor to be dropped.
    """
    checked = {config.relative(path) for path in selection.files if path not in selection.companions}
    companions = {config.relative(path) for path in selection.companions}
    pair_codes = {rule.code for rule in all_rules() if rule.scope == "pair"}

    def covered(entry: BaselineEntry) -> bool:
        path = config.relative(entry.path)
        if entry.code not in config.enabled or entry.code in config.ignored_codes(path):
            return False
        return path in checked or (path in companions and entry.code in pair_codes)

    return covered


def _note(message: str) -> None:
    print(f"doclint: {message}", file=sys.stderr)


def _describe_run(config: Config, selection: Selection, options: CheckOptions) -> None:
    """``--verbose``: where the configuration came from and what will be checked, on stderr."""
    _note(f"config: {config.file if config.file is not None else 'none found (defaults)'}")
    _note(f"project root: {config.root}")
    for path in selection.files:
        _note(
            f"file: {path}"
            + (" (translation of a given English page: drift rules only)" if path in selection.companions else "")
        )
    jobs = options.jobs if options.jobs is not None else (os.cpu_count() or 1)
    where = f"{jobs} worker processes" if jobs > 1 and len(selection.files) >= PARALLEL_THRESHOLD else "this process"
    _note(f"{len(selection.files)} files, {len(config.enabled)} rules enabled, checked in {where}")
    from lint.history import locate_history

    history = locate_history(config)
    if history is not None:
        how = "given" if history.explicit else "detected around source-root"
        _note(f"English history: {history.git_dir}, prefix `{history.prefix}` ({how})")


def _report(diagnostics: list[Diagnostic], options: CheckOptions, summary: Summary) -> None:
    if not options.merge:
        # After the baseline: a merged finding is recorded and hidden by its leader's fingerprint.
        from lint.merge import unmerge

        diagnostics = unmerge(diagnostics)
    write = writer_for(options.format)
    if options.statistics:
        from functools import partial

        from lint.report.statistics import write_json, write_text

        write = partial(write_json if options.format == "json" else write_text, group_by=options.group_by)
    if options.output is not None:
        from lint.atomic import replace_file

        try:  # a CI step reading the report never sees half of it, nor a kill leaves one
            replace_file(Path(options.output), lambda stream: write(diagnostics, stream, summary))
        except OSError as error:
            raise ToolError(f"{options.output}: cannot write: {error.strerror or error}") from error
        return
    color = options.color == "always" or (
        options.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    try:
        write(diagnostics, sys.stdout, replace(summary, color=color))
        sys.stdout.flush()  # a closed pipe shows here, not in the exit-time flush
    except BrokenPipeError:
        # The reader (``| head``) has all it wanted; the exit status still tells the findings.
        discard_stdout()
