"""Several matters named in one text: the one its main ask is about, when that is clear."""

from __future__ import annotations

from collections.abc import Callable

from matching.parse.items import (
    asks_for_work,
    claimed_by_writer,
    main_part,
    marked_done,
    may_ask,
    opens_with_a_task,
    part_of,
    parts,
    points_to_an_item,
    reports_status,
)
from matching.parse.words import Span

__all__ = ["DONE_ONLY_WARNING", "done_only_warning", "main_ask_matter", "one_matter"]

DONE_ONLY_WARNING = "the matter is named only on lines marked done; give the matter number"


def one_matter(hits: list[set[str]]) -> tuple[str | None, bool]:
    """The one matter the names point to: a definite name decides what an ambiguous one meant."""
    if not hits:
        return None, False
    definite = {next(iter(h)) for h in hits if len(h) == 1}
    if len(definite) == 1:
        number = next(iter(definite))
        if all(number in h for h in hits):
            return number, False
    return None, True


def main_ask_matter(
    text: str,
    folded: str,
    hits: list[set[str]],
    spans: list[Span],
    people: list[Span],
    is_known_word: Callable[[str], bool],
) -> str | None:
    """The matter the main ask is about when a text names several: the listed item it says comes
    first ("The first is the priority") or that calls itself the main thing, or the one part that
    asks for work while the others report news or work the writer keeps ("The Kwan evaluation is
    still due Friday. I need a demand letter for Ortiz."). None when that is not clear. A part
    opens with a task past the clients and the people it speaks to ("Bao — Mr. Kwan's …")."""
    found = parts(text, folded)
    names = spans + people
    matter_of: dict[int, str] = {}
    for part in {part_of(found, start) for start, _ in spans}:
        number, ambiguous = one_matter(
            [h for h, (start, _) in zip(hits, spans, strict=True) if part_of(found, start) == part]
        )
        if ambiguous or number is None:
            return None
        matter_of[part] = number
    main = main_part(folded, found, matter_of)
    if main is not None or points_to_an_item(folded):
        return matter_of.get(main) if main is not None else None
    kept = {p for p in matter_of if claimed_by_writer(folded, found[p])}
    open_parts = [p for p in matter_of if p not in kept and not reports_status(folded, found[p])]
    asked = {p for p in open_parts if asks_for_work(folded, found[p])}
    if not asked:
        # No word of asking: the one part in the imperative, when no other may ask either
        # ("Please note the Kwan hearing moved" may mean "calendar it").
        asked = {
            p for p in open_parts if opens_with_a_task(folded, found[p], names, is_known_word)
        }
        if any(may_ask(folded, found[p]) for p in open_parts if p not in asked):
            return None
    if len({matter_of[p] for p in asked}) != 1:
        return None
    news = [p for p in open_parts if p not in asked]
    if any(opens_with_a_task(folded, found[p], names, is_known_word) for p in news):
        return None  # "Draft the Kwan answer." asks too, without a word of asking
    return matter_of[next(iter(asked))]


def done_only_warning(text: str, folded: str, spans: list[Span]) -> str | None:
    """Why the matter is asked about when every naming of it sits on lines a status list marks
    as done while another line asks for work ("DONE: Kwan - filed / TODO: new caller - get her
    paperwork"): the ask may be about someone with no matter yet."""
    found = parts(text, folded)
    named = {part_of(found, start) for start, _ in spans}
    if not named or not all(p >= 0 and marked_done(folded, found[p]) for p in named):
        return None
    asks = any(asks_for_work(folded, part) for i, part in enumerate(found) if i not in named)
    return DONE_ONLY_WARNING if asks else None
