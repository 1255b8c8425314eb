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
- Inherited findings (:mod:`lint.inherit`) are marked before the merge, rule
  by rule: a finding the translation owns leads a merge over one it copied
  from English, and the merged finding is inherited only if every part is
  (``--hide-inherited`` never hides a defect of the translation's own).

``parts`` keeps every original finding, so ``--no-merge`` (:func:`unmerge`)
shows them all again exactly as the rules reported them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


__all__ = ["clarity", "merge", "token_of", "unmerge"]
