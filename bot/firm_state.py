"""The firm as matching sees it, cached across transactions: the snapshot and the workload.

The snapshot holds the roster, the matters, the matcher's index and the parser built for them
(the rules with the request model's second opinion, and the firm's names it must not learn).
Both caches are keyed by counters stored with the data (storage/versions.py), so a change
made by any server instance reloads them; see docs/architecture.md, "Caches". The firm's
remembered answers are keyed by their newest example, so an answer given on any instance is
remembered by all at their next delegation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.catalogue import load_vocabulary
from bot.clock import Clock
from bot.firm import Firm, load_firm
from bot.nicknames import load_nicknames
from bot.request_model import Example, RequestModel, ReviewedParser, memory_of
from bot.settings import Settings
from matching.estimates import MEDIAN_AFTER_RECORDS, Median
from matching.matcher import StaffIndex
from matching.model import Taxonomy
from matching.parse import Catalogue, Parser
from matching.second_opinion import NameBook
from storage import conversations as conversation_store
from storage import examples as example_store
from storage import reports
from storage import tasks as task_store
from storage.versions import Versions, get_versions

# Per-transaction memos in AsyncSession.info.
SNAPSHOT, VERSIONS, DELEGATED_OFFER = "lpo_snapshot", "lpo_versions", "lpo_delegated_offer"
WATCHED_ROWS_PER_DELEGATION = 2  # the task and its offer (see migration 0002)
# "Least recently offered" only breaks ties; a month of history is plenty and keeps it cheap.
TIE_BREAK_MEMORY = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The roster and matters at one firm version, with the matcher's index over the staff."""

    version: int
    firm: Firm
    index: StaffIndex
    parser: ReviewedParser  # built for this version's matters and roster


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
    """Open hours, recent offers and unreachable people, read from the tables."""
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


@dataclass(frozen=True, slots=True)
class Memory:
    """The firm's answers by memory key, as of its newest example."""

    latest: int
    answers: Mapping[str, str]


class FirmState:
    """Hands each transaction the current snapshot and workload, rebuilding only what moved.

    `model` is the request model the wiring trained (None for a command that reads no
    requests); `adopt` swaps in a retrained one.
    """

    def __init__(self, settings: Settings, taxonomy: Taxonomy, *, clock: Clock,
                 model: RequestModel | None = None) -> None:
        self.settings = settings
        # The compiled catalogue outlives firm versions: only the taxonomy shapes it.
        self.catalogue = Catalogue(taxonomy, load_vocabulary())
        self.clock = clock
        self.model = model
        self._snapshot: Snapshot | None = None
        self._workload: Workload | None = None
        self._memory = Memory(latest=0, answers={})
        self._medians: tuple[int, Mapping[str, Median]] | None = None

    async def snapshot(self, session: AsyncSession) -> Snapshot:
        """The firm as of this transaction, rebuilt only when the roster version changed."""
        memo: Snapshot | None = session.info.get(SNAPSHOT)
        if memo is not None:
            return memo
        versions = await get_versions(session)
        cached = self._snapshot
        if cached is None or cached.version != versions.firm:
            firm = await load_firm(session, settings=self.settings)
            parser = ReviewedParser(
                Parser(self.catalogue, firm.matters, firm.staff, load_nicknames()), self.model,
                NameBook.of_firm(firm.matters, firm.staff, self.catalogue.shorthand))
            cached = Snapshot(version=versions.firm, firm=firm, index=StaffIndex(firm.staff),
                              parser=parser)
            self._snapshot = cached
        session.info[SNAPSHOT], session.info[VERSIONS] = cached, versions
        return cached

    def adopt(self, model: RequestModel) -> None:
        """Read requests with a retrained model from now on."""
        self.model = model
        cached = self._snapshot
        if cached is not None:
            self._snapshot = replace(cached, parser=cached.parser.with_model(model))

    async def memory(self, session: AsyncSession) -> Mapping[str, str]:
        """The firm's remembered answers, reloaded only when an example was added since."""
        latest = await example_store.latest_example_id(session)
        if latest != self._memory.latest:
            rows = await example_store.list_examples(session)
            self._memory = Memory(latest=latest, answers=memory_of(
                Example(row.text, row.task_type, row.source) for row in rows))
        return self._memory.answers

    @staticmethod
    def forget(session: AsyncSession) -> None:
        """Drop this transaction's memo: it changed the firm, so the next read rebuilds it."""
        session.info.pop(SNAPSHOT, None)

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

    async def medians(self, session: AsyncSession) -> Mapping[str, Median]:
        """The firm's median actual hours per task type (types with enough records), read
        again only when the hours counter moved: recording hours bumps it."""
        if VERSIONS not in session.info:
            await self.snapshot(session)
        hours = session.info[VERSIONS].hours
        cached = self._medians
        if cached is not None and cached[0] == hours:
            return cached[1]
        rows = await reports.median_actual_hours(session, min_records=MEDIAN_AFTER_RECORDS)
        medians = {row.task_type: Median(hours=row.hours, records=row.records) for row in rows}
        self._medians = (hours, medians)
        return medians

    @staticmethod
    def note_delegated_offer(session: AsyncSession, email: str, hours: float,
                             at: datetime) -> None:
        """A fresh task offered in this transaction: the cached workload can follow it."""
        session.info[DELEGATED_OFFER] = (email, hours, at)

    async def workload_after(self, session: AsyncSession) -> Workload | None:
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
        if end != start._replace(work=start.work + WATCHED_ROWS_PER_DELEGATION):
            return None
        email, hours, at = offer
        return cached.with_offer(email, hours, at, versions=end)

    def keep(self, workload: Workload) -> None:
        """Adopt a workload computed before commit, once the commit made it current."""
        self._workload = workload
