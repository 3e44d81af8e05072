"""Learning from every answer, through the application, on both databases: asking before
anything is offered, remembering a confirmed phrasing, "Wrong type?", the nightly retraining."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.app.bootstrap import bootstrap
from bot.queries import task_rows
from bot.replies import Actor
from bot.scheduler import run_due_jobs
from bot.usecases.delegate import NOTHING_REASON, NOTHING_TO_DELEGATE, Overrides
from storage import examples as example_store
from storage.tables import Offer, OutboxMessage
from tests.support import NEW_YORK, sample_bot, settings_for

THEO = Actor(email="theo.varga@sample-firm.test")
FELIX = Actor(email="felix.marchetti@sample-firm.test")  # screened from 2027-0301 (Whitfield)
CLIENTS = ("Lorraine", "Whitfield", "Desmond", "Achebe", "Rosalind", "Kwan", "Gideon", "Lark")


async def test_an_unsure_request_asks_first_and_its_answer_is_remembered(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        app = bot.application
        asked = await app.delegation.delegate(THEO, "please handle the thing for Achebe by Friday")
        assert asked.status == "needs_confirmation" and asked.confirmation is not None
        confirmation = asked.confirmation
        assert confirmation.unsure[0] == "task_type" and confirmation.reasons
        assert confirmation.type_choices[:len(confirmation.candidates)] == confirmation.candidates
        assert all("_" not in choice.label for choice in confirmation.type_choices)  # labels
        assert confirmation.matter == "2027-0302"
        async with bot.database.transaction() as session:
            assert await task_rows(session) == []  # nothing created, nothing offered
            assert (await session.execute(select(Offer))).first() is None

        done = await app.delegation.delegate(
            THEO, confirmation.text, overrides=Overrides(task_type="demand ltr"), confirmed=True)
        assert done.ok and " offered to " in done.message.title
        async with bot.database.transaction() as session:
            (example,) = await example_store.list_examples(session)
        assert (example.task_type, example.source) == ("demand_letter", "confirm")
        assert example.text == "please handle the thing for client by friday"
        assert not any(name.lower() in example.text for name in CLIENTS)

        # The same words for another client, on another day: understood, not asked again.
        again = await app.delegation.delegate(THEO, "please handle the thing for Lark by Monday")
        assert again.ok, again.message
        async with bot.database.transaction() as session:
            rows = await task_rows(session)
        assert [row["task_type"] for row in rows] == ["demand_letter", "demand_letter"]
        assert rows[1]["matter"] == "2027-0306"


async def test_a_message_that_delegates_nothing_is_told_so_and_may_still_pick_a_type(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        delegation = bot.application.delegation
        told = await delegation.delegate(THEO, "thanks all, lunch is in the kitchen")
        assert told.status == "needs_confirmation" and told.confirmation is not None
        assert told.message.title == NOTHING_TO_DELEGATE
        assert told.confirmation.reasons == (NOTHING_REASON + ".",)
        assert told.confirmation.task_type is None and told.confirmation.unsure == ("task_type",)
        assert len(told.confirmation.type_choices) == len(delegation.type_choices())
        refused = await delegation.delegate(THEO, "thanks all, lunch is in the kitchen",
                                            confirmed=True)
        assert refused.status == "invalid"
        async with bot.database.transaction() as session:
            assert await task_rows(session) == []  # nothing created

        picked = await delegation.delegate(THEO, "thanks all, lunch is in the kitchen",
                                           confirmed=True,
                                           overrides=Overrides(task_type="document collection"))
        assert picked.ok, picked.message


async def test_wrong_type_withdraws_the_offer_in_place_and_offers_the_right_work(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        app = bot.application
        done = await app.delegation.delegate(THEO, "draft demand letter for 2027-0302 by Friday")
        assert done.ok and done.task_id == 1
        assert [a.label for a in done.message.actions] == ["Wrong type?"]

        fixed = await app.delegation.correct(THEO, 1, "legal research")
        assert fixed.ok, fixed.message
        assert fixed.message.title.startswith("Task #1 is now legal research: offered to")
        async with bot.database.transaction() as session:
            offers = list((await session.execute(select(Offer).order_by(Offer.id))).scalars())
            withdrawn = (await session.execute(select(OutboxMessage).where(
                OutboxMessage.replaces_key == f"offer:{offers[0].id}"))).scalars().all()
            (row,) = await task_rows(session)
            (example,) = await example_store.list_examples(session)
        assert [o.state for o in offers] == ["withdrawn", "pending"]
        assert len(withdrawn) == 1  # the first offer's card is updated in place
        assert row["task_type"] == "legal_research" and row["state"] == "offered"
        assert (example.task_type, example.source) == ("legal_research", "correct")
        assert "2027-0302" not in example.text and "achebe" not in example.text

        same = await app.delegation.correct(THEO, 1, "Legal research")
        assert same.status == "invalid" and "already legal research" in same.message.title
        unknown = await app.delegation.correct(THEO, 1, "interpretive dance")
        assert unknown.status == "invalid" and "Document review" in unknown.message.body
        someone_else = await app.delegation.correct(FELIX, 1, "document review")
        assert someone_else.status == "forbidden"


async def test_the_matter_picker_never_offers_a_screened_matter(database_url: str) -> None:
    async with sample_bot(database_url) as (bot, _clock, _out):
        delegation = bot.application.delegation
        assert await delegation.matter_choices(FELIX, "whitfield") == ()
        assert await delegation.matter_choices(FELIX, "2027-0301") == ()
        assert [c.value for c in await delegation.matter_choices(THEO, "whitfield") or ()] == [
            "2027-0301"]
        mine = await delegation.matter_choices(FELIX, "") or ()
        assert "2027-0301" not in {c.value for c in mine} and len(mine) == 7
        assert await delegation.matter_choices(Actor(email="nobody@x.test"), "") is None


async def test_the_nightly_job_retrains_on_the_firms_examples_once_and_others_follow(
        database_url: str) -> None:
    async with sample_bot(database_url) as (bot, clock, _out):
        app = bot.application
        asked = await app.delegation.delegate(THEO, "look into the Kwan thing")
        assert asked.status == "needs_confirmation"
        await app.delegation.delegate(THEO, "look into the Kwan thing", confirmed=True,
                                      overrides=Overrides(task_type="legal_research"))
        assert (await run_due_jobs(app, clock()))["retrain_model"] == 0  # 10 am: not tonight

        night = datetime(2027, 3, 3, 2, 30, tzinfo=NEW_YORK)
        assert (await run_due_jobs(app, night))["retrain_model"] == 1
        status = await app.learning.status(night)
        assert status["trained_at"] == night.astimezone(UTC).isoformat()
        assert isinstance(status["cv_accuracy"], float)
        assert status["by_source"]["confirm"] == 1  # type: ignore[index]
        assert app.units.state.model is not None
        assert app.units.state.model.by_source["confirm"] == 1
        assert await app.learning.nightly(night + timedelta(minutes=30)) == 0  # once a night

        # Another server instance on the same database refits its model at its next tick.
        other = bootstrap(settings_for(database_url), clock=clock, database=bot.database)
        model = other.application.units.state.model
        assert model is not None and "confirm" not in model.by_source
        assert await other.application.learning.nightly(clock()) == 1
        refitted = other.application.units.state.model
        assert refitted is not None and refitted.by_source["confirm"] == 1
        assert await other.application.learning.nightly(clock()) == 0
