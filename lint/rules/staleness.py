"""Rules that ask whether a translation was made from the English text that exists today.

A translation is made once, from the English page of its day; the English
page moves on. Two witnesses say from which English a translation was made:
the commit its front matter names (``ms.sourcegitcommit``), read against the
English sources' git history, and the English sentence a bilingual page
embeds beside each translated one. Either one, set against today's English
page, tells the reviewer which translations to redo, and what changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from lint.context import Context
from lint.model import Page, Segment, Span
from lint.rules import Finding, Related, rule

if TYPE_CHECKING:
    # Every check imports every rule module; these serve translations that name a
    # source commit or embed their English, so they are imported when one does.
    from lint.history import Revision
    from lint.sentences import EnglishText

_SOURCE_COMMIT = "ms.sourcegitcommit"


def _source_relative(path: str, context: Context) -> str:
    """The English page's path under ``source-root`` (``v1.0/api/user-get.md``), as the history's trees hold it."""
    config = context.config
    root = config.root / config.source_root
    for base, target in (
        (os.path.abspath(root), os.path.abspath(path)),
        (str(root.resolve()), str(Path(path).resolve())),
    ):
        relative = os.path.relpath(target, base)
        if not relative.startswith(".."):
            return Path(relative).as_posix()
    return Path(path).name


def _revision(page: Page, context: Context) -> Revision | None:
    """The history's answer for this translation, asked once and shared by both history rules."""
    commit = page.front_matter.get(_SOURCE_COMMIT)
    english, history = context.english, context.history
    if commit is None or english is None or history is None:
        return None
    name = str(commit).strip()
    return context.remember(
        "staleness-revision",
        lambda: history.revision(name, _source_relative(english.path, context), english.path),
    )


def _commit_span(page: Page) -> Span:
    line = page.front_matter_lines.get(_SOURCE_COMMIT, 1)
    return Span(page.path, line, 1, line)


@rule("DL613", scope="pair", severity="warning", tags=("drift", "translation", "staleness"))
def stale_source(page: Page, context: Context) -> Iterator[Finding]:
    """The translation was made from an English text that has changed since.

    Its front matter names the English commit it was translated from
    (``ms.sourcegitcommit``); the English file at that commit, read from the
    English sources' git history (``--source-history GIT_DIR[:PREFIX]``, the
    ``source-history`` key, or the work tree around ``source-root``), is not
    the English file on disk. The finding names the commit and its date, and
    sums up what changed since: lines added and removed, and which API facts
    (statuses, request paths, table rows, examples), so that a reviewer can
    tell a reworded sentence from a new status code.

    Bad::

        ms.sourcegitcommit: 94c4acf   (the English page has had a new row since)

    Good::

        ms.sourcegitcommit: db3ad72   (the commit of today's English page)
    """
    revision = _revision(page, context)
    if revision is None or revision.state != "stale" or revision.commit is None or context.english is None:
        return
    from lint.changes import compare_versions
    from lint.parse.detect import parse_source
    from lint.source import decode_source

    english = context.english
    old_source = decode_source(english.path, revision.old_text.encode("utf-8"))
    old_page = parse_source(old_source, context.config.formats)
    changes = compare_versions(revision.old_text, revision.current_text, old_page, english)
    commit = revision.commit
    yield Finding(
        _commit_span(page),
        f"translated from English commit {commit.short} of {commit.date}, and the English page has changed "
        f"since: {changes.describe()}",
        related=(
            Related(
                Span(english.path, changes.first_changed_line, 1, changes.first_changed_line),
                f"today's English page; it differs from `{revision.path_in_history}` at {commit.short} from this line",
            ),
        ),
        context=f"stale {commit.sha}",
    )


@rule("DL614", scope="pair", severity="info", tags=("drift", "translation", "staleness"))
def source_unknown(page: Page, context: Context) -> Iterator[Finding]:
    """The English commit a translation names is not in the English history, so its staleness is unknown.

    ``ms.sourcegitcommit`` names a commit the given history does not have
    (another repository, a branch not fetched, a history that ends earlier),
    or a commit whose tree has no such English file (the page was renamed or
    added later). doclint does not guess; it says it cannot tell. A history
    detected from the work tree around ``source-root`` (rather than given) may
    simply be the wrong repository, so there a commit it lacks says nothing.

    Bad::

        ms.sourcegitcommit: 6534af0   (a commit of the translation repository)

    Good::

        ms.sourcegitcommit: 94c4acf   (a commit of the English history)
    """
    revision = _revision(page, context)
    if revision is None or context.english is None or context.history is None:
        return
    english_top = Span(context.english.path, 1, 1, 1)
    if revision.state == "unknown" and context.history.explicit:
        yield Finding(
            _commit_span(page),
            f"`{revision.name}` is not a commit of the English history ({context.history.location.git_dir}); "
            "whether this translation is stale cannot be told",
            related=(Related(english_top, "the English page"),),
            context=f"unknown {revision.name}",
        )
    elif revision.state == "absent" and revision.commit is not None:
        commit = revision.commit
        yield Finding(
            _commit_span(page),
            f"English commit {commit.short} of {commit.date} has no `{revision.path_in_history}`; "
            "whether this translation is stale cannot be told",
            related=(Related(english_top, "the English page"),),
            context=f"absent {commit.sha} {revision.path_in_history}",
        )


_ENGLISH_TEXTS: dict[str, tuple[Page, EnglishText]] = {}


def _english_text(english: Page) -> EnglishText:
    """English pages are shared by their translations: index each once per process (a few at a time).

    Kept with the page it was made from: a page read again (edited since) is indexed again.
    """
    cached = _ENGLISH_TEXTS.get(english.path)
    if cached is None or cached[0] is not english:
        from lint.sentences import english_text

        if len(_ENGLISH_TEXTS) >= 64:
            _ENGLISH_TEXTS.clear()
        cached = _ENGLISH_TEXTS[english.path] = (english, english_text(english))
    return cached[1]


def _quote(text: str, limit: int = 90) -> str:
    flat = " ".join(text.replace("\\", "").split())
    return f"“{flat if len(flat) <= limit else flat[: limit - 1] + '…'}”"


def _broken_cell(segment: Segment) -> bool:
    """A table cell whose bilingual markup was cut apart: its "English" is no English to look for.

    A cell's English is assembled from the pairs in it (paragraph segments
    are single pairs, with an id). A ``|`` inside a code span (``{id|name}``)
    ends a Markdown cell in mid-pair, and what is left between the pieces,
    translated text included, lands in the English. Two signs tell it: a code
    span left open (an odd number of backticks), or letters beyond the Latin
    script, which Graph's English pages do not use.
    """
    if segment.segment_id is not None or segment.source is None:
        return False
    source = segment.source
    return source.count("`") % 2 == 1 or any(
        character.isalpha() and ord(character) > _LAST_LATIN for character in source
    )


#: The last code point of Latin Extended-B: English text (with ``é``, ``ñ``) stays below it.
_LAST_LATIN = 0x24F


@rule("DL615", scope="pair", severity="warning", tags=("drift", "translation", "staleness"))
def stale_segment(page: Page, context: Context) -> Iterator[Finding]:
    """A bilingual segment was translated from an English sentence the English page no longer has.

    Machine-translated Graph pages embed, beside each translated sentence,
    the English sentence it was made from (``<span class="sxs-lookup">``).
    When that English no longer occurs in the English page (compared as
    plain text: Markdown and HTML markup, entities, whitespace and case set
    aside), the English was rewritten after the translation was made, and
    this segment says what the English used to say. The nearest English
    sentence of today is named, when one is close. No git history needed.

    Bad::

        <span data-ttu-id="1">超时值为 15 秒。</span><span class="sxs-lookup"><span data-stu-id="1">The timeout
        value is 15 seconds.</span></span>      (English now: "The timeout value is 30 seconds.")

    Good::

        <span data-ttu-id="1">超时值为 30 秒。</span><span class="sxs-lookup"><span data-stu-id="1">The timeout
        value is 30 seconds.</span></span>
    """
    english = context.english
    if english is None or not any(segment.source is not None for segment in page.segments):
        return
    text = _english_text(english)
    for segment in page.segments:
        if segment.source is None or _broken_cell(segment) or text.contains(segment.source):
            continue
        nearest = text.nearest(segment.source)
        related = (
            Related(nearest.span, f"the nearest English sentence today: {_quote(nearest.text)}")
            if nearest is not None
            else Related(Span(english.path, 1, 1, 1), "the English page has no close sentence")
        )
        yield Finding(
            segment.span,
            f"this segment translates {_quote(segment.source)}, which the English page no longer says"
            + ("" if nearest is not None else " (no close sentence)"),
            related=(related,),
            context=f"stale segment {' '.join(segment.source.split())}",
        )
