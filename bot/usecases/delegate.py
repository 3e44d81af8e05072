"""Delegating: read the request, confirm what the parser was unsure of, create and offer the task."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from bot import metrics, views
from bot.firm_state import FirmState, Snapshot
from bot.messages import Message
from bot.offering import Offering
from bot.replies import Actor, Choice, Confirmation, Refusal, Reply
from bot.unit_of_work import UnitOfWork, Units
from matching.estimates import Estimate
from matching.lifecycle import EscalationReason, TaskState
from matching.matcher import MatchResult
from matching.model import StaffProfile, TaskDraft, Taxonomy
from matching.parse import AMBIGUOUS_MATTER_WARNING, SEVERAL_MATTERS_WARNING
from matching.parse.deadlines import PASSED_WARNING
from storage import tasks as task_store
from storage.tables import Task


@dataclass(frozen=True, slots=True)
class Overrides:
    """What a confirmation modal or card fixed by hand; None keeps what the parser understood."""

    task_type: str | None = None
    matter: str | None = None
    due_at: datetime | None = None
    priority: str | None = None
    assignee: str | None = None
    notes: str | None = None


class Delegation:
    """`/delegate`: one request in, one task out (offered, or escalated when nobody fits)."""

    def __init__(self, units: Units, offering: Offering, taxonomy: Taxonomy) -> None:
        self.units = units
        self.offering = offering
        self.taxonomy = taxonomy

    async def delegate(self, actor: Actor, text: str, *, source: str = "console",
                       overrides: Overrides | None = None, event_key: str | None = None,
                       confirmed: bool = False) -> Reply:
        async def work(uow: UnitOfWork) -> Reply:
            delegator = await uow.identify(actor)
            await uow.once(event_key)
            snap = await uow.snapshot()
            cleaned = (text or "").strip()
            if not cleaned and not (overrides and overrides.task_type):
                raise Refusal("invalid", "Tell me what to delegate.",
                              "For example: /delegate draft demand letter for 2027-0302 by Friday")
            draft = _apply(self._parse(uow, snap, delegator, cleaned), overrides)
            unsure = _unsure(draft)
            if unsure and not confirmed:
                return self._confirmation(cleaned, draft, unsure, snap, delegator)
            if draft.task_type is None:
                raise Refusal("invalid", "Pick a task type.",
                              "I couldn't tell what kind of task that is.")
            return await self._create(uow, snap, delegator, cleaned, draft, source, overrides)

        reply = await self.units.run(work)
        metrics.DELEGATIONS.labels(source, reply.status).inc()
        return reply

    @staticmethod
    def _parse(uow: UnitOfWork, snap: Snapshot, person: StaffProfile, text: str) -> TaskDraft:
        return snap.parser.parse(text, now=uow.now, tz=person.timezone)

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

    async def _create(self, uow: UnitOfWork, snap: Snapshot, delegator: StaffProfile,
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
        now = uow.now
        estimate = await uow.estimate(task_type)
        notes = overrides.notes.strip() if overrides and overrides.notes else ""
        task = Task(
            # The title may reach a channel: never the request's words (they may name a client).
            text=text + (f"\n\nNotes: {notes}" if notes else ""),
            title=views.task_title(task_type, matter),
            task_type=task_type.id, matter_id=snap.firm.matter_id(matter.number) if matter else None,
            delegator_id=delegator.id or 0, state=TaskState.UNASSIGNED.value,
            priority=draft.priority, due_at=draft.due_at, est_hours=estimate.hours,
            source=source, created_at=now, updated_at=now)
        offering = self.offering
        result = await offering.choose(uow, snap, task, named=draft.assignee,
                                       excluded=frozenset())
        chosen = result.chosen if offering.offerable(task, result) else None
        # Offered before it is stored, so the task row is written once.
        offered = await offering.assign(uow, snap, task, result) if chosen else None
        await task_store.add_task(uow.session, task=task)
        await task_store.record_event(uow.session, task_id=task.id, actor_id=delegator.id,
                                      action="created", to_state=TaskState.UNASSIGNED.value,
                                      at=now, detail={"text": text,
                                                      "parsed": draft.as_contract()})
        if chosen and offered:
            await offering.record_offer(uow, snap, task, result, draft.assignee, offered)
            FirmState.note_delegated_offer(uow.session, chosen.email, task.est_hours, now)
        else:
            await offering.escalate(uow, snap, task, result, offers=[],
                                    code=EscalationReason.NOBODY_ELIGIBLE)
        return _delegated(uow.view(snap, task), delegator, draft, result, estimate)


def _delegated(view: views.TaskView, delegator: StaffProfile, draft: TaskDraft,
               result: MatchResult, estimate: Estimate) -> Reply:
    """The delegator's answer: who it went to and why (what it saves, or that it costs more
    than doing it themselves), or why nobody could take it. Each thing is said once."""
    notes = list(draft.warnings)  # the named-assignee note is already in the explanation
    if estimate.from_firm:
        notes.append(f"Estimate: {estimate.describe()}.")
    if result.chosen is None:
        return Reply(status="nobody_eligible", task_id=view.task_id, message=Message(
            title=f"Task #{view.task_id} is waiting for an owner: nobody is eligible right now.",
            body=result.explanation, facts=view.facts(delegator), lines=tuple(notes),
            footer="Your manager has been told.", kind="delegated"))
    return Reply(status="ok", task_id=view.task_id, message=Message(
        title=offered_headline(view.task_id, result), body=sentence(result.rationale),
        facts=view.facts(delegator), lines=tuple(notes), kind="delegated"))


def offered_headline(task_id: int, result: MatchResult) -> str:
    """`Task #7 offered to Dmitri Albescu (paralegal, $48/h)`; the why follows in the body."""
    chosen = result.chosen
    assert chosen is not None, "only a placed task has a headline naming its offeree"
    role = views.ROLE_LABELS.get(chosen.role, chosen.role)
    return f"Task #{task_id} offered to {chosen.name} ({role}, {views.money(chosen.hourly_rate)}/h)"


def sentence(text: str) -> str:
    """The matcher's clauses as a sentence: `cheapest qualified; ...` -> `Cheapest ...`."""
    return text[:1].upper() + text[1:]


def _unsure(draft: TaskDraft) -> str | None:
    """Why the delegator should confirm before anything is created, if they should."""
    if draft.task_type is None:
        return "I couldn't tell what kind of task this is."
    if draft.matter is None and (AMBIGUOUS_MATTER_WARNING in draft.warnings
                                 or SEVERAL_MATTERS_WARNING in draft.warnings):
        return "That fits more than one matter: pick one."
    return None


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
