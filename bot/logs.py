"""Log output: one line per record, so nothing a user typed can forge a line of its own."""

from __future__ import annotations

import logging

LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
TRACEBACK_MARGIN = "| "
# Every character str.splitlines() breaks at; log shippers split at some of them.
_LINE_BREAKS = {ord(c): c.encode("unicode_escape").decode("ascii")
                for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


def escape_line_breaks(text: str) -> str:
    r"""`a\nb` -> `a\\nb`: the text on one line, its breaks still readable."""
    return text.translate(_LINE_BREAKS)


class OneLineFormatter(logging.Formatter):
    """Escapes line breaks in the message (where request values end up) and sets the lines
    of a traceback behind a margin, so no line of either can pass for a record of its own."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return escape_line_breaks(super().formatMessage(record))

    def format(self, record: logging.LogRecord) -> str:
        # The message is one line now; whatever follows it is the traceback or stack.
        first, *details = super().format(record).split("\n")
        return "\n".join([first, *(TRACEBACK_MARGIN + escape_line_breaks(line)
                                   for line in details)])


def configure_logging(level: int) -> None:
    """Every record to stderr, one line each (a traceback behind a margin)."""
    handler = logging.StreamHandler()
    handler.setFormatter(OneLineFormatter(LINE_FORMAT))
    logging.basicConfig(level=level, handlers=[handler])
