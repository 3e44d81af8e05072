"""Slack text objects: plain text stays inert, our own mrkdwn labels are escaped and clipped."""

from __future__ import annotations

from typing import Any

ELLIPSIS = "\u2026"
# Slack decodes only these three entities; every mrkdwn control sequence (<!channel>, <@U..>,
# <http://x|y>) needs a raw "<", so escaping them defuses pings, mentions and links.
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})

TextObject = dict[str, Any]


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, with an ellipsis when something was cut."""
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def escape(text: str) -> str:
    """Text made safe to embed in mrkdwn or in a message's fallback `text`."""
    return (text or "").translate(_ENTITIES)


def plain(text: str, limit: int = 3000) -> TextObject:
    """A plain_text object: Slack shows it literally (no formatting, mentions or links).

    Everything a person typed or the application worded goes out this way, so `*bold*` stays
    asterisks and `<!channel>` stays text.
    """
    return {"type": "plain_text", "text": clip(text, limit) or " ", "emoji": True}


def label(text: str, limit: int = 2000) -> TextObject:
    """A bold mrkdwn label for our own short captions (escaped, never auto-linked)."""
    # Clip before escaping (an entity is never cut in half); "&amp;" is 5 characters for 1.
    return {"type": "mrkdwn", "text": f"*{escape(clip(text, (limit - 2) // 5))}*",
            "verbatim": True}


def fallback(text: str, limit: int = 600) -> str:
    """A message's top-level `text` (notifications, old clients): clipped, then escaped."""
    return escape(clip(text, limit))
