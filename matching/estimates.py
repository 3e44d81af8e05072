"""How long a task type takes: the catalogue's estimate, until the firm's own hours outweigh it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from matching.model import TaskType

# Actual-hour records of a type, firm-wide, before its median replaces the catalogue estimate.
MEDIAN_AFTER_RECORDS = 10
# Reported hours beyond a working week are a typo, not a record.
MOST_HOURS = 60.0


@dataclass(frozen=True, slots=True)
class Median:
    """The firm's median actual hours for one task type, over `records` completed tasks."""

    hours: float
    records: int


@dataclass(frozen=True, slots=True)
class Estimate:
    """The hours to cost and to load a task with, and where they come from."""

    hours: float
    records: int = 0  # actual-hour records behind a firm median; 0 for the catalogue's

    @property
    def from_firm(self) -> bool:
        return self.records > 0

    def describe(self) -> str:
        """`≈ 1.2 h, the firm's median of 14`, or `1.5 h, the catalogue estimate`."""
        if self.from_firm:
            return f"\u2248 {self.hours:.1f} h, the firm's median of {self.records}"
        return f"{self.hours:g} h, the catalogue estimate"


def estimate_for(task_type: TaskType, medians: Mapping[str, Median]) -> Estimate:
    """The firm's median once it rests on enough records, else the catalogue's estimate."""
    median = medians.get(task_type.id)
    if median is None or median.records < MEDIAN_AFTER_RECORDS:
        return Estimate(hours=task_type.est_hours)
    return Estimate(hours=round(median.hours, 2), records=median.records)


def parse_hours(text: str) -> float | None:
    """`1.5`, `1.5 h`, `2 hours`, `90 min` -> hours; None when it is not a sensible duration."""
    cleaned = text.strip().lower().replace(",", ".")
    scale = 1.0
    for unit, factor in (("minutes", 1 / 60), ("mins", 1 / 60), ("min", 1 / 60), ("m", 1 / 60),
                         ("hours", 1.0), ("hrs", 1.0), ("hr", 1.0), ("h", 1.0)):
        if cleaned.endswith(unit):
            cleaned, scale = cleaned[: -len(unit)].strip(), factor
            break
    try:
        value = float(cleaned) * scale
    except ValueError:
        return None
    if not 0 < value <= MOST_HOURS:  # also refuses nan and inf
        return None
    return round(value, 2)
