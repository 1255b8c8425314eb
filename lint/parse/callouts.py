"""Recognize a callout: ``> [!NOTE]`` or ``> **Note:**`` opening a quote.

Markdown, rendered HTML (a quote whose English reads so) and platyPS help all
write notes this way; one pattern keeps the formats agreeing on what a note is.
"""

from __future__ import annotations

import re

from lint.lazy_pattern import lazy_compile

_ALERT = lazy_compile(r"^\s*\[!(?P<kind>NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]\s*", re.IGNORECASE)
# Blanks around the colon are possessive: ``\s*[:：]?\s*`` would try every split of a blank run.
_BOLD_NOTE = lazy_compile(r"^\s*\*\*(?P<kind>Note|Tip|Important|Caution|Warning)s?\s*+[:：]?\s*+\*\*\s*", re.IGNORECASE)


#: The bold labels translations give callouts, with the English kind they stand for, so that a
#: translated page's notes are notes too and can be held against the English page's.
_TRANSLATED_LABELS = {
    "note": ("注意", "备注", "附注", "注", "Примечание", "Заметка", "Nota", "Hinweis", "Remarque", "メモ"),
    "tip": ("提示", "Совет", "Sugerencia", "Tipp", "Conseil", "ヒント"),
    "important": ("重要", "重要提示", "重要事项", "Важно", "Importante", "Wichtig"),
    "caution": ("小心", "Осторожно", "Precaución", "Vorsicht"),
    "warning": ("警告", "Внимание", "Предупреждение", "Advertencia", "Warnung", "Avertissement"),
}
_KIND_OF_LABEL = {label.lower(): kind for kind, labels in _TRANSLATED_LABELS.items() for label in labels}
_TRANSLATED_NOTE = lazy_compile(
    r"^\s*\*\*(?P<kind>" + "|".join(sorted(map(re.escape, _KIND_OF_LABEL), key=len, reverse=True)) + r")"
    r"\s*+[:：.!！]?\s*+\*\*\s*+[:：.!！]?\s*",
    re.IGNORECASE,
)


def callout_marker(text: str) -> re.Match[str] | None:
    """The marker opening ``text``; ``group("kind")`` names the callout, ``end()`` is where its text starts."""
    return _ALERT.match(text) or _BOLD_NOTE.match(text) or _TRANSLATED_NOTE.match(text)


def callout_kind(match: re.Match[str]) -> str:
    """The English kind (``note``, ``tip`` ...) of a marker, whatever language it is written in."""
    label = match.group("kind").lower()
    return _KIND_OF_LABEL.get(label, label)


#: A label opening a paragraph the way a note does, bold or not (``Nota: ...``, ``**Nota**: ...``,
#: ``注释：...``): a translation may keep a note as a plain quote or paragraph, which is no callout
#: but still the note. ``注释`` ("annotation") is a zh-CN label for notes the callout pattern lacks.
_LABEL_LED = lazy_compile(
    r"^\s*(?:\*\*|__)?\s*(?:"
    + "|".join(
        sorted(
            map(re.escape, {*_KIND_OF_LABEL, "note", "tip", "important", "caution", "warning", "注释"}),
            key=len,
            reverse=True,
        )
    )
    + r")s?\s*(?:\*\*|__)?\s*[:：.!！]",
    re.IGNORECASE,
)


def label_led(text: str) -> bool:
    """Whether ``text`` opens with a note's label and a colon, as callouts and notes kept as plain text do."""
    return _LABEL_LED.match(text) is not None
