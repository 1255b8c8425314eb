"""Rules about a translation as a whole: whether its English page still exists."""

from __future__ import annotations

from collections.abc import Iterator

from lint.context import Context
from lint.model import Page, Span
from lint.rules import Finding, rule


@rule("DL616", scope="pair", severity="warning", tags=("drift", "translation"))
def orphan_translation(page: Page, context: Context) -> Iterator[Finding]:
    """A translation whose English page does not exist.

    A translation is kept in step with its English source; when the English
    page is deleted or moved, the translation goes on documenting an API page
    nobody maintains, and readers of that locale see what English readers no
    longer do. Delete the translation, or move it where its English page went.

    Bad::

        locales/ru-RU/beta/api/call-redirect.md   (no docs_src/beta/api/call-redirect.md)

    Good::

        locales/ru-RU/beta/api/call-reject.md     (docs_src/beta/api/call-reject.md exists)
    """
    if context.missing_english is None or context.english is not None:
        return
    yield Finding(
        Span(page.path, 1, 1, 1),
        f"this translation has no English page: `{context.missing_english}` does not exist",
        context="orphan",
    )
