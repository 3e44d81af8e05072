"""Reason codes for declines, expiries and escalations, worded from codes and names only.

What someone types when declining stays in the offer's note: it may name a client, so only
the delegator and the audit trail see it. Everything here may reach a channel.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.firm import Firm
from matching.lifecycle import DeclineReason, OfferState, WithdrawReason
from storage.tables import Offer

# The reasons a Decline button offers, by code (matching/lifecycle.py owns the codes).
DECLINE_REASONS = {reason.value: reason.label for reason in DeclineReason}
EXPIRED = OfferState.EXPIRED.value
NOBODY_ELIGIBLE = "nobody eligible"
# Why an offer was withdrawn, for the audit trail and `tasks show`.
CANCELLED, REASSIGNED, UNREACHABLE, SCREENED = (
    reason.value for reason in (WithdrawReason.CANCELLED, WithdrawReason.REASSIGNED,
                                WithdrawReason.UNREACHABLE, WithdrawReason.SCREENED))


def split_decline(text: str) -> tuple[str, str | None]:
    """`conflict`, `conflict: I know them`, `no capacity - trial` or free words -> (code, note).

    Chat clients send a code, a label with a note, or just words; the words are never a code.
    """
    cleaned = (text or "").strip()
    lowered = cleaned.casefold()
    for code, label in DECLINE_REASONS.items():
        for prefix in (code, label):
            if lowered == prefix:
                return code, None
            if lowered.startswith(prefix) and not lowered[len(prefix)].isalnum():
                note = cleaned[len(prefix):].lstrip(" :-\u2014\u2013,.;").strip()
                return code, note or None
    return "other", cleaned or None


def decline_label(code: str | None) -> str:
    return DECLINE_REASONS.get(code or "", "other")


def no_takers(offers: Iterable[Offer], firm: Firm) -> str:
    """Why a task ran out of offers, person by person: names and codes, never notes."""
    outcomes = []
    for offer in offers:
        person = firm.by_id(offer.staff_id)
        name = person.name if person else "a former colleague"
        outcomes.append(f"{name} declined ({decline_label(offer.reason)})"
                        if offer.state == OfferState.DECLINED
                        else f"{name} didn't answer in time" if offer.state == OfferState.EXPIRED
                        else f"{name}: {offer.state} ({offer.reason or 'no reason'})")
    return (f"no acceptance after {len(outcomes)} offers: {'; '.join(outcomes)}" if outcomes
            else "no acceptance")
