"""Sign-in links and sessions: hashed at rest, once only, ten minutes and eight hours, revocable."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot import sign_in
from storage.db import Database
from storage.tables import DashboardLink, DashboardSession, Staff
from tests.dashboard_support import NOW


async def _someone(db: Database) -> int:
    async with db.transaction() as session:
        person = Staff(email="m@firm.test", name="M", role="partner", hourly_rate=500,
                       is_manager=True)
        session.add(person)
        await session.flush()
        return person.id or 0


async def test_a_link_works_once_within_ten_minutes(db: Database) -> None:
    staff_id = await _someone(db)
    async with db.transaction() as session:
        token = await sign_in.issue_link(session, staff_id=staff_id, now=NOW)
        late = await sign_in.issue_link(session, staff_id=staff_id, now=NOW)
    async with db.transaction() as session:
        stored = list((await session.execute(select(DashboardLink.token_hash))).scalars())
    assert token not in stored and sign_in.fingerprint(token) in stored  # hashed at rest
    async with db.transaction() as session:
        grant = await sign_in.redeem(session, token=token, now=NOW + timedelta(minutes=9))
        again = await sign_in.redeem(session, token=token, now=NOW + timedelta(minutes=9))
        expired = await sign_in.redeem(session, token=late, now=NOW + timedelta(minutes=10))
        forged = await sign_in.redeem(session, token="x" * 43, now=NOW)
    assert grant is not None and grant.staff_id == staff_id
    assert (again, expired, forged) == (None, None, None)


async def test_a_session_lasts_eight_hours_and_is_stored_hashed(db: Database) -> None:
    staff_id = await _someone(db)
    async with db.transaction() as session:
        token = await sign_in.issue_link(session, staff_id=staff_id, now=NOW)
        grant = await sign_in.redeem(session, token=token, now=NOW)
    assert grant is not None and grant.expires_at == NOW + timedelta(hours=8)
    async with db.transaction() as session:
        stored = list((await session.execute(select(DashboardSession.session_hash))).scalars())
        during = await sign_in.session_owner(session, secret=grant.secret,
                                             now=NOW + timedelta(hours=7, minutes=59))
        after = await sign_in.session_owner(session, secret=grant.secret,
                                            now=NOW + timedelta(hours=8))
        nonsense = await sign_in.session_owner(session, secret="<script>", now=NOW)
    assert stored == [sign_in.fingerprint(grant.secret)]
    assert (during, after, nonsense) == (staff_id, None, None)


async def test_revoke_all_ends_sessions_and_unused_links(db: Database) -> None:
    staff_id = await _someone(db)
    async with db.transaction() as session:
        used = await sign_in.issue_link(session, staff_id=staff_id, now=NOW)
        unused = await sign_in.issue_link(session, staff_id=staff_id, now=NOW)
        grant = await sign_in.redeem(session, token=used, now=NOW)
    async with db.transaction() as session:
        assert await sign_in.revoke_all(session) == (1, 1)
    async with db.transaction() as session:
        assert grant is not None
        assert await sign_in.session_owner(session, secret=grant.secret, now=NOW) is None
        assert await sign_in.redeem(session, token=unused, now=NOW) is None
