"""Alignment of a translated page with its English source (one module per kind of element)."""
