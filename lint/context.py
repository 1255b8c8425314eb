"""What a rule may look at besides its page: the English source, the config.

Rules never open files. Everything they need arrives here, prepared once by
the engine: the page's English source (for a translation), the cmdlet's REST
page, the English sources' git history, and the configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from msgspec import Struct, field

if TYPE_CHECKING:
    from lint.config import Config
    from lint.history import SourceHistory
    from lint.model import Page

T = TypeVar("T")


class Context(Struct, frozen=True):
    config: Config
    #: The English page a translation was made from (``None`` for English pages).
    english: Page | None = None
    #: The REST page a cmdlet's help documents, when one was found.
    rest: Page | None = None
    #: The English sources' git history, when one is configured or detected (staleness rules).
    history: SourceHistory | None = None
    #: For a translation whose English page does not exist, where that page should be.
    missing_english: str | None = None
    #: Analyses several rules share (schema validation of the page's bodies ...),
    #: computed once per page: a context lives exactly as long as one page's check.
    memo: dict[str, Any] = field(default_factory=dict)

    def remember(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()`` the first time ``key`` is asked for on this page, the stored result after."""
        if key not in self.memo:
            self.memo[key] = compute()
        result: T = self.memo[key]
        return result
