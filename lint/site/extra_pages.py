"""The pages every build adds beside the converted ones: the rule catalogue and the review dashboard.

Both are in the English locale's site only, once: the catalogue is the
registry's own (English) documentation, and the dashboard compares every
translation with its English page, so it belongs to no one translation. The
root index and each page's findings link to them there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.site.build import SiteInputs

#: Where the two page sets sit in the English site (their generators' own folders).
RULES_INDEX = "rules/index"
REVIEW_INDEX = "review/index"


def rule_catalogue(inputs: SiteInputs) -> dict[str, str]:
    """``rules/index`` and a page per registered rule, in the English site."""
    if inputs.locale != inputs.config.english_locale:
        return {}
    from lint.rules import all_rules
    from lint.site.catalogue import catalogue_pages

    return catalogue_pages(all_rules())


def review_dashboard(inputs: SiteInputs) -> dict[str, str]:
    """``review/index`` and a side-by-side view per translated page, in the English site."""
    if inputs.locale != inputs.config.english_locale or not inputs.review.pages:
        return {}
    from lint.site.dashboard import dashboard_pages, read_documents

    return dashboard_pages(inputs.review, read_documents(inputs.review, inputs.config.formats))
