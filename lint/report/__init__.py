"""One reporter per output format; each is ``write(diagnostics, stream, summary)``."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from importlib import import_module
from typing import TextIO

import msgspec
from msgspec import Struct

from lint.diagnostic import Diagnostic
from lint.lazy_pattern import lazy_compile

FORMATS = ("text", "full", "json", "sarif", "github")


class RunRecord(Struct, frozen=True):
    """What ``doclint merge`` needs of a run beyond its findings, written into JSON (``--shard``) and SARIF.

    With it, shards' reports combine into the report, the summary and the exit
    status an unsharded run would give, and reports that cannot be combined
    (another doclint version, another configuration) are told apart.
    """

    version: str
    #: :func:`lint.fingerprint.run_fingerprint`: the configuration and the options that shape the findings.
    fingerprint: str
    #: The effective ``fail-on`` and ``--exit-zero``: what the exit status is computed with.
    fail_on: str
    exit_zero: bool
    #: ``(I, N)`` of ``--shard I/N``; None for a whole run.
    shard: tuple[int, int] | None
    files: int
    hidden_by_baseline: int
    hidden_inherited: int
    #: One line per file that could not be read (``unreadable`` of :class:`Summary`), sorted.
    errors: tuple[str, ...]
    #: A page doclint could not check (an internal error): the run exits 2 whatever its findings.
    broken: bool
    #: Translations brought in for their English page (drift rules only): their errors count as warnings.
    companions: frozenset[str] = frozenset()

    def data(self) -> dict[str, object]:
        """The record as written into a report (companions are marked on their findings instead)."""
        data: dict[str, object] = {
            "version": self.version,
            "fingerprint": self.fingerprint,
            "fail_on": self.fail_on,
            "exit_zero": self.exit_zero,
        }
        if self.shard is not None:
            data["shard"] = f"{self.shard[0]}/{self.shard[1]}"
        data.update(
            files=self.files,
            hidden_by_baseline=self.hidden_by_baseline,
            hidden_inherited=self.hidden_inherited,
            errors=list(self.errors),
            broken=self.broken,
        )
        return data


class Summary(Struct, frozen=True):
    files: int
    hidden_by_baseline: int = 0
    color: bool = False
    #: ``--quiet``: the findings only, no summary line.
    quiet: bool = False
    #: Findings in translations brought in by their English page (drift rules only).
    companion_findings: int = 0
    #: Findings inherited from English pages left out by ``--hide-inherited``.
    hidden_inherited: int = 0
    #: Files that could not or must not be read (each named on stderr): no "All clear" covers them.
    unreadable: int = 0
    #: For the formats that carry it (JSON with ``--shard``, SARIF): what ``doclint merge`` needs.
    run: RunRecord | None = None


#: What a report must never emit raw: C0 and C1 controls but the tab (a newline in a file name would
#: start a forged report line, ESC a terminal command), DEL, line and paragraph separators, bidi
#: overrides and isolates (text shown in another order than it is), and lone surrogates (from a
#: ``\\ud800`` escape in a page's JSON or an undecodable file name), which no UTF-8 stream can write.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = lazy_compile("[\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` safe to print: each unsafe character shown as its escape (ESC as the four characters ``\\x1b``)."""
    return _UNSAFE.sub(_escaped, text)


def json_text(data: object) -> str:
    """``data`` as indented JSON that is valid UTF-8 whatever its strings hold.

    JSON escapes control characters itself; a lone surrogate it would copy
    raw, which no UTF-8 writer accepts, so each becomes the text of its
    escape (``\\ud800``, six characters), as the text reports show it.
    """
    try:
        # msgspec writes the same text as ``json.dumps(indent=2)`` for these reports (no floats in
        # exponent form), about seven times faster: 0.2 s of a cached re-run of 8,316 pages.
        return msgspec.json.format(msgspec.json.encode(data), indent=2).decode()
    except UnicodeEncodeError:
        pass  # a lone surrogate, which msgspec will not write: json.dumps copies it, to be escaped below
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _SURROGATE.sub(lambda match: f"\\\\u{ord(match.group()):04x}", text)


Writer = Callable[[list[Diagnostic], TextIO, Summary], None]


def writer_for(name: str) -> Writer:
    module = import_module(f"lint.report.{name}_report")
    write: Writer = module.write
    return write


def summary_line(diagnostics: list[Diagnostic], summary: Summary) -> str:
    """The last line of a report: "All clear ..." or the findings counted by severity and file."""
    files = f"{summary.files} file" + ("" if summary.files == 1 else "s")
    hidden = f"; {summary.hidden_by_baseline} hidden by the baseline" if summary.hidden_by_baseline else ""
    if summary.hidden_inherited:
        hidden += f"; {summary.hidden_inherited} inherited from English pages hidden"
    if summary.unreadable:
        hidden += f"; {summary.unreadable} not read (see the errors above)"
    if not diagnostics:
        if summary.unreadable:
            return f"No findings in {files}{hidden}."
        return f"All clear: no findings in {files}{hidden}."
    counts = Counter(item.severity for item in diagnostics)
    parts = [
        f"{counts[level]} {_plural(level, counts[level])}" for level in ("error", "warning", "info") if counts[level]
    ]
    affected = len({item.path for item in diagnostics})
    noun = "finding" if len(diagnostics) == 1 else "findings"
    drift = (
        f"; {summary.companion_findings} in translations checked for drift only" if summary.companion_findings else ""
    )
    from lint.fix.run import fixable

    repairable = sum(fixable(item) for item in diagnostics)
    # As ruff says of its hidden fixes: what only --unsafe-fixes would repair is counted apart.
    unsafe = sum(fixable(item, unsafe=True) and not fixable(item) for item in diagnostics)
    fix = f" {repairable} fixable with --fix." if repairable else ""
    if unsafe:
        fix = (
            f" {repairable} fixable with --fix; {unsafe} more with --fix --unsafe-fixes."
            if repairable
            else (f" {unsafe} fixable with --fix --unsafe-fixes.")
        )
    return f"Found {len(diagnostics)} {noun} ({', '.join(parts)}) in {affected} of {files}{hidden}{drift}.{fix}"


def _plural(level: str, count: int) -> str:
    return level if count == 1 or level == "info" else level + "s"
