"""Forwarded and quoted e-mail inside a request: someone else's words, not the writer's ask."""

from __future__ import annotations

import re

from matching.parse.words import Span, inside

__all__ = ["quoted_spans"]

# The first line of a forwarded or replied-to message's header: Outlook's "From: Ana Ruiz", a
# mail client's "-----Original Message-----" or "---------- Forwarded message ---------",
# Apple Mail's "Begin forwarded message:", and a reply's "On Tue, Ana Ruiz <a@b.test> wrote:".
_HEADER_START = re.compile(
    r"^[ \t>]*(?:"
    r"(?:from|de|von)\s*:\s*\S"
    r"|-{2,}\s*(?:original\s+message|forwarded\s+message)\s*-*"
    r"|begin\s+forwarded\s+message\s*:"
    r"|on\s+[^\n]{4,160}\bwrote\s*:\s*$"
    r")",
    re.IGNORECASE | re.MULTILINE,
)
# The header's fields that a mail client writes, one of which follows "From:" within a few lines
# in a real header: a sentence that opens "From: the client" has none, and neither has a memo the
# writer heads "From: Dana / To: Eli / Re: Kwan" (Eli is asked there).
_HEADER_FIELD = re.compile(r"^[ \t>]*(?:sent|date|subject)\s*:", re.IGNORECASE | re.MULTILINE)
_FIELD_REACH = 4  # lines after "From:" within which such a field must stand
# A line that only rules the message off ("----", "____", "==="): the writer's own text resumes
# after it, as where an ask is typed below the chain.
_RULE = re.compile(r"^[ \t]*(?:-{3,}|_{3,}|={3,}|\*{3,})[ \t]*$", re.MULTILINE)
# A quoted line of a reply: "> they called again".
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*$", re.MULTILINE)
# An automatic reply pasted in quotes: 'got her auto-reply: "I am out ... please contact Ana"'.
_AUTO_REPLY = re.compile(
    r"\b(?:auto-?reply|automatic\s+reply|out[\s-]+of[\s-]+office\s+(?:message|reply)"
    r"|ooo\s+(?:message|reply))\W{0,3}\s*:?\s*(?P<quote>[\"\u201c][^\"\u201d\n]{10,}[\"\u201d])",
    re.IGNORECASE,
)


def quoted_spans(text: str) -> list[Span]:
    """Where the text quotes other people's e-mail: each forwarded message from its header to a
    ruled line or the end of the text, and each "> " line. People named there (its sender,
    recipients, the names it mentions) and the urgency it asks for are not the writer's ask; nor
    is an automatic reply pasted in quotes."""
    spans = [m.span("quote") for m in _AUTO_REPLY.finditer(text)] if '"' in text or (
        "\u201c" in text
    ) else []
    if "\n" not in text:
        return spans
    position = 0
    while (start := _header_at(text, position)) is not None:
        rule = _RULE.search(text, start)
        end = rule.start() if rule else len(text)
        spans.append((start, end))
        position = rule.end() if rule else len(text)
    spans += [m.span() for m in _QUOTED_LINE.finditer(text) if not inside(m.start(), spans)]
    return sorted(spans)


def _header_at(text: str, position: int) -> int | None:
    """Where the next forwarded message's header begins at or after `position`, or None."""
    for match in _HEADER_START.finditer(text, position):
        if not match.group().lstrip(" \t>").lower().startswith(("from", "de", "von")):
            return match.start()
        lines = text[match.end() :].split("\n", _FIELD_REACH + 1)[1 : _FIELD_REACH + 1]
        if any(_HEADER_FIELD.match(line) for line in lines):
            return match.start()
    return None

