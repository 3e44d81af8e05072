"""What a log must never hold after hostile input: a traceback, the input, a forged line."""

from __future__ import annotations

import logging

import pytest

from bot.logs import LINE_FORMAT, OneLineFormatter

FORGED = "ERROR forged"  # what hostile input puts after a line break


def formatted(caplog: pytest.LogCaptureFixture) -> str:
    """The captured records as the server writes them (bot.logs' formatter)."""
    formatter = OneLineFormatter(LINE_FORMAT)
    return "".join(formatter.format(record) + "\n" for record in caplog.records)


def assert_clean(caplog: pytest.LogCaptureFixture, *absent: str,
                 level: int = logging.DEBUG) -> None:
    """No traceback and none of `absent` in any record at `level` or above; no forged line."""
    records = [r for r in caplog.records if r.levelno >= level]
    assert not [r for r in records if r.exc_info], "a traceback was logged"
    text = "\n".join(r.getMessage() for r in records)
    assert "Traceback" not in text
    for value in absent:
        assert value not in text, f"{value!r} reached the log"
    for written in (caplog.text, formatted(caplog)):  # pytest's format, and the server's
        forged = [line for line in written.splitlines() if line.startswith(FORGED)]
        assert forged == [], forged
