"""Ethical walls at every moment: who is screened from a task's matter, and who may hear of it."""

from __future__ import annotations

from bot.firm import Firm
from bot.replies import Refusal
from matching.model import MatterRef, StaffProfile


def screened(firm: Firm, email: str, matter_id: int | None) -> bool:
    """Whether this person is behind the wall of this matter (no matter, no wall)."""
    matter = firm.matter_by_id(matter_id)
    return matter is not None and email in matter.screened


def refuse_if_screened(firm: Firm, email: str, matter_id: int | None) -> None:
    """Stop any action or view by a screened person; the unit of work rolls back."""
    if screened(firm, email, matter_id):
        raise Refusal("forbidden", "You are screened from that matter.",
                      "An ethical wall keeps you off it, so nothing changed.")


def unscreened_manager(firm: Firm, person: StaffProfile | None,
                       matter: MatterRef | None) -> StaffProfile | None:
    """Who hears about this person's work on this matter: their manager if not screened, else
    the nearest unscreened manager up the chain, else any unscreened manager."""
    walled = matter.screened if matter else frozenset()
    seen: set[str] = set()
    current = person
    while current is not None and current.manager_email and current.manager_email not in seen:
        seen.add(current.manager_email)
        current = firm.by_email(current.manager_email)
        if current is not None and current.email not in walled:
            return current
    if not walled or person is None:
        return None  # no wall was in the way: nobody up the chain means nobody
    others = [p for p in firm.staff if p.is_manager and p.email not in walled
              and p.email != person.email]
    return min(others, key=lambda p: p.id or 0, default=None)
