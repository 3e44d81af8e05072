"""The bundled sample firm: a small consumer debt-resolution practice to try lpo-bot on."""

from __future__ import annotations

from importlib.resources import files

from bot.imports import import_matters, import_roster, lock_imports
from bot.settings import Settings
from storage.db import Database
from storage.matters import count_matters
from storage.staff import count_staff

SAMPLE_ROSTER = "sample_roster.csv"
SAMPLE_MATTERS = "sample_matters.csv"
# The partner: the dearest delegator, so the savings show on the first try.
SAMPLE_DELEGATOR = "miriam.castellanos@sample-firm.test"


class SampleRefused(Exception):
    """The database already holds a firm; the sample never mixes with or overwrites it."""


def sample_file(name: str) -> bytes:
    """A bundled CSV (also an example of the import format for users)."""
    return files("bot").joinpath("data", name).read_bytes()


async def load_sample_firm(db: Database, *, settings: Settings) -> str:
    """Import the sample roster and matters into an empty database, in one transaction.

    `settings` is unused: the sample leaves some timezones and hours empty on purpose, and
    those defaults are applied when the firm is read, not when it is stored.
    """
    async with db.transaction() as session:
        await lock_imports(session)  # so two `init --sample` at once cannot both see it empty
        staff, matters = await count_staff(session), await count_matters(session)
        if staff or matters:
            what = f"{staff} staff" if staff else f"{matters} matters"
            raise SampleRefused(f"the database already has {what}; "
                                "--sample only loads into an empty database")
        roster = await import_roster(session, sample_file(SAMPLE_ROSTER), source=SAMPLE_ROSTER)
        cases = await import_matters(session, sample_file(SAMPLE_MATTERS), source=SAMPLE_MATTERS)
    return (f"Loaded the sample firm: {roster.created} staff, {cases.created} matters. "
            f"Try: lpo-bot chat --as {SAMPLE_DELEGATOR}")
