"""The published site: ``doclint build`` turns the checked pages into one Sphinx site per locale.

Imported only by ``doclint build``: Sphinx and its extensions are the ``site``
extra, never loaded on the ``doclint check`` path. ``build``, ``plan``,
``locale_build``, ``convert``, ``sanitize`` and ``switcher`` make the pages of a
locale; ``catalogue`` (the rule catalogue from the registry), ``dashboard`` and
``align`` (the review dashboard and the side-by-side views) and ``myst`` (MyST
text helpers) generate extra pages that the build writes beside them.
"""
