"""`lpo-bot digest`: print or post the managers' daily digest."""

from __future__ import annotations

import argparse

from bot.commands import not_available
from bot.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    return not_available("digest", "the scheduler")
