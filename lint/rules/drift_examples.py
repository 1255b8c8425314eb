"""Rules that hold a translation's examples, notes and includes against its English page.

Code is not translated: a translated request, response or notification
payload should be the English one, member for member and value for value.
Notes and includes carry API facts too (``/app`` is deprecated), so a
translation that lacks one misleads its reader. Examples are matched by
:mod:`lint.align.examples`, sections by :mod:`lint.align.sections`; JSON is
compared by :mod:`lint.align.json_diff`, which says which differences are
tolerated and why.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from lint.align.examples import ExampleAlignment, ExampleUnit, align_examples
from lint.align.json_diff import JsonDifference, json_differences, kind_of
from lint.align.sections import SectionAlignment, align_sections
from lint.context import Context
from lint.fix.edit import Fix
from lint.fix.json_edit import replace_token
from lint.fix.note import insert_note
from lint.lazy_pattern import lazy_compile
from lint.model import HttpRequest, Include, JsonExample, Note, Page, Span, Table
from lint.parse.jsontext import span_at
from lint.rules import Finding, Related, rule
from lint.rules.drift_tokens import segment_tokens

#: Above this many differences an example is reported once, with a count: it is another example.
_MOST_DIFFERENCES = 4

#: Include names and targets that only pull in SDK snippets, which localization regenerates.
_SNIPPET_INCLUDES = ("sample-code", "sdk-documentation")


def _alignments(page: Page, context: Context) -> tuple[ExampleAlignment, SectionAlignment] | None:
    english = context.english
    if english is None:
        return None
    return context.remember("drift-examples", lambda: (align_examples(page, english), align_sections(page, english)))


def _show(value: Any) -> str:
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def _at(pointer: str) -> str:
    return f"`{pointer}`" if pointer else "the body"


def _describe(difference: JsonDifference, english_label: str) -> str:
    if difference.kind == "renamed":
        return (
            f"member `{difference.value}` ({_at(difference.pointer)}) is `{difference.english_value}` "
            f"in the English {english_label}"
        )
    if difference.kind == "missing":
        return f"{_at(difference.pointer)} lacks the member `{difference.english_value}` of the English {english_label}"
    if difference.kind == "extra":
        return f"member `{difference.value}` ({_at(difference.pointer)}) is not in the English {english_label}"
    if difference.kind == "length":
        return (
            f"{_at(difference.pointer)} has {difference.value} item(s) here, "
            f"{difference.english_value} in the English {english_label}"
        )
    if difference.kind == "kind-of-value":
        return (
            f"{_at(difference.pointer)} is {kind_of(difference.value)} here, "
            f"{kind_of(difference.english_value)} in the English {english_label}"
        )
    return (
        f"{_at(difference.pointer)} is {_show(difference.value)} here, "
        f"{_show(difference.english_value)} in the English {english_label}"
    )


def _where(body: JsonExample, pointer: str) -> Span:
    return span_at(body, pointer) if pointer else body.span


def _better_match(unit: ExampleUnit, source: ExampleUnit, alignment: ExampleAlignment) -> ExampleUnit | None:
    """Another English example of the same kind this one reproduces exactly, if any."""
    if unit.body is None or unit.body.value is None:
        return None
    for other in alignment.english_units:
        if other is source or other.kind != unit.kind or other.body is None or other.body.value is None:
            continue
        if not any(json_differences(unit.body.value, other.body.value)):
            return other
    return None


@rule("DL608", scope="pair", severity="warning", tags=("drift", "translation", "examples", "json"), fixable="safe")
def json_drift(page: Page, context: Context) -> Iterator[Finding]:
    """A JSON body or example differs from the English example it stands for.

    Examples are matched by annotation name, else by kind, order and shape
    (a renamed example still matches). Member names, structure, array
    lengths, numbers, booleans and identifier-like strings (enumeration
    members such as `"busy"`) must agree; OData control members, generated
    identifiers and dates, and free-text sample strings may differ. Each
    difference is reported at its JSON pointer with both values; the same
    difference repeated in several examples is one finding. When the
    translated example reproduces another English example exactly, the
    finding says which: the translation carries it under the wrong name.

    Fixable (safe): ``--fix`` writes the English member name over a renamed
    member, and the English number, boolean or identifier-like string over
    the translation's, in every example the finding names. Not when the
    example is another English example carried under this one's name or
    differs in more than four places (a reviewer chooses then), nor for
    sample strings a translator may localize (URLs, versions, locales).

    Bad::

        English:     { "reason": "busy" }
        Translation: { "reason": "none" }

    Good::

        Translation: { "reason": "busy" }
    """
    aligned = _alignments(page, context)
    if aligned is None:
        return
    alignment, _ = aligned
    grouped: dict[tuple[Any, ...], list[tuple[ExampleUnit, ExampleUnit, JsonDifference]]] = {}
    summaries: list[Finding] = []
    for unit, source in alignment.pairs:
        body, english_body = unit.body, source.body
        if body is None or english_body is None or body.value is None or english_body.value is None:
            continue
        differences = list(json_differences(body.value, english_body.value))
        if not differences:
            continue
        label = source.label()
        better = _better_match(unit, source, alignment)
        if better is not None or len(differences) > _MOST_DIFFERENCES:
            summaries.append(_summary(unit, source, differences, better))
            continue
        for difference in differences:
            key = (
                unit.kind,
                difference.kind,
                difference.english_pointer.rsplit("/", 1)[-1],
                repr(difference.value),
                repr(difference.english_value),
                label if difference.kind == "value" else "",
            )
            grouped.setdefault(key, []).append((unit, source, difference))
    yield from summaries
    for occurrences in grouped.values():
        unit, source, difference = occurrences[0]
        assert unit.body is not None and source.body is not None
        related = [Related(_where(source.body, difference.english_pointer), f"the English {source.label()}")]
        for other, _, repeated in occurrences[1:]:
            assert other.body is not None
            related.append(Related(_where(other.body, repeated.pointer), "the same difference here"))
        yield Finding(
            _where(unit.body, difference.pointer),
            f"in this {unit.kind if unit.kind != 'json' else 'JSON'} example, {_describe(difference, source.label())}",
            related=tuple(related),
            context=f"{unit.kind} {difference.kind} {difference.english_pointer} {difference.value}",
            fix=_restore_json(occurrences),
        )


#: A string that names something (an enumeration member, a type such as ``#microsoft.graph.user``, a
#: comma list of members): no space, no hyphen (``en-US`` may be localized), no URL, no leading digit.
_IDENTIFIER = lazy_compile(r"#?[A-Za-z_][A-Za-z0-9_.]*(?:,[A-Za-z_][A-Za-z0-9_.]*)*")


def _restorable(difference: JsonDifference) -> bool:
    """Whether the English side of a difference may be written over the translation's without a reviewer.

    A renamed member, a number, a boolean, and a string English writes as
    an identifier; never a sample value a translator may have localized (a
    URL, a version, a locale), nor a change of kind (an object for a string).
    """
    if difference.kind == "renamed":
        return True
    if difference.kind != "value":
        return False
    english = difference.english_value
    if isinstance(english, str):
        return isinstance(difference.value, str) and bool(_IDENTIFIER.fullmatch(english))
    return isinstance(english, (bool, int, float))


def _restore_json(occurrences: list[tuple[ExampleUnit, ExampleUnit, JsonDifference]]) -> Fix | None:
    """One edit per place the finding names (the same difference repeated in several examples), or none."""
    edits = []
    for unit, source, difference in occurrences:
        if unit.body is None or source.body is None or not _restorable(difference):
            return None
        edit = replace_token(unit.body, source.body, difference, key=difference.kind == "renamed")
        if edit is None:
            return None
        edits.append(edit)
    return Fix(tuple(dict.fromkeys(edits)))


def _summary(
    unit: ExampleUnit, source: ExampleUnit, differences: list[JsonDifference], better: ExampleUnit | None
) -> Finding:
    assert unit.body is not None and source.body is not None
    first = differences[0]
    described = _describe(first, source.label())
    related = [Related(_where(source.body, first.english_pointer), f"the English {source.label()}")]
    if better is not None and better.body is not None:
        carried = f"under the name `{source.name}`" if source.name else "in its place"
        message = f"{described}: this {unit.kind} is the English {better.label()} ({better.span}), carried {carried}"
        related.append(Related(better.body.span, f"the English {better.label()}, which this example reproduces"))
    else:
        message = (
            f"this {unit.kind} differs from the English {source.label()} in {len(differences)} places: {described}"
        )
    return Finding(
        _where(unit.body, first.pointer), message, related=tuple(related), context=f"{unit.kind} {source.name} summary"
    )


def _carried_under_other_names(alignment: ExampleAlignment) -> dict[int, ExampleUnit]:
    """English examples the translation has, exactly, under another English example's name, by id.

    Each maps to the English example whose name the translation gives it:
    that one's content is what the translation lacks.
    """
    carried: dict[int, ExampleUnit] = {}
    missing = {id(unit) for unit in alignment.missing}
    for unit, source in alignment.pairs:
        if unit.body is None or source.body is None or unit.body.value is None or source.body.value is None:
            continue
        if not any(json_differences(unit.body.value, source.body.value)):
            continue  # it is its own English example (two English examples may send the same body)
        better = _better_match(unit, source, alignment)
        if better is not None and id(better) in missing:
            carried[id(better)] = source
    return carried


def _missing_example_message(unit: ExampleUnit, alignment: ExampleAlignment) -> str:
    responses = [
        other
        for other in alignment.missing
        if other.kind == "response" and unit.kind == "request" and other.owner == unit.index
    ]
    what = _example_what(unit)
    if responses:
        return f"{what} and its response are missing from this translation"
    return f"{what} is missing from this translation"


def _example_what(unit: ExampleUnit) -> str:
    """``the English request example `name` (`POST /path`)``: an English example as a finding names it."""
    what = f"the English {unit.label()}"
    if isinstance(unit.message, HttpRequest):
        # As the English page writes it: the shape blanks ids (`{}`), which only alignment needs.
        what += f" (`{unit.message.method} {unit.message.path}`)"
    return what


def _reported_example(unit: ExampleUnit, alignment: ExampleAlignment) -> bool:
    """Whether a lost or added example is reported on its own.

    A response goes with its request when that is lost too; a response
    without a body shows only a status, which `status-drift` compares.
    """
    if unit.kind != "response":
        return True
    lost_requests = {other.index for other in alignment.missing if other.kind == "request"}
    lost_requests |= {other.index for other in alignment.extra if other.kind == "request"}
    if unit.owner is not None and unit.owner in lost_requests and unit in alignment.missing + alignment.extra:
        return False
    return unit.body is not None


def _non_snippet_includes(page: Page) -> list[Include]:
    """Includes that carry content, once per line: a bilingual line repeats its include in the embedded English."""
    found: dict[tuple[int, str], Include] = {}
    for include in page.includes:
        if include.name.lower() not in _SNIPPET_INCLUDES and "snippets" not in include.target.lower():
            found.setdefault((include.span.line, _include_key(include)), include)
    return list(found.values())


def _include_key(include: Include) -> str:
    return PurePosixPath(include.target.replace("\\", "/")).name.lower()


def _about_an_example(note: Note, page: Page) -> bool:
    """A note on a response example ("the response object shown here might be shortened"): no API fact,
    and written as a callout on one side and as prose on the other as often as not."""
    section = page.section(note.section) if note.section else None
    if section is not None and section.role == "example-response":
        return True
    return any(0 < response.span.line - note.span.end_line <= 8 for response in page.responses)


def _notes_by_section(page: Page) -> dict[str | None, list[Note]]:
    found: dict[str | None, list[Note]] = {}
    for note in page.notes:
        if not _about_an_example(note, page):
            found.setdefault(note.section, []).append(note)
    return found


def _plain(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def _translated_as_text(note: Note, page: Page) -> bool:
    """The note's content is on the page as prose, if not as a callout: a bilingual segment embeds its
    English, or one paragraph carries all its numbers, inline code and link targets."""
    wanted = _plain(note.text)[10:70]
    if wanted and any(segment.source and wanted in _plain(segment.source) for segment in page.segments):
        return True
    tokens = set(segment_tokens(note.text))
    return bool(tokens) and any(tokens <= set(segment_tokens(segment.text)) for segment in page.segments)


def _lost_notes(page: Page, english: Page, sections: SectionAlignment) -> Iterator[tuple[Note, bool]]:
    """English notes the translation lacks (``True``) and translated notes English lacks (``False``).

    Notes are compared section by section, in order; but a note a translation moved to another
    section is not lost, so no more are reported than the page-level counts differ by.
    """
    mine, theirs = _notes_by_section(page), _notes_by_section(english)
    deficit = sum(map(len, theirs.values())) - sum(map(len, mine.values()))
    lost = [note for note, missing in _section_notes(page, english, sections) if missing]
    extra = [note for note, missing in _section_notes(page, english, sections) if not missing]
    yield from ((note, True) for note in lost[: max(0, deficit)])
    yield from ((note, False) for note in extra[: max(0, -deficit)])


def _section_notes(page: Page, english: Page, sections: SectionAlignment) -> Iterator[tuple[Note, bool]]:
    mine = _notes_by_section(page)
    for anchor, notes in _notes_by_section(english).items():
        counterpart = sections.translated_of.get(anchor) if anchor else None
        translated = mine.get(counterpart.anchor if counterpart else None, []) if (counterpart or not anchor) else []
        for note in notes[len(translated) :]:
            if not _translated_as_text(note, page):
                yield note, True
    for anchor, notes in mine.items():
        source = sections.english_of.get(anchor) if anchor else None
        if anchor and source is None:
            continue  # a section English lacks: judged as a section, not note by note
        english_notes = _notes_by_section(english).get(source.anchor if source else None, [])
        for note in notes[len(english_notes) :]:
            yield note, False


def _fact_tables(page: Page) -> list[Table]:
    return [table for table in page.tables if table.role in ("request-headers", "response-headers")]


def _missing_things(page: Page, context: Context) -> Iterator[tuple[str, Span, str, Span, Fix | None]]:
    """``(what, english span, context key, translated place, fix)`` for each English fact the translation lacks."""
    aligned = _alignments(page, context)
    english = context.english
    if aligned is None or english is None:
        return
    alignment, sections = aligned
    carried = _carried_under_other_names(alignment)
    for unit in alignment.missing:
        if not _reported_example(unit, alignment):
            continue
        named = carried.get(id(unit))
        if named is not None:
            # The content is here under another example's name: what the translation lacks is that
            # example's own content, and json-drift says which example it carries instead.
            place, _ = sections.place_for(named.span.line, page)
            yield (
                f"{_example_what(named)} is missing from this translation: the example named `{named.name}` here"
                f" is the English `{unit.name or unit.label()}`",
                named.span,
                f"example {named.kind} {named.name or named.index}",
                place,
                None,
            )
            continue
        place, _ = sections.place_for(unit.span.line, page)
        yield (
            _missing_example_message(unit, alignment),
            unit.span,
            f"example {unit.kind} {unit.name or unit.index}",
            place,
            None,
        )
    syntax = [request for request in english.requests if request.origin == "syntax"]
    if syntax and not any(request.origin == "syntax" for request in page.requests):
        place, _ = sections.place_for(syntax[0].span.line, page)
        lines = ", ".join(f"`{request.method} {request.path}`" for request in syntax)
        yield (
            f"the English request syntax block ({lines}) is missing from this translation",
            syntax[0].span,
            "syntax",
            place,
            None,
        )
    roles = {table.role for table in page.tables}
    for table in _fact_tables(english):
        if table.role not in roles:
            place, _ = sections.place_for(table.span.line, page)
            names = ", ".join(f"`{name}`" for name in table.names())
            what = table.role.replace("-", " ")
            yield (
                f"the English {what} table ({names}) is missing from this translation",
                table.span,
                f"table {table.role}",
                place,
                None,
            )
    if page.format == "markdown":
        notes, _, includes, _ = _shared_notes(page, english, sections, context)
        for note in notes:
            place, _ = sections.place_for(note.span.line, page)
            text = " ".join(note.text.split())
            yield (
                f'the English {note.kind} "{text[:120]}" is missing from this translation',
                note.span,
                f"note {text[:60]}",
                place,
                insert_note(note, page, english, sections),
            )
        for include in includes:
            place, _ = sections.place_for(include.span.line, page)
            yield (
                f"the English include `{include.name}` (`{include.target}`) is missing from this translation",
                include.span,
                f"include {_include_key(include)}",
                place,
                None,
            )


def _included_lists(page: Page, english: Page) -> tuple[list[Include], list[Include]]:
    """English includes the translation lacks, and translated includes English lacks (by target)."""
    translated_keys = [_include_key(include) for include in _non_snippet_includes(page)]
    lost = []
    for include in _non_snippet_includes(english):
        key = _include_key(include)
        if key in translated_keys:
            translated_keys.remove(key)
        else:
            lost.append(include)
    english_keys = [_include_key(include) for include in _non_snippet_includes(english)]
    extra = []
    for include in _non_snippet_includes(page):
        key = _include_key(include)
        if key in english_keys:
            english_keys.remove(key)
        else:
            extra.append(include)
    return lost, extra


def _innermost(page: Page, line: int) -> str | None:
    around = [section for section in page.sections if section.span.line <= line <= (section.end_line or line)]
    return max(around, key=lambda section: section.span.line).anchor if around else None


def _shared_notes(
    page: Page, english: Page, sections: SectionAlignment, context: Context
) -> tuple[list[Note], list[Note], list[Include], list[Include]]:
    """:func:`_notes_and_includes`, worked out once per page for example-missing and example-extra both."""
    return context.remember("drift-notes", lambda: _notes_and_includes(page, english, sections))


def _notes_and_includes(
    page: Page, english: Page, sections: SectionAlignment
) -> tuple[list[Note], list[Note], list[Include], list[Include]]:
    """Lost and extra notes and includes, less the swaps between them.

    English pages move a repeated note into an include (`teamwork-permissions-note`) and back;
    a note on one side where the other has an include in the same section is the same content.
    """
    notes = list(_lost_notes(page, english, sections))
    lost_notes = [note for note, lost in notes if lost]
    extra_notes = [note for note, lost in notes if not lost]
    lost_includes, extra_includes = _included_lists(page, english)
    for note in list(lost_notes):
        _, place = sections.place_for(note.span.line, page)
        swap = next(
            (item for item in extra_includes if place and _innermost(page, item.span.line) == place.anchor), None
        )
        if swap is not None:
            lost_notes.remove(note)
            extra_includes.remove(swap)
    for include in list(lost_includes):
        _, place = sections.place_for(include.span.line, page)
        moved = next((item for item in extra_notes if place and item.section == place.anchor), None)
        if moved is not None:
            lost_includes.remove(include)
            extra_notes.remove(moved)
    return lost_notes, extra_notes, lost_includes, extra_includes


@rule("DL609", scope="pair", severity="warning", tags=("drift", "translation", "examples"), fixable="unsafe")
def example_missing(page: Page, context: Context) -> Iterator[Finding]:
    """The translation lacks an example, note, include or API section of its English page.

    Examples are matched as `json-drift` matches them; notes by section and
    order; includes by target (SDK snippet includes aside: localization
    regenerates them); the request syntax block and header tables by
    presence. One finding per lost thing, at the translation's section where
    it belongs (the nearest enclosing section both pages have, else the next
    one), with the English place related.

    Fixable (unsafe: it adds prose, in English, for a translator to
    translate): ``--fix --unsafe-fixes`` copies a lost note into the
    translation, after an HTML comment asking for its translation, where the
    English page has it: first or last in its section (a note between other
    content is left to a reviewer, as is one in the page's last section).

    Bad::

        English:     > **Note:** The `/app` path is deprecated.
        Translation: (no note)

    Good::

        Translation: > **Примечание.** Путь `/app` устарел.
    """
    for message, english_span, key, place, fix in _missing_things(page, context):
        yield Finding(
            place, message, related=(Related(english_span, "the English page has it here"),), context=key, fix=fix
        )


def _extra_things(page: Page, context: Context) -> Iterator[tuple[str, Span, str, Span | None]]:
    aligned = _alignments(page, context)
    english = context.english
    if aligned is None or english is None:
        return
    alignment, sections = aligned
    for unit in alignment.extra:
        if _reported_example(unit, alignment):
            yield (
                f"this {unit.label()} is not in the English page",
                unit.span,
                f"example {unit.kind} {unit.name or unit.index}",
                None,
            )
    syntax = [request for request in page.requests if request.origin == "syntax"]
    if syntax and not any(request.origin == "syntax" for request in english.requests):
        yield "this request syntax block is not in the English page", syntax[0].span, "syntax", None
    roles = {table.role for table in english.tables}
    for table in _fact_tables(page):
        if table.role not in roles:
            yield (
                f"this {table.role.replace('-', ' ')} table is not in the English page",
                table.span,
                f"table {table.role}",
                None,
            )
    if page.format == "markdown":
        _, notes, _, includes = _shared_notes(page, english, sections, context)
        for note in notes:
            text = " ".join(note.text.split())
            yield f'this {note.kind} ("{text[:80]}") is not in the English page', note.span, f"note {text[:60]}", None
        for include in includes:
            yield (
                f"the include `{include.name}` (`{include.target}`) is not in the English page",
                include.span,
                f"include {_include_key(include)}",
                None,
            )


@rule("DL610", scope="pair", severity="warning", tags=("drift", "translation", "examples"))
def example_extra(page: Page, context: Context) -> Iterator[Finding]:
    """The translation has an example, note, include or API section its English page lacks.

    The mirror of `example-missing`: what a translation shows beyond its
    English page is either left over from an older English text or added
    by hand, and in both cases no longer documented in English.

    Bad::

        English:     (one request example)
        Translation: (that request example and a second one)

    Good::

        Translation: (the one request example)
    """
    english = context.english
    for message, span, key, _ in _extra_things(page, context):
        related = (Related(Span(english.path, 1, 1, 1), "the English page"),) if english is not None else ()
        yield Finding(span, message, related=related, context=key)
