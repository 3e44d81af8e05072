"""The parser against the project's own labelled firms (tests/data/firms): the dev-corpus targets."""

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
