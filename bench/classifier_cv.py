"""Compare the request classifier's features and C with variants, holding out whole firms.

Each variant is the shipped pipeline (`bot.request_model.build_pipeline`) with some parameters
changed (`Pipeline.set_params`). The labelled firms (tests/data/firms) are held out in groups:
with `--folds K` firm i of the sorted list is in group i mod K, and for each group every variant
is trained on the catalogue and the other groups' firms, calibrated as `train` calibrates
(temperature scaling on 3-fold margins), and reads the held-out firms. `--folds 0` holds out one
firm at a time (leave-one-firm-out, 48 fits per variant: about 6 minutes each on one core);
the default, 8 groups of 6 firms, costs a sixth of that and trains on 42 firms instead of 47,
so its accuracies run a little lower, for every variant alike.

For each variant it prints, against the shipped pipeline on the same folds:
- the classifier alone: requests whose best label is the labelled one (the type, or "no task"),
  over every labelled firm;
- gained / lost: requests the variant gets right and the shipped one wrong, and the reverse,
  with a two-sided sign test (binomial, p = 1/2) on them;
- calibration: the held-out log loss of the labelled label, and how many requests the
  classifier reads wrongly at the probability where the chosen rule lets it act alone (0.80);
- with the rules: right / asked / silently wrong at the shipped CHOSEN_THRESHOLDS, pairing the
  variant's probabilities with each firm's first-run rule readings (bench/data/first_run_rules.jsonl;
  firms without one are left out), scored as bench/second_opinion_cv.py scores them.

    python bench/classifier_cv.py                    # every variant, 8 groups of firms
    python bench/classifier_cv.py --folds 0 --variants "char 2-5 min_df 5"   # leave one out
    python bench/classifier_cv.py --list             # the variants and their parameters
    python bench/classifier_cv.py --choose --variants "char 2-5 min_df 5"  # + own thresholds

Single-threaded throughout (no n_jobs); run it on an otherwise quiet core.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from scipy.special import softmax
from scipy.stats import binomtest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.build_training_data import training_firms  # noqa: E402
from bench.second_opinion_cv import (  # noqa: E402
    MAX_ASKED,
    Reading,
    Tally,
    as_examples,
    as_first_run,
    catalogue,
    choose,
    first_run_rules,
    overall,
)
from bot.request_model import Example, _fit, _temperature, build_pipeline  # noqa: E402
from matching.second_opinion import CHOSEN_THRESHOLDS  # noqa: E402

DEFAULT_FOLDS = 8
CONFIDENT = CHOSEN_THRESHOLDS.classifier_alone or 1.0  # where the classifier acts alone
SHIPPED = "shipped"
CHARS = "features__chars__"
WORDS = "features__words__"
# Name -> the parameters changed from the shipped pipeline. Names say what they set, not what
# is shipped, so that the table reads the same after a variant is adopted.
VARIANTS: dict[str, dict[str, Any]] = {
    SHIPPED: {},
    "char_wb 2-5 min_df 2": {CHARS + "analyzer": "char_wb", CHARS + "ngram_range": (2, 5),
                             CHARS + "min_df": 2},
    "char_wb 2-5 min_df 5": {CHARS + "analyzer": "char_wb", CHARS + "ngram_range": (2, 5),
                             CHARS + "min_df": 5},
    "char 2-5 min_df 2": {CHARS + "analyzer": "char", CHARS + "ngram_range": (2, 5),
                          CHARS + "min_df": 2},
    "char 2-5 min_df 5": {CHARS + "analyzer": "char", CHARS + "ngram_range": (2, 5),
                          CHARS + "min_df": 5},
    "char 2-6 min_df 5": {CHARS + "analyzer": "char", CHARS + "ngram_range": (2, 6),
                          CHARS + "min_df": 5},
    "char_wb 2-4 min_df 2": {CHARS + "analyzer": "char_wb", CHARS + "ngram_range": (2, 4),
                             CHARS + "min_df": 2},
    "char_wb 3-6 min_df 2": {CHARS + "analyzer": "char_wb", CHARS + "ngram_range": (3, 6),
                             CHARS + "min_df": 2},
    "words 1-3": {WORDS + "ngram_range": (1, 3)},
    "words 1-2 min_df 2": {WORDS + "min_df": 2},
    "no char n-grams": {"features__chars": "drop"},
    "C 0.5": {"classify__C": 0.5},
    "C 2": {"classify__C": 2.0},
}


@dataclass
class Result:
    """One variant's held-out readings: the best label and all probabilities, per request."""

    name: str
    best: dict[tuple[str, int], str]
    probabilities: dict[tuple[str, int], dict[str, float]]
    seconds: float = 0.0


def pipeline_of(name: str) -> Any:
    """The shipped pipeline with the variant's parameters set."""
    return build_pipeline().set_params(**VARIANTS[name])


def is_shipped(name: str) -> bool:
    """Whether the variant sets only what the shipped pipeline already has (its row is shipped's)."""
    shipped = build_pipeline().get_params()
    return all(key in shipped and shipped[key] == value
               for key, value in VARIANTS[name].items())


def groups(firms: Sequence[str], folds: int) -> list[list[str]]:
    """Firms in `folds` groups (firm i in group i mod folds); one firm each when folds is 0."""
    count = len(firms) if folds <= 0 else min(folds, len(firms))
    return [list(firms[index::count]) for index in range(count)]


def held_out(name: str, phrases: list[Example], examples: Mapping[str, list[Example]],
             folds: list[list[str]]) -> Result:
    """Each firm read by the variant fitted and calibrated without its group."""
    result = Result(name, {}, {})
    started = time.process_time()
    for group in folds:
        training = phrases + [e for firm, rows in examples.items() if firm not in group
                              for e in rows]
        pipeline, features = _fit(training, pipeline_of(name))
        temperature = _temperature(features, [e.task_type for e in training],
                                   pipeline.named_steps["classify"])
        labels = [str(label) for label in pipeline.named_steps["classify"].classes_]
        for firm in group:
            margins = pipeline.decision_function([e.text for e in examples[firm]])
            rows = softmax(np.asarray(margins) / temperature, axis=1)
            for index, row in enumerate(rows):
                result.probabilities[firm, index] = dict(zip(labels, map(float, row),
                                                             strict=True))
                result.best[firm, index] = labels[int(np.argmax(row))]
    result.seconds = time.process_time() - started
    return result


def with_first_run_rules(result: Result, examples: Mapping[str, list[Example]],
                         first: Mapping[str, dict[str, dict[str, object]]]
                         ) -> dict[str, list[Reading]]:
    """Each firm with a first run: the variant's probabilities with the first run's rules."""
    firms = {firm.name: firm for firm in training_firms()}
    readings = {}
    for name, rows in examples.items():
        if name not in first:
            continue
        unread = [Reading(label=e.task_type, rule_type=None, rule_confidence=0.0,
                          probabilities=result.probabilities[name, index], vague=False,
                          rule_candidates=()) for index, e in enumerate(rows)]
        readings[name] = as_first_run(firms[name], unread, first[name])
    return readings


def right(result: Result, truth: Mapping[tuple[str, int], str]) -> set[tuple[str, int]]:
    return {key for key, label in truth.items() if result.best[key] == label}


def calibration(result: Result, truth: Mapping[tuple[str, int], str]) -> tuple[float, int]:
    """Held-out log loss, and how many best labels at least CONFIDENT probable are wrong."""
    loss = -np.mean([np.log(max(result.probabilities[key].get(label, 0.0), 1e-12))
                     for key, label in truth.items()])
    confident_wrong = sum(result.best[key] != label
                          and result.probabilities[key][result.best[key]] >= CONFIDENT
                          for key, label in truth.items())
    return float(loss), confident_wrong


def row(result: Result, shipped: Result, truth: Mapping[tuple[str, int], str],
        tally: Tally, shipped_tally: Tally) -> str:
    mine, theirs = right(result, truth), right(shipped, truth)
    gained, lost = len(mine - theirs), len(theirs - mine)
    p = binomtest(gained, gained + lost).pvalue if gained + lost else 1.0
    silent = tally.wrong - shipped_tally.wrong
    loss, confident_wrong = calibration(result, truth)
    return (f"| {result.name} | {len(mine)} | {len(mine) / len(truth):.1%} | {gained} | {lost} | "
            f"{p:.3f} | {loss:.3f} | {confident_wrong} | {tally.cell()} | "
            f"{tally.wrong / tally.total:.1%} | {silent:+d} | {result.seconds / 60:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=DEFAULT_FOLDS,
                        help=f"groups of firms held out (default {DEFAULT_FOLDS}; 0: one firm each)")
    parser.add_argument("--variants", nargs="*", default=list(VARIANTS),
                        help="which variants (names as --list prints them); shipped always runs")
    parser.add_argument("--list", action="store_true", help="print the variants and stop")
    parser.add_argument("--choose", action="store_true",
                        help="also choose each variant's thresholds as second_opinion_cv does")
    args = parser.parse_args()
    if args.list:
        for name, params in VARIANTS.items():
            print(f"{name}: {params or 'bot.request_model.build_pipeline() as it is'}")
        return
    unknown = set(args.variants) - set(VARIANTS)
    if unknown:
        parser.error(f"unknown variants: {sorted(unknown)}")
    examples = {firm.name: as_examples(firm) for firm in training_firms()}
    truth = {(firm, index): e.task_type for firm, rows in examples.items()
             for index, e in enumerate(rows)}
    folds = groups(list(examples), args.folds)
    first, phrases = first_run_rules(), catalogue()
    scheme = ("leave one firm out" if len(folds) == len(examples)
              else f"{len(folds)} groups of firms (firm i in group i mod {len(folds)})")
    print(f"{len(examples)} firms, {len(truth)} requests; {scheme}; "
          f"with the rules: {len(set(first) & set(examples))} firms with a first run, "
          f"{CHOSEN_THRESHOLDS.label()}; started {datetime.now(UTC):%H:%M} UTC\n")
    print("| variant | classifier alone right | % | gained | lost | sign test p | log loss | "
          f"wrong at p >= {CONFIDENT} | with first-run rules: right / asked / silent | silent % | "
          "silent vs shipped | CPU min |")
    print("|---|" + "---:|" * 11)
    shipped = held_out(SHIPPED, phrases, examples, folds)
    readings = {SHIPPED: with_first_run_rules(shipped, examples, first)}
    shipped_tally = overall(readings[SHIPPED], CHOSEN_THRESHOLDS)
    print(row(shipped, shipped, truth, shipped_tally, shipped_tally), flush=True)
    for name in args.variants:
        if name == SHIPPED or is_shipped(name):
            continue
        result = held_out(name, phrases, examples, folds)
        readings[name] = with_first_run_rules(result, examples, first)
        print(row(result, shipped, truth, overall(readings[name], CHOSEN_THRESHOLDS),
                  shipped_tally), flush=True)
    if args.choose:
        print(f"\nEach variant's own choice (bench/second_opinion_cv.py's rule and grid: fewest "
              f"silent with asked <= {MAX_ASKED:.0%}, then fewest asked):\n")
        print("| variant | chosen setting | right / asked / silent |\n|---|---|---:|")
        for name, variant_readings in readings.items():
            chosen = choose(variant_readings)
            print(f"| {name} | {chosen.label()} | {overall(variant_readings, chosen).cell()} |",
                  flush=True)


if __name__ == "__main__":
    main()
