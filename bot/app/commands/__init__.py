"""One module per CLI command; each exposes `run(args, settings) -> exit code`."""

from __future__ import annotations

import sys

from sqlalchemy.exc import DBAPIError

EXIT_USAGE = 2


class DatabaseNotReady(Exception):
    """The database cannot be used yet; the message says what to do, in one line."""


def database_trouble(error: DBAPIError) -> str:
    """The driver's own first line ("file is not a database", "connection refused"): enough
    to act on, and free of the statement and its parameters that SQLAlchemy appends."""
    lines = str(error.orig).strip().splitlines() if error.orig else []
    return lines[0] if lines else type(error).__name__


def fail(message: str, code: int = EXIT_USAGE) -> int:
    """Print a friendly one-line error to stderr and return the exit code."""
    print(f"lpo-bot: {message}", file=sys.stderr)
    return code
