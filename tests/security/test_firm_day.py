"""A randomized firm day: no client name reaches a channel or the log, whatever people type."""

from __future__ import annotations

import io
import json
import logging
import random
from datetime import timedelta
from typing import Any, TypeVar

import pytest
from sqlalchemy import select

from bot.app.bootstrap import Bot
from bot.clock import ManualClock
from bot.replies import Actor
from bot.scheduler import run_due_jobs
from bot.usecases.delegate import Overrides
from storage import staff as staff_store
from storage.tables import Offer, Task
from tests.security.walls_support import CLIENTS, import_screen, outbox
from tests.support import sample_bot

Row = TypeVar("Row", Offer, Task)
SEEDS = (7, 2027)
STEPS = 40
CHANNEL = "C0DIGEST"
# Clients the matters list has never heard of: only the request's text names them.
OUTSIDE = ("Baker Corp", "Quillfeather Partners", "Okafor Family Trust", "Lindqvist Shipping")
EVERY_CLIENT = CLIENTS + OUTSIDE
MATTERS = {"2027-0301": "Lorraine Whitfield", "2027-0302": "Desmond Achebe",
           "2027-0303": "Rosalind Kwan", "2027-0304": "Ignacio Ferreira",
           "2027-0305": "Harriet Oduya", "2027-0306": "Gideon Lark",
           "2027-0307": "Marisol Teague", "2027-0308": "Bernard Ashby"}
ATTORNEYS = ("theo.varga@sample-firm.test", "noor.haddad@sample-firm.test",
             "miriam.castellanos@sample-firm.test")
STAFF = ATTORNEYS + ("june.abernathy@sample-firm.test", "felix.marchetti@sample-firm.test",
                     "imani.sutherland@sample-firm.test", "dmitri.albescu@sample-firm.test",
                     "hollis.greer@sample-firm.test", "priscilla.yuen@sample-firm.test")
TYPES = ("demand_letter", "document_review", "document_collection", "legal_research_memo")
REQUESTS = ("draft demand letter for {matter} for {client} by Friday",
            "Redline the NDA for {client}",
            "review the documents {client} sent on {matter} by Thursday",
            "collect bank statements from {client} for {matter} tomorrow",
            "research memo on {client}'s claim, matter {matter}, by next Wednesday",
            "{client} called again about {matter}: please draft a status letter")
NOTES = ("conflict: I know {client} personally", "no capacity, {client} trial all week",
         "I used to work for {client}", "not my skill: {client} is a tax matter",
         "other - {client} is my neighbour")


class FirmDay:
    """One seeded day of delegations, answers, reviews, walls and timeouts."""

    def __init__(self, bot: Bot, clock: ManualClock, rng: random.Random) -> None:
        self.bot, self.clock, self.rng = bot, clock, rng
        self.emails: dict[int, str] = {}

    def client(self, matter: str) -> str:
        inside = MATTERS[matter]
        return self.rng.choice((inside, inside, *OUTSIDE))

    async def delegate(self) -> None:
        matter = self.rng.choice(tuple(MATTERS))
        text = self.rng.choice(REQUESTS).format(matter=matter, client=self.client(matter))
        types = Overrides(task_type=self.rng.choice(TYPES)) if self.rng.random() < 0.5 else None
        await self.bot.application.delegation.delegate(Actor(email=self.rng.choice(ATTORNEYS)), text,
                                         overrides=types, confirmed=True)

    async def answer(self) -> None:
        offers = await self._rows(Offer, Offer.state == "pending")
        if not offers:
            return
        offer = self.rng.choice(offers)
        who = Actor(email=self._email(offer.staff_id))
        if self.rng.random() < 0.5:
            await self.bot.application.respond.accept(who, offer.task_id)
        else:
            note = self.rng.choice(NOTES).format(client=self.rng.choice(EVERY_CLIENT))
            await self.bot.application.respond.decline(who, offer.task_id, note)

    async def work(self) -> None:
        tasks = await self._rows(Task, Task.state.in_(("accepted", "changes_requested",
                                                       "submitted")))
        if not tasks:
            return
        task = self.rng.choice(tasks)
        if task.state != "submitted":
            await self.bot.application.review.done(Actor(email=self._email(task.assignee_id)), task.id or 0)
        elif self.rng.random() < 0.6:
            await self.bot.application.review.approve(Actor(email=self._email(task.delegator_id)),
                                            task.id or 0)
        else:
            note = f"cite the letter {self.rng.choice(EVERY_CLIENT)} received"
            await self.bot.application.review.request_changes(
                Actor(email=self._email(task.delegator_id)), task.id or 0, note)

    async def wall(self) -> None:
        # Staff only: a responsible attorney cannot be screened from their own matter.
        await import_screen(self.bot, self.rng.choice(tuple(MATTERS)),
                            self.rng.choice(STAFF[len(ATTORNEYS):]))

    async def time_passes(self) -> None:
        self.clock.set(self.clock() + timedelta(minutes=self.rng.randint(5, 90)))
        await run_due_jobs(self.bot.application, self.clock())

    async def step(self) -> None:
        action = self.rng.choices((self.delegate, self.answer, self.work, self.wall,
                                   self.time_passes), weights=(5, 5, 3, 1, 2))[0]
        await action()
        await self.bot.dispatcher.drain()

    async def _rows(self, table: type[Row], where: Any) -> list[Row]:
        async with self.bot.database.transaction() as session:
            query = select(table).where(where).order_by(table.id)  # type: ignore[arg-type]
            return list((await session.execute(query)).scalars())

    async def learn_the_roster(self) -> None:
        async with self.bot.database.transaction() as session:
            self.emails = {p.id or 0: p.email
                           for p in await staff_store.list_staff(session, active_only=False)}

    def _email(self, staff_id: int | None) -> str:
        return self.emails[staff_id or 0]


@pytest.mark.parametrize("seed", SEEDS)
async def test_no_client_name_reaches_a_channel_or_the_log(
        database_url: str, seed: int, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with sample_bot(database_url, LPO_DIGEST_CHANNEL=CHANNEL, LPO_MAX_OFFERS=2) as (bot, clock, out):
        day = FirmDay(bot, clock, random.Random(seed))
        await day.learn_the_roster()
        for _ in range(STEPS):
            await day.step()
        clock.set(clock() + timedelta(days=1))  # past the next morning's digest time
        await run_due_jobs(bot.application, clock())
        await bot.application.digest.send(clock(), force=True)
        await bot.dispatcher.drain()

        # The day did what it is meant to: notes naming clients, timeouts, escalations, digests.
        notes = await day._rows(Offer, Offer.note.is_not(None))  # type: ignore[union-attr]
        expired = await day._rows(Offer, Offer.state == "expired")
        escalated = await day._rows(Task, Task.escalation_reason.is_not(None))  # type: ignore[union-attr]
        assert notes and expired and escalated
        posted = [row for row in await outbox(bot) if row.channel]
        delivered = _channel_deliveries(out)
        assert any("why: no acceptance" in post for post in delivered)
        everything = [json.dumps(row.payload, ensure_ascii=False) for row in posted]
        everything += delivered + [caplog.text]
        everything += [record.getMessage() for record in caplog.records]
        leaks = {name for name in EVERY_CLIENT for text in everything if name in text}
        assert leaks == set()


def _channel_deliveries(out: io.StringIO) -> list[str]:
    """What the console notifier posted to channels, each post with its indented lines."""
    posts = out.getvalue().split("\n-> ")
    return [post for post in posts if post.startswith(("post in #", "-> post in #"))]
