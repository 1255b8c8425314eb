"""Rules about doclint's own directives in the pages."""

from __future__ import annotations

from collections.abc import Iterator

from lint.context import Context
from lint.model import Page
from lint.rules import Finding, rule


@rule("DL900", severity="warning", tags=("meta",))
def unused_suppression(page: Page, context: Context) -> Iterator[Finding]:
    """A `doclint-disable` comment suppresses nothing.

    Suppressions outlive the problems they hid; a stale one would silence
    the next real finding on that line. Reported by the engine, which alone
    knows what each directive matched (like ruff's RUF100).

    Bad::

        <!-- doclint-disable-next-line http-syntax -->
        ```http
        GET /me
        ```

    Good: remove the comment.
    """
    return iter(())
