"""The logger handed to Bolt and slack_sdk: Slack tokens scrubbed, payloads kept out of INFO+."""

from __future__ import annotations

import logging
import re

# Bot, user, app-level and refresh tokens; slack_sdk already hides Authorization headers,
# this also covers tokens that end up in URLs, bodies or exception texts.
_TOKEN = re.compile(r"\b(xox[abeoprs]|xapp|xoxe\.xox[bp])-[A-Za-z0-9-]+")
# Where Bolt and slack_sdk put a request or response into a message: "body: ..." or a
# repr'd dict ("Unhandled request ({'type': ...})"), to the end of the message.
_PAYLOAD = re.compile(r"(?:\bbody: |\{).*", re.DOTALL)
WITHHELD = "[payload withheld]"


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _TOKEN.search(message):
            record.msg, record.args = _TOKEN.sub(r"\1-[redacted]", message), ()
        return True


class WithholdPayloads(logging.Filter):
    """At INFO and above, cut the payload out of SDK messages: it may carry user text.

    Bolt logs the bodies it does not route ("Unhandled request (...)") and Socket Mode the
    bodies it could not answer; DEBUG keeps them whole for troubleshooting.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.INFO:
            message = record.getMessage()
            if _PAYLOAD.search(message):
                record.msg, record.args = _PAYLOAD.sub(WITHHELD, message, count=1), ()
        return True


def sdk_logger() -> logging.Logger:
    """`adapters.slack.sdk`: where Bolt, the Web API client and Socket Mode log."""
    logger = logging.getLogger("adapters.slack.sdk")
    for kind in (RedactTokens, WithholdPayloads):
        if not any(isinstance(f, kind) for f in logger.filters):
            logger.addFilter(kind())
    return logger
