"""Right and wrong counts per field for labelled firm folders, scored as tests/matching/corpus.py does;
then issue 13's split per field: right (and not asked), asked (the parser is unsure), silently wrong.

The parser is the bot's: rules plus the shipped classifier's second opinion (`--rules-only`: the
rules alone). On a firm in tests/data/firms the shipped model has learnt that firm's labels, so
only a firm outside its training data (tests/data/blind) gives an honest figure."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.matching.corpus import TARGETS, Score, score_corpus

BLIND_FIRMS = Path(__file__).resolve().parents[1] / "tests" / "data" / "blind"


def table(scores: list[Score]) -> str:
    """A Markdown table: one row per firm, `right / wrong (accuracy)` per field."""
    header = "| firm | requests | " + " | ".join(TARGETS) + " |"
    rule = "|---|---:|" + "---:|" * len(TARGETS)
    rows = [
        f"| {score.name} | {score.lines} | "
        + " | ".join(f"{score.right[f]} / {score.lines - score.right[f]} ({score.accuracy(f):.0%})"
                     for f in TARGETS)
        + " |"
        for score in scores
    ]
    return "\n".join([header, rule, *rows])


def unsure_table(scores: list[Score]) -> str:
    """A Markdown table: `right / asked / silently wrong` per field, one row per firm and a total.

    A field is asked when the parser puts it in `unsure`, whether its guess was right or not;
    silently wrong when it is wrong and not asked; right when right and not asked."""
    header = "| firm | requests | " + " | ".join(TARGETS) + " |"
    rule = "|---|---:|" + "---:|" * len(TARGETS)
    total = Score("total", lines=sum(s.lines for s in scores))
    for score in scores:
        for name in TARGETS:
            total.right[name] += score.right[name]
            total.asked[name] += score.asked[name]
            total.silently_wrong[name] += score.silently_wrong[name]
    rows = []
    for score in [*scores, total] if len(scores) > 1 else scores:
        cells = []
        for name in TARGETS:
            wrong = score.silently_wrong[name]
            right = score.lines - score.asked[name] - wrong
            cells.append(f"{right} / {score.asked[name]} / {wrong}")
        rows.append(f"| {score.name} | {score.lines} | " + " | ".join(cells) + " |")
    return "\n".join([header, rule, *rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("firms", nargs="*", type=Path,
                        help="firm folders holding roster.csv, matters.csv and delegations.jsonl "
                             "(default: every folder under tests/data/blind)")
    parser.add_argument("--misses", action="store_true", help="also list every wrong field")
    parser.add_argument("--rules-only", action="store_true",
                        help="score the rule-based parser without the second opinion")
    args = parser.parse_args()
    firms = args.firms or sorted(p for p in BLIND_FIRMS.iterdir() if p.is_dir())
    scores = [score_corpus(firm, second_opinion=not args.rules_only) for firm in firms]
    print(table(scores))
    print("\nright / asked / silently wrong:\n")
    print(unsure_table(scores))
    if args.misses:
        for score in scores:
            print(f"\n{score.name}:")
            print("\n".join(f"  {miss}" for miss in score.misses))


if __name__ == "__main__":
    main()
