"""Inherited defects: a translation that repeats its English page's defect is told to fix it there.

A translation copies its English page's code blocks, tables and paths, and
with them their defects: the ``{id}/.../{id}`` path of duplicate-path-parameter,
a Response prose status the examples contradict, a wrong ``Content-Length``.
Reported at full severity on every translation, one English defect becomes
one finding per locale (thousands in the Graph docs), none of which a
translator can fix for good: the English page is where it is fixed, and the
translations follow. So the engine runs the page rules on the English page
too, and a translation's finding that matches an English finding of the same
rule becomes an info finding "inherited from docs_src/...:N; fix it there",
with the English finding as a related place; ``--hide-inherited`` drops those.

A match must be precise; a false "inherited" hides a translator's own defect,
so a doubtful case stays the translation's own finding:

1. same rule, same line-free identity context (:func:`lint.diagnostic.identity`
   normalizes line numbers), and the same aligned place (:func:`place_of`:
   the section's role and ordinal, the code block or table's ordinal in it,
   the line or row inside it);
2. else, when a context occurs once on each side still unmatched, the same
   context in the same area: a table of the same role, else a section of the
   same role (the translation's structure may differ elsewhere: a section it
   lacks shifts every ordinal after it);
3. else, for a context that holds translated text (a placeholder or a JSON
   string value translated), the same aligned place and the same words around
   one run that holds non-ASCII text on the translation's side and none on the
   English side.

Only page-scope rules inherit; pair (drift) rules compare the two pages and
are the translation's own by nature.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lint.diagnostic import normalized_context
from lint.lazy_pattern import lazy_compile
from lint.model import Page, Span
from lint.rules import Finding, Related, Rule

#: What a finding stands in, in a language-independent form: (area, section role,
#: its ordinal among sections of that role, element kind, the element's ordinal in
#: its section, the line or row inside the element). The area is the table's role
#: for a finding in a table (a plain-text rendering may lack the table's heading),
#: else the section's role.
Place = tuple[str, str, int, str, int, int | None]

_WORD = lazy_compile(r"\S+")
_NON_ASCII = lazy_compile(r"[^\x00-\x7f]")

#: Findings of the page rules on each English page, per process: (page, config key, findings by rule code).
#: The page itself is kept so that a key is only trusted for that very object.
_ENGLISH_FINDINGS: dict[str, tuple[Page, str, dict[str, list[tuple[Rule, Finding]]]]] = {}


def english_findings(
    english: Page, config_key: str, rules: Sequence[Rule], compute: Callable[[Rule], list[Finding]]
) -> list[tuple[Rule, Finding]]:
    """The English page's findings of ``rules``, each rule run once per English page (and configuration) per process.

    Many translations share one English page; the engine hands every one of them
    the same parsed :class:`Page` object, so each rule runs on it once. Only the
    rules that reported something on the translation are asked for: a defect is
    inherited rule by rule, so the English page's other findings could match
    nothing (a one-file pre-commit check of a translation pays for those alone).
    """
    cached = _ENGLISH_FINDINGS.get(english.path)
    if cached is None or cached[0] is not english or cached[1] != config_key:
        cached = (english, config_key, {})
        _ENGLISH_FINDINGS[english.path] = cached
    by_rule = cached[2]
    found: list[tuple[Rule, Finding]] = []
    for rule in rules:
        if rule.code not in by_rule:
            by_rule[rule.code] = [(rule, finding) for finding in compute(rule)]
        found.extend(by_rule[rule.code])
    return found


def forget_english_findings() -> None:
    """Drop the findings kept for English pages (a worker done with a batch of groups needs none of them)."""
    _ENGLISH_FINDINGS.clear()


def mark_inherited(
    page: Page,
    findings: Sequence[tuple[Rule, Finding]],
    english: Page,
    english_found: Sequence[tuple[Rule, Finding]],
) -> tuple[list[tuple[Rule, Finding]], set[int]]:
    """The translation's findings with the inherited ones rewritten, and the ids of those rewritten.

    A rewritten finding keeps its identity context (so baselines keep matching),
    says where the English defect is, and gains it as a related place.
    """
    matches = match_findings(page, findings, english, english_found)
    result: list[tuple[Rule, Finding]] = []
    inherited: set[int] = set()
    for index, (rule, finding) in enumerate(findings):
        source = matches.get(index)
        if source is None or rule.scope != "page":
            result.append((rule, finding))
            continue
        where = f"{source.span.path}:{source.span.line}"
        rewritten = Finding(
            finding.span,
            f"{finding.message} (inherited from {where}; fix it there)",
            related=(*finding.related, Related(source.span, "the English page has the same defect")),
            context=finding.context if finding.context is not None else finding.message,
            severity="info",
        )
        inherited.add(id(rewritten))
        result.append((rule, rewritten))
    return result, inherited


def match_findings(
    page: Page,
    findings: Sequence[tuple[Rule, Finding]],
    english: Page,
    english_found: Sequence[tuple[Rule, Finding]],
) -> dict[int, Finding]:
    """Index of each translation finding that repeats an English finding -> that English finding."""
    mine = [
        (index, rule.code, _context(finding), place_of(page, finding.span))
        for index, (rule, finding) in enumerate(findings)
        if rule.scope == "page" and finding.span.path == page.path
    ]
    theirs = [
        (index, rule.code, _context(finding), place_of(english, finding.span))
        for index, (rule, finding) in enumerate(english_found)
        if rule.scope == "page" and finding.span.path == english.path
    ]
    matched: dict[int, int] = {}
    taken: set[int] = set()

    def take(mine_index: int, english_index: int) -> None:
        matched[mine_index] = english_index
        taken.add(english_index)

    # 1. Same rule, same context, same place.
    for index, code, context, place in mine:
        for other, other_code, other_context, other_place in theirs:
            if other not in taken and (code, context, place) == (other_code, other_context, other_place):
                take(index, other)
                break
    # 2. A context each side has once (still unmatched), in the same area.
    left = [item for item in mine if item[0] not in matched]
    right = [item for item in theirs if item[0] not in taken]
    for index, code, context, place in left:
        same = [item for item in left if item[1:3] == (code, context)]
        candidates = [item for item in right if item[1:3] == (code, context)]
        if len(same) == 1 and len(candidates) == 1 and candidates[0][3][0] == place[0]:
            take(index, candidates[0][0])
    # 3. Translated text in the context: the same place and the same words apart from the translated ones.
    for index, code, context, place in mine:
        if index in matched or not _NON_ASCII.search(context):
            continue
        for other, other_code, other_context, other_place in theirs:
            if (
                other not in taken
                and (code, place) == (other_code, other_place)
                and not _NON_ASCII.search(other_context)
                and _same_but_translated(context, other_context)
            ):
                take(index, other)
                break
    return {index: english_found[other][1] for index, other in matched.items()}


def _context(finding: Finding) -> str:
    return normalized_context(finding.context if finding.context is not None else finding.message)


def _same_but_translated(translated: str, english: str) -> bool:
    """Equal word for word but for one run of words that ``translated`` holds translated text in.

    A translated placeholder or string value may take more or fewer words than
    the English (and, in a Latin script, some ASCII ones); the words around it
    must agree, in order.
    """
    mine = _WORD.findall(translated)
    theirs = _WORD.findall(english)
    start = 0
    while start < min(len(mine), len(theirs)) and mine[start] == theirs[start]:
        start += 1
    end = 0
    while end < min(len(mine), len(theirs)) - start and mine[-1 - end] == theirs[-1 - end]:
        end += 1
    middle = mine[start : len(mine) - end]
    english_middle = theirs[start : len(theirs) - end]
    # What differs must hold translated text on the translation's side, and words on the English side.
    return bool(english_middle) and any(_NON_ASCII.search(word) for word in middle)


def place_of(page: Page, span: Span) -> Place:
    """Where ``span`` stands in the page's structure, comparable between a translation and its English page."""
    line = span.line
    section = None
    for candidate in page.sections:
        if candidate.span.line <= line:
            section = candidate
        else:
            break
    role = section.role if section is not None else ""
    role_ordinal = (
        sum(1 for other in page.sections if other.role == role and other.span.line < section.span.line)
        if section is not None
        else 0
    )
    start = section.span.line if section is not None else 0
    for block_ordinal, (first, last) in enumerate(block for block in _blocks(page) if start <= block[0]):
        if first <= line <= last:
            return (role, role, role_ordinal, "code", block_ordinal, line - first)
        if first > line:
            break
    for table_ordinal, table in enumerate(t for t in page.tables if start <= t.span.line):
        if table.span.line <= line <= max(table.span.line, table.span.end_line):
            rows = [index for index, row in enumerate(table.rows) if row.span.line <= line <= row.span.end_line]
            return (table.role, role, role_ordinal, "table", table_ordinal, rows[0] if rows else -1)
        if table.span.line > line:
            break
    return (role, role, role_ordinal, "prose", 0, None)


def _blocks(page: Page) -> list[tuple[int, int]]:
    """The first and last line of every code block, HTTP message and JSON example, outermost only, in order."""
    spans = [block.span for block in page.code_blocks]
    spans += [request.block or request.span for request in page.requests]
    spans += [response.block or response.span for response in page.responses]
    spans += [example.span for example in page.json_examples]
    result: list[tuple[int, int]] = []
    for first, last in sorted((span.line, max(span.line, span.end_line)) for span in spans):
        if result and first <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], last))
        else:
            result.append((first, last))
    return result


__all__ = ["english_findings", "mark_inherited", "match_findings", "place_of"]
