"""A seeded firm for the dashboard's tests: the sample firm with a year of work behind it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.catalogue import load_taxonomy
from bot.firm import Firm, load_firm
from bot.sample import load_sample_firm
from bot.settings import Settings
from matching.model import Taxonomy
from storage.db import Database
from tests.support import TUESDAY_MORNING, settings_for
from tests.work_history import seed_work

NOW = TUESDAY_MORNING
MIRIAM = "miriam.castellanos@sample-firm.test"  # partner, manages the firm's attorneys
JUNE = "june.abernathy@sample-firm.test"  # paralegal, manages the support staff
THEO = "theo.varga@sample-firm.test"  # associate, not a manager
SEEDED_TASKS = 400


@dataclass
class Seeded:
    database: Database
    settings: Settings
    taxonomy: Taxonomy

    async def firm(self) -> Firm:
        async with self.database.transaction() as session:
            return await load_firm(session, settings=self.settings)


@asynccontextmanager
async def seeded_firm(database_url: str, *, tasks: int = SEEDED_TASKS, days: float = 365.0,
                      **overrides: object) -> AsyncIterator[Seeded]:
    settings = settings_for(database_url, **overrides)
    database = Database(database_url)
    await load_sample_firm(database, settings=settings)
    await seed_work(database, now=NOW, count=tasks, days=days)
    try:
        yield Seeded(database=database, settings=settings, taxonomy=load_taxonomy(settings))
    finally:
        await database.dispose()
