"""Sending the daily digest: once per business day, to the channel and to each manager."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot import notifications
from bot.digest import Scope, build_digest, manager_scopes
from bot.messages import Message
from bot.settings import Settings
from bot.unit_of_work import Units
from matching.calendar import is_business_day, is_first_business_day_of_week
from storage.events import claim_job_run, job_ran

DIGEST_GRACE = timedelta(hours=4)


@dataclass(frozen=True, slots=True)
class _Reader:
    name: str
    channel: str | None = None
    staff_id: int | None = None


class Digest:
    """The scheduler's digest job (and `lpo-bot digest --post`)."""

    def __init__(self, units: Units, settings: Settings) -> None:
        self.units = units
        self.settings = settings

    def due(self, now: datetime) -> bool:
        """A business day in the firm's zone, at or after the digest time, within the grace."""
        local = now.astimezone(self.settings.zone)
        scheduled = datetime.combine(local.date(), self.settings.digest_at,
                                     tzinfo=self.settings.zone)
        return is_business_day(local.date()) and scheduled <= local < scheduled + DIGEST_GRACE

    async def send(self, now: datetime, *, force: bool = False) -> int:
        """Queue today's digests unless they went out already; the number queued.

        The digests are read first, each in a read-only unit, then claimed and queued in one
        short transaction: a big firm's reports never hold SQLite's single writer, and if two
        instances race, the one that claims the day sends it.
        """
        if not force and not self.due(now):
            return 0
        day = now.astimezone(self.settings.zone).date()
        run_key = notifications.digest_run_key(day)
        async with self.units.reading(now) as uow:
            if await job_ran(uow.session, key=run_key):
                return 0  # the usual answer for the rest of the grace period: no reports built
        digests = await self._digests(now, day)
        async with self.units.begin(now) as uow:
            if not await claim_job_run(uow.session, key=run_key, now=now):
                return 0
            await uow.send(*(notifications.digest(day, reader.name, message,
                                                  staff_id=reader.staff_id,
                                                  channel=reader.channel)
                             for reader, message in digests))
        return len(digests)

    async def _digests(self, now: datetime, day: date) -> list[tuple[_Reader, Message]]:
        """Today's digest for the channel (if set) and for each manager, one read at a time."""
        zone = self.settings.zone
        weekly = is_first_business_day_of_week(day)
        async with self.units.reading(now) as uow:
            firm = (await uow.snapshot()).firm
        readers: list[tuple[_Reader, Scope]] = []
        channel = self.settings.digest_channel
        if channel:
            readers.append((_Reader("channel", channel=channel),
                            Scope(title="the firm", staff_ids=None)))
        readers.extend((_Reader(str(manager_id), staff_id=manager_id), scope)
                       for manager_id, scope in manager_scopes(firm))
        digests = []
        for reader, scope in readers:
            async with self.units.reading(now) as uow:
                digests.append((reader, await build_digest(uow.session, firm=firm, now=now,
                                                           zone=zone, scope=scope,
                                                           weekly=weekly,
                                                           type_names=uow.type_names)))
        return digests
