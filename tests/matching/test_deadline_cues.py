"""The readers' plain cues found in one scan: the same as looking for each one in turn."""

from __future__ import annotations

import random

from matching.parse.deadlines.cues import CueIndex

_CUES = ["fin", "finch", "finches", "inch", "ch", "q.e.d", "by ", " by", "zz"]


def _one_by_one(text: str) -> frozenset[str]:
    return frozenset(cue for cue in _CUES if cue in text)


def test_cues_inside_and_overlapping_others_are_all_found() -> None:
    index = CueIndex(_CUES)
    found = index.present("two finches by noon")
    assert found == {"fin", "finch", "finches", "inch", "ch", " by", "by "}
    assert index.present("q.e.d.") == {"q.e.d"}
    assert index.present("qxe.d") == frozenset()  # a dot is a dot, not any character


def test_random_texts_hold_what_a_search_per_cue_finds() -> None:
    index = CueIndex(_CUES)
    pieces = [*_CUES, "f", "i", "n", " ", ".", "e", "z", "b", "y"]
    chance = random.Random(7)
    for _ in range(2000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randint(0, 9)))
        assert index.present(text) == _one_by_one(text), text


def test_no_cues_finds_nothing() -> None:
    assert CueIndex([]).present("anything") == frozenset()
