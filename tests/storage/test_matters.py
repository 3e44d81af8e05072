"""The matters repository: upserts by number and ethical-wall screens."""

from __future__ import annotations

from decimal import Decimal

from storage import matters as matter_store
from storage import staff as staff_store
from storage.db import Database


async def _people(db: Database, *emails: str) -> list[int]:
    ids = []
    async with db.transaction() as session:
        for email in emails:
            staff, _ = await staff_store.upsert_staff(
                session, email=email,
                values={"name": email.split("@")[0], "role": "paralegal",
                        "hourly_rate": Decimal(50)})
            assert staff.id is not None
            ids.append(staff.id)
    return ids


async def test_upsert_by_number_then_update_and_no_change(db: Database) -> None:
    async with db.transaction() as session:
        matter, change = await matter_store.upsert_matter(
            session, number=" 2027-0001 ", values={"client_name": "Vera Lind", "title": "Lind"})
        assert change == "created" and matter.number == "2027-0001"
        _, change = await matter_store.upsert_matter(session, number="2027-0001",
                                                     values={"jurisdiction": "FL"})
        assert change == "updated"
        _, change = await matter_store.upsert_matter(session, number="2027-0001",
                                                     values={"jurisdiction": "FL"})
        assert change == "unchanged"
    async with db.transaction() as session:
        found = await matter_store.get_matter_by_number(session, number="2027-0001")
        assert await matter_store.get_matter_by_number(session, number="2027-9999") is None
        assert await matter_store.count_matters(session) == 1
    assert found is not None
    assert (found.client_name, found.title, found.jurisdiction) == ("Vera Lind", "Lind", "FL")


async def test_list_matters_is_ordered_by_number(db: Database) -> None:
    async with db.transaction() as session:
        for number in ("2027-0003", "2027-0001", "2027-0002"):
            await matter_store.upsert_matter(session, number=number,
                                             values={"client_name": f"Client {number}"})
    async with db.transaction() as session:
        numbers = [m.number for m in await matter_store.list_matters(session)]
    assert numbers == ["2027-0001", "2027-0002", "2027-0003"]


async def test_screens_are_replaced_exactly(db: Database) -> None:
    ada, bob, cy = await _people(db, "ada@example.test", "bob@example.test", "cy@example.test")
    async with db.transaction() as session:
        walled, _ = await matter_store.upsert_matter(session, number="2027-0001",
                                                     values={"client_name": "Vera Lind"})
        open_matter, _ = await matter_store.upsert_matter(session, number="2027-0002",
                                                          values={"client_name": "Abe Ost"})
        assert walled.id is not None
        assert await matter_store.set_screens(session, matter_id=walled.id, staff_ids=[ada, bob])
        assert not await matter_store.set_screens(session, matter_id=walled.id,
                                                  staff_ids=[bob, ada])
    async with db.transaction() as session:
        assert await matter_store.list_screens(session) == {walled.id: {ada, bob}}
        assert await matter_store.set_screens(session, matter_id=walled.id, staff_ids=[bob, cy])
    async with db.transaction() as session:
        assert await matter_store.list_screens(session) == {walled.id: {bob, cy}}
        assert await matter_store.set_screens(session, matter_id=walled.id, staff_ids=[])
    async with db.transaction() as session:
        assert await matter_store.list_screens(session) == {}
        assert open_matter.id not in await matter_store.list_screens(session)
