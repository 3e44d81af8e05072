"""The parser against the project's own labelled firms: the dev-corpus targets, and held-out floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.matching.corpus import score_corpus

FIRMS = sorted(p for p in (Path(__file__).parents[1] / "data" / "firms").iterdir() if p.is_dir())


@pytest.mark.parametrize("firm", FIRMS, ids=[firm.name for firm in FIRMS])
def test_firm_corpus_meets_every_target(firm: Path) -> None:
    score = score_corpus(firm)
    print("\n" + score.report())
    assert score.meets_targets(), score.report()


# The latest firm written blind (first run: task type 88 %, due_at 94 %), tuned for only a little:
# each field may only get better than it is now.
HELD_OUT = Path(__file__).parents[1] / "data" / "heldout"
FLOORS = {
    "peachtree": {"task_type": 0.90, "due_at": 0.97, "priority": 1.0, "matter": 1.0,
                  "assignee": 1.0},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_held_out_firm_does_not_fall_below_its_first_scores(name: str) -> None:
    score = score_corpus(HELD_OUT / name)
    print("\n" + score.report())
    assert all(score.accuracy(field) >= floor for field, floor in FLOORS[name].items()), (
        score.report())
