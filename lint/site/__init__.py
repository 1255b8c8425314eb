"""The published site: ``doclint build`` turns the checked pages into one Sphinx site per locale.

Imported only by ``doclint build``: Sphinx and its extensions are the ``site``
extra, never loaded on the ``doclint check`` path.
"""
