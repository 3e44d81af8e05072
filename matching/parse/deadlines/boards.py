"""Assignment boards: rows of cells split by "|" ("Client | task | due | @who"), one task a row.

A row's due cell is that row's deadline; the board's heading ("Thu board") and notes under it
name the post, not a task's day. Rows that give different due days leave the deadline to ask.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from matching.parse.deadlines.pieces import MARKED, Day, Piece

__all__ = ["Board", "fills_a_cell", "on_a_board"]

_CELL_SPLIT = "|"
# A row holds three cells at least: two pipes on one line ("Kuhn | pull stmts | EOD").
_ROW_PIPES = 2
# What may stand in a due cell besides the day itself: a lead-in and punctuation ("by Wed",
# "Fri 3pm", "next Tue.").
_CELL_FILLER = re.compile(r"[\s.,;:()\-]*(?:(?:by|due|on|before|b4|at|@)\b[\s.,;:()\-]*)*")
# A heading over a board is a few words at most.
_HEADING_WORDS = 5
_SEVERAL_DUES = "the board's rows give different due days ({days}): which is this task's?"


class Board(NamedTuple):
    """The pieces left once a board is read, and the doubt when its rows disagree."""

    pieces: list[Piece]
    doubt: str | None = None


def _rows(folded: str) -> list[tuple[int, int]]:
    """The spans of the lines that are board rows."""
    rows: list[tuple[int, int]] = []
    start = 0
    for line in folded.split("\n"):
        if line.count(_CELL_SPLIT) >= _ROW_PIPES:
            rows.append((start, start + len(line)))
        start += len(line) + 1
    return rows


def _cells(folded: str, row: tuple[int, int]) -> list[tuple[int, int]]:
    cells: list[tuple[int, int]] = []
    start = row[0]
    for index in [i for i in range(row[0], row[1]) if folded[i] == _CELL_SPLIT] + [row[1]]:
        cells.append((start, index))
        start = index + 1
    return cells


def _cell_around(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The cell of a board row that holds `start:end`, if it stands in one."""
    for row in _rows(folded):
        if row[0] <= start and end <= row[1]:
            return next((c for c in _cells(folded, row) if c[0] <= start and end <= c[1]), None)
    return None


def _only_filler(text: str) -> bool:
    return _CELL_FILLER.fullmatch(text) is not None


def fills_a_cell(folded: str, start: int, end: int) -> bool:
    """Whether the words at `start:end` are all a board cell holds, with a lead-in at most
    ("| Mon |", "| by wed |"): said as the row's due day, even when the word is also a word."""
    if _CELL_SPLIT not in folded:
        return False
    cell = _cell_around(folded, start, end)
    return cell is not None and _only_filler(folded[cell[0] : start]) and _only_filler(
        folded[end : cell[1]]
    )


def _due_cell_pieces(folded: str, cell: tuple[int, int], pieces: Sequence[Piece]) -> list[Piece]:
    """The pieces of a cell that holds nothing but them ("Fri 3pm"), or none."""
    inside = [p for p in pieces if cell[0] <= p.start and p.end <= cell[1]]
    if not inside:
        return []
    cursor = cell[0]
    for piece in inside:
        if not _only_filler(folded[cursor : piece.start]):
            return []
        cursor = piece.end
    return inside if _only_filler(folded[cursor : cell[1]]) else []


def on_a_board(folded: str, pieces: list[Piece]) -> Board:
    """The pieces as a board gives them: a due cell's pieces marked as the deadline; a day said
    outside the rows (the heading "Fri board", a note under it) set aside unless marked by its
    own words. A text with no board row is left as it is."""
    if _CELL_SPLIT not in folded:
        return Board(pieces)
    rows = _rows(folded)
    if not rows:
        return Board(pieces)
    due: dict[int, list[Piece]] = {}
    for number, row in enumerate(rows):
        for cell in _cells(folded, row):
            if found := _due_cell_pieces(folded, cell, pieces):
                due.setdefault(number, []).extend(found)
    # (a row with no due cell may be a signature's "Name | Title | Firm": the text around it is
    # then read as ever, but for a short heading over the first row)
    heading = _heading(folded, rows[0])
    kept = [
        p for p in pieces
        if p.rank >= MARKED or any(r[0] <= p.start and p.end <= r[1] for r in rows)
        or not due and not (heading[0] <= p.start and p.end <= heading[1])
    ]  # fmt: skip
    marked = {id(p) for found in due.values() for p in found}
    return Board([_marked(p) if id(p) in marked else p for p in kept], _rows_disagree(folded, due))


def _heading(folded: str, first_row: tuple[int, int]) -> tuple[int, int]:
    """The span of the board's heading ("Thu board", "Fri AM board (early)"): the text's first
    line, short, when the first row follows it; else an empty span."""
    if first_row[0] == 0:
        return (0, 0)
    line = folded[: first_row[0] - 1]
    if "\n" in line or len(line.split()) > _HEADING_WORDS:
        return (0, 0)
    return (0, len(line))


def _marked(piece: Piece) -> Piece:
    return piece._replace(rank=MARKED) if piece.rank < MARKED else piece


def _rows_disagree(folded: str, due: dict[int, list[Piece]]) -> str | None:
    days = {
        folded[found[0].start : found[-1].end].strip(): tuple(
            p.day for p in found if isinstance(p, Day)
        )
        for found in due.values()
    }
    if len(set(days.values())) <= 1:
        return None
    return _SEVERAL_DUES.format(days=", ".join(days))
