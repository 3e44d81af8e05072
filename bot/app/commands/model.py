"""`lpo-bot model train|status [--json]`: the request classifier behind the second opinion.

The bot trains its model at start-up from the task catalogue and the labelled firms shipped with
the package, so both verbs build that model and report it: how many examples from which source,
when it was trained, and its accuracy on each labelled firm when trained without that firm.
Until a firm's confirmed answers are stored, `train` has nothing of the firm's own to add.
"""

from __future__ import annotations

import argparse
import json

from bot.catalogue import load_taxonomy
from bot.clock import system_clock
from bot.request_model import (
    RequestModel,
    cross_validated_accuracy,
    shipped_examples,
    status,
    train,
    training_examples,
)
from bot.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    examples = training_examples(load_taxonomy(settings), shipped_examples())
    model = train(examples, trained_at=system_clock())
    accuracy = cross_validated_accuracy(examples)
    print(json.dumps(status(model, accuracy), indent=2) if args.json
          else _readable(model, accuracy, trained=args.verb == "train"))
    return 0


def _readable(model: RequestModel, accuracy: float | None, *, trained: bool) -> str:
    measured = ("no labelled firm to hold out" if accuracy is None else
                f"{accuracy:.1%} of each labelled firm's requests typed right by a model "
                "trained without that firm")
    return "\n".join([
        f"Request model {'trained' if trained else 'as the bot trains it at start-up'}, "
        f"{model.trained_at.isoformat(timespec='seconds')}: {model.examples} examples",
        *(f"  {source:<12} {count:>5}" for source, count in model.by_source.items()),
        f"Cross-validated: {measured}.",
    ])
