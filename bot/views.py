"""Neutral messages for every step of a delegation, worded for the person who reads them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.messages import Action, Fact, Message, Option
from bot.replies import Pick
from matching.lifecycle import EscalationReason, TaskState
from matching.model import MatterRef, StaffProfile, TaskType

ROLE_LABELS = {"legal_assistant": "legal assistant", "paralegal": "paralegal",
               "associate": "associate", "partner": "partner"}
STATE_LABELS: dict[str, str] = {
    TaskState.UNASSIGNED: "unassigned", TaskState.OFFERED: "offered",
    TaskState.ACCEPTED: "in progress", TaskState.SUBMITTED: "awaiting your review",
    TaskState.CHANGES_REQUESTED: "changes requested", TaskState.COMPLETED: "completed",
    TaskState.CANCELLED: "cancelled"}
REQUEST_SHOWN = 600  # characters of the request a message quotes


def money(amount: float) -> str:
    """$352, $37.50, $1,200."""
    cents = round(amount * 100)
    if cents % 100 == 0:
        return f"${cents // 100:,}"
    return f"${cents / 100:,.2f}"


def hours(value: float) -> str:
    return f"{value:g} h"


def when(moment: datetime | None, zone: str) -> str:
    """`Fri Nov 27, 5:00 PM EST` in the reader's timezone; `no deadline` when None."""
    if moment is None:
        return "no deadline"
    local = moment.astimezone(ZoneInfo(zone))
    clock = local.strftime("%I:%M %p").lstrip("0")
    return f"{local:%a %b} {local.day}, {clock} {local.tzname()}"


def task_title(task_type: TaskType, matter: MatterRef | None) -> str:
    """`Demand letter — 2027-0302`: structured only, since titles reach the digest channel."""
    return f"{task_type.name} \u2014 {matter.number}" if matter else task_type.name


def role(person: StaffProfile) -> str:
    return ROLE_LABELS.get(person.role, person.role)


@dataclass(frozen=True, slots=True)
class TaskView:
    """Everything a message about one task may show; client names only when allowed."""

    task_id: int
    title: str
    task_type: TaskType
    due_at: datetime | None
    priority: str
    est_hours: float
    state: str
    matter: MatterRef | None
    delegator: StaffProfile
    holder: StaffProfile | None
    request: str = ""

    def matter_label(self, reader: StaffProfile) -> str | None:
        """Number and client for people on the matter; the number alone for anyone else."""
        if self.matter is None:
            return None
        if self.may_see_client(reader):
            return f"{self.matter.number} ({self.matter.client_name})"
        return self.matter.number

    def may_see_client(self, reader: StaffProfile) -> bool:
        if self.matter is None or reader.email in self.matter.screened:
            return False
        return reader.email in self._on_task()

    def may_see_request(self, reader: StaffProfile) -> bool:
        """The delegator's own words (which may name any client): for the people on the task."""
        if self.matter is not None and reader.email in self.matter.screened:
            return False
        return reader.email in self._on_task()

    def _on_task(self) -> set[str | None]:
        return {self.delegator.email, self.matter.responsible_email if self.matter else None,
                self.holder.email if self.holder else None}

    def facts(self, reader: StaffProfile) -> tuple[Fact, ...]:
        """The task's details; the number is not among them, since every title that carries
        these facts names the task already."""
        facts = [Fact("Type", self.task_type.name)]
        matter = self.matter_label(reader)
        if matter:
            facts.append(Fact("Matter", matter))
        facts.append(Fact("Due", when(self.due_at, reader.timezone)))
        facts.append(Fact("Estimate", hours(self.est_hours)))
        if self.priority != "normal":
            facts.append(Fact("Priority", self.priority))
        if self.request and self.may_see_request(reader):
            facts.append(Fact("Request", _clip(self.request)))
        return tuple(facts)


def _clip(text: str, limit: int = REQUEST_SHOWN) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def offer(view: TaskView, offeree: StaffProfile, why: str) -> Message:
    """The offer, with Accept and Decline; both act on the task number people see."""
    review = " Your draft goes back to the attorney for review." \
        if view.task_type.review_required else ""
    return Message(
        title=f"New task #{view.task_id} from {view.delegator.name}: {view.title}",
        body=f"Why you: {why}{review}",
        facts=view.facts(offeree),
        actions=(Action("accept", "Accept", str(view.task_id), style="primary"),
                 Action("decline", "Decline", str(view.task_id), style="danger",
                        needs="decline_reason")),
        kind="offer")


def offer_closed(view: TaskView, reader: StaffProfile, outcome: str,
                 actions: tuple[Action, ...] = ()) -> Message:
    return Message(title=f"Task #{view.task_id}: {view.title}", facts=view.facts(reader),
                   actions=actions, footer=outcome, kind="offer_update")


def withdrawn(task_id: int, outcome: str) -> Message:
    """What replaces an offer or work message behind a new wall: no title, matter or client."""
    return Message(title=f"Task #{task_id}", footer=outcome, kind="offer_update")


def done_action(task_id: int) -> Action:
    return Action("done", "Mark done", str(task_id), style="primary")


# One tap after "done": how long the work took (any other figure: the last button's form).
HOURS_CHOICES = ("0.5", "1", "2", "4")


def hours_actions(task_id: int) -> tuple[Action, ...]:
    """`0.5 h`, `1 h`, `2 h`, `4 h` and `Other…`: the value is `task:hours`."""
    return (*(Action("hours", f"{choice} h", f"{task_id}:{choice}") for choice in HOURS_CHOICES),
            Action("hours", "Other\u2026", str(task_id), needs="hours"))


def snooze_actions(task_id: int) -> tuple[Action, ...]:
    return (Action("snooze", "Snooze 1 hour", f"{task_id}:hour"),
            Action("snooze", "Tomorrow morning", f"{task_id}:morning"))


def review_actions(task_id: int) -> tuple[Action, ...]:
    return (Action("approve", "Approve", str(task_id), style="primary"),
            Action("changes", "Request changes", str(task_id), needs="change_note"))


def to_delegator(view: TaskView, headline: str, detail: str = "",
                 actions: tuple[Action, ...] = ()) -> Message:
    return Message(title=headline, body=detail, facts=view.facts(view.delegator),
                   actions=actions, kind="update")


def escalation(view: TaskView, manager: StaffProfile, reasons: str, code: EscalationReason,
               offer_round: int) -> Message:
    return Message(
        title=f"Task #{view.task_id} needs an owner",
        body=(f"{view.delegator.name} delegated \u201c{view.title}\u201d but it could not be "
              f"placed. {reasons}"),
        facts=(*view.facts(manager), escalation_fact(code, offer_round)), kind="escalation",
        footer=f"Reassign it from /tasks (reassign {view.task_id}), or ask the delegator to "
               "adjust it.")


ESCALATION_LABELS: dict[str, str] = {
    EscalationReason.NOBODY_ELIGIBLE: "nobody eligible",
    EscalationReason.EVERYONE_TRIED: "everyone eligible was tried",
    EscalationReason.MAX_OFFERS: "the round's offers ran out"}


def escalation_fact(code: str, offer_round: int) -> Fact:
    """`Escalated: everyone eligible was tried (everyone_tried), round 2`: codes, no free text."""
    label = ESCALATION_LABELS.get(code, code)
    return Fact("Escalated", f"{label} ({code}), round {offer_round}")


CHEAPEST = "cheapest"  # the picker's first option: the next round's cheapest eligible person


def queue_item(view: TaskView, manager: StaffProfile, code: str | None, offer_round: int,
               reason: str | None, picks: tuple[Pick, ...]) -> Message:
    """A task in a manager's queue: why it waits (codes and names only) and a Reassign picker
    of the people who could take it, each with their cost, load and why."""
    facts = list(view.facts(manager))
    if code:
        facts.append(escalation_fact(code, offer_round))
    if reason:
        facts.append(Fact("Why", reason))
    if not picks:
        return Message(title=f"Task #{view.task_id}: {view.title}", facts=tuple(facts),
                       footer="Nobody is eligible right now: ask the delegator to adjust it.",
                       kind="queue")
    options = (Option(CHEAPEST, f"Cheapest eligible ({picks[0].name})"),
               *(Option(pick.email, pick_label(pick)) for pick in picks))
    picker = Action("reassign", "Reassign", str(view.task_id), options=options)
    return Message(title=f"Task #{view.task_id}: {view.title}", facts=tuple(facts),
                   actions=(picker,), kind="queue")


def pick_label(pick: Pick) -> str:
    """`Maria Lopez · $97.50 · 12/40 h · cheapest eligible`."""
    return (f"{pick.name} \u00b7 {money(pick.cost)} \u00b7 {pick.load:g}/{pick.capacity:g} h "
            f"\u00b7 {pick.why}")


def plain(title: str, body: str = "", kind: str = "info") -> Message:
    return Message(title=title, body=body, kind=kind)
