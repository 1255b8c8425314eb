"""The mark ``--fix`` leaves on English text it copies into a translation.

A missing table row or note is restored in English, because doclint cannot
translate; the copy must not pass for a translation. One mark, an HTML
comment no renderer shows, is written before every such copy: translators
search for it, ``awaiting-translation`` (DL618) reports each one until it
is removed, and ``doclint export`` hands the text to translation tools as
untranslated.
"""

from __future__ import annotations

#: Before English text that awaits translation: a table cell's start, or its own line before a note.
TRANSLATE_MARK = "<!-- doclint: translate -->"
#: What the parser keeps of the mark as a comment (its text between ``<!--`` and ``-->``, stripped).
TRANSLATE_MARK_TEXT = "doclint: translate"
