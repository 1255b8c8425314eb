"""doclint: build and lint multilingual REST API reference documentation."""

__version__ = "0.1.0"
