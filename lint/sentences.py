"""English text as plain sentences, so that an embedded English sentence can be looked up in a page.

A bilingual translation embeds the English of each segment as the
localization pipeline saw it; the English page holds the same words with
Markdown and HTML around them (``**chatInfo**``, ``[delete call](...)``,
``&lt;``, line breaks inside a paragraph). Both sides are reduced to the
same plain text before comparing: markup removed, entities decoded,
whitespace collapsed, case folded. What then does not occur in the English
page is English that the page no longer has.
"""

from __future__ import annotations

import re

from msgspec import Struct

from lint.model import Page, Span

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
#: DocFX markers that render as something else (an include's content, a note's label), not as their text.
_DOCFX = re.compile(r"\[!INCLUDE\s*\[[^\]]*\]\([^)]*\)\]|\[!(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]", re.IGNORECASE)
_IMAGE_OR_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_EMPHASIS = re.compile(r"\*+|(?<![^\W_])_+|_+(?![^\W_])|~~")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ", "\u200b": ""})
_SPACE = re.compile(r"\s+")
#: Space left before punctuation once markup around a word is gone (``**x** .``).
_SPACE_BEFORE_PUNCTUATION = re.compile(r" (?=[.,;:!?)])")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=\S)")


def plain(text: str) -> str:
    """``text`` without Markdown and HTML markup, entities decoded, whitespace collapsed, case folded."""
    text = _DOCFX.sub(" ", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _IMAGE_OR_LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    if "&" in text:
        import html  # its entity table is only needed for text that has entities

        text = _TAG.sub(" ", html.unescape(text))  # again: tags written as entities (``&lt;br/&gt;``)
    text = _ESCAPE.sub(r"\1", text)
    text = text.replace("`", "")
    text = _EMPHASIS.sub("", text)
    text = text.translate(_QUOTES)
    text = _SPACE.sub(" ", text).strip()
    return _SPACE_BEFORE_PUNCTUATION.sub("", text).casefold()


class Sentence(Struct, frozen=True):
    text: str
    plain: str
    span: Span


class EnglishText(Struct, frozen=True):
    """The visible English of a page: one plain string to search, and its sentences to suggest.

    ``joined`` has no spaces at all: the pipeline that embeds the English
    spaces markup its own way (``D *n*`` for ``D*n*``), and a sentence that
    differs from the page's only in spacing is the same sentence.
    """

    joined: str
    sentences: tuple[Sentence, ...]

    def contains(self, english: str) -> bool:
        """Whether the plain form of ``english`` occurs in the page."""
        wanted = _unspaced(plain(english))
        return not wanted or wanted in self.joined

    def nearest(self, english: str, cutoff: float = 0.6) -> Sentence | None:
        """The page's sentence most like ``english`` (difflib ratio of plain forms), if one reaches ``cutoff``."""
        import difflib  # only for the few segments found stale

        wanted = plain(english)
        best: tuple[float, Sentence] | None = None
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)
        for sentence in self.sentences:
            matcher.set_seq1(sentence.plain)
            if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
                continue
            ratio = matcher.ratio()
            if ratio >= cutoff and (best is None or ratio > best[0]):
                best = (ratio, sentence)
        return best[1] if best else None


def _unspaced(text: str) -> str:
    return text.replace(" ", "")


def english_text(page: Page) -> EnglishText:
    """The visible text of an English page: segments (paragraph lines, headings, cells) and notes.

    The pieces are joined in page order before markup is removed, so that a
    link or emphasis a paragraph wraps over two lines is still read whole.
    """
    pieces: list[tuple[Span, str]] = [
        (segment.span, segment.source if segment.source is not None else segment.text) for segment in page.segments
    ]
    pieces += [(note.span, note.text) for note in page.notes]
    pieces.sort(key=lambda piece: (piece[0].line, piece[0].column))
    joined = " ".join(text for _, text in pieces)
    if page.title:
        joined += " " + page.title
    sentences: list[Sentence] = []
    for span, text in pieces:
        for piece in _SENTENCE_END.split(text.strip()):
            piece_plain = plain(piece)
            if piece_plain:
                sentences.append(Sentence(piece.strip(), piece_plain, span))
    return EnglishText(_unspaced(plain(joined)), tuple(sentences))
