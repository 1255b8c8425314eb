"""Run the rules over pages: select, pair, check, stamp, suppress, sort.

The engine is the only place that knows about configuration, severities,
inline suppressions and fingerprints; rules only yield findings. It reads
each file once, through the parsers; rules see the model only.

Many files go to worker processes (the per-page work is CPU-bound Python),
an English page and its translations together (:mod:`lint.schedule`); a few
run in-process so that a pre-commit run on one file pays no pool start-up.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import suppress

from msgspec import Struct
from msgspec.structs import replace

from lint.config import Config
from lint.context import Context
from lint.diagnostic import Diagnostic, RelatedLocation, identity
from lint.errors import ToolError
from lint.inherit import english_findings, forget_english_findings, mark_inherited
from lint.merge import absorb_into_drift, merge
from lint.model import Page, Span
from lint.pair import english_source, missing_source, rest_page
from lint.parse.detect import detect_format, parse_source
from lint.rules import Finding, Rule, all_rules, find_rule
from lint.source import Source, SourceError, is_overlaid, read_source
from lint.suppress import read_suppressions

#: Below this many files, checking in-process beats starting workers.
PARALLEL_THRESHOLD = 24


class FileResult(Struct, frozen=True):
    path: str
    diagnostics: tuple[Diagnostic, ...]
    error: str | None = None


def check_files(
    paths: Sequence[str],
    config: Config,
    jobs: int | None = None,
    *,
    pair_only: Collection[str] = (),
    on_result: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Check each path; results in the order of ``paths``. Paths in ``pair_only`` run the pair rules alone.

    ``on_result`` is called in this process with each file's result as it
    arrives (in completion order, which with workers is not that of ``paths``).
    """
    flags = [path in pair_only for path in paths]
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if len(paths) < PARALLEL_THRESHOLD:
        results = []
        for path, flag in zip(paths, flags, strict=True):
            result = _check_file_task((path, flag), config, share=True)
            if on_result is not None:
                on_result(result)
            results.append(result)
        return results
    from lint.schedule import group_by_english

    groups = group_by_english(paths, config)
    if workers > 1:
        return _check_in_workers(paths, flags, groups, config, workers, on_result)
    # One process, many files: group by group too, forgetting each group's English page after
    # it (in the order of the paths, every English page waited for its last locale: 290 MB).
    slots: list[FileResult | None] = [None] * len(paths)
    for group in groups:
        for index in group:
            result = _check_file_task((paths[index], flags[index]), config, share=True)
            slots[index] = result
            if on_result is not None:
                on_result(result)
        _forget_english_pages()
    return _filled(slots)


def _filled(slots: list[FileResult | None]) -> list[FileResult]:
    results = [result for result in slots if result is not None]
    assert len(results) == len(slots), "a file was left unchecked"
    return results


def _check_in_workers(
    paths: Sequence[str],
    flags: Sequence[bool],
    groups: list[list[int]],
    config: Config,
    workers: int,
    on_result: Callable[[FileResult], None] | None,
) -> list[FileResult]:
    """The files' results, computed by worker processes one group (an English page and its translations) at a time.

    A group goes whole to one worker, so that worker parses the English page
    once for all its translations (with files handed out one by one, each
    worker parsed it again for each translation it drew: 3,435 extra parses of
    8,316 pages with 2 workers).
    """
    # Imported here: multiprocessing costs a one-file pre-commit run time it never uses.
    from functools import partial

    from lint.schedule import batches_of
    from lint.workers import stream_in_workers

    _load_before_fork(paths, config)
    batches = batches_of(groups, _sizes(paths), workers)
    work = [[(index, paths[index], flags[index]) for group in batch for index in group] for batch in batches]
    slots: list[FileResult | None] = [None] * len(paths)
    # One task per batch (a batch's English pages are forgotten when it is done).
    for _, [done] in stream_in_workers(partial(_check_group_task, config=config), [[part] for part in work], workers):
        for index, result in done:
            slots[index] = result
            if on_result is not None:
                on_result(result)
    return _filled(slots)


def _load_before_fork(paths: Sequence[str], config: Config) -> None:
    """Load the rules and the schema stores the run will use, so that forked workers share them.

    Otherwise each worker reads the same operations index again. The
    versions are guessed from the paths: a wrong guess costs time here,
    never a finding.
    """
    from lint.schemas.store import store_for

    all_rules()
    for version in ("v1.0", "beta"):
        if not any(f"/{version}/" in path.replace(os.sep, "/") for path in paths):
            continue
        store = store_for(config, version)
        if store is None:
            continue
        with suppress(KeyError, ValueError):  # the index is read whatever "/" resolves to
            store.resolve("GET", "/")
        # Not the types' shards: decoding them all here raised the largest process's peak from
        # 158 to 213 MB on the four-locale corpus for no CPU saved; workers decode what they meet.


def _sizes(paths: Sequence[str]) -> list[int]:
    """Each file's size in bytes (0 when it cannot be read): the cost estimate batches are balanced on."""
    sizes = []
    for path in paths:
        try:
            sizes.append(os.stat(path).st_size)
        except OSError:
            sizes.append(0)
    return sizes


def _check_group_task(items: Sequence[tuple[int, str, bool]], config: Config) -> list[tuple[int, FileResult]]:
    """The results of a batch of groups, each tagged with its file's index in the run.

    Its English pages are forgotten afterwards: no other batch asks for them,
    and a worker that kept every English page of the run would hold the whole
    English tree in memory by the end.
    """
    results = [(index, _check_file_task((path, flag), config, share=True)) for index, path, flag in items]
    _forget_english_pages()
    return results


def _check_file_task(item: tuple[str, bool], config: Config, *, share: bool = False) -> FileResult:
    """One file's result; ``item`` is the path and whether only the pair rules run on it.

    Never raises for a page's sake: a file that cannot be read is the result's
    ``error`` (one line), and a parser or check that fails becomes the page's
    ``internal-error`` finding, so one odd page never stops the run or hides
    the findings of the others. A :class:`ToolError` (the environment) still does.

    With ``share``, a page that has no English page of its own (perhaps it is
    one) is kept for the translations checked after it in this process, so
    that their pair rules do not parse it again.
    """
    path, pair_only = item
    stamp = _stamp_of(os.path.realpath(path)) if share else None
    try:
        source = read_source(path, root=config.symlink_root(), max_size=config.max_file_size)
    except SourceError as error:
        return FileResult(path, (), str(error))
    try:
        page = parse_source(source, config.formats)
    except Exception as error:
        if _debugging():
            raise
        return FileResult(path, (_internal_error(path, f"the {_parser_name(source, config)} failed", error, config),))
    if share and stamp is not None and english_source(path, config) is None:
        # Perhaps an English page whose translations follow in this batch: they use this parse.
        _ENGLISH_PAGES[_english_key(path, config)] = (stamp, page)
    try:
        return FileResult(path, tuple(check_page(page, config, pair_only=pair_only)))
    except ToolError:
        raise
    except Exception as error:
        if _debugging():
            raise
        return FileResult(path, (_internal_error(path, "checking the page failed", error, config),))


#: Set by ``--debug`` (inherited by worker processes): a failing parser or rule raises, with its traceback.
DEBUG_ENVIRONMENT = "DOCLINT_DEBUG"


def _debugging() -> bool:
    return os.environ.get(DEBUG_ENVIRONMENT) == "1"


def _parser_name(source: Source, config: Config) -> str:
    try:
        name = detect_format(source.path, source.text, config.formats)
    except Exception:
        return "format detection"
    return f"{name} parser"


def _parse(path: str, config: Config) -> Page:
    return parse_source(read_source(path, root=config.symlink_root(), max_size=config.max_file_size), config.formats)


def one_line(error: BaseException) -> str:
    """``Type: message`` on one line and of bounded length, whatever the exception carries."""
    text = " ".join(str(error).split())
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _internal_finding(page_path: str, what: str, error: BaseException) -> Finding:
    return Finding(Span(page_path, 1, 1, 1), f"{what}: {one_line(error)}", context=f"{what}: {type(error).__name__}")


def _internal_error(path: str, what: str, error: BaseException, config: Config) -> Diagnostic:
    """The one ``internal-error`` diagnostic of a page that could not be checked at all."""
    return _stamp([(_internal_rule(), _internal_finding(path, what, error))], config)[0]


def _internal_rule() -> Rule:
    rule = find_rule("internal-error")
    assert rule is not None  # registered in lint.rules.input
    return rule


#: Parsed English pages by (resolved path, path as shown, formats): the file's
#: (mtime_ns, size) when it was read, and the page (``None`` when unreadable).
_ENGLISH_PAGES: dict[tuple[str, str, tuple[tuple[str, str], ...]], tuple[tuple[int, int] | None, Page | None]] = {}


def _english_page(path: str, config: Config) -> Page | None:
    """English sources are shared by many translations: parse each once per process while it is unchanged.

    Keyed by the resolved path, not the path as given (relative to the working
    directory): one process may check trees in several directories (tests, a
    long-lived server), where one relative path names different files. The
    file's modification time and size tell an edited page, which is read
    again; the path as given stays in the key because the page's spans show it.
    """
    stamp = _stamp_of(os.path.realpath(path))
    key = _english_key(path, config)
    cached = _ENGLISH_PAGES.get(key)
    if cached is not None and cached[0] == stamp and stamp is not None:
        return cached[1]
    try:
        page: Page | None = _parse(path, config)
    except SourceError:
        page = None
    _ENGLISH_PAGES[key] = (stamp, page)
    return page


def _english_key(path: str, config: Config) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return (os.path.realpath(path), path, tuple(sorted(config.formats.items())))


def _stamp_of(resolved: str) -> tuple[int, int] | None:
    """A file's (mtime_ns, size), taken before it is read: an edit after that makes the stamp stale, never the page.

    None for a page read from overlaid text (``--diff``): the file's stamp
    does not tell that text, so its parse is neither reused nor kept.
    """
    if is_overlaid(resolved):
        return None
    try:
        status = os.stat(resolved)
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


def _forget_english_pages() -> None:
    _ENGLISH_PAGES.clear()
    forget_english_findings()


def context_for(page: Page, config: Config) -> Context:
    source = english_source(page.path, config)
    english = _english_page(source, config) if source else None
    history = None
    if english is not None and "ms.sourcegitcommit" in page.front_matter:
        from lint.history import history_for  # git and subprocess: only for a translation naming its source commit

        history = history_for(config)
    rest = None
    cmdlet = page.cmdlet
    if cmdlet is not None and cmdlet.operation_method and cmdlet.operation_path:
        rest_path = rest_page(cmdlet.operation_method, cmdlet.operation_path, page.version, config)
        rest = _english_page(rest_path, config) if rest_path else None
    return Context(
        config=config,
        english=english,
        rest=rest,
        history=history,
        # missing_source looks for the English page again: only a page without one needs it.
        missing_english=missing_source(page.path, config) if source is None else None,
    )


def applicable_rules(page: Page, config: Config) -> list[Rule]:
    ignored = config.ignored_codes(page.path)
    return [
        rule
        for rule in all_rules()
        if rule.code in config.enabled
        and rule.code not in ignored
        and (not rule.formats or page.format in rule.formats)
    ]


def check_page(
    page: Page, config: Config, context: Context | None = None, *, pair_only: bool = False
) -> list[Diagnostic]:
    """All diagnostics of one page, suppressions applied, one finding per defect (:mod:`lint.merge`), sorted.

    ``pair_only`` runs the pair (drift) rules alone: a translation brought in only
    because its English page changed is asked what the change broke, not for its
    own defects, which belong to the translation's commits.
    """
    context = context or context_for(page, config)
    stamped: list[tuple[Rule, Finding]] = []
    for rule in applicable_rules(page, config):
        # Pair rules need another page to hold this one against, or the knowledge that it lacks one.
        if rule.scope == "pair" and context.english is None and context.rest is None and not context.missing_english:
            continue
        if pair_only and rule.scope != "pair":
            continue
        stamped.extend(_run(rule, page, context))
    stamped = _hedge_unknown_source(stamped)
    suppressions = read_suppressions(page)
    kept = [
        (rule, finding)
        for rule, finding in stamped
        if rule.name == "internal-error" or not suppressions.suppresses(rule.code, finding.span.line)
    ]
    inherited: set[int] = set()
    english_defects: set[tuple[str, int, str]] = set()
    if context.english is not None and not pair_only:
        # Before the merge: a copied defect is matched rule by rule, as the English page reports it.
        fired = [rule for rule, _ in kept if rule.scope == "page"]
        english_found = _english_findings(context.english, config, fired)
        kept, inherited = mark_inherited(page, kept, context.english, english_found)
        english_defects = {(finding.span.path, finding.span.line, rule.code) for rule, finding in english_found}
    unused_rule = find_rule("unused-suppression")
    # With the page rules not run, a directive that silences one of them only looks unused.
    if unused_rule is not None and not pair_only and config.rule_enabled(unused_rule, page.path):
        for problem in suppressions.problems(unused_rule.code):
            kept.append((unused_rule, Finding(problem.span, problem.message, context=problem.context)))
    return absorb_into_drift(merge(_stamp(kept, config, page.locale, inherited)), english_defects)


#: Said on a translation's drift when the English history does not know the commit it was made from.
UNKNOWN_SOURCE_NOTE = (
    "the English history does not know the commit this translation was made from, so the English page may be"
    " the older side"
)


def _hedge_unknown_source(stamped: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """Drift findings on a page whose source commit is unknown (``source-unknown``) say that English may be older.

    Such a translation may have been made from an English text newer than the
    one on disk (a translation repository ahead of its English checkout): a
    difference is then the English page's to catch up with, and a reviewer must
    not be told the translation is wrong. The identity (baseline fingerprint)
    stays the finding's own.
    """
    if not any(rule.name == "source-unknown" for rule, _ in stamped):
        return stamped
    hedged = []
    for rule, finding in stamped:
        if rule.scope == "pair" and "drift" in rule.tags and "staleness" not in rule.tags:
            finding = replace(
                finding,
                message=f"{finding.message} ({UNKNOWN_SOURCE_NOTE})",
                context=finding.context if finding.context is not None else finding.message,
            )
        hedged.append((rule, finding))
    return hedged


def _run(rule: Rule, page: Page, context: Context) -> list[tuple[Rule, Finding]]:
    """The rule's findings; a rule that fails leaves the page's ``internal-error`` finding naming it instead.

    The other rules still run on the page: one bug hides no other finding.
    """
    try:
        return [(rule, finding) for finding in rule.check(page, context)]
    except ToolError:
        raise  # the environment (a damaged schema store), not a bug in the rule
    except Exception as error:
        if _debugging():
            raise
        return [(_internal_rule(), _internal_finding(page.path, f"rule {rule.code} {rule.name} failed", error))]


def _english_findings(english: Page, config: Config, rules: Iterable[Rule]) -> list[tuple[Rule, Finding]]:
    """What the English page reports of its own for ``rules`` (page rules, its suppressions applied).

    What a translation may inherit; each rule runs once per English page and
    configuration per process (:func:`lint.inherit.english_findings`).
    """
    applicable = {rule.code for rule in applicable_rules(english, config) if rule.scope == "page"}
    wanted = sorted({rule.code: rule for rule in rules if rule.code in applicable}.values(), key=lambda rule: rule.code)

    def compute(rule: Rule) -> list[Finding]:
        suppressions = read_suppressions(english)
        return [
            finding
            for origin, finding in _run(rule, english, Context(config=config))
            # A rule failing on the English page is that page's internal error, not the translation's to inherit.
            if origin is rule and not suppressions.suppresses(rule.code, finding.span.line)
        ]

    return english_findings(english, repr(config), wanted, compute)


def _stamp(
    findings: Iterable[tuple[Rule, Finding]], config: Config, locale: str = "", inherited: Collection[int] = ()
) -> list[Diagnostic]:
    """Diagnostics in order; an inherited finding (its id in ``inherited``) is info whatever the configuration."""
    occurrences: Counter[tuple[str, str, str]] = Counter()
    diagnostics = []
    ordered = sorted(
        findings, key=lambda pair: (pair[1].span.path, pair[1].span.line, pair[1].span.column, pair[0].code)
    )
    for rule, finding in ordered:
        span = finding.span
        context = finding.context if finding.context is not None else finding.message
        key = (rule.code, span.path, context)
        occurrence = occurrences[key]
        occurrences[key] += 1
        diagnostics.append(
            Diagnostic(
                code=rule.code,
                name=rule.name,
                severity="info" if id(finding) in inherited else config.severity(rule, finding.severity),
                path=span.path,
                line=span.line,
                column=span.column,
                end_line=span.end_line,
                message=finding.message,
                related=tuple(
                    RelatedLocation(item.span.path, item.span.line, item.span.column, item.span.end_line, item.message)
                    for item in finding.related
                ),
                identity=identity(rule.code, config.relative(span.path), context, occurrence),
                locale=locale,
                inherited=id(finding) in inherited,
                fix=finding.fix,
            )
        )
    return diagnostics
