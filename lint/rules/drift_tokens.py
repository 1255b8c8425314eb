"""Token drift: what a bilingual segment must carry over from its embedded English unchanged.

A translated sentence changes its words, never its numbers, inline code,
URLs or link targets: `15` seconds stay `15`, `` `/app` `` stays `` `/app` ``.
Bilingual (``sxs-lookup``) pages embed the English of each segment, so the
segment is held against exactly the sentence it translates. Tolerated:
full-width digits and punctuation (compared after NFKC), link targets
localized with a locale segment (``/zh-cn/``), separators inside numbers
(``1,000``, ``1 000``, ``1,5``), 12-hour clock times written on a 24-hour
clock, digits where English wrote a number word ("eight", "fourth",
"January"), and small counts, ordinals and digits inside names written out
as words in the translation ("2 ways": "两种方式").

Names the do-not-translate list keeps (:mod:`lint.terms.catalogue`: the
page's parameter, header, property and enum names) are held as well where
English writes them without backticks ("set the displayName", "the
Authorization header"): "отключеноForGroup" for **disabledForGroup** is a
name no client sends. Words are words, though: a name that is one
lower-case word (``state``, ``id``) counts only as code, a capitalised one
(``Authorization``, ``Message``) only where "header" follows it, since
sentences, titles and link texts capitalise words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from lint.context import Context
from lint.fix.edit import Edit, Fix
from lint.lazy_pattern import lazy_compile
from lint.model import Page, Segment, Span
from lint.rules import Finding, Related, rule
from lint.rules.names import INLINE_CODE
from lint.terms.catalogue import english_catalogue
from lint.terms.identifiers import cell_name

_CODE = INLINE_CODE
_LINK = lazy_compile(r"\]\(\s*<?([^)\s>]+)")
_URL = lazy_compile(r"https?://[^\s)>\]\"'`]+")
_NUMBER = lazy_compile(r"\d+")
#: Thousands separators, which locales write differently (``1,000``, ``1 000``, ``1.000``):
#: dropped before comparing. ASCII and no-break spaces only, and before width folding,
#: so that a full-width list comma (``0-100，100``) still separates two numbers.
_GROUPED = lazy_compile(r"(?<=\d)[.,\u00a0\u202f' ](?=\d{3}(?!\d))")
#: A translation's possible thousands separator, full-width comma included: joined only
#: when English has the joined number, since ``0-100，100`` is a list, not 100100.
_MAYBE_GROUPED = lazy_compile(r"(?<!\d)\d{1,3}(?:[.,\uff0c\u00a0\u202f' ]\d{3})+(?!\d)")
#: Clock times: English writes ``2:00pm``, many locales ``14:00``.
_ENGLISH_TIME = lazy_compile(r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b\.?", re.IGNORECASE)
_PM = lazy_compile(r"\b(\d{1,2})(?::\d{2})?\s*(a|p)\.?m\b", re.IGNORECASE)
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_NUMBER_WORDS.update(
    (word, str(value))
    for value, word in enumerate(
        [
            "zeroth",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ]
    )
)
_NUMBER_WORDS.update(hundred="100", thousand="1000", million="1000000")
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
for _number, _month in enumerate(_MONTHS, start=1):
    _NUMBER_WORDS[_month] = _NUMBER_WORDS[_month[:3]] = str(_number)
_NUMBER_WORDS.pop("may")  # the verb far more often than the month
_NUMBER_WORDS["may"] = "5"
_WORD = lazy_compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
#: Ordinals ("3rd party") are words a translation writes its own way.
_ORDINAL = lazy_compile(r"\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
_LOCALE = lazy_compile(r"/[a-z]{2}-[a-z]{2,4}(?=/)", re.IGNORECASE)


def _target(text: str) -> str:
    return _LOCALE.sub("", text.rstrip("/.,;]")).lower()


def normalized(text: str) -> str:
    """Thousands separators dropped, then full-width forms folded (``１５`` is ``15``)."""
    return unicodedata.normalize("NFKC", _GROUPED.sub("", text))


def _normalized_translation(text: str, english: str) -> str:
    numbers = set(_NUMBER.findall(english))

    def join(match: re.Match[str]) -> str:
        joined = "".join(_NUMBER.findall(match.group(0)))
        return joined if joined in numbers else match.group(0)

    return unicodedata.normalize("NFKC", _MAYBE_GROUPED.sub(join, text))


def segment_tokens(text: str, *, english: bool = False) -> Counter[str]:
    """The tokens a translation keeps, each as ``kind:value``.

    Numbers are digit runs wherever they stand (``示例1``, ``base64``, ``8MB``);
    an English number word counts as its digits, since a translation may
    write `8` where English wrote "eight".
    """
    text = unicodedata.normalize("NFKC", text)  # idempotent; separators are the caller's (``normalized``)
    tokens: Counter[str] = Counter()
    for _, code in _CODE.findall(text):
        tokens[f"code:{code.strip()}"] += 1
    rest = _CODE.sub(" ", text)
    for target in _LINK.findall(rest):
        tokens[f"link:{_target(target)}"] += 1
    rest = _LINK.sub("](", rest)
    for url in _URL.findall(rest):
        tokens[f"link:{_target(url)}"] += 1
    rest = _URL.sub(" ", rest)
    # English number words count as their digits; a translation's ordinals (3rd) are words.
    spelled = _WORD.sub(lambda match: _NUMBER_WORDS[match.group(1).lower()], rest)
    rest = spelled if english else _ORDINAL.sub(" ", rest)
    for number in _NUMBER.findall(rest):
        tokens[f"number:{number}"] += 1
    return tokens


def _may_be_worded(source: str, token: str) -> bool:
    """A number a translation may write as a word: a small count ("2 ways": "两种方式",
    "двумя"), an ordinal (``3rd``), or digits inside a name (``21Vianet``: "世纪互联")."""
    if not token.startswith("number:"):
        return False
    value = token.split(":", 1)[1]
    if int(value) <= 12:
        return True
    return not re.search(rf"(?<![\d\w]){value}(?![\d\w])", source)


def _clock_numbers(source: str) -> set[str]:
    """The hours a 24-hour clock writes for the 12-hour times of ``source``."""
    found = set()
    for hour, half in _PM.findall(source):
        found |= {"number:0", "number:00"}
        value = int(hour) % 12 + (12 if half.lower() == "p" else 0)
        found |= {f"number:{value}", f"number:{value:02d}"}
    return found


_KINDS = {"code": "inline code", "link": "link target", "number": "number", "name": "identifier"}
#: A name as a sentence writes one: ``displayName``, ``If-Match``, ``$select``, ``@odata.type``.
_NAME = lazy_compile(r"(?<![A-Za-z0-9_@$.-])[@$]?[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*")


_CAPITALISED = lazy_compile(r"[A-Z][a-z]+")
_HEADER_WORD = lazy_compile(r"[*_]*\s+(?:request\s+|response\s+)?headers?\b")


def _prose(text: str) -> str:
    """``text`` without its inline code, link targets and URLs: the words a sentence writes."""
    return _URL.sub(" ", _LINK.sub("](", _CODE.sub(" ", text)))


def _plain_word(prose: str, match: re.Match[str]) -> bool:
    """Whether a capitalised name (``Authorization``, ``Message``) stands as an ordinary word here.

    Sentences, titles and link texts capitalise words ("Internet Message
    Format", "Authorization for APIs"); the header is named as such: "the
    Authorization header".
    """
    return bool(_CAPITALISED.fullmatch(match.group(0))) and not _HEADER_WORD.match(prose, match.end())


def lost_names(source: str, translation: str, names: frozenset[str]) -> list[str]:
    """The do-not-translate ``names`` the English sentence writes as words that the translation lacks.

    English may write `Authorization` without backticks; the translation
    must keep it all the same, as code or not. Case-sensitive, whole words
    (ASCII boundaries: ``displayName属性`` keeps ``displayName``).
    """
    prose = _prose(source)
    written = {
        match.group(0) for match in _NAME.finditer(prose) if match.group(0) in names and not _plain_word(prose, match)
    }
    if not written or cell_name(prose) in names:
        # A name alone (``x (deprecated)``) is a table's name cell: param-name-drift and header-drift judge it.
        return []
    return sorted(
        name for name in written if not re.search(rf"(?<![A-Za-z0-9_@$]){re.escape(name)}(?![A-Za-z0-9_])", translation)
    )


def _show(token: str) -> str:
    kind, value = token.split(":", 1)
    return f"{_KINDS[kind]} `{value}`"


def _position(segment: Segment, token: str) -> Span:
    """The token in the translated text: a bilingual segment's span starts at its ``<span data-ttu-id>`` tag."""
    value = token.split(":", 1)[1] if token else ""
    offset = segment.text.find(value)
    if offset < 0 or "\n" in segment.text[:offset]:
        offset = 0
    if segment.segment_id is not None:
        offset += len(f'<span data-ttu-id="{segment.segment_id}">')
    return Span(segment.span.path, segment.span.line, segment.span.column + offset, segment.span.line)


def _restore_code(segment: Segment) -> Fix | None:
    """The edits that put back each English inline code span the translation altered, or None.

    Spans pair by position when both sides have as many: each pair that
    differs must be an English span the translation lacks facing one the
    English lacks (a reordering is no alteration). Else, one span lost and
    one added pair with each other wherever they stand. Anything else (a
    dropped span, two candidates) is left to the translator. Only spans on
    the segment's first line and with the same backtick fence are edited.
    """
    if segment.segment_id is None or not segment.source:
        return None
    english = list(_CODE.finditer(segment.source))
    mine = list(_CODE.finditer(segment.text))
    if len(english) != len(mine) or not english:
        return None

    def key(match: re.Match[str]) -> str:
        return normalized(match.group(2)).strip()

    lost = Counter(map(key, english)) - Counter(map(key, mine))
    added = Counter(map(key, mine)) - Counter(map(key, english))
    if not lost:
        return None
    differing = [(have, want) for have, want in zip(mine, english, strict=True) if key(have) != key(want)]
    if all(key(have) in added and key(want) in lost for have, want in differing):
        pairs = differing
    elif sum(lost.values()) == sum(added.values()) == 1:
        pairs = [
            (next(have for have in mine if key(have) in added), next(want for want in english if key(want) in lost))
        ]
    else:
        return None
    start = segment.span.column + len(f'<span data-ttu-id="{segment.segment_id}">')
    edits = []
    for have, want in pairs:
        if have.group(1) != want.group(1) or "\n" in segment.text[: have.end()]:
            return None
        edits.append(Edit(segment.span.line, start + have.start(2), have.group(2), want.group(2)))
    return Fix(tuple(edits), safe=False)


@rule("DL612", scope="pair", severity="warning", tags=("drift", "translation"), fixable="unsafe")
def token_drift(page: Page, context: Context) -> Iterator[Finding]:
    """A bilingual segment's numbers, inline code, URLs, link targets or API names differ from its embedded English.

    Bad::

        <span class="sxs-lookup"><span class="stl">The current timeout value is 15 seconds.</span>
        当前超时值为 10 秒。</span>
        If the **disabledForGroup** property is set ...
        Если свойство **отключеноForGroup** ...

    Good::

        当前超时值为 15 秒。
        Если свойство **disabledForGroup** ...

    Fix (unsafe, ``--unsafe-fixes``: it edits translated prose): an inline
    code span the translation altered (`` `$筛选` `` for `` `$filter` ``) is
    restored from the English span at its place, when the two sides have as
    many spans and the pairing is unambiguous.
    """
    catalogue = english_catalogue(context)
    for segment in page.segments:
        if not segment.source:
            continue
        source = normalized(segment.source)
        text = _normalized_translation(segment.text, source)
        mine = set(segment_tokens(text))
        # A number English spells out (a count, a month) need not be written, but may be:
        # "one of" is no `1` to keep, "January 10" may become `1 月 10 日`. Sets, not counts:
        # a translation may repeat a value ("0 到 730（含 0 和 730）"). A 12-hour time may
        # become a 24-hour one ("2:00pm": "14:00"; "12:00AM": "0:00").
        untimed = _ENGLISH_TIME.sub(" ", source)
        strict = {token for token in segment_tokens(untimed) if not _may_be_worded(untimed, token)}
        allowed = set(segment_tokens(source, english=True)) | _clock_numbers(source)
        lost = sorted(strict - mine)
        if catalogue is not None:
            lost += [f"name:{name}" for name in lost_names(segment.source, text, catalogue.prose_names)]
        added = sorted(mine - allowed)
        if not lost and not added:
            continue
        parts = []
        if lost:
            parts.append("lacks " + ", ".join(_show(token) for token in lost))
        if added:
            parts.append("has " + ", ".join(_show(token) for token in added) + " that the English lacks")
        yield Finding(
            _position(segment, added[0] if added else ""),
            f"this segment {' and '.join(parts)}",
            related=(Related(segment.span, f'its English: "{" ".join(segment.source.split())[:160]}"'),),
            context=f"tokens {segment.segment_id or segment.source[:60]}",
            fix=_restore_code(segment) if any(token.startswith("code:") for token in lost) else None,
        )
