"""The published site: Sphinx sources generated from the model, the findings, the registry and the review.

Imported only by ``doclint build`` (and ``serve``), never on the ``doclint check`` path.
"""
