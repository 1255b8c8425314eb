"""Rules for PowerShell cmdlet help (platyPS)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.context import Context
from lint.model import Cmdlet, Page
from lint.rules import Finding, Related, rule

# Compiled on first use (re's cache): every check imports this module, few check cmdlet pages.
_CONSTRUCT_POINTER = r"(?i)^To construct, see NOTES section for \w+ properties and create a hash table\.?$"
_WORD = r"[A-Za-z]+"
_CAMEL = r"[A-Z][a-z0-9]*"

#: Verbs that name one kind of operation; a synopsis opening with one names that operation.
_ACTIONS = {
    "get": "read",
    "list": "read",
    "retrieve": "read",
    "read": "read",
    "create": "create",
    "add": "create",
    "new": "create",
    "update": "update",
    "patch": "update",
    "modify": "update",
    "set": "update",
    "delete": "delete",
    "remove": "delete",
}
_VERB_ACTION = {"Get": "read", "New": "create", "Update": "update", "Set": "update", "Remove": "delete"}


@rule("DL401", severity="warning", tags=("powershell", "prose"), formats=("platyps",))
def empty_description(page: Page, context: Context) -> Iterator[Finding]:
    """A cmdlet parameter has no description of its own.

    `.` alone, or `.` followed only by the generated "To construct, see NOTES
    section ..." pointer, is what the generator writes when the API
    description is empty; `Get-Help` then shows the reader nothing.

    Bad::

        ### -CallbackUri
        .

    Good::

        ### -CallbackUri
        The URI the service calls back with notifications about this call.
    """
    if page.cmdlet is None:
        return
    for parameter in page.cmdlet.parameters:
        lines = [line.strip() for line in parameter.description.splitlines() if line.strip()]
        own = [line for line in lines if not re.match(_CONSTRUCT_POINTER, line)]
        if own and any(line != "." for line in own):
            continue
        span = parameter.description_span or parameter.span
        yield Finding(span, f"parameter -{parameter.name} has no description", context=parameter.name)


@rule("DL402", severity="warning", tags=("powershell", "examples"), formats=("platyps",))
def code_outside_fence(page: Page, context: Context) -> Iterator[Finding]:
    """Example code is written as prose, outside the code fence.

    Rendered help shows it as running text: no monospace, no copy button,
    and wrapped lines that no longer run.

    Bad::

        ```
        Import-Module Microsoft.Graph.Beta.CloudCommunications
        ```

        $params = @{ reason = "busy" }

    Good::

        ```powershell
        Import-Module Microsoft.Graph.Beta.CloudCommunications
        $params = @{ reason = "busy" }
        ```
    """
    if page.cmdlet is None:
        return
    for example in page.cmdlet.examples:
        if not example.fenced:
            yield Finding(
                example.code_span,
                f"code of `{example.title}` stands outside the code fence; move it inside the ```powershell block",
                related=(Related(example.span, example.title),),
                context=example.title,
            )


def cmdlet_action(cmdlet: Cmdlet) -> tuple[str, str] | None:
    """``(word, kind)`` of what a cmdlet does: ``("invite", "invite")`` or ``("get", "read")``."""
    verb, _, noun = cmdlet.name.partition("-")
    if verb in _VERB_ACTION:
        return verb.lower(), _VERB_ACTION[verb]
    if verb != "Invoke":
        return None
    words = re.findall(_CAMEL, re.sub(r"^Mg(?:Beta)?", "", noun))
    if not words:
        return None
    word = words[0].lower()
    return word, _ACTIONS.get(word, word)


@rule("DL403", tags=("powershell", "consistency"), formats=("platyps",))
def synopsis_mismatch(page: Page, context: Context) -> Iterator[Finding]:
    """The synopsis describes another action than the cmdlet's name.

    Help generated from the wrong API operation tells the reader that an
    Invite cmdlet deletes participants; the name is what they call.

    Bad::

        # Invoke-MgBetaInviteCommunicationCallParticipant
        ## SYNOPSIS
        Delete a specific participant in a call.

    Good::

        ## SYNOPSIS
        Invite participants to the active call.
    """
    cmdlet = page.cmdlet
    if cmdlet is None or not cmdlet.synopsis.strip() or cmdlet.synopsis_span is None:
        return
    expected = cmdlet_action(cmdlet)
    if expected is None:
        return
    word, kind = expected
    first_sentence = re.split(r"(?<=[.!?])\s", cmdlet.synopsis.strip(), maxsplit=1)[0]
    words = [item.lower() for item in re.findall(_WORD, first_sentence)]
    if not words:
        return
    opening = words[0].removesuffix("s") if words[0] not in ("list", "lists") else "list"
    stated = _ACTIONS.get(opening)
    if stated is None or stated == kind:
        return
    if any(item.startswith(word) for item in words):
        return
    yield Finding(
        cmdlet.synopsis_span,
        f"synopsis says `{first_sentence}` (a {stated} operation), but the cmdlet name says `{word.title()}`",
        related=(Related(cmdlet.span, cmdlet.name),),
        context=first_sentence,
    )


@rule("DL404", severity="warning", tags=("powershell", "examples"), formats=("platyps",))
def duplicate_example(page: Page, context: Context) -> Iterator[Finding]:
    """Two examples show identical code.

    Each example should teach something; copies make the help longer and
    hide the one that differs.

    Bad: Example 2 and Example 3 repeat Example 1 line for line.
    Good: each example shows a different use (another identity, several participants ...).
    """
    if page.cmdlet is None:
        return
    first_seen: dict[str, int] = {}
    examples = page.cmdlet.examples
    for index, example in enumerate(examples):
        key = " ".join(example.code.split())
        if not key:
            continue
        if key not in first_seen:
            first_seen[key] = index
            continue
        original = examples[first_seen[key]]
        yield Finding(
            example.span,
            f"`{example.title}` has the same code as `{original.title}`",
            related=(Related(original.span, original.title),),
            context=f"{example.title} = {original.title}",
        )
