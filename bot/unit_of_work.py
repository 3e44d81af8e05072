"""One use case, one transaction: who is acting, repeated deliveries, the outbox, the answer.

Every use case runs its work through `Units.run`: the state change and the messages it
causes commit together or not at all, and a `Refusal` raised anywhere inside rolls the whole
unit back and becomes the polite `Reply` the actor sees (docs/architecture.md, "Layers").
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Collection
from contextlib import asynccontextmanager
from datetime import datetime
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot import views
from bot.clock import Clock
from bot.firm_state import FirmState, Snapshot, Workload
from bot.notifications import Outgoing
from bot.outbox import enqueue_message
from bot.replies import NOT_ON_ROSTER, Actor, Refusal, Reply
from bot.views import STATE_LABELS, TaskView
from matching.estimates import Estimate, estimate_for
from matching.model import StaffProfile, TaskType, Taxonomy
from storage import staff as staff_store
from storage import tasks as task_store
from storage.db import Database
from storage.events import claim_event, prune_events
from storage.tables import Offer, Staff, Task

log = logging.getLogger(__name__)

Row = TypeVar("Row", Offer, Task)
ROWS_PER_TICK = 500  # per job: a long outage's backlog drains over a few ticks


class UnitOfWork:
    """One transaction's session and moment, with the firm as of it and the way to the outbox."""

    def __init__(self, session: AsyncSession, *, now: datetime, state: FirmState,
                 taxonomy: Taxonomy) -> None:
        self.session = session
        self.now = now
        self.state = state
        self.taxonomy = taxonomy

    async def snapshot(self) -> Snapshot:
        return await self.state.snapshot(self.session)

    def forget_snapshot(self) -> None:
        """This transaction changed the firm (walls raised by an import): read it afresh."""
        self.state.forget(self.session)

    async def workload(self, snap: Snapshot) -> Workload:
        return await self.state.workload(self.session, snap)

    async def estimate(self, task_type: TaskType) -> Estimate:
        """The hours a new task of this type is costed and loaded with: the firm's median
        actual hours once there are enough records, else the catalogue's estimate."""
        return estimate_for(task_type, await self.state.medians(self.session))

    async def identify(self, actor: Actor) -> StaffProfile:
        """The acting staff member: from the cached firm when a chat id is known, else stored
        (a chat id first seen with a roster e-mail is linked to a row that has none)."""
        snap = await self.snapshot()
        known = (snap.firm.by_chat_id(actor.slack_user_id)
                 or snap.firm.by_chat_id(actor.teams_user_id))
        if known is not None:
            return known
        person = await self._stored_person(actor)
        profile = snap.firm.by_id(person.id) if person is not None and person.active else None
        if profile is None:
            raise NOT_ON_ROSTER
        return profile

    async def _stored_person(self, actor: Actor) -> Staff | None:
        session = self.session
        person = None
        if actor.slack_user_id:
            person = await staff_store.get_staff_by_slack_id(session,
                                                             slack_user_id=actor.slack_user_id)
        if person is None and actor.teams_user_id:
            person = await staff_store.get_staff_by_teams_id(session,
                                                             teams_user_id=actor.teams_user_id)
        if person is None and actor.email:
            person = await staff_store.get_staff_by_email(session, email=actor.email)
            if person is not None and person.active:
                # The e-mail only vouches for a row no account of that platform holds yet: a
                # second account showing the same address must never act as the person.
                taken = await staff_store.claim_chat_ids(session, staff=person,
                                                         slack_user_id=actor.slack_user_id,
                                                         teams_user_id=actor.teams_user_id)
                if taken:
                    log.warning("e-mail match refused: staff %s is linked to another %s account",
                                person.id, "/".join(taken))
                    raise NOT_ON_ROSTER
        return person

    async def once(self, event_key: str | None) -> None:
        """Claim an inbound event id (Slack retries, double clicks): the second claim refuses."""
        if event_key and not await claim_event(self.session, key=event_key, now=self.now):
            raise Refusal("already_handled", "Already handled.",
                          "That request was received before; nothing changed.")

    async def send(self, *messages: Outgoing) -> None:
        """Queue messages in this transaction: they go out only if it commits."""
        for outgoing in messages:
            await enqueue_message(self.session, message=outgoing.message, dedupe_key=outgoing.key,
                                  now=self.now, staff_id=outgoing.staff_id,
                                  channel=outgoing.channel, thread_key=outgoing.thread_key,
                                  replaces_key=outgoing.replaces_key)

    async def task(self, task_id: int) -> Task:
        task = await task_store.get_task(self.session, task_id=task_id)
        if task is None:
            raise Refusal("not_found", f"There is no task #{task_id}.")
        return task

    @property
    def type_names(self) -> dict[str, str]:
        """Task type id -> catalogue label: what channels may call a task."""
        return {task_type.id: task_type.name for task_type in self.taxonomy.types}

    def view(self, snap: Snapshot, task: Task) -> TaskView:
        """What messages about `task` may show, from the firm as of this transaction."""
        firm = snap.firm
        task_type = self.taxonomy.get(task.task_type)
        if task_type is None:
            raise Refusal("invalid", f"Task #{task.id} has a type this catalogue no longer has.")
        matter = firm.matter_by_id(task.matter_id)
        return TaskView(task_id=task.id or 0, title=views.task_title(task_type, matter),
                        task_type=task_type, due_at=task.due_at, priority=task.priority,
                        est_hours=task.est_hours, state=task.state, matter=matter,
                        delegator=firm.person(task.delegator_id),
                        holder=firm.by_id(task.assignee_id) if task.assignee_id else None,
                        request=task.text)


def already(what: str, state: str) -> Refusal:
    """Someone (or a retry) got there first: nothing changed, and we say what it is now."""
    return Refusal("already_handled", "Already handled.",
                   f"{what[0].upper()}{what[1:]} is {STATE_LABELS.get(state, state)}; "
                   "nothing changed.")


class Units:
    """Opens units of work on the database; wakes the outbox dispatcher after each commit."""

    def __init__(self, database: Database, state: FirmState, taxonomy: Taxonomy, *,
                 clock: Clock, wake: Callable[[], None]) -> None:
        self.database = database
        self.state = state
        self.taxonomy = taxonomy
        self.clock = clock
        self.wake = wake

    def within(self, session: AsyncSession, now: datetime | None = None) -> UnitOfWork:
        """A unit of work in a transaction the caller holds (a matters import raising walls)."""
        return self._unit(session, now)

    def _unit(self, session: AsyncSession, now: datetime | None = None) -> UnitOfWork:
        return UnitOfWork(session, now=now or self.clock(), state=self.state,
                          taxonomy=self.taxonomy)

    async def run(self, work: Callable[[UnitOfWork], Awaitable[Reply]]) -> Reply:
        """Run `work` in one transaction; a Refusal rolls it back and becomes the reply."""
        try:
            async with self.database.transaction() as session:
                reply = await work(self._unit(session))
                workload = await self.state.workload_after(session)
        except Refusal as refusal:
            return refusal.reply()
        if workload is not None:
            self.state.keep(workload)  # only once committed: the counters now say it is current
        self.wake()
        return reply

    @asynccontextmanager
    async def begin(self, now: datetime | None = None) -> AsyncIterator[UnitOfWork]:
        """A unit of work whose Refusals reach the caller (reads, scheduler jobs)."""
        async with self.database.transaction() as session:
            yield self._unit(session, now)

    @asynccontextmanager
    async def reading(self, now: datetime | None = None) -> AsyncIterator[UnitOfWork]:
        """A read-only unit: on SQLite it never waits for, or holds up, the single writer."""
        async with self.database.read_session() as session:
            yield self._unit(session, now)

    async def each_due(self, now: datetime,
                       claim: Callable[[UnitOfWork, Collection[int]], Awaitable[Row | None]],
                       handle: Callable[[UnitOfWork, Row], Awaitable[int]]) -> int:
        """Claim and handle due rows oldest first, one transaction each, at most ROWS_PER_TICK.

        A row whose handling fails is logged and left for the next tick, so one broken row (say,
        a task whose type left the catalogue) never holds up everybody else's timers.
        """
        done, seen = 0, set[int]()
        while len(seen) < ROWS_PER_TICK:
            claimed = None
            try:
                async with self.begin(now) as unit:
                    row = await claim(unit, seen)
                    if row is None:
                        break
                    claimed = f"{type(row).__name__.lower()} {row.id}"
                    seen.add(row.id or 0)
                    done += await handle(unit, row)
            except Exception:
                if claimed is None:
                    raise  # the claim itself failed (database down): the whole job is retried
                log.exception("scheduler could not handle %s; the next tick retries it", claimed)
        return done

    async def forget_events(self, *, older_than: datetime) -> int:
        """Drop idempotency claims old enough that no retry can still arrive."""
        async with self.database.transaction() as session:
            return await prune_events(session, older_than=older_than)
