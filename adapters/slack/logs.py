"""The logger handed to Bolt and slack_sdk, with Slack tokens scrubbed from every record."""

from __future__ import annotations

import logging
import re

# Bot, user, app-level and refresh tokens; slack_sdk already hides Authorization headers,
# this also covers tokens that end up in URLs, bodies or exception texts.
_TOKEN = re.compile(r"\b(xox[abeoprs]|xapp|xoxe\.xox[bp])-[A-Za-z0-9-]+")


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _TOKEN.search(message):
            record.msg, record.args = _TOKEN.sub(r"\1-[redacted]", message), ()
        return True


def sdk_logger() -> logging.Logger:
    """`adapters.slack.sdk`: where Bolt, the Web API client and Socket Mode log."""
    logger = logging.getLogger("adapters.slack.sdk")
    if not any(isinstance(f, RedactTokens) for f in logger.filters):
        logger.addFilter(RedactTokens())
    return logger
