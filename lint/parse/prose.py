"""Find HTTP status codes stated in prose.

Pages say what an operation returns in words (``returns a `202 Accepted`
response code``) as well as in examples; the two drift apart, so both are
extracted. Only a code followed by its standard reason phrase counts, with or
without backticks, so that numbers such as ``15 seconds`` or ``256 chars``
are never taken for statuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from http import HTTPStatus
from typing import Literal

from lint.lazy_pattern import lazy_compile

_PHRASE_OF = {status.value: status.phrase for status in HTTPStatus if 100 <= status.value < 600}

#: A three-digit number standing alone, then spaces; its reason phrase is
#: compared as text after it. (One alternation of all sixty phrases cost more
#: to compile, at every start, than most pages take to check.)
_STATUS_NUMBER = re.compile(r"(?<![\w.])(?P<status>[1-5]\d\d)[ \u00a0]+")
_WORD_GOES_ON = re.compile(r"[\w-]")


def find_statuses(text: str) -> Iterator[tuple[int, str, int, int]]:
    """Yield ``(status, reason, start, end)`` for each status stated in ``text``.

    ``start`` and ``end`` are offsets into ``text``; the reason is returned as
    written. Only the status's own phrase counts: "200 Created" is a number
    next to some phrase, not a stated status.
    """
    for match in _STATUS_NUMBER.finditer(text):
        status = int(match.group("status"))
        phrase = _PHRASE_OF.get(status)
        if phrase is None:
            continue
        start, end = match.end(), match.end() + len(phrase)
        reason = text[start:end]
        if reason.lower() != phrase.lower() or _WORD_GOES_ON.match(text, end):
            continue
        yield status, reason, match.start(), end


StatusRole = Literal["success", "error", "other"]

#: Words that present an outcome, in the languages of the corpus (English
#: too on every page: bilingual pages embed it). Stems, matched case-blind
#: anywhere in a word; error words are taken first, so that "unsuccessful"
#: reads as a failure and its "success" is not counted again.
_ERROR_WORDS = (
    "unsuccess", "error", "fail", "not found", "invalid",  # en (es: error)
    "ошибк", "ошибочн", "сбой", "сбоя", "не удал", "неудач", "не найден",  # ru
    "错误", "失败", "出错", "未找到", "无效",  # zh
    "falla", "fallo", "no se encuentra", "no válid",  # es
    "erreur", "échou", "introuvable",  # fr
    "fehler", "fehlgeschlagen", "nicht gefunden", "ungültig",  # de
)  # fmt: skip
_SUCCESS_WORDS = (
    "success", "succeed",  # en
    "успешн", "успех", "успеш",  # ru
    "成功",  # zh
    "correctamente", "éxito", "exitos",  # es
    "réussi", "succès",  # fr
    "erfolgreich", "erfolg",  # de
)  # fmt: skip
#: Words that make what follows conditional on something not yet named.
_CONDITION_WORDS = (
    "if", "when", "unless", "otherwise", "whether",  # en
    "если", "когда", "иначе", "в противном случае", "в случае",  # ru
    "如果", "否则",  # zh (single characters such as 当 occur inside other words)
    "si", "cuando", "de lo contrario", "en caso",  # es (fr: si)
    "lorsque", "quand", "sinon",  # fr
    "wenn", "falls", "sofern", "andernfalls",  # de
)  # fmt: skip
#: Sentence and clause ends: ``. `` ``; `` and the CJK full stop and semicolon.
_SENTENCE_END = lazy_compile(r"[.;!?](?=\s|$)|[。；！？]")


def status_role(text: str, start: int, end: int) -> StatusRole:
    """Whether the status at ``text[start:end]`` is stated as the success outcome, an error, or another case.

    Read within its sentence: the nearest outcome word before the status
    decides ("If successful, this method returns `200 OK`"; "If there is an
    error, this method returns `206 Partial Content`"); a condition word
    before it with no outcome word ("If the user exists, ... `200 OK`") makes
    it another case. With nothing before it, the words after it decide
    ("returns `206 Partial Content` if an error occurs"). A status stated
    with no condition at all ("Returns `202 Accepted`") is the outcome.
    Statuses 4xx and 5xx are errors whatever the words.
    """
    status = text[start : start + 3]
    if status.isdigit() and int(status) >= 400:
        return "error"
    sentence_start = max((match.end() for match in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    sentence_end = after.start() if after else len(text)
    before = _cues(text, sentence_start, start)
    outcome = [kind for kind in before if kind != "condition"]
    if outcome:
        return "success" if outcome[-1] == "success" else "error"
    if before:
        return "other"
    following = _cues(text, end, sentence_end)
    outcome = [kind for kind in following if kind != "condition"]
    if outcome:
        return "success" if outcome[0] == "success" else "error"
    return "other" if following else "success"


def _cues(text: str, start: int, end: int) -> list[str]:
    """The kinds of outcome and condition words in ``text[start:end]``, in order.

    Plain substring search, no regular expression: one alternation of all the
    words would cost every start-up its compilation.
    """
    window = text[start:end].lower()
    found: list[tuple[int, str]] = []
    taken: set[int] = set()
    for kind, words in (("error", _ERROR_WORDS), ("success", _SUCCESS_WORDS), ("condition", _CONDITION_WORDS)):
        for word in words:
            at = window.find(word)
            while at >= 0:
                whole = not (word.isascii() and word.isalpha()) or kind != "condition" or _alone(window, at, len(word))
                if whole and at not in taken:
                    taken.update(range(at, at + len(word)))
                    found.append((at, kind))
                at = window.find(word, at + 1)
    return [kind for _, kind in sorted(found)]


def _alone(text: str, at: int, length: int) -> bool:
    """A whole word: ``if`` in "if it", not in "modified"."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + length] if at + length < len(text) else " "
    return not before.isalnum() and not after.isalnum()
