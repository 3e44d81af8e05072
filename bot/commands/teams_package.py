"""`lpo-bot teams-package`: write the Teams app package."""

from __future__ import annotations

import argparse

from bot.commands import not_available
from bot.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    return not_available("teams-package", "the Teams adapter")
