"""What a rule may look at besides its page: the English source, the config.

Rules never open files. Everything they need arrives here, prepared once by
the engine: the page's English source (for a translation), the cmdlet's REST
page, and the configuration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.config import Config
    from lint.model import Page


@dataclass(frozen=True, slots=True)
class Context:
    config: Config
    #: The English page a translation was made from (``None`` for English pages).
    english: Page | None = None
    #: The REST page a cmdlet's help documents, when one was found.
    rest: Page | None = None
