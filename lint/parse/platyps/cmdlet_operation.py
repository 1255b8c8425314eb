"""The REST operation behind a Graph cmdlet, decoded from its body type name.

A generated Graph cmdlet names neither the HTTP method nor the path it calls,
but AutoRest encodes both in the name of the request-body type, which the page
shows for ``-BodyParameter``. Decoding it lets a rule pair the cmdlet page with
the REST page of the same operation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lint.model import CmdletParameter

__all__ = ["body_type_name", "decode_operation"]

_OPERATION_TYPE = re.compile(
    r"^I?Paths(?P<rest>[0-9A-Za-z]+?)(?P<method>Get|Post|Put|Patch|Delete)(?:Requestbody|Responses)"
)
#: AutoRest's path hash is a 32-bit number in base 36: six characters, or
#: seven starting with 1; shorter ones are rare but possible.
_HASH_LENGTHS = (6, 7, 5, 4, 3, 2, 1)
_HASH_SHAPE = re.compile(r"(?:[0-9]|[A-Z][a-z]*)+")
_PATH_WORD = re.compile(r"[A-Z][a-z0-9]*")


def decode_operation(type_name: str) -> tuple[str, str] | None:
    """The HTTP method and path encoded in an AutoRest request-body type name.

    ``IPaths4QrghdCommunicationsCallsCallIdMicrosoftGraphRejectPostRequestbody
    ContentApplicationJsonSchema`` is ``Paths`` + a base-36 hash of the path
    (Pascal-cased: ``4qrghd`` -> ``4Qrghd``) + the path with every segment
    lower-cased then capitalised + the method. The hash length is not
    written, so the likeliest lengths are tried first; keys (``{call-id}``)
    end in an ``Id`` word, ``microsoft.graph.x`` is three words. Segment case
    is lost in the name, so the path comes back in lower case.
    """
    name = type_name.strip().strip("`<>").rsplit(".", 1)[-1]
    match = _OPERATION_TYPE.match(name)
    if not match:
        return None
    words = _path_words(match.group("rest"))
    if not words:
        return None
    return match.group("method").upper(), "/" + "/".join(_path_segments(words))


def _path_words(rest: str) -> list[str] | None:
    """Remove the hash: the first plausible length after which a path word starts."""
    for length in _HASH_LENGTHS:
        if length >= len(rest):
            continue
        prefix, body = rest[:length], rest[length:]
        if body[0].isupper() and _HASH_SHAPE.fullmatch(prefix):
            return _PATH_WORD.findall(body)
    return None


def _path_segments(words: list[str]) -> list[str]:
    """``Calls CallId`` -> calls, {call-id}; ``Microsoft Graph Reject`` -> microsoft.graph.reject."""
    segments: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word == "Microsoft" and index + 2 < len(words) and words[index + 1] == "Graph":
            segments.append("microsoft.graph." + words[index + 2].lower())
            index += 3
        elif index + 1 < len(words) and words[index + 1] == "Id":
            segments.append("{" + word.lower() + "-id}")
            index += 2
        else:
            segments.append(word.lower())
            index += 1
    return segments


def body_type_name(parameters: Sequence[CmdletParameter], notes: Sequence[tuple[str, str, Any]]) -> str:
    """The BodyParameter type: from its YAML block, else from the NOTES tree header."""
    for parameter in parameters:
        if parameter.name.lower() == "bodyparameter" and parameter.type:
            return parameter.type
    for key, type_name, _ in notes:
        if key == "BODYPARAMETER":
            return type_name
    return ""
