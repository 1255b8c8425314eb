"""One defect, one finding: fold what several rules report on the same token at the same place.

A translated parameter name (`причиной` for `reason`) breaks the table
against the examples (DL201) and the API's schema (DL505) at once; two
findings on one cell make one defect look like two. The engine calls
:func:`merge` on a page's findings after suppressions, so it knows nothing
about any rule:

- Findings merge when they stand at the same place (path, line, column)
  and name the same token: the first ``code span`` of their message, the
  convention every rule follows ("body parameter `причиной` ...",
  "`причиной` is not a parameter ..."). A finding without one never merges,
  and neither do two findings of the same rule.
- The finding that explains best leads (:func:`clarity`): a drift finding
  that shows the English line, then one that says what was meant (the English page's line, or the intended identifier),
  then the more severe, then the one with more related places; the rule
  code breaks ties. Its message ends with
  ``(also: DL505)``, its related places gain the others' (without
  repeats), its severity is the highest of the parts, and its identity (the
  baseline fingerprint) stays the leader's, so baselines keep matching.
- Suppressions apply before the merge: suppressing the leading rule on a
  line lets the next one lead; nothing is dropped unseen.
- A drift finding on a request line absorbs (:func:`absorb_into_drift`,
  which the engine calls after the merge, knowing the English page's own
  findings) the page rules' findings at the same place whose token stands,
  as a whole, inside one of its code spans: `POST /applications/{id}/calls/{id}/reject` differs from English
  (DL602) and, in it, `/applications/{id}/calls/{id}/reject` repeats `{id}`
  (DL103); the example `POST /app/calls/{id}/reject` differs from English
  and uses the deprecated `/app` (DL104). Restoring the English line repairs
  both, so they are one defect ("(also: DL103)"). An inherited finding is
  not absorbed, nor one whose rule reports the English line the drift
  finding cites: English has that defect too, so the drift is not its cause.
- Inherited findings (:mod:`lint.inherit`) are marked before the merge, rule
  by rule: a finding the translation owns leads a merge over one it copied
  from English, and the merged finding is inherited only if every part is
  (``--hide-inherited`` never hides a defect of the translation's own).

``parts`` keeps every original finding, so ``--no-merge`` (:func:`unmerge`)
shows them all again exactly as the rules reported them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from msgspec.structs import replace

from lint.diagnostic import Diagnostic
from lint.rules import SEVERITIES, find_rule

_TOKEN = re.compile(r"`([^`]+)`")


def token_of(diagnostic: Diagnostic) -> str | None:
    """What a finding is about: the first code span of its message."""
    match = _TOKEN.search(diagnostic.message)
    return match.group(1) if match else None


def clarity(diagnostic: Diagnostic) -> tuple[int, int, int, int]:
    """How well a finding explains the defect; the highest leads a merged finding.

    First, whether a drift rule set the translation against its English line
    ("`причиной` should be `reason` as in docs_src/...:46"): that is the
    explanation a translator acts on, where a page rule only sees that the
    name is wrong. Then whether it says what was meant: it points at the English page
    (the English parameter, header or status) or names another identifier
    besides its token ("the examples send `reason`"); a bare "`причиной` is
    wrong" explains less. Then severity, which says what blocks; then the
    number of related places, which show more of the contradiction.
    """
    shows_english = any(related.path != diagnostic.path for related in diagnostic.related)
    names_meant = len(set(_TOKEN.findall(diagnostic.message))) > 1
    severity = len(SEVERITIES) - SEVERITIES.index(diagnostic.severity)
    rule = find_rule(diagnostic.code)
    drift = rule is not None and rule.scope == "pair" and shows_english
    return (int(drift), int(shows_english or names_meant), severity, len(diagnostic.related))


def merge(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The findings with those on the same token at the same place folded into one, in order."""
    groups: dict[tuple[str, int, int, str], list[Diagnostic]] = {}
    result: list[Diagnostic] = []
    for item in diagnostics:
        token = token_of(item)
        if token is None:
            result.append(item)
            continue
        groups.setdefault((item.path, item.line, item.column, token), []).append(item)
    for group in groups.values():
        while group:
            # One finding per rule joins a merge; a rule's second finding here stands alone.
            by_code: dict[str, Diagnostic] = {}
            for item in group:
                by_code.setdefault(item.code, item)
            chosen = list(by_code.values())
            group = [item for item in group if all(item is not other for other in chosen)]
            result.append(_fold(chosen) if len(chosen) > 1 else chosen[0])
    return sorted(result, key=Diagnostic.sort_key)


def absorb_into_drift(
    diagnostics: Iterable[Diagnostic], english_defects: Collection[tuple[str, int, str]] = frozenset()
) -> list[Diagnostic]:
    """Each drift finding with the page rules' findings it explains folded in (see the module's docstring).

    ``english_defects`` holds (path, line, code) of the English page's own
    findings: a page rule's finding is not absorbed when the English line
    the drift finding cites has the same rule's finding, since restoring
    that line would keep the defect (`{id|name}` twice in both workbook paths).
    """
    by_place: dict[tuple[str, int, int], list[Diagnostic]] = {}
    for item in diagnostics:
        by_place.setdefault((item.path, item.line, item.column), []).append(item)
    result: list[Diagnostic] = []
    for group in by_place.values():
        if len(group) == 1:
            result.extend(group)
            continue
        for drift in [item for item in group if _is_drift(item)]:
            spans = _TOKEN.findall(drift.message)
            parts = list(drift.parts or (drift,))
            english = {(place.path, place.line) for place in drift.related if place.path != drift.path}
            absorbed = [
                item
                for item in group
                if item is not drift
                and not item.inherited
                and not _is_drift(item)
                and _within(token_of(item), spans)
                and not {part.code for part in item.parts or (item,)} & {part.code for part in parts}
                and not any((path, line, item.code) in english_defects for path, line in english)
            ]
            if absorbed:
                group = [item for item in group if item is not drift and all(item is not other for other in absorbed)]
                group.append(_fold([*parts, *(part for item in absorbed for part in item.parts or (item,))]))
        result.extend(group)
    return sorted(result, key=Diagnostic.sort_key)


def _is_drift(diagnostic: Diagnostic) -> bool:
    rule = find_rule(diagnostic.code)
    return rule is not None and rule.scope == "pair" and not diagnostic.inherited


def _within(token: str | None, spans: list[str]) -> bool:
    """Whether ``token`` stands in one of ``spans`` as a whole (``/app`` in ``POST /app/calls``, not in ``/apps``)."""
    if not token:
        return False
    whole = re.compile(rf"(?<![\w-]){re.escape(token)}(?![\w-])")
    return any(whole.search(span) for span in spans)


def _fold(parts: list[Diagnostic]) -> Diagnostic:
    lead = max(parts, key=lambda item: (not item.inherited, clarity(item), [-ord(char) for char in item.code]))
    others = [item for item in parts if item is not lead]
    codes = tuple(sorted(item.code for item in others))
    related = list(lead.related)
    seen = {(item.path, item.line, item.column) for item in related}
    for item in others:
        for place in item.related:
            if (place.path, place.line, place.column) not in seen:
                seen.add((place.path, place.line, place.column))
                related.append(place)
    severity = min((item.severity for item in parts), key=SEVERITIES.index)
    return replace(
        lead,
        severity=severity,
        message=f"{lead.message} (also: {', '.join(codes)})",
        related=tuple(related),
        also=codes,
        parts=(lead, *others),
        inherited=all(item.inherited for item in parts),
    )


def unmerge(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Every finding as its rule reported it (``--no-merge``), in order."""
    return sorted((part for item in diagnostics for part in (item.parts or (item,))), key=Diagnostic.sort_key)


__all__ = ["absorb_into_drift", "clarity", "merge", "token_of", "unmerge"]
