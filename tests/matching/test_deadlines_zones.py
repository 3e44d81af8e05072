"""Times said in another zone: moved to the delegator's zone when named, asked about when not."""

from __future__ import annotations

import pytest

from tests.matching import deadline_reading
from tests.matching.deadline_reading import NY, TUE, WITH_OFFSET


def reading(text: str, tz: str = NY) -> tuple[str | None, bool]:
    """The deadline read on an ordinary Tuesday, with its UTC offset, and whether it is asked."""
    return deadline_reading.reading(text, TUE, tz, WITH_OFFSET)


ZONES = [
    ("get the Okafor exhibits to co-counsel by 10am Pacific", NY, ("2026-12-08 13:00 -0500", False)),
    ("need the Marsh memo by noon CT", NY, ("2026-12-08 13:00 -0500", False)),
    ("call Ms. Tully tomorrow 3pm (Mountain)", NY, ("2026-12-09 17:00 -0500", False)),
    ("file the Pruitt reply Monday at 9 Boise time", "America/Denver",
     ("2026-12-14 09:00 -0700", False)),
    ("send it by 2pm Eastern", NY, ("2026-12-08 14:00 -0500", False)),
    # a zone the text does not name is asked about
    ("call Mr. Ngata by 4 his time", NY, ("2026-12-08 16:00 -0500", True)),
    ("reach the client at 11am the client's time tomorrow", NY, ("2026-12-09 11:00 -0500", True)),
    # a zone said between the time and the day
    ("send the Varga exhibits by 9am MT Monday", NY, ("2026-12-14 11:00 -0500", False)),
    ("get the Dunne draft over by 4:30 ET Friday", NY, ("2026-12-11 16:30 -0500", False)),
    ("call Mr. Kaur by noon Pacific tomorrow", NY, ("2026-12-09 15:00 -0500", False)),
    # a city abroad, or one not known here (asked about)
    ("call the Pereira witness tomorrow 3pm London time", NY, ("2026-12-09 10:00 -0500", False)),
    ("call the Faro expert by 11 Lisbon time", NY, ("2026-12-08 11:00 -0500", True)),
    ("send it by 3pm local time", NY, ("2026-12-08 15:00 -0500", False)),
    # words that are no zone
    ("have it ready by 4 in plenty of time", NY, ("2026-12-08 16:00 -0500", False)),
    ("file it by 3 in time for the hearing", NY, ("2026-12-08 15:00 -0500", False)),
    ("serve Lowe by 4pm et al", NY, ("2026-12-08 16:00 -0500", False)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "tz", "expected"), ZONES)
def test_a_time_in_another_zone(text: str, tz: str, expected: tuple[str | None, bool]) -> None:
    assert reading(text, tz) == expected
