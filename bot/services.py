"""The delegation use cases: delegate, accept, decline, done, review, cancel, reassign, away."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import metrics, views, walls
from bot.catalogue import load_vocabulary
from bot.clock import Clock, system_clock
from bot.digest import Scope, build_digest, manager_scopes
from bot.firm import Firm, load_firm
from bot.messages import Message
from bot.outbox import enqueue_message
from bot.reasons import (
    CANCELLED,
    EXPIRED,
    NOBODY_ELIGIBLE,
    REASSIGNED,
    SCREENED,
    UNREACHABLE,
    decline_label,
    no_takers,
    split_decline,
)
from bot.replies import NOT_ON_ROSTER, Actor, Choice, Confirmation, Refusal, Reply, TaskList
from bot.settings import Settings
from bot.views import TaskView
from bot.workload import Workload, load_workload
from matching.availability import resolve_until
from matching.calendar import add_working_time, next_business_day, working_day_start
from matching.eligibility import fits_capacity
from matching.matcher import MatchContext, MatchResult, StaffIndex, TaskSpec, match
from matching.model import StaffProfile, TaskDraft, Taxonomy
from matching.parse import AMBIGUOUS_MATTER_WARNING, SEVERAL_MATTERS_WARNING, Catalogue, Parser
from matching.parse.deadlines import PASSED_WARNING
from matching.reminders import OVERDUE, Reminder, first_reminder, reminder_plan
from storage import conversations as conversation_store
from storage import staff as staff_store
from storage import tasks as task_store
from storage.db import Database
from storage.dialect import is_postgres
from storage.events import claim_event
from storage.tables import OPEN_TASK_STATES, Offer, Staff, Task
from storage.versions import Versions, bump_firm_version, get_versions

log = logging.getLogger(__name__)

URGENT_TIMEOUT_SHARE = 0.5
# Per-transaction memos in AsyncSession.info.
SNAPSHOT, VERSIONS, DELEGATED_OFFER = "lpo_snapshot", "lpo_versions", "lpo_delegated_offer"
WATCHED_ROWS_PER_DELEGATION = 2  # the task and its offer (see migration 0002)
# "Least recently offered" only breaks ties; a month of history is plenty and keeps it cheap.
TIE_BREAK_MEMORY = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class Snapshot:
    version: int
    firm: Firm
    index: StaffIndex
    parser: Parser  # built for this version's matters and roster


@dataclass(frozen=True, slots=True)
class Overrides:
    """What a confirmation modal or card fixed by hand; None keeps what the parser understood."""

    task_type: str | None = None
    matter: str | None = None
    due_at: datetime | None = None
    priority: str | None = None
    assignee: str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class WallReport:
    """What raising walls undid: offers withdrawn and work taken back."""

    withdrawn: int = 0
    taken_back: int = 0

    def __str__(self) -> str:
        return (f"Walls: {self.withdrawn} pending offer(s) withdrawn, {self.taken_back} task(s) "
                "taken back; each offered to the next eligible person.")


class Services:
    """Every use case runs in one unit of work; messages go out through the outbox."""

    def __init__(self, database: Database, settings: Settings, taxonomy: Taxonomy, *,
                 clock: Clock = system_clock, wake: Callable[[], None] = lambda: None) -> None:
        self.database = database
        self.settings = settings
        self.taxonomy = taxonomy
        # The compiled catalogue outlives firm versions: only the taxonomy shapes it.
        self.catalogue = Catalogue(taxonomy, load_vocabulary())
        self.clock = clock
        self.wake = wake
        self._snapshot: Snapshot | None = None
        self._workload: Workload | None = None

    # --- plumbing -------------------------------------------------------------------------

    @property
    def type_names(self) -> dict[str, str]:
        """Task type id -> catalogue label: what channels may call a task."""
        return {task_type.id: task_type.name for task_type in self.taxonomy.types}

    async def snapshot(self, session: AsyncSession) -> Snapshot:
        """The firm as of this transaction, rebuilt only when the roster version changed."""
        if (memo := session.info.get(SNAPSHOT)) is not None:
            return memo  # type: ignore[no-any-return]
        versions = await get_versions(session)
        cached = self._snapshot
        if cached is None or cached.version != versions.firm:
            firm = await load_firm(session, settings=self.settings)
            cached = Snapshot(version=versions.firm, firm=firm, index=StaffIndex(firm.staff),
                              parser=Parser(self.catalogue, firm.matters, firm.staff))
            self._snapshot = cached
        session.info[SNAPSHOT], session.info[VERSIONS] = cached, versions
        return cached

    async def workload(self, session: AsyncSession, snap: Snapshot) -> Workload:
        """Open hours, recent offers and unreachable people; cached while the counters agree."""
        versions: Versions = session.info[VERSIONS]
        cached = self._workload
        if versions.work is not None and cached is not None and cached.versions == versions:
            return cached
        workload = await load_workload(session, snap.firm, versions=versions,
                                       offered_since=self.clock() - TIE_BREAK_MEMORY,
                                       slack_enabled=self.settings.slack_enabled)
        if versions.work is not None:
            self._workload = workload
        return workload

    def _note_delegated_offer(self, session: AsyncSession, email: str, hours: float,
                              at: datetime) -> None:
        """A fresh task offered in this transaction: the cached workload can follow it."""
        session.info[DELEGATED_OFFER] = (email, hours, at)

    async def _workload_after(self, session: AsyncSession) -> Workload | None:
        """The cached workload plus this transaction's delegated offer, if nothing else moved.

        A delegation writes two watched rows (its task and its offer). The counter is read
        again before commit: any other change means the cache is simply rebuilt next time.
        """
        offer = session.info.get(DELEGATED_OFFER)
        cached, start = self._workload, session.info.get(VERSIONS)
        if offer is None or cached is None or start is None or start.work is None:
            return None
        if cached.versions != start:
            return None
        end = await get_versions(session)
        if end != Versions(start.firm, start.work + WATCHED_ROWS_PER_DELEGATION):
            return None
        email, hours, at = offer
        return cached.with_offer(email, hours, at, versions=end)

    async def identify(self, session: AsyncSession, actor: Actor) -> Staff | StaffProfile:
        """The acting staff member: from the cached firm when a chat id is known, else stored."""
        snap = await self.snapshot(session)
        known = (snap.firm.by_chat_id(actor.slack_user_id)
                 or snap.firm.by_chat_id(actor.teams_user_id))
        if known is not None:
            return known
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
        if person is None or not person.active:
            raise NOT_ON_ROSTER
        return person

    async def _once(self, session: AsyncSession, event_key: str | None) -> None:
        if event_key and not await claim_event(session, key=event_key, now=self.clock()):
            raise Refusal("already_handled", "Already handled.",
                          "That request was received before; nothing changed.")

    async def _run(self, work: Callable[[AsyncSession], object]) -> Reply:
        try:
            async with self.database.transaction() as session:
                reply = await work(session)  # type: ignore[misc]
                workload = await self._workload_after(session)
        except Refusal as refusal:
            return refusal.reply()
        if workload is not None:
            self._workload = workload  # only once committed: the counters now say it is current
        self.wake()
        return reply  # type: ignore[return-value]

    def view(self, snap: Snapshot, task: Task) -> TaskView:
        firm = snap.firm
        task_type = self.taxonomy.get(task.task_type)
        if task_type is None:
            raise Refusal("invalid", f"Task #{task.id} has a type this catalogue no longer has.")
        matter = firm.matter_by_id(task.matter_id)
        return TaskView(task_id=task.id or 0, title=views.task_title(task_type, matter),
                        task_type=task_type,
                        due_at=task.due_at, priority=task.priority, est_hours=task.est_hours,
                        state=task.state, matter=matter,
                        delegator=firm.by_id(task.delegator_id) or _ghost(task.delegator_id),
                        holder=firm.by_id(task.assignee_id) if task.assignee_id else None,
                        request=task.text)

    async def _send(self, session: AsyncSession, *, to: StaffProfile, message: Message,
                    key: str, thread_key: str | None = None,
                    replaces_key: str | None = None) -> None:
        await enqueue_message(session, message=message, dedupe_key=key, now=self.clock(),
                              staff_id=to.id, thread_key=thread_key, replaces_key=replaces_key)

    # --- delegate ---------------------------------------------------------------------------

    def parse_for(self, snap: Snapshot, person: StaffProfile, text: str) -> TaskDraft:
        return snap.parser.parse(text, now=self.clock(), tz=person.timezone)

    async def delegate(self, actor: Actor, text: str, *, source: str = "console",
                       overrides: Overrides | None = None, event_key: str | None = None,
                       confirmed: bool = False) -> Reply:
        async def work(session: AsyncSession) -> Reply:
            person = await self.identify(session, actor)
            await self._once(session, event_key)
            snap = await self.snapshot(session)
            delegator = snap.firm.by_id(person.id)
            if delegator is None:
                raise NOT_ON_ROSTER
            cleaned = (text or "").strip()
            if not cleaned and not (overrides and overrides.task_type):
                raise Refusal("invalid", "Tell me what to delegate.",
                              "For example: /delegate draft demand letter for 2026-0101 by Friday")
            draft = _apply(self.parse_for(snap, delegator, cleaned), overrides)
            unsure = self._unsure(draft)
            if unsure and not confirmed:
                return self._confirmation(cleaned, draft, unsure, snap, delegator)
            if draft.task_type is None:
                raise Refusal("invalid", "Pick a task type.",
                              "I couldn't tell what kind of task that is.")
            return await self._create(session, snap, delegator, cleaned, draft, source,
                                      overrides)

        reply = await self._run(work)
        metrics.DELEGATIONS.labels(source, reply.status).inc()
        return reply

    def _unsure(self, draft: TaskDraft) -> str | None:
        """Why the delegator should confirm before anything is created, if they should."""
        if draft.task_type is None:
            return "I couldn't tell what kind of task this is."
        if draft.matter is None and (AMBIGUOUS_MATTER_WARNING in draft.warnings
                                     or SEVERAL_MATTERS_WARNING in draft.warnings):
            return "That fits more than one matter: pick one."
        return None

    def _confirmation(self, text: str, draft: TaskDraft, reason: str, snap: Snapshot,
                      delegator: StaffProfile) -> Reply:
        types = tuple(Choice(t.id, t.name) for t in self.taxonomy.types)
        matters = tuple(Choice(m.number, f"{m.number} {m.client_name}")
                        for m in snap.firm.matters if delegator.email not in m.screened)
        confirmation = Confirmation(text=text, reason=reason, task_type=draft.task_type,
                                    matter=draft.matter, due_at=draft.due_at,
                                    priority=draft.priority, assignee=draft.assignee,
                                    type_choices=types, matter_choices=matters)
        return Reply(status="needs_confirmation", confirmation=confirmation,
                     message=views.plain("Let's confirm the details.", reason, kind="confirm"))

    async def _create(self, session: AsyncSession, snap: Snapshot, delegator: StaffProfile,
                      text: str, draft: TaskDraft, source: str,
                      overrides: Overrides | None) -> Reply:
        task_type = self.taxonomy.get(draft.task_type)
        if task_type is None:
            raise Refusal("invalid", f"Unknown task type {draft.task_type!r}.")
        matter = snap.firm.matter(draft.matter) if draft.matter else None
        if draft.matter and matter is None:
            raise Refusal("invalid", f"There is no matter {draft.matter}.")
        if matter and delegator.email in matter.screened:
            raise Refusal("forbidden", "You are screened from that matter.",
                          "An ethical wall keeps you off it, so you can't delegate its work.")
        now = self.clock()
        notes = overrides.notes.strip() if overrides and overrides.notes else ""
        task = Task(
            # The title may reach a channel: never the request's words (they may name a client).
            text=text + (f"\n\nNotes: {notes}" if notes else ""),
            title=views.task_title(task_type, matter),
            task_type=task_type.id, matter_id=snap.firm.matter_id(matter.number) if matter else None,
            delegator_id=delegator.id or 0, state="unassigned", priority=draft.priority,
            due_at=draft.due_at, est_hours=task_type.est_hours, source=source,
            created_at=now, updated_at=now)
        result = await self._choose(session, snap, task, named=draft.assignee,
                                    excluded=frozenset())
        chosen = result.chosen if self._offerable(task, result) else None
        if chosen:
            self._assign(snap, task, result)  # so the task is written once, already offered
        await task_store.add_task(session, task=task)
        await task_store.record_event(session, task_id=task.id, actor_id=delegator.id,
                                      action="created", to_state="unassigned", at=now,
                                      detail={"text": text, "parsed": draft.as_contract()})
        if chosen:
            await self._record_offer(session, snap, task, result, draft.assignee,
                                     from_state="unassigned")
            self._note_delegated_offer(session, chosen.email, task.est_hours, now)
        else:
            await self._escalate(session, snap, task, result, offers=[])
        return self._delegate_reply(snap, task, delegator, draft, result)

    def _delegate_reply(self, snap: Snapshot, task: Task, delegator: StaffProfile,
                        draft: TaskDraft, result: MatchResult) -> Reply:
        view = self.view(snap, task)
        notes = list(draft.warnings)  # the named-assignee note is already in the explanation
        if result.chosen is None:
            return Reply(status="nobody_eligible", task_id=task.id, message=Message(
                title=f"Task #{task.id} is waiting for an owner: nobody is eligible right now.",
                body=result.explanation, facts=view.facts(delegator), lines=tuple(notes),
                footer="Your manager has been told.", kind="delegated"))
        chosen = result.chosen
        saving = f" — saves {views.money(result.savings)}" if result.savings > 0 else ""
        return Reply(status="ok", task_id=task.id, message=Message(
            title=f"Offered to {chosen.name} ({views.ROLE_LABELS.get(chosen.role, chosen.role)}, "
                  f"{views.money(chosen.hourly_rate)}/h){saving}.",
            body=result.explanation, facts=view.facts(delegator), lines=tuple(notes),
            kind="delegated"))

    async def _offer_next(self, session: AsyncSession, snap: Snapshot, task: Task, *,
                          named: str | None = None,
                          also_exclude: frozenset[str] = frozenset()) -> MatchResult:
        """Offer a stored task to the cheapest eligible person, or escalate when there is none."""
        firm = snap.firm
        past = await task_store.offers_of(session, task_id=task.id or 0)
        excluded = frozenset(firm.email_of(o.staff_id) for o in past
                             if o.state in ("declined", "expired", "withdrawn")) | also_exclude
        result = await self._choose(session, snap, task, named=named, excluded=excluded)
        if not self._offerable(task, result):
            # offers_made, not every offer ever: a manager's reassign starts a fresh round.
            await self._escalate(session, snap, task, result,
                                 offers=past[len(past) - task.offers_made:])
            return result
        from_state = task.state
        self._assign(snap, task, result)
        session.add(task)
        await self._record_offer(session, snap, task, result, named, from_state=from_state)
        return result

    async def _choose(self, session: AsyncSession, snap: Snapshot, task: Task, *,
                      named: str | None, excluded: frozenset[str]) -> MatchResult:
        """The match, skipping anyone whose last hours another transaction just took."""
        now = self.clock()
        firm = snap.firm
        spec = TaskSpec(task_type=self.taxonomy.get(task.task_type),  # type: ignore[arg-type]
                        delegator_email=firm.email_of(task.delegator_id),
                        matter=firm.matter_by_id(task.matter_id), est_hours=task.est_hours,
                        named_assignee=named)
        full: set[str] = set()
        while True:
            ctx = await self._context(session, snap, now, excluded | frozenset(full))
            result = match(spec, snap.index, ctx)
            chosen = result.chosen
            if chosen is None or not self._offerable(task, result):
                return result
            if await self._still_has_room(session, snap, chosen.email, task.est_hours):
                return result
            full.add(chosen.email)

    def _offerable(self, task: Task, result: MatchResult) -> bool:
        return result.chosen is not None and task.offers_made < self.settings.max_offers

    async def _context(self, session: AsyncSession, snap: Snapshot, now: datetime,
                       excluded: frozenset[str]) -> MatchContext:
        workload = await self.workload(session, snap)
        return MatchContext(now=now, loads=workload.loads, excluded=excluded,
                            last_offered=workload.last_offered,
                            unreachable=workload.unreachable)

    async def staff_unreachable(self, staff_id: int, reason: str) -> Reply:
        """Teams can't reach this person: skip them for now, move their offers, tell the manager."""
        async def work(session: AsyncSession) -> Reply:
            snap = await self.snapshot(session)
            person = snap.firm.by_id(staff_id)
            if person is None or not person.teams_user_id:
                raise Refusal("not_found", f"Staff member {staff_id} has no Teams identity.")
            now = self.clock()
            newly = await conversation_store.mark_unreachable(
                session, teams_user_id=person.teams_user_id, reason=reason, now=now)
            for offer in await task_store.pending_offers_for(session, staff_id=staff_id):
                await self._reroute(session, snap, offer, person)
            manager = snap.firm.by_email(person.manager_email) if person.manager_email else None
            if newly and manager:
                notice = Message(
                    title=f"{person.name} can't receive lpo-bot messages in Teams",
                    body=("Please install lpo-bot for them in Teams (or ask them to open it "
                          "once). Until then no tasks are offered to them."),
                    footer=f"Teams said: {reason}", kind="escalation")
                await self._send(session, to=manager, message=notice,
                                 key=f"unreachable:{staff_id}:{now:%Y-%m-%d}")
            return Reply(status="ok", message=views.plain(f"{person.name} is unreachable."))

        return await self._run(work)

    async def _reroute(self, session: AsyncSession, snap: Snapshot, offer: Offer,
                       person: StaffProfile) -> None:
        """Withdraw an offer its offeree can't see and offer the task to the next person."""
        now = self.clock()
        task = await task_store.get_task(session, task_id=offer.task_id)
        if task is None or task.state != "offered" or not await task_store.resolve_offer(
                session, offer_id=offer.id or 0, to_state="withdrawn", at=now,
                reason=UNREACHABLE):
            return
        await task_store.record_event(session, task_id=task.id, actor_id=None,
                                      action="withdrawn", from_state="offered",
                                      to_state="offered", at=now,
                                      reason=f"{person.name} can't be reached in chat",
                                      detail={"offer_id": offer.id})
        result = await self._offer_next(session, snap, task)
        detail = (f"Offered to {result.chosen.name} instead." if task.state == "offered"
                  and result.chosen else "Nobody else is eligible; your manager has been told.")
        view = self.view(snap, task)
        await self._send(session, to=view.delegator, key=f"task:{task.id}:unreachable:{offer.id}",
                         message=views.to_delegator(
                             view, f"{person.name} can't be reached in Teams, so task "
                                   f"#{task.id} moved on.", detail))

    async def _still_has_room(self, session: AsyncSession, snap: Snapshot, email: str,
                              est_hours: float) -> bool:
        """Lock the person, then recount: two matches at once can't both fill the last hours."""
        person = snap.firm.by_email(email)
        if person is None or person.id is None:
            return False
        if not is_postgres(session):
            return True  # BEGIN IMMEDIATE: the loads just read cannot have changed since
        await session.execute(select(Staff.id).where(Staff.id == person.id).with_for_update())
        load = (await task_store.open_loads(session, staff_ids=[person.id])).get(person.id, 0.0)
        return fits_capacity(load, est_hours, person.weekly_capacity_hours)

    def _assign(self, snap: Snapshot, task: Task, result: MatchResult) -> None:
        """Move the task to the chosen person in memory; `_record_offer` writes the rest."""
        chosen = result.chosen
        assert chosen is not None
        task.state, task.assignee_id = "offered", snap.firm.staff_id(chosen.email)
        task.offers_made += 1
        task.cost, task.savings = _cents(chosen.cost), _cents(result.savings)
        task.updated_at = self.clock()

    async def _record_offer(self, session: AsyncSession, snap: Snapshot, task: Task,
                            result: MatchResult, named: str | None, *, from_state: str) -> None:
        """The offer row, its audit event and the DM, for a task `_assign` just moved."""
        now = self.clock()
        chosen = result.chosen
        offeree = snap.firm.by_email(chosen.email) if chosen else None
        if offeree is None or chosen is None:
            return
        timeout = self.settings.offer_timeout_minutes
        if task.priority == "urgent":
            timeout = max(1, round(timeout * URGENT_TIMEOUT_SHARE))
        zone = ZoneInfo(offeree.timezone)
        offer = await task_store.add_offer(session, offer=Offer(
            task_id=task.id or 0, staff_id=offeree.id or 0, state="pending",
            explanation=result.explanation, cost=_cents(chosen.cost), offered_at=now,
            remind_at=add_working_time(now, timeout / 2, zone=zone, hours=offeree.working_hours),
            expires_at=add_working_time(now, timeout, zone=zone, hours=offeree.working_hours)))
        await task_store.record_event(
            session, task_id=task.id, actor_id=None, action="offered", from_state=from_state,
            to_state="offered", at=now,
            detail={"offer_id": offer.id, "to": offeree.email, "cost": chosen.cost,
                    "savings": result.savings, "explanation": result.explanation})
        view = self.view(snap, task)
        await self._send(session, to=offeree, key=f"offer:{offer.id}",
                         thread_key=f"offer:{offer.id}",
                         message=views.offer(view, offeree, offer.id or 0,
                                             _why(named == chosen.email)))

    async def _escalate(self, session: AsyncSession, snap: Snapshot, task: Task,
                        result: MatchResult, *, offers: list[Offer]) -> None:
        """Nobody (else) can take the task: unassign it and tell the delegator and a manager.

        The stored reason reaches the digest channel, so it is built from codes and names; the
        matcher's full explanation (which names skills and walls) stays in the audit trail.
        """
        now = self.clock()
        ran_out = len(offers) >= self.settings.max_offers and result.chosen is not None
        reason = no_takers(offers, snap.firm) if ran_out else NOBODY_ELIGIBLE
        from_state = task.state
        task.state, task.assignee_id, task.escalation_reason = "unassigned", None, reason
        task.updated_at = now
        session.add(task)
        await task_store.record_event(session, task_id=task.id, actor_id=None,
                                      action="escalated", from_state=from_state,
                                      to_state="unassigned", reason=reason, at=now,
                                      detail={"explanation": result.explanation})
        view = self.view(snap, task)
        detail = f"Why: {reason}." if ran_out else result.explanation
        for person in self._told_of(snap, task, view.delegator):
            await self._send(session, to=person, message=views.escalation(view, person, detail),
                             key=f"escalated:{task.id}:{task.offers_made}:{person.id}")

    def _told_of(self, snap: Snapshot, task: Task, person: StaffProfile) -> list[StaffProfile]:
        """The delegator (or `person`) and their manager, walking around any wall on the matter."""
        firm = snap.firm
        manager = walls.unscreened_manager(firm, person, firm.matter_by_id(task.matter_id))
        told = {p.email: p for p in (manager, person)
                if p and not walls.screened(firm, p.email, task.matter_id)}
        return list(told.values())

    # --- respond to an offer ------------------------------------------------------------------

    async def _load_offer(self, session: AsyncSession, offer_id: int,
                          person: Staff | StaffProfile) -> tuple[Offer, Task]:
        offer = await task_store.get_offer(session, offer_id=offer_id)
        task = await task_store.get_task(session, task_id=offer.task_id) if offer else None
        if offer is None or task is None:
            raise Refusal("not_found", f"There is no offer {offer_id}.")
        await self._behind_wall(session, person, task)
        if offer.staff_id != person.id:
            raise Refusal("forbidden", "That offer was made to someone else.",
                          "Only the person it was offered to can accept or decline it.")
        return offer, task

    async def _behind_wall(self, session: AsyncSession, person: Staff | StaffProfile,
                           task: Task) -> None:
        """Refuse a screened actor, judged on the walls as they stand in this transaction."""
        walls.refuse_if_screened((await self.snapshot(session)).firm, person.email,
                                 task.matter_id)

    async def accept(self, actor: Actor, offer_id: int, *, event_key: str | None = None) -> Reply:
        async def work(session: AsyncSession) -> Reply:
            person = await self.identify(session, actor)
            await self._once(session, event_key)
            offer, task = await self._load_offer(session, offer_id, person)
            now = self.clock()
            if not await task_store.resolve_offer(session, offer_id=offer_id, to_state="accepted",
                                                  at=now, staff_id=person.id):
                raise _already(f"offer {offer_id}", offer.state)
            await self._move(session, task, ("offered",), "accepted", actor_id=person.id,
                             values={"assignee_id": person.id}, detail={"offer_id": offer_id})
            snap = await self.snapshot(session)
            self._schedule_reminders(task, snap.firm.by_id(person.id), now)
            view = self.view(snap, task)
            me = snap.firm.by_id(person.id) or _ghost(person.id)
            update = views.offer_closed(view, me, "You accepted. Mark it done when it's finished.",
                                        actions=(views.done_action(task.id or 0),))
            await self._send(session, to=me, message=update, key=f"offer:{offer_id}:accepted",
                             replaces_key=f"offer:{offer_id}")
            await self._send(session, to=view.delegator, key=f"task:{task.id}:accepted:{offer_id}",
                             message=views.to_delegator(view, f"{me.name} accepted task #{task.id}."))
            return Reply(status="ok", task_id=task.id, message=update)

        return await self._run(work)

    async def decline(self, actor: Actor, offer_id: int, reason: str = "",
                      *, note: str | None = None, event_key: str | None = None) -> Reply:
        """`reason` is a code, or a code or label followed by words, or just words (`other`)."""
        async def work(session: AsyncSession) -> Reply:
            person = await self.identify(session, actor)
            await self._once(session, event_key)
            offer, task = await self._load_offer(session, offer_id, person)
            now = self.clock()
            code, typed = split_decline(reason)
            words = "\n".join(part for part in (typed, (note or "").strip()) if part) or None
            if not await task_store.resolve_offer(session, offer_id=offer_id, to_state="declined",
                                                  at=now, reason=code, note=words,
                                                  staff_id=person.id):
                raise _already(f"offer {offer_id}", offer.state)
            await task_store.record_event(session, task_id=task.id, actor_id=person.id,
                                          action="declined", from_state=task.state,
                                          to_state=task.state, reason=code, at=now,
                                          detail={"offer_id": offer_id, "note": words})
            snap = await self.snapshot(session)
            me = snap.firm.by_id(person.id) or _ghost(person.id)
            why = decline_label(code)
            # The note may name a client: it goes to the delegator alone.
            await self._moved_on(session, snap, task, offer_id, me,
                                 outcome=f"You declined ({why}).",
                                 headline=f"{me.name} declined task #{task.id} ({why})",
                                 note=f"{me.name}'s note: {words}" if words else "")
            return Reply(status="ok", task_id=task.id,
                         message=views.plain(f"Declined task #{task.id} ({why}).",
                                             "Thanks — it goes to the next person."))

        return await self._run(work)

    async def expire_offer(self, session: AsyncSession, offer: Offer) -> bool:
        """Time out one pending offer and move on (scheduler job; caller owns the transaction)."""
        now = self.clock()
        if not await task_store.resolve_offer(session, offer_id=offer.id or 0,
                                              to_state="expired", at=now, reason=EXPIRED):
            return False
        task = await task_store.get_task(session, task_id=offer.task_id)
        if task is None or task.state != "offered":
            return True
        await task_store.record_event(session, task_id=task.id, actor_id=None, action="expired",
                                      from_state="offered", to_state="offered",
                                      reason="no answer before the timeout", at=now,
                                      detail={"offer_id": offer.id})
        snap = await self.snapshot(session)
        offeree = snap.firm.by_id(offer.staff_id) or _ghost(offer.staff_id)
        await self._moved_on(session, snap, task, offer.id or 0, offeree,
                             outcome="This offer expired and went to someone else.",
                             headline=f"{offeree.name} didn't answer in time on task #{task.id}")
        return True

    async def _moved_on(self, session: AsyncSession, snap: Snapshot, task: Task, offer_id: int,
                        offeree: StaffProfile, *, outcome: str, headline: str,
                        note: str = "") -> None:
        view = self.view(snap, task)
        await self._send(session, to=offeree, key=f"offer:{offer_id}:closed",
                         replaces_key=f"offer:{offer_id}",
                         message=views.offer_closed(view, offeree, outcome))
        result = await self._offer_next(session, snap, task)
        detail = (f"Offered to {result.chosen.name} instead." if task.state == "offered"
                  and result.chosen else "Nobody else is eligible; your manager has been told.")
        detail = f"{note}\n{detail}" if note else detail
        await self._send(session, to=view.delegator, key=f"task:{task.id}:moved:{offer_id}",
                         message=views.to_delegator(self.view(snap, task), headline, detail))

    # --- work and review ------------------------------------------------------------------

    async def _load_task(self, session: AsyncSession, task_id: int) -> Task:
        task = await task_store.get_task(session, task_id=task_id)
        if task is None:
            raise Refusal("not_found", f"There is no task #{task_id}.")
        return task

    async def done(self, actor: Actor, task_id: int, *, event_key: str | None = None) -> Reply:
        async def work(session: AsyncSession) -> Reply:
            person = await self.identify(session, actor)
            await self._once(session, event_key)
            task = await self._load_task(session, task_id)
            await self._behind_wall(session, person, task)
            if task.assignee_id != person.id or task.state == "offered":
                raise Refusal("forbidden", "Only the person working on it can mark it done.")
            snap = await self.snapshot(session)
            review = self.view(snap, task).task_type.review_required
            target = "submitted" if review else "completed"
            values = {} if review else {"completed_at": self.clock()}
            await self._move(session, task, ("accepted", "changes_requested"), target,
                             actor_id=person.id, action="done", values=values)
            # Counted with this "done", as _close_review counts it: the review card's thread.
            round_no = await self._round(session, task_id, "done")
            view = self.view(snap, task)
            me = snap.firm.by_id(person.id) or _ghost(person.id)
            outcome = ("Sent to the attorney for review." if review else "Completed. Thank you!")
            await self._close_work_message(session, task, me, view, outcome)
            if review:
                await self._send(session, to=view.delegator, key=f"task:{task_id}:review:{round_no}",
                                 thread_key=f"review:{task_id}:{round_no}",
                                 message=views.to_delegator(
                                     view, f"{me.name} finished task #{task_id}: please review.",
                                     actions=views.review_actions(task_id)))
            else:
                await self._send(session, to=view.delegator, key=f"task:{task_id}:completed",
                                 message=views.to_delegator(
                                     view, f"{me.name} completed task #{task_id}."))
            return Reply(status="ok", task_id=task_id, message=views.plain(
                f"Task #{task_id} {'submitted for review' if review else 'completed'}.", outcome))

        return await self._run(work)

    async def _round(self, session: AsyncSession, task_id: int, action: str) -> int:
        events = await task_store.events_of(session, task_id=task_id)
        return sum(1 for event in events if event.action == action)

    async def _close_work_message(self, session: AsyncSession, task: Task, me: StaffProfile,
                                  view: TaskView, outcome: str) -> None:
        thread = await self._work_thread(session, task, me)
        if thread:
            await self._send(session, to=me, key=f"{thread}:done:{task.updated_at.isoformat()}",
                             replaces_key=thread, message=views.offer_closed(view, me, outcome))

    async def _work_thread(self, session: AsyncSession, task: Task,
                           me: StaffProfile) -> str | None:
        """The message the holder works from: the accepted offer, or the last change request."""
        offers = await task_store.offers_of(session, task_id=task.id or 0)
        accepted = [o for o in offers if o.state == "accepted" and o.staff_id == me.id]
        thread = f"offer:{accepted[-1].id}" if accepted else None
        changes = await self._round(session, task.id or 0, "changes_requested")
        return f"changes:{task.id}:{changes}" if changes else thread

    async def _move(self, session: AsyncSession, task: Task, from_states: tuple[str, ...],
                    to_state: str, *, actor_id: int | None, action: str | None = None,
                    reason: str | None = None, values: dict[str, object] | None = None,
                    detail: dict[str, object] | None = None) -> None:
        """Conditionally move the task (one winner) and write the audit event with it."""
        now = self.clock()
        previous = task.state
        moved = await task_store.transition_task(
            session, task_id=task.id or 0, from_states=from_states,
            values={**(values or {}), "state": to_state, "updated_at": now})
        if not moved:
            raise _already(f"task #{task.id}", task.state)
        await session.refresh(task)
        await task_store.record_event(session, task_id=task.id, actor_id=actor_id,
                                      action=action or to_state, from_state=previous,
                                      to_state=to_state, reason=reason, at=now, detail=detail)

    async def _supervised(self, session: AsyncSession, actor: Actor, task_id: int,
                          event_key: str | None, verb: str) -> tuple[Staff, Task]:
        """The acting delegator (or manager) and the task, or a polite refusal."""
        person = await self.identify(session, actor)
        await self._once(session, event_key)
        task = await self._load_task(session, task_id)
        await self._behind_wall(session, person, task)
        if person.id != task.delegator_id and not person.is_manager:
            raise Refusal("forbidden", f"Only the delegating attorney or a manager can {verb}.")
        return person, task

    async def approve(self, actor: Actor, task_id: int, *, event_key: str | None = None) -> Reply:
        async def work(session: AsyncSession) -> Reply:
            person, task = await self._supervised(session, actor, task_id, event_key,
                                                  "approve")
            await self._move(session, task, ("submitted",), "completed", actor_id=person.id,
                             action="approved", values={"completed_at": self.clock()})
            snap = await self.snapshot(session)
            view = self.view(snap, task)
            await self._close_review(session, snap, task, view, "Approved.")
            if view.holder:
                await self._send(session, to=view.holder, key=f"task:{task_id}:approved",
                                 message=views.offer_closed(
                                     view, view.holder, f"{person.name} approved it. Nice work!"))
            return Reply(status="ok", task_id=task_id,
                         message=views.plain(f"Approved task #{task_id}.", "It is complete."))

        return await self._run(work)

    async def _close_review(self, session: AsyncSession, snap: Snapshot, task: Task,
                            view: TaskView, outcome: str) -> None:
        round_no = await self._round(session, task.id or 0, "done")
        thread = f"review:{task.id}:{round_no}"
        await self._send(session, to=view.delegator, key=f"{thread}:closed", replaces_key=thread,
                         message=views.offer_closed(view, view.delegator, outcome))

    async def request_changes(self, actor: Actor, task_id: int, note: str, *,
                              event_key: str | None = None) -> Reply:
        async def work(session: AsyncSession) -> Reply:
            person, task = await self._supervised(session, actor, task_id, event_key,
                                                  "request changes")
            cleaned = (note or "").strip()
            if not cleaned:
                raise Refusal("invalid", "Say what should change.",
                              "Add a short note for the person doing the work.")
            await self._move(session, task, ("submitted",), "changes_requested",
                             actor_id=person.id, reason=cleaned)
            snap = await self.snapshot(session)
            view = self.view(snap, task)
            await self._close_review(session, snap, task, view, f"Changes requested: {cleaned}")
            round_no = await self._round(session, task_id, "changes_requested")
            if view.holder:
                thread = f"changes:{task_id}:{round_no}"
                await self._send(session, to=view.holder, key=thread, thread_key=thread,
                                 message=Message(
                                     title=f"Changes requested on task #{task_id}: {task.title}",
                                     body=f"{person.name}: {cleaned}", facts=view.facts(view.holder),
                                     actions=(views.done_action(task_id),), kind="changes"))
            return Reply(status="ok", task_id=task_id, message=views.plain(
                f"Sent task #{task_id} back with your note."))

        return await self._run(work)

    async def cancel(self, actor: Actor, task_id: int, reason: str = "", *,
                     event_key: str | None = None) -> Reply:
        async def work(session: AsyncSession) -> Reply:
            person, task = await self._supervised(session, actor, task_id, event_key,
                                                  "cancel")
            previous = task.state
            await self._move(session, task, OPEN_TASK_STATES, "cancelled", actor_id=person.id,
                             reason=reason or None)
            snap = await self.snapshot(session)
            await self._withdraw_pending(session, snap, task, "Cancelled by the delegator.",
                                         CANCELLED)
            view = self.view(snap, task)
            if view.holder and view.holder.id != person.id and previous != "offered":
                await self._send(session, to=view.holder, key=f"task:{task_id}:cancelled",
                                 message=views.offer_closed(view, view.holder,
                                                            f"{person.name} cancelled this task."))
            return Reply(status="ok", task_id=task_id,
                         message=views.plain(f"Cancelled task #{task_id}."))

        return await self._run(work)

    async def _withdraw_pending(self, session: AsyncSession, snap: Snapshot, task: Task,
                                outcome: str, code: str) -> None:
        offer = await task_store.pending_offer(session, task_id=task.id or 0)
        if offer is None:
            return
        await task_store.resolve_offer(session, offer_id=offer.id or 0, to_state="withdrawn",
                                       at=self.clock(), reason=code)
        offeree = snap.firm.by_id(offer.staff_id) or _ghost(offer.staff_id)
        await self._send(session, to=offeree, key=f"offer:{offer.id}:withdrawn",
                         replaces_key=f"offer:{offer.id}",
                         message=views.offer_closed(self.view(snap, task), offeree, outcome))

    async def reassign(self, actor: Actor, task_id: int, to_email: str | None = None, *,
                       event_key: str | None = None) -> Reply:
        async def work(session: AsyncSession) -> Reply:
            person, task = await self._supervised(session, actor, task_id, event_key,
                                                  "reassign")
            if task.state not in ("unassigned", "offered", "accepted", "changes_requested"):
                raise _already(f"task #{task_id}", task.state)
            snap = await self.snapshot(session)
            target = snap.firm.by_email(to_email.lower()) if to_email else None
            if to_email and target is None:
                raise Refusal("invalid", f"{to_email} is not on the roster.")
            previous_holder = snap.firm.by_id(task.assignee_id) if task.assignee_id else None
            await self._withdraw_pending(session, snap, task, "Reassigned by a manager.",
                                         REASSIGNED)
            now = self.clock()
            await task_store.record_event(session, task_id=task_id, actor_id=person.id,
                                          action="reassigned", from_state=task.state,
                                          to_state="unassigned", at=now,
                                          detail={"to": to_email})
            task.state, task.assignee_id, task.offers_made = "unassigned", None, 0
            session.add(task)
            exclude = frozenset({previous_holder.email}) if previous_holder and not target else (
                frozenset())
            result = await self._offer_next(session, snap, task,
                                            named=target.email if target else None,
                                            also_exclude=exclude)
            if target and (result.chosen is None or result.chosen.email != target.email):
                raise Refusal("invalid", f"{target.name} can't take task #{task_id}.",
                              result.named_assignee_note or result.explanation)
            title = (f"Task #{task_id} offered to {result.chosen.name}." if result.chosen
                     else f"Task #{task_id} has no eligible owner.")
            return Reply(status="ok", task_id=task_id,
                         message=views.plain(title, result.explanation))

        return await self._run(work)

    def reminder_plan(self, due_at: datetime, person: StaffProfile) -> tuple[Reminder, ...]:
        return reminder_plan(due_at, zone=ZoneInfo(person.timezone), hours=person.working_hours)

    def _schedule_reminders(self, task: Task, person: StaffProfile | None, now: datetime) -> None:
        if task.due_at is None or person is None:
            task.next_reminder_at = None
            return
        first = first_reminder(self.reminder_plan(task.due_at, person), now=now)
        task.reminder_stage = first.stage - 1 if first else 0
        task.next_reminder_at = first.at if first else None

    async def snooze(self, actor: Actor, task_id: int, choice: str, *,
                     event_key: str | None = None) -> Reply:
        """Push the next deadline reminder back an hour, or to the next working morning."""
        async def work(session: AsyncSession) -> Reply:
            person = await self.identify(session, actor)
            await self._once(session, event_key)
            task = await self._load_task(session, task_id)
            await self._behind_wall(session, person, task)
            if task.assignee_id != person.id or task.state not in ("accepted",
                                                                   "changes_requested"):
                raise Refusal("forbidden", "Only the person working on it can snooze it.")
            snap = await self.snapshot(session)
            me = snap.firm.by_id(person.id) or _ghost(person.id)
            now = self.clock()
            zone = ZoneInfo(me.timezone)
            if choice == "morning":
                until = working_day_start(next_business_day(now.astimezone(zone).date()),
                                          zone=zone, hours=me.working_hours)
            else:
                until = now + timedelta(hours=1)
            if 0 < task.reminder_stage < OVERDUE:
                task.reminder_stage -= 1  # the snoozed reminder comes back at `until`
            # A snooze never holds back the overdue alert: the delegator is waiting for it.
            task.next_reminder_at = min(until, task.due_at) if task.due_at else until
            session.add(task)
            await task_store.record_event(session, task_id=task_id, actor_id=person.id,
                                          action="snoozed", at=now,
                                          detail={"until": until.isoformat()})
            return Reply(status="ok", task_id=task_id, message=views.plain(
                f"Snoozed until {views.when(until, me.timezone)}."))

        return await self._run(work)

    # --- ethical walls ---------------------------------------------------------------------

    async def enforce_screens(self, session: AsyncSession | None = None) -> WallReport:
        """Withdraw offers to, and take back work from, anyone screened from its matter; offer
        each task to the next eligible person.

        In the caller's transaction (a matters import: the wall and its effects commit
        together), or in a transaction of its own.
        """
        if session is None:
            async with self.database.transaction() as own:
                report = await self.enforce_screens(own)
            self.wake()
            return report
        session.info.pop(SNAPSHOT, None)  # this transaction may have just raised the wall
        snap = await self.snapshot(session)
        withdrawn = taken_back = 0
        for task in await task_store.tasks_behind_walls(session):
            person = snap.firm.by_id(task.assignee_id) or _ghost(task.assignee_id)
            offers = [o for o in await task_store.offers_of(session, task_id=task.id or 0)
                      if o.staff_id == task.assignee_id]
            held = task.state != "offered"
            if held:
                taken_back += await self._take_back(session, snap, task, person)
            else:
                withdrawn += await self._withdraw_behind_wall(session, snap, task, person)
            await self._tell_of_wall(session, snap, task, person, held=held,
                                     last_offer=offers[-1].id or 0 if offers else 0)
            await self._offer_next(session, snap, task, also_exclude=frozenset({person.email}))
        return WallReport(withdrawn=withdrawn, taken_back=taken_back)

    async def _withdraw_behind_wall(self, session: AsyncSession, snap: Snapshot, task: Task,
                                    person: StaffProfile) -> int:
        """Close the pending offer; its message becomes a bare "withdrawn", no client name."""
        offer = await task_store.pending_offer(session, task_id=task.id or 0)
        if offer is None or not await task_store.resolve_offer(
                session, offer_id=offer.id or 0, to_state="withdrawn", at=self.clock(),
                reason=SCREENED):
            return 0
        await task_store.record_event(session, task_id=task.id, actor_id=None,
                                      action="withdrawn", from_state="offered",
                                      to_state="offered", reason=SCREENED, at=self.clock(),
                                      detail={"offer_id": offer.id, "from": person.email})
        await self._send(session, to=person, key=f"offer:{offer.id}:withdrawn",
                         replaces_key=f"offer:{offer.id}",
                         message=views.withdrawn(task.id or 0, "This offer was withdrawn."))
        return 1

    async def _take_back(self, session: AsyncSession, snap: Snapshot, task: Task,
                         person: StaffProfile) -> int:
        """Unassign work a newly screened person holds; their work message says so, no more."""
        thread = await self._work_thread(session, task, person)
        if thread:
            await self._send(session, to=person, key=f"{thread}:walled", replaces_key=thread,
                             message=views.withdrawn(task.id or 0, "This task was taken back."))
        if task.state == "submitted":
            view = self.view(snap, task)
            await self._close_review(session, snap, task, view, "Taken back: not reviewed.")
        now = self.clock()
        await task_store.record_event(session, task_id=task.id, actor_id=None,
                                      action="taken_back", from_state=task.state,
                                      to_state="unassigned", reason=SCREENED, at=now,
                                      detail={"from": person.email})
        task.state, task.assignee_id, task.offers_made = "unassigned", None, 0
        task.reminder_stage, task.next_reminder_at, task.updated_at = 0, None, now
        session.add(task)
        return 1

    async def _tell_of_wall(self, session: AsyncSession, snap: Snapshot, task: Task,
                            person: StaffProfile, *, held: bool, last_offer: int) -> None:
        """The delegator and the person's (unscreened) manager hear of it: matter number only."""
        matter = snap.firm.matter_by_id(task.matter_id)
        number = matter.number if matter else "its matter"
        notice = views.plain(
            f"Task #{task.id} was {'taken back from' if held else 'withdrawn from'} "
            f"{person.name}",
            f"{person.name} is now screened from matter {number}. "
            "The task is being offered to the next eligible person.", kind="update")
        readers = [snap.firm.by_id(task.delegator_id)]
        if held:
            readers.append(walls.unscreened_manager(snap.firm, person, matter))
        for reader in {r.email: r for r in readers if r}.values():
            if not walls.screened(snap.firm, reader.email, task.matter_id):
                await self._send(session, to=reader, message=notice,
                                 key=f"wall:{task.id}:{last_offer}:{reader.id}")

    # --- availability ---------------------------------------------------------------------

    async def set_away(self, actor: Actor, until: datetime | None, note: str | None = None,
                       *, event_key: str | None = None) -> Reply:
        async def work(session: AsyncSession) -> Reply:
            person = await self.identify(session, actor)
            await self._once(session, event_key)
            now = self.clock()
            if until is not None and until <= now:
                raise Refusal("invalid", "That date is already past.",
                              "Try: away until Monday, away until Dec 2, or just away.")
            await staff_store.end_away(session, staff_id=person.id, at=now)
            await staff_store.add_away_period(session, staff_id=person.id, starts_at=now,
                                              ends_at=until, note=note)
            await bump_firm_version(session)
            zone = person.timezone or self.settings.timezone
            back = f"until {views.when(until, zone)}" if until else "until you say /lpo back"
            return Reply(status="ok", message=views.plain(
                f"You're away {back}.", "No new offers will come to you meanwhile."))

        return await self._run(work)

    async def away(self, actor: Actor, until_text: str = "", *,
                   event_key: str | None = None) -> Reply:
        """`away until Dec 2`: the phrase is read in the person's own timezone."""
        person = await self.whoami(actor)
        if person is None:
            return NOT_ON_ROSTER.reply()
        until = None
        if until_text.strip():
            until = resolve_until(until_text, now=self.clock(), tz=person.timezone,
                                  day_starts=person.working_hours[0])
            if until is None:
                return Refusal("invalid", f"I couldn't read \u201c{until_text}\u201d as a date.",
                               "Try: away until Monday, away until Dec 2, or just away.").reply()
        return await self.set_away(actor, until, event_key=event_key)

    async def back(self, actor: Actor, *, event_key: str | None = None) -> Reply:
        async def work(session: AsyncSession) -> Reply:
            person = await self.identify(session, actor)
            await self._once(session, event_key)
            await staff_store.end_away(session, staff_id=person.id, at=self.clock())
            await bump_firm_version(session)
            return Reply(status="ok", message=views.plain("Welcome back!",
                                                          "You can receive offers again."))

        return await self._run(work)

    async def digest_preview(self, actor: Actor) -> Reply:
        """`/lpo digest`: a manager's preview of today's digest for their team."""
        async def work(session: AsyncSession) -> Reply:
            person = await self.identify(session, actor)
            if not person.is_manager:
                raise Refusal("forbidden", "The digest is for managers.",
                              "Ask your manager if you need the team's numbers.")
            snap = await self.snapshot(session)
            scope = dict(manager_scopes(snap.firm)).get(person.id or 0)
            message = await build_digest(session, firm=snap.firm, now=self.clock(),
                                         zone=self.settings.zone, type_names=self.type_names,
                                         scope=scope or Scope("you", (person.id or 0,)))
            return Reply(status="ok", message=message)

        return await self._run(work)

    # --- queries ----------------------------------------------------------------------------

    async def whoami(self, actor: Actor) -> StaffProfile | None:
        try:
            async with self.database.transaction() as session:
                person = await self.identify(session, actor)
                return (await self.snapshot(session)).firm.by_id(person.id)
        except Refusal:
            return None

    async def my_tasks(self, actor: Actor) -> TaskList | Reply:
        try:
            async with self.database.transaction() as session:
                person = await self.identify(session, actor)
                snap = await self.snapshot(session)
                me = snap.firm.by_id(person.id) or _ghost(person.id)
                return await self._task_list(session, snap, me)
        except Refusal as refusal:
            return refusal.reply()

    async def _task_list(self, session: AsyncSession, snap: Snapshot,
                         me: StaffProfile) -> TaskList:
        """The person's offers, work and delegations, leaving out any matter walled off from
        them now (a wall raised a moment ago holds here too)."""
        offers, working, delegated = [], [], []
        walled: set[int] = set()
        for offer in await task_store.pending_offers_for(session, staff_id=me.id or 0):
            task = await task_store.get_task(session, task_id=offer.task_id)
            if task and walls.screened(snap.firm, me.email, task.matter_id):
                walled.add(task.id or 0)
            elif task:
                offers.append(views.offer(self.view(snap, task), me, offer.id or 0,
                                          _why(asked_by_name=False)))
        hours_open = 0.0
        for task in await task_store.tasks_for(session, staff_id=me.id or 0):
            if walls.screened(snap.firm, me.email, task.matter_id):
                walled.add(task.id or 0)
                continue
            view = self.view(snap, task)
            if task.assignee_id == me.id and task.state in ("accepted", "changes_requested",
                                                             "submitted"):
                hours_open += task.est_hours if task.state != "submitted" else 0.0
                actions = (views.done_action(task.id or 0),) if task.state != "submitted" else ()
                working.append(views.offer_closed(view, me, views.STATE_LABELS[task.state],
                                                  actions=actions))
            if task.delegator_id == me.id:
                actions = views.review_actions(task.id or 0) if task.state == "submitted" else ()
                holder = f" — {view.holder.name}" if view.holder else ""
                delegated.append(views.offer_closed(
                    view, me, f"{views.STATE_LABELS[task.state]}{holder}", actions=actions))
        notes = (f"{len(walled)} task(s) not shown: you are screened from that matter.",
                 ) if walled else ()
        return TaskList(offers=tuple(offers), working=tuple(working), delegated=tuple(delegated),
                        hours_open=hours_open, capacity=me.weekly_capacity_hours, notes=notes)


def _apply(draft: TaskDraft, overrides: Overrides | None) -> TaskDraft:
    """The draft with what the person fixed by hand; warnings they resolved are dropped."""
    if overrides is None:
        return draft
    resolved = {AMBIGUOUS_MATTER_WARNING, SEVERAL_MATTERS_WARNING} if overrides.matter else set()
    if overrides.due_at:
        resolved.add(PASSED_WARNING)
    return replace(draft,
                   warnings=tuple(w for w in draft.warnings if w not in resolved),
                   task_type=overrides.task_type or draft.task_type,
                   matter=overrides.matter or draft.matter,
                   due_at=overrides.due_at or draft.due_at,
                   priority=overrides.priority or draft.priority,
                   assignee=overrides.assignee or draft.assignee,
                   confidence=1.0 if overrides.task_type else draft.confidence)


def _why(asked_by_name: bool) -> str:
    """Why the offeree, in their terms (the full explanation stays in the audit trail)."""
    if asked_by_name:
        return "you were asked for by name, and you're qualified and free for it."
    return "you're the least expensive qualified person with room for it this week."


def _already(what: str, state: str) -> Refusal:
    return Refusal("already_handled", "Already handled.",
                   f"{what[0].upper()}{what[1:]} is {views.STATE_LABELS.get(state, state)}; "
                   "nothing changed.")


def _cents(amount: float) -> Decimal:
    return Decimal(str(round(amount, 2)))


def _ghost(staff_id: int | None) -> StaffProfile:
    """A stand-in for someone no longer on the active roster."""
    return StaffProfile(email=f"former-{staff_id}@invalid", name="a former colleague",
                        role="paralegal", hourly_rate=0.0, skills={},
                        weekly_capacity_hours=0.0, id=staff_id)
