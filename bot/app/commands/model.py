"""`lpo-bot model train|status [--json]`: the request classifier behind the second opinion.

`train` refits the firm's model on the task catalogue, the labelled firms shipped with the
package and the firm's own examples (requests its people confirmed or corrected), scores it by
leaving each labelled source out in turn, and records when; running servers pick the training
up at their next scheduler tick. `status` shows what the next training learns from, by
source, and the last training's moment and score. The scheduler also trains nightly.
"""

from __future__ import annotations

import argparse
import json
from functools import partial

from bot.app.commands._shared import run_on_database
from bot.application import build_application
from bot.catalogue import load_taxonomy
from bot.clock import system_clock
from bot.settings import Settings
from storage.db import Database


async def _run(args: argparse.Namespace, settings: Settings, database: Database) -> int:
    # No model to build: this bot reads no requests, it only trains and reports.
    learning = build_application(database, settings, load_taxonomy(settings)).learning
    now = system_clock()
    report = await (learning.train(now) if args.verb == "train" else learning.status(now))
    print(json.dumps(report, indent=2) if args.json
          else _readable(report, trained=args.verb == "train"))
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    load_taxonomy(settings)  # a broken catalogue says so before the database is opened
    return run_on_database(settings, partial(_run, args, settings))


def _readable(report: dict[str, object], *, trained: bool) -> str:
    by_source = report["by_source"]
    assert isinstance(by_source, dict)
    accuracy = report["cv_accuracy"]
    measured = ("not measured" if not isinstance(accuracy, float) else
                f"{accuracy:.1%} of each labelled source's requests typed right by a model "
                "trained without that source")
    trained_at = report["trained_at"]
    when = (f"trained {trained_at}" if trained_at else
            "not retrained yet (the bot trains on the shipped data at start-up)")
    return "\n".join([
        f"Request model {'retrained' if trained else when}: {report['examples']} examples",
        *(f"  {source:<12} {count:>5}" for source, count in by_source.items()),
        f"Cross-validated: {measured}.",
    ])
