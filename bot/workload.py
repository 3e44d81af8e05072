"""What matching needs besides the roster: open hours, recent offers, and who chat can't reach."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.firm import Firm
from storage import conversations as conversation_store
from storage import tasks as task_store
from storage.versions import Versions


@dataclass(frozen=True, slots=True)
class Workload:
    """The numbers as of `versions`, keyed by email as the matcher wants them."""

    versions: Versions
    loads: Mapping[str, float]
    last_offered: Mapping[str, datetime]
    unreachable: frozenset[str]

    def with_offer(self, email: str, hours: float, at: datetime, *,
                   versions: Versions) -> Workload:
        """The same workload after one more offer to `email` (a delegation's own change)."""
        loads = {**self.loads, email: self.loads.get(email, 0.0) + hours}
        return replace(self, versions=versions, loads=loads,
                       last_offered={**self.last_offered, email: at})


async def load_workload(session: AsyncSession, firm: Firm, *, versions: Versions,
                        offered_since: datetime, slack_enabled: bool) -> Workload:
    loads = await task_store.open_loads(session)
    offered = await task_store.last_offered(session, since=offered_since)
    teams_ids = await conversation_store.unreachable_user_ids(session)
    # Teams could not open a chat with them, and Slack can't reach them either.
    unreachable = frozenset(p.email for p in firm.staff
                            if p.teams_user_id in teams_ids and not (slack_enabled
                                                                     and p.slack_user_id))
    return Workload(versions=versions,
                    loads={email: hours for staff_id, hours in loads.items()
                           if (email := firm.email_of(staff_id))},
                    last_offered={email: at for staff_id, at in offered.items()
                                  if (email := firm.email_of(staff_id))},
                    unreachable=unreachable)
