"""Delegating: read the request, ask about what was not understood, create and offer the task;
and set a task's type right afterwards ("Wrong type?"). Every answer is a labelled example."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from datetime import datetime

from bot import metrics, transitions, views
from bot.catalogue import find_task_type
from bot.firm_state import FirmState, Snapshot
from bot.messages import Action, Message
from bot.offering import Offering
from bot.reasons import REASSIGNED
from bot.replies import Actor, Choice, Confirmation, Refusal, Reply
from bot.unit_of_work import UnitOfWork, Units
from bot.usecases.common import acting_on
from bot.usecases.learning import CONFIRMED, CORRECTED, remember
from matching import lifecycle
from matching.estimates import Estimate
from matching.lifecycle import EscalationReason, TaskState, Withdrawn
from matching.matcher import MatchResult
from matching.model import StaffProfile, TaskDraft, TaskType, Taxonomy
from matching.parse import AMBIGUOUS_MATTER_WARNING, SEVERAL_MATTERS_WARNING
from matching.parse.deadlines import PASSED_WARNING
from matching.text import fold
from storage import tasks as task_store
from storage.tables import Task

MATTER_CHOICES = 100  # a searchable picker shows this many; typing narrows them
RETYPE_ACTION = "wrong"  # the "Wrong type?" button on the delegator's answer
# A wrong type is set right before anyone starts on the work; after that, reassign or cancel.
RETYPABLE = (TaskState.UNASSIGNED.value, TaskState.OFFERED.value)
# The answer to a request read as delegating nothing: the type picker is still offered.
NOTHING_TO_DELEGATE = "I don't see a task to delegate in that."
NOTHING_REASON = "I don't see a task to delegate in that: if there is one, pick its type"


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
    """`/delegate`: one request in, one task out (offered, or escalated when nobody fits).

    A request the bot is unsure of (`TaskDraft.unsure`) is answered with a `Confirmation` and
    nothing is written; the adapters ask, then call again with `confirmed=True` and what the
    person picked. That answer, and each later correction, is stored as a labelled example.
    """

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
            parsed = snap.parser.parse(cleaned, now=uow.now, tz=delegator.timezone,
                                       memory=await uow.state.memory(uow.session),
                                       writer=delegator.email)
            asked = _unsure(parsed)
            if asked and not confirmed:
                return self._confirmation(cleaned, parsed, asked, snap, delegator)
            draft = _apply(parsed, self._overrides(overrides))
            if draft.task_type is None:
                raise Refusal("invalid", "Pick a task type.",
                              "I couldn't tell what kind of task that is.")
            reply = await self._create(uow, snap, delegator, cleaned, draft, source, overrides)
            if asked and cleaned:  # the person answered what they were asked: learn it
                await remember(uow, snap, cleaned, draft.task_type, CONFIRMED)
            return reply

        reply = await self.units.run(work)
        metrics.DELEGATIONS.labels(source, reply.status).inc()
        return reply

    def type_choices(self) -> tuple[Choice, ...]:
        """Every task type, labelled for people (a "Wrong type?" picker)."""
        return tuple(Choice(t.id, t.name) for t in self.taxonomy.types)

    async def matter_choices(self, actor: Actor, query: str) -> tuple[Choice, ...] | None:
        """The delegator's matters matching `query` (by number or client name), for a
        searchable picker: never one they are screened from. None when not on the roster."""
        try:
            async with self.units.begin() as uow:
                person = await uow.identify(actor)
                matters = (await uow.snapshot()).firm.matters
        except Refusal:
            return None
        wanted = fold(query).split()
        found = (Choice(m.number, f"{m.number} {m.client_name}") for m in matters
                 if person.email not in m.screened)
        return tuple(itertools.islice(
            (c for c in found if all(word in fold(c.label) for word in wanted)), MATTER_CHOICES))

    def task_type(self, typed: str) -> TaskType:
        """The task type a person typed or picked (an id, a label, or close: "doc review")."""
        found = self.taxonomy.get(typed.strip()) or find_task_type(self.taxonomy, typed)
        if found is None:
            raise Refusal("invalid", f"I don't know the task type \u201c{typed.strip()}\u201d.",
                          "Pick one of: " + ", ".join(t.name for t in self.taxonomy.types))
        return found

    def _overrides(self, overrides: Overrides | None) -> Overrides | None:
        if overrides is None or not overrides.task_type:
            return overrides
        return replace(overrides, task_type=self.task_type(overrides.task_type).id)

    def _confirmation(self, text: str, draft: TaskDraft, asked: tuple[str, ...],
                      snap: Snapshot, delegator: StaffProfile) -> Reply:
        names = {t.id: t.name for t in self.taxonomy.types}
        best = tuple(Choice(type_id, names[type_id]) for type_id in draft.candidates
                     if type_id in names)
        rest = tuple(Choice(t.id, t.name) for t in self.taxonomy.types
                     if t.id not in draft.candidates)
        matters = tuple(Choice(m.number, f"{m.number} {m.client_name}")
                        for m in snap.firm.matters if delegator.email not in m.screened)
        reasons = tuple(self._why(draft, name) for name in asked)
        title = NOTHING_TO_DELEGATE if _delegates_nothing(draft) else "Let's confirm the details."
        confirmation = Confirmation(
            text=text, reason=" ".join(reasons), task_type=draft.task_type, matter=draft.matter,
            due_at=draft.due_at, priority=draft.priority, assignee=draft.assignee,
            type_choices=best + rest, matter_choices=matters, unsure=asked, reasons=reasons,
            candidates=best)
        return Reply(status="needs_confirmation", confirmation=confirmation,
                     message=Message(title=title, body="\n".join(reasons), kind="confirm"))

    def _why(self, draft: TaskDraft, field_name: str) -> str:
        """What the bot could not read about one field, in the delegator's terms (the
        parser's own words when it gave some; they may quote the request)."""
        guess = self.taxonomy.get(draft.task_type)
        said = dict(draft.unsure_reasons).get(field_name)
        if field_name == "task_type" and said is None and guess is not None:
            said = f"I'm not sure this is {guess.name.lower()}: pick the right kind of task"
        if field_name == "task_type" and _delegates_nothing(draft):
            said = NOTHING_REASON
        if field_name == "matter" and said is None:
            said = "That fits more than one matter: pick one"
        reason = (said or draft.reason(field_name)).strip()
        sentence = reason[:1].upper() + reason[1:]
        return sentence if sentence.endswith((".", "?", "!")) else sentence + "."

    async def correct(self, actor: Actor, task_id: int, typed: str, *,
                      event_key: str | None = None) -> Reply:
        """"Wrong type?": set the task's type right, withdraw the offer made for the wrong one
        (its card updates in place) and offer the task anew; the correction is remembered."""
        async def work(uow: UnitOfWork) -> Reply:
            person, task = await acting_on(uow, actor, task_id, event_key)
            new_type = self.task_type(typed)
            if new_type.id == task.task_type:
                raise Refusal("invalid", f"Task #{task_id} is already {new_type.name.lower()}.")
            if task.state not in RETYPABLE:
                raise Refusal("invalid", f"Task #{task_id} is already being worked on.",
                              "Cancel it and delegate it again, or ask a manager to reassign it.")
            transition = transitions.decide(
                task, lambda status: lifecycle.reassign(status, transitions.caller(person)))
            snap = await uow.snapshot()
            if any(isinstance(event, Withdrawn) for event in transition.events):
                await self.offering.withdraw_pending(
                    uow, snap, task, "Withdrawn: the delegator corrected the task type.",
                    REASSIGNED)
            matter = snap.firm.matter_by_id(task.matter_id)
            estimate = await uow.estimate(new_type)
            await transitions.apply(
                uow, task, transition, actor_id=person.id,
                values={"task_type": new_type.id, "est_hours": estimate.hours,
                        "title": views.task_title(new_type, matter)},
                detail={"task_type": {"from": task.task_type, "to": new_type.id}})
            result = await self.offering.offer_next(uow, snap, task)
            await remember(uow, snap, await _request_of(uow, task), new_type.id, CORRECTED)
            chosen = result.chosen
            title = (f"Task #{task_id} is now {new_type.name.lower()}: offered to {chosen.name}."
                     if chosen else f"Task #{task_id} is now {new_type.name.lower()}, and "
                                    "nobody is eligible right now.")
            return Reply(status="ok", task_id=task_id, message=Message(
                title=title, body=result.explanation,
                facts=uow.view(snap, task).facts(person), kind="delegated"))

        return await self.units.run(work)

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


async def _request_of(uow: UnitOfWork, task: Task) -> str:
    """The words the task was delegated with (its text may carry the modal's notes too)."""
    events = await task_store.events_of(uow.session, task_id=task.id or 0)
    created = next((e for e in events if e.action == "created"), None)
    text = created.detail.get("text") if created else None
    return text if isinstance(text, str) else task.text


def _delegated(view: views.TaskView, delegator: StaffProfile, draft: TaskDraft,
               result: MatchResult, estimate: Estimate) -> Reply:
    """The delegator's answer: who it went to and why (what it saves, or that it costs more
    than doing it themselves), or why nobody could take it. Each thing is said once. A
    "Wrong type?" button sets the type right."""
    notes = list(draft.warnings)  # the named-assignee note is already in the explanation
    if estimate.from_firm:
        notes.append(f"Estimate: {estimate.describe()}.")
    retype = (Action(RETYPE_ACTION, "Wrong type?", str(view.task_id), needs="task_type"),)
    if result.chosen is None:
        return Reply(status="nobody_eligible", task_id=view.task_id, message=Message(
            title=f"Task #{view.task_id} is waiting for an owner: nobody is eligible right now.",
            body=result.explanation, facts=view.facts(delegator), lines=tuple(notes),
            footer="Your manager has been told.", kind="delegated", actions=retype))
    return Reply(status="ok", task_id=view.task_id, message=Message(
        title=offered_headline(view.task_id, result), body=sentence(result.rationale),
        facts=view.facts(delegator), lines=tuple(notes), kind="delegated", actions=retype))


def offered_headline(task_id: int, result: MatchResult) -> str:
    """`Task #7 offered to Dmitri Albescu (paralegal, $48/h)`; the why follows in the body."""
    chosen = result.chosen
    assert chosen is not None, "only a placed task has a headline naming its offeree"
    role = views.ROLE_LABELS.get(chosen.role, chosen.role)
    return f"Task #{task_id} offered to {chosen.name} ({role}, {views.money(chosen.hourly_rate)}/h)"


def sentence(text: str) -> str:
    """The matcher's clauses as a sentence: `cheapest qualified; ...` -> `Cheapest ...`."""
    return text[:1].upper() + text[1:]


def _delegates_nothing(draft: TaskDraft) -> bool:
    """Whether the request was read as delegating nothing ("thanks all", "lunch is here"): no
    type, and no question about it. The bot then says so and offers the types anyway."""
    return draft.task_type is None and "task_type" not in draft.unsure


def _unsure(draft: TaskDraft) -> tuple[str, ...]:
    """The fields to ask the delegator about before anything is created; a request that
    delegates nothing is asked its type too, so nothing is created unless one is picked."""
    asked = list(draft.unsure)
    if draft.task_type is None and "task_type" not in asked:
        asked.insert(0, "task_type")
    if draft.matter is None and "matter" not in asked and (
            AMBIGUOUS_MATTER_WARNING in draft.warnings
            or SEVERAL_MATTERS_WARNING in draft.warnings):
        asked.append("matter")
    return tuple(asked)


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
