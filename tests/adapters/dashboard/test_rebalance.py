"""The dashboard's Rebalance page: the plan, Apply behind a session-bound CSRF token, and the
same moves and messages as `/lpo rebalance apply` in chat."""

from __future__ import annotations

import re

from adapters.dashboard.web import COOKIE, OUTCOME_COOKIE, csrf_token
from bot.app.commands.matters import import_matters_behind_walls
from bot.application import Application
from bot.replies import Actor
from storage import tasks as task_store
from storage.db import Database
from storage.outbox import list_messages
from storage.tables import Offer, OutboxMessage
from tests.adapters.dashboard.harness import Served, served
from tests.dashboard_support import JUNE, MIRIAM
from tests.security.walls_support import matters_csv

THEO = Actor(email="theo.varga@sample-firm.test")  # associate: delegates
IMANI = Actor(email="imani.sutherland@sample-firm.test")  # paralegal, $60/h
DMITRI = Actor(email="dmitri.albescu@sample-firm.test")  # paralegal, $48/h: cheapest drafter
LETTER = "draft demand letter for 2027-0302 by Friday"  # 1.5 h of drafting 2
CLIENT = "Achebe"  # the client of 2027-0302
PAGE, APPLY = "/dashboard/rebalance", "/dashboard/rebalance/apply"


async def _pending(database: Database, task_id: int) -> Offer:
    async with database.transaction() as session:
        offer = await task_store.pending_offer(session, task_id=task_id)
    assert offer is not None
    return offer


async def _outbox(database: Database, after: int = 0) -> list[OutboxMessage]:
    async with database.transaction() as session:
        return [row for row in await list_messages(session) if (row.id or 0) > after]


async def _lopsided(app: Application, database: Database) -> tuple[int, int]:
    """As in tests/bot/usecases/test_rebalance.py: Dmitri away while Theo delegates three
    letters, all offered to Imani; she accepts one and declines one (which is left
    unassigned). Back, Dmitri is the cheaper home for the other two."""
    assert (await app.availability.away(DMITRI)).ok
    pending, accepted, declined = [(await app.delegation.delegate(THEO, LETTER)).task_id or 0
                                   for _ in range(3)]
    assert (await app.respond.accept(IMANI, (await _pending(database, accepted)).id or 0)).ok
    assert (await app.respond.decline(IMANI, (await _pending(database, declined)).id or 0,
                                      "no capacity")).ok
    assert (await app.availability.back(DMITRI)).ok
    return pending, declined


def _form(page: str) -> dict[str, str]:
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page))
    assert set(fields) == {"csrf", "plan"}, page
    return fields


async def _signed_in_plan(site: Served) -> tuple[str, dict[str, str]]:
    await site.sign_in(MIRIAM)
    response = await site.client.get(PAGE)
    assert response.status == 200
    page = await response.text()
    return page, _form(page)


async def test_the_page_shows_each_move_and_what_it_saves(database_url: str) -> None:
    async with served(database_url, tasks=0, LPO_MAX_OFFERS=1) as site:
        pending, unassigned = await _lopsided(site.application, site.seeded.database)
        page, form = await _signed_in_plan(site)
        assert 'href="/dashboard/rebalance" aria-current="page"' in page
        assert "2 moves, saving <span data-metric=\"saved\">$18</span>" in page
        rows = re.findall(r'<tr data-task="(\d+)">(.*?)</tr>', page)
        cells = {int(task): re.sub(r"<[^>]+>", "|", row).replace("||", "|").strip("|")
                 for task, row in rows}
        assert cells == {
            pending: f"#{pending}|Demand letter|2027-0302|Imani Sutherland|Dmitri Albescu|"
                     "$90|$72|$18",
            unassigned: f"#{unassigned}|Demand letter|2027-0302|unassigned|Dmitri Albescu|"
                        "\u2014|$72|\u2014"}
        assert CLIENT not in page
        assert 'action="/dashboard/rebalance/apply"' in page and "Whole firm" not in page
        assert re.fullmatch(r"[0-9a-f]{10}", form["plan"])


async def test_apply_moves_the_tasks_through_the_outbox_once(database_url: str) -> None:
    async with served(database_url, tasks=0, LPO_MAX_OFFERS=1) as site:
        database = site.seeded.database
        pending, unassigned = await _lopsided(site.application, database)
        moved_offer = await _pending(database, pending)
        _, form = await _signed_in_plan(site)
        before = max(row.id or 0 for row in await _outbox(database))

        applied = await site.client.post(APPLY, data=form, allow_redirects=False)
        assert (applied.status, applied.headers["Location"]) == (303, PAGE)
        assert "HttpOnly" in applied.headers["Set-Cookie"]
        new_a, new_c = await _pending(database, pending), await _pending(database, unassigned)
        dmitri = await site.application.queries.whoami(DMITRI)
        imani = await site.application.queries.whoami(IMANI)
        assert dmitri and imani
        sent = [(row.dedupe_key, row.recipient_id, row.thread_key, row.replaces_key)
                for row in await _outbox(database, before)]
        assert sent == [
            (f"offer:{moved_offer.id}:withdrawn", imani.id, None, f"offer:{moved_offer.id}"),
            (f"offer:{new_a.id}", dmitri.id, f"offer:{new_a.id}", None),
            (f"offer:{new_c.id}", dmitri.id, f"offer:{new_c.id}", None)]

        after = await site.client.get(PAGE)
        text = await after.text()
        assert "Rebalanced: 2 move(s), saving $18" in text and "Nothing to save" in text
        assert OUTCOME_COOKIE not in site.client.session.cookie_jar.filter_cookies(
            site.client.make_url(PAGE))  # shown once
        assert "Rebalanced" not in await (await site.client.get(PAGE)).text()

        # The same form again (a double submit, a back button): already handled, nothing sent.
        again = await site.client.post(APPLY, data=form)
        assert again.status == 200 and "Already handled." in await again.text()
        assert len(await _outbox(database, before)) == 3


async def test_apply_needs_the_sessions_csrf_token(database_url: str) -> None:
    async with served(database_url, tasks=0, LPO_MAX_OFFERS=1) as site:
        database = site.seeded.database
        pending, _ = await _lopsided(site.application, database)
        offer = await _pending(database, pending)
        _, form = await _signed_in_plan(site)
        before = max(row.id or 0 for row in await _outbox(database))
        other_session = csrf_token("another session's secret")
        for csrf in (None, "", "0" * 64, other_session, form["csrf"][:-1]):
            data = {"plan": form["plan"]} | ({"csrf": csrf} if csrf is not None else {})
            refused = await site.client.post(APPLY, data=data, allow_redirects=False)
            assert refused.status == 403, csrf
            assert "Nothing was changed" in await refused.text()
        bad_plan = await site.client.post(APPLY, data={"csrf": form["csrf"], "plan": "<b>"})
        assert bad_plan.status == 400 and "<b>" not in await bad_plan.text()
        assert await _outbox(database, before) == []
        assert (await _pending(database, pending)).id == offer.id


async def test_apply_needs_a_managers_session(database_url: str) -> None:
    async with served(database_url, tasks=0, LPO_MAX_OFFERS=1) as site:
        database = site.seeded.database
        await _lopsided(site.application, database)
        _, form = await _signed_in_plan(site)
        before = max(row.id or 0 for row in await _outbox(database))
        site.client.session.cookie_jar.clear()
        for request in (site.client.get(PAGE), site.client.post(APPLY, data=form),
                        site.client.post(APPLY, data=form,
                                         cookies={COOKIE: "x" * 43})):
            response = await request
            assert response.status == 401
        theo_link = await site.application.dashboard.link_for(THEO)
        assert theo_link.status == "forbidden"  # non-managers get no session to begin with
        assert await _outbox(database, before) == []


async def test_a_screened_managers_plan_leaves_the_walled_matter_out(database_url: str) -> None:
    async with served(database_url, tasks=0, LPO_MAX_OFFERS=1) as site:
        database = site.seeded.database
        pending, _ = await _lopsided(site.application, database)
        async with database.transaction() as session:
            await import_matters_behind_walls(site.seeded.settings, session,
                                              matters_csv({"2027-0302": (MIRIAM,)}),
                                              source="matters.csv")
        await site.sign_in(MIRIAM)
        page = await (await site.client.get(PAGE)).text()
        assert "Nothing to save" in page and "2027-0302" not in page and CLIENT not in page
        assert "/dashboard/rebalance/apply" not in page
        # June manages Imani and is not screened: her plan has the offer Imani holds.
        site.client.session.cookie_jar.clear()
        await site.sign_in(JUNE)
        june = await (await site.client.get(PAGE)).text()
        assert re.findall(r'<tr data-task="(\d+)">', june) == [str(pending)]


async def test_a_plan_that_changed_is_shown_again_not_applied(database_url: str) -> None:
    async with served(database_url, tasks=0, LPO_MAX_OFFERS=1) as site:
        database = site.seeded.database
        pending, unassigned = await _lopsided(site.application, database)
        _, form = await _signed_in_plan(site)
        # Imani accepts the offer the plan would move: the plan on screen is stale.
        accepted = await site.application.respond.accept(
            IMANI, (await _pending(database, pending)).id or 0)
        assert accepted.ok
        before = max(row.id or 0 for row in await _outbox(database))
        response = await site.client.post(APPLY, data=form)
        page = await response.text()
        assert response.status == 200 and str(response.url).endswith(PAGE)
        assert ("The plan changed since it was shown; nothing moved: here is the new one."
                in page)
        assert re.findall(r'<tr data-task="(\d+)">', page) == [str(unassigned)]
        assert _form(page)["plan"] != form["plan"]
        assert await _outbox(database, before) == []
