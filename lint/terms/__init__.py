"""The do-not-translate list: what a translation must keep verbatim, derived from the English pages and the CSDL.

Identifiers, paths and status lines break a translated page when a
translator localizes them; translation tools protect what a termbase tells
them to. ``derive`` collects the terms, ``csvfile`` and ``tbx`` write them in
the forms those tools import.
"""
