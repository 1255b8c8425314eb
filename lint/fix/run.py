"""``check --fix`` and ``--diff``: apply the findings' fixes to the pages, in passes, atomically.

A fix is computed on the page as checked; after one pass edits a page, its
other fixes may no longer fit (two overlapping fixes, a fix that moved
text), so the page is checked again and the fixes of the new findings are
applied, until a pass changes nothing or :data:`MAX_PASSES` is reached.
``--diff`` makes the same passes and writes nothing: each is checked again
on the fixed text held in memory (:func:`lint.source.overlaid`), so the
diff is what ``--fix`` would write.
Only Markdown pages (Graph reference and platyPS help) are rewritten:
plain-text and HTML renderings are generated from them and reported only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from lint.diagnostic import Diagnostic
from lint.fix.apply import apply_fixes
from lint.fix.edit import Fix
from lint.lazy_pattern import lazy_compile
from lint.source import byte_order_mark, overlaid

#: Passes over a page before giving up: each pass fixes at least one finding, and overlaps are rare.
MAX_PASSES = 10

#: Checks the given pages again and returns their findings.
Recheck = Callable[[list[str]], list[Diagnostic]]


@dataclass
class _Page:
    """A page's bytes as read, split into what is kept verbatim (the BOM) and the decoded text."""

    bom: bytes
    encoding: str
    original: str
    text: str
    #: The file's bytes as last read or written: a page that no longer holds them changed under the run.
    on_disk: bytes


@dataclass
class FixOutcome:
    #: Each changed page: its text before and after.
    changed: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Fixes applied over all passes.
    applied: int = 0
    #: The findings after the last pass (of the text written, or with ``--diff`` of the text held in memory).
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Why each page that was to be fixed was left as it was (read-only, a link out of the project...): one line each.
    refused: list[str] = field(default_factory=list)


#: What no fix may write: C0 controls but tab and line ends, DEL, C1 controls (U+009B is a terminal's CSI).
_CONTROL = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def fixes_of(item: Diagnostic, unsafe: bool = False) -> list[Fix]:
    """The fixes a finding carries, its merged parts' included, that the run may apply.

    A fix that would write a control character is none: it copies English
    text that is damaged (found by the fuzzer: a note with a U+009B copied
    into the translation), and a fix must not spread damage to a page.
    """
    found: list[Fix] = []
    for candidate in (item, *item.parts):
        fix = candidate.fix
        if fix is not None and (fix.safe or unsafe) and fix not in found and not _writes_control(fix):
            found.append(fix)
    return found


def _writes_control(fix: Fix) -> bool:
    return any(_CONTROL.search(edit.new) for edit in fix.edits)


def fixable(item: Diagnostic, unsafe: bool = False) -> bool:
    """Whether ``--fix`` (safe fixes only, or with ``unsafe`` also unsafe ones) would repair the finding.

    The text report marks what plain ``--fix`` repairs, as ruff does.
    """
    return item.path.endswith(".md") and bool(fixes_of(item, unsafe))


def fix_pages(
    diagnostics: list[Diagnostic], recheck: Recheck, *, unsafe: bool, write: bool, root: Path | None = None
) -> FixOutcome:
    """Apply the fixes of ``diagnostics`` in passes, checking each changed page again after each pass.

    With ``write`` each changed page is replaced on disk (:mod:`lint.rewrite`,
    never through a link out of the project ``root``) before it is checked
    again; a page that must not be written is left as it was, its findings
    kept, and said in ``refused``. Without (``--diff``) nothing is written,
    and ``recheck`` reads the changed pages' fixed text from memory: it must
    check in this process.
    """
    pages: dict[str, _Page] = {}
    refused: set[str] = set()
    outcome = FixOutcome(diagnostics=list(diagnostics))
    for _ in range(MAX_PASSES):
        edited = _one_pass([item for item in outcome.diagnostics if item.path not in refused], pages, unsafe)
        if write:
            for path in list(edited):
                problem = _write(path, pages[path], root or Path.cwd())
                if problem is not None:
                    outcome.refused.append(problem)
                    refused.add(path)
                    pages[path].text = _decoded(pages[path])
                    del edited[path]
        if not edited:
            break
        outcome.applied += sum(edited.values())
        with _reading(pages, write):
            fresh = recheck(sorted(edited))
        outcome.diagnostics = sorted(
            [item for item in outcome.diagnostics if item.path not in edited] + fresh, key=Diagnostic.sort_key
        )
    outcome.changed = {path: (page.original, page.text) for path, page in pages.items() if page.text != page.original}
    return outcome


def _reading(pages: dict[str, _Page], write: bool) -> AbstractContextManager[None]:
    """Where the next check reads the changed pages: their files, or (nothing written) their fixed text."""
    if write:
        return nullcontext()
    return overlaid({path: _encoded(page) for path, page in pages.items() if page.text != page.original})


def _encoded(page: _Page) -> bytes:
    return page.bom + page.text.encode(page.encoding)


def _one_pass(diagnostics: Iterable[Diagnostic], pages: dict[str, _Page], unsafe: bool) -> dict[str, int]:
    """Apply what fits of every page's fixes to ``pages``; how many fixes each changed page took."""
    by_path: dict[str, list[Fix]] = {}
    for item in diagnostics:
        if item.path.endswith(".md"):
            for fix in fixes_of(item, unsafe):
                by_path.setdefault(item.path, []).append(fix)
    edited: dict[str, int] = {}
    for path, fixes in by_path.items():
        page = pages.get(path) or _read(Path(path))
        if page is None:
            continue
        pages[path] = page
        text, applied = apply_fixes(page.text, fixes)
        if applied and text != page.text:
            page.text = text
            edited[path] = applied
    return edited


def _read(path: Path) -> _Page | None:
    """The page's text; ``None`` for a page that does not decode cleanly (a fix must not re-encode damage)."""
    from lint.rewrite import PageWriteError, read_page

    try:
        data = read_page(str(path))
    except PageWriteError:
        return None
    bom, encoding = byte_order_mark(data)
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError:
        return None
    return _Page(bom, encoding, text, text, data)


def _decoded(page: _Page) -> str:
    """The text of the page as it is on disk (the fixes of a pass that was not written undone)."""
    return page.on_disk[len(page.bom) :].decode(page.encoding)


def _write(path: str, page: _Page, root: Path) -> str | None:
    """Replace the page on disk with its fixed text; why not, when it must not be (:mod:`lint.rewrite`)."""
    from lint.rewrite import PageUpdate, PageWriteError, replace_pages

    data = _encoded(page)
    try:
        replace_pages([PageUpdate(path, page.on_disk, data)], root)
    except PageWriteError as error:
        return f"{error}; its fixes were not applied"
    page.on_disk = data
    return None


def unified_diff(changed: dict[str, tuple[str, str]]) -> str:
    """What ``--diff`` prints: one unified diff per changed page, in path order."""
    import difflib

    from lint.fix.apply import split_keeping_ends

    parts = []
    for path in sorted(changed):
        before, after = changed[path]
        lines = difflib.unified_diff(
            split_keeping_ends(before), split_keeping_ends(after), fromfile=f"a/{path}", tofile=f"b/{path}"
        )
        parts.append("".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines))
    return "".join(parts)
