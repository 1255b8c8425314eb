"""One subpackage per input format, each turning text into a :class:`lint.model.Page`.

``markdown/``, ``platyps/``, ``html/`` and ``text/`` hold what only that
format needs; the modules beside them are shared by several formats: format
detection (:mod:`.detect`), the fact collector every walker feeds
(:mod:`.collector`), HTTP messages (:mod:`.http`), JSON text with positions
(:mod:`.jsontext`, :mod:`.json_errors`), front matter (:mod:`.frontmatter`,
:mod:`.plain_yaml`), sections and their roles (:mod:`.sections`,
:mod:`.section_regions`), prose statuses (:mod:`.prose`), callouts, fences
and locale detection.
"""
