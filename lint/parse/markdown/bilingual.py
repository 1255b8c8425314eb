"""Read the bilingual markup of machine-translated Graph pages.

The localization pipeline writes each translated sentence as
``<span data-ttu-id="x">译文</span><span class="sxs-lookup"><span
data-stu-id="x">English</span></span>``. Readers see the translation; the
English is what a reviewer compares it with. Both are kept, and no markup may
leak into either.
"""

from __future__ import annotations

import re

from msgspec import Struct

# Patterns of bilingual pages, compiled on first use (re's cache): most pages are not bilingual.
# Linear: a segment's text and source never run past the next segment's opening span
# (a pair with no lookup is not matched against a later pair's), and ids are bounded,
# so a line of openers without their lookups is not rescanned to its end from each one.
_NOT_AN_OPENER = r"(?:[^<]++|<(?!span\s+data-ttu-id=))"  # runs without "<" whole: text ends at a "<"
_PAIR = (
    r'(?s)<span\s+data-ttu-id="(?P<id>[^"]{0,200})"\s*>(?P<text>' + _NOT_AN_OPENER + r"*?)</span>\s*"
    r'<span\s+class="sxs-lookup"\s*>\s*<span\s+data-stu-id="[^"]{0,200}"\s*>'
    r"(?P<source>" + _NOT_AN_OPENER + r"*?)</span>\s*</span>"
)
_STRAY_SPAN = r"</?span\b[^>]*>"
_ANCHOR = re.compile(r'<a\s+(?:name|id)\s*=\s*"(?P<name>[^"]*)"\s*>\s*</a>\s*')


#: The same patterns for other readers of the markup (the site shows the translation, the English on hover).
PAIR_PATTERN, STRAY_SPAN_PATTERN, ANCHOR_PATTERN = _PAIR, _STRAY_SPAN, _ANCHOR


class Pair(Struct, frozen=True):
    """One translated sentence and its English source, at an offset in the raw text."""

    segment_id: str
    text: str
    source: str
    start: int


class Despanned(Struct, frozen=True):
    text: str
    #: The English, when the raw text held bilingual markup; else ``None``.
    source: str | None
    pairs: tuple[Pair, ...]


def despan(raw: str) -> Despanned:
    """Split bilingual markup into the visible text and the English source.

    Text between pairs (spaces, punctuation, untranslated words) belongs to
    both versions.
    """
    if "<span" not in raw:
        return Despanned(raw, None, ())
    pairs = tuple(
        Pair(match.group("id"), _clean(match.group("text")), _clean(match.group("source")), match.start())
        for match in re.finditer(_PAIR, raw)
    )
    if not pairs:
        return Despanned(_clean(raw), None, ())
    visible = _clean(re.sub(_PAIR, lambda match: match.group("text"), raw))
    source = _clean(re.sub(_PAIR, lambda match: match.group("source"), raw))
    return Despanned(visible, source, pairs)


def _clean(text: str) -> str:
    return re.sub(_STRAY_SPAN, "", text)


def split_anchor(raw: str) -> tuple[str | None, str]:
    """``<a name="response"></a>Отклик`` -> (``response``, ``Отклик``)."""
    match = _ANCHOR.search(raw)
    if not match:
        return None, raw
    return match.group("name"), raw[: match.start()] + raw[match.end() :]
