"""`lpo-bot tick`: run every due scheduler job once and deliver the outbox."""

from __future__ import annotations

import argparse

from bot.commands import not_available
from bot.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    return not_available("tick", "the scheduler")
