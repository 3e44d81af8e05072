"""What the parser says when it asks about a request's matter or assignee (the delegator reads it)."""

from __future__ import annotations

__all__ = [
    "AMBIGUOUS_MATTER_WARNING", "CONTEXT_GUESS_WARNING", "FOR_ANOTHER", "NOT_ON_ROSTER",
    "NO_ACTION", "POOL_AND_PERSON", "SEVERAL_MATTERS_WARNING", "SEVERAL_PEOPLE",
    "SIGNED_OR_ASKED", "UNKNOWN_MENTION",
]  # fmt: skip

AMBIGUOUS_MATTER_WARNING = "the client name fits more than one matter; give the matter number"
SEVERAL_MATTERS_WARNING = "the text names more than one matter; give one matter number"
CONTEXT_GUESS_WARNING = (
    "the client has several matters and only the text's other words point to this one; "
    "give the matter number"
)
NOT_ON_ROSTER = "nobody on the roster is called \u201c{name}\u201d"
SEVERAL_PEOPLE = "\u201c{name}\u201d could be {people}"
UNKNOWN_MENTION = "the person you mentioned is not on the roster"
NO_ACTION = "the text says nothing needs doing, so no one is assigned"
FOR_ANOTHER = "the person named only helps whoever does the task; who is to do it?"
POOL_AND_PERSON = (
    "the text asks anyone for one thing and {name} for another: who does the main task?"
)
SIGNED_OR_ASKED = "the text ends with a name: is that the one to do it, or the writer signing?"
