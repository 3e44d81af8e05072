"""One module per CLI command; each exposes `run(args, settings) -> exit code`."""

from __future__ import annotations

import sys

EXIT_USAGE = 2


def fail(message: str, code: int = EXIT_USAGE) -> int:
    """Print a friendly one-line error to stderr and return the exit code."""
    print(f"lpo-bot: {message}", file=sys.stderr)
    return code

