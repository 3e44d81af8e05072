"""The application the adapters and the scheduler talk to: every use case group, built once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.clock import Clock, system_clock
from bot.conversations import ConversationBook
from bot.firm_state import FirmState
from bot.offering import Offering
from bot.queries import Queries
from bot.request_model import RequestModel
from bot.settings import Settings
from bot.unit_of_work import Units
from bot.usecases.availability import Availability
from bot.usecases.dashboard import Dashboard
from bot.usecases.delegate import Delegation
from bot.usecases.digest import Digest
from bot.usecases.learning import Learning
from bot.usecases.manage import Manage
from bot.usecases.rebalance import Rebalancing
from bot.usecases.reminders import Reminders
from bot.usecases.respond import Respond
from bot.usecases.review import Review
from bot.usecases.screens import Screens
from matching.model import Taxonomy
from storage.db import Database


@dataclass(frozen=True, slots=True)
class Application:
    """lpo-bot without its front ends: `bot.respond.accept(actor, offer_id)` and so on.

    Every call that changes something runs in one unit of work and answers a `Reply`; the
    messages it causes wait in the outbox until the dispatcher delivers them.
    """

    settings: Settings
    clock: Clock
    units: Units
    conversations: ConversationBook
    delegation: Delegation
    respond: Respond
    review: Review
    manage: Manage
    rebalancing: Rebalancing
    availability: Availability
    reminders: Reminders
    screens: Screens
    digest: Digest
    learning: Learning
    queries: Queries
    dashboard: Dashboard

    def wake(self) -> None:
        """Tell the outbox dispatcher that messages are waiting."""
        self.units.wake()


def build_application(database: Database, settings: Settings, taxonomy: Taxonomy, *,
                      model: RequestModel | None = None, clock: Clock = system_clock,
                      wake: Callable[[], None] = lambda: None) -> Application:
    """The use case groups over one database; `wake` is called after each commit.

    `model` reads requests (the second opinion); only a bot that reads none may go without.
    """
    state = FirmState(settings, taxonomy, clock=clock, model=model)
    units = Units(database, state, taxonomy, clock=clock, wake=wake)
    offering = Offering(settings, taxonomy)
    return Application(
        settings=settings, clock=clock, units=units,
        conversations=ConversationBook(database, clock=clock),
        delegation=Delegation(units, offering, taxonomy),
        respond=Respond(units, offering),
        review=Review(units),
        manage=Manage(units, offering),
        rebalancing=Rebalancing(units, offering),
        availability=Availability(units),
        reminders=Reminders(units),
        screens=Screens(units, offering),
        digest=Digest(units, settings),
        learning=Learning(units, state, taxonomy, settings),
        queries=Queries(units, settings),
        dashboard=Dashboard(units, settings))
